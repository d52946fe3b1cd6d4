//! Code objects at run time: the compiler's `CodeObject` plus its constants
//! converted to values and its names interned (so name lookups use cached
//! hashes and never allocate).

use std::rc::Rc;

use rpy_compiler::bytecode::{CodeObject, Constant};

use crate::native::Args;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// A loaded code object.
pub struct Code {
    pub co: CodeObject,
    pub names: Vec<PyRef>,
    pub consts: Vec<Value>,
    pub varnames: Vec<PyRef>,
    pub cellvars: Vec<PyRef>,
    pub freevars: Vec<PyRef>,
    pub name: PyRef,
    pub qualname: PyRef,
    pub filename: PyRef,
}

impl Code {
    /// Number of cell plus free variable slots.
    #[inline]
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
}

impl Vm {
    /// Loads a compiled code object (and, recursively, its nested ones).
    pub fn load_code(&mut self, co: CodeObject) -> Rc<Code> {
        let names = co.names.iter().map(|n| self.intern(n)).collect();
        let varnames = co.varnames.iter().map(|n| self.intern(n)).collect();
        let cellvars = co.cellvars.iter().map(|n| self.intern(n)).collect();
        let freevars = co.freevars.iter().map(|n| self.intern(n)).collect();
        let consts = co.constants.iter().map(|c| self.load_const(c)).collect();
        let name = self.intern(&co.name);
        let qualname = self.intern(&co.qualname);
        let filename = self.intern(&co.filename);
        Rc::new(Code {
            co,
            names,
            consts,
            varnames,
            cellvars,
            freevars,
            name,
            qualname,
            filename,
        })
    }

    fn load_const(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(i) => self.new_int(i.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex { real, imag } => {
                Value::Obj(self.alloc(self.types.complex.clone(), Payload::Complex(*real, *imag)))
            }
            Constant::Str(s) => {
                if s.len() <= 40 {
                    Value::Obj(self.intern(s))
                } else {
                    self.str_val(s.clone())
                }
            }
            Constant::Bytes(b) => self.new_bytes(b.clone()),
            Constant::Tuple(items) => {
                let vals = items.iter().map(|i| self.load_const(i)).collect();
                self.new_tuple(vals)
            }
            Constant::Ellipsis => Value::Obj(self.ellipsis.clone()),
            Constant::Code(co) => {
                let code = self.load_code((**co).clone());
                Value::Obj(self.alloc(self.types.code.clone(), Payload::Code(code)))
            }
        }
    }
}

fn code_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Rc<Code>> {
    match v.payload() {
        Some(Payload::Code(c)) => Ok(c),
        _ => Err(vm.type_error("descriptor requires a 'code' object")),
    }
}

fn co_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(code_of(vm, v)?.name.clone()))
}
fn co_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(code_of(vm, v)?.qualname.clone()))
}
fn co_filename(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(code_of(vm, v)?.filename.clone()))
}
fn co_firstlineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(i64::from(code_of(vm, v)?.co.first_line)))
}
fn co_argcount(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(i64::from(code_of(vm, v)?.co.arg_count)))
}
fn co_kwonlyargcount(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(i64::from(code_of(vm, v)?.co.kwonly_arg_count)))
}
fn co_posonlyargcount(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(i64::from(code_of(vm, v)?.co.posonly_arg_count)))
}
fn co_nlocals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(code_of(vm, v)?.varnames.len() as i64))
}
/// `co_flags` with CPython's bit values.
fn co_flags(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    let f = c.co.flags;
    let mut bits = 0i64;
    if matches!(
        c.co.kind,
        rpy_compiler::bytecode::CodeKind::Function
            | rpy_compiler::bytecode::CodeKind::Lambda
            | rpy_compiler::bytecode::CodeKind::Comprehension
    ) {
        bits |= 0x1 | 0x2;
    }
    if f.varargs {
        bits |= 0x4;
    }
    if f.varkeywords {
        bits |= 0x8;
    }
    if f.nested {
        bits |= 0x10;
    }
    if f.generator {
        bits |= 0x20;
    }
    if c.ncells() == 0 {
        bits |= 0x40;
    }
    for (set, bit) in [
        (f.coroutine, 0x80),
        (f.iterable_coroutine, 0x100),
        (f.async_generator, 0x200),
    ] {
        if set {
            bits |= bit;
        }
    }
    Ok(Value::Int(bits))
}
fn names_tuple(vm: &mut Vm, names: Vec<PyRef>) -> Value {
    let items: Vec<Value> = names.into_iter().map(Value::Obj).collect();
    vm.new_tuple(items)
}
fn co_cellvars(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = code_of(vm, v)?.cellvars.clone();
    Ok(names_tuple(vm, n))
}
fn co_freevars(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = code_of(vm, v)?.freevars.clone();
    Ok(names_tuple(vm, n))
}
fn co_names(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = code_of(vm, v)?.names.clone();
    Ok(names_tuple(vm, n))
}
fn co_consts(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = code_of(vm, v)?.consts.clone();
    Ok(vm.new_tuple(c))
}

fn co_varnames(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let names: Vec<Value> = code_of(vm, v)?
        .varnames
        .iter()
        .map(|n| Value::Obj(n.clone()))
        .collect();
    Ok(vm.new_tuple(names))
}
fn co_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let c = code_of(vm, &this)?.clone();
    let s = format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.co.name,
        this.id(),
        c.co.filename,
        c.co.first_line
    );
    Ok(vm.str_val(s))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.code.clone();
    vm.add_getset(&t, "co_name", co_name, None);
    vm.add_getset(&t, "co_qualname", co_qualname, None);
    vm.add_getset(&t, "co_filename", co_filename, None);
    vm.add_getset(&t, "co_firstlineno", co_firstlineno, None);
    vm.add_getset(&t, "co_argcount", co_argcount, None);
    vm.add_getset(&t, "co_varnames", co_varnames, None);
    vm.add_getset(&t, "co_kwonlyargcount", co_kwonlyargcount, None);
    vm.add_getset(&t, "co_posonlyargcount", co_posonlyargcount, None);
    vm.add_getset(&t, "co_nlocals", co_nlocals, None);
    vm.add_getset(&t, "co_flags", co_flags, None);
    vm.add_getset(&t, "co_cellvars", co_cellvars, None);
    vm.add_getset(&t, "co_freevars", co_freevars, None);
    vm.add_getset(&t, "co_names", co_names, None);
    vm.add_getset(&t, "co_consts", co_consts, None);
    vm.add_methods(&t, &[("__repr__", co_repr)]);
}
