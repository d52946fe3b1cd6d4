//! The `rpy` command line without a terminal: options, `-i` with piped
//! input, `-q`, usage errors, `-V`, PYTHONPATH. Each case's expected
//! stdout, stderr and exit status were recorded from CPython 3.11 (program
//! name, working directory and the banner's build details normalised);
//! when `python3` 3.11 is present each case is also run under it, so the
//! recording is checked against the live oracle.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use libtest_mimic::{Arguments, Failed, Trial};

struct Case {
    name: &'static str,
    /// Run with PYTHONPATH pointing at a directory holding `rpy_pp_probe`.
    pythonpath: bool,
    args: &'static [&'static str],
    stdin: &'static str,
    stdout: &'static str,
    stderr: &'static str,
    status: i32,
}

const CASES: &[Case] = &[
    Case {
        name: "unknown_short_option",
        pythonpath: false,
        args: &["-Z"],
        stdin: "",
        stdout: "",
        stderr: "Unknown option: -Z\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
        status: 2,
    },
    Case {
        name: "unknown_in_combined_flags",
        pythonpath: false,
        args: &["-qZ"],
        stdin: "",
        stdout: "",
        stderr: "Unknown option: -Z\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
        status: 2,
    },
    Case {
        name: "unknown_long_option",
        pythonpath: false,
        args: &["--foo"],
        stdin: "",
        stdout: "",
        stderr: "unknown option --foo\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
        status: 2,
    },
    Case {
        name: "missing_c_argument",
        pythonpath: false,
        args: &["-i", "-c"],
        stdin: "",
        stdout: "",
        stderr: "Argument expected for the -c option\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
        status: 2,
    },
    Case {
        name: "missing_x_argument",
        pythonpath: false,
        args: &["-X"],
        stdin: "",
        stdout: "",
        stderr: "Argument expected for the -X option\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
        status: 2,
    },
    Case {
        name: "jython_option",
        pythonpath: false,
        args: &["-J"],
        stdin: "",
        stdout: "",
        stderr: "-J is reserved for Jython\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
        status: 2,
    },
    Case {
        name: "error_wins_over_version",
        pythonpath: false,
        args: &["-V", "-Z"],
        stdin: "",
        stdout: "",
        stderr: "Unknown option: -Z\nusage: PROG [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
        status: 2,
    },
    Case {
        name: "version",
        pythonpath: false,
        args: &["-V"],
        stdin: "",
        stdout: "Python 3.11.7\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "version_long",
        pythonpath: false,
        args: &["--version"],
        stdin: "",
        stdout: "Python 3.11.7\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "command_argv",
        pythonpath: false,
        args: &["-c", "import sys; print(sys.argv)", "a", "-b"],
        stdin: "",
        stdout: "['-c', 'a', '-b']\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "command_attached",
        pythonpath: false,
        args: &["-cprint(6 * 7)"],
        stdin: "",
        stdout: "42\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "combined_uc",
        pythonpath: false,
        args: &["-uc", "print('unbuffered')"],
        stdin: "",
        stdout: "unbuffered\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "double_dash_file",
        pythonpath: false,
        args: &["--", "-c"],
        stdin: "",
        stdout: "",
        stderr: "PROG: can't open file 'CWD/-c': [Errno 2] No such file or directory\n",
        status: 2,
    },
    Case {
        name: "accepted_flags",
        pythonpath: false,
        args: &["-B", "-s", "-S", "-E", "-Wignore", "-X", "dev", "-O", "-c", "print('ok')"],
        stdin: "",
        stdout: "ok\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "piped_stdin_script",
        pythonpath: false,
        args: &[],
        stdin: "import sys\nprint(sys.argv)\nprint(1 + 1)\n",
        stdout: "['']\n2\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "dash_stdin_script",
        pythonpath: false,
        args: &["-", "x"],
        stdin: "import sys\nprint(sys.argv)\n",
        stdout: "['-', 'x']\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "inspect_after_command",
        pythonpath: false,
        args: &["-i", "-c", "x = 5"],
        stdin: "x + 1\nif x:\n  print('y')\n\n1/0\nNone\n_\ndef f(:\n  pass\n\n# comment\nclass C:\n    def m(self):\n        return 42\n\nC().m()\n_ * 2\n(1,\n 2)\n\"a\" + 1\n",
        stdout: "6\ny\n6\n42\n84\n(1, 2)\n",
        stderr: ">>> >>> ... ... >>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero\n>>> >>> >>>   File \"<stdin>\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n>>>   File \"<stdin>\", line 1\n    pass\nIndentationError: unexpected indent\n>>> >>> >>> ... ... ... >>> >>> >>> ... >>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nTypeError: can only concatenate str (not \"int\") to str\n>>> \n",
        status: 0,
    },
    Case {
        name: "inspect_after_error",
        pythonpath: false,
        args: &["-i", "-c", "1/0"],
        stdin: "print('still here')\n",
        stdout: "still here\n",
        stderr: "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nZeroDivisionError: division by zero\n>>> >>> \n",
        status: 0,
    },
    Case {
        name: "inspect_after_system_exit",
        pythonpath: false,
        args: &["-i", "-c", "raise SystemExit(3)"],
        stdin: "print('still here')\n",
        stdout: "still here\n",
        stderr: "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nSystemExit: 3\n>>> >>> \n",
        status: 0,
    },
    Case {
        name: "inspect_exit_status",
        pythonpath: false,
        args: &["-qi"],
        stdin: "exit(4)\n",
        stdout: "",
        stderr: ">>> ",
        status: 4,
    },
    Case {
        name: "quiet_inspect",
        pythonpath: false,
        args: &["-q", "-i"],
        stdin: "6 * 7\n",
        stdout: "42\n",
        stderr: ">>> >>> \n",
        status: 0,
    },
    Case {
        name: "inspect_ps1",
        pythonpath: false,
        args: &["-qi"],
        stdin: "import sys; sys.ps1 = 'py> '\n1\n",
        stdout: "1\n",
        stderr: ">>> py> py> \n",
        status: 0,
    },
    Case {
        name: "pythonpath_honoured",
        pythonpath: true,
        args: &["-c", "import rpy_pp_probe; print(rpy_pp_probe.VALUE)"],
        stdin: "",
        stdout: "from PYTHONPATH\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "pythonpath_ignored_with_E",
        pythonpath: true,
        args: &["-E", "-c", "import rpy_pp_probe"],
        stdin: "",
        stdout: "",
        stderr: "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'rpy_pp_probe'\n",
        status: 1,
    },
    Case {
        name: "pythonpath_ignored_with_I",
        pythonpath: true,
        args: &["-I", "-c", "import rpy_pp_probe"],
        stdin: "",
        stdout: "",
        stderr: "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'rpy_pp_probe'\n",
        status: 1,
    },
    Case {
        name: "banner_on_inspect",
        pythonpath: false,
        args: &["-i"],
        stdin: "",
        stdout: "",
        stderr: "Python 3.11.7 [BUILD] on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n>>> \n",
        status: 0,
    },
    Case {
        name: "warn_and_x_options",
        pythonpath: false,
        args: &["-W", "ignore", "-X", "dev", "-Xa=b", "-c", "import sys; print(sys.warnoptions, sys._xoptions)"],
        stdin: "",
        stdout: "['default', 'ignore'] {'dev': True, 'a': 'b'}\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "inspect_compound_statements",
        pythonpath: false,
        args: &["-qi"],
        stdin: "def dec(f):\n    return f\n\n@dec\ndef g():\n    return 'g'\n\ng()\nx = 3\nif x > 5:\n    print('big')\nelse:\n    print('small')\n\ntry:\n    1/0\nexcept ZeroDivisionError as e:\n    print('caught', e)\nfinally:\n    print('done')\n\nclass K:\n    a = 1\n\n    b = 2\ns = \"\"\"one\ntwo\"\"\"\ns\ny = 1 + \\\n2\ny\nx = 1; y = 2\nx + y  # comment\nprint('no newline', end='')\nfor i in range(3):\n    i\n\nfor i in range(2):\n    print(i)\n    1/0\n\ndef h():\n    x = )\n  \n[1,\n2,\n3]\n{'a': 1}\n(lambda: 0)()\n1 if True else 2\nimport sys\nsys.displayhook = lambda v: print('hook', v)\n5\ndel sys.displayhook\n7\n",
        stdout: "'g'\nsmall\ncaught division by zero\ndone\n'one\\ntwo'\n3\n3\nno newline0\n1\n2\n0\n[1, 2, 3]\n{'a': 1}\n0\n1\nhook 5\n",
        stderr: ">>> ... ... >>> ... ... ... >>> >>> >>> ... ... ... ... >>> ... ... ... ... ... ... >>> ... ... >>>   File \"<stdin>\", line 1\n    b = 2\nIndentationError: unexpected indent\n>>> ... >>> >>> ... >>> >>> >>> >>> >>> ... ... >>> ... ... ... Traceback (most recent call last):\n  File \"<stdin>\", line 3, in <module>\nZeroDivisionError: division by zero\n>>> ...   File \"<stdin>\", line 2\n    x = )\n        ^\nSyntaxError: unmatched ')'\n>>> >>> ... ... >>> >>> >>> >>> >>> >>> >>> >>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nRuntimeError: lost sys.displayhook\n>>> \n",
        status: 0,
    },
    Case {
        name: "inspect_missing_file",
        pythonpath: false,
        args: &["-i", "nonexist.py"],
        stdin: "print(2)\n",
        stdout: "2\n",
        stderr: "PROG: can't open file 'CWD/nonexist.py': [Errno 2] No such file or directory\n>>> >>> \n",
        status: 0,
    },
    Case {
        name: "module_not_found",
        pythonpath: false,
        args: &["-m", "no_such_mod_rpy"],
        stdin: "",
        stdout: "",
        stderr: "PROG: No module named no_such_mod_rpy\n",
        status: 1,
    },
    Case {
        name: "module_from_pythonpath_dir",
        pythonpath: false,
        args: &["-c", "import sys; print(sys.argv[0], len(sys.argv))", "-i"],
        stdin: "",
        stdout: "-c 2\n",
        stderr: "",
        status: 0,
    },

    Case {
        name: "optimize_drops_asserts",
        pythonpath: false,
        args: &["-O", "-c", "import sys\nassert False\ndef f():\n    'd'\nprint(sys.flags.optimize, __debug__, f.__doc__)"],
        stdin: "",
        stdout: "1 False d\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "optimize_twice_drops_docstrings",
        pythonpath: false,
        args: &["-OO", "-c", "import sys\nassert False\ndef f():\n    'd'\nprint(sys.flags.optimize, __debug__, f.__doc__)"],
        stdin: "",
        stdout: "2 False None\n",
        stderr: "",
        status: 0,
    },
    Case {
        name: "sys_flags_from_options",
        pythonpath: false,
        args: &["-I", "-s", "-S", "-b", "-q", "-X", "dev", "-c", "import sys; f=sys.flags; print(f.isolated, f.ignore_environment, f.safe_path, f.no_user_site, f.no_site, f.bytes_warning, f.quiet, f.dev_mode, f.inspect, f.optimize)"],
        stdin: "",
        stdout: "1 1 True 1 1 1 1 True 0 0\n",
        stderr: "",
        status: 0,
    },
];

/// A scratch directory: the working directory of the runs, with the
/// PYTHONPATH probe module in `pp/`.
fn scratch() -> PathBuf {
    let d = std::env::temp_dir().join(format!("rpy-cli-options-{}", std::process::id()));
    let pp = d.join("pp");
    std::fs::create_dir_all(&pp).expect("create scratch dir");
    std::fs::write(pp.join("rpy_pp_probe.py"), "VALUE = 'from PYTHONPATH'\n")
        .expect("write probe module");
    d
}

/// Runs `exe` like the recording did; returns normalised (stdout, stderr,
/// status).
fn run(exe: &Path, case: &Case, dir: &Path) -> Result<(String, String, i32), Failed> {
    let mut cmd = Command::new(exe);
    cmd.args(case.args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    if case.pythonpath {
        cmd.env("PYTHONPATH", dir.join("pp"));
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("spawn {}: {e}", exe.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let _ = stdin.write_all(case.stdin.as_bytes());
    }
    let out = child.wait_with_output().map_err(|e| format!("wait: {e}"))?;
    let cwd = format!("{}/", dir.display());
    let mut err =
        normalise_program_name(&String::from_utf8_lossy(&out.stderr)).replace(&cwd, "CWD/");
    if let Some(rest) = err.strip_prefix("Python 3.11.7 (") {
        if let Some((first, tail)) = rest.split_once('\n') {
            let platform = first.rsplit_once(" on ").map(|x| x.1).unwrap_or("");
            err = format!("Python 3.11.7 [BUILD] on {platform}\n{tail}");
        }
    }
    let status = out.status.code().unwrap_or(-1);
    Ok((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
        status,
    ))
}

/// The program name CPython prints is its own path (argv[0] as resolved by
/// the launcher); both become PROG.
fn normalise_program_name(err: &str) -> String {
    err.split_inclusive('\n')
        .map(|line| {
            if let Some((_, rest)) = line
                .strip_prefix("usage: ")
                .and_then(|l| l.split_once(" [option]"))
            {
                format!("usage: PROG [option]{rest}")
            } else if let Some((_, rest)) = line.split_once(": can't open file ") {
                format!("PROG: can't open file {rest}")
            } else if let Some((p, rest)) = line.split_once(": No module named ") {
                if p.contains("Error") {
                    line.to_owned()
                } else {
                    format!("PROG: No module named {rest}")
                }
            } else {
                line.to_owned()
            }
        })
        .collect()
}

fn compare(who: &str, case: &Case, got: (String, String, i32)) -> Result<(), Failed> {
    let want = (case.stdout.to_owned(), case.stderr.to_owned(), case.status);
    if got == want {
        return Ok(());
    }
    Err(format!(
        "{who} differs from the CPython recording for {:?}\n--- want stdout\n{}\n--- got stdout\n{}\n--- want stderr\n{}\n--- got stderr\n{}\n--- status want {} got {}",
        case.args, want.0, got.0, want.1, got.1, want.2, got.2
    )
    .into())
}

/// `python3` if it is CPython 3.11 (the recording's oracle).
fn oracle() -> Option<PathBuf> {
    let exe = std::env::var("RPY_ORACLE").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&exe).arg("-V").output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .starts_with("Python 3.11.")
        .then(|| PathBuf::from(exe))
}

fn main() {
    let args = Arguments::from_args();
    let dir = scratch();
    let rpy = PathBuf::from(env!("CARGO_BIN_EXE_rpy"));
    let oracle = oracle();
    let mut trials = Vec::new();
    for case in CASES {
        let (d, r) = (dir.clone(), rpy.clone());
        trials.push(Trial::test(case.name, move || {
            compare("rpy", case, run(&r, case, &d)?)
        }));
        if let Some(py) = oracle.clone() {
            let d = dir.clone();
            trials.push(Trial::test(format!("{}::cpython", case.name), move || {
                compare("python3", case, run(&py, case, &d)?)
            }));
        }
    }
    let conclusion = libtest_mimic::run(&args, trials);
    let _ = std::fs::remove_dir_all(&dir);
    conclusion.exit();
}
