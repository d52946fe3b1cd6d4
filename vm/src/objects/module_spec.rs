//! `ModuleSpec`: the `__spec__` of modules imported from source files
//! (`name`, `origin`, `submodule_search_locations`, `parent`, ...).

use crate::native::Args;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// `ModuleSpec(name='m', loader=None, origin='m.py')`, as CPython's repr.
fn spec_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let mut parts = Vec::new();
    for (field, always) in [
        ("name", true),
        ("loader", true),
        ("origin", false),
        ("submodule_search_locations", false),
    ] {
        let v = vm.get_attr_str(&this, field)?;
        if always || !v.is_none() {
            parts.push(format!("{field}={}", vm.repr(&v)?));
        }
    }
    let name = vm.type_name(&this);
    Ok(vm.str_val(format!("{name}({})", parts.join(", "))))
}

impl Vm {
    fn module_spec_type(&mut self) -> PyRef {
        if let Some(t) = self
            .extensions
            .get("importlib.ModuleSpec")
            .and_then(|b| b.downcast_ref::<PyRef>())
        {
            return t.clone();
        }
        let t = self.new_builtin_type_ex(
            "ModuleSpec",
            None,
            crate::objects::type_::Layout::Object,
            true,
        );
        let m = self.str_val("_frozen_importlib");
        self.set_class_const(&t, "__module__", m);
        self.add_methods(&t, &[("__repr__", spec_repr)]);
        let d = crate::objects::descriptor::dict_descriptor(self, &t);
        self.set_class_const(&t, "__dict__", d);
        self.extensions
            .insert("importlib.ModuleSpec", Box::new(t.clone()));
        t
    }

    /// The spec of module `name` loaded from `origin`; `search` is the
    /// package's `__path__` list for packages.
    pub(crate) fn new_module_spec(
        &mut self,
        name: &str,
        origin: Value,
        search: Option<Value>,
    ) -> Value {
        let t = self.module_spec_type();
        let o = self.alloc_with_dict(t, crate::object::Payload::Instance);
        let v = Value::Obj(o);
        let parent = if search.is_some() {
            name.to_owned()
        } else {
            name.rsplit_once('.')
                .map(|x| x.0.to_owned())
                .unwrap_or_default()
        };
        let name_v = self.str_val(name);
        let parent_v = self.str_val(parent);
        let attrs = [
            ("name", name_v),
            ("loader", Value::None),
            ("origin", origin),
            ("loader_state", Value::None),
            ("submodule_search_locations", search.unwrap_or(Value::None)),
            ("parent", parent_v),
            ("has_location", Value::Bool(true)),
        ];
        for (k, x) in attrs {
            let key = self.intern(k);
            let _ = self.generic_set_dict_attr(&v, &key, x);
        }
        v
    }
}
