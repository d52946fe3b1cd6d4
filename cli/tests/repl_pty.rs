//! Drives the real `rpy` REPL through a pseudo-terminal, as a user would:
//! a multi-line function, a traceback that leaves the REPL running, `_`,
//! Ctrl-C interrupting a busy loop and abandoning a line, history (up
//! arrow, and the history file), tab completion of names and attributes,
//! and Ctrl-D leaving with status 0.
//!
//! Every step waits for the text it expects (generous timeouts, no sleeps),
//! so a loaded machine only makes it slower.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

const TIMEOUT_MS: u64 = 60_000;

/// A fresh HOME so the history file is the test's own.
fn temp_home(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rpy-repl-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create temp HOME");
    d
}

fn spawn(home: &PathBuf, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rpy"));
    cmd.args(args)
        .env("HOME", home)
        .env("TERM", "xterm")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONINSPECT");
    rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn rpy in a pty")
}

/// Types `s` (sent at once, unbuffered).
fn keys(p: &mut PtySession, s: &str) {
    p.send(s).expect("send");
    p.flush().expect("flush");
}

/// Sends a line, then waits for `want` in the output and the next prompt.
fn line_expect(p: &mut PtySession, line: &str, want: &str, prompt: &str) {
    p.send_line(line).expect("send");
    p.flush().expect("flush");
    p.exp_string(want)
        .unwrap_or_else(|e| panic!("after {line:?}: no {want:?}: {e}"));
    p.exp_string(prompt)
        .unwrap_or_else(|e| panic!("after {line:?}: no prompt {prompt:?}: {e}"));
}

#[test]
fn interactive_session() {
    let home = temp_home("session");
    let mut p = spawn(&home, &[]);
    p.exp_string("Python 3.11.7 (rpy ").expect("banner");
    p.exp_string("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.")
        .expect("banner line 2");
    p.exp_string(">>> ").expect("first prompt");

    // Lines typed ahead, before their prompts appear, are all kept.
    keys(&mut p, "a = 20\rb = 30\ra * b + 1\r");
    p.exp_string("601\r\n").expect("typed-ahead lines ran");
    p.exp_string(">>> ").expect("prompt");

    // A function over several lines, ended by an empty line.
    line_expect(&mut p, "def double(x):", "", "... ");
    line_expect(&mut p, "    return x * 2", "", "... ");
    line_expect(&mut p, "", "", ">>> ");
    line_expect(&mut p, "double(21)", "42\r\n", ">>> ");
    // `_` holds the last value shown.
    line_expect(&mut p, "_ + 1", "43\r\n", ">>> ");
    line_expect(&mut p, "None", "", ">>> ");
    line_expect(&mut p, "_ * 10", "430\r\n", ">>> ");

    // An error: traceback on <stdin>, and the REPL goes on.
    keys(&mut p, "double(1) / 0\r");
    p.exp_string("Traceback (most recent call last):")
        .expect("traceback");
    p.exp_string("File \"<stdin>\", line 1, in <module>")
        .expect("tb entry");
    p.exp_string("ZeroDivisionError: division by zero")
        .expect("error line");
    p.exp_string(">>> ").expect("prompt after error");
    line_expect(&mut p, "double(5)", "10\r\n", ">>> ");

    // Ctrl-C interrupts running code; the REPL survives.
    line_expect(&mut p, "def spin():", "", "... ");
    line_expect(&mut p, "    print('spin' + 'ning')", "", "... ");
    line_expect(&mut p, "    while True: pass", "", "... ");
    line_expect(&mut p, "", "", ">>> ");
    keys(&mut p, "spin()\r");
    p.exp_string("spinning").expect("loop started");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("in spin").expect("traceback through spin");
    p.exp_string("KeyboardInterrupt")
        .expect("KeyboardInterrupt");
    p.exp_string(">>> ").expect("prompt after interrupt");
    line_expect(&mut p, "double(50)", "100\r\n", ">>> ");

    // Ctrl-C at the prompt abandons the line.
    keys(&mut p, "unfinished");
    p.exp_string("unfinished").expect("echo");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("KeyboardInterrupt")
        .expect("KeyboardInterrupt at prompt");
    p.exp_string(">>> ").expect("prompt after ctrl-c");

    // History: the up arrow brings back the last line.
    keys(&mut p, "\x1b[A");
    p.exp_string("double(50)").expect("history recall");
    keys(&mut p, "\r");
    p.exp_string("100\r\n").expect("recalled line ran");
    p.exp_string(">>> ").expect("prompt");

    // Tab completion: a global name, then an attribute via dir().
    keys(&mut p, "doub\t");
    p.exp_string("double(").expect("name completed");
    line_expect(&mut p, "7)", "14\r\n", ">>> ");
    line_expect(&mut p, "class Box:", "", "... ");
    line_expect(&mut p, "    contents_size = 77", "", "... ");
    line_expect(&mut p, "", "", ">>> ");
    keys(&mut p, "Box.contents_s\t");
    p.exp_string("Box.contents_size")
        .expect("attribute completed");
    line_expect(&mut p, " + 1", "78\r\n", ">>> ");

    // Ctrl-D leaves with status 0 and saves the history.
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("eof");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, code)) => assert_eq!(code, 0),
        other => panic!("rpy did not exit normally: {other:?}"),
    }
    let hist = std::fs::read_to_string(home.join(".rpy_history")).expect("history file written");
    assert!(hist.contains("double(50)"), "history: {hist:?}");
    assert!(hist.contains("def spin():"), "history: {hist:?}");
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn input_interrupt_and_exit_status() {
    let home = temp_home("exit");
    let mut p = spawn(&home, &["-q"]);
    p.exp_string(">>> ").expect("prompt");
    line_expect(&mut p, "x = 6 * 7", "", ">>> ");
    // input() reads the terminal; Ctrl-C while it waits interrupts it.
    keys(&mut p, "name = input('na' + 'me? ')\r");
    p.exp_string("name? ").expect("input prompt");
    keys(&mut p, "Bob\r");
    p.exp_string(">>> ").expect("prompt after input");
    line_expect(&mut p, "name * 2", "'BobBob'\r\n", ">>> ");
    keys(&mut p, "input('wait' + 'ing> ')\r");
    p.exp_string("waiting> ").expect("input prompt");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("KeyboardInterrupt")
        .expect("input interrupted");
    p.exp_string(">>> ")
        .expect("prompt after interrupted input");
    keys(&mut p, "exit(x - 39)\r");
    p.exp_eof().expect("eof");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, code)) => assert_eq!(code, 3),
        other => panic!("rpy did not exit normally: {other:?}"),
    }
    let _ = std::fs::remove_dir_all(&home);
}
