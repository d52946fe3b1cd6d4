//! Runs one program as a child process with piped stdin, captured output and
//! a hard timeout, so that a hanging interpreter fails its test instead of
//! stalling the whole run.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Each stream keeps at most this much; the rest is drained and dropped so a
/// runaway `while True: print()` cannot exhaust memory before the timeout.
const OUTPUT_CAP: usize = 4 << 20;

/// After the child exits, how long its output pipes may stay open (held by
/// a grandchild it left behind) before the rest of the output is given up.
const DRAIN_GRACE: Duration = Duration::from_secs(2);

/// How a run ended.
pub enum Ending {
    Exited(ExitStatus),
    TimedOut(Duration),
}

/// Everything a run produced.
pub struct Outcome {
    pub ending: Ending,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub stdout_truncated: bool,
    pub stderr_truncated: bool,
}

/// Runs `program args...` in `cwd`, feeding `stdin`, killing it after `timeout`.
pub fn run(
    program: &Path,
    args: &[&str],
    cwd: &Path,
    stdin: Vec<u8>,
    timeout: Duration,
) -> Result<Outcome, String> {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Variables that would change sys.path, startup or warnings of either
    // interpreter; the oracle must see the same clean environment as rpy.
    for var in [
        "PYTHONPATH",
        "PYTHONHOME",
        "PYTHONSTARTUP",
        "PYTHONWARNINGS",
        "PYTHONINSPECT",
        "PYTHONOPTIMIZE",
        "PYTHONDEBUG",
        "PYTHONVERBOSE",
        "PYTHONSAFEPATH",
        "PYTHONNOUSERSITE",
        "PYTHONINTMAXSTRDIGITS",
        "PYTHONHASHSEED",
    ] {
        cmd.env_remove(var);
    }
    cmd.env_remove("PYTHONUNBUFFERED");
    cmd.env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONUTF8", "1")
        .env("PYTHONIOENCODING", "utf-8");

    // Own process group, so that a timeout kills whatever the program started.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);

    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;

    let mut child_stdin = child.stdin.take();
    let writer = thread::spawn(move || {
        if let Some(pipe) = child_stdin.as_mut() {
            // A program that never reads its stdin closes the pipe: not an error.
            let _ = pipe.write_all(&stdin);
        }
        drop(child_stdin);
    });
    let out_reader = child.stdout.take().map(spawn_reader);
    let err_reader = child.stderr.take().map(spawn_reader);

    let start = Instant::now();
    let ending = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ending::Exited(status),
            Ok(None) if start.elapsed() >= timeout => {
                kill_group(child.id());
                let _ = child.kill();
                let _ = child.wait();
                break Ending::TimedOut(timeout);
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("waiting for {}: {e}", program.display()));
            }
        }
    };
    let _ = writer.join();
    let deadline = Instant::now() + DRAIN_GRACE;
    let (stdout, stdout_truncated) = join_reader(out_reader, deadline);
    let (stderr, stderr_truncated) = join_reader(err_reader, deadline);
    Ok(Outcome {
        ending,
        stdout,
        stderr,
        stdout_truncated,
        stderr_truncated,
    })
}

type Reader = mpsc::Receiver<(Vec<u8>, bool)>;

/// Kills the child's whole process group (it was made its leader) through
/// the `kill` command, so that no FFI call is needed.
fn kill_group(pid: u32) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    #[cfg(not(unix))]
    let _ = pid;
}

fn spawn_reader<R: Read + Send + 'static>(mut pipe: R) -> Reader {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut truncated = false;
        let mut buf = [0u8; 8192];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    if n > room {
                        truncated = true;
                    }
                    kept.extend_from_slice(buf.get(..n.min(room)).unwrap_or_default());
                }
            }
        }
        let _ = tx.send((kept, truncated));
    });
    rx
}

/// The reader's bytes, or nothing if the pipe is still open at `deadline`
/// (the thread is then left to end when the pipe finally closes).
fn join_reader(reader: Option<Reader>, deadline: Instant) -> (Vec<u8>, bool) {
    reader
        .and_then(|r| {
            r.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .ok()
        })
        .unwrap_or((Vec::new(), true))
}
