//! `_io`: the native raw file (`FileIO`) under `Lib/io.py`, which builds
//! buffering, text decoding and `open()` on it in Python. Errors are
//! CPython's: the OSError subclass with errno and file name when opening,
//! `ValueError: I/O operation on closed file.`, `io.UnsupportedOperation`.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};

use crate::modules::posix::os_error;
use crate::native::Args;
use crate::object::Payload;
use crate::sandbox::Capability;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// The state of one `FileIO`.
struct FileIo {
    file: Option<File>,
    name: Value,
    mode: &'static str,
    readable: bool,
    writable: bool,
    /// For `FileIO(fd)`: the descriptor of `posix`'s table that `file`
    /// duplicates, reported by `fileno()` (so `os.read` and `select` on it
    /// work) and closed with the file.
    table_fd: Option<i64>,
}

/// The parsed `mode` argument: which of read/write/append/create/truncate.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create_new: bool,
    truncate: bool,
    /// `FileIO.mode` as CPython reports it.
    canonical: &'static str,
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let (mut r, mut w, mut a, mut x, mut plus) = (0, 0, 0, 0, 0);
    for c in mode.chars() {
        match c {
            'r' => r += 1,
            'w' => w += 1,
            'a' => a += 1,
            'x' => x += 1,
            '+' => plus += 1,
            'b' => {}
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if r + w + a + x != 1 || plus > 1 {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    let plus = plus == 1;
    let canonical = match (r, w, a, plus) {
        (1, _, _, false) => "rb",
        (1, _, _, true) => "rb+",
        (_, 1, _, false) => "wb",
        (_, 1, _, true) => "rb+",
        (_, _, 1, false) => "ab",
        (_, _, 1, true) => "ab+",
        (_, _, _, false) => "xb",
        _ => "xb+",
    };
    Ok(Mode {
        read: r == 1 || plus,
        write: w == 1 || a == 1 || x == 1 || plus,
        append: a == 1,
        create_new: x == 1,
        truncate: w == 1,
        canonical,
    })
}

fn file_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, file, mode, closefd, opener] = args.bind(
        vm,
        "FileIO",
        ["cls", "file", "mode", "closefd", "opener"],
        2,
    )?;
    let Some(Value::Obj(cls)) = cls else {
        return Err(vm.type_error("FileIO.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let file = file.cloned().unwrap_or(Value::None);
    if opener.is_some_and(|o| !o.is_none()) {
        return Err(vm.not_implemented_error("FileIO: the opener argument is not supported by rpy"));
    }
    if closefd.is_some_and(|c| matches!(c, Value::Bool(false))) {
        return Err(vm.not_implemented_error("FileIO: closefd=False is not supported by rpy"));
    }
    let mode_text = match mode {
        None => "r".to_owned(),
        Some(m) => match m.as_str() {
            Some(s) => s.to_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )))
            }
        },
    };
    let m = parse_mode(vm, &mode_text)?;
    if let Value::Int(fd) = file {
        return from_descriptor(vm, cls, fd, &m);
    }
    let path = match (&file, file.payload()) {
        (Value::Bool(_), _) => {
            return Err(vm.not_implemented_error(
                "opening a file descriptor is not supported by rpy; open the file by name",
            ))
        }
        (v, _) if v.as_str().is_some() => std::path::PathBuf::from(v.as_str().unwrap_or("")),
        (_, Some(Payload::Bytes(b))) => {
            std::path::PathBuf::from(String::from_utf8_lossy(b).into_owned())
        }
        _ => {
            let fspath = vm.intern("__fspath__");
            let cls_of = Value::Obj(vm.class_of(&file));
            if vm.get_attr_opt(&cls_of, &fspath)?.is_none() {
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(&file)
                )));
            }
            let p = vm.call_method(&file, "__fspath__", &[])?;
            match p.as_str() {
                Some(s) => std::path::PathBuf::from(s),
                None => return Err(vm.type_error("expected __fspath__() to return str")),
            }
        }
    };
    if path.as_os_str().to_string_lossy().contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    let what = format!("open('{}')", path.display());
    if m.write {
        vm.require(Capability::FileWrite, &what)?;
    }
    if m.read || !m.write {
        vm.require_read_path(&path, &what)?;
    }
    let opened = OpenOptions::new()
        .read(m.read)
        .write(m.write && !m.append)
        .append(m.append)
        .create(m.write && !m.create_new && !m.read || m.truncate || m.append)
        .create_new(m.create_new)
        .truncate(m.truncate)
        .open(&path);
    let f = opened.map_err(|e| os_error(vm, &e, Some(&file)))?;
    if f.metadata().map(|md| md.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(&file)));
    }
    let state = FileIo {
        file: Some(f),
        name: file,
        mode: m.canonical,
        readable: m.read,
        writable: m.write,
        table_fd: None,
    };
    Ok(Value::Obj(vm.alloc(
        cls,
        Payload::NativeData(std::cell::RefCell::new(Box::new(state))),
    )))
}

/// `FileIO(fd)` on a descriptor of `posix`'s table (a pipe end from
/// `os.pipe()`): the file works on a duplicate, reports `fd` as its
/// `fileno()` (it stays in the table for `os.read` and `select`), and
/// closes both when closed.
#[cfg(unix)]
fn from_descriptor(vm: &mut Vm, cls: PyRef, fd: i64, m: &Mode) -> PyResult<Value> {
    if fd < 0 {
        return Err(vm.value_error("negative file descriptor"));
    }
    let dup = crate::modules::posix_fd::with_fd(vm, fd, |b| {
        b.try_clone_to_owned()
            .map_err(|e| rustix::io::Errno::from_io_error(&e).unwrap_or(rustix::io::Errno::BADF))
    });
    let owned = match dup {
        Ok(o) if fd > 2 => o,
        Ok(_) => {
            return Err(vm.not_implemented_error(
                "FileIO on the standard streams' descriptors is not supported by rpy",
            ))
        }
        Err(e) => return Err(e),
    };
    let state = FileIo {
        file: Some(File::from(owned)),
        name: Value::Int(fd),
        mode: m.canonical,
        readable: m.read,
        writable: m.write,
        table_fd: Some(fd),
    };
    Ok(Value::Obj(vm.alloc(
        cls,
        Payload::NativeData(std::cell::RefCell::new(Box::new(state))),
    )))
}

#[cfg(not(unix))]
fn from_descriptor(vm: &mut Vm, _cls: PyRef, _fd: i64, _m: &Mode) -> PyResult<Value> {
    Err(vm.not_implemented_error(
        "opening a file descriptor is not supported by rpy; open the file by name",
    ))
}

fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = unsupported_class(vm);
    let m = vm.str_val(msg);
    match cls.and_then(|c| vm.call(&c, &[m]).ok()) {
        Some(Value::Obj(o)) => PyErr(o),
        _ => vm.os_error(msg),
    }
}

/// `io.UnsupportedOperation`, kept on the `_io` module.
fn unsupported_class(vm: &mut Vm) -> Option<Value> {
    vm.module_type("_io", "UnsupportedOperation")
        .ok()
        .map(Value::Obj)
}

/// Runs `f` on the open file of `this`, or raises the closed-file error.
fn with_file<T>(
    vm: &mut Vm,
    this: &Value,
    f: impl FnOnce(&mut FileIo, &mut File) -> std::io::Result<T>,
) -> PyResult<T> {
    let Some(obj) = this.as_obj() else {
        return Err(vm.type_error("expected a FileIO object"));
    };
    let result = {
        let Some(mut state) = obj.native_data::<FileIo>() else {
            return Err(vm.type_error("expected a FileIO object"));
        };
        let state = &mut *state;
        state.file.take().map(|mut file| {
            let r = f(state, &mut file);
            state.file = Some(file);
            r
        })
    };
    match result {
        None => Err(closed_error(vm)),
        Some(r) => r.map_err(|e| os_error(vm, &e, None)),
    }
}

fn flags(vm: &mut Vm, this: &Value) -> PyResult<(bool, bool, bool)> {
    let state = this.as_obj().and_then(|o| {
        o.native_data::<FileIo>()
            .map(|s| (s.file.is_some(), s.readable, s.writable))
    });
    match state {
        Some(s) => Ok(s),
        None => Err(vm.type_error("expected a FileIO object")),
    }
}

fn check_readable(vm: &mut Vm, this: &Value) -> PyResult<()> {
    match flags(vm, this)? {
        (false, _, _) => Err(closed_error(vm)),
        (_, false, _) => Err(unsupported(vm, "File not open for reading")),
        _ => Ok(()),
    }
}

fn check_writable(vm: &mut Vm, this: &Value) -> PyResult<()> {
    match flags(vm, this)? {
        (false, _, _) => Err(closed_error(vm)),
        (_, _, false) => Err(unsupported(vm, "File not open for writing")),
        _ => Ok(()),
    }
}

fn file_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, size] = args.range::<2>(vm, "read", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    check_readable(vm, &this)?;
    let size = match size {
        None | Some(Value::None) => -1,
        Some(v) => vm.to_i64(v)?,
    };
    let data = with_file(vm, &this, |_, f| {
        let mut buf = Vec::new();
        if size < 0 {
            f.read_to_end(&mut buf)?;
        } else {
            // At most `size` bytes: one read may return fewer, so loop.
            let mut limited = f.take(size as u64);
            limited.read_to_end(&mut buf)?;
        }
        Ok(buf)
    })?;
    Ok(vm.new_bytes(data))
}

fn file_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, data] = args.exact_method(vm, "write")?;
    check_writable(vm, this)?;
    let bytes = match crate::objects::memoryview::memoryview_bytes(vm, data) {
        Some(b) => b,
        None => vm.bytes_like(data)?,
    };
    let n = bytes.len();
    with_file(vm, this, |_, f| f.write_all(&bytes))?;
    Ok(Value::Int(n as i64))
}

fn file_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, pos, whence] = args.range::<3>(vm, "seek", 2, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let pos = vm.to_i64(pos.unwrap_or(&Value::Int(0)))?;
    let whence = match whence {
        None => 0,
        Some(w) => vm.to_i64(w)?,
    };
    let target = match whence {
        0 if pos < 0 => return Err(vm.value_error(format!("negative seek position {pos}"))),
        0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let at = with_file(vm, &this, |_, f| f.seek(target))?;
    Ok(Value::Int(at as i64))
}

fn file_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "tell")?;
    let at = with_file(vm, this, |_, f| f.stream_position())?;
    Ok(Value::Int(at as i64))
}

fn file_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, size] = args.range::<2>(vm, "truncate", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    check_writable(vm, &this)?;
    let size = match size {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.to_i64(v)?),
    };
    let n = with_file(vm, &this, |_, f| {
        let n = match size {
            Some(n) => n.max(0) as u64,
            None => f.stream_position()?,
        };
        f.set_len(n)?;
        Ok(n)
    })?;
    Ok(Value::Int(n as i64))
}

fn file_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "close")?;
    let table_fd = match this.as_obj().and_then(|o| o.native_data::<FileIo>()) {
        Some(mut s) => {
            s.file = None;
            s.table_fd.take()
        }
        None => None,
    };
    #[cfg(unix)]
    if let Some(fd) = table_fd {
        drop(crate::modules::posix_fd::take_fd(vm, fd));
    }
    #[cfg(not(unix))]
    let _ = table_fd;
    Ok(Value::None)
}

fn file_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "flush")?;
    if !flags(vm, this)?.0 {
        return Err(closed_error(vm));
    }
    Ok(Value::None)
}

fn file_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "readable")?;
    match flags(vm, this)? {
        (false, _, _) => Err(closed_error(vm)),
        (_, r, _) => Ok(Value::Bool(r)),
    }
}

fn file_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "writable")?;
    match flags(vm, this)? {
        (false, _, _) => Err(closed_error(vm)),
        (_, _, w) => Ok(Value::Bool(w)),
    }
}

fn file_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "seekable")?;
    // A pipe is not seekable; a regular file is.
    let ok = with_file(vm, this, |_, f| Ok(f.stream_position().is_ok()))?;
    Ok(Value::Bool(ok))
}

fn file_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "fileno")?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let fd = with_file(vm, this, |s, f| {
            Ok(s.table_fd.unwrap_or(i64::from(f.as_raw_fd())))
        })?;
        Ok(Value::Int(fd))
    }
    #[cfg(not(unix))]
    {
        let _ = this;
        Err(unsupported(vm, "fileno"))
    }
}

fn file_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::io::IsTerminal;
    let [this] = args.exact_method(vm, "isatty")?;
    let t = with_file(vm, this, |_, f| Ok(f.is_terminal()))?;
    Ok(Value::Bool(t))
}

fn get_closed(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(!flags(vm, v)?.0))
}

fn get_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v
        .as_obj()
        .and_then(|o| o.native_data::<FileIo>().map(|s| s.name.clone()))
    {
        Some(n) => Ok(n),
        None => Err(vm.type_error("expected a FileIO object")),
    }
}

fn get_mode(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v
        .as_obj()
        .and_then(|o| o.native_data::<FileIo>().map(|s| s.mode))
    {
        Some(m) => Ok(vm.str_val(m)),
        None => Err(vm.type_error("expected a FileIO object")),
    }
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("_io");
    let t = vm.new_native_type("_io", "FileIO", None);
    vm.add_static(&t, "__new__", file_new);
    vm.add_methods(
        &t,
        &[
            ("read", file_read),
            ("readall", file_read),
            ("write", file_write),
            ("seek", file_seek),
            ("tell", file_tell),
            ("truncate", file_truncate),
            ("close", file_close),
            ("flush", file_flush),
            ("readable", file_readable),
            ("writable", file_writable),
            ("seekable", file_seekable),
            ("fileno", file_fileno),
            ("isatty", file_isatty),
        ],
    );
    vm.add_getset(&t, "closed", get_closed, None);
    vm.add_getset(&t, "name", get_name, None);
    vm.add_getset(&t, "mode", get_mode, None);
    vm.module_set(&m, "FileIO", Value::Obj(t));
    // UnsupportedOperation is both an OSError and a ValueError.
    let bases = vm.new_tuple(vec![
        Value::Obj(vm.exc.os_error.clone()),
        Value::Obj(vm.exc.value_error.clone()),
    ]);
    let ns = vm.new_dict();
    if let Value::Obj(d) = &ns {
        let module = vm.str_val("io");
        vm.dict_set_str(d, "__module__", module)?;
    }
    let name = vm.str_val("UnsupportedOperation");
    let ty = Value::Obj(vm.types.type_.clone());
    let unsupported = vm.call(&ty, &[name, bases, ns])?;
    vm.module_set(&m, "UnsupportedOperation", unsupported);
    Ok(m)
}
