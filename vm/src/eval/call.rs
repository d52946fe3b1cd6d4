//! Calling: dispatch on the callable's kind, binding arguments to a
//! function's parameters with CPython's TypeError messages, and calling
//! types (`__new__` then `__init__`).

use std::cell::Cell;
use std::rc::Rc;

use crate::eval::frame::Frame;
use crate::native::{Args, NativeKind};
use crate::object::Payload;
use crate::objects::function::FunctionData;
use crate::objects::type_::{is_subtype, lookup, type_name_of};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        _ => {
            let head: Vec<String> = names[..names.len() - 1]
                .iter()
                .map(|n| format!("'{n}'"))
                .collect();
            format!("{}, and '{}'", head.join(", "), names[names.len() - 1])
        }
    }
}

impl Vm {
    /// Calls `f` with positional arguments.
    #[inline]
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_with(f, Args::new(args))
    }

    /// Calls `f` with positional and keyword arguments.
    pub fn call_with(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        let Value::Obj(fo) = f else {
            return Err(self.type_error(format!("'{}' object is not callable", self.type_name(f))));
        };
        match &fo.payload {
            Payload::Function(fd) => {
                let frame = self.make_frame(fo, fd, args)?;
                if fd.code.borrow().co.flags.is_resumable() {
                    return Ok(crate::objects::generator::new_generator(self, fd, frame));
                }
                self.run_frame(frame)
            }
            Payload::BuiltinFunction(nf) => {
                if let (NativeKind::Bound, Some(b)) = (nf.kind, &nf.bound) {
                    let mut all = Vec::with_capacity(args.values.len() + 1);
                    all.push(b.clone());
                    all.extend_from_slice(args.values);
                    return nf.invoke(self, Args::with_kw(&all, args.kwnames));
                }
                if nf.kind == NativeKind::Method {
                    self.check_descriptor_self(nf, args)?;
                }
                if nf.kind == NativeKind::ClassMethod {
                    // Unbound classmethod descriptor called directly:
                    // `dict.fromkeys` accessed through the dict.
                    if let Some(owner) = &nf.owner {
                        let mut all = Vec::with_capacity(args.values.len() + 1);
                        all.push(Value::Obj(owner.clone()));
                        all.extend_from_slice(args.values);
                        return nf.invoke(self, Args::with_kw(&all, args.kwnames));
                    }
                }
                nf.invoke(self, args)
            }
            Payload::BoundMethod { func, this } => {
                let mut all = Vec::with_capacity(args.values.len() + 1);
                all.push(this.clone());
                all.extend_from_slice(args.values);
                let func = func.clone();
                self.call_with(&func, Args::with_kw(&all, args.kwnames))
            }
            Payload::Type(_) => {
                let meta = self.obj_class(fo);
                if Rc::ptr_eq(&meta, &self.types.type_) {
                    return self.call_type(fo, args);
                }
                let k = self.names.__call__.clone();
                match lookup(&meta, &k) {
                    Some(c) => {
                        let mut all = Vec::with_capacity(args.values.len() + 1);
                        all.push(f.clone());
                        all.extend_from_slice(args.values);
                        self.call_with(&c, Args::with_kw(&all, args.kwnames))
                    }
                    None => self.call_type(fo, args),
                }
            }
            Payload::Native(n) if crate::native_slots::exact_slots(fo).is_some() => {
                match &n.slots.call {
                    Some(c) => {
                        self.recursion_enter(" while calling a Python object")?;
                        let r = c(self, f, args);
                        self.depth -= 1;
                        r
                    }
                    None => {
                        Err(self
                            .type_error(format!("'{}' object is not callable", self.type_name(f))))
                    }
                }
            }
            _ => {
                let cls = self.obj_class(fo);
                let k = self.names.__call__.clone();
                match lookup(&cls, &k) {
                    Some(c) => {
                        let mut all = Vec::with_capacity(args.values.len() + 1);
                        all.push(f.clone());
                        all.extend_from_slice(args.values);
                        self.recursion_enter(" while calling a Python object")?;
                        let r = self.call_with(&c, Args::with_kw(&all, args.kwnames));
                        self.depth -= 1;
                        r
                    }
                    None => {
                        Err(self
                            .type_error(format!("'{}' object is not callable", type_name_of(&cls))))
                    }
                }
            }
        }
    }

    /// TypeError unless a method descriptor's first argument is an
    /// instance of its owner type.
    pub(crate) fn check_descriptor_self(
        &mut self,
        nf: &crate::native::NativeFunction,
        args: Args,
    ) -> PyResult<()> {
        let Some(owner) = &nf.owner else {
            return Ok(());
        };
        match args.pos().first() {
            None => Err(self.type_error(format!(
                "unbound method {}.{}() needs an argument",
                type_name_of(owner),
                nf.name
            ))),
            Some(s) => {
                if self.is_instance(s, owner) {
                    Ok(())
                } else {
                    Err(self.type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        nf.name,
                        type_name_of(owner),
                        self.type_name(s)
                    )))
                }
            }
        }
    }

    /// Increments the recursion depth, or RecursionError
    /// "maximum recursion depth exceeded{suffix}".
    #[inline]
    pub fn recursion_enter(&mut self, suffix: &str) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.recursion_error(format!("maximum recursion depth exceeded{suffix}")));
        }
        self.tick(None, 1)?;
        self.depth += 1;
        Ok(())
    }

    /// A frame for calling function `func` with `args` bound to its
    /// parameters.
    pub fn make_frame(
        &mut self,
        func: &PyRef,
        fd: &FunctionData,
        args: Args,
    ) -> PyResult<Box<Frame>> {
        let code = fd.code.borrow().clone();
        let mut frame = match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(code.clone(), fd.globals.clone(), fd.builtins.clone());
                f
            }
            None => {
                let mut f = Box::new(Frame::new(
                    code.clone(),
                    fd.globals.clone(),
                    fd.builtins.clone(),
                ));
                f.core_mut()
                    .fast
                    .resize_with(code.varnames.len(), || Cell::new(None));
                f
            }
        };
        let core = frame.core_mut();
        let co = &code.co;
        let argcount = co.arg_count as usize;
        let kwonly = co.kwonly_arg_count as usize;
        let pos = args.pos();
        // Fast path: exact positional arguments, no cells.
        if args.kwnames.is_empty()
            && pos.len() == argcount
            && !co.flags.varargs
            && !co.flags.varkeywords
            && kwonly == 0
        {
            for (slot, v) in core.fast.iter_mut().zip(pos.iter()) {
                *slot.get_mut() = Some(v.clone());
            }
        } else {
            self.bind_args(func, fd, &mut core.fast, args)?;
        }
        // Cells and free variables.
        if code.ncells() > 0 {
            for (i, _) in code.cellvars.iter().enumerate() {
                let init = co
                    .cell2arg
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|j| core.get_fast(j as usize));
                let c = self.new_cell(init);
                core.cells.push(c);
            }
            for c in fd.closure.borrow().iter() {
                core.cells.push(c.clone());
            }
        }
        Ok(frame)
    }

    fn bind_args(
        &mut self,
        func: &PyRef,
        fd: &FunctionData,
        fast: &mut [Cell<Option<Value>>],
        args: Args,
    ) -> PyResult<()> {
        let code = fd.code.borrow().clone();
        let co = &code.co;
        let argcount = co.arg_count as usize;
        let posonly = co.posonly_arg_count as usize;
        let kwonly = co.kwonly_arg_count as usize;
        let pos = args.pos();
        let qual = || fd.qualname.borrow().as_str().unwrap_or("?").to_owned();
        let n = pos.len().min(argcount);
        for (slot, v) in fast.iter_mut().zip(&pos[..n]) {
            *slot.get_mut() = Some(v.clone());
        }
        let mut slot = argcount + kwonly;
        if co.flags.varargs {
            let extra = pos.get(argcount..).unwrap_or(&[]).to_vec();
            *fast[slot].get_mut() = Some(self.new_tuple(extra));
            slot += 1;
        }
        let kwdict = if co.flags.varkeywords {
            let d = self.new_dict_ref();
            *fast[slot].get_mut() = Some(Value::Obj(d.clone()));
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (name, val) in args.kw() {
            let idx = code.varnames[posonly..argcount + kwonly]
                .iter()
                .position(|v| v.as_str() == Some(name))
                .map(|i| i + posonly);
            match idx {
                Some(i) => {
                    if fast[i].get_mut().is_some() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{name}'",
                            qual()
                        )));
                    }
                    *fast[i].get_mut() = Some(val.clone());
                }
                None => match &kwdict {
                    Some(d) => {
                        let k = self.intern(name);
                        self.dict_set(d, Value::Obj(k), val.clone())?;
                    }
                    None => {
                        if code.varnames[..posonly]
                            .iter()
                            .any(|v| v.as_str() == Some(name))
                        {
                            posonly_as_kw.push(name.to_owned());
                        } else {
                            return Err(self.type_error(format!(
                                "{}() got an unexpected keyword argument '{name}'",
                                qual()
                            )));
                        }
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qual(),
                posonly_as_kw.join(", ")
            )));
        }
        let defaults: Vec<Value> = fd
            .defaults
            .borrow()
            .as_tuple()
            .map(|t| t.to_vec())
            .unwrap_or_default();
        if pos.len() > argcount && !co.flags.varargs {
            let kw_given = (argcount..argcount + kwonly)
                .filter(|i| fast[*i].get_mut().is_some())
                .count();
            let takes = if defaults.is_empty() {
                format!(
                    "{argcount} positional argument{}",
                    if argcount == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "from {} to {argcount} positional arguments",
                    argcount - defaults.len().min(argcount)
                )
            };
            let given = if kw_given > 0 {
                format!(
                    "{} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                    pos.len(),
                    if pos.len() == 1 { "" } else { "s" },
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{} {} given",
                    pos.len(),
                    if pos.len() == 1 { "was" } else { "were" }
                )
            };
            return Err(self.type_error(format!("{}() takes {takes} but {given}", qual())));
        }
        // Defaults for missing positional parameters.
        let first_default = argcount.saturating_sub(defaults.len());
        let mut missing: Vec<String> = Vec::new();
        for (i, slot) in fast.iter_mut().enumerate().take(argcount) {
            let slot = slot.get_mut();
            if slot.is_none() {
                if i >= first_default {
                    *slot = defaults.get(i - first_default).cloned();
                } else {
                    missing.push(code.varnames[i].as_str().unwrap_or("?").to_owned());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qual(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        if kwonly > 0 {
            let kwd = fd.kwdefaults.borrow().clone();
            for (i, slot) in fast.iter_mut().enumerate().skip(argcount).take(kwonly) {
                let slot = slot.get_mut();
                if slot.is_none() {
                    if let Value::Obj(d) = &kwd {
                        if let Some(v) = crate::objects::dict::get_str(d, &code.varnames[i]) {
                            *slot = Some(v);
                            continue;
                        }
                    }
                    missing.push(code.varnames[i].as_str().unwrap_or("?").to_owned());
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    qual(),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&missing)
                )));
            }
        }
        let _ = func;
        Ok(())
    }

    /// Calls type `cls`: `cls.__new__(cls, ...)`, then `__init__` if the
    /// result is an instance of `cls`.
    pub fn call_type(&mut self, cls: &PyRef, args: Args) -> PyResult<Value> {
        if Rc::ptr_eq(cls, &self.types.type_) && args.values.len() == 1 && args.kwnames.is_empty() {
            return Ok(Value::Obj(self.class_of(&args.values[0])));
        }
        self.recursion_enter(" while calling a Python object")?;
        let r = self.call_type_inner(cls, args);
        self.depth -= 1;
        r
    }

    fn call_type_inner(&mut self, cls: &PyRef, args: Args) -> PyResult<Value> {
        let new_name = self.names.__new__.clone();
        let new = lookup(cls, &new_name);
        let mut all = Vec::with_capacity(args.values.len() + 1);
        all.push(Value::Obj(cls.clone()));
        all.extend_from_slice(args.values);
        let obj = match &new {
            Some(f) => {
                let f = match f.payload() {
                    Some(Payload::StaticMethod(inner)) => inner.borrow().clone(),
                    _ => f.clone(),
                };
                self.call_with(&f, Args::with_kw(&all, args.kwnames))?
            }
            None => {
                return Err(
                    self.type_error(format!("cannot create '{}' instances", type_name_of(cls)))
                )
            }
        };
        let ocls = self.class_of(&obj);
        if !is_subtype(&ocls, cls) {
            return Ok(obj);
        }
        let init_name = self.names.__init__.clone();
        if let Some(init) = lookup(&ocls, &init_name) {
            all[0] = obj.clone();
            let r = self.call_with(&init, Args::with_kw(&all, args.kwnames))?;
            if !r.is_none() {
                return Err(self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        }
        Ok(obj)
    }
}
