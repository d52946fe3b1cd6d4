//! SyntaxError messages and positions, against values CPython 3.11 gave
//! for the same sources (see `data/gen_syntax_errors.py`).

use rpy_compiler::{compile, Mode};

pub struct Case {
    src: &'static str,
    kind: &'static str,
    msg: &'static str,
    line: u32,
    offset: i32,
    end_line: u32,
    end_offset: i32,
    text: Option<&'static str>,
}

mod cases {
    use super::Case;
    include!("data/syntax_error_cases.rs");
}

#[test]
fn syntax_errors_match_cpython() {
    let mut failures = Vec::new();
    for case in cases::CASES {
        let got = match compile(case.src, "f", Mode::Exec) {
            Ok(_) => {
                failures.push(format!("{:?}: compiled, expected {}", case.src, case.msg));
                continue;
            }
            Err(e) => e,
        };
        let expected = (
            case.kind,
            case.msg,
            case.line,
            case.offset,
            case.end_line,
            case.end_offset,
            case.text,
        );
        let actual = (
            got.kind.python_name(),
            got.message.as_str(),
            got.line,
            got.offset,
            got.end_line,
            got.end_offset,
            got.text.as_deref(),
        );
        if expected != actual {
            failures.push(format!(
                "{:?}\n   expected {expected:?}\n   got      {actual:?}",
                case.src
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases::CASES.len(),
        failures.join("\n")
    );
}
