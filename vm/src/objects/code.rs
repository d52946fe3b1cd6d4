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
    /// `co_flags` bits the compiler's `CodeFlags` do not model, kept from
    /// `code.replace(co_flags=...)` (e.g. `CO_ITERABLE_COROUTINE`).
    pub extra_flags: u32,
    /// `co_stacksize` when set by `replace()` (else the compiler's bound).
    pub stacksize: Option<u32>,
    /// The code object Python sees, while alive, so that `f.__code__ is
    /// f.__code__` and `frame.f_code is f.__code__` as in CPython.
    pub wrapper: std::cell::RefCell<std::rc::Weak<crate::object::PyObject>>,
    /// Where `LoadGlobal`/`LoadName` last found each of `names`.
    pub global_cache: crate::eval::global_cache::GlobalCache,
    /// What `LoadAttr`/`StoreAttr` learned about each of `names` on
    /// instances of plain classes.
    pub attr_cache: crate::eval::attr_cache::AttrCache,
}

/// CPython's `co_flags` bits.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

impl Code {
    /// Number of cell plus free variable slots.
    #[inline]
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// `co_flags` with CPython 3.11's bit values: function-like code is
    /// OPTIMIZED|NEWLOCALS, module and class bodies neither (3.11 no longer
    /// sets NOFREE).
    pub fn flag_bits(&self) -> u32 {
        use rpy_compiler::bytecode::CodeKind;
        let f = self.co.flags;
        let mut bits = self.extra_flags;
        if matches!(
            self.co.kind,
            CodeKind::Function | CodeKind::Lambda | CodeKind::Comprehension
        ) {
            bits |= flags::OPTIMIZED | flags::NEWLOCALS;
        }
        if f.varargs {
            bits |= flags::VARARGS;
        }
        if f.varkeywords {
            bits |= flags::VARKEYWORDS;
        }
        if f.nested {
            bits |= flags::NESTED;
        }
        if f.generator {
            bits |= flags::GENERATOR;
        }
        for (set, bit) in [
            (f.coroutine, flags::COROUTINE),
            (f.iterable_coroutine, flags::ITERABLE_COROUTINE),
            (f.async_generator, flags::ASYNC_GENERATOR),
        ] {
            if set {
                bits |= bit;
            }
        }
        bits
    }

    /// Sets the flags of `co` from CPython bits (for `replace`); returns
    /// the bits `CodeFlags` does not model.
    fn set_flag_bits(co: &mut CodeObject, bits: u32) -> u32 {
        co.flags.varargs = bits & flags::VARARGS != 0;
        co.flags.varkeywords = bits & flags::VARKEYWORDS != 0;
        co.flags.nested = bits & flags::NESTED != 0;
        co.flags.generator = bits & flags::GENERATOR != 0;
        co.flags.coroutine = bits & flags::COROUTINE != 0;
        co.flags.iterable_coroutine = bits & flags::ITERABLE_COROUTINE != 0;
        co.flags.async_generator = bits & flags::ASYNC_GENERATOR != 0;
        bits & !(flags::OPTIMIZED
            | flags::NEWLOCALS
            | flags::VARARGS
            | flags::VARKEYWORDS
            | flags::NESTED
            | flags::GENERATOR
            | flags::COROUTINE
            | flags::ITERABLE_COROUTINE
            | flags::ASYNC_GENERATOR)
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
        let global_cache = crate::eval::global_cache::GlobalCache::new(co.names.len());
        let attr_cache = crate::eval::attr_cache::AttrCache::new(co.names.len());
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
            extra_flags: 0,
            stacksize: None,
            wrapper: Default::default(),
            global_cache,
            attr_cache,
        })
    }

    /// The Python code object for `code` (one per code while alive).
    pub fn code_object(&mut self, code: &Rc<Code>) -> PyRef {
        if let Some(o) = code.wrapper.borrow().upgrade() {
            return o;
        }
        let o = self.alloc(self.types.code.clone(), Payload::Code(code.clone()));
        *code.wrapper.borrow_mut() = Rc::downgrade(&o);
        o
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
                Value::Obj(self.code_object(&code))
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
    Ok(Value::Int(i64::from(code_of(vm, v)?.flag_bits())))
}
fn co_stacksize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    let n = c.stacksize.unwrap_or(c.co.max_stack.max(1));
    Ok(Value::Int(i64::from(n)))
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
    vm.add_getset(&t, "co_stacksize", co_stacksize, None);
    vm.add_methods(
        &t,
        &[
            ("__repr__", co_repr),
            ("__eq__", co_eq),
            ("__hash__", co_hash),
            ("co_lines", co_lines),
            ("co_positions", co_positions),
            ("replace", co_replace),
        ],
    );
}

/// `co_lines()`: `(start, end, line)` for each run of instructions on one
/// line, in the same units as `f_lasti` (two per instruction).
fn co_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(vm, "code.co_lines")?;
    let c = code_of(vm, this)?.clone();
    let mut out = Vec::new();
    let mut start = 0usize;
    let n = c.co.instructions.len();
    for i in 0..n {
        let line = c.co.location(i).line;
        let next = if i + 1 < n {
            Some(c.co.location(i + 1).line)
        } else {
            None
        };
        if next != Some(line) {
            let l = if line == 0 {
                Value::None
            } else {
                Value::Int(i64::from(line))
            };
            let t = vm.new_tuple(vec![
                Value::Int(2 * start as i64),
                Value::Int(2 * (i + 1) as i64),
                l,
            ]);
            out.push(t);
            start = i + 1;
        }
    }
    let l = vm.new_list(out);
    vm.get_iter(&l)
}

/// `co_positions()`: `(line, end_line, col, end_col)` per instruction
/// (None where the compiler made code with no position).
fn co_positions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(vm, "code.co_positions")?;
    let c = code_of(vm, this)?.clone();
    let mut out = Vec::with_capacity(c.co.instructions.len());
    for i in 0..c.co.instructions.len() {
        let loc = c.co.location(i);
        let t = if loc.line == 0 {
            vm.new_tuple(vec![Value::None; 4])
        } else {
            vm.new_tuple(vec![
                Value::Int(i64::from(loc.line)),
                Value::Int(i64::from(loc.end_line)),
                Value::Int(i64::from(loc.col)),
                Value::Int(i64::from(loc.end_col)),
            ])
        };
        out.push(t);
    }
    let l = vm.new_list(out);
    vm.get_iter(&l)
}

/// The strings of a tuple of str (for `replace(co_names=...)`, ...).
fn str_tuple(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<PyRef>> {
    let Some(items) = v.as_tuple() else {
        return Err(vm.type_error(format!(
            "replace() argument '{what}' must be tuple, not {}",
            vm.type_name(v)
        )));
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items.iter() {
        match it {
            Value::Obj(o) if it.as_str().is_some() => out.push(o.clone()),
            _ => {
                return Err(vm.type_error(format!(
                    "name tuples must contain only strings, not '{}'",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(out)
}

fn int_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u32> {
    let n = match v {
        Value::Int(n) => *n,
        Value::Bool(b) => i64::from(*b),
        _ => {
            return Err(vm.type_error(format!(
                "replace() argument '{what}' must be int, not {}",
                vm.type_name(v)
            )))
        }
    };
    u32::try_from(n).map_err(|_| vm.value_error(format!("{what} must be a positive integer")))
}

fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if v.as_str().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "replace() argument '{what}' must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// `code.replace(**changes)`: a copy with the given fields changed. The
/// instruction stream itself (`co_code`, `co_linetable`,
/// `co_exceptiontable`) is rpy's own and cannot be replaced.
fn co_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    if args.pos().len() != 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let old = code_of(vm, &this)?.clone();
    let mut co = old.co.clone();
    let mut names = old.names.clone();
    let mut consts = old.consts.clone();
    let mut varnames = old.varnames.clone();
    let mut cellvars = old.cellvars.clone();
    let mut freevars = old.freevars.clone();
    let mut name = old.name.clone();
    let mut qualname = old.qualname.clone();
    let mut filename = old.filename.clone();
    let mut extra = old.extra_flags;
    let mut stacksize = old.stacksize;
    let mut nlocals = None;
    for (k, v) in args.kw() {
        match k {
            "co_name" => name = str_arg(vm, v, k)?,
            "co_qualname" => qualname = str_arg(vm, v, k)?,
            "co_filename" => filename = str_arg(vm, v, k)?,
            "co_firstlineno" => co.first_line = int_arg(vm, v, k)?,
            "co_argcount" => co.arg_count = int_arg(vm, v, k)?,
            "co_posonlyargcount" => co.posonly_arg_count = int_arg(vm, v, k)?,
            "co_kwonlyargcount" => co.kwonly_arg_count = int_arg(vm, v, k)?,
            "co_nlocals" => nlocals = Some(int_arg(vm, v, k)?),
            "co_stacksize" => stacksize = Some(int_arg(vm, v, k)?),
            "co_flags" => {
                let bits = int_arg(vm, v, k)?;
                extra = Code::set_flag_bits(&mut co, bits);
            }
            "co_consts" => match v.as_tuple() {
                Some(t) => consts = t.to_vec(),
                None => {
                    return Err(vm.type_error(format!(
                        "replace() argument 'co_consts' must be tuple, not {}",
                        vm.type_name(v)
                    )))
                }
            },
            "co_names" => names = str_tuple(vm, v, k)?,
            "co_varnames" => varnames = str_tuple(vm, v, k)?,
            "co_cellvars" => cellvars = str_tuple(vm, v, k)?,
            "co_freevars" => freevars = str_tuple(vm, v, k)?,
            "co_code" | "co_linetable" | "co_exceptiontable" => {
                return Err(vm.not_implemented_error(format!(
                    "code.replace({k}=...) is not supported by rpy (its bytecode is its own)"
                )))
            }
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for replace()"
                )))
            }
        }
    }
    // The instructions index these tables: their sizes must stay.
    let same = |a: usize, b: usize, what: &str, vm: &mut Vm| -> PyResult<()> {
        if a == b {
            Ok(())
        } else {
            Err(vm.value_error(format!(
                "code.replace() cannot change the number of {what} on rpy ({b} -> {a})"
            )))
        }
    };
    same(names.len(), old.names.len(), "co_names", vm)?;
    same(varnames.len(), old.varnames.len(), "co_varnames", vm)?;
    same(cellvars.len(), old.cellvars.len(), "co_cellvars", vm)?;
    same(freevars.len(), old.freevars.len(), "co_freevars", vm)?;
    if consts.len() < old.consts.len() {
        same(consts.len(), old.consts.len(), "co_consts", vm)?;
    }
    if let Some(n) = nlocals {
        if n as usize != varnames.len() {
            return Err(vm.value_error("code: co_varnames is too small"));
        }
    }
    let text = |o: &PyRef| o.as_str().map(str::to_owned).unwrap_or_default();
    co.name = text(&name);
    co.qualname = text(&qualname);
    co.filename = text(&filename);
    co.names = names.iter().map(text).collect();
    co.varnames = varnames.iter().map(text).collect();
    co.cellvars = cellvars.iter().map(text).collect();
    co.freevars = freevars.iter().map(text).collect();
    let global_cache = crate::eval::global_cache::GlobalCache::new(co.names.len());
    let attr_cache = crate::eval::attr_cache::AttrCache::new(co.names.len());
    let code = Rc::new(Code {
        co,
        names,
        consts,
        varnames,
        cellvars,
        freevars,
        name,
        qualname,
        filename,
        extra_flags: extra,
        stacksize,
        wrapper: Default::default(),
        global_cache,
        attr_cache,
    });
    Ok(Value::Obj(vm.code_object(&code)))
}

/// Equality as CPython's: name, argument counts, flags, first line,
/// instructions and positions, constants (type and value), names.
fn co_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method::<2>(vm, "code.__eq__")?;
    let a = code_of(vm, this)?.clone();
    let b = match other.payload() {
        Some(Payload::Code(c)) => c.clone(),
        _ => return Ok(Value::Obj(vm.not_implemented.clone())),
    };
    if Rc::ptr_eq(&a, &b) {
        return Ok(Value::Bool(true));
    }
    let same_text = |x: &[PyRef], y: &[PyRef]| {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.as_str() == q.as_str())
    };
    let shallow = a.name.as_str() == b.name.as_str()
        && a.co.arg_count == b.co.arg_count
        && a.co.posonly_arg_count == b.co.posonly_arg_count
        && a.co.kwonly_arg_count == b.co.kwonly_arg_count
        && a.flag_bits() == b.flag_bits()
        && a.co.first_line == b.co.first_line
        && a.co.instructions == b.co.instructions
        && a.co.locations == b.co.locations
        && same_text(&a.names, &b.names)
        && same_text(&a.varnames, &b.varnames)
        && same_text(&a.cellvars, &b.cellvars)
        && same_text(&a.freevars, &b.freevars)
        && a.consts.len() == b.consts.len();
    if !shallow {
        return Ok(Value::Bool(false));
    }
    for (x, y) in a.consts.iter().zip(b.consts.iter()) {
        // Constants compare with their types: 0, 0.0 and False differ.
        let (tx, ty) = (vm.class_of(x), vm.class_of(y));
        if !Rc::ptr_eq(&tx, &ty) || !vm.eq(x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn co_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(vm, "code.__hash__")?;
    let c = code_of(vm, this)?.clone();
    let mut h: i64 = 0x345678;
    let name = Value::Obj(c.name.clone());
    for part in [
        vm.hash(&name)?,
        i64::from(c.co.arg_count),
        i64::from(c.co.posonly_arg_count),
        i64::from(c.co.kwonly_arg_count),
        c.varnames.len() as i64,
        i64::from(c.flag_bits()),
        i64::from(c.co.first_line),
        c.co.instructions.len() as i64,
    ] {
        h = h.wrapping_mul(1_000_003) ^ part;
    }
    if h == -1 {
        h = -2;
    }
    Ok(Value::Int(h))
}
