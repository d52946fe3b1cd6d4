//! `_subprocess`: child processes for `Lib/subprocess.py`, on
//! `std::process`. A `Child` has optional pipes to its stdin, stdout and
//! stderr (stderr may share the stdout pipe, `stderr=STDOUT`); reading both
//! outputs at once (`communicate`) uses a thread per pipe so that a child
//! filling one pipe never blocks on the other.

use std::io::{Read, Write};
use std::process::{ChildStdin, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::modules::posix::os_error;
use crate::native::Args;
use crate::object::Payload;
use crate::sandbox::Capability;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// How a standard stream of the child is connected (the codes of
/// `subprocess.PIPE`, `STDOUT`, `DEVNULL`; 0 inherits ours).
const PIPE: i64 = -1;
const STDOUT: i64 = -2;
const DEVNULL: i64 = -3;

/// Either end of a pipe we read, once `communicate` hands it to a thread.
enum Reader {
    Pipe(Box<dyn Read + Send>),
    Thread(JoinHandle<std::io::Result<Vec<u8>>>),
    None,
}

impl Reader {
    fn start(&mut self) {
        if let Reader::Pipe(_) = self {
            if let Reader::Pipe(mut r) = std::mem::replace(self, Reader::None) {
                *self = Reader::Thread(std::thread::spawn(move || {
                    let mut buf = Vec::new();
                    r.read_to_end(&mut buf)?;
                    Ok(buf)
                }));
            }
        }
    }

    fn finish(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        match std::mem::replace(self, Reader::None) {
            Reader::Thread(h) => match h.join() {
                Ok(r) => r.map(Some),
                Err(_) => Err(std::io::Error::other("pipe reader failed")),
            },
            Reader::Pipe(mut r) => {
                let mut buf = Vec::new();
                r.read_to_end(&mut buf)?;
                Ok(Some(buf))
            }
            Reader::None => Ok(None),
        }
    }
}

struct ChildProcess {
    child: std::process::Child,
    stdin: Option<ChildStdin>,
    stdout: Reader,
    stderr: Reader,
    status: Option<ExitStatus>,
}

fn return_code(s: ExitStatus) -> i64 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = s.signal() {
            return -i64::from(sig);
        }
    }
    i64::from(s.code().unwrap_or(-1))
}

fn stdio_for(vm: &mut Vm, code: i64, name: &str) -> PyResult<Stdio> {
    match code {
        0 => Ok(Stdio::inherit()),
        PIPE => Ok(Stdio::piped()),
        DEVNULL => Ok(Stdio::null()),
        _ => Err(vm.not_implemented_error(format!(
            "subprocess: {name} must be None, PIPE, DEVNULL{} in rpy",
            if name == "stderr" { " or STDOUT" } else { "" }
        ))),
    }
}

/// `spawn(argv, cwd, env, stdin, stdout, stderr)` -> Child.
fn spawn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [argv, cwd, env, stdin, stdout, stderr] = args.exact(vm, "spawn")?;
    let argv: Vec<String> = vm
        .iterate(argv)?
        .iter()
        .map(|a| a.as_str().map(str::to_owned))
        .collect::<Option<_>>()
        .ok_or_else(|| vm.type_error("expected str arguments"))?;
    let Some(program) = argv.first() else {
        return Err(vm.value_error("empty argument list"));
    };
    vm.require(Capability::Process, &format!("subprocess '{program}'"))?;
    let mut cmd = Command::new(program);
    cmd.args(&argv[1..]);
    if let Some(dir) = cwd.as_str() {
        cmd.current_dir(dir);
    }
    if !env.is_none() {
        cmd.env_clear();
        let items = vm.iterate(env)?;
        for key in items {
            let value = vm.get_item(env, &key)?;
            if let (Some(k), Some(v)) = (key.as_str(), value.as_str()) {
                cmd.env(k, v);
            }
        }
    }
    let (stdin, stdout, stderr) = (vm.to_i64(stdin)?, vm.to_i64(stdout)?, vm.to_i64(stderr)?);
    cmd.stdin(stdio_for(vm, stdin, "stdin")?);
    // stderr=STDOUT: both write into one pipe (or both inherit stdout).
    let mut merged: Option<std::io::PipeReader> = None;
    if stderr == STDOUT {
        if stdout == PIPE {
            let (reader, writer) = std::io::pipe().map_err(|e| os_error(vm, &e, None))?;
            let writer2 = writer.try_clone().map_err(|e| os_error(vm, &e, None))?;
            cmd.stdout(writer);
            cmd.stderr(writer2);
            merged = Some(reader);
        } else {
            cmd.stdout(stdio_for(vm, stdout, "stdout")?);
            cmd.stderr(stdio_for(vm, stdout, "stdout")?);
        }
    } else {
        cmd.stdout(stdio_for(vm, stdout, "stdout")?);
        cmd.stderr(stdio_for(vm, stderr, "stderr")?);
    }
    let program_value = vm.str_val(program.clone());
    let mut child = cmd
        .spawn()
        .map_err(|e| os_error(vm, &e, Some(&program_value)))?;
    // The command keeps the pipe's write ends: drop it so reads see EOF.
    drop(cmd);
    let stdout_reader = match (merged, child.stdout.take()) {
        (Some(r), _) => Reader::Pipe(Box::new(r)),
        (None, Some(o)) => Reader::Pipe(Box::new(o) as Box<dyn Read + Send>),
        (None, None) => Reader::None,
    };
    let stderr_reader = match child.stderr.take() {
        Some(e) => Reader::Pipe(Box::new(e) as Box<dyn Read + Send>),
        None => Reader::None,
    };
    let state = ChildProcess {
        stdin: child.stdin.take(),
        child,
        stdout: stdout_reader,
        stderr: stderr_reader,
        status: None,
    };
    let cls = vm.module_type("_subprocess", "Child")?;
    Ok(Value::Obj(vm.alloc(
        cls,
        Payload::NativeData(std::cell::RefCell::new(Box::new(state))),
    )))
}

/// Runs `f` on the child's state (no Python code may run inside).
fn with_child<T>(
    vm: &mut Vm,
    this: &Value,
    f: impl FnOnce(&mut ChildProcess) -> std::io::Result<T>,
) -> PyResult<T> {
    let r = {
        let Some(mut c) = this.as_obj().and_then(|o| o.native_data::<ChildProcess>()) else {
            return Err(vm.type_error("expected a _subprocess.Child"));
        };
        f(&mut c)
    };
    r.map_err(|e| os_error(vm, &e, None))
}

fn child_pid(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let pid = with_child(vm, v, |c| Ok(c.child.id()))?;
    Ok(Value::Int(i64::from(pid)))
}

fn child_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, data] = args.exact_method(vm, "write")?;
    let data = vm.bytes_like(data)?;
    with_child(vm, this, |c| match c.stdin.as_mut() {
        Some(s) => s.write_all(&data).and_then(|_| s.flush()),
        None => Err(std::io::Error::from_raw_os_error(9)),
    })?;
    Ok(Value::Int(data.len() as i64))
}

fn child_close_stdin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "close_stdin")?;
    with_child(vm, this, |c| {
        c.stdin = None;
        Ok(())
    })?;
    Ok(Value::None)
}

/// `read(which, n)`: up to n bytes (all with n < 0) of stdout (1) or
/// stderr (2); b'' at the end.
fn child_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, which, n] = args.exact_method(vm, "read")?;
    let which = vm.to_i64(which)?;
    let n = vm.to_i64(n)?;
    let data = with_child(vm, this, |c| {
        let reader = if which == 2 {
            &mut c.stderr
        } else {
            &mut c.stdout
        };
        if n < 0 {
            return reader.finish().map(Option::unwrap_or_default);
        }
        match reader {
            Reader::Pipe(r) => {
                let mut buf = vec![0u8; n as usize];
                let got = r.read(&mut buf)?;
                buf.truncate(got);
                Ok(buf)
            }
            _ => Ok(Vec::new()),
        }
    })?;
    Ok(vm.new_bytes(data))
}

fn wait_until(
    c: &mut ChildProcess,
    deadline: Option<Instant>,
) -> std::io::Result<Option<ExitStatus>> {
    if let Some(s) = c.status {
        return Ok(Some(s));
    }
    let Some(deadline) = deadline else {
        let s = c.child.wait()?;
        c.status = Some(s);
        return Ok(Some(s));
    };
    let mut pause = Duration::from_micros(200);
    loop {
        if let Some(s) = c.child.try_wait()? {
            c.status = Some(s);
            return Ok(Some(s));
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(None);
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

fn deadline(vm: &mut Vm, timeout: &Value) -> PyResult<Option<Instant>> {
    if timeout.is_none() {
        return Ok(None);
    }
    let secs = vm.to_float(timeout)?;
    let secs = if secs.is_finite() {
        secs.clamp(0.0, 1e9)
    } else {
        1e9
    };
    Ok(Some(Instant::now() + Duration::from_secs_f64(secs)))
}

/// `communicate(input, timeout)` -> (stdout, stderr) (None for streams
/// not piped), or None when the timeout passed first.
fn child_communicate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, input, timeout] = args.exact_method(vm, "communicate")?;
    let input = if input.is_none() {
        None
    } else {
        Some(vm.bytes_like(input)?)
    };
    let deadline = deadline(vm, timeout)?;
    let done = with_child(vm, this, |c| {
        if let Some(mut stdin) = c.stdin.take() {
            if let Some(data) = input {
                // Written from a thread: the child may fill its output
                // pipes before it reads all of its input.
                std::thread::spawn(move || {
                    let _ = stdin.write_all(&data);
                });
            }
        }
        c.stdout.start();
        c.stderr.start();
        if wait_until(c, deadline)?.is_none() {
            return Ok(None);
        }
        let out = c.stdout.finish()?;
        let err = c.stderr.finish()?;
        Ok(Some((out, err)))
    })?;
    match done {
        None => Ok(Value::None),
        Some((out, err)) => {
            let out = out.map(|b| vm.new_bytes(b)).unwrap_or(Value::None);
            let err = err.map(|b| vm.new_bytes(b)).unwrap_or(Value::None);
            Ok(vm.new_tuple(vec![out, err]))
        }
    }
}

fn child_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, timeout] = args.exact_method(vm, "wait")?;
    let deadline = deadline(vm, timeout)?;
    let s = with_child(vm, this, |c| {
        c.stdin = None;
        wait_until(c, deadline)
    })?;
    Ok(s.map(|s| Value::Int(return_code(s))).unwrap_or(Value::None))
}

fn child_poll(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "poll")?;
    let s = with_child(vm, this, |c| {
        if c.status.is_none() {
            c.status = c.child.try_wait()?;
        }
        Ok(c.status)
    })?;
    Ok(s.map(|s| Value::Int(return_code(s))).unwrap_or(Value::None))
}

fn child_kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "kill")?;
    with_child(vm, this, |c| {
        if c.status.is_some() {
            return Ok(());
        }
        match c.child.kill() {
            // Already exited: not an error, as for CPython.
            Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => Ok(()),
            r => r,
        }
    })?;
    Ok(Value::None)
}

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("_subprocess");
    vm.module_add_fn(&m, "spawn", spawn);
    let t = vm.new_native_type("_subprocess", "Child", None);
    vm.add_methods(
        &t,
        &[
            ("write", child_write),
            ("close_stdin", child_close_stdin),
            ("read", child_read),
            ("communicate", child_communicate),
            ("wait", child_wait),
            ("poll", child_poll),
            ("kill", child_kill),
        ],
    );
    vm.add_getset(&t, "pid", child_pid, None);
    vm.module_set(&m, "Child", Value::Obj(t));
    for (name, v) in [("PIPE", PIPE), ("STDOUT", STDOUT), ("DEVNULL", DEVNULL)] {
        vm.module_set(&m, name, Value::Int(v));
    }
    Ok(m)
}
