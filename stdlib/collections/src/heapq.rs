//! `_heapq`: the binary-heap operations on a list that heapq.py imports
//! over its Python versions (and the max-heap helpers its `merge` and
//! `nlargest` use). Each comparison is `<` on the items with no borrow of
//! the list held; the list is re-checked after it, and a comparison that
//! changed the list's size raises CPython's RuntimeError.

use std::cell::RefCell;
use std::rc::Rc;

use rpy_vm::{ModuleDef, Payload, PyResult, Value, Vm};

pub fn module(vm: &mut Vm) -> PyResult<rpy_vm::PyRef> {
    let mut m = ModuleDef::new("_heapq");
    m.function("heappush", |vm: &mut Vm, heap: Value, item: Value| {
        let h = list_arg(vm, &heap, "heappush() argument 1")?;
        push(vm, h, item)
    });
    one_arg(&mut m, "heappop", |vm, h| pop(vm, h, Order::Min));
    m.function("heapreplace", |vm: &mut Vm, heap: Value, item: Value| {
        let h = list_arg(vm, &heap, "heapreplace() argument 1")?;
        replace(vm, h, item, Order::Min)
    });
    m.function("heappushpop", |vm: &mut Vm, heap: Value, item: Value| {
        let h = list_arg(vm, &heap, "heappushpop() argument 1")?;
        pushpop(vm, h, item)
    });
    one_arg(&mut m, "heapify", |vm, h| {
        heapify(vm, h, Order::Min).map(|_| Value::None)
    });
    one_arg(&mut m, "_heappop_max", |vm, h| pop(vm, h, Order::Max));
    one_arg(&mut m, "_heapify_max", |vm, h| {
        heapify(vm, h, Order::Max).map(|_| Value::None)
    });
    m.function(
        "_heapreplace_max",
        |vm: &mut Vm, heap: Value, item: Value| {
            let h = list_arg(vm, &heap, "_heapreplace_max() argument 1")?;
            replace(vm, h, item, Order::Max)
        },
    );
    m.value("__doc__", "Heap queue algorithm (rpy's native _heapq).");
    m.value(
        "__about__",
        "Heap queues: lists where a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for every k.",
    );
    m.build(vm)
}

/// A function of one list argument, its messages naming it as
/// CPython's do ("_heapq.heapify() takes exactly one argument").
fn one_arg(
    m: &mut ModuleDef,
    name: &'static str,
    f: impl Fn(&mut Vm, List<'_>) -> PyResult<Value> + 'static,
) {
    let sig = m.function(name, move |vm: &mut Vm, heap: Value| {
        let h = list_arg(vm, &heap, &format!("{name}() argument"))?;
        f(vm, h)
    });
    sig.qualname = Rc::from(format!("_heapq.{name}"));
}

type List<'a> = &'a RefCell<Vec<Value>>;

/// The items of a list (or list subclass) argument.
fn list_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<List<'a>> {
    match v.payload() {
        Some(Payload::List(items)) => Ok(items),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be list, not {t}")))
        }
    }
}

/// Min-heap or max-heap order.
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

fn len(h: List<'_>) -> usize {
    h.borrow().len()
}

fn get(h: List<'_>, i: usize) -> Option<Value> {
    h.borrow().get(i).cloned()
}

fn changed(vm: &mut Vm) -> rpy_vm::PyErr {
    vm.runtime_error("list changed size during iteration")
}

/// Whether `a` comes before `b` in the heap's order.
fn before(vm: &mut Vm, order: Order, a: &Value, b: &Value) -> PyResult<bool> {
    match order {
        Order::Min => vm.lt(a, b),
        Order::Max => vm.lt(b, a),
    }
}

/// Moves the item at `pos` up towards `start` while it comes before its
/// parent.
fn sift_down(vm: &mut Vm, h: List<'_>, start: usize, mut pos: usize, order: Order) -> PyResult<()> {
    let size = len(h);
    if pos >= size {
        return Err(vm.index_error("list index out of range"));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let (Some(item), Some(up)) = (get(h, pos), get(h, parent)) else {
            return Err(changed(vm));
        };
        let lt = before(vm, order, &item, &up)?;
        if size != len(h) {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        h.borrow_mut().swap(parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Moves the item at `pos` down to a leaf, always along the child that
/// comes first, then back up to its place (Floyd's bottom-up variant,
/// fewer comparisons).
fn sift_up(vm: &mut Vm, h: List<'_>, mut pos: usize, order: Order) -> PyResult<()> {
    let end = len(h);
    let start = pos;
    if pos >= end {
        return Err(vm.index_error("list index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (Some(a), Some(b)) = (get(h, child), get(h, child + 1)) else {
                return Err(changed(vm));
            };
            let left_first = before(vm, order, &a, &b)?;
            if end != len(h) {
                return Err(changed(vm));
            }
            if !left_first {
                child += 1;
            }
        }
        h.borrow_mut().swap(child, pos);
        pos = child;
    }
    sift_down(vm, h, start, pos, order)
}

fn push(vm: &mut Vm, h: List<'_>, item: Value) -> PyResult<()> {
    h.borrow_mut().push(item);
    let last = len(h) - 1;
    sift_down(vm, h, 0, last, Order::Min)
}

fn pop(vm: &mut Vm, h: List<'_>, order: Order) -> PyResult<Value> {
    let last = h.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    let top = {
        let mut items = h.borrow_mut();
        match items.first_mut() {
            Some(first) => std::mem::replace(first, last),
            None => return Ok(last),
        }
    };
    sift_up(vm, h, 0, order)?;
    Ok(top)
}

fn replace(vm: &mut Vm, h: List<'_>, item: Value, order: Order) -> PyResult<Value> {
    let top = {
        let mut items = h.borrow_mut();
        match items.first_mut() {
            Some(first) => std::mem::replace(first, item),
            None => {
                drop(items);
                return Err(vm.index_error("index out of range"));
            }
        }
    };
    sift_up(vm, h, 0, order)?;
    Ok(top)
}

/// Push then pop, faster: the item comes back at once if it would be the
/// smallest.
fn pushpop(vm: &mut Vm, h: List<'_>, item: Value) -> PyResult<Value> {
    let Some(top) = get(h, 0) else {
        return Ok(item);
    };
    if !vm.lt(&top, &item)? {
        return Ok(item);
    }
    if len(h) == 0 {
        return Err(vm.index_error("index out of range"));
    }
    replace(vm, h, item, Order::Min)
}

/// Makes the list a heap, sifting every parent from the last one up; big
/// lists in the order CPython uses to stay in cache (a subtree's nodes
/// are sifted as soon as both its children are heaps), which changes no
/// result but the order comparisons run in.
fn heapify(vm: &mut Vm, h: List<'_>, order: Order) -> PyResult<()> {
    let n = len(h);
    if n <= 2500 {
        for i in (0..n / 2).rev() {
            sift_up(vm, h, i, order)?;
        }
        return Ok(());
    }
    let m = n >> 1; // the first node without children
    let leftmost = top_bit(m + 1) - 1; // the first node of m's row
    let sift_chain = |vm: &mut Vm, mut j: usize| -> PyResult<()> {
        loop {
            sift_up(vm, h, j, order)?;
            if j & 1 == 0 {
                return Ok(());
            }
            j >>= 1;
        }
    };
    for i in (m >> 1..leftmost).rev() {
        sift_chain(vm, i)?;
    }
    for i in (leftmost..m).rev() {
        sift_chain(vm, i)?;
    }
    Ok(())
}

/// `n` with all but its highest set bit cleared.
fn top_bit(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        1 << (usize::BITS - 1 - n.leading_zeros())
    }
}
