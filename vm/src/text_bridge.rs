//! Glue between the pure text algorithms (`crate::text`) and the VM:
//! their errors become Python exceptions, and the codec calls raise
//! `UnicodeEncodeError` / `UnicodeDecodeError` objects with CPython's
//! attributes and messages.

use crate::text::codecs::{self, CodecError, CodecFailure};
use crate::text::TextError;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    /// The Python exception for a text-algorithm error.
    pub fn text_error(&mut self, e: TextError) -> PyErr {
        match e {
            TextError::ValueError(m) => self.value_error(m),
            TextError::TypeError(m) => self.type_error(m),
            TextError::OverflowError(m) => self.overflow_error(m),
            TextError::IndexError(m) => self.index_error(m),
            TextError::LookupError(m) => {
                let c = self.exc.lookup_error.clone();
                self.new_error(&c, m)
            }
            TextError::NotImplemented(m) => self.not_implemented_error(m),
            TextError::MemoryError => self.memory_error(),
        }
    }

    /// `s.encode(encoding, errors)`.
    pub fn encode_str(&mut self, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
        if codecs::Codec::lookup(encoding).is_err() {
            let obj = self.str_val(s);
            let r = self.registry_codec(&obj, encoding, errors, 0)?;
            return match r.payload() {
                Some(crate::object::Payload::Bytes(b)) => Ok(b.to_vec()),
                _ => Err(self.type_error(format!(
                    "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                    self.type_name(&r)
                ))),
            };
        }
        match codecs::encode_named(s, encoding, errors) {
            Ok(b) => Ok(b),
            Err(CodecFailure::Other(e)) => Err(self.text_error(e)),
            Err(CodecFailure::Unicode(e)) => {
                let object = self.str_val(s);
                Err(self.unicode_error(&e, object))
            }
        }
    }

    /// `b.decode(encoding, errors)`.
    pub fn decode_bytes(&mut self, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
        if codecs::Codec::lookup(encoding).is_err() {
            let obj = self.new_bytes(b.to_vec());
            let r = self.registry_codec(&obj, encoding, errors, 1)?;
            return match r.as_str() {
                Some(s) => Ok(s.to_owned()),
                None => Err(self.type_error(format!(
                    "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                    self.type_name(&r)
                ))),
            };
        }
        match codecs::decode_named(b, encoding, errors) {
            Ok(s) => Ok(s),
            Err(CodecFailure::Other(e)) => Err(self.text_error(e)),
            Err(CodecFailure::Unicode(e)) => {
                let object = self.new_bytes(b.to_vec());
                Err(self.unicode_error(&e, object))
            }
        }
    }

    /// An encoding `crate::text::codecs` does not know, through the codec
    /// registry (`encodings`), as CPython does for all but its built-in
    /// shortcuts; only text encodings qualify.
    fn registry_codec(
        &mut self,
        obj: &Value,
        encoding: &str,
        errors: &str,
        which: usize,
    ) -> PyResult<Value> {
        let info = crate::codecs::lookup(self, encoding)?;
        if let Ok(Value::Bool(false)) = self.get_attr_str(&info, "_is_text_encoding") {
            let verb = if which == 0 { "encode" } else { "decode" };
            let c = self.exc.lookup_error.clone();
            return Err(self.new_error(
                &c,
                format!("'{encoding}' is not a text encoding; use codecs.{verb}() to handle arbitrary codecs"),
            ));
        }
        crate::codecs::call_codec(self, obj, encoding, errors, which)
    }

    /// Builds `UnicodeEncodeError(encoding, object, start, end, reason)`
    /// (or the decode one) by calling the class, so the exception has the
    /// usual attributes and `str()`.
    fn unicode_error(&mut self, e: &CodecError, object: Value) -> PyErr {
        let cls = if e.decoding {
            self.exc.unicode_decode_error.clone()
        } else {
            self.exc.unicode_encode_error.clone()
        };
        let args = vec![
            self.str_val(e.encoding),
            object,
            Value::Int(e.start as i64),
            Value::Int(e.end as i64),
            self.str_val(e.reason),
        ];
        match self.call(&Value::Obj(cls), &args) {
            Ok(Value::Obj(exc)) => PyErr(exc),
            Ok(_) => self.value_error(e.message()),
            Err(err) => err,
        }
    }
}
