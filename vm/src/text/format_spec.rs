//! format_spec (in progress).
