//! Reading a line of a terminal so that Ctrl-C cuts it short: `input()`
//! in the REPL or a script must raise KeyboardInterrupt at once, as in
//! CPython, not after the next Enter. The read waits with poll(2) in short
//! slices and gives up (`ErrorKind::Interrupted`, which the VM turns into
//! KeyboardInterrupt) once the interrupt flag is set. A terminal in
//! canonical mode hands out at most one line per read, so reading the file
//! descriptor directly never takes input meant for a later read.

use std::io::Read;
use std::sync::atomic::Ordering;

use rpy_vm::InterruptFlag;

/// Reads one line (with its '\n') of a terminal on stdin; `Ok(None)` at
/// end of input.
#[cfg(unix)]
pub fn read_line(flag: &InterruptFlag) -> std::io::Result<Option<String>> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    use std::os::fd::AsFd;

    let stdin = std::io::stdin();
    let mut file = std::fs::File::from(stdin.as_fd().try_clone_to_owned()?);
    let mut line = Vec::new();
    loop {
        if flag.load(Ordering::Relaxed) {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let ready = {
            let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
            match poll(&mut fds, PollTimeout::from(100u8)) {
                Ok(n) => n > 0,
                Err(nix::errno::Errno::EINTR) => false,
                Err(e) => return Err(e.into()),
            }
        };
        if !ready {
            continue;
        }
        let mut buf = [0u8; 4096];
        let n = match file.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = buf.get(..n).unwrap_or(&[]);
        line.extend_from_slice(chunk);
        if n == 0 || chunk.ends_with(b"\n") {
            break;
        }
    }
    Ok((!line.is_empty()).then(|| String::from_utf8_lossy(&line).into_owned()))
}

/// Elsewhere: a plain blocking read.
#[cfg(not(unix))]
pub fn read_line(_flag: &InterruptFlag) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    let n = std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut line)?;
    Ok((n > 0).then_some(line))
}
