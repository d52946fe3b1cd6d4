//! str_ops (in progress).
