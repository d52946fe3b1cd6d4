//! `super`: attribute lookup starting after a class in an object's MRO.

use std::rc::Rc;

use crate::native::{Args, NativeKind};
use crate::object::Payload;
use crate::objects::type_::{is_subtype, type_name_of};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `super(cls, obj)`.
    pub fn new_super(&mut self, cls: &PyRef, obj: Value) -> PyResult<Value> {
        let this_type = match &obj {
            Value::Obj(o) if o.as_type().is_some() && is_subtype(o, cls) => o.clone(),
            _ => {
                let t = self.class_of(&obj);
                if !is_subtype(&t, cls) {
                    return Err(self.type_error(
                        "super(type, obj): obj must be an instance or subtype of type",
                    ));
                }
                t
            }
        };
        Ok(Value::Obj(self.alloc(
            self.types.super_.clone(),
            Payload::Super {
                class: cls.clone(),
                this: obj,
                this_type,
            },
        )))
    }

    /// Attribute lookup on a super object.
    pub(crate) fn super_getattr(&mut self, sup: &PyRef, name: &PyRef) -> PyResult<Option<Value>> {
        let Payload::Super {
            class,
            this,
            this_type,
        } = &sup.payload
        else {
            return Ok(None);
        };
        if name.as_str() != Some("__class__") {
            let mro = this_type
                .as_type()
                .map(|t| t.mro.borrow().clone())
                .unwrap_or_default();
            let start = mro
                .iter()
                .position(|c| Rc::ptr_eq(c, class))
                .map(|i| i + 1)
                .unwrap_or(mro.len());
            for c in &mro[start..] {
                let Some(d) = c.dict() else { continue };
                if let Some(v) = crate::objects::dict::get_str(d, name) {
                    let obj_is_type = matches!(this, Value::Obj(o) if Rc::ptr_eq(o, this_type));
                    let Value::Obj(vo) = &v else {
                        return Ok(Some(v));
                    };
                    return match &vo.payload {
                        Payload::Function(_) => {
                            if obj_is_type {
                                Ok(Some(v.clone()))
                            } else {
                                Ok(Some(self.new_bound_method(v.clone(), this.clone())))
                            }
                        }
                        Payload::BuiltinFunction(nf) => match nf.kind {
                            NativeKind::Method if !obj_is_type => {
                                Ok(Some(self.bind_native(nf, this.clone())))
                            }
                            NativeKind::ClassMethod => {
                                Ok(Some(self.bind_native(nf, Value::Obj(this_type.clone()))))
                            }
                            _ => Ok(Some(v.clone())),
                        },
                        _ => {
                            let obj = if obj_is_type {
                                Value::None
                            } else {
                                this.clone()
                            };
                            if obj.is_none() {
                                match &vo.payload {
                                    Payload::ClassMethod(f) => {
                                        let f = f.borrow().clone();
                                        return Ok(Some(
                                            self.new_bound_method(f, Value::Obj(this_type.clone())),
                                        ));
                                    }
                                    Payload::StaticMethod(f) => {
                                        return Ok(Some(f.borrow().clone()))
                                    }
                                    Payload::Property(_)
                                    | Payload::GetSet(_)
                                    | Payload::Member(_) => return Ok(Some(v.clone())),
                                    _ => {}
                                }
                                let dcls = self.obj_class(vo);
                                let k = self.names.__get__.clone();
                                return match crate::objects::type_::lookup(&dcls, &k) {
                                    Some(g) => self
                                        .call(
                                            &g,
                                            &[
                                                v.clone(),
                                                Value::None,
                                                Value::Obj(this_type.clone()),
                                            ],
                                        )
                                        .map(Some),
                                    None => Ok(Some(v.clone())),
                                };
                            }
                            let tt = this_type.clone();
                            self.descr_get(&v, &obj, &tt).map(Some)
                        }
                    };
                }
            }
        }
        let cls = self.obj_class(sup);
        self.generic_getattr(&Value::Obj(sup.clone()), &cls, name)
    }
}

fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    rest.no_kw(vm, "super")?;
    match rest.pos() {
        [Value::Obj(c), obj] if c.as_type().is_some() => vm.new_super(c, obj.clone()),
        [Value::Obj(c)] if c.as_type().is_some() => Ok(Value::Obj(vm.alloc(
            vm.types.super_.clone(),
            Payload::Super {
                class: c.clone(),
                this: Value::None,
                this_type: c.clone(),
            },
        ))),
        [] => Err(vm.runtime_error("super(): no arguments")),
        [x, ..] => Err(vm.type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(x)
        ))),
    }
}

fn super_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let Some(Payload::Super {
        class,
        this: obj,
        this_type,
    }) = this.payload()
    else {
        return Err(vm.type_error("expected super"));
    };
    let s = if obj.is_none() {
        format!("<super: <class '{}'>, NULL>", type_name_of(class))
    } else {
        format!(
            "<super: <class '{}'>, <{} object>>",
            type_name_of(class),
            type_name_of(this_type)
        )
    };
    Ok(vm.str_val(s))
}

fn get_thisclass(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Super { class, .. }) => Ok(Value::Obj(class.clone())),
        _ => Err(vm.type_error("expected super")),
    }
}
fn get_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Super { this, .. }) => Ok(this.clone()),
        _ => Err(vm.type_error("expected super")),
    }
}
fn get_self_class(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Super { this_type, .. }) => Ok(Value::Obj(this_type.clone())),
        _ => Err(vm.type_error("expected super")),
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.super_.clone();
    vm.add_static(&t, "__new__", super_new);
    vm.add_methods(&t, &[("__repr__", super_repr)]);
    vm.add_getset(&t, "__thisclass__", get_thisclass, None);
    vm.add_getset(&t, "__self__", get_self, None);
    vm.add_getset(&t, "__self_class__", get_self_class, None);
}
