//! The buffered binary streams over a raw stream: `BufferedReader`,
//! `BufferedWriter`, `BufferedRandom` (one core, [`Buffered`], with the
//! read buffer, the write buffer and CPython's messages) and
//! `BufferedRWPair` (a reader and a writer side by side). A raw stream
//! that is exactly `FileIO` is driven directly; any other through its
//! Python methods.

use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyRef, PyResult, Value, VarArgs, Vm};

use crate::common::{bytes_of, copy_into, int_arg, size_arg, unsupported, DEFAULT_BUFFER_SIZE};
use crate::fileio::{self, FileIO};

/// The state shared by the three buffered classes.
pub struct Buffered {
    raw: Value,
    ok: bool,
    detached: bool,
    size: usize,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    /// The raw stream's descriptor when it is exactly `FileIO`.
    fast: bool,
    /// At teardown, once `raw` is cleared: where bytes a text stream above
    /// still hands down go (descriptor, table handle).
    orphan: Option<(i32, Option<std::rc::Rc<std::os::fd::OwnedFd>>)>,
}

impl Default for Buffered {
    fn default() -> Self {
        Buffered {
            raw: Value::None,
            ok: false,
            detached: false,
            size: DEFAULT_BUFFER_SIZE,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            fast: false,
            orphan: None,
        }
    }
}

impl Buffered {
    fn avail(&self) -> usize {
        self.rbuf.len() - self.rpos
    }
}

/// What the three classes share: access to the core and their abilities.
pub trait BufClass: NativeClass {
    const READ: bool;
    const WRITE: bool;
    fn core(&self) -> &Buffered;
    fn core_mut(&mut self) -> &mut Buffered;
}

macro_rules! buf_class {
    ($t:ident, $name:literal, $read:literal, $write:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Default)]
        pub struct $t(Buffered);

        impl BufClass for $t {
            const READ: bool = $read;
            const WRITE: bool = $write;
            fn core(&self) -> &Buffered {
                &self.0
            }
            fn core_mut(&mut self) -> &mut Buffered {
                &mut self.0
            }
        }

        impl NativeClass for $t {
            const NAME: &'static str = $name;
            const MODULE: &'static str = "_io";
            const BASETYPE: bool = true;
            const DICT: bool = true;
            const DOC: Option<&'static str> = Some($doc);

            fn base(vm: &mut Vm) -> Option<PyRef> {
                Some(vm.native_type::<crate::iobase::BufferedIOBase>())
            }

            fn define(c: &mut ClassDef<Self>) {
                define_common(c);
            }

            fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
                visit(&self.0.raw);
            }

            fn clear(&mut self, out: &mut Vec<Value>) {
                // Teardown: write out the buffer while the file is known.
                if let Some(f) = self.0.raw.as_obj().and_then(|o| o.downcast_ref::<FileIO>()) {
                    fileio::write_on_drop(&f, &self.0.wbuf);
                    if f.fd >= 0 && f.writable {
                        self.0.orphan = Some((f.fd, f.handle.clone()));
                    }
                }
                self.0.wbuf.clear();
                out.push(std::mem::replace(&mut self.0.raw, Value::None));
            }
        }
    };
}

buf_class!(
    BufferedReader,
    "BufferedReader",
    true,
    false,
    "Create a new buffered reader using the given readable raw IO object."
);
buf_class!(
    BufferedWriter,
    "BufferedWriter",
    false,
    true,
    "A buffer for a writeable sequential RawIO object."
);
buf_class!(
    BufferedRandom,
    "BufferedRandom",
    true,
    true,
    "A buffered interface to random access streams."
);

/// The raw stream, checking that the object is initialised and attached.
fn raw_of<T: BufClass>(vm: &mut Vm, this: &Native<T>) -> PyResult<(Value, bool)> {
    let (ok, detached, raw, fast) = this.with(vm, |b| {
        (
            b.core().ok,
            b.core().detached,
            b.core().raw.clone(),
            b.core().fast,
        )
    })?;
    if detached {
        return Err(vm.value_error("raw stream has been detached"));
    }
    if !ok {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok((raw, fast))
}

fn fast_fd(vm: &mut Vm, raw: &Value) -> PyResult<i32> {
    let n = Native::<FileIO>::from_python(vm, raw)?;
    let fd = n.with(vm, |f| f.fd)?;
    if fd < 0 {
        return Err(crate::common::closed_error(vm, false));
    }
    Ok(fd)
}

use rpy_vm::FromPython;

fn raw_read(vm: &mut Vm, raw: &Value, fast: bool, n: usize) -> PyResult<Option<Vec<u8>>> {
    if fast {
        let f = Native::<FileIO>::from_python(vm, raw)?;
        let (fd, ok, console) = f.with(vm, |f| (f.fd, f.readable, f.console))?;
        if fd >= 0 && ok {
            if console {
                return crate::stdio::console_read(vm, &f, n as i64).map(Some);
            }
            return fileio::read_fd(vm, fd, n);
        }
    }
    let r = vm.call_method(raw, "read", &[Value::Int(n as i64)])?;
    if r.is_none() {
        return Ok(None);
    }
    match vm.buffer(&r)? {
        Some(b) => {
            if b.bytes.len() > n {
                return Err(vm.os_error(format!(
                    "raw readinto() returned invalid length {} (should have been between 0 and {n})",
                    b.bytes.len()
                )));
            }
            Ok(Some(b.bytes))
        }
        None => {
            let t = vm.type_name(&r);
            Err(vm.type_error(format!("read() should return bytes, not {t}")))
        }
    }
}

fn raw_write(vm: &mut Vm, raw: &Value, fast: bool, data: &[u8]) -> PyResult<Option<usize>> {
    if fast {
        let f = Native::<FileIO>::from_python(vm, raw)?;
        let (fd, ok, console) = f.with(vm, |f| (f.fd, f.writable, f.console))?;
        if fd >= 0 && ok {
            if console {
                vm.console_write(fd == 2, data)?;
                return Ok(Some(data.len()));
            }
            return fileio::write_fd(vm, fd, data);
        }
    }
    let b = vm.new_bytes(data.to_vec());
    let r = vm.call_method(raw, "write", &[b])?;
    if r.is_none() {
        return Ok(None);
    }
    let n = int_arg(vm, &r)?;
    if n < 0 || n as usize > data.len() {
        return Err(vm.os_error(format!(
            "raw write() returned invalid length {n} (should have been between 0 and {})",
            data.len()
        )));
    }
    Ok(Some(n as usize))
}

fn raw_seek(vm: &mut Vm, raw: &Value, fast: bool, pos: i64, whence: i64) -> PyResult<i64> {
    if fast {
        let fd = fast_fd(vm, raw)?;
        return fileio::seek_fd(vm, fd, pos, whence);
    }
    let r = vm.call_method(raw, "seek", &[Value::Int(pos), Value::Int(whence)])?;
    let n = int_arg(vm, &r)?;
    if n < 0 {
        return Err(vm.os_error(format!("Raw stream returned invalid position {n}")));
    }
    Ok(n)
}

fn raw_tell(vm: &mut Vm, raw: &Value, fast: bool) -> PyResult<i64> {
    if fast {
        let fd = fast_fd(vm, raw)?;
        return fileio::seek_fd(vm, fd, 0, 1);
    }
    let r = vm.call_method(raw, "tell", &[])?;
    let n = int_arg(vm, &r)?;
    if n < 0 {
        return Err(vm.os_error(format!("Raw stream returned invalid position {n}")));
    }
    Ok(n)
}

fn raw_closed(vm: &mut Vm, raw: &Value, fast: bool) -> PyResult<bool> {
    if fast {
        let f = Native::<FileIO>::from_python(vm, raw)?;
        return f.with(vm, |f| f.fd < 0);
    }
    crate::common::is_closed(vm, raw)
}

fn check_closed<T: BufClass>(vm: &mut Vm, this: &Native<T>, msg: &str) -> PyResult<(Value, bool)> {
    let (raw, fast) = raw_of(vm, this)?;
    if raw_closed(vm, &raw, fast)? {
        // CPython lets reads drain the buffer of a closed stream's
        // leftovers only for peek/read with data; keep it simple.
        return Err(vm.value_error(msg.to_owned()));
    }
    Ok((raw, fast))
}

/// Writes out the write buffer.
fn flush_writes<T: BufClass>(
    vm: &mut Vm,
    this: &Native<T>,
    raw: &Value,
    fast: bool,
) -> PyResult<()> {
    loop {
        let data = this.with_mut(vm, |b| std::mem::take(&mut b.core_mut().wbuf))?;
        if data.is_empty() {
            return Ok(());
        }
        let r = raw_write(vm, raw, fast, &data);
        let n = match r {
            Ok(Some(n)) => n,
            Ok(None) => {
                this.with_mut(vm, |b| b.core_mut().wbuf = data)?;
                let c = vm.exc.blocking_io_error.clone();
                return Err(vm.new_error(&c, "write could not complete without blocking"));
            }
            Err(e) => {
                this.with_mut(vm, |b| b.core_mut().wbuf = data)?;
                return Err(e);
            }
        };
        let rest = data[n..].to_vec();
        this.with_mut(vm, |b| {
            let w = &mut b.core_mut().wbuf;
            let mut all = rest;
            all.append(w);
            *w = all;
        })?;
        vm.check_interrupt()?;
    }
}

/// Drops the read-ahead, moving the raw position back to the logical one.
fn drop_read_ahead<T: BufClass>(
    vm: &mut Vm,
    this: &Native<T>,
    raw: &Value,
    fast: bool,
) -> PyResult<()> {
    let avail = this.with(vm, |b| b.core().avail())?;
    if avail > 0 {
        raw_seek(vm, raw, fast, -(avail as i64), 1)?;
    }
    this.with_mut(vm, |b| {
        let c = b.core_mut();
        c.rbuf.clear();
        c.rpos = 0;
    })
}

fn init<T: BufClass>(
    vm: &mut Vm,
    this: Native<T>,
    raw: Value,
    size: OptArg<Value>,
) -> PyResult<()> {
    this.with_mut(vm, |b| {
        let c = b.core_mut();
        c.ok = false;
        c.detached = false;
    })?;
    if T::READ {
        let r = vm.call_method(&raw, "readable", &[])?;
        if !vm.is_true(&r)? {
            return Err(unsupported(vm, "File or stream is not readable."));
        }
    }
    if T::WRITE {
        let r = vm.call_method(&raw, "writable", &[])?;
        if !vm.is_true(&r)? {
            return Err(unsupported(vm, "File or stream is not writable."));
        }
    }
    if T::READ && T::WRITE {
        let r = vm.call_method(&raw, "seekable", &[])?;
        if !vm.is_true(&r)? {
            return Err(unsupported(vm, "File or stream is not seekable."));
        }
    }
    let size = match &size.0 {
        Some(v) => int_arg(vm, v)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let fio = vm.native_type::<FileIO>();
    let fast = std::rc::Rc::ptr_eq(&vm.class_of(&raw), &fio);
    if T::WRITE {
        crate::common::track_stream(vm, this.obj());
    }
    this.with_mut(vm, |b| {
        let c = b.core_mut();
        c.raw = raw;
        c.size = size as usize;
        c.rbuf.clear();
        c.rpos = 0;
        c.wbuf.clear();
        c.fast = fast;
        c.ok = true;
    })
}

/// Fills the read buffer with one raw read; `None` if it would block.
fn fill<T: BufClass>(
    vm: &mut Vm,
    this: &Native<T>,
    raw: &Value,
    fast: bool,
) -> PyResult<Option<usize>> {
    let size = this.with_mut(vm, |b| {
        let c = b.core_mut();
        if c.rpos > 0 {
            c.rbuf.drain(..c.rpos);
            c.rpos = 0;
        }
        c.size
    })?;
    match raw_read(vm, raw, fast, size)? {
        None => Ok(None),
        Some(d) => {
            let n = d.len();
            this.with_mut(vm, |b| b.core_mut().rbuf.extend_from_slice(&d))?;
            Ok(Some(n))
        }
    }
}

fn take<T: BufClass>(vm: &mut Vm, this: &Native<T>, n: usize) -> PyResult<Vec<u8>> {
    this.with_mut(vm, |b| {
        let c = b.core_mut();
        let end = c.rpos.saturating_add(n).min(c.rbuf.len());
        let out = c.rbuf[c.rpos..end].to_vec();
        c.rpos = end;
        if c.rpos == c.rbuf.len() {
            c.rbuf.clear();
            c.rpos = 0;
        }
        out
    })
}

pub(crate) fn read_impl<T: BufClass>(
    vm: &mut Vm,
    this: &Native<T>,
    n: i64,
) -> PyResult<Option<Vec<u8>>> {
    let (raw, fast) = check_closed(vm, this, "read of closed file")?;
    if T::WRITE {
        flush_writes(vm, this, &raw, fast)?;
    }
    if n < 0 {
        let mut out = take(vm, this, usize::MAX)?;
        let has_readall = fast || {
            let k = vm.intern("readall");
            vm.get_attr_opt(&raw, &k)?.is_some()
        };
        let rest = if fast {
            let fd = fast_fd(vm, &raw)?;
            let f = Native::<FileIO>::from_python(vm, &raw)?;
            if f.with(vm, |f| f.console)? {
                Some(crate::stdio::console_read(vm, &f, -1)?)
            } else {
                fileio::readall_fd(vm, fd)?
            }
        } else if !has_readall {
            let mut all: Option<Vec<u8>> = None;
            loop {
                match raw_read(vm, &raw, false, DEFAULT_BUFFER_SIZE)? {
                    None => break,
                    Some(d) if d.is_empty() => {
                        all.get_or_insert_with(Vec::new);
                        break;
                    }
                    Some(d) => all.get_or_insert_with(Vec::new).extend_from_slice(&d),
                }
            }
            all
        } else {
            let r = vm.call_method(&raw, "readall", &[])?;
            if r.is_none() {
                None
            } else {
                Some(bytes_of(vm, &r)?)
            }
        };
        return match rest {
            Some(r) => {
                out.extend_from_slice(&r);
                Ok(Some(out))
            }
            None if out.is_empty() => Ok(None),
            None => Ok(Some(out)),
        };
    }
    let n = n as usize;
    let mut out = take(vm, this, n)?;
    while out.len() < n {
        let want = n - out.len();
        let size = this.with(vm, |b| b.core().size)?;
        if want >= size {
            match raw_read(vm, &raw, fast, want)? {
                None if out.is_empty() => return Ok(None),
                None => break,
                Some(d) if d.is_empty() => break,
                Some(d) => out.extend_from_slice(&d),
            }
        } else {
            match fill(vm, this, &raw, fast)? {
                None if out.is_empty() => return Ok(None),
                None | Some(0) => break,
                Some(_) => {
                    let more = take(vm, this, want)?;
                    out.extend_from_slice(&more);
                }
            }
        }
    }
    Ok(Some(out))
}

fn opt_bytes(vm: &mut Vm, d: Option<Vec<u8>>) -> Value {
    match d {
        Some(d) => vm.new_bytes(d),
        None => Value::None,
    }
}

pub(crate) fn read1_impl<T: BufClass>(vm: &mut Vm, this: &Native<T>, n: i64) -> PyResult<Vec<u8>> {
    let (raw, fast) = check_closed(vm, this, "read of closed file")?;
    if T::WRITE {
        flush_writes(vm, this, &raw, fast)?;
    }
    let n = if n < 0 {
        this.with(vm, |b| b.core().size)?
    } else {
        n as usize
    };
    if n == 0 {
        return Ok(Vec::new());
    }
    if this.with(vm, |b| b.core().avail())? > 0 {
        return take(vm, this, n);
    }
    Ok(raw_read(vm, &raw, fast, n)?.unwrap_or_default())
}

fn peek<T: BufClass>(vm: &mut Vm, this: Native<T>, _n: OptArg<Value>) -> PyResult<Value> {
    let (raw, fast) = check_closed(vm, &this, "peek of closed file")?;
    if T::WRITE {
        flush_writes(vm, &this, &raw, fast)?;
    }
    if this.with(vm, |b| b.core().avail())? == 0 {
        fill(vm, &this, &raw, fast)?;
    }
    let d = this.with(vm, |b| b.core().rbuf[b.core().rpos..].to_vec())?;
    Ok(vm.new_bytes(d))
}

pub(crate) fn readline_impl<T: BufClass>(
    vm: &mut Vm,
    this: &Native<T>,
    limit: i64,
) -> PyResult<Vec<u8>> {
    let (raw, fast) = check_closed(vm, this, "readline of closed file")?;
    if T::WRITE {
        flush_writes(vm, this, &raw, fast)?;
    }
    let mut scanned = 0usize;
    loop {
        let found = this.with(vm, |b| {
            let c = b.core();
            let rest = &c.rbuf[c.rpos..];
            let hit = rest[scanned.min(rest.len())..]
                .iter()
                .position(|&x| x == b'\n')
                .map(|i| scanned + i + 1);
            (hit, rest.len())
        })?;
        match found {
            (Some(end), _) => {
                let end = if limit >= 0 {
                    end.min(limit as usize)
                } else {
                    end
                };
                return take(vm, this, end);
            }
            (None, len) if limit >= 0 && len >= limit as usize => {
                return take(vm, this, limit as usize);
            }
            (None, len) => {
                scanned = len;
                match fill(vm, this, &raw, fast)? {
                    None | Some(0) => return take(vm, this, usize::MAX),
                    Some(_) => {}
                }
            }
        }
    }
}

fn write<T: BufClass>(vm: &mut Vm, this: Native<T>, data: Value) -> PyResult<usize> {
    let d = bytes_of(vm, &data)?;
    let (raw, fast) = check_closed(vm, &this, "write to closed file")?;
    if T::READ {
        drop_read_ahead(vm, &this, &raw, fast)?;
    }
    let fits = this.with_mut(vm, |b| {
        let c = b.core_mut();
        let fits = c.wbuf.len() + d.len() <= c.size;
        if fits {
            c.wbuf.extend_from_slice(&d);
        }
        fits
    })?;
    if fits {
        return Ok(d.len());
    }
    flush_writes(vm, &this, &raw, fast)?;
    let full = this.with_mut(vm, |b| {
        let c = b.core_mut();
        c.wbuf.extend_from_slice(&d);
        c.wbuf.len() >= c.size
    })?;
    if full {
        flush_writes(vm, &this, &raw, fast)?;
    }
    Ok(d.len())
}

fn flush<T: BufClass>(vm: &mut Vm, this: Native<T>) -> PyResult<()> {
    let (raw, fast) = check_closed(vm, &this, "flush of closed file")?;
    if T::WRITE {
        flush_writes(vm, &this, &raw, fast)?;
    }
    Ok(())
}

fn tell_impl<T: BufClass>(vm: &mut Vm, this: &Native<T>) -> PyResult<i64> {
    let (raw, fast) = raw_of(vm, this)?;
    let pos = raw_tell(vm, &raw, fast)?;
    let (avail, pending) = this.with(vm, |b| (b.core().avail(), b.core().wbuf.len()))?;
    Ok((pos - avail as i64 + pending as i64).max(0))
}

fn seek<T: BufClass>(
    vm: &mut Vm,
    this: Native<T>,
    pos: Value,
    whence: OptArg<Value>,
) -> PyResult<i64> {
    let whence = match &whence.0 {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    let (raw, fast) = check_closed(vm, &this, "seek of closed file")?;
    let s = vm.call_method(&raw, "seekable", &[])?;
    if !vm.is_true(&s)? {
        return Err(unsupported(vm, "File or stream is not seekable."));
    }
    let mut pos = int_arg(vm, &pos)?;
    if T::WRITE {
        flush_writes(vm, &this, &raw, fast)?;
    }
    if whence == 1 {
        pos -= this.with(vm, |b| b.core().avail())? as i64;
    }
    let r = raw_seek(vm, &raw, fast, pos, whence)?;
    this.with_mut(vm, |b| {
        let c = b.core_mut();
        c.rbuf.clear();
        c.rpos = 0;
    })?;
    Ok(r)
}

fn truncate<T: BufClass>(vm: &mut Vm, this: Native<T>, pos: OptArg<Value>) -> PyResult<Value> {
    let (raw, fast) = check_closed(vm, &this, "truncate of closed file")?;
    if !T::WRITE {
        return Err(unsupported(vm, "truncate"));
    }
    flush_writes(vm, &this, &raw, fast)?;
    let pos = match pos.0 {
        Some(p) if !p.is_none() => p,
        _ => Value::Int(tell_impl(vm, &this)?),
    };
    if T::READ {
        drop_read_ahead(vm, &this, &raw, fast)?;
    }
    vm.call_method(&raw, "truncate", &[pos])
}

fn close<T: BufClass>(vm: &mut Vm, this: Native<T>) -> PyResult<()> {
    let (raw, fast) = raw_of(vm, &this)?;
    if raw_closed(vm, &raw, fast)? {
        return Ok(());
    }
    let flushed = if T::WRITE {
        flush_writes(vm, &this, &raw, fast)
    } else {
        Ok(())
    };
    this.with_mut(vm, |b| {
        let c = b.core_mut();
        c.rbuf.clear();
        c.rpos = 0;
    })?;
    let closed = vm.call_method(&raw, "close", &[]);
    match (flushed, closed) {
        (Err(e), _) => Err(e),
        (_, Err(e)) => Err(e),
        _ => Ok(()),
    }
}

fn detach<T: BufClass>(vm: &mut Vm, this: Native<T>) -> PyResult<Value> {
    let (raw, fast) = raw_of(vm, &this)?;
    if T::WRITE {
        flush_writes(vm, &this, &raw, fast)?;
    }
    this.with_mut(vm, |b| {
        let c = b.core_mut();
        c.detached = true;
        std::mem::replace(&mut c.raw, Value::None)
    })
}

fn repr<T: BufClass>(vm: &mut Vm, this: Native<T>) -> PyResult<String> {
    let label = crate::common::type_label(vm, &this.value(), T::NAME);
    match crate::common::name_repr(vm, &this.value())? {
        Some(n) => Ok(format!("<{label} name={n}>")),
        None => Ok(format!("<{label}>")),
    }
}

fn forward<T: BufClass>(c: &mut ClassDef<T>, name: &'static str) {
    c.method(name, move |vm: &mut Vm, t: Native<T>| -> PyResult<Value> {
        let (raw, _) = raw_of(vm, &t)?;
        vm.call_method(&raw, name, &[])
    });
}

fn define_common<T: BufClass + Default>(c: &mut ClassDef<T>) {
    c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(T::default()));
    c.method("__init__", init::<T>)
        .params(&["raw", "buffer_size"])
        .name = T::NAME.into();
    forward(c, "fileno");
    forward(c, "isatty");
    forward(c, "seekable");
    if T::READ {
        forward(c, "readable");
    }
    if T::WRITE {
        forward(c, "writable");
    }
    c.method("flush", flush::<T>);
    c.method("close", close::<T>);
    c.method("detach", detach::<T>);
    c.method("tell", |vm: &mut Vm, t: Native<T>| tell_impl(vm, &t));
    c.method("seek", seek::<T>);
    c.method("truncate", truncate::<T>);
    c.method("_dealloc_warn", |_vm: &mut Vm, _t: Native<T>, _s: Value| ());
    c.method(
        "__getstate__",
        |vm: &mut Vm, t: Native<T>| -> PyResult<()> {
            let n = vm.type_name(&t.value());
            Err(vm.type_error(format!("cannot pickle '{n}' object")))
        },
    );
    c.getter_value("raw", |vm, t| match Native::<T>::of(t) {
        Some(n) => Ok(n.with(vm, |b| b.core().raw.clone())?),
        None => Ok(Value::None),
    });
    for name in ["closed", "name", "mode"] {
        c.getter_value(name, move |vm, t| {
            let Some(n) = Native::<T>::of(t) else {
                return Ok(Value::None);
            };
            let (raw, _) = raw_of(vm, &n)?;
            vm.get_attr_str(&raw, name)
        });
    }
    c.getter("_finalizing", |_b: &T| false);
    if T::READ {
        c.method(
            "read",
            |vm: &mut Vm, t: Native<T>, n: OptArg<Value>| -> PyResult<Value> {
                let n = size_arg(vm, n.0.as_ref())?;
                if n < -1 {
                    return Err(vm.value_error("read length must be non-negative or -1"));
                }
                let d = read_impl(vm, &t, n)?;
                Ok(opt_bytes(vm, d))
            },
        );
        c.method(
            "read1",
            |vm: &mut Vm, t: Native<T>, n: OptArg<Value>| -> PyResult<Value> {
                let n = size_arg(vm, n.0.as_ref())?;
                let d = read1_impl(vm, &t, n)?;
                Ok(vm.new_bytes(d))
            },
        );
        c.method("peek", peek::<T>);
        c.method(
            "readline",
            |vm: &mut Vm, t: Native<T>, n: OptArg<Value>| -> PyResult<Value> {
                let n = size_arg(vm, n.0.as_ref())?;
                let d = readline_impl(vm, &t, n)?;
                Ok(vm.new_bytes(d))
            },
        );
        c.method(
            "readinto",
            |vm: &mut Vm, t: Native<T>, b: Value| -> PyResult<Value> {
                let n = vm.len(&b)?;
                match read_impl(vm, &t, n as i64)? {
                    Some(d) => Ok(Value::Int(copy_into(vm, &b, d)? as i64)),
                    None => Ok(Value::None),
                }
            },
        );
        c.method(
            "readinto1",
            |vm: &mut Vm, t: Native<T>, b: Value| -> PyResult<usize> {
                let n = vm.len(&b)?;
                let d = read1_impl(vm, &t, n as i64)?;
                copy_into(vm, &b, d)
            },
        );
        c.next(|vm, t| {
            let d = readline_impl(vm, &t, -1)?;
            if d.is_empty() {
                return Ok(None);
            }
            Ok(Some(vm.new_bytes(d)))
        });
    }
    if T::WRITE {
        c.method("write", write::<T>);
    }
    c.repr(repr::<T>);
}

/// `BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE)`.
#[derive(Default)]
pub struct BufferedRWPair {
    reader: Value,
    writer: Value,
    ok: bool,
}

fn pair_init(
    vm: &mut Vm,
    this: Native<BufferedRWPair>,
    reader: Value,
    writer: Value,
    size: OptArg<Value>,
) -> PyResult<()> {
    let size = size.0.unwrap_or(Value::Int(DEFAULT_BUFFER_SIZE as i64));
    let r = vm.call_method(&reader, "readable", &[])?;
    if !vm.is_true(&r)? {
        return Err(unsupported(vm, "File or stream is not readable."));
    }
    let w = vm.call_method(&writer, "writable", &[])?;
    if !vm.is_true(&w)? {
        return Err(unsupported(vm, "File or stream is not writable."));
    }
    let rt = Value::Obj(vm.native_type::<BufferedReader>());
    let wt = Value::Obj(vm.native_type::<BufferedWriter>());
    let r = vm.call(&rt, &[reader, size.clone()])?;
    let w = vm.call(&wt, &[writer, size])?;
    this.with_mut(vm, |p| {
        p.reader = r;
        p.writer = w;
        p.ok = true;
    })
}

fn side(vm: &mut Vm, this: &Native<BufferedRWPair>, write: bool) -> PyResult<Value> {
    let (ok, r, w) = this.with(vm, |p| (p.ok, p.reader.clone(), p.writer.clone()))?;
    if !ok {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(if write { w } else { r })
}

fn pair_forward(c: &mut ClassDef<BufferedRWPair>, name: &'static str, write: bool) {
    c.method(
        name,
        move |vm: &mut Vm, t: Native<BufferedRWPair>, a: VarArgs| -> PyResult<Value> {
            let s = side(vm, &t, write)?;
            vm.call_method(&s, name, &a.0)
        },
    );
}

impl NativeClass for BufferedRWPair {
    const NAME: &'static str = "BufferedRWPair";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some("A buffered reader and writer object together.");

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<crate::iobase::BufferedIOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(BufferedRWPair::default()));
        c.method("__init__", pair_init)
            .params(&["reader", "writer", "buffer_size"])
            .name = "BufferedRWPair".into();
        for n in ["read", "peek", "read1", "readinto", "readinto1", "readable"] {
            pair_forward(c, n, false);
        }
        for n in ["write", "flush", "writable"] {
            pair_forward(c, n, true);
        }
        c.method(
            "isatty",
            |vm: &mut Vm, t: Native<BufferedRWPair>| -> PyResult<bool> {
                let w = side(vm, &t, true)?;
                if crate::common::call_bool(vm, &w, "isatty")? {
                    return Ok(true);
                }
                let r = side(vm, &t, false)?;
                crate::common::call_bool(vm, &r, "isatty")
            },
        );
        c.method(
            "close",
            |vm: &mut Vm, t: Native<BufferedRWPair>| -> PyResult<()> {
                let w = side(vm, &t, true)?;
                let r = side(vm, &t, false)?;
                let a = vm.call_method(&w, "close", &[]);
                let b = vm.call_method(&r, "close", &[]);
                a?;
                b?;
                Ok(())
            },
        );
        c.getter_value("closed", |vm, t| {
            let Some(n) = Native::<BufferedRWPair>::of(t) else {
                return Ok(Value::None);
            };
            let w = side(vm, &n, true)?;
            vm.get_attr_str(&w, "closed")
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.reader);
        visit(&self.writer);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.reader, Value::None));
        out.push(std::mem::replace(&mut self.writer, Value::None));
    }
}

/// Whether `v`, a buffered stream straight over a `FileIO`, is closed
/// (`None` for anything else: ask its `closed` attribute).
/// `check_exact`: also check that the classes are exactly the native ones.
pub(crate) fn fast_closed(vm: &mut Vm, v: &Value, check_exact: bool) -> Option<bool> {
    fn core_raw<T: BufClass>(vm: &mut Vm, v: &Value, check_exact: bool) -> Option<Value> {
        let n = Native::<T>::of(v)?;
        let exact = !check_exact || std::rc::Rc::ptr_eq(&n.class(vm), &vm.native_type::<T>());
        let (raw, fast, ok) = n
            .with(vm, |b| {
                (
                    b.core().raw.clone(),
                    b.core().fast,
                    b.core().ok && !b.core().detached,
                )
            })
            .ok()?;
        (exact && fast && ok).then_some(raw)
    }
    let raw = core_raw::<BufferedWriter>(vm, v, check_exact)
        .or_else(|| core_raw::<BufferedReader>(vm, v, check_exact))
        .or_else(|| core_raw::<BufferedRandom>(vm, v, check_exact))?;
    let f = Native::<FileIO>::of(&raw)?;
    f.with(vm, |f| f.fd < 0).ok()
}

/// Whether `o`, a buffered stream straight over a `FileIO`, is closed,
/// without cloning anything (`None` for anything else).
pub(crate) fn quick_closed(o: &rpy_vm::PyRef) -> Option<bool> {
    fn over<T: BufClass>(o: &rpy_vm::PyObject) -> Option<Option<bool>> {
        let b = o.downcast_ref::<T>()?;
        let c = b.core();
        if !c.fast || !c.ok || c.detached {
            return Some(None);
        }
        let f = c.raw.as_obj().and_then(|r| r.downcast_ref::<FileIO>());
        Some(f.map(|f| f.fd < 0))
    }
    over::<BufferedWriter>(o)
        .or_else(|| over::<BufferedReader>(o))
        .or_else(|| over::<BufferedRandom>(o))
        .flatten()
}

impl Drop for Buffered {
    /// Writes out what is still buffered when the stream is dropped
    /// unclosed (over a native `FileIO` only: no Python runs here).
    fn drop(&mut self) {
        if self.wbuf.is_empty() {
            return;
        }
        if let Some(f) = self.raw.as_obj().and_then(|o| o.downcast_ref::<FileIO>()) {
            fileio::write_on_drop(&f, &self.wbuf);
        }
    }
}

/// Adds `data` to the write buffer of `o` if it is a native buffered
/// writer (a text stream being dropped with pending bytes).
pub(crate) fn push_on_drop(o: &rpy_vm::PyRef, data: &[u8]) {
    fn push(b: &mut Buffered, data: &[u8]) {
        match (&b.raw, &b.orphan) {
            (Value::None, Some((fd, handle))) => fileio::write_fd_on_drop(*fd, handle, data),
            _ => b.wbuf.extend_from_slice(data),
        }
    }
    if let Some(mut b) = o.downcast_mut::<BufferedWriter>() {
        push(b.core_mut(), data);
    } else if let Some(mut b) = o.downcast_mut::<BufferedRandom>() {
        push(b.core_mut(), data);
    } else if let Some(f) = o.downcast_ref::<FileIO>() {
        // Unbuffered (`-u`): straight to the file.
        fileio::write_on_drop(&f, data);
    }
}
