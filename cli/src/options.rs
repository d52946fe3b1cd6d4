//! The command line, parsed the way CPython 3.11 parses `python3`'s:
//! short flags may be combined (`-qi`), an option's argument may follow it
//! directly or as the next word (`-ccode`, `-c code`), `-c`/`-m`/a file/`-`
//! end the options, `--` ends them too, and errors give CPython's messages
//! with exit status 2.

/// What to run as `__main__`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `-c cmd`.
    Command(String),
    /// `-m mod`.
    Module(String),
    /// A script file.
    File(String),
    /// Standard input: `-` (`dash`) or no program at all.
    Stdin { dash: bool },
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub program: Program,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    /// `-i` (or PYTHONINSPECT): the REPL after the program.
    pub inspect: bool,
    /// `-q`: no banner.
    pub quiet: bool,
    /// `-u` (or PYTHONUNBUFFERED).
    pub unbuffered: bool,
    /// `-E` (also implied by `-I`): PYTHON* variables are ignored.
    pub ignore_env: bool,
    /// `-I`: neither the script's directory nor '' goes on `sys.path`.
    pub isolated: bool,
    /// `-P` (or PYTHONSAFEPATH): like `-I` for `sys.path[0]`.
    pub safe_path: bool,
    /// `-O` count (or PYTHONOPTIMIZE): 1 leaves asserts out, 2 docstrings too.
    pub optimize: u8,
    /// `-d` count (or PYTHONDEBUG): shown in `sys.flags` only.
    pub debug: u8,
    /// `-v` count (or PYTHONVERBOSE): shown in `sys.flags` only.
    pub verbose: u8,
    /// `-b` count: shown in `sys.flags` only (no BytesWarning yet).
    pub bytes_warning: u8,
    /// `-s` (or PYTHONNOUSERSITE; implied by `-I`): rpy has no user site.
    pub no_user_site: bool,
    /// `-S`: rpy has no `site` module to skip.
    pub no_site: bool,
    /// `-W` arguments.
    pub warnoptions: Vec<String>,
    /// `-X` arguments.
    pub xoptions: Vec<String>,
    /// `-x`: skip the first line of the script.
    pub skip_first_line: bool,
}

/// What the command line asks for besides running a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Run(Options),
    /// `-h`/`-?`/`--help`, `--help-env`, `--help-xoptions`, `--help-all`.
    Help(Help),
    /// `-V` (1) / `-VV` (2) / `--version`.
    Version(u8),
    /// A usage error: the message printed before the usage line.
    Usage(String),
}

/// Which help text to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    Options,
    Env,
    XOptions,
    All,
}

/// Flags without an argument that CPython 3.11 accepts.
const FLAGS: &str = "bBdEhiIOPqsSuvVx?";

/// Parses `argv` (`argv[0]` is the program name). `env` reads an
/// environment variable (so that tests need not touch the process's).
pub fn parse(argv: &[String], env: impl Fn(&str) -> Option<String>) -> Action {
    let mut o = Options {
        program: Program::Stdin { dash: false },
        args: Vec::new(),
        inspect: false,
        quiet: false,
        unbuffered: false,
        ignore_env: false,
        isolated: false,
        safe_path: false,
        optimize: 0,
        debug: 0,
        verbose: 0,
        bytes_warning: 0,
        no_user_site: false,
        no_site: false,
        warnoptions: Vec::new(),
        xoptions: Vec::new(),
        skip_first_line: false,
    };
    let mut version = 0u8;
    let mut i = 1;
    let mut program = None;
    'words: while i < argv.len() {
        let word = &argv[i];
        i += 1;
        if word == "--" {
            if let Some(f) = argv.get(i) {
                i += 1;
                program = Some(if f == "-" {
                    Program::Stdin { dash: true }
                } else {
                    Program::File(f.clone())
                });
            }
            break;
        }
        if word == "-" {
            program = Some(Program::Stdin { dash: true });
            break;
        }
        if !word.starts_with('-') {
            program = Some(Program::File(word.clone()));
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            match long {
                "help" => return Action::Help(Help::Options),
                "help-env" => return Action::Help(Help::Env),
                "help-xoptions" => return Action::Help(Help::XOptions),
                "help-all" => return Action::Help(Help::All),
                "version" => version += 1,
                "check-hash-based-pycs" => match argv.get(i) {
                    Some(v) => {
                        i += 1;
                        if !matches!(v.as_str(), "default" | "always" | "never") {
                            return Action::Usage(
                                "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
                                    .into(),
                            );
                        }
                    }
                    None => {
                        return Action::Usage(
                            "Argument expected for the --check-hash-based-pycs options".into(),
                        )
                    }
                },
                _ => return Action::Usage(format!("unknown option {word}")),
            }
            continue;
        }
        let chars: Vec<char> = word.chars().skip(1).collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            if matches!(c, 'c' | 'm' | 'W' | 'X') {
                let rest: String = chars[j..].iter().collect();
                let arg = if !rest.is_empty() {
                    rest
                } else if let Some(next) = argv.get(i) {
                    i += 1;
                    next.clone()
                } else {
                    return Action::Usage(format!("Argument expected for the -{c} option"));
                };
                match c {
                    'c' => {
                        program = Some(Program::Command(arg));
                        break 'words;
                    }
                    'm' => {
                        program = Some(Program::Module(arg));
                        break 'words;
                    }
                    'W' => o.warnoptions.push(arg),
                    _ => o.xoptions.push(arg),
                }
                break;
            }
            if c == 'J' {
                return Action::Usage("-J is reserved for Jython".into());
            }
            if !FLAGS.contains(c) {
                return Action::Usage(format!("Unknown option: -{c}"));
            }
            match c {
                'h' | '?' => return Action::Help(Help::Options),
                'V' => version += 1,
                'i' => o.inspect = true,
                'q' => o.quiet = true,
                'u' => o.unbuffered = true,
                'E' => o.ignore_env = true,
                'I' => {
                    o.isolated = true;
                    o.ignore_env = true;
                    o.safe_path = true;
                    o.no_user_site = true;
                }
                'P' => o.safe_path = true,
                'O' => o.optimize = o.optimize.saturating_add(1),
                'd' => o.debug = o.debug.saturating_add(1),
                'v' => o.verbose = o.verbose.saturating_add(1),
                'b' => o.bytes_warning = o.bytes_warning.saturating_add(1),
                's' => o.no_user_site = true,
                'S' => o.no_site = true,
                'x' => o.skip_first_line = true,
                // -B: rpy never writes bytecode files.
                _ => {}
            }
        }
    }
    if version > 0 {
        return Action::Version(version);
    }
    if let Some(p) = program {
        o.program = p;
    }
    o.args = argv.get(i..).unwrap_or(&[]).to_vec();
    if !o.ignore_env {
        let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
        o.inspect |= set("PYTHONINSPECT");
        o.unbuffered |= set("PYTHONUNBUFFERED");
        o.safe_path |= set("PYTHONSAFEPATH");
        o.no_user_site |= set("PYTHONNOUSERSITE");
        // A number sets the level, any other non-empty value counts as 1.
        let level = |k: &str| {
            env(k)
                .filter(|v| !v.is_empty())
                .map(|v| v.parse::<u8>().unwrap_or(1))
        };
        if let Some(n) = level("PYTHONOPTIMIZE") {
            o.optimize = o.optimize.max(n);
        }
        if let Some(n) = level("PYTHONDEBUG") {
            o.debug = o.debug.max(n);
        }
        if let Some(n) = level("PYTHONVERBOSE") {
            o.verbose = o.verbose.max(n);
        }
    }
    Action::Run(o)
}

/// CPython's usage line, with our program name.
pub fn usage_line(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n")
}

/// What a usage error prints on stderr (exit status 2).
pub fn usage_error(prog: &str, msg: &str) -> String {
    format!(
        "{msg}\n{}Try `python -h' for more information.\n",
        usage_line(prog)
    )
}

/// The help text `which` asks for: rpy's own, in the shape of CPython's.
pub fn help_text(prog: &str, which: Help) -> String {
    let mut s = String::new();
    if matches!(which, Help::Options | Help::All) {
        s.push_str(&usage_line(prog));
        s.push_str(OPTIONS_HELP);
    }
    if matches!(which, Help::Env | Help::All) {
        s.push_str(ENV_HELP);
    }
    if matches!(which, Help::XOptions | Help::All) {
        s.push_str(XOPTIONS_HELP);
    }
    s
}

const OPTIONS_HELP: &str = "Options (and corresponding environment variables):
-b     : shown in sys.flags (rpy issues no BytesWarning yet)
-B     : accepted for compatibility (rpy writes no .pyc files)
-c cmd : program passed in as string (terminates option list)
-d     : shown in sys.flags (no parser debug output); also PYTHONDEBUG=x
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; also
         PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-P     : don't prepend the script's directory or '' to sys.path;
         also PYTHONSAFEPATH
-q     : don't print the version banner on interactive startup
-s     : shown in sys.flags (rpy has no user site directory);
         also PYTHONNOUSERSITE
-S     : shown in sys.flags (rpy has no site module)
-u     : unbuffered stdout and stderr; also PYTHONUNBUFFERED=x
-v     : shown in sys.flags (rpy does not trace imports); also
         PYTHONVERBOSE=x
-V     : print the Python version number and exit (also --version);
         when given twice, print rpy's version as well
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : implementation-specific option (see --help-xoptions)
--check-hash-based-pycs always|default|never:
         accepted for compatibility (no effect)
--help-env      : print help about the environment variables and exit
--help-xoptions : print help about the -X options and exit
--help-all      : print complete help information and exit
Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

const ENV_HELP: &str = "Environment variables that change behavior:
PYTHONSTARTUP: file executed on interactive startup (no default)
PYTHONPATH   : ':'-separated list of directories prefixed to the
               default module search path.  The result is sys.path.
PYTHONINSPECT: if this variable is set, it is equivalent to the -i option.
PYTHONUNBUFFERED: if set, it is equivalent to the -u option.
PYTHONSAFEPATH: if set, it is equivalent to the -P option.
PYTHONOPTIMIZE: if set, it is equivalent to the -O option (a number
               gives the level).
PYTHONDEBUG, PYTHONVERBOSE: like -d and -v (shown in sys.flags).
PYTHONNOUSERSITE: like -s (shown in sys.flags).
PYTHONWARNINGS: comma-separated warning filters, as for -W.
RPY_LIB      : ':'-separated directories searched instead of the library
               compiled into rpy (rpy's Lib/, then CPython's)
Other PYTHON* variables are not used by rpy.
";

const XOPTIONS_HELP: &str = "The following implementation-specific options are available:
-X dev: add the default warning filter, as -W default, and set the
    dev_mode attribute of sys.flags to True
-X warn_default_encoding: shown in sys.flags (no EncodingWarning yet)
Any other -X option is accepted, has no effect, and is listed in
sys._xoptions.
";

#[cfg(test)]
mod tests {
    use super::*;

    fn p(words: &[&str]) -> Action {
        let mut argv = vec!["rpy".to_owned()];
        argv.extend(words.iter().map(|w| w.to_string()));
        parse(&argv, |_| None)
    }

    fn run(words: &[&str]) -> Options {
        match p(words) {
            Action::Run(o) => o,
            other => panic!("{words:?} gave {other:?}"),
        }
    }

    #[test]
    fn combined_flags_and_arguments() {
        let o = run(&["-qi", "-uc", "print(1)", "a", "-b"]);
        assert!(o.quiet && o.inspect && o.unbuffered);
        assert_eq!(o.program, Program::Command("print(1)".into()));
        assert_eq!(o.args, ["a", "-b"]);
        let o = run(&["-cpass"]);
        assert_eq!(o.program, Program::Command("pass".into()));
        let o = run(&["-Wdefault", "-X", "dev", "-m", "mod", "x"]);
        assert_eq!(o.warnoptions, ["default"]);
        assert_eq!(o.xoptions, ["dev"]);
        assert_eq!(o.program, Program::Module("mod".into()));
        assert_eq!(o.args, ["x"]);
    }

    #[test]
    fn program_and_dashes() {
        let o = run(&["--", "-c", "x"]);
        assert_eq!(o.program, Program::File("-c".into()));
        assert_eq!(o.args, ["x"]);
        assert_eq!(run(&["-", "a"]).program, Program::Stdin { dash: true });
        assert_eq!(run(&[]).program, Program::Stdin { dash: false });
        let o = run(&["-E", "-I", "-OO", "s.py", "-q"]);
        assert!(o.ignore_env && o.isolated && o.safe_path && !o.quiet);
        assert_eq!(o.optimize, 2);
        assert_eq!(o.args, ["-q"]);
    }

    #[test]
    fn errors_help_version() {
        assert_eq!(p(&["-Z"]), Action::Usage("Unknown option: -Z".into()));
        assert_eq!(p(&["-qZ"]), Action::Usage("Unknown option: -Z".into()));
        assert_eq!(p(&["--foo"]), Action::Usage("unknown option --foo".into()));
        assert_eq!(
            p(&["-i", "-c"]),
            Action::Usage("Argument expected for the -c option".into())
        );
        assert_eq!(p(&["-V", "-Z"]), Action::Usage("Unknown option: -Z".into()));
        assert_eq!(p(&["-h", "-Z"]), Action::Help(Help::Options));
        assert_eq!(p(&["--help-env"]), Action::Help(Help::Env));
        assert_eq!(p(&["--help-xoptions"]), Action::Help(Help::XOptions));
        assert_eq!(p(&["--help-all"]), Action::Help(Help::All));
        assert_eq!(p(&["-VV"]), Action::Version(2));
        assert_eq!(p(&["--version"]), Action::Version(1));
    }

    #[test]
    fn environment() {
        let argv = vec!["rpy".to_owned()];
        let env = |k: &str| (k == "PYTHONINSPECT").then(|| "1".to_owned());
        match parse(&argv, env) {
            Action::Run(o) => assert!(o.inspect),
            other => panic!("{other:?}"),
        }
        let argv = vec!["rpy".to_owned(), "-E".to_owned()];
        match parse(&argv, env) {
            Action::Run(o) => assert!(!o.inspect),
            other => panic!("{other:?}"),
        }
    }
}
