//! `posix` file descriptors: `open`, `read`, `write`, `close`, `lseek`,
//! `fstat`, `dup`, `pipe`... on rustix's safe system calls.
//!
//! A file descriptor is a plain int in Python, and safe Rust cannot turn
//! an int into a file handle. So each VM keeps a table of the
//! descriptors it opened itself (owned `OwnedFd`s keyed by their number);
//! 0, 1 and 2 reach the process's standard streams through std's handles.
//! Any other number is "not open" (EBADF), as a closed descriptor would be.

use std::collections::HashMap;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use rustix::fs::{Mode, OFlags, SeekFrom};
use rustix::io::FdFlags;

use rpy_vm::Args;
use rpy_vm::Capability;
use rpy_vm::Value;
use rpy_vm::{PyResult, Vm};

use super::posix::{os_error, path_arg, stat_fields};

/// The key of the descriptor table in `Vm::extensions`.
const FD_TABLE: &str = "posix.fd_table";

/// The descriptors this VM opened, by number; dropping one closes it.
#[derive(Default)]
pub struct FdTable {
    /// Shared with the `_io.FileIO` objects over them, which write out
    /// their buffers when dropped.
    fds: HashMap<i32, std::rc::Rc<OwnedFd>>,
}

fn table(vm: &mut Vm) -> &mut FdTable {
    let entry = vm
        .extensions
        .entry(FD_TABLE)
        .or_insert_with(|| Box::new(FdTable::default()));
    if !entry.is::<FdTable>() {
        *entry = Box::new(FdTable::default());
    }
    match entry.downcast_mut::<FdTable>() {
        Some(t) => t,
        None => unreachable!("the entry was just made an FdTable"),
    }
}

fn ebadf() -> std::io::Error {
    std::io::Error::from_raw_os_error(rustix::io::Errno::BADF.raw_os_error())
}

/// Runs `f` on descriptor `fd`: one of the table's, or a standard stream
/// (`select` and `_posixsubprocess` reach descriptors through it), with
/// Python's errors.
pub fn with_fd<R>(
    vm: &mut Vm,
    fd: i64,
    f: impl FnOnce(BorrowedFd<'_>) -> rustix::io::Result<R>,
) -> PyResult<R> {
    let Ok(n) = i32::try_from(fd) else {
        return Err(vm.overflow_error(if fd < 0 {
            "fd is less than minimum"
        } else {
            "fd is greater than maximum"
        }));
    };
    with_open_fd(vm, n, |b| f(b).map_err(std::io::Error::from)).map_err(|e| os_error(vm, &e, None))
}

/// The numbers of the descriptors in the table, in no order.
pub fn table_numbers(vm: &mut Vm) -> Vec<i64> {
    table(vm).fds.keys().map(|&n| i64::from(n)).collect()
}

/// Puts a new descriptor in the table; its number goes back to Python.
fn adopt(vm: &mut Vm, fd: OwnedFd) -> Value {
    Value::Int(i64::from(adopt_fd(vm, fd)))
}

/// Runs `f` on descriptor `fd` (one of the table's or a standard stream),
/// for `_io.FileIO`: EBADF when it is not open.
pub fn with_open_fd<R>(
    vm: &mut Vm,
    fd: i32,
    f: impl FnOnce(BorrowedFd<'_>) -> std::io::Result<R>,
) -> std::io::Result<R> {
    match table(vm).fds.get(&fd) {
        Some(owned) => f(owned.as_fd()),
        None => match fd {
            0 => f(std::io::stdin().as_fd()),
            1 => f(std::io::stdout().as_fd()),
            2 => f(std::io::stderr().as_fd()),
            _ => Err(ebadf()),
        },
    }
}

/// Puts a descriptor opened elsewhere (`_io.FileIO` opening a path) in
/// the table; returns its number.
pub fn adopt_fd(vm: &mut Vm, fd: OwnedFd) -> i32 {
    let n = fd.as_raw_fd();
    table(vm).fds.insert(n, std::rc::Rc::new(fd));
    n
}

/// The table's handle of descriptor `fd` (for `_io.FileIO`, which writes
/// out its buffers through it when dropped).
pub fn fd_handle(vm: &mut Vm, fd: i32) -> Option<std::rc::Rc<OwnedFd>> {
    table(vm).fds.get(&fd).cloned()
}

/// Closes descriptor `fd` as `os.close` does (the standard streams stay
/// open); EBADF when it is not open.
pub fn close_fd(vm: &mut Vm, fd: i32) -> std::io::Result<()> {
    if table(vm).fds.remove(&fd).is_some() || (0..=2).contains(&fd) {
        Ok(())
    } else {
        Err(ebadf())
    }
}

/// Writes out what `print` buffered, before a raw write to descriptor 1
/// or 2 (program order).
pub fn flush_std_output(vm: &mut Vm, fd: i32) {
    flush_std(vm, i64::from(fd));
}

fn fd_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    vm.to_i64(v.unwrap_or(&Value::None))
}

/// Writes out what `print` buffered before a raw write to stdout/stderr,
/// so the two come out in program order.
fn flush_std(vm: &mut Vm, fd: i64) {
    if fd == 1 || fd == 2 {
        let out = vm.output.clone();
        let _ = out.borrow_mut().flush(false);
    }
}

fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, flags, mode, dir_fd] = args.bind(vm, "open", ["path", "flags", "mode", "dir_fd"], 2)?;
    let flags = fd_arg(vm, flags)?;
    let mode = match mode {
        Some(m) => vm.to_i64(m)?,
        None => 0o777,
    };
    let p = path_arg(vm, p.unwrap_or(&Value::None), "open", "path")?;
    if !matches!(dir_fd, None | Some(Value::None)) {
        return Err(vm.not_implemented_error("dir_fd unavailable on this platform"));
    }
    let writes = flags & (libc_flags::O_WRONLY | libc_flags::O_RDWR | libc_flags::O_CREAT) != 0;
    vm.require(
        if writes {
            Capability::FileWrite
        } else {
            Capability::FileRead
        },
        "os.open",
    )?;
    let (Ok(flags), Ok(mode)) = (u32::try_from(flags), u32::try_from(mode)) else {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    };
    // As CPython's: new descriptors are not inherited by child processes.
    let oflags = OFlags::from_bits_retain(flags) | OFlags::CLOEXEC;
    match rustix::fs::open(&p.path, oflags, Mode::from_bits_retain(mode)) {
        Ok(fd) => Ok(adopt(vm, fd)),
        Err(e) => Err(os_error(vm, &e.into(), Some(&p.original))),
    }
}

/// The Linux values of the `O_*` flags that decide the capability.
mod libc_flags {
    pub const O_WRONLY: i64 = 0o1;
    pub const O_RDWR: i64 = 0o2;
    pub const O_CREAT: i64 = 0o100;
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.bind(vm, "close", ["fd"], 1)?;
    let fd = fd_arg(vm, fd)?;
    let n = i32::try_from(fd).unwrap_or(-1);
    if table(vm).fds.remove(&n).is_some() {
        return Ok(Value::None);
    }
    // The standard streams stay open: the host process owns them.
    if (0..=2).contains(&n) {
        return Ok(Value::None);
    }
    Err(os_error(vm, &ebadf(), None))
}

fn closerange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [lo, hi] = args.exact(vm, "closerange")?;
    let (lo, hi) = (vm.to_i64(lo)?, vm.to_i64(hi)?);
    table(vm)
        .fds
        .retain(|&n, _| !(i64::from(n) >= lo && i64::from(n) < hi));
    Ok(Value::None)
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, n] = args.exact(vm, "read")?;
    let (fd, n) = (vm.to_i64(fd)?, vm.to_i64(n)?);
    vm.require(Capability::FileRead, "os.read")?;
    if n < 0 {
        let e = std::io::Error::from_raw_os_error(rustix::io::Errno::INVAL.raw_os_error());
        return Err(os_error(vm, &e, None));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    vm.check_alloc(n)?;
    let mut buf = vec![0u8; n];
    let got = with_fd(vm, fd, |f| rustix::io::read(f, &mut buf[..]))?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, data] = args.exact(vm, "write")?;
    let fd = vm.to_i64(fd)?;
    let data = vm.bytes_like(data)?;
    vm.require(Capability::FileWrite, "os.write")?;
    flush_std(vm, fd);
    let n = with_fd(vm, fd, |f| rustix::io::write(f, &data))?;
    Ok(Value::Int(n as i64))
}

fn lseek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, pos, how] = args.exact(vm, "lseek")?;
    let (fd, pos, how) = (vm.to_i64(fd)?, vm.to_i64(pos)?, vm.to_i64(how)?);
    let from = match how {
        0 => match u64::try_from(pos) {
            Ok(p) => SeekFrom::Start(p),
            Err(_) => {
                let e = std::io::Error::from_raw_os_error(rustix::io::Errno::INVAL.raw_os_error());
                return Err(os_error(vm, &e, None));
            }
        },
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        3 => SeekFrom::Data(u64::try_from(pos).unwrap_or(0)),
        4 => SeekFrom::Hole(u64::try_from(pos).unwrap_or(0)),
        _ => {
            let e = std::io::Error::from_raw_os_error(rustix::io::Errno::INVAL.raw_os_error());
            return Err(os_error(vm, &e, None));
        }
    };
    let r = with_fd(vm, fd, |f| rustix::fs::seek(f, from))?;
    Ok(Value::Int(i64::try_from(r).unwrap_or(i64::MAX)))
}

fn fstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.bind(vm, "fstat", ["fd"], 1)?;
    let fd = fd_arg(vm, fd)?;
    vm.require(Capability::FileRead, "os.fstat")?;
    // std's Metadata from a duplicate of the descriptor: the same fields
    // `stat` gives.
    let md = with_fd(vm, fd, |f| {
        let dup = f.try_clone_to_owned().map_err(errno_of)?;
        std::fs::File::from(dup).metadata().map_err(errno_of)
    })?;
    let ty = vm.module_type("posix", "stat_result")?;
    vm.new_struct_seq(&ty, stat_fields(&md))
}

fn errno_of(e: std::io::Error) -> rustix::io::Errno {
    rustix::io::Errno::from_io_error(&e).unwrap_or(rustix::io::Errno::IO)
}

fn ftruncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, len] = args.exact(vm, "ftruncate")?;
    let (fd, len) = (vm.to_i64(fd)?, vm.to_i64(len)?);
    vm.require(Capability::FileWrite, "os.ftruncate")?;
    let Ok(len) = u64::try_from(len) else {
        let e = std::io::Error::from_raw_os_error(rustix::io::Errno::INVAL.raw_os_error());
        return Err(os_error(vm, &e, None));
    };
    with_fd(vm, fd, |f| rustix::fs::ftruncate(f, len))?;
    Ok(Value::None)
}

fn fsync(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.bind(vm, "fsync", ["fd"], 1)?;
    let fd = match fd {
        Some(v) if rpy_vm::as_int(v).is_none() => vm.call_method(v, "fileno", &[])?,
        Some(v) => v.clone(),
        None => Value::None,
    };
    let fd = vm.to_i64(&fd)?;
    with_fd(vm, fd, |f| rustix::fs::fsync(f))?;
    Ok(Value::None)
}

fn dup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact(vm, "dup")?;
    let fd = vm.to_i64(fd)?;
    let new = with_fd(vm, fd, |f| rustix::io::fcntl_dupfd_cloexec(f, 0))?;
    Ok(adopt(vm, new))
}

fn dup2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, fd2, inheritable] = args.bind(vm, "dup2", ["fd", "fd2", "inheritable"], 2)?;
    let fd = fd_arg(vm, fd)?;
    let fd2 = fd_arg(vm, fd2)?;
    let inheritable = match inheritable {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    let n2 = i32::try_from(fd2).unwrap_or(-1);
    // Only a descriptor of the table can be the target: replacing any
    // other would need to claim a number rpy does not own.
    let Some(target) = table(vm).fds.remove(&n2) else {
        return Err(os_error(vm, &ebadf(), None));
    };
    // A descriptor a file object also holds cannot be replaced under it.
    let mut target = match std::rc::Rc::try_unwrap(target) {
        Ok(t) => t,
        Err(shared) => {
            table(vm).fds.insert(n2, shared);
            let e = std::io::Error::from_raw_os_error(rustix::io::Errno::BUSY.raw_os_error());
            return Err(os_error(vm, &e, None));
        }
    };
    let r = with_fd(vm, fd, |f| {
        let flags = if inheritable {
            rustix::io::DupFlags::empty()
        } else {
            rustix::io::DupFlags::CLOEXEC
        };
        rustix::io::dup3(f, &mut target, flags)
    });
    table(vm).fds.insert(n2, std::rc::Rc::new(target));
    r?;
    Ok(Value::Int(fd2))
}

fn pipe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "pipe")?;
    pipe_with(vm, 0)
}

fn pipe2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [flags] = args.exact(vm, "pipe2")?;
    let flags = vm.to_i64(flags)?;
    pipe_with(vm, flags)
}

fn pipe_with(vm: &mut Vm, flags: i64) -> PyResult<Value> {
    vm.require(Capability::FileWrite, "os.pipe")?;
    let mut pf = rustix::pipe::PipeFlags::from_bits_retain(u32::try_from(flags).unwrap_or(0));
    if flags == 0 {
        pf |= rustix::pipe::PipeFlags::CLOEXEC;
    }
    match rustix::pipe::pipe_with(pf) {
        Ok((r, w)) => {
            let (r, w) = (adopt(vm, r), adopt(vm, w));
            Ok(vm.new_tuple(vec![r, w]))
        }
        Err(e) => Err(os_error(vm, &e.into(), None)),
    }
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact(vm, "isatty")?;
    let fd = vm.to_i64(fd)?;
    // A descriptor that is not open is simply not a terminal.
    let r = with_fd(vm, fd, |f| Ok(rustix::termios::isatty(f)));
    Ok(Value::Bool(r.unwrap_or(false)))
}

fn get_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact(vm, "get_inheritable")?;
    let fd = vm.to_i64(fd)?;
    let fl = with_fd(vm, fd, |f| rustix::io::fcntl_getfd(f))?;
    Ok(Value::Bool(!fl.contains(FdFlags::CLOEXEC)))
}

fn set_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, on] = args.exact(vm, "set_inheritable")?;
    let fd = vm.to_i64(fd)?;
    let on = vm.to_i64(on)? != 0;
    with_fd(vm, fd, |f| {
        let mut fl = rustix::io::fcntl_getfd(f)?;
        fl.set(FdFlags::CLOEXEC, !on);
        rustix::io::fcntl_setfd(f, fl)
    })?;
    Ok(Value::None)
}

fn get_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact(vm, "get_blocking")?;
    let fd = vm.to_i64(fd)?;
    let fl = with_fd(vm, fd, |f| rustix::fs::fcntl_getfl(f))?;
    Ok(Value::Bool(!fl.contains(OFlags::NONBLOCK)))
}

fn set_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, on] = args.exact(vm, "set_blocking")?;
    let fd = vm.to_i64(fd)?;
    let on = vm.to_i64(on)? != 0;
    with_fd(vm, fd, |f| {
        let mut fl = rustix::fs::fcntl_getfl(f)?;
        fl.set(OFlags::NONBLOCK, !on);
        rustix::fs::fcntl_setfl(f, fl)
    })?;
    Ok(Value::None)
}

fn device_encoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.bind(vm, "device_encoding", ["fd"], 1)?;
    let fd = fd_arg(vm, fd)?;
    let tty = with_fd(vm, fd, |f| Ok(rustix::termios::isatty(f))).unwrap_or(false);
    Ok(if tty {
        vm.str_val("UTF-8")
    } else {
        Value::None
    })
}

fn get_terminal_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.range::<1>(vm, "get_terminal_size", 0, false)?;
    let fd = match fd {
        Some(v) => vm.to_i64(v)?,
        None => 1,
    };
    let ws = with_fd(vm, fd, |f| rustix::termios::tcgetwinsize(f))?;
    let ty = vm.module_type("posix", "terminal_size")?;
    vm.new_struct_seq(
        &ty,
        vec![
            Value::Int(i64::from(ws.ws_col)),
            Value::Int(i64::from(ws.ws_row)),
        ],
    )
}

/// Adds the descriptor functions and `terminal_size` to `m`.
pub fn add_to(vm: &mut Vm, m: &rpy_vm::PyRef) -> PyResult<()> {
    vm.module_add_fns(
        m,
        &[
            ("open", open),
            ("close", close),
            ("closerange", closerange),
            ("read", read),
            ("write", write),
            ("lseek", lseek),
            ("fstat", fstat),
            ("ftruncate", ftruncate),
            ("fsync", fsync),
            ("dup", dup),
            ("dup2", dup2),
            ("pipe", pipe),
            ("pipe2", pipe2),
            ("isatty", isatty),
            ("get_inheritable", get_inheritable),
            ("set_inheritable", set_inheritable),
            ("get_blocking", get_blocking),
            ("set_blocking", set_blocking),
            ("device_encoding", device_encoding),
            ("get_terminal_size", get_terminal_size),
        ],
    );
    let ts = vm.new_struct_seq_type("os", "terminal_size", &["columns", "lines"])?;
    vm.module_set(m, "terminal_size", Value::Obj(ts));
    Ok(())
}
