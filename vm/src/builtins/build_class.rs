//! `__build_class__`: runs a class body and calls the metaclass.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::type_::lookup;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// `__build_class__`: the class body runs as a frame whose caller is the
/// frame running the `class` statement (`Vm::cur_frame` when it starts).
fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0].clone();
    let Some(name) = pos[1].as_str().map(|s| s.to_owned()) else {
        return Err(vm.type_error("__build_class__: name is not a string"));
    };
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    // __mro_entries__ of non-type bases.
    let mut bases: Vec<Value> = Vec::new();
    let mut changed = false;
    let mek = vm.names.__mro_entries__.clone();
    for b in &orig_bases {
        if b.as_obj().and_then(|o| o.as_type()).is_some() {
            bases.push(b.clone());
            continue;
        }
        match vm.lookup_special(b, &mek) {
            Some(f) => {
                let t = vm.new_tuple(orig_bases.clone());
                let r = vm.call(&f, &[b.clone(), t])?;
                let Some(items) = r.as_tuple() else {
                    return Err(vm.type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(items.iter().cloned());
                changed = true;
            }
            None => bases.push(b.clone()),
        }
    }
    let mut meta: Option<Value> = None;
    let mut kwargs: Vec<(String, Value)> = Vec::new();
    for (k, v) in args.kw() {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            kwargs.push((k.to_owned(), v.clone()));
        }
    }
    let base_types: Vec<PyRef> = bases
        .iter()
        .filter_map(|b| b.as_obj().filter(|o| o.as_type().is_some()).cloned())
        .collect();
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => Value::Obj(vm.class_of(b)),
            None => Value::Obj(vm.types.type_.clone()),
        },
    };
    let meta = match &meta {
        Value::Obj(m) if m.as_type().is_some() => {
            Value::Obj(vm.calculate_metaclass(m, &base_types)?)
        }
        _ => meta,
    };
    let bases_t = vm.new_tuple(bases.clone());
    // __prepare__
    let pk = vm.names.__prepare__.clone();
    let ns = match vm.get_attr_opt(&meta, &pk)? {
        Some(p) => {
            let kn: Vec<Value> = kwargs.iter().map(|(k, _)| vm.str_val(k.clone())).collect();
            let mut vals = vec![vm.str_val(name.clone()), bases_t.clone()];
            vals.extend(kwargs.iter().map(|(_, v)| v.clone()));
            vm.call_with(&p, Args::with_kw(&vals, &kn))?
        }
        None => vm.new_dict(),
    };
    // Run the body with the namespace as its locals.
    let Value::Obj(fo) = &func else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let Payload::Function(fd) = &fo.payload else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let mut frame = vm.make_frame(fo, fd, Args::new(&[]))?;
    frame.core_mut().locals = Some(ns.clone());
    let cell = vm.run_frame(frame)?;
    if changed {
        let ob = vm.new_tuple(orig_bases);
        let k = vm.names.__orig_bases__.clone();
        vm.set_item(&ns, Value::Obj(k), ob)?;
    }
    let kn: Vec<Value> = kwargs.iter().map(|(k, _)| vm.str_val(k.clone())).collect();
    let mut vals = vec![vm.str_val(name), bases_t, ns];
    vals.extend(kwargs.iter().map(|(_, v)| v.clone()));
    let cls = vm.call_with(&meta, Args::with_kw(&vals, &kn))?;
    if let Some(Payload::Cell(c)) = cell.payload() {
        let inner = c.borrow().clone();
        match inner {
            Some(v) if v.is(&cls) => {}
            _ => {
                if cls.as_obj().and_then(|o| o.as_type()).is_some() {
                    let a = match &inner {
                        Some(v) => vm.repr(v)?,
                        None => "<NULL>".into(),
                    };
                    let c = vm.repr(&cls)?;
                    return Err(vm.type_error(format!("__class__ set to {a} defining {c} as {c}")));
                }
            }
        }
    }
    let _ = lookup;
    Ok(cls)
}

pub fn init(vm: &mut Vm, b: &PyRef) {
    let mut f = crate::native::NativeFunction::new("__build_class__", build_class);
    f.bound = Some(Value::Obj(b.clone()));
    f.module = Some(std::rc::Rc::from("builtins"));
    let v = Value::Obj(vm.alloc(
        vm.types.builtin_function.clone(),
        Payload::BuiltinFunction(Box::new(f)),
    ));
    vm.module_set(b, "__build_class__", v);
}
