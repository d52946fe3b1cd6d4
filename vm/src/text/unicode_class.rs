//! unicode_class (in progress).
