//! Codecs with CPython 3.11's exact `binascii` and `base64` semantics.
//! Knows nothing of any host: hosts map [`Error`]s to their exceptions.
#![forbid(unsafe_code)]
