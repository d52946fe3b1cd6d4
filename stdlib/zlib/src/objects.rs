//! `zlib.Compress` and `zlib.Decompress`, the objects `compressobj()` and
//! `decompressobj()` return: streaming codecs with CPython's methods,
//! attributes (`unused_data`, `unconsumed_tail`, `eof`) and messages.

use rpy_vm::{
    BytesLike, ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, VarArgs, Vm,
};

use crate::deflater::{Deflater, Flush};
use crate::error::{raise, Fail};
use crate::inflater::Inflater;

/// `Z_NO_FLUSH` ... `Z_TREES`.
const Z_NO_FLUSH: i32 = 0;
const Z_FULL_FLUSH: i32 = 3;
const Z_FINISH: i32 = 4;
const Z_TREES: i32 = 6;

/// A compression stream.
pub struct Compress {
    pub def: Deflater,
}

impl NativeClass for Compress {
    const NAME: &'static str = "Compress";
    const MODULE: &'static str = "zlib";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, _: VarArgs, _: KwArgs| -> PyResult<Self> {
            Err(vm.type_error("cannot create 'zlib.Compress' instances"))
        });
        c.method("compress", compress);
        c.method("flush", compress_flush);
        c.method("copy", compress_copy);
        c.method("__copy__", compress_copy);
        c.method(
            "__deepcopy__",
            |vm: &mut Vm, this: Native<Self>, _memo: Value| compress_copy(vm, this),
        );
    }
}

fn compress(vm: &mut Vm, this: Native<Compress>, data: Value) -> PyResult<BytesLike> {
    let data = crate::input::data(vm, &data)?;
    vm.check_alloc(data.len())?;
    let mut out = Vec::new();
    let r = this.with_mut(vm, |c| c.def.compress(&data, &mut out))?;
    match r {
        Ok(()) => Ok(BytesLike(out)),
        Err(f) => Err(raise(vm, f, "while compressing data")),
    }
}

fn compress_flush(vm: &mut Vm, this: Native<Compress>, mode: OptArg<i32>) -> PyResult<BytesLike> {
    let how = match mode.unwrap_or(Z_FINISH) {
        Z_NO_FLUSH => return Ok(BytesLike(Vec::new())),
        Z_FULL_FLUSH => Ok(Flush::Full),
        Z_FINISH => Ok(Flush::Finish),
        // Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_BLOCK and Z_TREES all end at a
        // byte boundary here.
        1..=Z_TREES => Ok(Flush::Sync),
        _ => Err(Fail::Z(-2, "inconsistent stream state")),
    };
    let mut out = Vec::new();
    let r = match how {
        Ok(how) => this.with_mut(vm, |c| c.def.flush(how, &mut out))?,
        Err(f) => Err(f),
    };
    match r {
        Ok(()) => Ok(BytesLike(out)),
        Err(f) => Err(raise(vm, f, "while flushing")),
    }
}

fn compress_copy(vm: &mut Vm, this: Native<Compress>) -> PyResult<Value> {
    if this.with(vm, |c| c.def.is_finished())? {
        return Err(vm.value_error("Inconsistent stream state"));
    }
    let cls = vm.exc.not_implemented_error.clone();
    Err(vm.new_error(
        &cls,
        "zlib.Compress.copy() is not supported: rpy's deflate encoder (miniz_oxide) cannot copy its state",
    ))
}

/// A decompression stream (taken out of its object while it runs).
pub struct Decompress(Option<Box<Stream>>);

/// The state of a decompression stream.
#[derive(Clone)]
pub struct Stream {
    inf: Inflater,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
}

impl Decompress {
    pub fn new(inf: Inflater) -> Decompress {
        Decompress(Some(Box::new(Stream {
            inf,
            unused_data: Vec::new(),
            unconsumed_tail: Vec::new(),
            eof: false,
        })))
    }

    /// Reads a field of the stream.
    fn get<R: Default>(&self, f: impl FnOnce(&Stream) -> R) -> R {
        self.0.as_deref().map(f).unwrap_or_default()
    }
}

/// Takes the stream out of its object, for a step that needs the VM.
fn take(vm: &mut Vm, this: &Native<Decompress>) -> PyResult<Box<Stream>> {
    match this.with_mut(vm, |d| d.0.take())? {
        Some(s) => Ok(s),
        None => Err(vm.runtime_error("zlib.Decompress object is already in use")),
    }
}

/// Puts the stream back.
fn put(vm: &mut Vm, this: &Native<Decompress>, s: Box<Stream>) -> PyResult<()> {
    this.with_mut(vm, |d| d.0 = Some(s))
}

impl Stream {
    /// Decompresses `data` (at most `max` bytes of output), keeping what
    /// is left of the input as `unconsumed_tail` or, after the end of the
    /// stream, `unused_data`.
    fn run(
        &mut self,
        vm: &mut Vm,
        data: &[u8],
        max: Option<usize>,
        out: &mut Vec<u8>,
    ) -> Result<(), Fail> {
        let used = self.inf.inflate(vm, data, out, max)?;
        let rest = data.get(used..).unwrap_or_default();
        if self.inf.is_done() {
            self.eof = true;
            self.unused_data.extend_from_slice(rest);
            self.unconsumed_tail.clear();
        } else {
            self.unconsumed_tail = rest.to_vec();
        }
        Ok(())
    }
}

impl NativeClass for Decompress {
    const NAME: &'static str = "Decompress";
    const MODULE: &'static str = "zlib";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, _: VarArgs, _: KwArgs| -> PyResult<Self> {
            Err(vm.type_error("cannot create 'zlib.Decompress' instances"))
        });
        c.method("decompress", decompress)
            .params(&["data", "/", "max_length"]);
        c.method("flush", decompress_flush);
        c.method("copy", decompress_copy);
        c.method("__copy__", decompress_copy);
        c.method(
            "__deepcopy__",
            |vm: &mut Vm, this: Native<Self>, _memo: Value| decompress_copy(vm, this),
        );
        c.getter("unused_data", |d: &Self| {
            BytesLike(d.get(|s| s.unused_data.clone()))
        });
        c.getter("unconsumed_tail", |d: &Self| {
            BytesLike(d.get(|s| s.unconsumed_tail.clone()))
        });
        c.getter("eof", |d: &Self| d.get(|s| s.eof));
    }
}

/// The Python exception of a decompression failure.
fn decompress_error(vm: &mut Vm, this: &Native<Decompress>, f: Fail) -> rpy_vm::PyErr {
    let dict = this
        .with(vm, |d| d.get(|s| s.inf.dict_failed))
        .unwrap_or(false);
    let context = if dict {
        "while setting zdict"
    } else {
        "while decompressing data"
    };
    raise(vm, f, context)
}

fn decompress(
    vm: &mut Vm,
    this: Native<Decompress>,
    data: Value,
    max_length: OptArg<isize>,
) -> PyResult<BytesLike> {
    let data = crate::input::data(vm, &data)?;
    let max = max_length.unwrap_or(0);
    if max < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let max = usize::try_from(max).ok().filter(|m| *m > 0);
    // The stream is taken out while it runs (the VM is needed for the
    // memory checks, which cannot run Python code).
    let mut d = take(vm, &this)?;
    let mut out = Vec::new();
    let r = if d.eof {
        d.unused_data.extend_from_slice(&data);
        Ok(())
    } else {
        d.run(vm, &data, max, &mut out)
    };
    put(vm, &this, d)?;
    match r {
        Ok(()) => Ok(BytesLike(out)),
        Err(f) => Err(decompress_error(vm, &this, f)),
    }
}

fn decompress_flush(
    vm: &mut Vm,
    this: Native<Decompress>,
    length: OptArg<isize>,
) -> PyResult<BytesLike> {
    if length.unwrap_or(16384) <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let mut d = take(vm, &this)?;
    let tail = std::mem::take(&mut d.unconsumed_tail);
    let mut out = Vec::new();
    let r = if d.eof {
        Ok(())
    } else {
        d.run(vm, &tail, None, &mut out)
    };
    put(vm, &this, d)?;
    match r {
        Ok(()) => Ok(BytesLike(out)),
        Err(f) => Err(raise(vm, f, "while flushing")),
    }
}

fn decompress_copy(vm: &mut Vm, this: Native<Decompress>) -> PyResult<Value> {
    let d = this.with(vm, |d| d.0.clone())?;
    Ok(vm.new_native_object(Decompress(d)))
}
