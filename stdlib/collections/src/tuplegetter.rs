//! `_collections._tuplegetter(index, doc)`: the descriptor namedtuple
//! classes use for their fields, reading item `index` of the tuple.

use rpy_vm::{ClassDef, Native, NativeClass, OptArg, PyResult, Value, Vm};

use crate::args::ssize;

pub struct TupleGetter {
    index: isize,
    doc: Value,
}

impl NativeClass for TupleGetter {
    const NAME: &'static str = "_tuplegetter";
    const MODULE: &'static str = "_collections";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, index: Value, doc: Value| {
            let index = ssize(vm, &index)?;
            Ok(TupleGetter { index, doc })
        });
        c.method("__get__", get);
        c.method(
            "__set__",
            |vm: &mut Vm, _g: Native<TupleGetter>, _o: Value, _v: Value| {
                Err::<(), _>(vm.attribute_error("can't set attribute"))
            },
        );
        c.method(
            "__delete__",
            |vm: &mut Vm, _g: Native<TupleGetter>, _o: Value| {
                Err::<(), _>(vm.attribute_error("can't delete attribute"))
            },
        );
        c.method("__reduce__", |vm: &mut Vm, g: Native<TupleGetter>| {
            let cls = Value::Obj(g.class(vm));
            let (i, doc) = g.with(vm, |g| (g.index, g.doc.clone()))?;
            let args = vm.new_tuple(vec![Value::Int(i as i64), doc]);
            Ok::<_, rpy_vm::PyErr>(vm.new_tuple(vec![cls, args]))
        });
        c.property(
            "__doc__",
            |g: &TupleGetter| g.doc.clone(),
            |g: &mut TupleGetter, v: Value| g.doc = v,
        );
        c.repr(|vm, g| {
            let (i, doc) = g.with(vm, |g| (g.index, g.doc.clone()))?;
            let d = vm.repr(&doc)?;
            Ok(format!("_tuplegetter({i}, {d})"))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.doc);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::take(&mut self.doc));
    }
}

/// `__get__(obj, type=None)`: the descriptor itself for the class (or
/// None), item `index` of a tuple.
fn get(vm: &mut Vm, g: Native<TupleGetter>, obj: Value, _ty: OptArg<Value>) -> PyResult<Value> {
    let Some(items) = obj.as_tuple() else {
        if obj.is_none() {
            return Ok(g.value());
        }
        let i = g.with(vm, |g| g.index)?;
        let t = vm.type_name(&obj);
        return Err(vm.type_error(format!(
            "descriptor for index '{i}' for tuple subclasses doesn't apply to '{t}' object"
        )));
    };
    let i = g.with(vm, |g| g.index)?;
    match usize::try_from(i).ok().and_then(|i| items.get(i)) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error("tuple index out of range")),
    }
}
