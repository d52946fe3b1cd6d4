//! rpy's native `binascii` and `_base64` modules, written against the VM's
//! public native-module API.
#![forbid(unsafe_code)]
