//! Typed native types and modules from an embedder's side: the embedding
//! guide's examples, argument messages, exceptions defined from Rust and
//! panics in host functions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_vm::{
    BinaryOperator, ClassDef, Error, Interpreter, KwArgs, ModuleDef, Native, NativeClass, OptArg,
    PyResult, Value, VarArgs, Vm,
};

/// The embedding guide's class: a constructor, methods, a property and
/// slots.
struct Vec2 {
    x: f64,
    y: f64,
}

impl NativeClass for Vec2 {
    const NAME: &'static str = "Vec2";
    const MODULE: &'static str = "geometry";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, x: f64, y: OptArg<f64>| {
            Ok(Vec2 {
                x,
                y: y.unwrap_or(0.0),
            })
        })
        .params(&["x", "y"]);
        c.method("length", |v: &Vec2| v.x.hypot(v.y));
        c.method("scale", |v: &mut Vec2, k: f64| {
            v.x *= k;
            v.y *= k;
        });
        c.property("x", |v: &Vec2| v.x, |v: &mut Vec2, x: f64| v.x = x);
        c.repr(|vm, v| v.with(vm, |v| format!("Vec2({}, {})", v.x, v.y)));
        c.binary(BinaryOperator::Add, |vm, a, b| {
            let (Some(a), Some(b)) = (Native::<Vec2>::of(a), Native::<Vec2>::of(b)) else {
                return Ok(vm.not_implemented());
            };
            let (ax, ay) = a.with(vm, |v| (v.x, v.y))?;
            let (bx, by) = b.with(vm, |v| (v.x, v.y))?;
            Ok(vm.new_native_object(Vec2 {
                x: ax + bx,
                y: ay + by,
            }))
        });
    }
}

fn geometry(vm: &mut Vm) -> PyResult<rpy_vm::PyRef> {
    let mut m = ModuleDef::new("geometry");
    m.class::<Vec2>();
    m.function(
        "dot",
        |vm: &mut Vm, a: Native<Vec2>, b: Native<Vec2>| -> PyResult<f64> {
            let (ax, ay) = a.with(vm, |v| (v.x, v.y))?;
            let (bx, by) = b.with(vm, |v| (v.x, v.y))?;
            Ok(ax * bx + ay * by)
        },
    );
    m.function(
        "describe",
        |name: String, sep: OptArg<String>, rest: VarArgs, kw: KwArgs| {
            let sep = sep.unwrap_or(", ".into());
            format!("{name}{sep}{}{sep}{}", rest.0.len(), kw.0.len())
        },
    )
    .params(&["name", "sep"]);
    m.function("label", |name: Option<String>| {
        name.unwrap_or_else(|| "?".into())
    });
    m.function("hexed", |data: rpy_vm::BytesLike, n: isize| {
        format!("{}:{n}", data.0.len())
    });
    m.value("ORIGIN_NAME", "origin");
    m.build(vm)
}

fn interp() -> Interpreter {
    let mut i = Interpreter::new();
    i.register_module("geometry", geometry);
    i
}

fn message(i: &mut Interpreter, code: &str) -> String {
    match i.exec(code) {
        Ok(()) => "no error".into(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_native_class_works_like_a_python_one() {
    let mut i = interp();
    i.exec(
        "from geometry import Vec2, dot\n\
         v = Vec2(3, y=4)\n\
         w = v + Vec2(1)\n\
         v.scale(2)\n\
         v.x = 1.5\n\
         out = (repr(w), v.length(), v.x, dot(w, Vec2(1, 1)), type(v).__module__)",
    )
    .unwrap();
    let out: (String, f64, f64, f64, String) = i.get("out").unwrap();
    assert_eq!(out.0, "Vec2(4, 4)");
    assert_eq!(out.1, 1.5f64.hypot(8.0));
    assert_eq!(out.2, 1.5);
    assert_eq!(out.3, 8.0);
    assert_eq!(out.4, "geometry");
    // Not subclassable unless BASETYPE says so.
    assert_eq!(
        message(&mut i, "class V(Vec2): pass"),
        "TypeError: type 'geometry.Vec2' is not an acceptable base type"
    );
}

#[test]
fn argument_errors_have_cpythons_messages() {
    let mut i = interp();
    i.exec("from geometry import Vec2, dot, describe, label, hexed")
        .unwrap();
    let cases = [
        (
            "Vec2()",
            "TypeError: Vec2() missing required argument 'x' (pos 1)",
        ),
        (
            "Vec2(1, 2, 3)",
            "TypeError: Vec2() takes at most 2 arguments (3 given)",
        ),
        (
            "Vec2(1, z=2)",
            "TypeError: 'z' is an invalid keyword argument for Vec2()",
        ),
        (
            "Vec2('a')",
            "TypeError: Vec2() argument 'x' must be real number, not str",
        ),
        (
            "Vec2(1).scale()",
            "TypeError: Vec2.scale() takes exactly one argument (0 given)",
        ),
        (
            "Vec2(1).scale(k=2)",
            "TypeError: Vec2.scale() takes no keyword arguments",
        ),
        (
            "Vec2(1).scale('x')",
            "TypeError: scale() argument must be real number, not str",
        ),
        (
            "Vec2(1).length(1)",
            "TypeError: Vec2.length() takes no arguments (1 given)",
        ),
        ("dot(Vec2(1))", "TypeError: dot expected 2 arguments, got 1"),
        (
            "dot(Vec2(1), 2)",
            "TypeError: dot() argument 2 must be geometry.Vec2, not int",
        ),
        (
            "describe(sep='-')",
            "TypeError: describe() missing required argument 'name' (pos 1)",
        ),
        ("Vec2(1).x = 'a'", "TypeError: must be real number, not str"),
        // A native setter refuses deletion as CPython's C setters do.
        ("del Vec2(1).x", "TypeError: can't delete x attribute"),
    ];
    for (code, want) in cases {
        assert_eq!(message(&mut i, code), want, "{code}");
    }
    let s: String = i.eval_as("describe('a', '/', 1, 2, k=3)").unwrap();
    assert_eq!(s, "a/2/1");
}

#[test]
fn module_values_and_shared_types() {
    let mut i = interp();
    assert_eq!(
        i.eval_as::<String>("__import__('geometry').ORIGIN_NAME")
            .unwrap(),
        "origin"
    );
    // A second interpreter on the thread shares the type object.
    let mut j = interp();
    let a = i.eval_as::<Value>("__import__('geometry').Vec2").unwrap();
    let b = j.eval_as::<Value>("__import__('geometry').Vec2").unwrap();
    assert!(a.is(&b));
    assert_eq!(
        message(&mut j, "__import__('geometry').Vec2.y = 1"),
        "TypeError: cannot set 'y' attribute of immutable type 'geometry.Vec2'"
    );
}

#[test]
fn host_errors_raise_real_classes() {
    let mut i = Interpreter::new();
    i.define_exception("hostlib.QuotaError", "ValueError")
        .unwrap();
    i.register_fn("spend", |n: i64| -> Result<i64, Error> {
        match n {
            0..=10 => Ok(n),
            11..=99 => Err(Error::new("QuotaError", "over quota")),
            _ => Err(Error::new("MyHostError", "unknown to Python")),
        }
    });
    i.exec(
        "try:\n    spend(11)\nexcept ValueError as e:\n    a = f'{type(e).__module__}.{type(e).__name__}: {e}'\n\
         try:\n    spend(100)\nexcept RuntimeError as e:\n    b = f'{type(e).__name__}: {e}'",
    )
    .unwrap();
    assert_eq!(
        i.get::<String>("a").unwrap(),
        "hostlib.QuotaError: over quota"
    );
    assert_eq!(
        i.get::<String>("b").unwrap(),
        "MyHostError: unknown to Python"
    );
    let e = i.exec("spend(100)").unwrap_err();
    assert_eq!(e.type_name(), "MyHostError");
    assert!(e.is_instance("RuntimeError"));
}

#[test]
fn a_panicking_host_function_raises_system_error() {
    let mut i = Interpreter::new();
    i.register_fn("boom", |n: i64| -> i64 {
        if n > 0 {
            panic!("host bug {n}");
        }
        n
    });
    i.exec("try:\n    boom(1)\nexcept SystemError as e:\n    msg = str(e)")
        .unwrap();
    assert_eq!(
        i.get::<String>("msg").unwrap(),
        "native function boom() panicked: host bug 1"
    );
    // The interpreter goes on working.
    assert_eq!(i.eval_as::<i64>("boom(0) + 1").unwrap(), 1);
}

/// A type whose slots panic: a bug in native code called by a slot, not
/// through a guarded host function.
struct Faulty;

impl NativeClass for Faulty {
    const NAME: &'static str = "Faulty";
    const MODULE: &'static str = "faulty";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm| Ok(Faulty));
        c.len(|_: &Faulty| panic!("len slot bug"));
        c.repr(|_vm, _v| panic!("repr slot bug"));
    }
}

#[test]
fn a_panic_anywhere_in_the_vm_becomes_system_error_at_the_boundary() {
    let mut i = Interpreter::new();
    i.register_class::<Faulty>();
    // From inside nested Python frames, a generator and a handler.
    let e = i
        .exec(
            "def g():\n    yield len(Faulty())\n\
             def f():\n    try:\n        1/0\n    except ZeroDivisionError:\n        return list(g())\n\
             f()",
        )
        .unwrap_err();
    assert_eq!(e.type_name(), "SystemError");
    assert_eq!(e.message(), "rpy panicked: len slot bug");
    let e = i.eval_as::<String>("repr(Faulty())").unwrap_err();
    assert_eq!(e.message(), "rpy panicked: repr slot bug");
    let r: Result<Value, _> = {
        let f = i.eval("lambda: repr(Faulty())").unwrap();
        i.call(&f, &[])
    };
    assert!(r.is_err());
    // The interpreter's state was put back: no stale frame, no handled
    // exception, the same recursion depth.
    i.exec("import sys\ndef depth(n=0):\n    try:\n        return depth(n + 1)\n    except RecursionError:\n        return n\nd = depth()\nexc = sys.exc_info()[0]")
        .unwrap();
    let before: i64 = i.get("d").unwrap();
    let _ = i.exec("len(Faulty())");
    i.exec("d = depth()").unwrap();
    assert_eq!(i.get::<i64>("d").unwrap(), before);
    assert!(i.eval_as::<bool>("exc is None").unwrap());
    assert_eq!(i.eval_as::<i64>("sum(range(5))").unwrap(), 10);
}

/// A container type exercising the other slots, class and static
/// methods, subclassing and the cycle collector.
struct Bag {
    items: Vec<Value>,
}

impl NativeClass for Bag {
    const NAME: &'static str = "Bag";
    const MODULE: &'static str = "builtins";
    const BASETYPE: bool = true;

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|_vm: &mut Vm, items: VarArgs| Ok(Bag { items: items.0 }));
        c.method("add", |b: &mut Bag, v: Value| b.items.push(v));
        c.classmethod(
            "of_two",
            |vm: &mut Vm, cls: rpy_vm::PyRef, a: Value, b: Value| {
                let bag = vm.new_native_instance(&cls, Bag { items: vec![a, b] });
                Value::Obj(bag)
            },
        );
        c.staticmethod("kind", || "bag");
        c.len(|b: &Bag| b.items.len());
        c.getitem(|vm, b, k| {
            let i = usize::from_python_arg(vm, k)?;
            match b.with(vm, |b| b.items.get(i).cloned())? {
                Some(v) => Ok(v),
                None => Err(vm.index_error("bag index out of range")),
            }
        });
        c.setitem(|vm, b, k, v| {
            let i = usize::from_python_arg(vm, k)?;
            b.with_mut(vm, |b| {
                if let Some(slot) = b.items.get_mut(i) {
                    *slot = v;
                }
            })
        });
        c.delitem(|vm, b, k| {
            let i = usize::from_python_arg(vm, k)?;
            b.with_mut(vm, |b| {
                if i < b.items.len() {
                    b.items.remove(i);
                }
            })
        });
        c.contains(|vm, b, x| {
            let items = b.with(vm, |b| b.items.clone())?;
            for it in &items {
                if vm.eq(it, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        });
        c.iter(|vm, b| {
            let items = b.with(vm, |b| b.items.clone())?;
            let list = vm.new_list(items);
            vm.get_iter(&list)
        });
        c.hash(|vm, b| b.with(vm, |b| b.items.len() as i64 * 7));
        c.call(|vm, b, args| {
            let n = b.with(vm, |b| b.items.len())?;
            Ok(Value::Int((n + args.pos().len()) as i64))
        });
        c.str(|vm, b| b.with(vm, |b| format!("<bag of {}>", b.items.len())));
        c.inplace(BinaryOperator::Add, |vm, b, other| {
            let more = vm.iterate(other)?;
            b.with_mut(vm, |b| b.items.extend(more))?;
            Ok(b.value())
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.append(&mut self.items);
    }
}

trait FromPythonArg: Sized {
    fn from_python_arg(vm: &mut Vm, v: &Value) -> PyResult<Self>;
}

impl FromPythonArg for usize {
    fn from_python_arg(vm: &mut Vm, v: &Value) -> PyResult<Self> {
        <usize as rpy_vm::FromPython>::from_python(vm, v)
    }
}

#[test]
fn slots_class_methods_subclasses_and_gc() {
    let mut i = Interpreter::new();
    rpy_stdlib::register(&mut i); // gc
    i.register_class::<Bag>();
    i.exec(
        "b = Bag(1, 2)\n\
         b.add(3); b[0] = 10; del b[1]; b += [4]\n\
         class Counted(Bag):\n    def __len__(self): return 99\n\
         c = Counted.of_two('x', 'y')\n\
         out = [len(b), b[0], 3 in b, 2 in b, list(b), hash(b) == 21, b(1, 2), str(b),\n\
                len(c), type(c).__name__, list(c), Bag.kind(), Bag.of_two(1, 2)[1]]",
    )
    .unwrap();
    let out: String = i.eval_as("repr(out)").unwrap();
    assert_eq!(
        out,
        "[3, 10, True, False, [10, 3, 4], True, 5, '<bag of 3>', 99, 'Counted', ['x', 'y'], 'bag', 2]"
    );
    assert_eq!(
        message(&mut i, "b[7]"),
        "IndexError: bag index out of range"
    );
    assert_eq!(
        message(&mut i, "b.__getitem__()"),
        "TypeError: expected 1 argument, got 0"
    );
    // A cycle through native data is found by the cycle collector.
    i.exec("import gc\ngc.collect()\nx = Bag()\nx.add(x)\ndel x")
        .unwrap();
    let freed: i64 = i.eval_as("gc.collect()").unwrap();
    assert!(freed >= 1, "{freed}");
}
