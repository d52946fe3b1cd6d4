//! `operator.itemgetter(*items)`: `g(obj)` is `obj[item]` for one item,
//! the tuple of `obj[i]` for several.

use rpy_vm::{Args, ClassDef, KwArgs, Native, NativeClass, PyResult, Value, VarArgs, Vm};

use crate::arguments::{exact, no_keywords};

pub struct ItemGetter {
    /// The items, an exact tuple (what `__reduce__` gives back).
    items: Value,
}

impl NativeClass for ItemGetter {
    const NAME: &'static str = "itemgetter";
    const MODULE: &'static str = "operator";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, items: VarArgs, kw: KwArgs| {
            if !kw.0.is_empty() {
                return Err(vm.type_error("itemgetter() takes no keyword arguments"));
            }
            if items.0.is_empty() {
                return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
            }
            let items = vm.new_tuple(items.0);
            Ok(ItemGetter { items })
        });
        c.call(call);
        c.repr(|vm: &mut Vm, this: Native<ItemGetter>| {
            let items = this.with(vm, |g| g.items.clone())?;
            crate::attr_getter::getter_repr(vm, &this.value(), "operator.itemgetter", &items)
        });
        c.method("__reduce__", |vm: &mut Vm, this: Native<ItemGetter>| {
            let items = this.with(vm, |g| g.items.clone())?;
            let cls = Value::Obj(this.class(vm));
            Ok::<_, rpy_vm::PyErr>(vm.new_tuple(vec![cls, items]))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.items);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.items, Value::None));
    }
}

fn call(vm: &mut Vm, this: Native<ItemGetter>, args: Args<'_>) -> PyResult<Value> {
    no_keywords(vm, &args, "", "itemgetter")?;
    let [obj] = exact::<1>(vm, &args, "", "itemgetter")?;
    let items = this.with(vm, |g| g.items.clone())?;
    match items.as_tuple().unwrap_or(&[]) {
        [one] => vm.get_item(obj, one),
        many => {
            let mut out = Vec::with_capacity(many.len());
            for i in many {
                out.push(vm.get_item(obj, i)?);
            }
            Ok(vm.new_tuple(out))
        }
    }
}
