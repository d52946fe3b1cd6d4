//! Typed arguments of native functions and methods: the kinds of
//! parameter a Rust signature can declare ([`FromArg`]: a required
//! [`FromPython`] value, [`OptArg`], [`VarArgs`], [`KwArgs`]) and the one
//! binder ([`Signature::bind`]) that matches a call's arguments to them
//! with CPython's argument messages, in the shapes CPython's own
//! functions have:
//!
//! - positional-only, no names given (argument clinic with `/`):
//!   "array.tolist() takes no arguments (1 given)",
//!   "array.append() takes exactly one argument (0 given)",
//!   "pop expected at most 1 argument, got 2",
//!   "array.pop() takes no keyword arguments";
//! - [`Style::Tuple`] (`PyArg_ParseTuple`): "array() takes at least 1
//!   argument (0 given)";
//! - with parameter names ([`Signature::params`], keywords allowed):
//!   "f() takes at most 2 arguments (3 given)",
//!   "f() missing required argument 'x' (pos 1)",
//!   "'x' is an invalid keyword argument for f()",
//!   "argument for f() given by name ('x') and position (1)".
//!
//! A conversion's "must be str, not int" names the argument as CPython
//! does: "f() argument must be ..." (a single argument), "f() argument 2
//! must be ..." (positional), "f() argument 'x' must be ..." (named).

use std::rc::Rc;

use crate::convert::{FromPython, ToPython};
use crate::native::Args;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// How a parameter takes its argument.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ArgKind {
    /// Must be given.
    Required,
    /// May be omitted ([`OptArg`]).
    Optional,
    /// Collects the remaining positional arguments (`*args`).
    VarArgs,
    /// Collects the keyword arguments no parameter names (`**kwargs`).
    KwArgs,
}

/// One argument as bound to a parameter, before conversion.
#[derive(Default)]
pub enum Bound {
    #[default]
    Missing,
    One(Value),
    Many(Vec<Value>),
    Named(Vec<(String, Value)>),
}

/// The arguments of one call matched to the parameters, consumed in
/// order by the typed signatures. A positional-only signature of single
/// values (the common case: `math.sin(x)`, `deque.append(x)`) reads the
/// call's own argument slice, its count already checked: nothing is
/// copied or allocated. Other signatures bind each parameter first.
pub enum BoundArgs<'a> {
    /// Parameter `i` is argument `i` (absent: an omitted optional one);
    /// `*args` takes the positional arguments after the single values,
    /// `**kwargs` the keyword ones.
    Slice(Args<'a>),
    /// One [`Bound`] per parameter.
    Bound(std::vec::IntoIter<Bound>),
}

impl BoundArgs<'_> {
    /// Converts the argument of parameter `i` (the next one).
    #[inline]
    pub fn take<T: FromArg>(&mut self, vm: &mut Vm, sig: &Signature, i: usize) -> PyResult<T> {
        match self {
            BoundArgs::Slice(args) => match T::KIND {
                ArgKind::Required | ArgKind::Optional => {
                    sig.convert_value(vm, i, args.pos().get(i))
                }
                ArgKind::VarArgs => {
                    let rest = args.pos().get(sig.required + sig.optional..);
                    let b = Bound::Many(rest.unwrap_or(&[]).to_vec());
                    sig.convert(vm, i, b)
                }
                ArgKind::KwArgs => {
                    let kw = args.kw().map(|(k, v)| (k.to_owned(), v.clone()));
                    sig.convert(vm, i, Bound::Named(kw.collect()))
                }
            },
            BoundArgs::Bound(it) => sig.convert(vm, i, it.next().unwrap_or_default()),
        }
    }
}

/// A parameter type of a typed native function: what it accepts and how
/// it converts. Every [`FromPython`] type is a required parameter.
pub trait FromArg: Sized {
    const KIND: ArgKind;
    /// Whether a conversion `TypeError` names the argument (see
    /// [`FromPython::NAMES_ARGUMENT`]).
    const NAMED: bool = true;
    fn from_arg(vm: &mut Vm, b: Bound) -> PyResult<Self>;
    /// The parameter from a positional argument, if given (single-value
    /// kinds; `*args`/`**kwargs` are empty).
    fn from_value(vm: &mut Vm, v: Option<&Value>) -> PyResult<Self>;
}

impl<T: FromPython> FromArg for T {
    const KIND: ArgKind = ArgKind::Required;
    const NAMED: bool = T::NAMES_ARGUMENT;
    fn from_arg(vm: &mut Vm, b: Bound) -> PyResult<Self> {
        match b {
            Bound::One(v) => T::from_python(vm, &v),
            _ => Err(vm.system_error("required argument not bound")),
        }
    }
    #[inline]
    fn from_value(vm: &mut Vm, v: Option<&Value>) -> PyResult<Self> {
        match v {
            Some(v) => T::from_python(vm, v),
            None => Err(vm.system_error("required argument not bound")),
        }
    }
}

/// An optional parameter: `OptArg(None)` when the caller left it out.
#[derive(Clone, Debug, PartialEq)]
pub struct OptArg<T>(pub Option<T>);

impl<T> OptArg<T> {
    /// The argument, or `default` when it was not given.
    pub fn unwrap_or(self, default: T) -> T {
        self.0.unwrap_or(default)
    }

    pub fn into_option(self) -> Option<T> {
        self.0
    }

    pub fn is_given(&self) -> bool {
        self.0.is_some()
    }
}

impl<T: FromPython> FromArg for OptArg<T> {
    const KIND: ArgKind = ArgKind::Optional;
    const NAMED: bool = T::NAMES_ARGUMENT;
    fn from_arg(vm: &mut Vm, b: Bound) -> PyResult<Self> {
        match b {
            Bound::One(v) => T::from_python(vm, &v).map(|x| OptArg(Some(x))),
            _ => Ok(OptArg(None)),
        }
    }
    #[inline]
    fn from_value(vm: &mut Vm, v: Option<&Value>) -> PyResult<Self> {
        match v {
            Some(v) => T::from_python(vm, v).map(|x| OptArg(Some(x))),
            None => Ok(OptArg(None)),
        }
    }
}

/// `*args`: the positional arguments after the named ones.
#[derive(Clone, Debug, Default)]
pub struct VarArgs(pub Vec<Value>);

impl FromArg for VarArgs {
    const KIND: ArgKind = ArgKind::VarArgs;
    fn from_arg(_vm: &mut Vm, b: Bound) -> PyResult<Self> {
        Ok(VarArgs(match b {
            Bound::Many(v) => v,
            _ => Vec::new(),
        }))
    }
    fn from_value(_vm: &mut Vm, _v: Option<&Value>) -> PyResult<Self> {
        Ok(VarArgs(Vec::new()))
    }
}

/// `**kwargs`: the keyword arguments no parameter takes, in call order.
#[derive(Clone, Debug, Default)]
pub struct KwArgs(pub Vec<(String, Value)>);

impl FromArg for KwArgs {
    const KIND: ArgKind = ArgKind::KwArgs;
    fn from_arg(_vm: &mut Vm, b: Bound) -> PyResult<Self> {
        Ok(KwArgs(match b {
            Bound::Named(v) => v,
            _ => Vec::new(),
        }))
    }
    fn from_value(_vm: &mut Vm, _v: Option<&Value>) -> PyResult<Self> {
        Ok(KwArgs(Vec::new()))
    }
}

/// A bytes-like argument (bytes, bytearray, memoryview, array, anything
/// exporting a buffer), copied out: "a bytes-like object is required,
/// not 'str'" otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BytesLike(pub Vec<u8>);

impl FromPython for BytesLike {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match vm.buffer(v)? {
            Some(b) => Ok(BytesLike(b.bytes)),
            None => Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(v)
            ))),
        }
    }
}

impl ToPython for BytesLike {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.new_bytes(self.0))
    }
}

/// A float argument as CPython's `PyFloat_AsDouble` takes it (`math`,
/// `cmath`, `time.sleep`, ...): a float, an int (OverflowError "int too
/// large to convert to float"), `__float__`, then `__index__`; otherwise
/// the bare "must be real number, not str" (CPython does not name the
/// argument).
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Real(pub f64);

impl FromPython for Real {
    const NAMES_ARGUMENT: bool = false;

    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        match v {
            Value::Float(f) => return Ok(Real(*f)),
            Value::Int(i) => return Ok(Real(*i as f64)),
            Value::Bool(b) => return Ok(Real(f64::from(u8::from(*b)))),
            _ => {}
        }
        let k = vm.names.__float__.clone();
        if let Some(r) = vm.call_special(v, &k, &[])? {
            return match crate::objects::float::as_float(&r) {
                Some(f) => Ok(Real(f)),
                None => Err(vm.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(v),
                    vm.type_name(&r)
                ))),
            };
        }
        if let Some(f) = crate::objects::float::as_float(v) {
            return Ok(Real(f));
        }
        if vm.is_index(v) {
            let i = vm.to_index(v)?;
            return crate::objects::int::integer_to_f64(&i)
                .map(Real)
                .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
        }
        Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
    }
}

impl ToPython for Real {
    fn to_python(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Float(self.0))
    }
}

/// An int-or-index argument of any size (`__index__`): "'str' object
/// cannot be interpreted as an integer" otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Index(pub malachite::Integer);

impl FromPython for Index {
    fn from_python(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        if !vm.is_index(v) {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
        vm.to_index(v).map(Index)
    }
}

impl ToPython for Index {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.new_int(self.0))
    }
}

/// An index argument (`__index__`), clamped to `isize` as CPython's
/// `Py_ssize_t` arguments: "'str' object cannot be interpreted as an
/// integer", "cannot fit 'int' into an index-sized integer".
pub fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let i = vm.to_index(v)?;
    isize::try_from(&i).map_err(|_| {
        let t = vm.type_name(v);
        vm.overflow_error(format!("cannot fit '{t}' into an index-sized integer"))
    })
}

/// Which family of CPython messages argument-count errors use.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Style {
    /// Argument clinic (and `METH_NOARGS`/`METH_O`): the default.
    #[default]
    Clinic,
    /// `PyArg_ParseTuple`: "NAME() takes at least 1 argument (0 given)".
    Tuple,
}

/// The signature of a typed native function: its name for messages, the
/// kinds of its parameters (from the Rust signature) and, optionally,
/// their names (which allow keywords).
#[derive(Clone, Debug)]
pub struct Signature {
    /// The name in most messages ("pop").
    pub name: Rc<str>,
    /// The name in "takes no arguments"-style messages ("array.pop").
    pub qualname: Rc<str>,
    pub(crate) kinds: Vec<ArgKind>,
    /// How many parameters of each kind (`kinds` counted once).
    required: usize,
    optional: usize,
    varargs: bool,
    kwargs: bool,
    /// Whether the single-value parameters come before `*args` and
    /// `**kwargs` (so positional binding reads the argument slice).
    singles_first: bool,
    /// Names of the parameters taking one value (Required/Optional), in
    /// order; empty: positional-only.
    names: Vec<Rc<str>>,
    /// How many of the named parameters are positional-only.
    posonly: usize,
    /// How many of the named parameters can be given by position.
    maxpos: usize,
    pub style: Style,
}

impl Signature {
    pub fn new(name: &str, qualname: &str, kinds: Vec<ArgKind>) -> Signature {
        let count = |k: ArgKind| kinds.iter().filter(|x| **x == k).count();
        Signature {
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            required: count(ArgKind::Required),
            optional: count(ArgKind::Optional),
            varargs: kinds.contains(&ArgKind::VarArgs),
            kwargs: kinds.contains(&ArgKind::KwArgs),
            singles_first: kinds
                .iter()
                .skip_while(|k| matches!(k, ArgKind::Required | ArgKind::Optional))
                .all(|k| !matches!(k, ArgKind::Required | ArgKind::Optional)),
            kinds,
            names: Vec::new(),
            posonly: 0,
            maxpos: 0,
            style: Style::Clinic,
        }
    }

    /// Names the parameters as a Python signature would, `/` and `*`
    /// included: `["data", "/", "sep", "*", "flag"]`. Named parameters
    /// can be passed by keyword (those before `/` cannot); those after `*`
    /// only by keyword. Missing names are `argN`; extra ones are ignored.
    pub fn params(&mut self, spec: &[&str]) -> &mut Self {
        let single = self
            .kinds
            .iter()
            .filter(|k| matches!(k, ArgKind::Required | ArgKind::Optional))
            .count();
        let mut names = Vec::new();
        let (mut posonly, mut kwonly) = (0, None);
        for s in spec {
            match *s {
                "/" => posonly = names.len(),
                "*" => kwonly = Some(names.len()),
                n if names.len() < single => names.push(Rc::from(n)),
                _ => {}
            }
        }
        for i in names.len()..single {
            names.push(Rc::from(format!("arg{}", i + 1)));
        }
        self.maxpos = kwonly.unwrap_or(single).min(single);
        self.posonly = posonly.min(self.maxpos);
        self.names = names;
        self
    }

    /// Uses `PyArg_ParseTuple`'s messages: its counts and numbered
    /// arguments ("get_clock_info() argument 1 must be str, not int").
    pub fn tuple_style(&mut self) -> &mut Self {
        self.style = Style::Tuple;
        self
    }

    /// Names the function without its module or type in every message
    /// ("strftime() takes no keyword arguments"), as CPython does for
    /// `METH_VARARGS` functions and those that parse by hand.
    pub fn unqualified(&mut self) -> &mut Self {
        self.qualname = self.name.clone();
        self
    }

    /// Matches `args` to the parameters (see [`BoundArgs`]).
    #[inline]
    pub fn bind<'a>(&self, vm: &mut Vm, args: Args<'a>) -> PyResult<BoundArgs<'a>> {
        if !self.names.is_empty() {
            return self
                .bind_named(vm, args)
                .map(|b| BoundArgs::Bound(b.into_iter()));
        }
        self.check_positional(vm, args)?;
        if !self.singles_first {
            return Ok(BoundArgs::Bound(self.bind_positional(args).into_iter()));
        }
        Ok(BoundArgs::Slice(args))
    }

    /// The keyword and count checks of a positional-only signature.
    #[inline]
    fn check_positional(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<()> {
        if args.has_kw() && !self.kwargs {
            let q = self.qualname.clone();
            return Err(vm.type_error(format!("{q}() takes no keyword arguments")));
        }
        let (req, opt, var) = (self.required, self.optional, self.varargs);
        let n = args.pos().len();
        if n < req || (!var && n > req + opt) {
            return Err(self.count_error(vm, n, req, if var { None } else { Some(req + opt) }));
        }
        Ok(())
    }

    /// A positional-only signature whose single values do not all come
    /// first, checked: each parameter bound in turn.
    fn bind_positional(&self, args: Args<'_>) -> Vec<Bound> {
        let mut rest = args.pos().iter();
        let mut out = Vec::with_capacity(self.kinds.len());
        for k in &self.kinds {
            out.push(match k {
                ArgKind::Required | ArgKind::Optional => match rest.next() {
                    Some(v) => Bound::One(v.clone()),
                    None => Bound::Missing,
                },
                ArgKind::VarArgs => Bound::Many(rest.by_ref().cloned().collect()),
                ArgKind::KwArgs => {
                    Bound::Named(args.kw().map(|(k, v)| (k.to_owned(), v.clone())).collect())
                }
            });
        }
        out
    }

    /// "takes no arguments", "takes exactly one argument", "expected at
    /// most 2 arguments" (clinic) or "takes at least 1 argument" (tuple).
    fn count_error(&self, vm: &mut Vm, n: usize, min: usize, max: Option<usize>) -> PyErr {
        let (name, q) = (&self.name, &self.qualname);
        let msg = match self.style {
            Style::Clinic if max == Some(0) => format!("{q}() takes no arguments ({n} given)"),
            Style::Clinic if min == 1 && max == Some(1) => {
                format!("{q}() takes exactly one argument ({n} given)")
            }
            Style::Clinic => {
                let (word, k) = bound_words(n, min, max, "");
                format!("{name} expected {word}{k} argument{}, got {n}", plural(k))
            }
            Style::Tuple => {
                let (word, k) = bound_words(n, min, max, "exactly ");
                format!("{name}() takes {word}{k} argument{} ({n} given)", plural(k))
            }
        };
        vm.type_error(msg)
    }

    fn bind_named(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<Vec<Bound>> {
        let name = self.name.clone();
        let pos = args.pos();
        let n_named = self.names.len();
        let (nargs, nkw) = (pos.len(), args.kwnames.len());
        let (var, kwargs) = (self.varargs, self.kwargs);
        if !var && !kwargs && nargs + nkw > n_named {
            return Err(vm.type_error(format!(
                "{name}() takes at most {n_named} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                plural(n_named),
                nargs + nkw
            )));
        }
        let minpos = self
            .kinds
            .iter()
            .filter(|k| matches!(k, ArgKind::Required | ArgKind::Optional))
            .take_while(|k| **k == ArgKind::Required)
            .count();
        let minposonly = self.posonly.min(minpos);
        if (!var && nargs > self.maxpos) || nargs < minposonly {
            let msg = if self.maxpos == 0 {
                format!("{name}() takes no positional arguments")
            } else if nargs > self.maxpos {
                let word = if minpos < self.maxpos {
                    "at most"
                } else {
                    "exactly"
                };
                format!(
                    "{name}() takes {word} {} positional argument{} ({nargs} given)",
                    self.maxpos,
                    plural(self.maxpos)
                )
            } else {
                let word = if minposonly < self.maxpos {
                    "at least"
                } else {
                    "exactly"
                };
                format!(
                    "{name}() takes {word} {minposonly} positional argument{} ({nargs} given)",
                    plural(minposonly)
                )
            };
            return Err(vm.type_error(msg));
        }
        let mut single: Vec<Option<Value>> = (0..n_named)
            .map(|i| pos.get(i).filter(|_| i < self.maxpos).cloned())
            .collect();
        let extra: Vec<Value> = pos.iter().skip(self.maxpos).cloned().collect();
        let mut rest_kw = Vec::new();
        // A keyword that fits no parameter is reported after a missing
        // required argument, as CPython's parser does.
        let mut bad_keyword: Option<String> = None;
        for (k, v) in args.kw() {
            let at = self.names.iter().position(|p| &**p == k);
            match at {
                Some(i) if i >= self.posonly => {
                    if single.get(i).is_some_and(|s| s.is_some()) {
                        bad_keyword.get_or_insert_with(|| {
                            format!(
                                "argument for {name}() given by name ('{k}') and position ({})",
                                i + 1
                            )
                        });
                    } else if let Some(s) = single.get_mut(i) {
                        *s = Some(v.clone());
                    }
                }
                _ if kwargs => rest_kw.push((k.to_owned(), v.clone())),
                _ => {
                    bad_keyword.get_or_insert_with(|| {
                        format!("'{k}' is an invalid keyword argument for {name}()")
                    });
                }
            }
        }
        let mut out = Vec::with_capacity(self.kinds.len());
        let mut singles = single.into_iter().enumerate();
        let (mut extra, mut rest_kw) = (Some(extra), Some(rest_kw));
        for k in &self.kinds {
            match k {
                ArgKind::Required | ArgKind::Optional => {
                    let (i, v) = singles.next().unwrap_or((0, None));
                    match v {
                        Some(v) => out.push(Bound::One(v)),
                        None if *k == ArgKind::Required => {
                            let p = self.names.get(i).cloned().unwrap_or_else(|| Rc::from("?"));
                            return Err(vm.type_error(format!(
                                "{name}() missing required argument '{p}' (pos {})",
                                i + 1
                            )));
                        }
                        None => out.push(Bound::Missing),
                    }
                }
                ArgKind::VarArgs => out.push(Bound::Many(extra.take().unwrap_or_default())),
                ArgKind::KwArgs => out.push(Bound::Named(rest_kw.take().unwrap_or_default())),
            }
        }
        if let Some(msg) = bad_keyword {
            return Err(vm.type_error(msg));
        }
        Ok(out)
    }

    /// Converts bound argument `i` (parameter `i` of the Rust signature),
    /// naming it in a "must be" `TypeError`.
    pub fn convert<T: FromArg>(&self, vm: &mut Vm, i: usize, b: Bound) -> PyResult<T> {
        T::from_arg(vm, b).map_err(|e| {
            if T::NAMED {
                self.name_argument(vm, e, i)
            } else {
                e
            }
        })
    }

    /// [`convert`](Self::convert) of positional argument `v`.
    #[inline]
    pub fn convert_value<T: FromArg>(
        &self,
        vm: &mut Vm,
        i: usize,
        v: Option<&Value>,
    ) -> PyResult<T> {
        T::from_value(vm, v).map_err(|e| {
            if T::NAMED {
                self.name_argument(vm, e, i)
            } else {
                e
            }
        })
    }

    fn name_argument(&self, vm: &mut Vm, e: PyErr, i: usize) -> PyErr {
        let te = vm.exc.type_error.clone();
        if !vm.err_matches(&e, &te) {
            return e;
        }
        let msg = vm.exc_message(&e);
        if !msg.starts_with("must be ") {
            return e;
        }
        let which = if !self.names.is_empty() {
            // Index among the named (single-value) parameters.
            let j = self
                .kinds
                .iter()
                .take(i)
                .filter(|k| matches!(k, ArgKind::Required | ArgKind::Optional))
                .count();
            match self.names.get(j) {
                Some(n) => format!(" '{n}'"),
                None => format!(" {}", i + 1),
            }
        } else if self.style == Style::Clinic
            && self.kinds.len() == 1
            && self.kinds.first() == Some(&ArgKind::Required)
        {
            String::new()
        } else {
            format!(" {}", i + 1)
        };
        vm.type_error(format!("{}() argument{which} {msg}", self.name))
    }
}

/// "at least"/"at most"/`exact` and the count an error message states.
fn bound_words(
    n: usize,
    min: usize,
    max: Option<usize>,
    exact: &'static str,
) -> (&'static str, usize) {
    match max {
        Some(m) if m == min => (exact, min),
        Some(m) if n > m => ("at most ", m),
        _ => ("at least ", min),
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
