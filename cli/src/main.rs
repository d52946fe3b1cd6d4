//! The `rpy` command: `rpy script.py args...`, `rpy -c code`, `rpy -m
//! module`, `rpy -` / piped stdin. Exit status and error output follow
//! CPython's.
#![forbid(unsafe_code)]

use std::io::Read;
use std::path::Path;

use rpy_vm::{Interpreter, Value};

const USAGE: &str = "usage: rpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

enum Mode {
    Command(String),
    Module(String),
    File(String),
    Stdin,
}

fn usage_error(msg: &str) -> i32 {
    eprint!("{msg}\n{USAGE}Try `python -h' for more information.\n");
    2
}

fn help() {
    print!(
        "{USAGE}Options:\n\
-c cmd : program passed in as string (terminates option list)\n\
-h     : print this help message and exit (also -? or --help)\n\
-m mod : run library module as a script (terminates option list)\n\
-V     : print the Python version number and exit (also --version)\n\
file   : program read from script file\n\
-      : program read from stdin (default; interactive mode if a tty)\n\
arg ...: arguments passed to program in sys.argv[1:]\n"
    );
}

fn run(args: Vec<String>) -> i32 {
    let mut i = 1;
    let mut mode = None;
    while i < args.len() {
        let a = &args[i];
        if a == "-c" {
            match args.get(i + 1) {
                Some(c) => mode = Some(Mode::Command(c.clone())),
                None => return usage_error("Argument expected for the -c option"),
            }
            i += 2;
            break;
        } else if let Some(c) = a
            .strip_prefix("-c")
            .filter(|_| a.len() > 2 && !a.starts_with("--"))
        {
            mode = Some(Mode::Command(c.to_owned()));
            i += 1;
            break;
        } else if a == "-m" {
            match args.get(i + 1) {
                Some(m) => mode = Some(Mode::Module(m.clone())),
                None => return usage_error("Argument expected for the -m option"),
            }
            i += 2;
            break;
        } else if a == "-V" || a == "--version" {
            println!("Python 3.11.7 (rpy {})", env!("CARGO_PKG_VERSION"));
            return 0;
        } else if a == "-h" || a == "-?" || a == "--help" {
            help();
            return 0;
        } else if a == "-" {
            mode = Some(Mode::Stdin);
            i += 1;
            break;
        } else if a == "-u"
            || a == "-B"
            || a == "-E"
            || a == "-s"
            || a == "-S"
            || a == "-O"
            || a == "-I"
        {
            i += 1;
        } else if a.starts_with('-') && a.len() > 1 {
            let opt = if a.starts_with("--") {
                a.clone()
            } else {
                a.chars().take(2).collect::<String>()
            };
            let opt = opt.trim_start_matches('-');
            return usage_error(&format!("Unknown option: -{opt}"));
        } else {
            mode = Some(Mode::File(a.clone()));
            i += 1;
            break;
        }
    }
    let rest: Vec<String> = args.get(i..).unwrap_or(&[]).to_vec();
    let mode = mode.unwrap_or(Mode::Stdin);
    let mut interp = Interpreter::new();
    let code = match mode {
        Mode::Command(c) => {
            let mut argv = vec!["-c".to_owned()];
            argv.extend(rest);
            interp.set_argv(&argv);
            interp.prepend_path("");
            finish(&mut interp, |i| i.run_source(&c, "<string>"))
        }
        Mode::Stdin => {
            let mut src = String::new();
            if std::io::stdin().read_to_string(&mut src).is_err() {
                src.clear();
            }
            let mut argv = vec![if rest.is_empty() && !args.iter().any(|a| a == "-") {
                String::new()
            } else {
                "-".to_owned()
            }];
            argv.extend(rest);
            interp.set_argv(&argv);
            interp.prepend_path("");
            finish(&mut interp, |i| i.run_source(&src, "<stdin>"))
        }
        Mode::File(f) => {
            let path = Path::new(&f);
            if !path.exists() || path.is_dir() {
                let abs = std::env::current_dir()
                    .map(|d| d.join(path))
                    .unwrap_or_else(|_| path.to_path_buf());
                let why = if path.is_dir() {
                    "[Errno 21] Is a directory"
                } else {
                    "[Errno 2] No such file or directory"
                };
                eprintln!(
                    "{}: can't open file '{}': {why}",
                    args.first().map(|s| s.as_str()).unwrap_or("rpy"),
                    abs.display()
                );
                return 2;
            }
            let dir = path
                .parent()
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        p
                    }
                })
                .and_then(|p| p.canonicalize().ok())
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut argv = vec![f.clone()];
            argv.extend(rest);
            interp.set_argv(&argv);
            interp.prepend_path(&dir);
            // Code and __file__ use the absolute path, as CPython does.
            let abs = absolute(path);
            finish(&mut interp, |i| i.run_file(&abs))
        }
        Mode::Module(m) => {
            let mut argv = vec![m.clone()];
            argv.extend(rest);
            interp.set_argv(&argv);
            let cwd = std::env::current_dir()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            interp.prepend_path(&cwd);
            finish(&mut interp, |i| run_module(i, &m))
        }
    };
    interp.flush();
    code
}

/// `-m mod`: find the module's file on sys.path and run it as __main__.
fn run_module(interp: &mut Interpreter, name: &str) -> rpy_vm::PyResult<()> {
    let vm = interp.vm();
    let sys = Value::Obj(vm.sys.clone());
    let path = vm.get_attr_str(&sys, "path")?;
    let dirs = vm.iterate(&path)?;
    let rel: std::path::PathBuf = name.split('.').collect();
    for d in dirs {
        let Some(d) = d.as_str() else { continue };
        let base = Path::new(d).join(&rel);
        let file = base.with_extension("py");
        if file.is_file() {
            let f = file.to_string_lossy().into_owned();
            if let Some(a) = vm.get_attr_str(&sys, "argv").ok() {
                let fv = vm.str_val(f.clone());
                let _ = vm.set_item(&a, Value::Int(0), fv);
            }
            return interp.run_file(&file);
        }
        let main = base.join("__main__.py");
        if main.is_file() {
            return interp.run_file(&main);
        }
    }
    let exe = std::env::args().next().unwrap_or_else(|| "rpy".into());
    eprintln!("{exe}: No module named {name}");
    Err(rpy_vm::PyErr(vm.new_exception(
        &vm.exc.system_exit.clone(),
        vec![Value::Int(1)],
    )))
}

/// `os.path.abspath`: joined with the cwd and normalised, symlinks kept.
fn absolute(p: &Path) -> std::path::PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let mut out = std::path::PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn finish(
    interp: &mut Interpreter,
    f: impl FnOnce(&mut Interpreter) -> rpy_vm::PyResult<()>,
) -> i32 {
    match f(interp) {
        Ok(()) => 0,
        Err(e) => {
            interp.flush();
            let vm = interp.vm();
            let ki = vm.exc.keyboard_interrupt.clone();
            if vm.is_instance(&rpy_vm::Value::Obj(e.0.clone()), &ki) {
                DIE_BY_SIGINT.store(true, std::sync::atomic::Ordering::SeqCst);
            }
            interp.handle_uncaught(&e)
        }
    }
}

/// Set after an uncaught KeyboardInterrupt: like CPython, the process then
/// kills itself with SIGINT (so that shells see the interrupt) instead of
/// exiting with status 130.
static DIE_BY_SIGINT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn die_by_sigint() {
    #[cfg(unix)]
    {
        // rpy installs no SIGINT handler, so the default action applies
        // (unless SIGINT was inherited as ignored: then exit with 130).
        let _ = nix::sys::signal::raise(nix::sys::signal::Signal::SIGINT);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // A large stack: native code re-entering Python (sort keys, __eq__,
    // __init__) recurses on the Rust stack.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(args));
    let code = match child {
        Ok(h) => h.join().unwrap_or(70),
        Err(_) => 70,
    };
    if DIE_BY_SIGINT.load(std::sync::atomic::Ordering::SeqCst) {
        die_by_sigint();
    }
    std::process::exit(code);
}
