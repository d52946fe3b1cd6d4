//! Runs what the command line asked for: a script, `-c`, `-m`, standard
//! input (as a script when piped, else the REPL), then the REPL again for
//! `-i`. Exit status and error output follow CPython's.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::sync::atomic::Ordering;

use rpy_vm::{Flags, Interpreter, PyResult, Value};

use crate::options::{Options, Program};

/// Set after an uncaught KeyboardInterrupt: like CPython, the process then
/// ends by SIGINT (so that the shell sees the interrupt), not with status 130.
pub static DIE_BY_SIGINT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Ends the process by the default action of SIGINT (the Ctrl-C handler
/// is set aside first).
pub fn die_by_sigint() {
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
    }
}

/// Ctrl-C sets the VM's interrupt flag; the running code raises
/// KeyboardInterrupt. A second Ctrl-C before the first was seen (the VM is
/// stuck in native code) ends the process, as a last resort.
fn install_interrupt_handler(interp: &mut Interpreter) {
    let flag = interp.vm().interrupt_flag();
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            eprintln!("\nKeyboardInterrupt");
            std::process::exit(130);
        }
    });
}

/// `sys.flags` as the options set them.
fn flags(o: &Options) -> Flags {
    let x = |name: &str| o.xoptions.iter().any(|x| x == name);
    Flags {
        debug: o.debug,
        inspect: o.inspect,
        interactive: o.inspect,
        optimize: o.optimize,
        no_user_site: o.no_user_site,
        no_site: o.no_site,
        ignore_environment: o.ignore_env,
        verbose: o.verbose,
        bytes_warning: o.bytes_warning,
        quiet: o.quiet,
        isolated: o.isolated,
        dev_mode: x("dev"),
        warn_default_encoding: x("warn_default_encoding"),
        safe_path: o.safe_path,
        ..Flags::default()
    }
}

/// Prepares `sys` and the streams from the options.
fn configure(interp: &mut Interpreter, o: &Options) {
    let _ = interp.vm().set_flags(flags(o));
    set_warn_and_x_options(interp, o);
    use crate::output::{CliOutput, Flush};
    let flush = if o.unbuffered {
        Flush::Always
    } else if std::io::stdout().is_terminal() {
        Flush::Lines
    } else {
        Flush::Never
    };
    let out = CliOutput::new(flush, interp.vm().interrupt_flag());
    interp.set_output(std::rc::Rc::new(std::cell::RefCell::new(out)));
    install_interrupt_handler(interp);
}

/// `sys.warnoptions` (`-X dev` implies `default`, then PYTHONWARNINGS,
/// then `-W`) and `sys._xoptions` (`-X name` is True, `-X name=value`).
fn set_warn_and_x_options(interp: &mut Interpreter, o: &Options) {
    let mut warn: Vec<String> = Vec::new();
    if o.xoptions.iter().any(|x| x == "dev") {
        warn.push("default".into());
    }
    if !o.ignore_env {
        if let Ok(w) = std::env::var("PYTHONWARNINGS") {
            warn.extend(w.split(',').filter(|s| !s.is_empty()).map(|s| s.to_owned()));
        }
    }
    warn.extend(o.warnoptions.iter().cloned());
    let vm = interp.vm();
    let items = warn.into_iter().map(|w| vm.str_val(w)).collect();
    let list = vm.new_list(items);
    let sys = vm.sys.clone();
    vm.module_set(&sys, "warnoptions", list);
    let d = vm.new_dict();
    if let Some(dict) = d.as_obj().cloned() {
        for x in &o.xoptions {
            let (k, v) = match x.split_once('=') {
                Some((k, v)) => (k, vm.str_val(v)),
                None => (x.as_str(), Value::Bool(true)),
            };
            let k = vm.str_val(k);
            let _ = vm.dict_set(&dict, k, v);
        }
    }
    vm.module_set(&sys, "_xoptions", d);
}

/// Runs the program of `o`; `prog` is `argv[0]` (for error messages).
pub fn run(o: Options, prog: &str) -> i32 {
    // The library is compiled in (rpy's own, then CPython's); RPY_LIB
    // replaces it with directories. -E/-I leave PYTHONPATH out.
    let mut interp = Interpreter::builder()
        .stdlib(&rpy_stdlib_frozen::STDLIB)
        .pythonpath(!o.ignore_env)
        .build();
    // The flags first: the standard streams `_io` makes follow -E/-I.
    configure(&mut interp, &o);
    rpy_stdlib::register(&mut interp);
    if o.unbuffered {
        let vm = interp.vm();
        let opts = rpy_io::StdioOptions {
            unbuffered: true,
            ..rpy_io::StdioOptions::from_env(vm)
        };
        let _ = rpy_io::install_std_streams(vm, &opts);
    }
    let first_path = |interp: &mut Interpreter, dir: &str| {
        if !o.safe_path {
            interp.prepend_path(dir);
        }
    };
    let argv0 = |interp: &mut Interpreter, first: String| {
        let mut argv = vec![first];
        argv.extend(o.args.iter().cloned());
        interp.set_argv(&argv);
    };
    let result = match &o.program {
        Program::Command(c) => {
            argv0(&mut interp, "-c".into());
            first_path(&mut interp, "");
            interp.run_source(c, "<string>")
        }
        Program::Module(m) => {
            argv0(&mut interp, m.clone());
            let cwd = std::env::current_dir()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            first_path(&mut interp, &cwd);
            run_module(&mut interp, m, prog)
        }
        Program::File(f) => {
            let path = Path::new(f);
            if !path.exists() || path.is_dir() {
                let why = if path.is_dir() {
                    "[Errno 21] Is a directory"
                } else {
                    "[Errno 2] No such file or directory"
                };
                eprintln!(
                    "{prog}: can't open file '{}': {why}",
                    absolute(path).display()
                );
                if !o.inspect {
                    return 2;
                }
                // With -i the REPL starts all the same.
                return crate::repl::run(interp, false);
            }
            argv0(&mut interp, f.clone());
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
            first_path(&mut interp, &dir);
            // Code and __file__ use the absolute path, as CPython does.
            run_file(&mut interp, &absolute(path), o.skip_first_line)
        }
        Program::Stdin { dash } => {
            argv0(&mut interp, if *dash { "-".into() } else { String::new() });
            first_path(&mut interp, "");
            if o.inspect || std::io::stdin().is_terminal() {
                if !o.ignore_env {
                    run_startup_file(&mut interp);
                }
                return crate::repl::run(interp, !o.quiet);
            }
            let mut src = Vec::new();
            if std::io::stdin().read_to_end(&mut src).is_err() {
                src.clear();
            }
            let src = String::from_utf8_lossy(&src);
            interp.run_source(&src, "<stdin>")
        }
    };
    let status = match result {
        Ok(()) => 0,
        Err(e) => {
            interp.flush();
            let interrupt = interp.vm().exc.keyboard_interrupt.clone();
            if !o.inspect
                && interp
                    .vm()
                    .is_instance(&Value::Obj(e.0.clone()), &interrupt)
            {
                DIE_BY_SIGINT.store(true, Ordering::SeqCst);
            }
            if o.inspect {
                // With -i even SystemExit only prints its traceback.
                let ev = Value::Obj(e.0.clone());
                let exit = interp.vm().exc.system_exit.clone();
                if interp.vm().is_instance(&ev, &exit) {
                    interp.vm().print_exception(&ev);
                    0
                } else {
                    interp.handle_uncaught(&e)
                }
            } else {
                interp.handle_uncaught(&e)
            }
        }
    };
    if o.inspect {
        interp.flush();
        return crate::repl::run(interp, false);
    }
    // atexit callbacks, after the main program however it ended.
    interp.finalize();
    interp.flush();
    status
}

/// A script file as `__main__`; `-x` blanks its first line.
fn run_file(interp: &mut Interpreter, path: &Path, skip_first_line: bool) -> PyResult<()> {
    if !skip_first_line {
        return interp.run_file(path);
    }
    let source = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => return Err(interp.vm().io_error(&e, &[])),
    };
    let rest = source.split_once('\n').map(|x| x.1).unwrap_or("");
    let name = path.to_string_lossy().into_owned();
    let f = interp.vm().str_val(name.clone());
    interp.set_global("__file__", f);
    interp.run_source(&format!("\n{rest}"), &name)
}

/// PYTHONSTARTUP: run before the first prompt of an interactive session.
fn run_startup_file(interp: &mut Interpreter) {
    let Some(file) = std::env::var_os("PYTHONSTARTUP") else {
        return;
    };
    let path = Path::new(&file);
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!(
            "Could not open PYTHONSTARTUP\nFileNotFoundError: [Errno 2] No such file or directory: '{}'",
            path.display()
        );
        return;
    };
    let src = String::from_utf8_lossy(&bytes);
    if let Err(e) = interp.run_source(&src, &path.to_string_lossy()) {
        interp.flush();
        interp.handle_uncaught(&e);
    }
}

/// `-m mod`: find the module as `import` would (frozen or a file on
/// sys.path) and run it as __main__.
fn run_module(interp: &mut Interpreter, name: &str, prog: &str) -> PyResult<()> {
    // As runpy: the parent package is imported first, and __main__ gets
    // __package__ so that its relative imports work.
    let Some(m) = interp.vm().find_main_module(name)? else {
        let vm = interp.vm();
        eprintln!("{prog}: No module named {name}");
        return Err(rpy_vm::PyErr(
            vm.new_exception(&vm.exc.system_exit.clone(), vec![Value::Int(1)]),
        ));
    };
    let vm = interp.vm();
    let sys = Value::Obj(vm.sys.clone());
    if let Ok(a) = vm.get_attr_str(&sys, "argv") {
        let fv = vm.str_val(m.file.clone());
        let _ = vm.set_item(&a, Value::Int(0), fv);
    }
    let main = interp.main_module();
    let pv = interp.vm().str_val(m.package);
    interp.vm().module_set(&main, "__package__", pv);
    let fv = interp.vm().str_val(m.file.clone());
    interp.vm().module_set(&main, "__file__", fv);
    interp.run_source(&m.source, &m.file)
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
