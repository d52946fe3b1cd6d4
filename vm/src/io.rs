//! Where the interpreter's standard streams go. `sys.stdout`/`sys.stderr`
//! are Python objects with `write`/`flush`; the built-in ones forward to
//! an [`Output`], which embedders can replace (e.g. to capture output).

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A sink for the standard streams.
pub trait Output {
    /// Writes to stdout (`err` false) or stderr (`err` true).
    fn write(&mut self, err: bool, s: &str) -> std::io::Result<()>;
    fn flush(&mut self, err: bool) -> std::io::Result<()>;
    /// Reads a line from stdin (`None` at end of input).
    fn read_line(&mut self) -> std::io::Result<Option<String>> {
        let mut b = Vec::new();
        let n = std::io::BufRead::read_until(&mut std::io::stdin().lock(), b'\n', &mut b)?;
        Ok(if n == 0 {
            None
        } else {
            Some(String::from_utf8_lossy(&b).into_owned())
        })
    }
    /// Reads at most `max` bytes of stdin, as one read(2) does: what is
    /// there (a pipe's available data, a terminal's line), empty at end
    /// of input.
    fn read(&mut self, max: usize) -> std::io::Result<Vec<u8>> {
        let mut b = vec![0u8; max.min(1 << 20)];
        let n = std::io::Read::read(&mut std::io::stdin().lock(), &mut b)?;
        b.truncate(n);
        Ok(b)
    }
    /// Reads the rest of stdin as bytes.
    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut b)?;
        Ok(b)
    }
    /// Writes raw bytes (`sys.stdout.buffer`).
    fn write_bytes(&mut self, err: bool, b: &[u8]) -> std::io::Result<()> {
        self.write(err, &String::from_utf8_lossy(b))
    }
    /// The bytes of output this sink keeps in memory (a capture's), which
    /// count against the interpreter's memory limit.
    fn held_bytes(&self) -> usize {
        0
    }
}

/// Checks that `more` bytes of output may be kept by the sink (a capture)
/// under the memory limit: `MemoryError` if not.
pub(crate) fn check_held_output(vm: &mut Vm, more: usize) -> PyResult<()> {
    if vm.memory_limit().is_none() {
        return Ok(());
    }
    let held = vm.output.borrow().held_bytes();
    if held == 0 {
        return Ok(());
    }
    vm.mem_precheck(held.saturating_add(more))
}

/// The console: the standard streams as the embedder routes them (its
/// [`Output`]). `_io`'s `FileIO` objects under `sys.stdin`/`stdout`/
/// `stderr` read and write through these, so a capture sees what they
/// write and the memory limit counts what a capture keeps.
impl Vm {
    /// Writes `data` to stdout (`err` false) or stderr and passes it on at
    /// once (the buffering above decides when to call this).
    pub fn console_write(&mut self, err: bool, data: &[u8]) -> PyResult<()> {
        check_held_output(self, data.len())?;
        let out = self.output.clone();
        let r = out.borrow_mut().write_bytes(err, data);
        let r = r.and_then(|()| out.borrow_mut().flush(err));
        r.map_err(|e| io_error(self, e))
    }

    /// At most `max` bytes of stdin, what one read gets (empty at end of
    /// input).
    pub fn console_read(&mut self, max: usize) -> PyResult<Vec<u8>> {
        let out = self.output.clone();
        let r = out.borrow_mut().read(max);
        r.map_err(|e| io_error(self, e))
    }

    /// The rest of stdin.
    pub fn console_read_all(&mut self) -> PyResult<Vec<u8>> {
        let out = self.output.clone();
        let r = out.borrow_mut().read_all();
        r.map_err(|e| io_error(self, e))
    }
}

const PRINT_JOINED: &str = "rpy.print_joined";

/// The stream types whose `write` takes `print`'s whole output at once.
struct PrintJoined {
    types: Vec<crate::value::PyRef>,
    write: crate::value::PyRef,
}

impl Vm {
    /// Lets `print` hand a stream of type `cls` (exactly, not a subclass)
    /// its whole output — the arguments, separators and end — in one
    /// `write` call instead of one per piece. For native text streams
    /// (`_io.TextIOWrapper`), whose result cannot tell the difference.
    pub fn join_print_writes(&mut self, cls: &crate::value::PyRef) {
        let write = self.intern("write");
        let e = self.extensions.entry(PRINT_JOINED).or_insert_with(|| {
            Box::new(PrintJoined {
                types: Vec::new(),
                write,
            })
        });
        if let Some(p) = e.downcast_mut::<PrintJoined>() {
            if !p.types.iter().any(|t| std::rc::Rc::ptr_eq(t, cls)) {
                p.types.push(cls.clone());
            }
        }
    }

    /// The `write` function of the type of `file` if `print` may call it
    /// once with everything (see [`Vm::join_print_writes`]) and the
    /// instance does not override it.
    pub(crate) fn joined_print_write(&mut self, file: &Value) -> Option<Value> {
        let o = file.as_obj()?;
        let p = self
            .extensions
            .get(PRINT_JOINED)
            .and_then(|p| p.downcast_ref::<PrintJoined>())?;
        if !p.types.iter().any(|t| o.class_is(t)) {
            return None;
        }
        let write = p.write.clone();
        if let Some(d) = o.dict() {
            if crate::objects::dict::get_str(d, &write).is_some() {
                return None;
            }
        }
        self.lookup_special(file, &write)
    }
}

/// The process's real stdout/stderr (stdout buffered).
pub struct StdOutput {
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Default for StdOutput {
    fn default() -> Self {
        StdOutput {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
        }
    }
}

impl Output for StdOutput {
    fn write(&mut self, err: bool, s: &str) -> std::io::Result<()> {
        self.write_bytes(err, s.as_bytes())
    }
    fn write_bytes(&mut self, err: bool, b: &[u8]) -> std::io::Result<()> {
        if err {
            // Keep stdout and stderr in order; a broken stdout must not
            // stop error output.
            let _ = self.out.flush();
            let mut e = std::io::stderr();
            e.write_all(b)?;
            e.flush()
        } else {
            self.out.write_all(b)
        }
    }
    fn flush(&mut self, err: bool) -> std::io::Result<()> {
        if err {
            std::io::stderr().flush()
        } else {
            self.out.flush()
        }
    }
}

/// Captures both streams in strings (for tests and embedders).
#[derive(Default)]
pub struct CaptureOutput {
    pub stdout: String,
    pub stderr: String,
    /// Lines `input()` reads.
    pub stdin: std::collections::VecDeque<String>,
}

impl Output for CaptureOutput {
    fn write(&mut self, err: bool, s: &str) -> std::io::Result<()> {
        if err {
            self.stderr.push_str(s);
        } else {
            self.stdout.push_str(s);
        }
        Ok(())
    }
    fn flush(&mut self, _err: bool) -> std::io::Result<()> {
        Ok(())
    }
    fn read_line(&mut self) -> std::io::Result<Option<String>> {
        Ok(self.stdin.pop_front())
    }
    fn read(&mut self, max: usize) -> std::io::Result<Vec<u8>> {
        // All of the input is there: whole lines up to `max`, or one
        // line's head (the rest stays, cut at a character boundary).
        let mut out = Vec::new();
        while let Some(line) = self.stdin.pop_front() {
            if out.len() + line.len() <= max {
                out.extend_from_slice(line.as_bytes());
                continue;
            }
            if out.is_empty() {
                let mut cut = max.max(1).min(line.len());
                while !line.is_char_boundary(cut) {
                    cut += 1;
                }
                out.extend_from_slice(&line.as_bytes()[..cut]);
                if cut < line.len() {
                    self.stdin.push_front(line[cut..].to_owned());
                }
            } else {
                self.stdin.push_front(line);
            }
            break;
        }
        Ok(out)
    }
    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        Ok(self.stdin.drain(..).collect::<String>().into_bytes())
    }
    fn held_bytes(&self) -> usize {
        self.stdout.len() + self.stderr.len()
    }
}

/// State of a built-in standard stream object.
pub struct StdStream {
    pub err: bool,
    pub input: bool,
    /// The binary stream of `.buffer` (bytes in and out).
    pub binary: bool,
}

fn stream_of(vm: &mut Vm, v: &Value) -> PyResult<(bool, bool)> {
    match v
        .as_obj()
        .and_then(|o| o.native_data::<StdStream>().map(|s| (s.err, s.input)))
    {
        Some(x) => Ok(x),
        None => Err(vm.type_error("expected a standard stream")),
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, s] = args.exact_method(vm, "write")?;
    let (err, input) = stream_of(vm, this)?;
    if input {
        let c = vm.exc.os_error.clone();
        return Err(vm.new_error(&c, "not writable"));
    }
    if is_binary(this) {
        let data = match s.payload() {
            Some(Payload::Bytes(b)) => b.clone(),
            Some(Payload::ByteArray(b)) => b.borrow().clone(),
            _ => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(s)
                )))
            }
        };
        check_held_output(vm, data.len())?;
        let out = vm.output.clone();
        let r = out.borrow_mut().write_bytes(err, &data);
        if let Err(e) = r {
            return Err(io_error(vm, e));
        }
        return Ok(Value::Int(data.len() as i64));
    }
    let Some(text) = s.as_str() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(s)
        )));
    };
    let n = text.chars().count();
    let text = outgoing_text(vm, err, text)?;
    check_held_output(vm, text.len())?;
    let out = vm.output.clone();
    let r = out.borrow_mut().write(err, &text);
    if let Err(e) = r {
        return Err(io_error(vm, e));
    }
    Ok(Value::Int(n as i64))
}

/// Text for the standard streams, which are UTF-8: a lone surrogate has
/// no UTF-8 form, so stdout refuses it (UnicodeEncodeError, CPython's
/// strict errors) and stderr writes it as `\udXXX` (backslashreplace).
pub(crate) fn outgoing_text<'a>(
    vm: &mut Vm,
    err: bool,
    text: &'a str,
) -> PyResult<std::borrow::Cow<'a, str>> {
    if !crate::text::surrogates::has_surrogates(text) {
        return Ok(std::borrow::Cow::Borrowed(text));
    }
    if !err {
        let owned = text.to_owned();
        vm.encode_str(&owned, "utf-8", "strict")?;
    }
    Ok(crate::text::surrogates::escaped(text))
}

fn stream_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, lines] = args.exact_method(vm, "writelines")?;
    let this = this.clone();
    let it = vm.get_iter(lines)?;
    while let Some(line) = vm.next(&it)? {
        stream_write(vm, Args::new(&[this.clone(), line]))?;
    }
    Ok(Value::None)
}

/// Converts an I/O error to the matching OSError subclass.
pub fn io_error(vm: &mut Vm, e: std::io::Error) -> crate::vm::PyErr {
    os_error_from(vm, &e, &[])
}

/// The OSError subclass for `e`, with errno and strerror, then `extra`
/// constructor arguments: `[filename]`, or `[filename, None, filename2]`
/// (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`).
pub fn os_error_from(vm: &mut Vm, e: &std::io::Error, extra: &[Value]) -> crate::vm::PyErr {
    use std::io::ErrorKind as K;
    if e.kind() == K::Interrupted {
        // A read cut short by Ctrl-C raises KeyboardInterrupt, as CPython
        // runs its signal handlers on EINTR.
        if let Err(k) = vm.check_interrupt() {
            return k;
        }
    }
    // By kind for errors without an errno; OSError(errno, ...) itself picks
    // the subclass of an errno.
    let cls = match e.kind() {
        K::BrokenPipe => vm.exc.broken_pipe_error.clone(),
        K::NotFound => vm.exc.file_not_found_error.clone(),
        K::PermissionDenied => vm.exc.permission_error.clone(),
        K::AlreadyExists => vm.exc.file_exists_error.clone(),
        _ => vm.exc.os_error.clone(),
    };
    let errno = e.raw_os_error().unwrap_or(0);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_owned();
    let mut args = vec![Value::Int(i64::from(errno)), vm.str_val(msg)];
    args.extend_from_slice(extra);
    match vm.call(&Value::Obj(cls.clone()), &args) {
        Ok(Value::Obj(o)) => crate::vm::PyErr(o),
        Ok(_) => vm.new_error(&cls, "I/O error"),
        Err(err) => err,
    }
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (err, _) = stream_of(vm, args.this())?;
    let out = vm.output.clone();
    let r = out.borrow_mut().flush(err);
    if let Err(e) = r {
        return Err(io_error(vm, e));
    }
    Ok(Value::None)
}

fn stream_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, input) = stream_of(vm, args.this())?;
    if !input {
        let c = vm.exc.os_error.clone();
        return Err(vm.new_error(&c, "not readable"));
    }
    let out = vm.output.clone();
    let r = out.borrow_mut().read_line();
    let binary = is_binary(args.this());
    match r {
        Ok(Some(s)) if binary => Ok(vm.new_bytes(s.into_bytes())),
        Ok(None) if binary => Ok(vm.new_bytes(Vec::new())),
        Ok(Some(s)) => Ok(vm.str_val(s)),
        Ok(None) => Ok(vm.str_val("")),
        Err(e) => Err(io_error(vm, e)),
    }
}

fn is_binary(v: &Value) -> bool {
    v.as_obj()
        .and_then(|o| o.native_data::<StdStream>().map(|s| s.binary))
        .unwrap_or(false)
}

fn stream_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, size] = args.range::<2>(vm, "read", 1, true)?;
    let this = this.cloned().unwrap_or(Value::None);
    let (_, input) = stream_of(vm, &this)?;
    if !input {
        let c = vm.exc.os_error.clone();
        return Err(vm.new_error(&c, "not readable"));
    }
    let size = match size {
        Some(Value::None) | None => -1,
        Some(v) => vm.to_i64(v)?,
    };
    let out = vm.output.clone();
    let r = out.borrow_mut().read_all();
    let data = match r {
        Ok(d) => d,
        Err(e) => return Err(io_error(vm, e)),
    };
    let binary = is_binary(&this);
    if size >= 0 {
        // Put back what was not asked for (as lines, for read_line).
        let _ = size;
    }
    if binary {
        Ok(vm.new_bytes(data))
    } else {
        Ok(vm.str_val(String::from_utf8_lossy(&data).into_owned()))
    }
}

fn stream_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let mut lines = Vec::new();
    loop {
        let l = stream_readline(vm, Args::new(std::slice::from_ref(&this)))?;
        let empty = match &l {
            v if v.as_str().is_some() => v.as_str() == Some(""),
            v => matches!(v.payload(), Some(Payload::Bytes(b)) if b.is_empty()),
        };
        if empty {
            break;
        }
        lines.push(l);
    }
    Ok(vm.new_list(lines))
}

fn stream_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.this().clone())
}

fn stream_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let l = stream_readline(vm, Args::new(std::slice::from_ref(&this)))?;
    let empty = match &l {
        v if v.as_str().is_some() => v.as_str() == Some(""),
        v => matches!(v.payload(), Some(Payload::Bytes(b)) if b.is_empty()),
    };
    if empty {
        return Err(vm.stop_iteration(None));
    }
    Ok(l)
}

fn stream_buffer(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (err, input) = stream_of(vm, v)?;
    if is_binary(v) {
        return Err(vm.attribute_error("'BufferedWriter' object has no attribute 'buffer'"));
    }
    let cls = vm.class_of(v);
    let data: Box<dyn std::any::Any> = Box::new(StdStream {
        err,
        input,
        binary: true,
    });
    Ok(Value::Obj(
        vm.alloc(cls, Payload::NativeData(RefCell::new(data))),
    ))
}

fn stream_true(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}
fn stream_false(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn stream_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (err, input) = stream_of(vm, args.this())?;
    Ok(Value::Int(if input {
        0
    } else if err {
        2
    } else {
        1
    }))
}

fn stream_encoding(vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(vm.str_val("utf-8"))
}

fn stream_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (err, input) = stream_of(vm, args.this())?;
    let name = if input {
        "<stdin>"
    } else if err {
        "<stderr>"
    } else {
        "<stdout>"
    };
    if is_binary(args.this()) {
        return Ok(vm.str_val(if input {
            format!("<_io.BufferedReader name='{name}'>")
        } else {
            format!("<_io.BufferedWriter name='{name}'>")
        }));
    }
    let mode = if input { "r" } else { "w" };
    Ok(vm.str_val(format!(
        "<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>"
    )))
}

/// Creates the `sys.stdin`/`stdout`/`stderr` objects.
pub fn make_std_streams(vm: &mut Vm) -> (Value, Value, Value) {
    let t = vm.new_native_type("_io", "TextIOWrapper", None);
    vm.add_methods(
        &t,
        &[
            ("write", stream_write),
            ("writelines", stream_writelines),
            ("flush", stream_flush),
            ("readline", stream_readline),
            ("read", stream_read),
            ("readlines", stream_readlines),
            ("__iter__", stream_iter),
            ("__next__", stream_next),
            ("isatty", stream_false),
            ("writable", stream_true),
            ("readable", stream_true),
            ("fileno", stream_fileno),
            ("__repr__", stream_repr),
        ],
    );
    vm.add_getset(&t, "encoding", stream_encoding, None);
    vm.add_getset(&t, "buffer", stream_buffer, None);
    let mk = |vm: &mut Vm, err: bool, input: bool| {
        let data: Box<dyn std::any::Any> = Box::new(StdStream {
            err,
            input,
            binary: false,
        });
        Value::Obj(vm.alloc(t.clone(), Payload::NativeData(RefCell::new(data))))
    };
    let i = mk(vm, false, true);
    let o = mk(vm, false, false);
    let e = mk(vm, true, false);
    (i, o, e)
}

/// A shared capture sink: `(vm output, handle to read it)`.
pub fn capture() -> (Rc<RefCell<dyn Output>>, Rc<RefCell<CaptureOutput>>) {
    let c = Rc::new(RefCell::new(CaptureOutput::default()));
    (c.clone(), c)
}
