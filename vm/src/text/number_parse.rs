//! number_parse (in progress).
