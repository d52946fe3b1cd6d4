//! Tab completion in the REPL, as CPython's rlcompleter does it: a bare
//! name completes from keywords, `__main__`'s globals and the builtins; a
//! dotted name `a.b.c<TAB>` evaluates `a.b` and completes from its `dir()`
//! (names starting with `_` only once the prefix starts with `_`).
//! Callables get a `(` appended. An empty word inserts indentation.

use std::cell::RefCell;
use std::rc::Rc;

use rpy_vm::{Interpreter, Value};
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

/// Python 3.11's `keyword.kwlist`.
const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The rustyline helper of the REPL: completion only.
pub struct PyHelper {
    pub interp: Rc<RefCell<Interpreter>>,
}

fn is_word_char(c: char) -> bool {
    c == '_' || c == '.' || c.is_alphanumeric()
}

impl PyHelper {
    /// The completions of `word` (a name or a dotted name).
    fn candidates(&self, word: &str) -> Vec<String> {
        let Ok(mut interp) = self.interp.try_borrow_mut() else {
            return Vec::new();
        };
        match word.rsplit_once('.') {
            Some((obj, attr)) => attribute_matches(&mut interp, obj, attr),
            None => global_matches(&mut interp, word),
        }
    }
}

fn is_dotted_name(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|p| {
            p.chars()
                .next()
                .is_some_and(|c| c == '_' || c.is_alphabetic())
                && p.chars().all(|c| c == '_' || c.is_alphanumeric())
        })
}

/// Adds `(` to callables, as rlcompleter does.
fn decorate(interp: &mut Interpreter, name: String, v: &Value) -> String {
    let vm = interp.vm();
    let b = vm.builtins_dict.clone();
    let callable = vm
        .dict_get_str(&b, "callable")
        .and_then(|f| vm.call(&f, std::slice::from_ref(v)).ok());
    if matches!(callable, Some(Value::Bool(true))) {
        name + "("
    } else {
        name
    }
}

fn global_matches(interp: &mut Interpreter, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in KEYWORDS {
        if k.starts_with(prefix) {
            let w = match k {
                "finally" | "try" => format!("{k}:"),
                "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => k.to_owned(),
                _ => format!("{k} "),
            };
            out.push(w);
        }
    }
    let main = interp.main_module().dict().cloned();
    let builtins = interp.vm().builtins_dict.clone();
    for d in [main, Some(builtins)].into_iter().flatten() {
        for (k, v) in rpy_vm::dict_entries(&d) {
            let Some(name) = k.as_str().map(|s| s.to_owned()) else {
                continue;
            };
            if name.starts_with(prefix) && !KEYWORDS.contains(&name.as_str()) {
                let w = decorate(interp, name, &v);
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
    }
    out.sort();
    out
}

fn attribute_matches(interp: &mut Interpreter, obj: &str, prefix: &str) -> Vec<String> {
    if !is_dotted_name(obj) {
        return Vec::new();
    }
    let Ok(target) = interp.eval(obj) else {
        return Vec::new();
    };
    let vm = interp.vm();
    let b = vm.builtins_dict.clone();
    let Some(dir) = vm.dict_get_str(&b, "dir") else {
        return Vec::new();
    };
    let names = match vm
        .call(&dir, std::slice::from_ref(&target))
        .and_then(|l| vm.iterate(&l))
    {
        Ok(n) => n,
        Err(_) => return Vec::new(),
    };
    let mut out = Vec::new();
    for n in names {
        let Some(name) = n.as_str().map(|s| s.to_owned()) else {
            continue;
        };
        if !name.starts_with(prefix) {
            continue;
        }
        if name.starts_with('_') && !prefix.starts_with('_') {
            continue;
        }
        let v = interp.vm().get_attr_str(&target, &name).ok();
        let w = match v {
            Some(v) => decorate(interp, name, &v),
            None => name,
        };
        out.push(format!("{obj}.{w}"));
    }
    out.sort();
    out.dedup();
    out
}

impl Completer for PyHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let head = line.get(..pos).unwrap_or(line);
        let start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map(|(i, _)| i)
            .unwrap_or(pos);
        let word = head.get(start..).unwrap_or("");
        if word.is_empty() {
            // Tab on an empty word indents, as in CPython.
            if head.trim().is_empty() {
                let indent = Pair {
                    display: String::new(),
                    replacement: "    ".to_owned(),
                };
                return Ok((pos, vec![indent]));
            }
            return Ok((pos, Vec::new()));
        }
        let pairs = self
            .candidates(word)
            .into_iter()
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl Hinter for PyHelper {
    type Hint = String;
}
impl Highlighter for PyHelper {}
impl Validator for PyHelper {}
impl Helper for PyHelper {}
