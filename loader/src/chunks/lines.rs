//! Line chunk (placeholder: being written).
