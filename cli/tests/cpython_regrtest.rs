//! CPython's own regression tests as rpy's test suite.
//!
//! Each test module of [`MODULES`] (CPython 3.11's `Lib/test/test_*.py`,
//! read unchanged from the installed CPython, never copied here) runs under
//! `rpy` through `cpython_regrtest/driver.py`, which prints one line per
//! test. `cpython_regrtest/expected/<module>.txt` records the tests that
//! passed under rpy (and under CPython) when it was last updated: a test
//! listed there that no longer passes fails this suite, so progress can
//! only go up. Tests that newly pass are reported; record them with
//! `bash scripts/update-cpython-regrtest.sh`.
//!
//! Environment:
//! - `RPY_REGRTEST_UPDATE=1`: run each module under python3 too, rewrite
//!   the expectation files (rpy's passes that CPython also passes) and the
//!   per-module table in `docs/cpython-regrtest.md`.
//! - `RPY_REGRTEST_TIMEOUT=<seconds>`: per-module time limit (default 300).
#![forbid(unsafe_code)]

// Shared with the snapshot harness, which also reads the truncation flags.
#[allow(dead_code)]
#[path = "snapshot_harness/process.rs"]
mod process;

use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The test modules, as the standard-library issue lists them.
const MODULES: &[&str] = &[
    "test_grammar",
    "test_bool",
    "test_int",
    "test_long",
    "test_float",
    "test_complex",
    "test_string",
    "test_unicode",
    "test_bytes",
    "test_list",
    "test_tuple",
    "test_dict",
    "test_set",
    "test_range",
    "test_slice",
    "test_sort",
    "test_enumerate",
    "test_iter",
    "test_generators",
    "test_genexps",
    "test_listcomps",
    "test_setcomps",
    "test_dictcomps",
    "test_scope",
    "test_class",
    "test_descr",
    "test_super",
    "test_exceptions",
    "test_exception_group",
    "test_raise",
    "test_with",
    "test_contextlib",
    "test_augassign",
    "test_binop",
    "test_compare",
    "test_richcmp",
    "test_contains",
    "test_unary",
    "test_pow",
    "test_math",
    "test_format",
    "test_fstring",
    "test_string_literals",
    "test_keywordonlyarg",
    "test_positional_only_arg",
    "test_extcall",
    "test_funcattrs",
    "test_dictviews",
    "test_opcodes",
    "test_patma",
    "test_print",
    "test_builtin",
    "test_types",
    "test_property",
    "test_keyword",
    "test_baseexception",
    "test_unittest",
    "test_functools",
    "test_itertools",
    "test_collections",
    "test_operator",
    "test_json",
    "test_re",
    "test_struct",
    "test_array",
    "test_memoryview",
    "test_os",
    "test_io",
    "test_typing",
    "test_dataclasses",
    "test_enum",
    "test_base64",
    "test_binascii",
    "test_select",
    "test_selectors",
    "test_subprocess",
];

/// What one run of the driver on one module gave.
#[derive(Default, Clone)]
struct Run {
    passed: BTreeSet<String>,
    /// Tests that ran (any outcome).
    ran: usize,
    /// Why the module did not run to its end, if it did not.
    problem: Option<String>,
}

/// Per module: rpy's run.
type Results = Arc<Mutex<BTreeMap<String, Run>>>;

struct Suite {
    here: PathBuf,
    rpy: PathBuf,
    timeout: Duration,
    update: bool,
    results: Results,
}

impl Suite {
    fn expected_path(&self, module: &str) -> PathBuf {
        self.here.join("expected").join(format!("{module}.txt"))
    }

    /// Runs the driver on `module` under `program`, in a scratch directory
    /// (the tests write files in their working directory).
    fn run(&self, program: &Path, module: &str) -> Run {
        let tag = program
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let scratch = std::env::temp_dir().join(format!(
            "rpy-regrtest-{}-{tag}-{module}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&scratch);
        if let Err(e) = std::fs::create_dir_all(&scratch) {
            return Run {
                problem: Some(format!("cannot make {}: {e}", scratch.display())),
                ..Run::default()
            };
        }
        let driver = self.here.join("driver.py");
        let driver = driver.to_string_lossy();
        let outcome = process::run(
            program,
            &[&driver, module],
            &scratch,
            Vec::new(),
            self.timeout,
        );
        let _ = std::fs::remove_dir_all(&scratch);
        let outcome = match outcome {
            Ok(o) => o,
            Err(e) => {
                return Run {
                    problem: Some(e),
                    ..Run::default()
                }
            }
        };
        let mut run = Run::default();
        for line in String::from_utf8_lossy(&outcome.stdout).lines() {
            let Some((kind, rest)) = line.split_once(' ') else {
                continue;
            };
            match kind {
                "PASS" => {
                    run.passed.insert(rest.to_owned());
                    run.ran += 1;
                }
                "FAIL" | "ERROR" | "SKIP" | "XFAIL" | "XPASS" => run.ran += 1,
                "IMPORT-ERROR" => run.problem = Some(format!("does not import: {rest}")),
                _ => {}
            }
        }
        if run.problem.is_none() {
            run.problem = match outcome.ending {
                process::Ending::TimedOut(t) => Some(format!("timed out after {}s", t.as_secs())),
                process::Ending::Exited(s) if !s.success() => {
                    let err = String::from_utf8_lossy(&outcome.stderr);
                    let last = err.lines().last().unwrap_or("").to_owned();
                    Some(format!("exited with {s}: {last}"))
                }
                process::Ending::Exited(_) => None,
            };
        }
        run
    }

    fn expected(&self, module: &str) -> BTreeSet<String> {
        std::fs::read_to_string(self.expected_path(module))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect()
    }

    fn check(&self, module: &str) -> Result<(), Failed> {
        let cpython = self.update.then(|| self.run(Path::new("python3"), module));
        let ours = self.run(&self.rpy, module);
        let expected = self.expected(module);
        if let Some(cpython) = &cpython {
            if let Some(p) = &cpython.problem {
                return Err(format!("CPython itself: {p}").into());
            }
            // Only what CPython also passes is recorded; a test module
            // that timed out under rpy records nothing, as its cut-off
            // point would vary from run to run.
            let kept: Vec<&String> = match ours.problem {
                Some(ref p) if p.starts_with("timed out") => Vec::new(),
                _ => ours.passed.intersection(&cpython.passed).collect(),
            };
            let mut text = format!(
                "# {module}: tests that pass under rpy (and CPython); written by \
                 scripts/update-cpython-regrtest.sh\n\
                 {CPYTHON_PASSES}{}\n",
                cpython.passed.len()
            );
            if let Some(p) = &ours.problem {
                let p: String = p.replace('\n', " ").chars().take(100).collect();
                text.push_str(&format!("{NOTE}{p}\n"));
            }
            for t in kept {
                text.push_str(t);
                text.push('\n');
            }
            std::fs::write(self.expected_path(module), text)
                .map_err(|e| format!("cannot write the expectations of {module}: {e}"))?;
        } else {
            let lost: Vec<&String> = expected.difference(&ours.passed).collect();
            if !lost.is_empty() {
                let mut msg = format!(
                    "{} test(s) of {module} that passed under rpy no longer pass{}:\n",
                    lost.len(),
                    ours.problem
                        .as_deref()
                        .map(|p| format!(" (the module {p})"))
                        .unwrap_or_default()
                );
                for t in lost.iter().take(40) {
                    msg.push_str(&format!("  {t}\n"));
                }
                return Err(msg.into());
            }
        }
        if let Ok(mut r) = self.results.lock() {
            r.insert(module.to_owned(), ours);
        }
        Ok(())
    }
}

/// Header lines of an expectation file: CPython's pass count and why the
/// module did not run to its end under rpy.
const CPYTHON_PASSES: &str = "# cpython passes: ";
const NOTE: &str = "# note: ";

/// One module's row of the table, read back from its expectation file, so
/// that updating some modules keeps the others' rows.
struct Recorded {
    cpython: usize,
    rpy: usize,
    note: String,
}

fn recorded(suite: &Suite, module: &str) -> Option<Recorded> {
    let text = std::fs::read_to_string(suite.expected_path(module)).ok()?;
    let mut row = Recorded {
        cpython: 0,
        rpy: 0,
        note: String::new(),
    };
    let mut has_count = false;
    for line in text.lines() {
        if let Some(n) = line.strip_prefix(CPYTHON_PASSES) {
            row.cpython = n.trim().parse().ok()?;
            has_count = true;
        } else if let Some(n) = line.strip_prefix(NOTE) {
            row.note = n.to_owned();
        } else if !line.is_empty() && !line.starts_with('#') {
            row.rpy += 1;
        }
    }
    has_count.then_some(row)
}

/// The per-module table of `docs/cpython-regrtest.md`.
fn table(suite: &Suite) -> String {
    let mut out = String::from(
        "# CPython's regression tests under rpy\n\n\
         Written by `scripts/update-cpython-regrtest.sh` (see \
         `cli/tests/cpython_regrtest.rs`): per test module of CPython 3.11, \
         the tests CPython passes and how many of them pass under rpy.\n\n\
         | module | CPython passes | rpy passes | % | note |\n\
         |---|---:|---:|---:|---|\n",
    );
    let (mut all_c, mut all_r, mut importing) = (0, 0, 0);
    for m in MODULES {
        let Some(row) = recorded(suite, m) else {
            continue;
        };
        all_c += row.cpython;
        all_r += row.rpy;
        if !row.note.starts_with("does not import") {
            importing += 1;
        }
        let pct = 100.0 * row.rpy as f64 / row.cpython.max(1) as f64;
        let note = row.note.replace('|', "\\|");
        out.push_str(&format!(
            "| {m} | {} | {} | {pct:.0} | {note} |\n",
            row.cpython, row.rpy
        ));
    }
    let pct = 100.0 * all_r as f64 / all_c.max(1) as f64;
    out.push_str(&format!(
        "| **all** | {all_c} | {all_r} | {pct:.0} | {importing} of {} modules import |\n",
        MODULES.len()
    ));
    out
}

fn main() {
    let args = Arguments::from_args();
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cpython_regrtest");
    let timeout = std::env::var("RPY_REGRTEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let suite = Arc::new(Suite {
        here,
        rpy: PathBuf::from(env!("CARGO_BIN_EXE_rpy")),
        timeout: Duration::from_secs(timeout),
        update: std::env::var_os("RPY_REGRTEST_UPDATE").is_some(),
        results: Arc::default(),
    });
    let trials = MODULES
        .iter()
        .map(|m| {
            let suite = Arc::clone(&suite);
            Trial::test(*m, move || suite.check(m))
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    let results = suite.results.lock().map(|r| r.clone()).unwrap_or_default();
    if suite.update {
        let docs = suite.here.join("../../../docs/cpython-regrtest.md");
        if let Err(e) = std::fs::write(&docs, table(&suite)) {
            eprintln!("cannot write {}: {e}", docs.display());
        }
    }
    // Per module: what passes now against what was recorded.
    for (m, r) in &results {
        let expected = suite.expected(m);
        let new = r.passed.difference(&expected).count();
        if new > 0 && !suite.update {
            println!("{m}: {new} test(s) newly pass under rpy (record them with scripts/update-cpython-regrtest.sh)");
        }
    }
    conclusion.exit();
}
