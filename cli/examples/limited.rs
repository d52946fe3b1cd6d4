//! Runs one program under an embedder's limits, with the whole standard
//! library (frozen and native), and reports how it ended: a tool for
//! trying hostile code and for fuzzing.
//!
//! `cargo run --release -p rpy-cli --example limited -- [--time SECS]
//! [--budget N] [--mem BYTES] [--recursion N] [--sandbox] [--capture]
//! [--stack BYTES] (-c CODE | FILE)`
//!
//! Prints `result: ok` or `result: <ExceptionType>: <message>`, then the
//! wall time and the peak resident memory (Linux) on stderr.

use std::time::{Duration, Instant};

use rpy_vm::Interpreter;

#[derive(Default, Clone)]
struct Opts {
    time: Option<f64>,
    budget: Option<u64>,
    mem: Option<usize>,
    recursion: Option<usize>,
    sandbox: bool,
    capture: bool,
    stack: Option<usize>,
    code: String,
}

fn parse() -> Result<Opts, String> {
    let mut o = Opts::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--time" => o.time = Some(val()?.parse().map_err(|e| format!("{e}"))?),
            "--budget" => o.budget = Some(val()?.parse().map_err(|e| format!("{e}"))?),
            "--mem" => o.mem = Some(val()?.parse().map_err(|e| format!("{e}"))?),
            "--recursion" => o.recursion = Some(val()?.parse().map_err(|e| format!("{e}"))?),
            "--stack" => o.stack = Some(val()?.parse().map_err(|e| format!("{e}"))?),
            "--sandbox" => o.sandbox = true,
            "--capture" => o.capture = true,
            "-c" => o.code = val()?,
            file => o.code = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?,
        }
    }
    Ok(o)
}

fn run(o: Opts) -> String {
    let mut b = Interpreter::builder()
        .stdlib(&rpy_stdlib_frozen::STDLIB)
        .sandbox(o.sandbox)
        .capture_output(o.capture);
    if let Some(t) = o.time {
        b = b.time_limit(Duration::from_secs_f64(t));
    }
    if let Some(n) = o.budget {
        b = b.instruction_budget(n);
    }
    if let Some(m) = o.mem {
        b = b.memory_limit(m);
    }
    if let Some(r) = o.recursion {
        b = b.recursion_limit(r);
    }
    let (mut interp, _out) = b.build_captured();
    rpy_stdlib::register(&mut interp);
    // Lines `#--entry--` split the program into separate entries (as an
    // embedder's successive `exec` calls); the last one's ending is shown.
    let mut report = String::new();
    for part in o.code.split("\n#--entry--\n") {
        let r = interp.exec(part);
        interp.flush();
        report = match r {
            Ok(()) => "result: ok".to_owned(),
            Err(e) => format!("result: {e}"),
        };
    }
    // The interpreter must stay usable after any ending.
    match interp.eval_as::<i64>("6 * 7") {
        Ok(42) => {}
        other => report.push_str(&format!(" (afterwards 6 * 7 gave {other:?})")),
    }
    drop(interp);
    report
}

fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let o = match parse() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("limited: {e}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    let report = match o.stack {
        Some(size) => {
            let o2 = o.clone();
            match std::thread::Builder::new()
                .stack_size(size)
                .spawn(move || run(o2))
            {
                Ok(h) => h
                    .join()
                    .unwrap_or_else(|_| "result: PANIC (thread)".to_owned()),
                Err(e) => format!("result: no thread: {e}"),
            }
        }
        None => run(o),
    };
    println!("{report}");
    eprintln!(
        "elapsed: {:.3}s peak_rss: {} MiB",
        start.elapsed().as_secs_f64(),
        peak_rss_kib().map_or(0, |k| k / 1024)
    );
}
