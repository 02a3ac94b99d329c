//! External term format (placeholder: being written).
