//! The expected-failure list `Lib/test_subset/KNOWN_FAILURES`: one program
//! name per line, `# reason` allowed, blank lines ignored.

use std::collections::BTreeMap;

/// Program name -> the reason written after `#` (possibly empty).
pub fn parse(text: &str) -> BTreeMap<String, String> {
    let mut list = BTreeMap::new();
    for line in text.lines() {
        let (name, reason) = match line.split_once('#') {
            Some((name, reason)) => (name.trim(), reason.trim()),
            None => (line.trim(), ""),
        };
        if !name.is_empty() {
            list.insert(name.to_string(), reason.to_string());
        }
    }
    list
}

/// The file's text for `failing` (name -> reason), sorted, with a header
/// that says how to regenerate it.
pub fn format(failing: &BTreeMap<String, String>) -> String {
    let mut text = String::from(
        "# Programs of Lib/test_subset whose rpy output does not yet match CPython 3.11's.\n\
         # Their tests pass while the output differs and fail once it matches.\n\
         # Regenerate with: bash scripts/update-known-failures.sh\n",
    );
    for (name, reason) in failing {
        if reason.is_empty() {
            text.push_str(&format!("{name}\n"));
        } else {
            text.push_str(&format!("{name}  # {reason}\n"));
        }
    }
    text
}
