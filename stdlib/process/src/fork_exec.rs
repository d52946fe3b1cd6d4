//! `_posixsubprocess.fork_exec`, the call CPython's `subprocess.py` starts
//! every child with, on `std::process::Command` (which forks and execs
//! inside std; Python code cannot run in between, so `preexec_fn` is
//! refused). The child's standard streams come from descriptors of
//! `posix`'s table (duplicated for the child), `close_fds`/`pass_fds`
//! hold for the descriptors of that table (each is made inheritable or
//! not just for the spawn), and a failed exec is reported as CPython's
//! child reports it: `OSError:<errno hex>:` written to `errpipe_write`,
//! which `subprocess.py` reads and raises with the file name.

use std::ffi::{OsStr, OsString};
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use rpy_posix::{table_numbers, with_fd};
use rpy_vm::{Capability, ModuleDef, PyRef, PyResult, Value, VarArgs, Vm};
use rustix::io::{Errno, FdFlags};

use crate::descriptors::dup_fd;

/// A path-like argument (str, bytes or os.PathLike) as the bytes of an
/// OS string.
fn os_string(vm: &mut Vm, v: &Value) -> PyResult<OsString> {
    if let Some(s) = v.as_str() {
        if s.contains('\0') {
            return Err(vm.value_error("embedded null byte"));
        }
        return Ok(OsString::from(s));
    }
    if let Some(b) = bytes_of(v) {
        if b.contains(&0) {
            return Err(vm.value_error("embedded null byte"));
        }
        return Ok(OsStr::from_bytes(&b).to_owned());
    }
    let name = vm.intern("__fspath__");
    let cls = vm.class_of(v);
    if vm.get_attr_opt(&Value::Obj(cls), &name)?.is_some() {
        let p = vm.call_method(v, "__fspath__", &[])?;
        if p.as_str().is_some() || bytes_of(&p).is_some() {
            return os_string(vm, &p);
        }
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {t}"
    )))
}

fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(rpy_vm::Payload::Bytes(b)) => Some(b.to_vec()),
        _ => None,
    }
}

fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.to_i64(v)
}

/// The child's end of one of its standard streams: a duplicate of
/// descriptor `fd`, or inherited (-1).
fn stdio(vm: &mut Vm, fd: i64) -> PyResult<Option<Stdio>> {
    if fd < 0 {
        return Ok(None);
    }
    let owned: OwnedFd = dup_fd(vm, fd)?;
    Ok(Some(Stdio::from(owned)))
}

/// Sets or clears close-on-exec on descriptor `fd` of the table; returns
/// whether it was set before.
fn set_cloexec(vm: &mut Vm, fd: i64, on: bool) -> PyResult<bool> {
    with_fd(vm, fd, |b| {
        let mut fl = rustix::io::fcntl_getfd(b)?;
        let was = fl.contains(FdFlags::CLOEXEC);
        fl.set(FdFlags::CLOEXEC, on);
        rustix::io::fcntl_setfd(b, fl)?;
        Ok(was)
    })
}

/// What `cwd` cannot be, checked before the spawn (std would report a
/// failed `chdir` as a failed exec): the errno of the failure.
fn cwd_problem(cwd: &OsStr) -> Option<Errno> {
    match std::fs::metadata(cwd) {
        Err(e) => Some(Errno::from_io_error(&e).unwrap_or(Errno::NOENT)),
        Ok(md) if !md.is_dir() => Some(Errno::NOTDIR),
        Ok(_) => rustix::fs::access(cwd, rustix::fs::Access::EXEC_OK).err(),
    }
}

fn unsupported(vm: &mut Vm, what: &str) -> rpy_vm::PyErr {
    vm.not_implemented_error(format!(
        "subprocess: {what} is not supported by rpy (children are started with std::process, \
         which runs no code between fork and exec)"
    ))
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,
/// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, start_new_session, process_group, gid,
/// gids, uid, umask, preexec_fn, allow_vfork)` -> pid.
fn fork_exec(vm: &mut Vm, a: VarArgs) -> PyResult<i64> {
    let a = a.0;
    vm.require(Capability::Process, "subprocess")?;
    if a.len() != 23 {
        return Err(vm.type_error(format!(
            "fork_exec() takes exactly 23 arguments ({} given)",
            a.len()
        )));
    }
    let argv: Vec<OsString> = {
        let items = vm.iterate(&a[0])?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(os_string(vm, item)?);
        }
        out
    };
    let executables: Vec<OsString> = {
        let items = vm.iterate(&a[1])?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(os_string(vm, item)?);
        }
        out
    };
    let close_fds = vm.is_true(&a[2])?;
    let keep: Vec<i64> = {
        let items = vm.iterate(&a[3])?;
        let mut out = Vec::with_capacity(items.len());
        for item in &items {
            out.push(int(vm, item)?);
        }
        out
    };
    let cwd = match &a[4] {
        Value::None => None,
        v => Some(os_string(vm, v)?),
    };
    let env: Option<Vec<(OsString, OsString)>> = match &a[5] {
        Value::None => None,
        v => {
            let items = vm.iterate(v)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                let entry = os_string(vm, item)?;
                let bytes = entry.as_bytes();
                // "KEY=VALUE"; the key may not be empty, so the search starts at 1.
                match bytes.iter().skip(1).position(|&c| c == b'=') {
                    Some(i) => out.push((
                        OsStr::from_bytes(&bytes[..=i]).to_owned(),
                        OsStr::from_bytes(&bytes[i + 2..]).to_owned(),
                    )),
                    None => continue,
                }
            }
            Some(out)
        }
    };
    let mut fds = [0i64; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = int(vm, &a[6 + i])?;
    }
    let [p2cread, _p2cwrite, _c2pread, c2pwrite, _errread, errwrite, _errpipe_read, errpipe_write] =
        fds;
    let start_new_session = vm.is_true(&a[15])?;
    let process_group = int(vm, &a[16])?;
    let gid = match &a[17] {
        Value::None => None,
        v => Some(int(vm, v)?),
    };
    let uid = match &a[19] {
        Value::None => None,
        v => Some(int(vm, v)?),
    };
    let umask = int(vm, &a[20])?;
    if !a[21].is_none() {
        return Err(unsupported(vm, "preexec_fn"));
    }
    if start_new_session {
        return Err(unsupported(
            vm,
            "start_new_session (use process_group=0 for a new process group)",
        ));
    }
    if !a[18].is_none() {
        return Err(unsupported(vm, "extra_groups"));
    }
    if umask >= 0 {
        return Err(unsupported(vm, "umask"));
    }
    if argv.is_empty() {
        return Err(vm.value_error("argv must not be empty"));
    }

    if let Some(dir) = &cwd {
        if let Some(e) = cwd_problem(dir) {
            report(vm, errpipe_write, e, true)?;
            return Ok(i64::from(std::process::id()));
        }
    }

    // close_fds / pass_fds over the table: the descriptors to pass are made
    // inheritable and, with close_fds, every other inheritable one is made
    // close-on-exec — just for the spawn.
    let mut restore: Vec<(i64, bool)> = Vec::new();
    let numbers = table_numbers(vm);
    let mut setup = || -> PyResult<()> {
        for &fd in &keep {
            if fd != errpipe_write && numbers.contains(&fd) {
                let was = set_cloexec(vm, fd, false)?;
                restore.push((fd, was));
            }
        }
        if close_fds {
            for &fd in &numbers {
                if !keep.contains(&fd) && fd != errpipe_write {
                    let was = set_cloexec(vm, fd, true)?;
                    restore.push((fd, was));
                }
            }
        }
        Ok(())
    };
    let prepared = setup();
    let spawned = match prepared {
        Ok(()) => spawn(
            vm,
            &executables,
            &argv,
            cwd.as_deref(),
            env.as_deref(),
            [p2cread, c2pwrite, errwrite],
            process_group,
            gid,
            uid,
        ),
        Err(e) => Err(e),
    };
    for (fd, was) in restore {
        let _ = set_cloexec(vm, fd, was);
    }
    match spawned? {
        Ok(pid) => Ok(i64::from(pid)),
        Err(e) => {
            report(vm, errpipe_write, e, false)?;
            // Not a child of ours: subprocess.py's waitpid on it gets
            // ChildProcessError, as after a child that failed to exec.
            Ok(i64::from(std::process::id()))
        }
    }
}

/// Writes CPython's child error report to `errpipe_write`.
fn report(vm: &mut Vm, errpipe_write: i64, e: Errno, noexec: bool) -> PyResult<()> {
    let msg = format!(
        "OSError:{:x}:{}",
        e.raw_os_error(),
        if noexec { "noexec" } else { "" }
    );
    with_fd(vm, errpipe_write, |b| rustix::io::write(b, msg.as_bytes()))?;
    Ok(())
}

/// Starts the child with each executable in turn, as CPython's child
/// tries each `execve`: the pid, or the errno to report (the first that
/// is not ENOENT/ENOTDIR, else the last).
#[allow(clippy::too_many_arguments)]
fn spawn(
    vm: &mut Vm,
    executables: &[OsString],
    argv: &[OsString],
    cwd: Option<&OsStr>,
    env: Option<&[(OsString, OsString)]>,
    streams: [i64; 3],
    process_group: i64,
    gid: Option<i64>,
    uid: Option<i64>,
) -> PyResult<Result<u32, Errno>> {
    let mut saved: Option<Errno> = None;
    let mut last = Errno::NOENT;
    for exe in executables {
        // A name without a slash is a file in the working directory for
        // execve; std would search PATH for it.
        let program = if exe.as_bytes().contains(&b'/') {
            exe.clone()
        } else {
            let mut p = OsString::from("./");
            p.push(exe);
            p
        };
        let mut cmd = Command::new(&program);
        cmd.arg0(&argv[0]).args(&argv[1..]);
        if let Some(dir) = cwd {
            cmd.current_dir(dir);
        }
        if let Some(env) = env {
            cmd.env_clear();
            for (k, v) in env {
                cmd.env(k, v);
            }
        }
        let [i, o, e] = streams;
        if let Some(s) = stdio(vm, i)? {
            cmd.stdin(s);
        }
        if let Some(s) = stdio(vm, o)? {
            cmd.stdout(s);
        }
        if let Some(s) = stdio(vm, e)? {
            cmd.stderr(s);
        }
        if process_group >= 0 {
            cmd.process_group(i32::try_from(process_group).unwrap_or(0));
        }
        if let Some(g) = gid {
            cmd.gid(u32::try_from(g).unwrap_or(u32::MAX));
        }
        if let Some(u) = uid {
            cmd.uid(u32::try_from(u).unwrap_or(u32::MAX));
        }
        match cmd.spawn() {
            // The child is left for os.waitpid to reap: std's handle does
            // not wait when dropped.
            Ok(child) => return Ok(Ok(child.id())),
            Err(err) => {
                let errno = Errno::from_io_error(&err).unwrap_or(Errno::NOEXEC);
                if errno != Errno::NOENT && errno != Errno::NOTDIR && saved.is_none() {
                    saved = Some(errno);
                }
                last = errno;
            }
        }
    }
    Ok(Err(saved.unwrap_or(last)))
}

/// Makes the `_posixsubprocess` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_posixsubprocess");
    m.function("fork_exec", fork_exec);
    m.build(vm)
}
