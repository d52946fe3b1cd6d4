//! Snapshot tests: every program in `Lib/test_subset/` runs under `rpy` and
//! must print exactly what CPython 3.11 prints (stdout, stderr, exit status).
//!
//! The expected output is an insta snapshot under `snapshots/test_subset/`,
//! always produced by CPython: when `python3` (3.11) is present, each test
//! also runs the program under it and asserts with insta that the stored
//! snapshot equals CPython's live output, so a snapshot cannot drift from the
//! oracle. rpy's output is only ever compared, never written anywhere.
//!
//! Each program runs with cwd `Lib/test_subset`, its file name as the only
//! argument, stdin from `<name>.stdin` (else empty) and a timeout; the
//! absolute path of `Lib/test_subset/` is cut from the output.
//!
//! Programs listed in `Lib/test_subset/KNOWN_FAILURES` are expected to differ:
//! their test passes while rpy's output differs and fails once it matches.
//!
//! Environment:
//! - `INSTA_UPDATE=always`: write snapshots from CPython's output.
//! - `RPY_UPDATE_KNOWN_FAILURES=1`: rewrite KNOWN_FAILURES to the programs
//!   that currently fail (used by `scripts/update-known-failures.sh`).
//! - `RPY_SNAPSHOT_TIMEOUT=<seconds>`: per-run time limit (default 20).
//! - `RPY_ORACLE=<path>`: the CPython to compare with (default `python3`);
//!   `RPY_ORACLE=none` compares with the stored snapshots only.
//! - `RPY_SNAPSHOT_BIN=<path>`: run this instead of the built `rpy` (to
//!   check the harness itself, e.g. with python3 every program must match).
#![forbid(unsafe_code)]

mod snapshot_harness;

use libtest_mimic::{Arguments, Failed, Trial};
use snapshot_harness::{known, process, render, snapfile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What happened to one program under rpy.
#[derive(Clone)]
struct ProgramResult {
    matched: bool,
    /// Why it differs (empty when it matched), for KNOWN_FAILURES.
    reason: String,
}

struct Harness {
    subset: PathBuf,
    snapshots: PathBuf,
    rpy: PathBuf,
    oracle: Option<PathBuf>,
    known: BTreeMap<String, String>,
    timeout: Duration,
    results: Mutex<BTreeMap<String, ProgramResult>>,
}

fn main() {
    let args = Arguments::from_args();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."));
    let subset = repo.join("Lib").join("test_subset");
    let known_text = std::fs::read_to_string(subset.join("KNOWN_FAILURES")).unwrap_or_default();
    let timeout = std::env::var("RPY_SNAPSHOT_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let oracle = find_oracle();
    if oracle.is_none() {
        eprintln!("snapshots: no python3 3.11 found; comparing with the stored snapshots only");
    }
    let harness = Arc::new(Harness {
        snapshots: repo.join("snapshots").join("test_subset"),
        subset,
        rpy: std::env::var_os("RPY_SNAPSHOT_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_rpy"))),
        oracle,
        known: known::parse(&known_text),
        timeout: Duration::from_secs(timeout),
        results: Mutex::new(BTreeMap::new()),
    });

    let programs = match discover(&harness.subset) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("snapshots: {e}");
            std::process::exit(101);
        }
    };

    let mut trials = Vec::new();
    for name in &programs {
        let h = Arc::clone(&harness);
        let n = name.clone();
        trials.push(Trial::test(name.clone(), move || h.check(&n)));
    }
    {
        let h = Arc::clone(&harness);
        let p = programs.clone();
        trials.push(Trial::test(
            "meta::known_failures_name_programs",
            move || h.check_known_list(&p),
        ));
        let h = Arc::clone(&harness);
        let p = programs.clone();
        trials.push(Trial::test("meta::no_orphan_snapshots", move || {
            h.check_orphans(&p)
        }));
        let h = Arc::clone(&harness);
        let p = programs.clone();
        trials.push(Trial::test("meta::snapshots_parse", move || {
            h.check_snapshots_parse(&p)
        }));
    }

    let conclusion = libtest_mimic::run(&args, trials);

    let results = harness
        .results
        .lock()
        .map(|r| r.clone())
        .unwrap_or_default();
    if !results.is_empty() {
        let pass = results.values().filter(|r| r.matched).count();
        let known_fail = results
            .iter()
            .filter(|(n, r)| !r.matched && harness.known.contains_key(*n))
            .count();
        println!("snapshots: {pass} pass, {known_fail} known failures");
        let unexpected = results.len() - pass - known_fail;
        if unexpected > 0 {
            println!(
                "snapshots: {unexpected} not in KNOWN_FAILURES differ from CPython (see above)"
            );
        }
    }
    if std::env::var_os("RPY_UPDATE_KNOWN_FAILURES").is_some() {
        harness.rewrite_known(&programs, &results);
    }
    conclusion.exit();
}

/// Top-level `*.py` files not starting with `_`, sorted by name.
fn discover(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if let Some(stem) = file_name.strip_suffix(".py") {
            if !stem.starts_with('_') && entry.path().is_file() {
                names.push(stem.to_string());
            }
        }
    }
    names.sort();
    Ok(names)
}

/// `python3` (or `$RPY_ORACLE`) if it is CPython 3.11.
fn find_oracle() -> Option<PathBuf> {
    let candidate = std::env::var("RPY_ORACLE").unwrap_or_else(|_| "python3".to_string());
    if candidate == "none" {
        return None;
    }
    let out = Command::new(&candidate)
        .args([
            "-c",
            "import sys; print(sys.implementation.name, *sys.version_info[:2])",
        ])
        .output()
        .ok()?;
    if String::from_utf8_lossy(&out.stdout).trim() == "cpython 3 11" {
        Some(PathBuf::from(candidate))
    } else {
        eprintln!("snapshots: {candidate} is not CPython 3.11; not used as the oracle");
        None
    }
}

impl Harness {
    fn run(&self, interpreter: &Path, name: &str) -> Result<String, String> {
        let file = format!("{name}.py");
        let stdin = std::fs::read(self.subset.join(format!("{name}.stdin"))).unwrap_or_default();
        let outcome = process::run(interpreter, &[&file], &self.subset, stdin, self.timeout)?;
        // CPython 3.11 shows the script's absolute path (`__file__`,
        // tracebacks, warnings); the snapshot must not depend on where the
        // repository lives, so that directory is cut from both outputs.
        let mut text = render::render(&outcome);
        for dir in [
            self.subset.clone(),
            self.subset.canonicalize().unwrap_or_default(),
        ] {
            let prefix = format!("{}/", dir.display());
            if prefix.len() > 1 {
                text = text.replace(&prefix, "");
            }
        }
        Ok(text)
    }

    /// The snapshot content: checked against live CPython when present.
    fn expected(&self, name: &str) -> Result<String, Failed> {
        if let Some(python) = &self.oracle {
            let cpython = self.run(python, name)?;
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(&self.snapshots);
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_description(format!(
                "CPython 3.11 running Lib/test_subset/{name}.py: exit status, stdout, stderr"
            ));
            // Panics (caught by libtest-mimic) when the snapshot is stale.
            settings.bind(|| insta::assert_snapshot!(name, cpython.as_str()));
            return Ok(snapfile::normalise(&cpython));
        }
        let path = self.snapshots.join(format!("{name}.snap"));
        let text = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "no snapshot {} ({e}); generate it with python3 3.11 present",
                path.display()
            )
        })?;
        snapfile::content(&text)
            .ok_or_else(|| format!("malformed snapshot {}", path.display()).into())
    }

    fn check(&self, name: &str) -> Result<(), Failed> {
        let expected = self.expected(name)?;
        let actual = snapfile::normalise(&self.run(&self.rpy, name)?);
        let matched = actual == expected;
        let reason = if matched {
            String::new()
        } else {
            why_differs(&expected, &actual)
        };
        if let Ok(mut results) = self.results.lock() {
            results.insert(
                name.to_string(),
                ProgramResult {
                    matched,
                    reason: reason.clone(),
                },
            );
        }
        match (matched, self.known.contains_key(name)) {
            (true, false) | (false, true) => Ok(()),
            (true, true) => Err(format!(
                "{name} now passes: remove it from Lib/test_subset/KNOWN_FAILURES"
            )
            .into()),
            (false, false) => Err(format!(
                "rpy's output differs from CPython's ({reason}):\n{}",
                diff(&expected, &actual)
            )
            .into()),
        }
    }

    fn check_known_list(&self, programs: &[String]) -> Result<(), Failed> {
        let stale: Vec<&String> = self
            .known
            .keys()
            .filter(|k| !programs.contains(k))
            .collect();
        if stale.is_empty() {
            Ok(())
        } else {
            Err(format!("KNOWN_FAILURES names no such program: {stale:?}").into())
        }
    }

    fn check_orphans(&self, programs: &[String]) -> Result<(), Failed> {
        let Ok(entries) = std::fs::read_dir(&self.snapshots) else {
            return Ok(());
        };
        let mut orphans = Vec::new();
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = file_name.strip_suffix(".snap") {
                if !programs.iter().any(|p| p == stem) {
                    orphans.push(file_name);
                }
            }
        }
        if orphans.is_empty() {
            Ok(())
        } else {
            Err(format!("snapshots of no program (delete them): {orphans:?}").into())
        }
    }

    /// The no-python3 path reads `.snap` files by hand: every stored
    /// snapshot must parse into a complete rendered run.
    fn check_snapshots_parse(&self, programs: &[String]) -> Result<(), Failed> {
        let mut bad = Vec::new();
        for name in programs {
            let path = self.snapshots.join(format!("{name}.snap"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue; // a missing snapshot fails that program's own test
            };
            let ok = snapfile::content(&text).is_some_and(|c| {
                c.starts_with("--- ")
                    && c.contains("\n--- stdout ---\n")
                    && c.ends_with("--- end ---")
            });
            if !ok {
                bad.push(name.clone());
            }
        }
        if bad.is_empty() {
            Ok(())
        } else {
            Err(format!("snapshots that do not parse: {bad:?}").into())
        }
    }

    fn rewrite_known(&self, programs: &[String], results: &BTreeMap<String, ProgramResult>) {
        if programs.iter().any(|p| !results.contains_key(p)) {
            eprintln!("snapshots: not every program ran; KNOWN_FAILURES left unchanged");
            return;
        }
        let failing: BTreeMap<String, String> = results
            .iter()
            .filter(|(_, r)| !r.matched)
            .map(|(n, r)| (n.clone(), r.reason.clone()))
            .collect();
        let path = self.subset.join("KNOWN_FAILURES");
        match std::fs::write(&path, known::format(&failing)) {
            Ok(()) => println!(
                "snapshots: KNOWN_FAILURES rewritten with {} programs",
                failing.len()
            ),
            Err(e) => eprintln!("snapshots: writing {}: {e}", path.display()),
        }
    }
}

/// A one-line hint of the first difference, for KNOWN_FAILURES and messages.
fn why_differs(expected: &str, actual: &str) -> String {
    let first_line = |s: &str| s.lines().next().unwrap_or_default().to_string();
    let (exp_status, act_status) = (first_line(expected), first_line(actual));
    let stderr_tail = |s: &str| {
        let stderr = s.split("--- stderr ---\n").nth(1).unwrap_or_default();
        stderr
            .lines()
            .rfind(|l| !l.starts_with("--- "))
            .unwrap_or_default()
            .to_string()
    };
    let mut reason = if exp_status != act_status {
        let tail = stderr_tail(actual);
        format!(
            "{} instead of {}{}{}",
            act_status.trim_matches(['-', ' ']),
            exp_status.trim_matches(['-', ' ']),
            if tail.is_empty() { "" } else { ": " },
            tail
        )
    } else {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        format!("output differs from line {}", line + 1)
    };
    if reason.chars().count() > 100 {
        reason = reason.chars().take(97).collect::<String>() + "...";
    }
    reason.replace('#', "No.")
}

/// A unified diff, capped so a runaway output keeps the report readable.
fn diff(expected: &str, actual: &str) -> String {
    // Diffing cost grows with the product of sizes: cut runaway outputs first.
    let head = |s: &str| s.lines().take(400).collect::<Vec<_>>().join("\n") + "\n";
    let (expected, actual) = (head(expected), head(actual));
    let text = similar::TextDiff::configure()
        .timeout(Duration::from_secs(2))
        .diff_lines(&expected, &actual)
        .unified_diff()
        .context_radius(3)
        .header("CPython 3.11 (snapshot)", "rpy")
        .to_string();
    let mut lines: Vec<&str> = text.lines().take(200).collect();
    if text.lines().count() > 200 {
        lines.push("... (diff truncated)");
    }
    lines.join("\n")
}
