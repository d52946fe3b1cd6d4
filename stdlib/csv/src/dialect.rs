//! `_csv.Dialect`: the validated formatting parameters of readers and
//! writers, made from a registered name, any object with the parameters
//! as attributes (csv.py's `excel` classes), keyword arguments, or a mix
//! (keywords win), with CPython 3.11's checks and messages.

use rpy_vm::{ClassDef, KwArgs, NativeClass, OptArg, PyResult, Value, Vm};

use crate::state;

pub const QUOTE_MINIMAL: i64 = 0;
pub const QUOTE_ALL: i64 = 1;
pub const QUOTE_NONNUMERIC: i64 = 2;
pub const QUOTE_NONE: i64 = 3;

/// The parameters, in the order CPython converts them.
const NAMES: [&str; 8] = [
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// A dialect's parameters.
#[derive(Clone, Debug)]
pub struct Dialect {
    pub delimiter: char,
    pub doublequote: bool,
    pub escapechar: Option<char>,
    pub lineterminator: String,
    pub quotechar: Option<char>,
    pub quoting: i64,
    pub skipinitialspace: bool,
    pub strict: bool,
}

impl NativeClass for Dialect {
    const NAME: &'static str = "Dialect";
    const MODULE: &'static str = "_csv";
    const BASETYPE: bool = true;

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, dialect: OptArg<Value>, kw: KwArgs| {
            resolve(vm, dialect.0, kw.0)
        })
        .params(&["dialect"]);
        c.getter("delimiter", |d: &Self| d.delimiter.to_string());
        c.getter("doublequote", |d: &Self| d.doublequote);
        c.getter("escapechar", |d: &Self| d.escapechar.map(String::from));
        c.getter("lineterminator", |d: &Self| d.lineterminator.clone());
        c.getter("quotechar", |d: &Self| d.quotechar.map(String::from));
        c.getter("quoting", |d: &Self| d.quoting);
        c.getter("skipinitialspace", |d: &Self| d.skipinitialspace);
        c.getter("strict", |d: &Self| d.strict);
    }
}

/// The dialect `dialect` (a name, a Dialect, any object) with the keyword
/// parameters `kw` applied: `Dialect(dialect, **kw)`.
pub fn resolve(vm: &mut Vm, dialect: Option<Value>, kw: Vec<(String, Value)>) -> PyResult<Dialect> {
    let mut given: [Option<Value>; NAMES.len()] = Default::default();
    let mut dialect = dialect;
    for (k, v) in kw {
        match NAMES.iter().position(|n| *n == k) {
            Some(i) => given[i] = Some(v),
            None if k == "dialect" && dialect.is_none() => dialect = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    let dialect = match dialect {
        Some(v) if v.as_str().is_some() => Some(lookup(vm, &v)?),
        other => other,
    };
    if let Some(d) = &dialect {
        if !d.is_none() {
            for (i, name) in NAMES.iter().enumerate() {
                if given[i].is_none() {
                    // Attributes the object lacks keep their defaults.
                    given[i] = vm.get_attr_str(d, name).ok();
                }
            }
        }
    }
    let [delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] =
        given;
    let quoting_given = quoting.is_some();
    let quotechar_is_none = matches!(quotechar, Some(Value::None));
    let delimiter = char_param(vm, "delimiter", delimiter.as_ref(), Some(','))?;
    let doublequote = bool_param(vm, doublequote.as_ref(), true)?;
    let escapechar = char_or_none(vm, "escapechar", escapechar.as_ref(), None)?;
    let lineterminator = match &lineterminator {
        None => Some("\r\n".to_owned()),
        Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(s.to_owned()),
            None => return Err(vm.type_error("\"lineterminator\" must be a string")),
        },
    };
    let quotechar = char_or_none(vm, "quotechar", quotechar.as_ref(), Some('"'))?;
    let mut quoting = match &quoting {
        None => QUOTE_MINIMAL,
        Some(Value::Int(i)) => *i,
        Some(_) => return Err(vm.type_error("\"quoting\" must be an integer")),
    };
    let skipinitialspace = bool_param(vm, skipinitialspace.as_ref(), false)?;
    let strict = bool_param(vm, strict.as_ref(), false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
    };
    if quotechar_is_none && !quoting_given {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    Ok(Dialect {
        delimiter,
        doublequote,
        escapechar,
        lineterminator,
        quotechar,
        quoting,
        skipinitialspace,
        strict,
    })
}

/// The registered dialect `name`, or `_csv.Error("unknown dialect")`.
pub fn lookup(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let Some(reg) = state::dialects(vm) else {
        return Err(state::error(vm, "unknown dialect"));
    };
    let h = vm.hash(name)?;
    match vm.dict_get_hashed(&reg, name, h)? {
        Some(d) => Ok(d),
        None => Err(state::error(vm, "unknown dialect")),
    }
}

/// The single character of a `str` of length 1.
fn one_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// A required character parameter (absent: `default`).
fn char_param(
    vm: &mut Vm,
    name: &str,
    v: Option<&Value>,
    default: Option<char>,
) -> PyResult<Option<char>> {
    let Some(v) = v else { return Ok(default) };
    match v.as_str() {
        Some(s) => match one_char(s) {
            Some(c) => Ok(Some(c)),
            None => Err(vm.type_error(format!("\"{name}\" must be a 1-character string"))),
        },
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("\"{name}\" must be string, not {t}")))
        }
    }
}

/// A character parameter that may be None (unset).
fn char_or_none(
    vm: &mut Vm,
    name: &str,
    v: Option<&Value>,
    default: Option<char>,
) -> PyResult<Option<char>> {
    match v {
        None => Ok(default),
        Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => match one_char(s) {
                Some(c) => Ok(Some(c)),
                None => Err(vm.type_error(format!("\"{name}\" must be a 1-character string"))),
            },
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(format!("\"{name}\" must be string or None, not {t}")))
            }
        },
    }
}

fn bool_param(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.is_true(v),
    }
}
