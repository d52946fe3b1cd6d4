//! Exception groups (PEP 654): `BaseExceptionGroup` and `ExceptionGroup`
//! (the constructor's rules and messages, `message`, `exceptions`,
//! `derive`, `split`, `subgroup`, `__str__`) and the two run-time halves
//! of `except*`: matching one clause against what is still unhandled, and
//! combining, after the last clause, the unhandled rest with what the
//! clauses raised, by CPython 3.11's rules.

use std::collections::HashSet;
use std::rc::Rc;

use crate::eval::frame::Frame;
use crate::native::Args;
use crate::object::Payload;
use crate::objects::exception::{exc_data, new_exception_obj, ExcTypes, GroupData};
use crate::objects::type_::{is_subtype, type_name_of};
use crate::types::Types;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Gives ExceptionGroup its second base, Exception: bases
/// (BaseExceptionGroup, Exception) and CPython's MRO.
pub(crate) fn link_bases(e: &ExcTypes, types: &Types) {
    let Some(t) = e.exception_group.as_type() else {
        return;
    };
    *t.bases.borrow_mut() = vec![e.base_exception_group.clone(), e.exception.clone()];
    *t.mro.borrow_mut() = vec![
        e.exception_group.clone(),
        e.base_exception_group.clone(),
        e.exception.clone(),
        e.base_exception.clone(),
        types.object.clone(),
    ];
    if let Some(x) = e.exception.as_type() {
        x.subclasses
            .borrow_mut()
            .push(Rc::downgrade(&e.exception_group));
    }
}

/// Whether `v` is an exception group (an instance of BaseExceptionGroup).
pub fn is_group(vm: &Vm, v: &Value) -> bool {
    exc_data(v).is_some() && vm.is_instance(v, &vm.exc.base_exception_group)
}

/// `message` and the items of `exceptions` of a group (None for a group
/// made without BaseExceptionGroup's `__new__`).
pub fn group_parts(v: &Value) -> Option<(Value, Vec<Value>)> {
    let d = exc_data(v)?;
    let g = d.group.borrow();
    let g = g.as_ref()?;
    let items = g
        .exceptions
        .as_tuple()
        .map(|t| t.to_vec())
        .unwrap_or_default();
    Some((g.message.clone(), items))
}

/// CPython's PySequence_Check: a `__getitem__` that is not a dict's.
fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    if vm.is_instance(v, &vm.types.dict.clone()) {
        return false;
    }
    let k = vm.names.__getitem__.clone();
    vm.lookup_special(v, &k).is_some()
}

fn is_exception_class(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.as_type().is_some() && is_subtype(o, &vm.exc.base_exception))
}

/// `BaseExceptionGroup(message, exceptions)`: validates the arguments and
/// picks ExceptionGroup when every item is an Exception.
fn eg_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object")),
    };
    if !is_subtype(&cls, &vm.exc.base_exception_group) {
        let n = type_name_of(&cls);
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__({n}): {n} is not a subtype of BaseExceptionGroup"
        )));
    }
    let pos: Vec<Value> = args.shift().pos().to_vec();
    let [msg, excs] = pos.as_slice() else {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    };
    if msg.as_str().is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(msg)
        )));
    }
    if !is_sequence(vm, excs) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.iterate(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if exc_data(e).is_none() {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !vm.is_instance(e, &vm.exc.exception) {
            nested_base = true;
        }
    }
    if Rc::ptr_eq(&cls, &vm.exc.exception_group) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if Rc::ptr_eq(&cls, &vm.exc.base_exception_group) {
        if !nested_base {
            cls = vm.exc.exception_group.clone();
        }
    } else if nested_base && is_subtype(&cls, &vm.exc.exception) {
        return Err(vm.type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            type_name_of(&cls)
        )));
    }
    let all = vm.new_tuple(pos.clone());
    let obj = new_exception_obj(vm, &cls, all);
    let exceptions = vm.new_tuple(items);
    if let Payload::Exception(d) = &obj.payload {
        *d.group.borrow_mut() = Some(Box::new(GroupData {
            message: msg.clone(),
            exceptions,
        }));
    }
    Ok(Value::Obj(obj))
}

fn this_group(vm: &mut Vm, v: &Value) -> PyResult<(Value, Vec<Value>)> {
    if !is_group(vm, v) {
        return Err(vm.type_error(format!(
            "descriptor requires a 'BaseExceptionGroup' object but received a '{}'",
            vm.type_name(v)
        )));
    }
    Ok(group_parts(v).unwrap_or((Value::None, Vec::new())))
}

/// "message (N sub-exceptions)".
fn eg_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "BaseExceptionGroup.__str__")?;
    let (msg, items) = this_group(vm, this)?;
    let m = if msg.is_none() {
        String::new()
    } else {
        vm.str(&msg)?
    };
    let n = items.len();
    let s = if n > 1 { "s" } else { "" };
    Ok(vm.str_val(format!("{m} ({n} sub-exception{s})")))
}

fn get_message(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this_group(vm, v)?.0)
}

fn get_exceptions(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    this_group(vm, v)?;
    let d = exc_data(v).and_then(|d| d.group.borrow().as_ref().map(|g| g.exceptions.clone()));
    Ok(d.unwrap_or(Value::None))
}

/// `derive(excs)`: a BaseExceptionGroup with the same message (what
/// `split` and `subgroup` build their parts with; subclasses override it).
fn eg_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, excs] = args.exact_method(vm, "BaseExceptionGroup.derive")?;
    let (msg, _) = this_group(vm, this)?;
    let cls = Value::Obj(vm.exc.base_exception_group.clone());
    vm.call(&cls, &[msg, excs.clone()])
}

/// How `split`/`subgroup` decide which leaves match.
enum Matcher {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A Python function called with each exception (groups included).
    Predicate(Value),
    /// The leaves with these ids (for `except*`'s re-raise).
    Ids(HashSet<i64>),
}

fn matcher_of(vm: &mut Vm, v: &Value) -> PyResult<Matcher> {
    if matches!(v.payload(), Some(Payload::Function(_))) {
        return Ok(Matcher::Predicate(v.clone()));
    }
    if is_exception_class(vm, v) {
        return Ok(Matcher::Type(v.clone()));
    }
    if let Value::Obj(o) = v {
        if o.class_is(&vm.types.tuple) {
            let items = v.as_tuple().unwrap_or(&[]);
            if items.iter().all(|t| is_exception_class(vm, t)) {
                return Ok(Matcher::Type(v.clone()));
            }
        }
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

/// PyErr_GivenExceptionMatches for an exception instance: its class is a
/// subclass of `t` (or of an item of the tuple `t`).
fn given_matches(vm: &Vm, exc: &Value, t: &Value) -> bool {
    if let Some(items) = t.as_tuple() {
        return items.iter().any(|i| given_matches(vm, exc, i));
    }
    match t {
        Value::Obj(c) if c.as_type().is_some() => vm.is_instance(exc, c),
        _ => false,
    }
}

fn check_match(vm: &mut Vm, exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => Ok(given_matches(vm, exc, t)),
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(exc))?;
            vm.is_true(&r)
        }
        Matcher::Ids(ids) => Ok(!is_group(vm, exc) && ids.contains(&exc.id())),
    }
}

/// The (match, rest) parts of `exc`; `rest` only when `with_rest`.
fn split_rec(
    vm: &mut Vm,
    exc: &Value,
    m: &Matcher,
    with_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if check_match(vm, exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(vm, exc) {
        return Ok((None, with_rest.then(|| exc.clone())));
    }
    let items = group_parts(exc).map(|(_, i)| i).unwrap_or_default();
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in &items {
        vm.recursion_enter(" in exceptiongroup_split_recursive")?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || split_rec(vm, e, m, with_rest));
        vm.depth -= 1;
        let (a, b) = r?;
        matched.extend(a);
        rest.extend(b);
    }
    let a = subset(vm, exc, matched)?;
    let b = if with_rest {
        subset(vm, exc, rest)?
    } else {
        None
    };
    Ok((a, b))
}

/// `orig.derive(excs)` with orig's traceback, cause, context and a copy of
/// its notes (None for no exceptions).
fn subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = vm.new_list(excs);
    let eg = vm.call_method(orig, "derive", &[list])?;
    if !is_group(vm, &eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(o), Some(d)) = (exc_data(orig), exc_data(&eg)) {
        let tb = o.traceback.borrow().clone();
        let tb_override = o.tb_override.borrow().clone();
        if !tb.is_empty() || tb_override.as_ref().is_some_and(|t| !t.is_none()) {
            *d.traceback.borrow_mut() = tb;
            *d.tb_override.borrow_mut() = tb_override;
        }
        let context = o.context.borrow().clone();
        *d.context.borrow_mut() = context;
        let cause = o.cause.borrow().clone();
        *d.cause.borrow_mut() = cause;
        // As PyException_SetCause, which CPython uses here.
        d.suppress_context.set(true);
    }
    let k = vm.intern("__notes__");
    if let Some(notes) = vm.get_attr_opt(orig, &k)? {
        // Notes that are not a sequence are ignored, as CPython does.
        if is_sequence(vm, &notes) {
            let items = vm.iterate(&notes)?;
            let copy = vm.new_list(items);
            vm.set_attr(&eg, &k, copy)?;
        }
    }
    Ok(Some(eg))
}

fn eg_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, m] = args.exact_method(vm, "BaseExceptionGroup.split")?;
    this_group(vm, this)?;
    let matcher = matcher_of(vm, m)?;
    let (a, b) = split_rec(vm, this, &matcher, true)?;
    Ok(vm.new_tuple(vec![a.unwrap_or(Value::None), b.unwrap_or(Value::None)]))
}

fn eg_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, m] = args.exact_method(vm, "BaseExceptionGroup.subgroup")?;
    this_group(vm, this)?;
    let matcher = matcher_of(vm, m)?;
    let (a, _) = split_rec(vm, this, &matcher, false)?;
    Ok(a.unwrap_or(Value::None))
}

/// The ids of the leaf exceptions of `e` (e itself if it is no group).
fn collect_leaf_ids(vm: &mut Vm, e: &Value, ids: &mut HashSet<i64>) -> PyResult<()> {
    if !is_group(vm, e) {
        ids.insert(e.id());
        return Ok(());
    }
    for x in group_parts(e).map(|(_, i)| i).unwrap_or_default() {
        vm.recursion_enter(" in collect_exception_group_leaf_ids")?;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || collect_leaf_ids(vm, &x, ids));
        vm.depth -= 1;
        r?;
    }
    Ok(())
}

/// Whether `a` and `b` carry the same traceback, cause and context (a
/// part re-raised by a bare `raise`, or left unhandled, keeps those of
/// the group it was split from).
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (exc_data(a), exc_data(b)) else {
        return false;
    };
    let same_tb = {
        let (ta, tb) = (x.traceback.borrow(), y.traceback.borrow());
        ta.len() == tb.len()
            && ta
                .iter()
                .zip(tb.iter())
                .all(|(p, q)| Rc::ptr_eq(&p.code, &q.code) && p.ip == q.ip)
    };
    let same_override = match (&*x.tb_override.borrow(), &*y.tb_override.borrow()) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    same_tb
        && same_override
        && x.cause.borrow().is(&y.cause.borrow())
        && x.context.borrow().is(&y.context.borrow())
}

impl Vm {
    /// `BaseExceptionGroup(message, excs)` called as Python would.
    fn new_exception_group(&mut self, message: &str, excs: Value) -> PyResult<Value> {
        let cls = Value::Obj(self.exc.base_exception_group.clone());
        let m = self.str_val(message);
        self.call(&cls, &[m, excs])
    }

    /// One `except* T` clause: checks `T` (a class or tuple of classes,
    /// none of them an exception group) and splits `exc`, what is still
    /// unhandled (None once everything was). Returns (rest, match): on a
    /// match, `match` (a group; a bare exception comes wrapped in
    /// `ExceptionGroup("", (exc,))`) becomes the handled exception; with
    /// no match, (exc, None).
    pub(crate) fn except_star_match(
        &mut self,
        exc: &Value,
        ty: &Value,
    ) -> PyResult<(Value, Value)> {
        let items: Vec<Value> = match ty.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![ty.clone()],
        };
        if !items.iter().all(|t| is_exception_class(self, t)) {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        let eg = self.exc.base_exception_group.clone();
        if items
            .iter()
            .any(|t| matches!(t, Value::Obj(o) if is_subtype(o, &eg)))
        {
            return Err(self.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        let (rest, matched) = if given_matches(self, exc, ty) {
            let m = if is_group(self, exc) {
                exc.clone()
            } else {
                let t = self.new_tuple(vec![exc.clone()]);
                self.new_exception_group("", t)?
            };
            (Value::None, m)
        } else if is_group(self, exc) {
            let pair = self.call_method(exc, "split", std::slice::from_ref(ty))?;
            match pair.as_tuple() {
                Some([m, r]) => (r.clone(), m.clone()),
                _ => return Err(self.type_error("split() must return a 2-tuple")),
            }
        } else {
            (exc.clone(), Value::None)
        };
        match &matched {
            Value::Obj(m) => {
                self.handled = Some(m.clone());
                Ok((rest, matched))
            }
            _ => Ok((exc.clone(), Value::None)),
        }
    }

    /// After the last `except*` clause: what to raise, given the exception
    /// `orig` the try body raised and `excs`, the exceptions the clauses
    /// raised (or re-raised) followed by the unhandled rest (None items are
    /// skipped). Parts of `orig` that come back unchanged are re-raised as
    /// one group shaped like `orig`; anything raised anew joins them in an
    /// `ExceptionGroup("", [...])`. None when nothing is left.
    pub(crate) fn except_star_reraise(&mut self, orig: &Value, excs: &Value) -> PyResult<Value> {
        let items: Vec<Value> = match excs.payload() {
            Some(Payload::List(l)) => l.borrow().clone(),
            _ => Vec::new(),
        };
        let Some(first) = items.first() else {
            return Ok(Value::None);
        };
        if !is_group(self, orig) {
            // A bare exception was caught (wrapped): at most one clause ran.
            return Ok(first.clone());
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in items {
            if e.is_none() {
                continue;
            }
            if same_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let kept = if reraised.is_empty() {
            None
        } else {
            let mut ids = HashSet::new();
            for e in &reraised {
                collect_leaf_ids(self, e, &mut ids)?;
            }
            split_rec(self, orig, &Matcher::Ids(ids), false)?.0
        };
        if raised.is_empty() {
            return Ok(kept.unwrap_or(Value::None));
        }
        raised.extend(kept);
        if raised.len() == 1 {
            return Ok(raised.pop().unwrap_or(Value::None));
        }
        let list = self.new_list(raised);
        self.new_exception_group("", list)
    }
}

pub fn init(vm: &mut Vm) {
    let beg: PyRef = vm.exc.base_exception_group.clone();
    vm.add_static(&beg, "__new__", eg_new);
    vm.add_methods(
        &beg,
        &[
            ("__str__", eg_str),
            ("derive", eg_derive),
            ("split", eg_split),
            ("subgroup", eg_subgroup),
        ],
    );
    vm.add_getset(&beg, "message", get_message, None);
    vm.add_getset(&beg, "exceptions", get_exceptions, None);
}

impl Vm {
    /// CheckEgMatch: [rest, type] -> [rest', match].
    #[cold]
    pub(crate) fn check_eg_match(&mut self, f: &mut Frame) -> PyResult<()> {
        let ty = f.pop();
        let exc = f.pop();
        let (rest, matched) = self.except_star_match(&exc, &ty)?;
        f.push(rest);
        f.push(matched);
        Ok(())
    }

    /// PrepReraiseStar: [orig, excs] -> [exc or None].
    #[cold]
    pub(crate) fn prep_reraise_star(&mut self, f: &mut Frame) -> PyResult<()> {
        let excs = f.pop();
        let orig = f.pop();
        let r = self.except_star_reraise(&orig, &excs)?;
        f.push(r);
        Ok(())
    }
}
