//! Turns a run's outcome into the one text that is snapshotted and compared:
//! exit status, stdout and stderr, with an end marker so that trailing
//! newlines (which insta trims) still count.

use super::process::{Ending, Outcome};

/// The comparable text of one run.
pub fn render(outcome: &Outcome) -> String {
    let mut text = String::new();
    match &outcome.ending {
        Ending::Exited(status) => match status.code() {
            Some(code) => text.push_str(&format!("--- exit: {code} ---\n")),
            None => text.push_str(&format!(
                "--- killed by signal: {} ---\n",
                signal_of(status)
            )),
        },
        Ending::TimedOut(limit) => {
            text.push_str(&format!("--- timed out after {} s ---\n", limit.as_secs()))
        }
    }
    push_stream(
        &mut text,
        "stdout",
        &outcome.stdout,
        outcome.stdout_truncated,
    );
    push_stream(
        &mut text,
        "stderr",
        &outcome.stderr,
        outcome.stderr_truncated,
    );
    text.push_str("--- end ---\n");
    text
}

#[cfg(unix)]
fn signal_of(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    status
        .signal()
        .map_or_else(|| "?".to_string(), |s| s.to_string())
}

#[cfg(not(unix))]
fn signal_of(_status: &std::process::ExitStatus) -> String {
    "?".to_string()
}

fn push_stream(text: &mut String, label: &str, bytes: &[u8], truncated: bool) {
    text.push_str(&format!("--- {label} ---\n"));
    let shown = escape(bytes);
    text.push_str(&shown);
    if !shown.is_empty() && !shown.ends_with('\n') {
        text.push_str("\n--- (no newline at end of ");
        text.push_str(label);
        text.push_str(") ---\n");
    }
    if truncated {
        text.push_str("--- (");
        text.push_str(label);
        text.push_str(" truncated) ---\n");
    }
}

/// UTF-8 text stays as is; invalid bytes and control characters other than
/// newline and tab become visible escapes, so insta's line-ending
/// normalisation cannot hide a difference.
fn escape(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\n' || c == '\t' || !c.is_control() {
                out.push(c);
            } else {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}
