//! Built-ins that look at the calling frame or run code: `globals`,
//! `locals`, `vars`, `dir`, `exec`, `eval`, `compile`.

use crate::native::{Args, NativeFn, NativeFunction};
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "globals")?;
    match vm.caller.globals.clone() {
        Some(g) => Ok(Value::Obj(g)),
        None => Ok(Value::Obj(vm.new_dict_ref())),
    }
}

fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "locals")?;
    match vm.caller.locals.clone() {
        Some(l) => Ok(l),
        None => Ok(vm.new_dict()),
    }
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.range::<1>(vm, "vars", 0, false)?;
    match obj {
        None => Ok(vm.caller.locals.clone().unwrap_or(Value::None)),
        Some(o) => {
            let k = vm.names.__dict__.clone();
            match vm.get_attr_opt(o, &k)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.range::<1>(vm, "dir", 0, false)?;
    let names = match obj {
        None => {
            let l = vm.caller.locals.clone().unwrap_or(Value::None);
            match &l {
                Value::Obj(d) if matches!(d.payload, Payload::Dict(_)) => {
                    crate::objects::dict::entries(d)
                        .into_iter()
                        .map(|(k, _)| k)
                        .collect()
                }
                _ => vm.iterate(&l)?,
            }
        }
        Some(o) => {
            let k = vm.names.__dir__.clone();
            let r = match vm.call_special(o, &k, &[])? {
                Some(r) => r,
                None => return Err(vm.type_error("object does not provide __dir__")),
            };
            vm.iterate(&r)?
        }
    };
    let l = vm.new_list(names);
    let sort = vm.get_attr_str(&l, "sort")?;
    vm.call(&sort, &[])?;
    Ok(l)
}

/// Source (str/bytes) or code object to a runtime code object.
/// `optimize` is compile()'s level; None is the interpreter's (`-O`).
fn to_code(
    vm: &mut Vm,
    src: &Value,
    mode: rpy_compiler::Mode,
    fname: &str,
    what: &str,
    optimize: Option<u8>,
) -> PyResult<std::rc::Rc<crate::objects::code::Code>> {
    match src.payload() {
        Some(Payload::Code(c)) => Ok(c.clone()),
        Some(Payload::Str(s)) => {
            let text = s.as_str().to_owned();
            let text = if mode == rpy_compiler::Mode::Eval {
                text.trim_start_matches([' ', '\t']).to_owned()
            } else {
                text
            };
            let level = optimize.unwrap_or(vm.flags().optimize);
            let code = vm.compile_text_at(&text, fname, mode, level)?;
            Ok(vm.load_code(code))
        }
        Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => {
            let b = vm.bytes_like(src)?;
            let s = String::from_utf8_lossy(&b).into_owned();
            let sv = vm.str_val(s);
            to_code(vm, &sv, mode, fname, what, optimize)
        }
        _ => Err(vm.type_error(format!(
            "{what}() arg 1 must be a string, bytes or code object"
        ))),
    }
}

fn run_with(vm: &mut Vm, args: Args, mode: rpy_compiler::Mode, what: &str) -> PyResult<Value> {
    let [src, g, l] = args.bind(vm, what, ["source", "globals", "locals"], 1)?;
    let caller = vm.caller.clone();
    let globals = match g {
        None | Some(Value::None) => caller.globals.clone().unwrap_or_else(|| vm.new_dict_ref()),
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => d.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "{what}() globals must be a dict, not {}",
                vm.type_name(other)
            )))
        }
    };
    let locals = match l {
        None | Some(Value::None) => {
            if g.map(|x| x.is_none()).unwrap_or(true) {
                caller.locals.clone()
            } else {
                None
            }
        }
        Some(m) => Some(m.clone()),
    };
    let code = to_code(
        vm,
        src.unwrap_or(&Value::None),
        mode,
        "<string>",
        what,
        None,
    )?;
    let r = vm.run_code(code, globals, locals)?;
    // eval() gives back what the code returns (a code object compiled in
    // exec mode returns None); exec() always returns None.
    Ok(if what == "eval" { r } else { Value::None })
}

fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    run_with(vm, args, rpy_compiler::Mode::Exec, "exec")
}

fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Value::Obj(o)) = args.pos().first() {
        if let Payload::Code(_) = &o.payload {
            return run_with(vm, args, rpy_compiler::Mode::Exec, "eval");
        }
    }
    run_with(vm, args, rpy_compiler::Mode::Eval, "eval")
}

fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [src, filename, mode, flags, _dont_inherit, optimize, _feature_version] = args.bind(
        vm,
        "compile",
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
    )?;
    let fname = match filename.and_then(|f| f.as_str()) {
        Some(s) => s.to_owned(),
        None => return Err(vm.type_error("compile() argument 'filename' must be str")),
    };
    let flags = match flags {
        Some(f) => vm.to_i64(f)?,
        None => 0,
    };
    let only_ast = flags & PYCF_ONLY_AST != 0;
    let mode_name = mode.and_then(|m| m.as_str()).unwrap_or("");
    let mode = match mode_name {
        "exec" => rpy_compiler::Mode::Exec,
        "eval" => rpy_compiler::Mode::Eval,
        "single" => rpy_compiler::Mode::Single,
        "func_type" if only_ast => rpy_compiler::Mode::Eval,
        "func_type" => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        _ if only_ast => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            )
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let optimize = match optimize {
        None => None,
        Some(v) => match vm.to_i64(v)? {
            -1 => None,
            n @ 0..=2 => Some(n as u8),
            _ => return Err(vm.value_error("compile(): invalid optimize value")),
        },
    };
    let src = src.unwrap_or(&Value::None);
    let hooks = vm.ast_hooks();
    let is_text = matches!(
        src.payload(),
        Some(Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_))
    );
    let is_ast = match (&hooks, is_text) {
        (Some(h), false) => (h.is_ast)(vm, src)?,
        _ => false,
    };
    if !is_text && !is_ast {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    if only_ast {
        if is_ast {
            return Ok(src.clone());
        }
        let Some(h) = hooks else {
            return Err(vm.not_implemented_error(
                "compile() with PyCF_ONLY_AST needs the _ast module, which this interpreter lacks",
            ));
        };
        let text = source_text(vm, src)?;
        return (h.parse)(vm, &text, &fname, mode_name);
    }
    let level = optimize.unwrap_or(vm.flags().optimize);
    let code = match hooks {
        Some(h) if is_ast => {
            let tree = (h.lower)(vm, src, mode)?;
            vm.compile_tree(&tree, &fname, mode, level)?
        }
        _ => {
            let text = source_text(vm, src)?;
            vm.compile_text_at(&text, &fname, mode, level)?
        }
    };
    let code = vm.load_code(code);
    Ok(Value::Obj(
        vm.alloc(vm.types.code.clone(), Payload::Code(code)),
    ))
}

/// `compile()`'s flag asking for the syntax tree (`ast.PyCF_ONLY_AST`).
const PYCF_ONLY_AST: i64 = 0x400;

/// The text of a str or bytes-like source.
fn source_text(vm: &mut Vm, src: &Value) -> PyResult<String> {
    match src.payload() {
        Some(Payload::Str(s)) => Ok(s.as_str().to_owned()),
        _ => {
            let b = vm.bytes_like(src)?;
            Ok(String::from_utf8_lossy(&b).into_owned())
        }
    }
}

impl Vm {
    /// Adds a native function that sees its caller's frame through
    /// `vm.caller` (locals, globals).
    pub fn module_add_frame_fn(&mut self, m: &PyRef, name: &str, func: NativeFn) {
        let mut f = NativeFunction::new(name, func);
        f.needs_frame = true;
        f.bound = Some(Value::Obj(m.clone()));
        f.module = Some(std::rc::Rc::from("builtins"));
        let v = Value::Obj(self.alloc(
            self.types.builtin_function.clone(),
            Payload::BuiltinFunction(Box::new(f)),
        ));
        self.module_set(m, name, v);
    }
}

pub fn init(vm: &mut Vm, b: &PyRef) {
    for (n, f) in [
        ("globals", globals as NativeFn),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("exec", exec),
        ("eval", eval),
    ] {
        vm.module_add_frame_fn(b, n, f);
    }
    vm.module_add_fn(b, "compile", compile);
}
