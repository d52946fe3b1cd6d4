//! `posix`: the operating-system calls under `Lib/os.py`, on Rust's std
//! (files and directories, the environment, the process id), with
//! CPython's OSError subclasses, errno values and messages.

use std::path::PathBuf;
use std::rc::Rc;

use rpy_vm::Args;
use rpy_vm::Capability;
use rpy_vm::Payload;
use rpy_vm::StructSeqFields;
use rpy_vm::{PyErr, PyResult, Vm};
use rpy_vm::{PyRef, Value};

/// A path argument: str, bytes, or an object with `__fspath__`. `bytes`
/// says whether results naming files should be bytes too.
pub(crate) struct PathArg {
    pub(crate) path: PathBuf,
    pub(crate) original: Value,
    pub(crate) bytes: bool,
}

pub(crate) fn path_arg(vm: &mut Vm, v: &Value, func: &str, arg: &str) -> PyResult<PathArg> {
    if let Some(s) = v.as_str() {
        return Ok(PathArg {
            path: str_path(vm, s)?,
            original: v.clone(),
            bytes: false,
        });
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(PathArg {
            path: bytes_path(b),
            original: v.clone(),
            bytes: true,
        });
    }
    let k = vm.intern("__fspath__");
    let cls = Value::Obj(vm.class_of(v));
    if vm.get_attr_opt(&cls, &k)?.is_some() {
        let p = vm.call_method(v, "__fspath__", &[])?;
        if p.as_str().is_some() || matches!(p.payload(), Some(Payload::Bytes(_))) {
            let mut r = path_arg(vm, &p, func, arg)?;
            r.original = v.clone();
            return Ok(r);
        }
        return Err(vm.type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(v),
            vm.type_name(&p)
        )));
    }
    // The functions that also take a file descriptor say so.
    let kinds = if func == "listdir" {
        "string, bytes, os.PathLike, integer or None"
    } else if matches!(func, "stat" | "chdir") {
        "string, bytes, os.PathLike or integer"
    } else {
        "string, bytes or os.PathLike"
    };
    Err(vm.type_error(format!(
        "{func}: {arg} should be {kinds}, not {}",
        vm.type_name(v)
    )))
}

/// A str file name as the OS sees it: UTF-8, with the bytes that
/// `surrogateescape` smuggled in as lone surrogates (`os.fsdecode`) given
/// back (CPython's file system encoding on Linux).
fn str_path(vm: &mut Vm, s: &str) -> PyResult<PathBuf> {
    if !rpy_vm::surrogates::has_surrogates(s) {
        return Ok(PathBuf::from(s));
    }
    let s = s.to_owned();
    let b = vm.encode_str(&s, "utf-8", "surrogateescape")?;
    Ok(bytes_path(&b))
}

#[cfg(unix)]
fn bytes_path(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(b))
}

#[cfg(not(unix))]
fn bytes_path(b: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(b).into_owned())
}

/// A file name for results: bytes when the argument was bytes.
pub(crate) fn name_value(vm: &mut Vm, name: &std::ffi::OsStr, bytes: bool) -> Value {
    if bytes {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            return vm.new_bytes(name.as_bytes().to_vec());
        }
    }
    os_str_value(vm, name)
}

/// A name from the OS as a str: undecodable bytes become lone surrogates
/// (`surrogateescape`), as `os.fsdecode` does.
pub(crate) fn os_str_value(vm: &mut Vm, name: &std::ffi::OsStr) -> Value {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        if let Ok(s) = vm.decode_bytes(name.as_bytes(), "utf-8", "surrogateescape") {
            return vm.str_val(s);
        }
    }
    vm.str_val(name.to_string_lossy().into_owned())
}

/// The OSError for `e`, naming the file when there is one.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    vm.io_error(e, filename.map(std::slice::from_ref).unwrap_or(&[]))
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "getcwd")?;
    vm.require(Capability::FileRead, "os.getcwd")?;
    match std::env::current_dir() {
        Ok(d) => Ok(os_str_value(vm, d.as_os_str())),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p] = args.bind(vm, "chdir", ["path"], 1)?;
    vm.require(Capability::FileRead, "os.chdir")?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), "chdir", "path")?;
    std::env::set_current_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.original)))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p] = args.bind(vm, "listdir", ["path"], 0)?;
    vm.require(Capability::FileRead, "os.listdir")?;
    let p = match p {
        None | Some(Value::None) => PathArg {
            path: PathBuf::from("."),
            original: vm.str_val("."),
            bytes: false,
        },
        Some(v) => path_arg(vm, v, "listdir", "path")?,
    };
    let rd = std::fs::read_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.original)))?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| os_error(vm, &e, Some(&p.original)))?;
        names.push(name_value(vm, &entry.file_name(), p.bytes));
    }
    Ok(vm.new_list(names))
}

/// A call that changes the file system at one path (`mkdir`, `rmdir`,
/// `unlink`): the sandbox check, the path argument, the error naming it.
fn write_at_path(
    vm: &mut Vm,
    name: &str,
    p: Option<&Value>,
    op: fn(&std::path::Path) -> std::io::Result<()>,
) -> PyResult<Value> {
    vm.require(Capability::FileWrite, &format!("os.{name}"))?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), name, "path")?;
    op(&p.path).map_err(|e| os_error(vm, &e, Some(&p.original)))?;
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, _mode] = args.bind(vm, "mkdir", ["path", "mode"], 1)?;
    write_at_path(vm, "mkdir", p, |p| std::fs::create_dir(p))
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p] = args.bind(vm, "rmdir", ["path"], 1)?;
    write_at_path(vm, "rmdir", p, |p| std::fs::remove_dir(p))
}

fn unlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p] = args.bind(vm, "unlink", ["path"], 1)?;
    // remove_file on a directory fails with EISDIR, as unlink(2) does.
    write_at_path(vm, "unlink", p, |p| std::fs::remove_file(p))
}

fn rename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.bind(vm, "rename", ["src", "dst"], 2)?;
    vm.require(Capability::FileWrite, "os.rename")?;
    let a = path_arg(vm, a.unwrap_or(&Value::None), "rename", "src")?;
    let b = path_arg(vm, b.unwrap_or(&Value::None), "rename", "dst")?;
    std::fs::rename(&a.path, &b.path)
        .map_err(|e| vm.io_error(&e, &[a.original.clone(), Value::None, b.original.clone()]))?;
    Ok(Value::None)
}

/// `stat(path)` / `lstat(path)`: the fields of `os.stat_result`.
fn stat_impl(vm: &mut Vm, args: Args, name: &str, follow: bool) -> PyResult<Value> {
    let [p, dir_fd, follow_arg] = args.bind(vm, name, ["path", "dir_fd", "follow_symlinks"], 1)?;
    vm.require(Capability::FileRead, "os.stat")?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), name, "path")?;
    if !matches!(dir_fd, None | Some(Value::None)) {
        return Err(vm.not_implemented_error("dir_fd unavailable on this platform"));
    }
    let follow = match follow_arg {
        Some(v) => follow && vm.is_true(v)?,
        None => follow,
    };
    let md = if follow {
        std::fs::metadata(&p.path)
    } else {
        std::fs::symlink_metadata(&p.path)
    };
    let md = md.map_err(|e| os_error(vm, &e, Some(&p.original)))?;
    let ty = vm.module_type("posix", "stat_result")?;
    vm.new_struct_seq(&ty, stat_fields(&md))
}

/// Seconds and nanoseconds of a file time as `stat_result` shows them:
/// the integer seconds (an item), the float seconds and the integer
/// nanoseconds (named fields).
fn stat_time(secs: i64, nsec: i64) -> [Value; 3] {
    let ns = i128::from(secs) * 1_000_000_000 + i128::from(nsec);
    [
        Value::Int(secs),
        Value::Float(secs as f64 + nsec as f64 * 1e-9),
        i64::try_from(ns)
            .map(Value::Int)
            .unwrap_or(Value::Float(ns as f64)),
    ]
}

/// The 10 items and 9 named fields of `os.stat_result`: the seven
/// leading ints (mode, ino, dev, nlink, uid, gid, size), the access,
/// modification and change times as `(secs, nsec)`, and the three
/// trailing ints (blksize, blocks, rdev).
fn stat_values(lead: [i64; 7], times: [(i64, i64); 3], tail: [i64; 3]) -> Vec<Value> {
    let times = times.map(|(s, ns)| stat_time(s, ns));
    let mut out: Vec<Value> = lead.into_iter().map(Value::Int).collect();
    // Integer seconds, float seconds, nanoseconds: each for a, m, c.
    for k in 0..3 {
        out.extend(times.iter().filter_map(|t| t.get(k).cloned()));
    }
    out.extend(tail.into_iter().map(Value::Int));
    out
}

#[cfg(unix)]
pub(crate) fn stat_fields(md: &std::fs::Metadata) -> Vec<Value> {
    use std::os::unix::fs::MetadataExt;
    stat_values(
        [
            i64::from(md.mode()),
            md.ino() as i64,
            md.dev() as i64,
            md.nlink() as i64,
            i64::from(md.uid()),
            i64::from(md.gid()),
            md.size() as i64,
        ],
        [
            (md.atime(), md.atime_nsec()),
            (md.mtime(), md.mtime_nsec()),
            (md.ctime(), md.ctime_nsec()),
        ],
        [md.blksize() as i64, md.blocks() as i64, md.rdev() as i64],
    )
}

#[cfg(not(unix))]
pub(crate) fn stat_fields(md: &std::fs::Metadata) -> Vec<Value> {
    let mode = if md.is_dir() { 0o040755 } else { 0o100644 };
    let time = |t: std::io::Result<std::time::SystemTime>| {
        let d = t
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .unwrap_or_default();
        (d.as_secs() as i64, i64::from(d.subsec_nanos()))
    };
    stat_values(
        [mode, 0, 0, 1, 0, 0, md.len() as i64],
        [time(md.accessed()), time(md.modified()), time(md.created())],
        [0, 0, 0],
    )
}

fn make_stat_result_type(vm: &mut Vm) -> PyResult<PyRef> {
    // As CPython's on Linux: items 7 to 9 are the integer times (unnamed);
    // the named times are floats, and copy the integer ones when a
    // constructor call does not give them.
    let names = |l: &[&str]| l.iter().map(|&f| Rc::from(f)).collect::<Vec<Rc<str>>>();
    let fields = names(&[
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "", "", "",
    ]);
    let extra = names(&[
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ]);
    let mut extra_from = vec![None; extra.len()];
    extra_from[..3].copy_from_slice(&[Some(7), Some(8), Some(9)]);
    let fields = StructSeqFields {
        fields,
        extra,
        extra_from,
    };
    vm.new_struct_seq_type_with("os", "stat_result", fields)
}

fn stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stat_impl(vm, args, "stat", true)
}

fn lstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    stat_impl(vm, args, "lstat", false)
}

fn getpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "getpid")?;
    vm.require(Capability::Process, "os.getpid")?;
    Ok(Value::Int(i64::from(std::process::id())))
}

#[cfg(unix)]
fn getppid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "getppid")?;
    vm.require(Capability::Process, "os.getppid")?;
    Ok(Value::Int(i64::from(std::os::unix::process::parent_id())))
}

/// An environment name or value: str or bytes (CPython's os.py passes
/// bytes on POSIX), as the OS string it stands for.
fn env_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<std::ffi::OsString> {
    if let Some(s) = v.as_str() {
        return Ok(str_path(vm, s)?.into_os_string());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(bytes_path(b).into_os_string());
    }
    Err(vm.type_error(format!(
        "{func}: expected str or bytes, not {}",
        vm.type_name(v)
    )))
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [k, v] = args.exact(vm, "putenv")?;
    vm.require(Capability::Environment, "os.putenv")?;
    let (k, v) = (env_arg(vm, k, "putenv")?, env_arg(vm, v, "putenv")?);
    let kb = k.as_encoded_bytes();
    if kb.is_empty() || kb.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if kb.contains(&0) || v.as_encoded_bytes().contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [k] = args.exact(vm, "unsetenv")?;
    vm.require(Capability::Environment, "os.unsetenv")?;
    let k = env_arg(vm, k, "unsetenv")?;
    let kb = k.as_encoded_bytes();
    if kb.is_empty() || kb.contains(&b'=') || kb.contains(&0) {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

/// The process environment as CPython's posix has it: a dict of bytes
/// to bytes (os.py decodes it); empty in a sandbox without environment
/// access.
fn environ_dict(vm: &mut Vm) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    if !vm.has_capability(Capability::Environment) {
        return Ok(Value::Obj(d));
    }
    for (k, v) in std::env::vars_os() {
        let k = vm.new_bytes(k.into_encoded_bytes());
        let v = vm.new_bytes(v.into_encoded_bytes());
        vm.dict_set(&d, k, v)?;
    }
    Ok(Value::Obj(d))
}

fn strerror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.exact(vm, "strerror")?;
    let n = vm.to_i64(n)?;
    let e = std::io::Error::from_raw_os_error(i32::try_from(n).unwrap_or(i32::MAX));
    let text = e.to_string();
    let s = text.split(" (os error").next().unwrap_or(&text).to_owned();
    Ok(vm.str_val(s))
}

fn access(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, mode] = args.bind(vm, "access", ["path", "mode"], 2)?;
    vm.require(Capability::FileRead, "os.access")?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), "access", "path")?;
    let mode = vm.to_i64(mode.unwrap_or(&Value::Int(0)))?;
    let Ok(md) = std::fs::metadata(&p.path) else {
        return Ok(Value::Bool(false));
    };
    // W_OK: the owner-write bit and not read-only; X_OK: any execute bit.
    let mut ok = true;
    if mode & 2 != 0 {
        ok &= !md.permissions().readonly();
    }
    #[cfg(unix)]
    if mode & 1 != 0 {
        use std::os::unix::fs::PermissionsExt;
        ok &= md.is_dir() || md.permissions().mode() & 0o111 != 0;
    }
    Ok(Value::Bool(ok))
}

fn urandom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.exact(vm, "urandom")?;
    let n = vm.to_i64(n)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    vm.check_alloc(n as usize)?;
    let mut buf = vec![0u8; n as usize];
    let r = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
    r.map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.new_bytes(buf))
}

fn cpu_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "cpu_count")?;
    vm.require(Capability::Process, "os.cpu_count")?;
    Ok(std::thread::available_parallelism()
        .map(|n| Value::Int(n.get() as i64))
        .unwrap_or(Value::None))
}

fn exit_now(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code] = args.exact(vm, "_exit")?;
    let code = vm.to_i64(code)?;
    // Ending the process would end the embedding host too.
    vm.require(Capability::Process, "os._exit")?;
    // Like os._exit: no cleanup, but what was written reaches the streams.
    let out = vm.output.clone();
    let _ = out.borrow_mut().flush(false);
    std::process::exit(code as i32)
}

#[cfg(not(unix))]
fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use std::io::IsTerminal;
    let [fd] = args.exact(vm, "isatty")?;
    let fd = vm.to_i64(fd)?;
    Ok(Value::Bool(match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }))
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("posix");
    vm.module_add_fns(
        &m,
        &[
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("unlink", unlink),
            ("remove", unlink),
            ("rename", rename),
            ("replace", rename),
            ("stat", stat),
            ("lstat", lstat),
            ("getpid", getpid),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("strerror", strerror),
            ("access", access),
            ("urandom", urandom),
            ("cpu_count", cpu_count),
            ("_exit", exit_now),
        ],
    );
    #[cfg(not(unix))]
    vm.module_add_fn(&m, "isatty", isatty);
    #[cfg(unix)]
    vm.module_add_fn(&m, "getppid", getppid);
    #[cfg(unix)]
    {
        super::posix_fd::add_to(vm, &m)?;
        super::posix_sys::add_to(vm, &m)?;
        super::posix_scandir::add_to(vm, &m);
    }
    let env = environ_dict(vm)?;
    vm.module_set(&m, "environ", env);
    let st = make_stat_result_type(vm)?;
    vm.module_set(&m, "stat_result", Value::Obj(st));
    for (name, v) in [("F_OK", 0), ("X_OK", 1), ("W_OK", 2), ("R_OK", 4)] {
        vm.module_set(&m, name, Value::Int(v));
    }
    Ok(m)
}
