//! `_io.FileIO`: the raw binary file on an OS file descriptor. A file
//! opened by name goes into the VM's descriptor table (the one `os.open`
//! uses), so `fileno()` is a real descriptor that `os` functions accept,
//! and `FileIO(fd)` takes one from `os.open`/`os.pipe`. Errors are
//! CPython's: the OSError subclass with errno and file name when opening,
//! "I/O operation on closed file", `UnsupportedOperation`.

use std::fs::OpenOptions;
use std::os::fd::OwnedFd;
use std::os::unix::fs::OpenOptionsExt;

use rpy_posix::{adopt_fd, close_fd, fd_handle, flush_std_output, with_open_fd};
use rpy_vm::{
    Capability, ClassDef, KwArgs, Native, NativeClass, OptArg, PyRef, PyResult, Value, VarArgs, Vm,
};

use crate::common::{
    bytes_of, closed_error, copy_into, int_arg, os_error, size_arg, unsupported,
    DEFAULT_BUFFER_SIZE,
};

/// The state of one `FileIO`; `fd` is -1 once closed (or before
/// `__init__`).
pub struct FileIO {
    pub(crate) fd: i32,
    /// The descriptor table's handle (none for the standard streams), so
    /// that dropped buffered streams can write out what they hold.
    pub(crate) handle: Option<std::rc::Rc<OwnedFd>>,
    pub(crate) readable: bool,
    pub(crate) writable: bool,
    appending: bool,
    created: bool,
    closefd: bool,
    seekable: Option<bool>,
    blksize: i64,
    /// One of `sys.stdin`/`stdout`/`stderr`'s: reads and writes go through
    /// the VM's console (the embedder's output sink), see `stdio.rs`.
    pub(crate) console: bool,
    /// What a console read got beyond what was asked (stdin comes by line).
    pub(crate) console_in: Vec<u8>,
}

impl Default for FileIO {
    fn default() -> Self {
        FileIO {
            fd: -1,
            handle: None,
            readable: false,
            writable: false,
            appending: false,
            created: false,
            closefd: true,
            seekable: None,
            blksize: DEFAULT_BUFFER_SIZE as i64,
            console: false,
            console_in: Vec::new(),
        }
    }
}

/// The parsed `mode` of `FileIO`.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    truncate: bool,
    plus: bool,
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let bad = |vm: &mut Vm| vm.value_error(format!("invalid mode: {mode}"));
    let multiple = |vm: &mut Vm| {
        vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    let mut m = Mode {
        read: false,
        write: false,
        append: false,
        create: false,
        truncate: false,
        plus: false,
    };
    let mut rwa = false;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(multiple(vm));
                }
                rwa = true;
                match c {
                    'x' => {
                        m.create = true;
                        m.write = true;
                    }
                    'r' => m.read = true,
                    'w' => {
                        m.write = true;
                        m.truncate = true;
                    }
                    _ => {
                        m.write = true;
                        m.append = true;
                    }
                }
            }
            '+' => {
                if m.plus {
                    return Err(multiple(vm));
                }
                m.plus = true;
                m.read = true;
                m.write = true;
            }
            'b' => {}
            _ => return Err(bad(vm)),
        }
    }
    if !rwa {
        return Err(multiple(vm));
    }
    Ok(m)
}

/// The flags `opener` receives, as `os.open` would take them.
fn open_flags(m: &Mode) -> i64 {
    use rustix::fs::OFlags;
    let mut f = if m.read && m.write {
        OFlags::RDWR
    } else if m.write {
        OFlags::WRONLY
    } else {
        OFlags::RDONLY
    };
    if m.create {
        f |= OFlags::EXCL | OFlags::CREATE;
    }
    if m.truncate {
        f |= OFlags::TRUNC | OFlags::CREATE;
    }
    if m.append {
        f |= OFlags::APPEND | OFlags::CREATE;
    }
    f |= OFlags::CLOEXEC;
    i64::from(f.bits())
}

/// A path argument: str, bytes or an `os.PathLike` (its `__fspath__`).
pub(crate) fn path_of(vm: &mut Vm, file: &Value) -> PyResult<std::path::PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    if let Some(s) = file.as_str() {
        return Ok(std::path::PathBuf::from(s));
    }
    if let Some(rpy_vm::Payload::Bytes(b)) = file.payload() {
        return Ok(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(b)));
    }
    let fspath = vm.intern("__fspath__");
    let cls = Value::Obj(vm.class_of(file));
    if vm.get_attr_opt(&cls, &fspath)?.is_none() {
        let t = vm.type_name(file);
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {t}"
        )));
    }
    let p = vm.call_method(file, "__fspath__", &[])?;
    if let Some(s) = p.as_str() {
        return Ok(std::path::PathBuf::from(s));
    }
    if let Some(rpy_vm::Payload::Bytes(b)) = p.payload() {
        return Ok(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(b)));
    }
    let (t, pt) = (vm.type_name(file), vm.type_name(&p));
    Err(vm.type_error(format!(
        "expected {t}.__fspath__() to return str or bytes, not {pt}"
    )))
}

fn init(
    vm: &mut Vm,
    this: Native<FileIO>,
    file: Value,
    mode: OptArg<Value>,
    closefd: OptArg<Value>,
    opener: OptArg<Value>,
) -> PyResult<()> {
    // Re-initialising closes what was open.
    let old = this.with_mut(vm, |f| std::mem::replace(&mut f.fd, -1))?;
    if old >= 0 {
        let _ = close_fd(vm, old);
    }
    let mode_s = match &mode.0 {
        None => "r".to_owned(),
        Some(m) => match m.as_str() {
            Some(s) => s.to_owned(),
            None => {
                let t = vm.type_name(m);
                return Err(vm.type_error(format!("FileIO() argument 'mode' must be str, not {t}")));
            }
        },
    };
    let closefd = match &closefd.0 {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    if let Value::Float(_) = file {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let m = parse_mode(vm, &mode_s)?;
    let fd = if matches!(file, Value::Int(_) | Value::Bool(_))
        || (file.as_str().is_none()
            && vm.is_index(&file)
            && !matches!(file.payload(), Some(rpy_vm::Payload::Bytes(_))))
    {
        let n = int_arg(vm, &file)?;
        if n < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        let n = i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))?;
        if let Err(e) = with_open_fd(vm, n, |fd| {
            rustix::fs::fstat(fd).map(|_| ()).map_err(Into::into)
        }) {
            return Err(os_error(vm, &e, None));
        }
        n
    } else {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        let path = path_of(vm, &file)?;
        if path.as_os_str().as_encoded_bytes().contains(&0) {
            return Err(vm.value_error("embedded null byte"));
        }
        let what = format!("open('{}')", path.display());
        if m.write {
            vm.require(Capability::FileWrite, &what)?;
        }
        if m.read || !m.write {
            vm.require_read_path(&path, &what)?;
        }
        match opener.0.filter(|o| !o.is_none()) {
            Some(op) => {
                let flags = open_flags(&m);
                let r = vm.call(&op, &[file.clone(), Value::Int(flags)])?;
                if !vm.is_index(&r) {
                    let t = vm.type_name(&r);
                    return Err(vm.type_error(format!("expected integer from opener, got {t}")));
                }
                let n = vm.to_i64(&r)?;
                if n < 0 {
                    return Err(vm.value_error(format!("opener returned {n}")));
                }
                n as i32
            }
            None => {
                let mut oo = OpenOptions::new();
                oo.read(m.read)
                    .write(m.write && !m.append)
                    .append(m.append)
                    .mode(0o666);
                if m.create {
                    oo.create_new(true);
                } else if m.truncate || m.append {
                    oo.create(true);
                }
                if m.truncate {
                    oo.truncate(true);
                }
                let f = oo.open(&path).map_err(|e| os_error(vm, &e, Some(&file)))?;
                adopt_fd(vm, OwnedFd::from(f))
            }
        }
    };
    // A directory opens but is no file.
    let st = with_open_fd(vm, fd, |f| rustix::fs::fstat(f).map_err(Into::into));
    let blksize = match &st {
        Ok(st) => {
            if (st.st_mode & 0o170000) == 0o040000 {
                if closefd {
                    let _ = close_fd(vm, fd);
                }
                let e = std::io::Error::from_raw_os_error(21);
                return Err(os_error(vm, &e, Some(&file)));
            }
            if st.st_blksize > 1 {
                st.st_blksize
            } else {
                DEFAULT_BUFFER_SIZE as i64
            }
        }
        Err(_) => DEFAULT_BUFFER_SIZE as i64,
    };
    let handle = fd_handle(vm, fd);
    this.with_mut(vm, |f| {
        f.fd = fd;
        f.handle = handle;
        f.readable = m.read;
        f.writable = m.write;
        f.appending = m.append;
        f.created = m.create;
        f.closefd = closefd;
        f.seekable = None;
        f.blksize = blksize;
    })?;
    let name = vm.intern("name");
    vm.set_attr(&this.value(), &name, file)?;
    if m.append {
        // CPython seeks to the end so that tell() is right at once.
        let _ = with_open_fd(vm, fd, |f| {
            rustix::fs::seek(f, rustix::fs::SeekFrom::End(0)).map_err(Into::into)
        });
    }
    Ok(())
}

/// The open descriptor, or the closed-file error.
fn open_fd(vm: &mut Vm, this: &Native<FileIO>) -> PyResult<i32> {
    let fd = this.with(vm, |f| f.fd)?;
    if fd < 0 {
        return Err(closed_error(vm, false));
    }
    Ok(fd)
}

fn check_mode(vm: &mut Vm, this: &Native<FileIO>, write: bool) -> PyResult<i32> {
    let fd = open_fd(vm, this)?;
    let ok = this.with(vm, |f| if write { f.writable } else { f.readable })?;
    if !ok {
        return Err(unsupported(
            vm,
            if write {
                "File not open for writing"
            } else {
                "File not open for reading"
            },
        ));
    }
    Ok(fd)
}

fn would_block(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::WouldBlock
}

/// Waits until `fd` can be read (`IN`: something to read, or at its end)
/// or written (`OUT`), or is in error, in 50 ms slices with the signal handlers, Ctrl-C and the limits
/// run between them. The OS restarts a read a signal arrives in, so a
/// read that blocked there would never let a Python handler run (PEP
/// 475: the handler runs, then the read goes on). A regular file, or a
/// descriptor that would not block, answers at once.
fn wait_ready(vm: &mut Vm, fd: i32, flags: rustix::event::PollFlags) -> PyResult<()> {
    use rustix::event::{PollFd, Timespec};
    let poll = |vm: &mut Vm, nanos: i64| {
        let t = Timespec {
            tv_sec: 0,
            tv_nsec: nanos,
        };
        with_open_fd(vm, fd, |f| {
            let mut fds = [PollFd::new(&f, flags)];
            rustix::event::poll(&mut fds, Some(&t)).map_err(Into::into)
        })
    };
    match poll(vm, 0) {
        Ok(0) => {}
        // Ready, or an error the read or write itself will report.
        _ => return Ok(()),
    }
    // Not ready: a non-blocking descriptor answers EAGAIN itself.
    let nonblocking = with_open_fd(vm, fd, |f| {
        rustix::fs::fcntl_getfl(f)
            .map(|fl| fl.contains(rustix::fs::OFlags::NONBLOCK))
            .map_err(Into::into)
    });
    if nonblocking.unwrap_or(true) {
        return Ok(());
    }
    loop {
        vm.check_interrupt()?;
        vm.check_native_work(1)?;
        match poll(vm, 50_000_000) {
            Ok(0) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            _ => return Ok(()),
        }
    }
}

/// Reads at most `n` bytes (`None`: the descriptor would block).
pub(crate) fn read_fd(vm: &mut Vm, fd: i32, n: usize) -> PyResult<Option<Vec<u8>>> {
    // One system call reads at most this much; a raw read may be short.
    let mut buf = vec![0u8; n.min(1 << 24)];
    wait_ready(vm, fd, rustix::event::PollFlags::IN)?;
    loop {
        let r = with_open_fd(vm, fd, |f| {
            rustix::io::read(f, &mut buf[..]).map_err(Into::into)
        });
        match r {
            Ok(got) => {
                buf.truncate(got);
                return Ok(Some(buf));
            }
            Err(e) if would_block(&e) => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                vm.check_interrupt()?;
            }
            Err(e) => return Err(os_error(vm, &e, None)),
        }
    }
}

/// Reads to the end of the file.
pub(crate) fn readall_fd(vm: &mut Vm, fd: i32) -> PyResult<Option<Vec<u8>>> {
    let hint = with_open_fd(vm, fd, |f| {
        let st = rustix::fs::fstat(f)?;
        let pos = rustix::fs::seek(f, rustix::fs::SeekFrom::Current(0))?;
        Ok((st.st_size as u64).saturating_sub(pos))
    })
    .unwrap_or(0);
    let mut out: Vec<u8> = Vec::with_capacity((hint as usize).saturating_add(1).min(1 << 30));
    loop {
        let want = if (out.len() as u64) < hint {
            (hint as usize - out.len()).max(1) + 1
        } else {
            DEFAULT_BUFFER_SIZE.max(out.len() / 4)
        };
        match read_fd(vm, fd, want)? {
            None if out.is_empty() => return Ok(None),
            None => break,
            Some(b) if b.is_empty() => break,
            Some(b) => out.extend_from_slice(&b),
        }
    }
    Ok(Some(out))
}

/// Writes what one system call takes; `None` if it would block.
pub(crate) fn write_fd(vm: &mut Vm, fd: i32, data: &[u8]) -> PyResult<Option<usize>> {
    if fd == 1 || fd == 2 {
        flush_std_output(vm, fd);
    }
    wait_ready(vm, fd, rustix::event::PollFlags::OUT)?;
    loop {
        match with_open_fd(vm, fd, |f| rustix::io::write(f, data).map_err(Into::into)) {
            Ok(n) => return Ok(Some(n)),
            Err(e) if would_block(&e) => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                vm.check_interrupt()?;
            }
            Err(e) => return Err(os_error(vm, &e, None)),
        }
    }
}

/// `lseek`, with CPython's whence check.
pub(crate) fn seek_fd(vm: &mut Vm, fd: i32, pos: i64, whence: i64) -> PyResult<i64> {
    let target = match whence {
        0 => {
            if pos < 0 {
                let e = std::io::Error::from_raw_os_error(22);
                return Err(os_error(vm, &e, None));
            }
            rustix::fs::SeekFrom::Start(pos as u64)
        }
        1 => rustix::fs::SeekFrom::Current(pos),
        2 => rustix::fs::SeekFrom::End(pos),
        _ => {
            let e = std::io::Error::from_raw_os_error(22);
            return Err(os_error(vm, &e, None));
        }
    };
    match with_open_fd(vm, fd, |f| rustix::fs::seek(f, target).map_err(Into::into)) {
        Ok(p) => Ok(p as i64),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn read(vm: &mut Vm, this: Native<FileIO>, size: OptArg<Value>) -> PyResult<Value> {
    let fd = check_mode(vm, &this, false)?;
    let n = size_arg(vm, size.0.as_ref())?;
    let data = if this.with(vm, |f| f.console)? {
        Some(crate::stdio::console_read(vm, &this, n)?)
    } else if n < 0 {
        readall_fd(vm, fd)?
    } else {
        read_fd(vm, fd, n as usize)?
    };
    Ok(match data {
        Some(d) => vm.new_bytes(d),
        None => Value::None,
    })
}

fn readall(vm: &mut Vm, this: Native<FileIO>) -> PyResult<Value> {
    let fd = check_mode(vm, &this, false)?;
    if this.with(vm, |f| f.console)? {
        let d = crate::stdio::console_read(vm, &this, -1)?;
        return Ok(vm.new_bytes(d));
    }
    Ok(match readall_fd(vm, fd)? {
        Some(d) => vm.new_bytes(d),
        None => Value::None,
    })
}

fn readinto(vm: &mut Vm, this: Native<FileIO>, b: Value) -> PyResult<Value> {
    let fd = check_mode(vm, &this, false)?;
    let n = vm.len(&b)?;
    if this.with(vm, |f| f.console)? {
        let d = crate::stdio::console_read(vm, &this, n as i64)?;
        return Ok(Value::Int(copy_into(vm, &b, d)? as i64));
    }
    match read_fd(vm, fd, n)? {
        Some(d) => Ok(Value::Int(copy_into(vm, &b, d)? as i64)),
        None => Ok(Value::None),
    }
}

fn write(vm: &mut Vm, this: Native<FileIO>, b: Value) -> PyResult<Value> {
    let fd = check_mode(vm, &this, true)?;
    let data = bytes_of(vm, &b)?;
    if this.with(vm, |f| f.console)? {
        vm.console_write(fd == 2, &data)?;
        return Ok(Value::Int(data.len() as i64));
    }
    Ok(match write_fd(vm, fd, &data)? {
        Some(n) => Value::Int(n as i64),
        None => Value::None,
    })
}

fn seek(vm: &mut Vm, this: Native<FileIO>, pos: Value, whence: OptArg<Value>) -> PyResult<i64> {
    let fd = open_fd(vm, &this)?;
    if let Value::Float(_) = pos {
        return Err(vm.type_error("an integer is required"));
    }
    let pos = int_arg(vm, &pos)?;
    let whence = match &whence.0 {
        Some(w) => int_arg(vm, w)?,
        None => 0,
    };
    seek_fd(vm, fd, pos, whence)
}

fn tell(vm: &mut Vm, this: Native<FileIO>) -> PyResult<i64> {
    let fd = open_fd(vm, &this)?;
    seek_fd(vm, fd, 0, 1)
}

fn truncate(vm: &mut Vm, this: Native<FileIO>, size: OptArg<Value>) -> PyResult<Value> {
    let fd = open_fd(vm, &this)?;
    if !this.with(vm, |f| f.writable)? {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match &size.0 {
        None | Some(Value::None) => seek_fd(vm, fd, 0, 1)?,
        Some(v) => int_arg(vm, v)?,
    };
    if size < 0 {
        let e = std::io::Error::from_raw_os_error(22);
        return Err(os_error(vm, &e, None));
    }
    if let Err(e) = with_open_fd(vm, fd, |f| {
        rustix::fs::ftruncate(f, size as u64).map_err(Into::into)
    }) {
        return Err(os_error(vm, &e, None));
    }
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, this: Native<FileIO>) -> PyResult<()> {
    let (fd, closefd) = this.with_mut(vm, |f| {
        f.handle = None;
        (std::mem::replace(&mut f.fd, -1), f.closefd)
    })?;
    if fd >= 0 && closefd {
        if let Err(e) = close_fd(vm, fd) {
            return Err(os_error(vm, &e, None));
        }
    }
    Ok(())
}

fn seekable(vm: &mut Vm, this: Native<FileIO>) -> PyResult<bool> {
    let fd = open_fd(vm, &this)?;
    if let Some(s) = this.with(vm, |f| f.seekable)? {
        return Ok(s);
    }
    let ok = with_open_fd(vm, fd, |f| {
        rustix::fs::seek(f, rustix::fs::SeekFrom::Current(0)).map_err(Into::into)
    })
    .is_ok();
    this.with_mut(vm, |f| f.seekable = Some(ok))?;
    Ok(ok)
}

fn isatty(vm: &mut Vm, this: Native<FileIO>) -> PyResult<bool> {
    let fd = open_fd(vm, &this)?;
    Ok(with_open_fd(vm, fd, |f| Ok(rustix::termios::isatty(f))).unwrap_or(false))
}

fn mode_of(f: &FileIO) -> &'static str {
    match (f.created, f.appending, f.readable, f.writable) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, false, _) => "ab",
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

fn repr(vm: &mut Vm, this: Native<FileIO>) -> PyResult<String> {
    let label = crate::common::type_label(vm, &this.value(), "FileIO");
    let (fd, mode, closefd) = this.with(vm, |f| (f.fd, mode_of(f), f.closefd))?;
    if fd < 0 {
        return Ok(format!("<{label} [closed]>"));
    }
    let cf = if closefd { "True" } else { "False" };
    match crate::common::name_repr(vm, &this.value())? {
        Some(n) => Ok(format!("<{label} name={n} mode='{mode}' closefd={cf}>")),
        None => Ok(format!("<{label} fd={fd} mode='{mode}' closefd={cf}>")),
    }
}

impl NativeClass for FileIO {
    const NAME: &'static str = "FileIO";
    const MODULE: &'static str = "_io";
    const BASETYPE: bool = true;
    const DICT: bool = true;
    const DOC: Option<&'static str> = Some(
        "Open a file.\n\nThe mode can be 'r' (default), 'w', 'x' or 'a' for reading,\n\
         writing, exclusive creation or appending.",
    );

    fn base(vm: &mut Vm) -> Option<PyRef> {
        Some(vm.native_type::<crate::iobase::RawIOBase>())
    }

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(FileIO::default()));
        c.method("__init__", init)
            .params(&["file", "mode", "closefd", "opener"])
            .name = "FileIO".into();
        c.method("read", read);
        c.method("readall", readall);
        c.method("readinto", readinto);
        c.method("write", write);
        c.method("seek", seek);
        c.method("tell", tell);
        c.method("truncate", truncate);
        c.method("close", close);
        c.method("seekable", seekable);
        c.method("readable", |vm: &mut Vm, t: Native<FileIO>| {
            open_fd(vm, &t)?;
            t.with(vm, |f| f.readable)
        });
        c.method("writable", |vm: &mut Vm, t: Native<FileIO>| {
            open_fd(vm, &t)?;
            t.with(vm, |f| f.writable)
        });
        c.method("fileno", |vm: &mut Vm, t: Native<FileIO>| open_fd(vm, &t));
        c.method("isatty", isatty);
        c.method(
            "_dealloc_warn",
            |_vm: &mut Vm, _t: Native<FileIO>, _s: Value| (),
        );
        c.method(
            "__getstate__",
            |vm: &mut Vm, t: Native<FileIO>| -> PyResult<()> {
                let n = vm.type_name(&t.value());
                Err(vm.type_error(format!("cannot pickle '{n}' object")))
            },
        );
        c.getter("closed", |f: &FileIO| f.fd < 0);
        c.getter("closefd", |f: &FileIO| f.closefd);
        c.getter("mode", |f: &FileIO| mode_of(f));
        c.getter("_blksize", |f: &FileIO| f.blksize);
        c.getter("_finalizing", |_f: &FileIO| false);
        c.repr(repr);
    }
}

/// Writes `data` to the file of `f` without the VM (a buffered stream
/// being dropped with unwritten bytes, as CPython flushes on dealloc).
pub(crate) fn write_on_drop(f: &FileIO, data: &[u8]) {
    if f.fd < 0 || !f.writable {
        return;
    }
    write_fd_on_drop(f.fd, &f.handle, data);
}

/// Writes `data` to descriptor `fd` (through its table handle, or one of
/// the standard streams) without the VM.
pub(crate) fn write_fd_on_drop(fd: i32, handle: &Option<std::rc::Rc<OwnedFd>>, mut data: &[u8]) {
    use std::os::fd::AsFd;
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let fd = match (handle, fd) {
        (Some(h), _) => h.as_fd(),
        (None, 1) => stdout.as_fd(),
        (None, 2) => stderr.as_fd(),
        _ => return,
    };
    while !data.is_empty() {
        match rustix::io::write(fd, data) {
            Ok(0) | Err(_) => return,
            Ok(n) => data = &data[n.min(data.len())..],
        }
    }
}
