//! `types.SimpleNamespace`: an object whose attributes are its keyword
//! arguments (also the type of `sys.implementation`).

use crate::native::Args;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn ns_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let rest = args.shift();
    if !rest.pos().is_empty() {
        return Err(vm.type_error("no positional arguments expected".to_string()));
    }
    for (k, v) in rest.kw() {
        let key = vm.intern(k);
        vm.generic_set_dict_attr(&this, &key, v.clone())?;
    }
    Ok(Value::None)
}

fn ns_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let name = if this
        .as_obj()
        .map(|o| o.class_is(&vm.simple_namespace_type()))
        .unwrap_or(false)
    {
        "namespace".to_owned()
    } else {
        vm.type_name(&this)
    };
    if !vm.repr_enter(&this) {
        return Ok(vm.str_val(format!("{name}(...)")));
    }
    let mut parts = Vec::new();
    let d = this.as_obj().and_then(|o| o.dict().cloned());
    let r = (|| {
        if let Some(d) = d {
            for (k, v) in crate::objects::dict::entries(&d) {
                let ks = vm.str(&k)?;
                parts.push(format!("{ks}={}", vm.repr(&v)?));
            }
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    vm.repr_leave(&this);
    let s = r?;
    Ok(vm.str_val(s))
}

fn ns_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "SimpleNamespace.__eq__")?;
    let t = vm.simple_namespace_type();
    if !vm.is_instance(b, &t) {
        return Ok(vm.not_implemented());
    }
    match (
        a.as_obj().and_then(|o| o.dict().cloned()),
        b.as_obj().and_then(|o| o.dict().cloned()),
    ) {
        (Some(x), Some(y)) => Ok(Value::Bool(crate::objects::dict::dicts_equal(vm, &x, &y)?)),
        _ => Ok(Value::Bool(false)),
    }
}

impl Vm {
    /// The `types.SimpleNamespace` type.
    pub fn simple_namespace_type(&mut self) -> PyRef {
        // The prototype makes it (for `sys.implementation`), so every other
        // interpreter of the thread shares that immutable type.
        let proto = self.runtime.as_ref().map(|rt| &rt.proto.extensions);
        if let Some(t) = [Some(&self.extensions), proto]
            .into_iter()
            .flatten()
            .find_map(|e| e.get("types.SimpleNamespace"))
            .and_then(|b| b.downcast_ref::<PyRef>())
        {
            return t.clone();
        }
        let t = self.new_builtin_type_ex(
            "SimpleNamespace",
            None,
            crate::objects::type_::Layout::Object,
            true,
        );
        let m = self.str_val("types");
        self.set_class_const(&t, "__module__", m);
        self.add_methods(
            &t,
            &[
                ("__init__", ns_init),
                ("__repr__", ns_repr),
                ("__eq__", ns_eq),
            ],
        );
        self.set_class_const(&t, "__hash__", Value::None);
        let d = crate::objects::descriptor::dict_descriptor(self, &t);
        self.set_class_const(&t, "__dict__", d);
        self.extensions
            .insert("types.SimpleNamespace", Box::new(t.clone()));
        t
    }

    /// A new SimpleNamespace with the given attributes.
    pub fn new_namespace(&mut self, attrs: Vec<(&str, Value)>) -> Value {
        let t = self.simple_namespace_type();
        let o = self.alloc_with_dict(t, Payload::Instance);
        let v = Value::Obj(o);
        for (k, x) in attrs {
            let key = self.intern(k);
            let _ = self.generic_set_dict_attr(&v, &key, x);
        }
        v
    }
}
