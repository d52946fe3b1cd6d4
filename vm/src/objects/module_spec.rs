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

    /// The spec of module `name` loaded by `loader` from `origin`;
    /// `search` is the package's `__path__` list for packages. Once
    /// CPython's `importlib._bootstrap` is loaded, this is its
    /// `ModuleSpec`, else rpy's own type with the same attributes.
    pub(crate) fn new_module_spec(
        &mut self,
        name: &str,
        loader: Value,
        origin: Value,
        search: Option<Value>,
        has_location: bool,
    ) -> Value {
        if let Some(v) = self.importlib_spec(name, &loader, &origin, &search, has_location) {
            return v;
        }
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
            ("loader", loader),
            ("origin", origin),
            ("loader_state", Value::None),
            ("submodule_search_locations", search.unwrap_or(Value::None)),
            ("cached", Value::None),
            ("parent", parent_v),
            ("has_location", Value::Bool(has_location)),
            ("_set_fileattr", Value::Bool(has_location)),
        ];
        for (k, x) in attrs {
            let key = self.intern(k);
            let _ = self.generic_set_dict_attr(&v, &key, x);
        }
        v
    }

    /// `importlib._bootstrap.ModuleSpec(...)` if that module is loaded.
    fn importlib_spec(
        &mut self,
        name: &str,
        loader: &Value,
        origin: &Value,
        search: &Option<Value>,
        has_location: bool,
    ) -> Option<Value> {
        let boot = self.loaded_module("importlib._bootstrap")?;
        let cls = self.get_attr_str(&boot, "ModuleSpec").ok()?;
        let name_v = self.str_val(name);
        let vals = [name_v, loader.clone(), origin.clone()];
        let kwnames = [self.str_val("origin")];
        let spec = self
            .call_with(&cls, crate::native::Args::with_kw(&vals, &kwnames))
            .ok()?;
        if let Some(l) = search {
            let k = self.intern("submodule_search_locations");
            self.set_attr(&spec, &k, l.clone()).ok()?;
        }
        let k = self.intern("has_location");
        self.set_attr(&spec, &k, Value::Bool(has_location)).ok()?;
        Some(spec)
    }
}
