//! bytes_ops (in progress).
