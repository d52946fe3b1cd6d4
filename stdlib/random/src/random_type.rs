//! `_random.Random`: a Mersenne Twister (`mt19937.rs`) as a Python type
//! that random.py's `Random` subclasses. As in CPython, `__new__` makes an
//! unseeded generator and `__init__` seeds it; seeding, `random()`,
//! `getrandbits()` and the state tuple follow CPython's `_randommodule.c`
//! bit for bit, and its messages.

use malachite::num::arithmetic::traits::UnsignedAbs;
use malachite::{Integer, Natural};
use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, VarArgs, Vm};

use crate::mt19937::{Mt, N};

/// The instance data: the generator.
pub struct Random {
    mt: Mt,
}

impl NativeClass for Random {
    const NAME: &'static str = "Random";
    const MODULE: &'static str = "_random";
    const BASETYPE: bool = true;
    const DOC: Option<&'static str> =
        Some("Random() -> create a random number generator with its own internal state.");

    fn define(c: &mut ClassDef<Self>) {
        // Any arguments: a subclass's __init__ may take others.
        c.constructor(|_vm: &mut Vm, _a: VarArgs, _k: KwArgs| Ok(Random { mt: Mt::default() }));
        c.method("__init__", init);
        c.method("seed", seed);
        c.method("random", |r: &mut Random| r.mt.next_f64());
        c.method("getrandbits", getrandbits);
        c.method("getstate", getstate);
        c.method("setstate", setstate);
    }
}

/// `Random.__init__(self, [seed])`: keywords are refused unless a subclass
/// brings its own `__init__` (CPython checks the type's init slot).
fn init(vm: &mut Vm, this: Native<Random>, args: VarArgs, kw: KwArgs) -> PyResult<()> {
    if !kw.0.is_empty() && !init_overridden(vm, &this)? {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if args.0.len() > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed_with(vm, &this, args.0.first())
}

/// Whether the instance's class resolves `__init__` to something other
/// than `Random.__init__`.
fn init_overridden(vm: &mut Vm, this: &Native<Random>) -> PyResult<bool> {
    let base = Value::Obj(vm.native_type::<Random>());
    let cls = Value::Obj(this.class(vm));
    if cls.is(&base) {
        return Ok(false);
    }
    let own = vm.get_attr_str(&base, "__init__")?;
    let theirs = vm.get_attr_str(&cls, "__init__")?;
    Ok(!own.is(&theirs))
}

fn seed(vm: &mut Vm, this: Native<Random>, n: OptArg<Value>) -> PyResult<()> {
    seed_with(vm, &this, n.0.as_ref())
}

/// Seeds from an int (its absolute value's 32-bit words, least
/// significant first), from any other hashable object (its hash as an
/// unsigned 64-bit number), or from the OS's random bytes (`None`).
fn seed_with(vm: &mut Vm, this: &Native<Random>, n: Option<&Value>) -> PyResult<()> {
    let key = match n {
        None | Some(Value::None) => os_key(),
        Some(v) => {
            let magnitude: Natural = if vm.is_instance(v, &vm.types.int.clone()) {
                vm.to_index(v)?.unsigned_abs()
            } else {
                Natural::from(vm.hash(v)? as u64)
            };
            words_of(&magnitude)
        }
    };
    this.with_mut(vm, |r| r.mt.seed_array(&key))
}

/// The 32-bit words of `n`, least significant first, without high zero
/// words (at least one word).
fn words_of(n: &Natural) -> Vec<u32> {
    let mut words: Vec<u32> = n
        .to_limbs_asc()
        .iter()
        .flat_map(|l| [*l as u32, (*l >> 32) as u32])
        .collect();
    while words.len() > 1 && words.last() == Some(&0) {
        words.pop();
    }
    if words.is_empty() {
        words.push(0);
    }
    words
}

/// A full state's worth of words from /dev/urandom; if that cannot be
/// read, from the clock and the process id.
fn os_key() -> Vec<u32> {
    let mut buf = vec![0u8; N * 4];
    let read = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
    if read.is_ok() {
        return buf
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    vec![
        nanos as u32,
        (nanos >> 32) as u32,
        (nanos >> 64) as u32,
        std::process::id(),
    ]
}

/// `getrandbits(k)`: `k` random bits as a non-negative int; the words come
/// least significant first, the last one cut to the bits still wanted.
fn getrandbits(vm: &mut Vm, this: Native<Random>, k: Value) -> PyResult<Value> {
    let k = c_int(vm, &k)?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let w = this.with_mut(vm, |r| r.mt.next_u32() >> (32 - k))?;
        return Ok(Value::Int(i64::from(w)));
    }
    vm.check_int_alloc(k as u128)?;
    let nwords = (k as usize - 1) / 32 + 1;
    let words = this.with_mut(vm, |r| {
        let mut left = k as usize;
        let mut out = Vec::with_capacity(nwords);
        for _ in 0..nwords {
            let mut w = r.mt.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            out.push(w);
            left = left.saturating_sub(32);
        }
        out
    })?;
    let limbs: Vec<u64> = words
        .chunks(2)
        .map(|p| u64::from(p[0]) | (u64::from(p.get(1).copied().unwrap_or(0)) << 32))
        .collect();
    Ok(vm.new_int(Integer::from(Natural::from_owned_limbs_asc(limbs))))
}

/// An argument CPython converts to a C `int` (`__index__` allowed).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let i = vm.to_index(v)?;
    i32::try_from(&i).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// `getstate()`: the 624 words then the index, as a tuple of ints.
fn getstate(vm: &mut Vm, this: Native<Random>) -> PyResult<Value> {
    let (words, index) = this.with(vm, |r| (r.mt.state, r.mt.index))?;
    let mut items: Vec<Value> = words.iter().map(|w| Value::Int(i64::from(*w))).collect();
    items.push(Value::Int(index as i64));
    Ok(vm.new_tuple(items))
}

/// `setstate(state)`: the inverse of `getstate`, each word taken modulo
/// 2**32 as CPython's C conversion does.
fn setstate(vm: &mut Vm, this: Native<Random>, state: Value) -> PyResult<()> {
    let Some(items) = state.as_tuple().map(<[Value]>::to_vec) else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut mt = Mt::default();
    for (slot, item) in mt.state.iter_mut().zip(&items) {
        *slot = c_unsigned_long(vm, item)? as u32;
    }
    let index = match items.get(N) {
        Some(v) => c_long(vm, v)?,
        None => return Err(vm.value_error("state vector is the wrong size")),
    };
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    mt.index = index as usize;
    this.with_mut(vm, |r| r.mt = mt)
}

/// CPython's conversion to a C `unsigned long`: ints only (no `__index__`).
fn c_unsigned_long(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    if !vm.is_instance(v, &vm.types.int.clone()) {
        return Err(vm.type_error("an integer is required"));
    }
    let i = vm.to_index(v)?;
    if i < 0 {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    u64::try_from(&i)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned long"))
}

/// CPython's conversion to a C `long` (`__index__` allowed).
fn c_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !vm.is_index(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
    }
    let i = vm.to_index(v)?;
    i64::try_from(&i).map_err(|_| vm.overflow_error("Python int too large to convert to C long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(words_of(&Natural::from(0u32)), [0]);
        assert_eq!(words_of(&(Natural::from(1u32) << 64u64)), [0, 0, 1]);
        assert_eq!(words_of(&Natural::from(5u32)), [5]);
    }
}
