//! The `select` module: `select()` (on `poll(2)`: the same answers, with
//! no `FD_SETSIZE` ceiling), the `poll` and `epoll` objects, and the
//! Linux values of its constants.

use rpy_vm::{Capability, ModuleDef, PyRef, PyResult, Value, Vm};
use rustix::event::{PollFd, PollFlags};

use crate::descriptors::{dup_fd, errno_error, fd_of, poll_sliced, seconds};

/// The constants of CPython's `select` on Linux.
const CONSTANTS: &[(&str, i64)] = &[
    ("EPOLLERR", 8),
    ("EPOLLET", 2147483648),
    ("EPOLLEXCLUSIVE", 268435456),
    ("EPOLLHUP", 16),
    ("EPOLLIN", 1),
    ("EPOLLMSG", 1024),
    ("EPOLLONESHOT", 1073741824),
    ("EPOLLOUT", 4),
    ("EPOLLPRI", 2),
    ("EPOLLRDBAND", 128),
    ("EPOLLRDHUP", 8192),
    ("EPOLLRDNORM", 64),
    ("EPOLLWRBAND", 512),
    ("EPOLLWRNORM", 256),
    ("EPOLL_CLOEXEC", 524288),
    ("PIPE_BUF", 4096),
    ("POLLERR", 8),
    ("POLLHUP", 16),
    ("POLLIN", 1),
    ("POLLMSG", 1024),
    ("POLLNVAL", 32),
    ("POLLOUT", 4),
    ("POLLPRI", 2),
    ("POLLRDBAND", 128),
    ("POLLRDHUP", 8192),
    ("POLLRDNORM", 64),
    ("POLLWRBAND", 512),
    ("POLLWRNORM", 256),
];

/// The items of one of `select()`'s three sequences with their
/// descriptors.
fn entries(vm: &mut Vm, seq: &Value) -> PyResult<Vec<(Value, i32)>> {
    let items = match vm.iterate(seq) {
        Ok(items) => items,
        Err(_) => return Err(vm.type_error("arguments 1-3 must be sequences")),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let fd = fd_of(vm, &item)?;
        out.push((item, fd));
    }
    Ok(out)
}

/// `select(rlist, wlist, xlist[, timeout])`: the items of each list that
/// are ready for reading, writing, or have an exceptional condition.
fn select(
    vm: &mut Vm,
    rlist: Value,
    wlist: Value,
    xlist: Value,
    timeout: rpy_vm::OptArg<Value>,
) -> PyResult<Value> {
    let timeout = match timeout.0 {
        Some(t) => seconds(
            vm,
            &t,
            "timeout must be a float or None",
            "timeout must be non-negative",
        )?,
        None => None,
    };
    let lists = [
        entries(vm, &rlist)?,
        entries(vm, &wlist)?,
        entries(vm, &xlist)?,
    ];
    vm.require(Capability::FileRead, "select.select")?;
    let asked = [PollFlags::IN, PollFlags::OUT, PollFlags::PRI];
    let ready_if = [
        PollFlags::IN | PollFlags::HUP | PollFlags::ERR,
        PollFlags::OUT | PollFlags::ERR,
        PollFlags::PRI,
    ];
    let mut owned = Vec::new();
    for list in &lists {
        for (_, fd) in list {
            owned.push(dup_fd(vm, i64::from(*fd))?);
        }
    }
    let mut kinds = Vec::with_capacity(owned.len());
    for (k, list) in lists.iter().enumerate() {
        kinds.extend(std::iter::repeat_n(k, list.len()));
    }
    let mut pfds: Vec<PollFd<'_>> = owned
        .iter()
        .zip(&kinds)
        .map(|(fd, &k)| PollFd::new(fd, asked[k]))
        .collect();
    let n = poll_sliced(vm, &mut pfds, timeout)?;
    let mut out: [Vec<Value>; 3] = Default::default();
    if n > 0 {
        let mut i = 0;
        for (k, list) in lists.iter().enumerate() {
            for (item, _) in list {
                let got = pfds[i].revents();
                i += 1;
                if got.contains(PollFlags::NVAL) {
                    return Err(errno_error(vm, rustix::io::Errno::BADF));
                }
                if got.intersects(ready_if[k]) {
                    out[k].push(item.clone());
                }
            }
        }
    }
    let [r, w, x] = out;
    let items = vec![vm.new_list(r), vm.new_list(w), vm.new_list(x)];
    Ok(vm.new_tuple(items))
}

/// Makes the `select` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("select");
    m.function("select", select);
    m.function("poll", |vm: &mut Vm| {
        vm.new_native_object(crate::poll::Poll::default())
    });
    m.class::<crate::epoll::Epoll>();
    for &(name, v) in CONSTANTS {
        m.value(name, v);
    }
    m.value("error", Value::Obj(vm.exc.os_error.clone()));
    m.build(vm)
}
