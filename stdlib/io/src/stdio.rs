//! The standard streams as CPython makes them at start-up:
//! `sys.stdin`/`stdout`/`stderr` (and `sys.__stdin__` ...) are
//! `TextIOWrapper`s over `BufferedReader`/`BufferedWriter` over `FileIO`
//! on descriptors 0, 1 and 2, with CPython's encoding, errors, newline and
//! buffering rules (`-u`, `PYTHONUNBUFFERED`, `PYTHONIOENCODING`, line
//! buffering on a terminal and always for stderr).
//!
//! The three `FileIO`s are *console* files: what they write goes to the
//! VM's output sink (`Vm::console_write`, the embedder's [`rpy_vm::Output`]:
//! the process's streams, the CLI's or a capture), and what they read
//! comes from it, as one read(2) would give it (`Vm::console_read`: a
//! pipe's available data, a terminal's line). So a capture
//! still sees everything `print` writes, the memory limit still counts
//! it, and a terminal read can still be cut short by Ctrl-C.

use rpy_vm::{Args, FromPython, Native, PyResult, Value, Vm};

use crate::fileio::FileIO;

/// How to make the standard streams (what CPython takes from its command
/// line and environment).
#[derive(Clone, Debug, Default)]
pub struct StdioOptions {
    /// `-u`/`PYTHONUNBUFFERED`: stdout and stderr unbuffered (their
    /// `buffer` is the `FileIO` itself, text written through).
    pub unbuffered: bool,
    /// The encoding (`PYTHONIOENCODING`'s first part); UTF-8 if unset.
    pub encoding: Option<String>,
    /// The errors handler of stdin and stdout (`PYTHONIOENCODING`'s part
    /// after `:`); by the locale if unset.
    pub errors: Option<String>,
}

impl StdioOptions {
    /// The options from the environment (`PYTHONUNBUFFERED`,
    /// `PYTHONIOENCODING`), none when `sys.flags.ignore_environment`.
    pub fn from_env(vm: &Vm) -> Self {
        let mut o = StdioOptions::default();
        if vm.flags().ignore_environment {
            return o;
        }
        o.unbuffered = std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
        if let Ok(v) = std::env::var("PYTHONIOENCODING") {
            let (enc, err) = match v.split_once(':') {
                Some((e, r)) => (e, Some(r)),
                None => (v.as_str(), None),
            };
            o.encoding = (!enc.is_empty()).then(|| enc.to_owned());
            o.errors = err.filter(|r| !r.is_empty()).map(str::to_owned);
            if o.encoding.is_some() && o.errors.is_none() {
                // An encoding named without a handler is strict, whatever
                // the locale says.
                o.errors = Some("strict".to_owned());
            }
        }
        o
    }
}

/// The errors handler CPython picks for stdin/stdout from the locale:
/// `surrogateescape` under the C/POSIX locale and its UTF-8 coercion
/// targets, else `strict`.
fn locale_errors() -> &'static str {
    let loc = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "C".to_owned());
    match loc.as_str() {
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
        _ => "strict",
    }
}

fn codec_name(vm: &mut Vm, enc: &str) -> Option<String> {
    let codecs = vm.import_module("codecs").ok()?;
    let lookup = vm.get_attr_str(&codecs, "lookup").ok()?;
    let e = vm.str_val(enc);
    let info = vm.call(&lookup, &[e]).ok()?;
    let name = vm.get_attr_str(&info, "name").ok()?;
    name.as_str().map(str::to_owned)
}

/// Makes the three streams and puts them in `sys` (`stdin`, `stdout`,
/// `stderr` and the `__std*__` originals).
pub fn install_std_streams(vm: &mut Vm, opts: &StdioOptions) -> PyResult<()> {
    let io = vm.import_module("_io")?;
    let encoding = match &opts.encoding {
        // The codec's own name, as CPython shows it (`latin-1` is
        // `iso8859-1`); the codec machinery only when asked for one.
        Some(e) => codec_name(vm, e).unwrap_or_else(|| e.clone()),
        None => "utf-8".to_owned(),
    };
    let errors = opts
        .errors
        .clone()
        .unwrap_or_else(|| locale_errors().to_owned());
    let streams = [
        (0, "<stdin>", errors.as_str()),
        (1, "<stdout>", errors.as_str()),
        (2, "<stderr>", "backslashreplace"),
    ];
    let mut made = Vec::with_capacity(3);
    for (fd, name, errs) in streams {
        made.push(make_stream(vm, &io, fd, name, &encoding, errs, opts)?);
    }
    let sys = vm.sys.clone();
    for (v, names) in made.iter().zip([
        ["stdin", "__stdin__"],
        ["stdout", "__stdout__"],
        ["stderr", "__stderr__"],
    ]) {
        for n in names {
            vm.module_set(&sys, n, v.clone());
        }
    }
    Ok(())
}

fn make_stream(
    vm: &mut Vm,
    io: &Value,
    fd: i64,
    name: &str,
    encoding: &str,
    errors: &str,
    opts: &StdioOptions,
) -> PyResult<Value> {
    let write = fd != 0;
    // stdin is always buffered: TextIOWrapper reads through read1().
    let buffered = !write || !opts.unbuffered;
    let open = vm.get_attr_str(io, "open")?;
    let mode = vm.str_val(if write { "wb" } else { "rb" });
    let buffering = Value::Int(if buffered { -1 } else { 0 });
    let closefd = vm.str_val("closefd");
    let buf = vm.call_with(
        &open,
        Args::with_kw(
            &[Value::Int(fd), mode, buffering, Value::Bool(false)],
            &[closefd],
        ),
    )?;
    let raw = if buffered {
        vm.get_attr_str(&buf, "raw")?
    } else {
        buf.clone()
    };
    let f = Native::<FileIO>::from_python(vm, &raw)?;
    f.with_mut(vm, |f| f.console = true)?;
    let n = vm.intern("name");
    let nv = vm.str_val(name);
    vm.set_attr(&raw, &n, nv)?;
    let tty = crate::common::call_bool(vm, &raw, "isatty")?;
    let line_buffering = buffered && (tty || fd == 2);
    let wrapper = vm.get_attr_str(io, "TextIOWrapper")?;
    if let Some(cls) = wrapper.as_obj() {
        vm.join_print_writes(cls);
    }
    let args = [
        buf,
        vm.str_val(encoding),
        vm.str_val(errors),
        vm.str_val("\n"),
        Value::Bool(line_buffering),
        Value::Bool(!buffered),
    ];
    let stream = vm.call(&wrapper, &args)?;
    let m = vm.intern("mode");
    let mv = vm.str_val(if write { "w" } else { "r" });
    vm.set_attr(&stream, &m, mv)?;
    if let Some(o) = stream.as_obj() {
        crate::common::track_stream(vm, o);
    }
    Ok(stream)
}

/// Reads for a console `FileIO` (stdin): at most `n` bytes (all that is
/// left for `n < 0`), as one read of the console gets them.
pub(crate) fn console_read(vm: &mut Vm, f: &Native<FileIO>, n: i64) -> PyResult<Vec<u8>> {
    let mut have = f.with_mut(vm, |f| std::mem::take(&mut f.console_in))?;
    if n < 0 {
        have.extend(vm.console_read_all()?);
        return Ok(have);
    }
    let n = usize::try_from(n).unwrap_or(0);
    if have.is_empty() && n > 0 {
        have = vm.console_read(n)?;
    }
    if have.len() > n {
        let rest = have.split_off(n);
        f.with_mut(vm, |f| f.console_in = rest)?;
    }
    Ok(have)
}
