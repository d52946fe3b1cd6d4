//! percent_format (in progress).
