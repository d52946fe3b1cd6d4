//! Core built-in functions: I/O (`print`, `input`), object protocol
//! helpers (`len`, `repr`, `hash`, `id`, `iter`, `next`, attribute
//! functions), type checks, numeric helpers and reductions.

use rpy_compiler::bytecode::BinaryOperator as B;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::type_::{is_subtype, lookup};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut sep: Option<Value> = None;
    let mut end: Option<Value> = None;
    let mut file: Option<Value> = None;
    let mut flush = false;
    for (k, v) in args.kw() {
        match k {
            "sep" => sep = Some(v.clone()),
            "end" => end = Some(v.clone()),
            "file" => file = Some(v.clone()),
            "flush" => flush = vm.is_true(v)?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let sep = match &sep {
        None | Some(Value::None) => " ".to_owned(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "sep must be None or a string, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let end = match &end {
        None | Some(Value::None) => "\n".to_owned(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "end must be None or a string, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let file = match file {
        None | Some(Value::None) => {
            let k = vm.names.stdout.clone();
            let sys = Value::Obj(vm.sys.clone());
            match vm.get_attr_opt(&sys, &k)? {
                Some(f) => f,
                None => return Err(vm.runtime_error("lost sys.stdout")),
            }
        }
        Some(f) => f,
    };
    if file.is_none() {
        return Ok(Value::None);
    }
    // Fast path: the built-in stdout/stderr objects get one write.
    let std = file.as_obj().and_then(|o| {
        o.native_data::<crate::io::StdStream>()
            .map(|s| (s.err, s.input))
    });
    if let Some((err, false)) = std {
        let mut text = String::new();
        for (i, a) in args.pos().iter().enumerate() {
            if i > 0 {
                text.push_str(&sep);
            }
            let piece = vm.str(a)?;
            if !err && crate::text::surrogates::has_surrogates(&piece) {
                // CPython writes piece by piece: what came before goes
                // out, then this piece fails to encode.
                crate::io::check_held_output(vm, text.len())?;
                let out = vm.output.clone();
                let r = out.borrow_mut().write(err, &text);
                if let Err(e) = r {
                    return Err(crate::io::io_error(vm, e));
                }
                crate::io::outgoing_text(vm, err, &piece)?;
            }
            text.push_str(&piece);
        }
        text.push_str(&end);
        if crate::text::surrogates::has_surrogates(&text) {
            text = crate::io::outgoing_text(vm, err, &text)?.into_owned();
        }
        crate::io::check_held_output(vm, text.len())?;
        let out = vm.output.clone();
        let r = out.borrow_mut().write(err, &text);
        if let Err(e) = r {
            return Err(crate::io::io_error(vm, e));
        }
        if flush {
            let r = out.borrow_mut().flush(err);
            if let Err(e) = r {
                return Err(crate::io::io_error(vm, e));
            }
        }
        return Ok(Value::None);
    }
    // Native text streams: one write of everything (see
    // `Vm::join_print_writes`).
    if let Some(write) = vm.joined_print_write(&file) {
        let mut pieces = Vec::with_capacity(args.pos().len());
        for a in args.pos() {
            pieces.push(match a.as_str() {
                Some(s) => s.to_owned(),
                None => vm.str(a)?,
            });
        }
        let mut text = pieces.join(sep.as_str());
        text.push_str(&end);
        if crate::text::surrogates::has_surrogates(&text) {
            // A piece the stream may refuse: write piece by piece, so
            // what comes before it is written, as CPython does.
            for (i, piece) in pieces.into_iter().enumerate() {
                if i > 0 {
                    let s = vm.str_val(sep.clone());
                    vm.call(&write, &[file.clone(), s])?;
                }
                let s = vm.str_val(piece);
                vm.call(&write, &[file.clone(), s])?;
            }
            let s = vm.str_val(end);
            vm.call(&write, &[file.clone(), s])?;
        } else {
            let s = vm.str_val(text);
            vm.call(&write, &[file.clone(), s])?;
        }
        if flush {
            vm.call_method(&file, "flush", &[])?;
        }
        return Ok(Value::None);
    }
    // Other files: one write per piece, as CPython does.
    let write = vm.get_attr_str(&file, "write")?;
    for (i, a) in args.pos().iter().enumerate() {
        if i > 0 {
            let s = vm.str_val(sep.clone());
            vm.call(&write, &[s])?;
        }
        let s = vm.str_value(a)?;
        vm.call(&write, &[s])?;
    }
    let e = vm.str_val(end);
    vm.call(&write, &[e])?;
    if flush {
        vm.call_method(&file, "flush", &[])?;
    }
    Ok(Value::None)
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [prompt] = args.range::<1>(vm, "input", 0, false)?;
    let sys = Value::Obj(vm.sys.clone());
    if let Some(p) = prompt {
        let s = vm.str(p)?;
        let k = vm.names.stdout.clone();
        if let Some(out) = vm.get_attr_opt(&sys, &k)? {
            let t = vm.str_val(s);
            vm.call_method(&out, "write", &[t])?;
            vm.call_method(&out, "flush", &[])?;
        }
    }
    let k = vm.names.stdin.clone();
    let Some(stdin) = vm.get_attr_opt(&sys, &k)? else {
        return Err(vm.runtime_error("input(): lost sys.stdin"));
    };
    let line = vm.call_method(&stdin, "readline", &[])?;
    let s = vm.str(&line)?;
    if s.is_empty() {
        let c = vm.exc.eof_error.clone();
        return Err(vm.new_error(&c, "EOF when reading a line"));
    }
    let s = s.strip_suffix('\n').unwrap_or(&s).to_owned();
    Ok(vm.str_val(s))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "len")?;
    Ok(Value::Int(vm.len(x)? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "repr")?;
    let s = vm.repr(x)?;
    Ok(vm.str_val(s))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "ascii")?;
    let s = vm.repr(x)?;
    Ok(vm.str_val(crate::format::ascii_escape(&s)))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "hash")?;
    Ok(Value::Int(vm.hash(x)?))
}

fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "id")?;
    Ok(Value::Int(x.id()))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, sentinel] = args.range::<2>(vm, "iter", 1, false)?;
    let x = x.cloned().unwrap_or(Value::None);
    match sentinel {
        None => vm.get_iter(&x),
        Some(s) => {
            if !vm.is_callable(&x) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            let cls = vm.types.callable_iterator.clone();
            Ok(crate::objects::iter::new_iter(
                vm,
                cls,
                crate::objects::iter::IterState::Callable {
                    func: x,
                    sentinel: s.clone(),
                },
            ))
        }
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [it, default] = args.range::<2>(vm, "next", 1, false)?;
    let it = it.cloned().unwrap_or(Value::None);
    let nk = vm.names.__next__.clone();
    if !matches!(
        it.payload(),
        Some(Payload::Iter(_)) | Some(Payload::Generator(_))
    ) && vm.lookup_special(&it, &nk).is_none()
    {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(&it))));
    }
    // Generators and Python iterators: keep the StopIteration value.
    if !matches!(it.payload(), Some(Payload::Iter(_))) {
        let f = match vm.lookup_special(&it, &nk) {
            Some(f) => f,
            None => {
                return Err(
                    vm.type_error(format!("'{}' object is not an iterator", vm.type_name(&it)))
                )
            }
        };
        return match vm.call(&f, std::slice::from_ref(&it)) {
            Ok(v) => Ok(v),
            Err(e) if default.is_some() && vm.err_matches(&e, &vm.exc.stop_iteration.clone()) => {
                Ok(default.cloned().unwrap_or(Value::None))
            }
            Err(e) => Err(e),
        };
    }
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(None)),
        },
    }
}

/// The classes of an isinstance/issubclass second argument.
fn class_info(vm: &mut Vm, v: &Value, out: &mut Vec<Value>, depth: usize) -> PyResult<()> {
    if let Some(t) = v.as_tuple() {
        if depth > 100 {
            return Err(vm.recursion_error("maximum recursion depth exceeded in __instancecheck__"));
        }
        for x in t {
            class_info(vm, x, out, depth + 1)?;
        }
        return Ok(());
    }
    // A union stands for the tuple of its arguments.
    if let Some(args) = crate::objects::union::union_args(vm, v) {
        out.extend(args);
        return Ok(());
    }
    out.push(v.clone());
    Ok(())
}

impl Vm {
    /// `isinstance(obj, cls)` with `__instancecheck__` and tuples.
    pub fn isinstance(&mut self, obj: &Value, cls: &Value) -> PyResult<bool> {
        let mut classes = Vec::new();
        class_info(self, cls, &mut classes, 0)?;
        for c in classes {
            if let Value::Obj(co) = &c {
                if co.as_type().is_some() {
                    if self.is_instance(obj, co) {
                        return Ok(true);
                    }
                    let meta = self.obj_class(co);
                    if std::rc::Rc::ptr_eq(&meta, &self.types.type_) {
                        continue;
                    }
                }
            }
            let k = self.names.__instancecheck__.clone();
            match self.lookup_special(&c, &k) {
                Some(f)
                    if !matches!(c.as_obj().map(|o| o.as_type().is_some()), Some(true))
                        || !is_native(&f) =>
                {
                    let r = self.call(&f, &[c.clone(), obj.clone()])?;
                    if self.is_true(&r)? {
                        return Ok(true);
                    }
                }
                Some(_) => {}
                None => {
                    return Err(self.type_error(
                        "isinstance() arg 2 must be a type, a tuple of types, or a union",
                    ));
                }
            }
        }
        Ok(false)
    }

    /// `issubclass(sub, cls)`.
    pub fn issubclass(&mut self, sub: &Value, cls: &Value) -> PyResult<bool> {
        let mut classes = Vec::new();
        class_info(self, cls, &mut classes, 0)?;
        for c in classes {
            if let (Value::Obj(so), Value::Obj(co)) = (sub, &c) {
                if so.as_type().is_some() && co.as_type().is_some() {
                    let meta = self.obj_class(co);
                    if std::rc::Rc::ptr_eq(&meta, &self.types.type_) {
                        if is_subtype(so, co) {
                            return Ok(true);
                        }
                        continue;
                    }
                }
            }
            let k = self.names.__subclasscheck__.clone();
            match self.lookup_special(&c, &k) {
                Some(f) => {
                    if sub.as_obj().and_then(|o| o.as_type()).is_none()
                        && is_native(&f)
                        && crate::objects::generic_alias::alias_parts(self, &c).is_none()
                    {
                        return Err(self.type_error("issubclass() arg 1 must be a class"));
                    }
                    let r = self.call(&f, &[c.clone(), sub.clone()])?;
                    if self.is_true(&r)? {
                        return Ok(true);
                    }
                }
                None => {
                    return Err(self.type_error(
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                    ))
                }
            }
        }
        Ok(false)
    }

    /// `callable(v)`.
    pub fn is_callable(&self, v: &Value) -> bool {
        match v.payload() {
            Some(Payload::Function(_))
            | Some(Payload::BuiltinFunction(_))
            | Some(Payload::BoundMethod { .. })
            | Some(Payload::Type(_)) => true,
            _ => lookup(&self.class_of(v), &self.names.__call__).is_some(),
        }
    }
}

fn is_native(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::BuiltinFunction(_)))
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, cls] = args.exact(vm, "isinstance")?;
    Ok(Value::Bool(vm.isinstance(obj, cls)?))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sub, cls] = args.exact(vm, "issubclass")?;
    if sub.as_obj().and_then(|o| o.as_type()).is_none() {
        let k = vm.names.__subclasscheck__.clone();
        let custom = vm
            .lookup_special(cls, &k)
            .map(|f| !is_native(&f))
            .unwrap_or(false)
            || crate::objects::generic_alias::alias_parts(vm, cls).is_some();
        if !custom {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
    }
    Ok(Value::Bool(vm.issubclass(sub, cls)?))
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "callable")?;
    Ok(Value::Bool(vm.is_callable(x)))
}

fn name_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<PyRef> {
    match v {
        Value::Obj(o) if o.as_str().is_some() => Ok(o.clone()),
        _ => Err(vm.type_error(format!(
            "{fname}(): attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name, default] = args.range::<3>(vm, "getattr", 2, false)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    let name = match name {
        Some(Value::Obj(o)) if o.as_str().is_some() => o.clone(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(v)
            )))
        }
        None => return Err(vm.type_error("getattr expected at least 2 arguments, got 1")),
    };
    match default {
        None => vm.get_attr(&obj, &name),
        Some(d) => Ok(vm.get_attr_opt(&obj, &name)?.unwrap_or_else(|| d.clone())),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name, value] = args.exact(vm, "setattr")?;
    let name = match name {
        Value::Obj(o) if o.as_str().is_some() => o.clone(),
        v => {
            return Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(v)
            )))
        }
    };
    vm.set_attr(obj, &name, value.clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name] = args.exact(vm, "hasattr")?;
    let name = match name {
        Value::Obj(o) if o.as_str().is_some() => o.clone(),
        v => {
            return Err(vm.type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(v)
            )))
        }
    };
    Ok(Value::Bool(vm.get_attr_opt(obj, &name)?.is_some()))
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, name] = args.exact(vm, "delattr")?;
    let name = name_arg(vm, name, "delattr").map_err(|_| {
        vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        ))
    })?;
    vm.del_attr(obj, &name)?;
    Ok(Value::None)
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "abs")?;
    match x {
        Value::Int(i) => {
            if let Some(a) = i.checked_abs() {
                return Ok(Value::Int(a));
            }
        }
        Value::Float(f) => return Ok(Value::Float(f.abs())),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        _ => {}
    }
    let k = vm.names.__abs__.clone();
    match vm.call_special(x, &k, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(x)))),
    }
}

fn minmax(vm: &mut Vm, args: Args, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let mut key = Value::None;
    let mut default: Option<Value> = None;
    for (k, v) in args.kw() {
        match k {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    let pos = args.pos();
    let items = match pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iterate(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = if key.is_none() {
            it.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&it))?
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                let better = if is_max {
                    vm.lt(&bk, &k)?
                } else {
                    vm.lt(&k, &bk)?
                };
                if better {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, true)
}
fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    minmax(vm, args, false)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let [iterable, start] = args.bind(vm, "sum", ["iterable", "start"], 1)?;
    let _ = pos;
    let mut acc = start.cloned().unwrap_or(Value::Int(0));
    if let Some(Payload::Str(_)) = acc.payload() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if let Some(Payload::Bytes(_)) = acc.payload() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let it = vm.get_iter(iterable.unwrap_or(&Value::None))?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, B::Add)?;
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = vm.iterate(&pos[0])?;
    let l = vm.new_list(items);
    let kn: Vec<Value> = args.kwnames.to_vec();
    let n = args.values.len() - kn.len();
    let mut vals = vec![l.clone()];
    vals.extend(args.values[n..].iter().cloned());
    let sort = vm.get_attr_str(&l, "sort")?;
    vm.call_with(&sort, Args::with_kw(&vals[1..], &kn))?;
    Ok(l)
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "all")?;
    let it = vm.get_iter(x)?;
    while let Some(v) = vm.next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "any")?;
    let it = vm.get_iter(x)?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn chr_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "chr")?;
    if !vm.is_index(x) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(x)
        )));
    }
    let i = vm.to_index(x)?;
    let n = i64::try_from(&i)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    match u32::try_from(n).ok().filter(|n| *n <= 0x10ffff) {
        Some(c) => match crate::text::surrogates::from_code_point(c) {
            Some(ch) => Ok(Value::Obj(vm.intern_char(&ch.to_string()))),
            None => Err(vm.not_implemented_error(crate::text::surrogates::reserved_message(c))),
        },
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "ord")?;
    match x.payload() {
        Some(Payload::Str(s)) => {
            let mut it = s.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(i64::from(crate::text::surrogates::code_point(
                    c,
                )))),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ))),
            }
        }
        Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => {
            let b = vm.bytes_like(x)?;
            if b.len() == 1 {
                Ok(Value::Int(i64::from(b[0])))
            } else {
                Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    b.len()
                )))
            }
        }
        _ => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(x)
        ))),
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, spec: &str) -> PyResult<Value> {
    let [x] = args.exact(vm, name)?;
    if !vm.is_index(x) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(x)
        )));
    }
    let i = vm.to_index(x)?;
    let s = crate::format::format_int(vm, &i, spec)?;
    Ok(vm.str_val(s))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", "#x")
}
fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", "#o")
}
fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", "#b")
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [number, ndigits] = args.bind(vm, "round", ["number", "ndigits"], 1)?;
    let number = number.cloned().unwrap_or(Value::None);
    let k = vm.names.__round__.clone();
    let extra: Vec<Value> = match ndigits {
        Some(n) if !n.is_none() => vec![n.clone()],
        _ => vec![],
    };
    match vm.call_special(&number, &k, &extra)? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&number)
        ))),
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact(vm, "divmod")?;
    let num = |v: &Value| {
        crate::objects::int::as_int(v).is_some() || crate::objects::float::as_float(v).is_some()
    };
    if num(a) && num(b) {
        let is_float = crate::objects::float::as_float(a).is_some()
            || crate::objects::float::as_float(b).is_some();
        if is_float && vm.to_float(b)? == 0.0 {
            return Err(vm.zero_division_error("float divmod()"));
        }
        if !is_float
            && crate::objects::int::to_integer(b)
                .map(|i| i == 0)
                .unwrap_or(false)
        {
            return Err(vm.zero_division_error("integer division or modulo by zero"));
        }
        let q = vm.binary_op(a, b, B::FloorDivide)?;
        let r = vm.binary_op(a, b, B::Modulo)?;
        return Ok(vm.new_tuple(vec![q, r]));
    }
    let (dk, rk) = (vm.names.__divmod__.clone(), vm.names.__rdivmod__.clone());
    if let Some(f) = vm.lookup_special(a, &dk) {
        let r = vm.call(&f, &[a.clone(), b.clone()])?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(f) = vm.lookup_special(b, &rk) {
        let r = vm.call(&f, &[b.clone(), a.clone()])?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [base, exp, m] = args.bind(vm, "pow", ["base", "exp", "mod"], 2)?;
    let base = base.cloned().unwrap_or(Value::None);
    let exp = exp.cloned().unwrap_or(Value::None);
    match m {
        None | Some(Value::None) => vm.binary_op(&base, &exp, B::Power),
        Some(m) => {
            if crate::objects::complex::as_complex(&base).is_some()
                || crate::objects::complex::as_complex(&exp).is_some()
            {
                return Err(vm.value_error("complex modulo"));
            }
            let num = |v: &Value| {
                crate::objects::float::as_float(v).is_some()
                    || crate::objects::complex::as_complex(v).is_some()
            };
            if num(&base) || num(&exp) || num(m) {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            let (Some(b), Some(e), Some(mm)) = (
                crate::objects::int::as_int(&base),
                crate::objects::int::as_int(&exp),
                crate::objects::int::as_int(m),
            ) else {
                let k = vm.names.__pow__.clone();
                if let Some(f) = vm.lookup_special(&base, &k) {
                    let r = vm.call(&f, &[base.clone(), exp.clone(), m.clone()])?;
                    if !vm.is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
                return Err(vm.type_error(format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    vm.type_name(&base),
                    vm.type_name(&exp),
                    vm.type_name(m)
                )));
            };
            crate::objects::int::pow_mod(vm, &b, &e, &mm)
        }
    }
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, spec] = args.range::<2>(vm, "format", 1, false)?;
    let v = v.cloned().unwrap_or(Value::None);
    let spec = match spec {
        Some(s) => match s.as_str() {
            Some(x) => x.to_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                )))
            }
        },
        None => String::new(),
    };
    vm.format(&v, &spec)
}

fn import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] = args.bind(
        vm,
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = match name.and_then(|n| n.as_str()) {
        Some(s) => s.to_owned(),
        None => return Err(vm.type_error("__import__() argument 1 must be str")),
    };
    let globals = match globals {
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => Some(g.clone()),
        _ => None,
    };
    let fl = match fromlist {
        Some(f) if !f.is_none() => vm.iterate(f)?,
        _ => Vec::new(),
    };
    let level = match level {
        Some(l) => vm.to_i64(l)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    vm.import_name(&name, globals.as_ref(), &fl, level as usize)
}

pub fn init(vm: &mut Vm, b: &PyRef) {
    vm.module_add_fns(
        b,
        &[
            ("print", print),
            ("input", input),
            ("len", len),
            ("repr", repr),
            ("ascii", ascii),
            ("hash", hash),
            ("id", id),
            ("iter", iter),
            ("next", next),
            ("isinstance", isinstance),
            ("issubclass", issubclass),
            ("callable", callable),
            ("getattr", getattr),
            ("setattr", setattr),
            ("hasattr", hasattr),
            ("delattr", delattr),
            ("abs", abs),
            ("max", max),
            ("min", min),
            ("sum", sum),
            ("sorted", sorted),
            ("all", all),
            ("any", any),
            ("chr", chr_),
            ("ord", ord),
            ("hex", hex),
            ("oct", oct),
            ("bin", bin),
            ("round", round),
            ("divmod", divmod),
            ("pow", pow),
            ("format", format),
            ("__import__", import),
        ],
    );
}

/// The name of a `Quitter` (`exit`/`quit`).
struct QuitterName(&'static str);

fn quitter_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = args
        .this()
        .as_obj()
        .and_then(|o| o.native_data::<QuitterName>().map(|n| n.0))
        .unwrap_or("exit");
    Ok(vm.str_val(format!("Use {name}() or Ctrl-D (i.e. EOF) to exit")))
}

fn quitter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_this, code] = args.range::<2>(vm, "__call__", 1, true)?;
    let c = vm.exc.system_exit.clone();
    let a: Vec<Value> = code.cloned().into_iter().collect();
    let e = vm.call(&Value::Obj(c), &a)?;
    match e {
        Value::Obj(o) => Err(crate::vm::PyErr(o)),
        _ => Err(vm.system_error("bad SystemExit")),
    }
}

/// `exit` and `quit` (CPython's site module adds them to builtins).
pub fn init_quitters(vm: &mut Vm, b: &PyRef) {
    let t = vm.new_native_type("_sitebuiltins", "Quitter", None);
    vm.add_methods(
        &t,
        &[("__repr__", quitter_repr), ("__call__", quitter_call)],
    );
    for name in ["exit", "quit"] {
        let data: Box<dyn std::any::Any> = Box::new(QuitterName(name));
        let q = vm.alloc(
            t.clone(),
            Payload::NativeData(std::cell::RefCell::new(data)),
        );
        vm.module_set(b, name, Value::Obj(q));
    }
}
