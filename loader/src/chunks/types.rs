//! Type chunk (placeholder: being written).
