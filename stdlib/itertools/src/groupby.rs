//! `groupby(iterable, key=None)` and its `_grouper` objects: runs of
//! items with equal keys. A grouper stays valid only while its groupby
//! has not moved on to the next group (CPython's `currgrouper`; here an
//! id that the groupby hands out and every step invalidates).

use rpy_vm::{ClassDef, Native, NativeClass, OptArg, Payload, PyResult, Value, Vm};

use crate::support::{next_of, reduce_value, tuple};

pub struct GroupBy {
    it: Value,
    /// `None`: the items are their own keys.
    keyfunc: Option<Value>,
    /// The key of the group last handed out.
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// The id of the valid grouper (0: none).
    currgrouper: u64,
    last_id: u64,
}

/// Reads the next item and its key into `currvalue`/`currkey`; `false`
/// at the end.
fn step(vm: &mut Vm, gb: &Native<GroupBy>) -> PyResult<bool> {
    let (it, keyfunc) = gb.with(vm, |g| (g.it.clone(), g.keyfunc.clone()))?;
    let Some(value) = next_of(vm, &it)? else {
        return Ok(false);
    };
    let key = match &keyfunc {
        Some(f) => vm.call(f, std::slice::from_ref(&value))?,
        None => value.clone(),
    };
    gb.with_mut(vm, |g| {
        g.currvalue = Some(value);
        g.currkey = Some(key);
    })?;
    Ok(true)
}

fn groupby_next(vm: &mut Vm, this: Native<GroupBy>) -> PyResult<Option<Value>> {
    this.with_mut(vm, |g| g.currgrouper = 0)?;
    loop {
        let (currkey, tgtkey) = this.with(vm, |g| (g.currkey.clone(), g.tgtkey.clone()))?;
        if let Some(ck) = currkey {
            let Some(tk) = tgtkey else {
                break;
            };
            if !vm.eq(&tk, &ck)? {
                break;
            }
        }
        if !step(vm, &this)? {
            return Ok(None);
        }
    }
    let made = this.with_mut(vm, |g| {
        let key = g.currkey.clone()?;
        g.tgtkey = Some(key.clone());
        g.last_id += 1;
        g.currgrouper = g.last_id;
        Some((key, g.last_id))
    })?;
    let Some((key, id)) = made else {
        return Ok(None);
    };
    let grouper = vm.new_native_object(Grouper {
        parent: this.clone(),
        tgtkey: key.clone(),
        id,
    });
    Ok(Some(tuple(vm, vec![key, grouper])))
}

fn groupby_setstate(vm: &mut Vm, this: Native<GroupBy>, state: Value) -> PyResult<()> {
    let items = match state.payload() {
        Some(Payload::Tuple(t)) => t.clone(),
        _ => return Err(vm.type_error("state is not a tuple")),
    };
    let [currkey, currvalue, tgtkey] = items.as_slice() else {
        let n = items.len();
        return Err(vm.type_error(format!("function takes exactly 3 arguments ({n} given)")));
    };
    let (ck, cv, tk) = (currkey.clone(), currvalue.clone(), tgtkey.clone());
    this.with_mut(vm, |g| {
        g.currkey = Some(ck);
        g.currvalue = Some(cv);
        g.tgtkey = Some(tk);
    })
}

impl NativeClass for GroupBy {
    const NAME: &'static str = "groupby";
    const MODULE: &'static str = "itertools";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> = Some(
        "make an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping.",
    );

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, iterable: Value, key: OptArg<Value>| {
            let it = vm.get_iter(&iterable)?;
            Ok(GroupBy {
                it,
                keyfunc: key.into_option().filter(|k| !k.is_none()),
                tgtkey: None,
                currkey: None,
                currvalue: None,
                currgrouper: 0,
                last_id: 0,
            })
        })
        .params(&["iterable", "key"]);
        c.iter(|_vm, this| Ok(this.value()));
        c.next(groupby_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<GroupBy>| -> PyResult<Value> {
                let (it, kf, tk, ck, cv) = this.with(vm, |g| {
                    (
                        g.it.clone(),
                        g.keyfunc.clone().unwrap_or(Value::None),
                        g.tgtkey.clone(),
                        g.currkey.clone(),
                        g.currvalue.clone(),
                    )
                })?;
                let state = match (tk, ck, cv) {
                    (Some(tk), Some(ck), Some(cv)) => Some(tuple(vm, vec![ck, cv, tk])),
                    _ => None,
                };
                Ok(reduce_value(vm, &this, vec![it, kf], state))
            },
        );
        c.method("__setstate__", groupby_setstate);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        for v in [&self.keyfunc, &self.tgtkey, &self.currkey, &self.currvalue]
            .into_iter()
            .flatten()
        {
            visit(v);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.it, Value::None));
        out.extend(self.keyfunc.take());
        out.extend(self.tgtkey.take());
        out.extend(self.currkey.take());
        out.extend(self.currvalue.take());
    }
}

/// One group of a groupby: its items while the groupby stays on it.
pub struct Grouper {
    parent: Native<GroupBy>,
    tgtkey: Value,
    id: u64,
}

fn grouper_next(vm: &mut Vm, this: Native<Grouper>) -> PyResult<Option<Value>> {
    let (gb, tgtkey, id) = this.with(vm, |g| (g.parent.clone(), g.tgtkey.clone(), g.id))?;
    let (current, has_value) = gb.with(vm, |g| (g.currgrouper, g.currvalue.is_some()))?;
    if current != id {
        return Ok(None);
    }
    if !has_value && !step(vm, &gb)? {
        return Ok(None);
    }
    let Some(currkey) = gb.with(vm, |g| g.currkey.clone())? else {
        return Ok(None);
    };
    if !vm.eq(&tgtkey, &currkey)? {
        return Ok(None);
    }
    gb.with_mut(vm, |g| g.currvalue.take())
}

impl NativeClass for Grouper {
    const NAME: &'static str = "_grouper";
    const MODULE: &'static str = "itertools";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, parent: Native<GroupBy>, tgtkey: Value| {
            let id = parent.with_mut(vm, |g| {
                g.last_id += 1;
                g.currgrouper = g.last_id;
                g.last_id
            })?;
            Ok(Grouper { parent, tgtkey, id })
        });
        c.iter(|_vm, this| Ok(this.value()));
        c.next(grouper_next);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Grouper>| -> PyResult<Value> {
                let (gb, tgtkey, id) =
                    this.with(vm, |g| (g.parent.clone(), g.tgtkey.clone(), g.id))?;
                if gb.with(vm, |g| g.currgrouper)? != id {
                    let builtins = vm.import_module("builtins")?;
                    let iter = vm.get_attr_str(&builtins, "iter")?;
                    let empty = tuple(vm, Vec::new());
                    let args = tuple(vm, vec![empty]);
                    return Ok(tuple(vm, vec![iter, args]));
                }
                Ok(reduce_value(vm, &this, vec![gb.value(), tgtkey], None))
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.parent.value());
        visit(&self.tgtkey);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.tgtkey, Value::None));
    }
}
