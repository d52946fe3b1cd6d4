//! The interactive interpreter: CPython's banner and `>>> `/`... `
//! prompts (`sys.ps1`/`sys.ps2`), one statement at a time compiled in
//! `single` mode (so expression values go through `sys.displayhook`, which
//! sets `builtins._`), tracebacks printed without leaving the loop, Ctrl-C
//! abandoning the input line, Ctrl-D or `exit()` leaving it.
//!
//! On a terminal, lines are read with rustyline (editing, history kept in
//! `~/.rpy_history`, tab completion); otherwise (`-i` with piped input)
//! prompts go to stderr and lines are read from stdin, as CPython does.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::rc::Rc;

use rpy_vm::{Interpreter, PyErr, Value};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Config, Editor};

use crate::complete::PyHelper;
use crate::input::needs_more;

/// The two lines CPython prints on interactive start-up (on stderr).
pub fn banner() -> String {
    let platform = match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    };
    format!(
        "Python 3.11.7 (rpy {}) [rustc] on {platform}\n\
         Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// One read from the user.
enum Line {
    Text(String),
    Interrupted,
    Eof,
}

/// Where lines come from.
trait LineReader {
    fn read(&mut self, prompt: &str) -> Line;
    /// Saves the history, if this reader keeps one (failures are ignored).
    fn save_history(&mut self) {}
}

/// A terminal: rustyline with history and completion.
struct Terminal {
    editor: Editor<PyHelper, FileHistory>,
    history: Option<PathBuf>,
}

impl Terminal {
    fn new(interp: Rc<RefCell<Interpreter>>) -> Option<Terminal> {
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .max_history_size(1000)
            .ok()?
            .auto_add_history(false)
            .build();
        let mut editor = Editor::with_config(config).ok()?;
        editor.set_helper(Some(PyHelper { interp }));
        let history = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".rpy_history"));
        if let Some(h) = &history {
            let _ = editor.load_history(h);
        }
        Some(Terminal { editor, history })
    }
}

impl LineReader for Terminal {
    fn read(&mut self, prompt: &str) -> Line {
        match self.editor.readline(prompt) {
            Ok(l) => {
                if !l.trim().is_empty() {
                    let _ = self.editor.add_history_entry(l.as_str());
                }
                Line::Text(l)
            }
            Err(ReadlineError::Interrupted) => Line::Interrupted,
            Err(_) => Line::Eof,
        }
    }

    fn save_history(&mut self) {
        if let Some(h) = &self.history {
            let _ = self.editor.save_history(h);
        }
    }
}

/// Standard input that is not a terminal: prompts on stderr.
struct Plain;

impl LineReader for Plain {
    fn read(&mut self, prompt: &str) -> Line {
        let mut err = std::io::stderr();
        let _ = err.write_all(prompt.as_bytes());
        let _ = err.flush();
        let mut buf = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                }
                Line::Text(String::from_utf8_lossy(&buf).into_owned())
            }
        }
    }
}

/// `sys.ps1` or `sys.ps2` as text (set to CPython's defaults if missing).
fn prompt(interp: &mut Interpreter, name: &str, default: &str) -> String {
    let vm = interp.vm();
    let sys = Value::Obj(vm.sys.clone());
    match vm.get_attr_str(&sys, name) {
        Ok(v) => vm.str(&v).unwrap_or_else(|_| default.to_owned()),
        Err(_) => {
            let v = vm.str_val(default);
            let s = vm.sys.clone();
            vm.module_set(&s, name, v);
            default.to_owned()
        }
    }
}

/// Records the error as `sys.last_type`/`last_value`/`last_traceback`.
fn set_last(interp: &mut Interpreter, e: &PyErr) {
    let vm = interp.vm();
    let ev = Value::Obj(e.0.clone());
    let t = Value::Obj(vm.class_of(&ev));
    let tb = vm.get_attr_str(&ev, "__traceback__").unwrap_or(Value::None);
    let sys = vm.sys.clone();
    vm.module_set(&sys, "last_type", t);
    vm.module_set(&sys, "last_value", ev);
    vm.module_set(&sys, "last_traceback", tb);
}

/// Runs one entry; `Some(status)` when it asked to leave (SystemExit).
fn run_entry(interp: &mut Interpreter, source: &str) -> Option<i32> {
    interp.vm().clear_interrupt();
    let r = interp.run_interactive(source, "<stdin>");
    interp.flush();
    let e = r.err()?;
    let vm = interp.vm();
    let exit = vm.exc.system_exit.clone();
    if vm.is_instance(&Value::Obj(e.0.clone()), &exit) {
        return Some(interp.handle_uncaught(&e));
    }
    set_last(interp, &e);
    interp.handle_uncaught(&e);
    interp.flush();
    None
}

/// Adds one line to the entry being typed and runs the entry once it is
/// complete; `Some(status)` when the code asked to leave.
fn feed(interp: &Rc<RefCell<Interpreter>>, entry: &mut String, line: &str) -> Option<i32> {
    entry.push_str(line);
    entry.push('\n');
    if needs_more(entry) {
        return None;
    }
    let source = std::mem::take(entry);
    // Blank and comment-only lines at `>>> ` do nothing.
    let blank = source.lines().all(|l| {
        let l = l.trim_start();
        l.is_empty() || l.starts_with('#')
    });
    if blank {
        return None;
    }
    run_entry(&mut interp.borrow_mut(), &source)
}

/// Runs the REPL until EOF or `exit()`; returns the exit status.
/// `banner`: print the start-up banner (the REPL is the main program and
/// `-q` was not given).
pub fn run(interp: Interpreter, banner_wanted: bool) -> i32 {
    let interp = Rc::new(RefCell::new(interp));
    let tty = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let mut reader: Box<dyn LineReader> = if tty {
        match Terminal::new(interp.clone()) {
            Some(t) => Box::new(t),
            None => Box::new(Plain),
        }
    } else {
        Box::new(Plain)
    };
    if banner_wanted {
        eprint!("{}", banner());
    }
    let mut entry = String::new();
    // Lines of a multi-line paste still to run, one at a time.
    let mut queued: VecDeque<String> = VecDeque::new();
    let status = loop {
        if let Some(line) = queued.pop_front() {
            match feed(&interp, &mut entry, &line) {
                Some(status) => break status,
                None => continue,
            }
        }
        let p = {
            let mut i = interp.borrow_mut();
            i.flush();
            if entry.is_empty() {
                prompt(&mut i, "ps1", ">>> ")
            } else {
                prompt(&mut i, "ps2", "... ")
            }
        };
        match reader.read(&p) {
            Line::Eof => {
                eprintln!();
                break 0;
            }
            Line::Interrupted => {
                entry.clear();
                eprint!("\nKeyboardInterrupt\n");
            }
            Line::Text(text) => queued.extend(text.split('\n').map(|l| l.to_owned())),
        }
    };
    reader.save_history();
    // atexit callbacks, when the session ends.
    interp.borrow_mut().finalize();
    interp.borrow_mut().flush();
    status
}
