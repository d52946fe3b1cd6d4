//! The cycle collector frees unreachable cycles: programs that create
//! cycles in a loop (instances referencing each other, self-referencing
//! lists and dicts, closures, classes) keep the number of live tracked
//! objects flat, and `collect_garbage` reports what it freed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_vm::Interpreter;

fn live(interp: &mut Interpreter) -> usize {
    interp.vm().gc_live_count()
}

#[test]
fn cycles_are_collected() {
    let mut interp = Interpreter::new();
    interp
        .run_source(
            "class Node:\n    def __init__(self):\n        self.other = None\n\
             def make():\n    a = Node(); b = Node(); a.other = b; b.other = a\n\
             \x20   l = []; l.append(l)\n    d = {}; d['me'] = d\n\
             \x20   def outer():\n        def inner():\n            return inner\n        return inner\n\
             \x20   f = outer()\n\
             \x20   class K:\n        pass\n\
             \x20   K.me = K\n",
            "<gc>",
        )
        .expect("setup");
    interp.collect_garbage();
    let before = live(&mut interp);
    let make = interp.get_global("make").expect("make");
    for _ in 0..50 {
        interp.call(&make, &[]).expect("make()");
    }
    let grown = live(&mut interp);
    assert!(
        grown > before + 50,
        "cycles should survive refcounting: {before} -> {grown}"
    );
    let freed = interp.collect_garbage();
    assert!(freed > 0, "nothing collected");
    let after = live(&mut interp);
    assert!(
        after <= before + 2,
        "live objects not back to baseline: {before} -> {after}"
    );
    // Repeating keeps memory flat.
    for _ in 0..5 {
        for _ in 0..200 {
            interp.call(&make, &[]).expect("make()");
        }
        interp.collect_garbage();
        assert!(live(&mut interp) <= before + 2);
    }
}

#[test]
fn automatic_collection_keeps_a_loop_flat() {
    let mut interp = Interpreter::new();
    interp
        .run_source(
            "class Node:\n    pass\n\
             for i in range(200000):\n    a = Node(); b = Node(); a.b = b; b.a = a\n",
            "<gc>",
        )
        .expect("loop");
    // 200000 cycles of 4 containers each were made; automatic
    // collections must have freed almost all of them.
    let n = live(&mut interp);
    assert!(n < 100_000, "too many live objects: {n}");
}

#[test]
fn live_objects_are_not_collected() {
    let mut interp = Interpreter::new();
    interp
        .run_source(
            "keep = []\nkeep.append(keep)\nx = {'k': [1, 2, 3]}\n",
            "<gc>",
        )
        .expect("setup");
    interp.collect_garbage();
    let v = interp
        .eval("(len(keep), keep[0] is keep, x['k'][2])")
        .expect("eval");
    let r = interp.vm().repr(&v).expect("repr");
    assert_eq!(r, "(1, True, 3)");
}

#[test]
fn dropping_the_interpreter_frees_cycles() {
    let mut interp = Interpreter::new();
    interp
        .run_source(
            "class A:\n    def m(self):\n        return self\na = A()\na.me = a\na.f = a.m\nl = [a]\nl.append(l)\n",
            "<gc>",
        )
        .expect("setup");
    let obj = interp.get_global("a").expect("a");
    let cls = interp.eval("A").expect("A");
    let weak_obj = std::rc::Rc::downgrade(obj.as_obj().expect("object"));
    let weak_cls = std::rc::Rc::downgrade(cls.as_obj().expect("class"));
    drop(obj);
    drop(cls);
    drop(interp);
    assert!(weak_obj.upgrade().is_none(), "instance leaked");
    assert!(weak_cls.upgrade().is_none(), "class leaked");
}
