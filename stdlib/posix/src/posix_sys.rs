//! `posix` beyond files and directories: the Linux constants (`O_*`,
//! `SEEK_*`, `EX_*`, `W*`...), process and user ids, `uname`, `umask`,
//! `kill`, `system`, the wait-status decoders, links and permissions,
//! `fspath` and `_have_functions`, on rustix's safe system calls and std.

use std::os::unix::ffi::OsStrExt;

use rustix::fs::{Mode, Timespec, Timestamps};
use rustix::process::{Gid, Pid, Uid};

use rpy_vm::Args;
use rpy_vm::{Capability, ModuleDef};
use rpy_vm::{PyErr, PyResult, Vm};
use rpy_vm::{PyRef, Value};

use super::posix::{os_error, path_arg};

/// The integer constants of CPython's `posix` on Linux, with its values.
const CONSTANTS: &[(&str, i64)] = &[
    ("CLD_CONTINUED", 6),
    ("CLD_DUMPED", 3),
    ("CLD_EXITED", 1),
    ("CLD_KILLED", 2),
    ("CLD_STOPPED", 5),
    ("CLD_TRAPPED", 4),
    ("EFD_CLOEXEC", 524288),
    ("EFD_NONBLOCK", 2048),
    ("EFD_SEMAPHORE", 1),
    ("EX_CANTCREAT", 73),
    ("EX_CONFIG", 78),
    ("EX_DATAERR", 65),
    ("EX_IOERR", 74),
    ("EX_NOHOST", 68),
    ("EX_NOINPUT", 66),
    ("EX_NOPERM", 77),
    ("EX_NOUSER", 67),
    ("EX_OK", 0),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_PROTOCOL", 76),
    ("EX_SOFTWARE", 70),
    ("EX_TEMPFAIL", 75),
    ("EX_UNAVAILABLE", 69),
    ("EX_USAGE", 64),
    ("F_LOCK", 1),
    ("F_OK", 0),
    ("F_TEST", 3),
    ("F_TLOCK", 2),
    ("F_ULOCK", 0),
    ("GRND_NONBLOCK", 1),
    ("GRND_RANDOM", 2),
    ("MFD_ALLOW_SEALING", 2),
    ("MFD_CLOEXEC", 1),
    ("MFD_HUGETLB", 4),
    ("MFD_HUGE_16GB", 2281701376),
    ("MFD_HUGE_16MB", 1610612736),
    ("MFD_HUGE_1GB", 2013265920),
    ("MFD_HUGE_1MB", 1342177280),
    ("MFD_HUGE_256MB", 1879048192),
    ("MFD_HUGE_2GB", 2080374784),
    ("MFD_HUGE_2MB", 1409286144),
    ("MFD_HUGE_32MB", 1677721600),
    ("MFD_HUGE_512KB", 1275068416),
    ("MFD_HUGE_512MB", 1946157056),
    ("MFD_HUGE_64KB", 1073741824),
    ("MFD_HUGE_8MB", 1543503872),
    ("MFD_HUGE_MASK", 63),
    ("MFD_HUGE_SHIFT", 26),
    ("NGROUPS_MAX", 65536),
    ("O_ACCMODE", 3),
    ("O_APPEND", 1024),
    ("O_ASYNC", 8192),
    ("O_CLOEXEC", 524288),
    ("O_CREAT", 64),
    ("O_DIRECT", 16384),
    ("O_DIRECTORY", 65536),
    ("O_DSYNC", 4096),
    ("O_EXCL", 128),
    ("O_FSYNC", 1052672),
    ("O_LARGEFILE", 0),
    ("O_NDELAY", 2048),
    ("O_NOATIME", 262144),
    ("O_NOCTTY", 256),
    ("O_NOFOLLOW", 131072),
    ("O_NONBLOCK", 2048),
    ("O_PATH", 2097152),
    ("O_RDONLY", 0),
    ("O_RDWR", 2),
    ("O_RSYNC", 1052672),
    ("O_SYNC", 1052672),
    ("O_TMPFILE", 4259840),
    ("O_TRUNC", 512),
    ("O_WRONLY", 1),
    ("POSIX_FADV_DONTNEED", 4),
    ("POSIX_FADV_NOREUSE", 5),
    ("POSIX_FADV_NORMAL", 0),
    ("POSIX_FADV_RANDOM", 1),
    ("POSIX_FADV_SEQUENTIAL", 2),
    ("POSIX_FADV_WILLNEED", 3),
    ("POSIX_SPAWN_CLOSE", 1),
    ("POSIX_SPAWN_DUP2", 2),
    ("POSIX_SPAWN_OPEN", 0),
    ("PRIO_PGRP", 1),
    ("PRIO_PROCESS", 0),
    ("PRIO_USER", 2),
    ("P_ALL", 0),
    ("P_PGID", 2),
    ("P_PID", 1),
    ("P_PIDFD", 3),
    ("RTLD_DEEPBIND", 8),
    ("RTLD_GLOBAL", 256),
    ("RTLD_LAZY", 1),
    ("RTLD_LOCAL", 0),
    ("RTLD_NODELETE", 4096),
    ("RTLD_NOLOAD", 4),
    ("RTLD_NOW", 2),
    ("RWF_APPEND", 16),
    ("RWF_DSYNC", 2),
    ("RWF_HIPRI", 1),
    ("RWF_NOWAIT", 8),
    ("RWF_SYNC", 4),
    ("R_OK", 4),
    ("SCHED_BATCH", 3),
    ("SCHED_FIFO", 1),
    ("SCHED_IDLE", 5),
    ("SCHED_OTHER", 0),
    ("SCHED_RESET_ON_FORK", 1073741824),
    ("SCHED_RR", 2),
    ("SEEK_DATA", 3),
    ("SEEK_HOLE", 4),
    ("SPLICE_F_MORE", 4),
    ("SPLICE_F_MOVE", 1),
    ("SPLICE_F_NONBLOCK", 2),
    ("ST_APPEND", 256),
    ("ST_MANDLOCK", 64),
    ("ST_NOATIME", 1024),
    ("ST_NODEV", 4),
    ("ST_NODIRATIME", 2048),
    ("ST_NOEXEC", 8),
    ("ST_NOSUID", 2),
    ("ST_RDONLY", 1),
    ("ST_RELATIME", 4096),
    ("ST_SYNCHRONOUS", 16),
    ("ST_WRITE", 128),
    ("TMP_MAX", 238328),
    ("WCONTINUED", 8),
    ("WEXITED", 4),
    ("WNOHANG", 1),
    ("WNOWAIT", 16777216),
    ("WSTOPPED", 2),
    ("WUNTRACED", 2),
    ("W_OK", 2),
    ("X_OK", 1),
];

/// What `os.py` reads to know which functions take `dir_fd` or a
/// descriptor: rpy's take neither, beyond these.
const HAVE_FUNCTIONS: &[&str] = &["HAVE_LSTAT", "HAVE_LCHOWN"];

fn errno_error(vm: &mut Vm, e: rustix::io::Errno, filename: Option<&Value>) -> PyErr {
    os_error(vm, &e.into(), filename)
}

fn int_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    vm.to_i64(v.unwrap_or(&Value::None))
}

fn uname(vm: &mut Vm) -> PyResult<Value> {
    vm.require(Capability::Process, "os.uname")?;
    let u = rustix::system::uname();
    let parts = [
        u.sysname(),
        u.nodename(),
        u.release(),
        u.version(),
        u.machine(),
    ];
    let items = parts
        .iter()
        .map(|s| vm.str_val(s.to_string_lossy().into_owned()))
        .collect();
    let ty = vm.module_type("posix", "uname_result")?;
    vm.new_struct_seq(&ty, items)
}

fn umask(vm: &mut Vm, mask: i32) -> PyResult<u32> {
    vm.require(Capability::FileWrite, "os.umask")?;
    let Ok(mask) = u32::try_from(mask) else {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    };
    Ok(rustix::process::umask(Mode::from_bits_retain(mask)).bits())
}

/// The id functions without arguments (`getuid()`, `getpgrp()`...):
/// each needs `Capability::Process`.
/// An id function's query.
type IdQuery = fn() -> i64;

const ID_FNS: &[(&str, IdQuery)] = &[
    ("getuid", || i64::from(rustix::process::getuid().as_raw())),
    ("geteuid", || i64::from(rustix::process::geteuid().as_raw())),
    ("getgid", || i64::from(rustix::process::getgid().as_raw())),
    ("getegid", || i64::from(rustix::process::getegid().as_raw())),
    ("getpgrp", || {
        i64::from(rustix::process::getpgrp().as_raw_pid())
    }),
];

fn getgroups(vm: &mut Vm) -> PyResult<Vec<i64>> {
    vm.require(Capability::Process, "os.getgroups")?;
    let groups = rustix::process::getgroups().map_err(|e| errno_error(vm, e, None))?;
    Ok(groups.iter().map(|g| i64::from(g.as_raw())).collect())
}

/// A pid argument: 0 means the calling process.
fn pid_arg(vm: &mut Vm, n: i32) -> PyResult<Option<Pid>> {
    if n < 0 {
        return Err(errno_error(vm, rustix::io::Errno::SRCH, None));
    }
    Ok(Pid::from_raw(n))
}

fn getpgid(vm: &mut Vm, pid: i32) -> PyResult<i64> {
    vm.require(Capability::Process, "os.getpgid")?;
    let pid = pid_arg(vm, pid)?;
    let r = rustix::process::getpgid(pid).map_err(|e| errno_error(vm, e, None))?;
    Ok(i64::from(r.as_raw_pid()))
}

fn getsid(vm: &mut Vm, pid: i32) -> PyResult<i64> {
    vm.require(Capability::Process, "os.getsid")?;
    let pid = pid_arg(vm, pid)?;
    let r = rustix::process::getsid(pid).map_err(|e| errno_error(vm, e, None))?;
    Ok(i64::from(r.as_raw_pid()))
}

fn setsid(vm: &mut Vm) -> PyResult<()> {
    vm.require(Capability::Process, "os.setsid")?;
    rustix::process::setsid().map_err(|e| errno_error(vm, e, None))?;
    Ok(())
}

fn kill(vm: &mut Vm, pid: i64, sig: i64) -> PyResult<()> {
    vm.require(Capability::Process, "os.kill")?;
    let pid = i32::try_from(pid).ok().and_then(Pid::from_raw);
    let Some(pid) = pid else {
        return Err(vm.not_implemented_error("os.kill of a process group is not supported by rpy"));
    };
    let r = if sig == 0 {
        rustix::process::test_kill_process(pid)
    } else {
        match i32::try_from(sig)
            .ok()
            .and_then(rustix::process::Signal::from_named_raw)
        {
            Some(s) => rustix::process::kill_process(pid, s),
            None => Err(rustix::io::Errno::INVAL),
        }
    };
    r.map_err(|e| errno_error(vm, e, None))
}

fn getloadavg(vm: &mut Vm) -> PyResult<(f64, f64, f64)> {
    vm.require(Capability::Process, "os.getloadavg")?;
    // sysinfo's loads are fixed point with 16 fraction bits.
    let [a, b, c] = rustix::system::sysinfo().loads.map(|l| l as f64 / 65536.0);
    Ok((a, b, c))
}

fn fspath(vm: &mut Vm, p: Value) -> PyResult<Value> {
    let p = &p;
    if p.as_str().is_some() || matches!(p.payload(), Some(rpy_vm::Payload::Bytes(_))) {
        return Ok(p.clone());
    }
    let k = vm.intern("__fspath__");
    let cls = Value::Obj(vm.class_of(p));
    if vm.get_attr_opt(&cls, &k)?.is_none() {
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(p)
        )));
    }
    let r = vm.call_method(p, "__fspath__", &[])?;
    if r.as_str().is_some() || matches!(r.payload(), Some(rpy_vm::Payload::Bytes(_))) {
        return Ok(r);
    }
    Err(vm.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        vm.type_name(p),
        vm.type_name(&r)
    )))
}

/// The wait-status decoders: each takes `status` and reads its bits.
/// A wait-status decoder's reading of the status bits.
type StatusRead = fn(i64) -> Value;

const STATUS_FNS: &[(&str, StatusRead)] = &[
    ("WIFEXITED", |s| Value::Bool(s & 0x7f == 0)),
    ("WEXITSTATUS", |s| Value::Int((s >> 8) & 0xff)),
    ("WIFSIGNALED", |s| {
        Value::Bool(s & 0x7f != 0 && s & 0x7f != 0x7f)
    }),
    ("WTERMSIG", |s| Value::Int(s & 0x7f)),
    ("WIFSTOPPED", |s| Value::Bool(s & 0xff == 0x7f)),
    ("WSTOPSIG", |s| Value::Int((s >> 8) & 0xff)),
    ("WCOREDUMP", |s| Value::Bool(s & 0x80 != 0)),
    ("WIFCONTINUED", |s| Value::Bool(s == 0xffff)),
];

fn waitstatus_to_exitcode(vm: &mut Vm, s: i64) -> PyResult<i64> {
    if s & 0x7f == 0 {
        return Ok((s >> 8) & 0xff);
    }
    if s & 0x7f != 0x7f {
        return Ok(-(s & 0x7f));
    }
    if s & 0xff == 0x7f {
        let sig = (s >> 8) & 0xff;
        return Err(vm.value_error(format!("process stopped by delivery of signal {sig}")));
    }
    Err(vm.value_error(format!("invalid wait status: {s}")))
}

/// `waitpid(pid, options)`: `(pid, status)`, or `(0, 0)` with `WNOHANG`
/// when no child has changed state. A blocking wait polls in short slices
/// so that Ctrl-C and the time limit still reach it.
fn waitpid(vm: &mut Vm, pid: i64, options: i64) -> PyResult<(i64, i64)> {
    use rustix::process::WaitOptions;
    vm.require(Capability::Process, "os.waitpid")?;
    let (Ok(pid), Ok(options)) = (i32::try_from(pid), u32::try_from(options)) else {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    };
    const WNOHANG: u32 = 1;
    let once = WaitOptions::from_bits_retain(options | WNOHANG);
    let call = |vm: &mut Vm| {
        let r = match pid {
            -1 => rustix::process::wait(once),
            p if p > 0 => rustix::process::waitpid(Pid::from_raw(p), once),
            0 => rustix::process::waitpgid(rustix::process::getpgrp(), once),
            p => match Pid::from_raw(p.wrapping_neg()) {
                Some(g) => rustix::process::waitpgid(g, once),
                None => Err(rustix::io::Errno::CHILD),
            },
        };
        r.map_err(|e| errno_error(vm, e, None))
    };
    let mut slice = std::time::Duration::from_micros(200);
    loop {
        if let Some((p, st)) = call(vm)? {
            return Ok((i64::from(p.as_raw_pid()), i64::from(st.as_raw())));
        }
        if options & WNOHANG != 0 {
            return Ok((0, 0));
        }
        vm.sleep_interruptibly(slice)?;
        slice = (slice * 2).min(std::time::Duration::from_millis(20));
    }
}

fn system(vm: &mut Vm, cmd: Value) -> PyResult<Value> {
    let cmd = &cmd;
    let cmd = match (cmd.as_str(), cmd.payload()) {
        (Some(s), _) => std::ffi::OsString::from(s),
        (None, Some(rpy_vm::Payload::Bytes(b))) => std::ffi::OsStr::from_bytes(b).to_os_string(),
        _ => {
            return Err(vm.type_error(format!(
                "system() argument 'command' must be str or bytes, not {}",
                vm.type_name(cmd)
            )))
        }
    };
    vm.require(Capability::Process, "os.system")?;
    let out = vm.output.clone();
    let _ = out.borrow_mut().flush(false);
    let status = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(cmd)
        .status();
    match status {
        Ok(st) => {
            use std::os::unix::process::ExitStatusExt;
            Ok(Value::Int(i64::from(st.into_raw())))
        }
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn unsupported(vm: &mut Vm, name: &str) -> PyErr {
    vm.not_implemented_error(format!(
        "os.{name} is not supported by rpy (use subprocess or os.system)"
    ))
}

fn fork(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "fork"))
}

/// `register_at_fork(*, before, after_in_child, after_in_parent)`: the
/// arguments are checked as CPython checks them; since rpy never forks,
/// the callables are never called.
fn register_at_fork(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.pos().is_empty() {
        return Err(vm.type_error("register_at_fork() takes no positional arguments"));
    }
    let mut any = false;
    for (name, v) in args.kw() {
        if !matches!(name, "before" | "after_in_child" | "after_in_parent") {
            return Err(vm.type_error(format!(
                "register_at_fork() got an unexpected keyword argument '{name}'"
            )));
        }
        if matches!(v, Value::None) {
            continue;
        }
        if !vm.is_callable(v) {
            return Err(vm.type_error(format!(
                "'{name}' must be callable, not {}",
                vm.type_name(v)
            )));
        }
        any = true;
    }
    if !any {
        return Err(vm.type_error("At least one argument is required."));
    }
    Ok(Value::None)
}

fn execv(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "execv"))
}

fn execve(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported(vm, "execve"))
}

/// Rejects `dir_fd` (rpy's functions take paths only).
fn no_dir_fd(vm: &mut Vm, v: Option<&Value>) -> PyResult<()> {
    if matches!(v, None | Some(Value::None)) {
        return Ok(());
    }
    Err(vm.not_implemented_error("dir_fd unavailable on this platform"))
}

fn follow_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.is_true(v),
        None => Ok(true),
    }
}

fn chmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, mode, dir_fd, follow] = args.bind(
        vm,
        "chmod",
        ["path", "mode", "dir_fd", "follow_symlinks"],
        2,
    )?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), "chmod", "path")?;
    let mode = int_arg(vm, mode)?;
    no_dir_fd(vm, dir_fd)?;
    if !follow_arg(vm, follow)? {
        return Err(vm.not_implemented_error("chmod: follow_symlinks unavailable on this platform"));
    }
    vm.require(Capability::FileWrite, "os.chmod")?;
    let mode = Mode::from_bits_retain(u32::try_from(mode & 0o7777).unwrap_or(0));
    rustix::fs::chmod(&p.path, mode).map_err(|e| errno_error(vm, e, Some(&p.original)))?;
    Ok(Value::None)
}

fn owner_ids(
    vm: &mut Vm,
    uid: Option<&Value>,
    gid: Option<&Value>,
) -> PyResult<(Option<Uid>, Option<Gid>)> {
    let (u, g) = (int_arg(vm, uid)?, int_arg(vm, gid)?);
    let uid = match u {
        -1 => None,
        u => match u32::try_from(u) {
            Ok(u) => Some(Uid::from_raw(u)),
            Err(_) => return Err(vm.overflow_error("uid is less than minimum")),
        },
    };
    let gid = match g {
        -1 => None,
        g => match u32::try_from(g) {
            Ok(g) => Some(Gid::from_raw(g)),
            Err(_) => return Err(vm.overflow_error("gid is less than minimum")),
        },
    };
    Ok((uid, gid))
}

fn chown_impl(vm: &mut Vm, args: Args, name: &str, follow_default: bool) -> PyResult<Value> {
    let [p, uid, gid, dir_fd, follow] = args.bind(
        vm,
        name,
        ["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
    )?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), name, "path")?;
    let (uid, gid) = owner_ids(vm, uid, gid)?;
    no_dir_fd(vm, dir_fd)?;
    let follow = match follow {
        Some(v) => vm.is_true(v)?,
        None => follow_default,
    };
    vm.require(Capability::FileWrite, &format!("os.{name}"))?;
    let flags = if follow {
        rustix::fs::AtFlags::empty()
    } else {
        rustix::fs::AtFlags::SYMLINK_NOFOLLOW
    };
    rustix::fs::chownat(rustix::fs::CWD, &p.path, uid, gid, flags)
        .map_err(|e| errno_error(vm, e, Some(&p.original)))?;
    Ok(Value::None)
}

fn chown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    chown_impl(vm, args, "chown", true)
}

fn lchown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    chown_impl(vm, args, "lchown", false)
}

fn link(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b, sfd, dfd, _follow] = args.bind(
        vm,
        "link",
        ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
    )?;
    let a = path_arg(vm, a.unwrap_or(&Value::None), "link", "src")?;
    let b = path_arg(vm, b.unwrap_or(&Value::None), "link", "dst")?;
    no_dir_fd(vm, sfd)?;
    no_dir_fd(vm, dfd)?;
    vm.require(Capability::FileWrite, "os.link")?;
    std::fs::hard_link(&a.path, &b.path)
        .map_err(|e| vm.io_error(&e, &[a.original.clone(), Value::None, b.original.clone()]))?;
    Ok(Value::None)
}

fn symlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b, _dir, dfd] = args.bind(
        vm,
        "symlink",
        ["src", "dst", "target_is_directory", "dir_fd"],
        2,
    )?;
    let a = path_arg(vm, a.unwrap_or(&Value::None), "symlink", "src")?;
    let b = path_arg(vm, b.unwrap_or(&Value::None), "symlink", "dst")?;
    no_dir_fd(vm, dfd)?;
    vm.require(Capability::FileWrite, "os.symlink")?;
    std::os::unix::fs::symlink(&a.path, &b.path)
        .map_err(|e| vm.io_error(&e, &[a.original.clone(), Value::None, b.original.clone()]))?;
    Ok(Value::None)
}

fn readlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, dfd] = args.bind(vm, "readlink", ["path", "dir_fd"], 1)?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), "readlink", "path")?;
    no_dir_fd(vm, dfd)?;
    vm.require(Capability::FileRead, "os.readlink")?;
    let target = std::fs::read_link(&p.path).map_err(|e| os_error(vm, &e, Some(&p.original)))?;
    Ok(super::posix::name_value(vm, target.as_os_str(), p.bytes))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, len] = args.bind(vm, "truncate", ["path", "length"], 2)?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), "truncate", "path")?;
    let len = int_arg(vm, len)?;
    vm.require(Capability::FileWrite, "os.truncate")?;
    let r = u64::try_from(len)
        .map_err(|_| std::io::Error::from(rustix::io::Errno::INVAL))
        .and_then(|len| {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&p.path)
                .and_then(|f| f.set_len(len))
        });
    r.map_err(|e| os_error(vm, &e, Some(&p.original)))?;
    Ok(Value::None)
}

/// A time in seconds (int or float) as a `Timespec`.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<Timespec> {
    if let Value::Float(f) = v {
        if !f.is_finite() {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        let secs = f.floor();
        let nsec = ((f - secs) * 1e9).round() as i64;
        let (secs, nsec) = if nsec >= 1_000_000_000 {
            (secs as i64 + 1, nsec - 1_000_000_000)
        } else {
            (secs as i64, nsec)
        };
        return Ok(Timespec {
            tv_sec: secs,
            tv_nsec: nsec,
        });
    }
    let s = vm.to_i64(v)?;
    Ok(Timespec {
        tv_sec: s,
        tv_nsec: 0,
    })
}

fn utime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, times, ns, dfd, follow] = args.bind(
        vm,
        "utime",
        ["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
    )?;
    let p = path_arg(vm, p.unwrap_or(&Value::None), "utime", "path")?;
    no_dir_fd(vm, dfd)?;
    let follow = follow_arg(vm, follow)?;
    let times = times.filter(|t| !matches!(t, Value::None));
    let ns = ns.filter(|t| !matches!(t, Value::None));
    let pair = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<[Value; 2]> {
        match v.payload() {
            Some(rpy_vm::Payload::Tuple(t)) if t.len() == 2 => Ok([t[0].clone(), t[1].clone()]),
            _ => Err(vm.type_error(format!(
                "utime: '{what}' must be a tuple of two {}",
                if what == "ns" {
                    "ints"
                } else {
                    "ints or floats"
                }
            ))),
        }
    };
    let stamps = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (Some(t), None) => {
            let [a, m] = pair(vm, t, "times")?;
            Timestamps {
                last_access: timespec_of(vm, &a)?,
                last_modification: timespec_of(vm, &m)?,
            }
        }
        (None, Some(n)) => {
            let [a, m] = pair(vm, n, "ns")?;
            let (a, m) = (vm.to_i64(&a)?, vm.to_i64(&m)?);
            let ts = |n: i64| Timespec {
                tv_sec: n.div_euclid(1_000_000_000),
                tv_nsec: n.rem_euclid(1_000_000_000),
            };
            Timestamps {
                last_access: ts(a),
                last_modification: ts(m),
            }
        }
        (None, None) => {
            let now = Timespec {
                tv_sec: 0,
                tv_nsec: rustix::fs::UTIME_NOW,
            };
            Timestamps {
                last_access: now,
                last_modification: now,
            }
        }
    };
    vm.require(Capability::FileWrite, "os.utime")?;
    let flags = if follow {
        rustix::fs::AtFlags::empty()
    } else {
        rustix::fs::AtFlags::SYMLINK_NOFOLLOW
    };
    rustix::fs::utimensat(rustix::fs::CWD, &p.path, &stamps, flags)
        .map_err(|e| errno_error(vm, e, Some(&p.original)))?;
    Ok(Value::None)
}

/// Adds this file's functions, constants and types to `m`.
pub fn add_to(vm: &mut Vm, m: &PyRef) -> PyResult<()> {
    let mut d = ModuleDef::new("posix");
    d.function("uname", uname);
    d.function("umask", umask);
    for &(name, f) in ID_FNS {
        d.function(name, move |vm: &mut Vm| -> PyResult<i64> {
            vm.require(Capability::Process, &format!("os.{name}"))?;
            Ok(f())
        });
    }
    d.function("getgroups", getgroups);
    d.function("getpgid", getpgid).params(&["pid"]);
    d.function("getsid", getsid);
    d.function("setsid", setsid);
    d.function("kill", kill).tuple_style();
    d.function("getloadavg", getloadavg);
    d.function("fspath", fspath).params(&["path"]);
    for &(name, f) in STATUS_FNS {
        d.function(name, move |status: i64| f(status & 0xffff_ffff))
            .params(&["status"]);
    }
    d.function("waitstatus_to_exitcode", waitstatus_to_exitcode)
        .params(&["status"]);
    d.function("waitpid", waitpid).tuple_style();
    d.function("system", system).params(&["command"]);
    d.add_to(vm, m)?;
    vm.module_add_fns(
        m,
        &[
            ("fork", fork),
            ("register_at_fork", register_at_fork),
            ("execv", execv),
            ("execve", execve),
            ("chmod", chmod),
            ("chown", chown),
            ("lchown", lchown),
            ("link", link),
            ("symlink", symlink),
            ("readlink", readlink),
            ("truncate", truncate),
            ("utime", utime),
        ],
    );
    for &(name, v) in CONSTANTS {
        vm.module_set(m, name, Value::Int(v));
    }
    let have = HAVE_FUNCTIONS.iter().map(|s| vm.str_val(*s)).collect();
    let have = vm.new_list(have);
    vm.module_set(m, "_have_functions", have);
    let ty = vm.new_struct_seq_type(
        "posix",
        "uname_result",
        &["sysname", "nodename", "release", "version", "machine"],
    )?;
    vm.module_set(m, "uname_result", Value::Obj(ty));
    Ok(())
}
