//! `shake_128` and `shake_256`: the SHA-3 extendable-output functions,
//! whose `digest(length)` and `hexdigest(length)` take the output length
//! (`digest_size` is 0).

use std::marker::PhantomData;

use sha3::digest::{ExtendableOutput, Update, XofReader};

use rpy_vm::{BytesLike, ClassDef, Native, NativeClass, OptArg, PyResult, Value, Vm};

use crate::data::{hash_data, opt_data, truth, unsigned};
use crate::hex::hex;

/// CPython refuses lengths from 2**29 bytes on ("length is too large").
const MAX_LENGTH: u64 = 1 << 29;

/// One SHAKE variant.
pub trait ShakeAlgo: 'static {
    const NAME: &'static str;
    /// The sponge's rate in bytes (`block_size`).
    const RATE: usize;
    type State: Update + ExtendableOutput + Default + Clone + 'static;
}

/// SHAKE128.
pub struct Shake128;
/// SHAKE256.
pub struct Shake256;

impl ShakeAlgo for Shake128 {
    const NAME: &'static str = "shake_128";
    const RATE: usize = 168;
    type State = sha3::Shake128;
}

impl ShakeAlgo for Shake256 {
    const NAME: &'static str = "shake_256";
    const RATE: usize = 136;
    type State = sha3::Shake256;
}

/// A SHAKE object: the absorbed state.
pub struct Shake<A: ShakeAlgo> {
    state: A::State,
    _a: PhantomData<A>,
}

impl<A: ShakeAlgo> NativeClass for Shake<A> {
    const NAME: &'static str = A::NAME;
    const MODULE: &'static str = "_sha3";

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(construct::<A>);
        sig.params(&["data", "/", "*", "usedforsecurity"]);
        // As CPython's _sha3 names it in argument messages.
        sig.name = "sha3_224".into();
        c.method("update", |vm: &mut Vm, this: Native<Self>, data: Value| {
            let bytes = hash_data(vm, &data)?;
            this.with_mut(vm, |h| h.state.update(&bytes))
        });
        c.method(
            "digest",
            |vm: &mut Vm, this: Native<Self>, length: Value| {
                squeeze(vm, &this, &length).map(BytesLike)
            },
        );
        c.method(
            "hexdigest",
            |vm: &mut Vm, this: Native<Self>, length: Value| {
                squeeze(vm, &this, &length).map(|b| hex(&b))
            },
        );
        c.method(
            "copy",
            |vm: &mut Vm, this: Native<Self>| -> PyResult<Value> {
                let state = this.with(vm, |h| h.state.clone())?;
                Ok(vm.new_native_object(Shake::<A> {
                    state,
                    _a: PhantomData,
                }))
            },
        );
        c.getter("name", |_: &Self| A::NAME);
        c.getter("digest_size", |_: &Self| 0);
        c.getter("block_size", |_: &Self| A::RATE);
        c.getter("_rate_bits", |_: &Self| A::RATE * 8);
        c.getter("_capacity_bits", |_: &Self| 1600 - A::RATE * 8);
        c.getter("_suffix", |_: &Self| BytesLike(vec![0x1f]));
    }
}

/// `length` bytes of output, from a copy of the state (more may be
/// absorbed afterwards, as in CPython).
fn squeeze<A: ShakeAlgo>(
    vm: &mut Vm,
    this: &Native<Shake<A>>,
    length: &Value,
) -> PyResult<Vec<u8>> {
    let n = unsigned(vm, length, false)?;
    if n >= MAX_LENGTH {
        return Err(vm.value_error("length is too large"));
    }
    let n = usize::try_from(n).map_err(|_| vm.memory_error())?;
    vm.check_alloc(n)?;
    let state = this.with(vm, |h| h.state.clone())?;
    let mut out = vec![0u8; n];
    state.finalize_xof().read(&mut out);
    Ok(out)
}

/// `shake_128(data=b'', /, *, usedforsecurity=True)`.
fn construct<A: ShakeAlgo>(
    vm: &mut Vm,
    data: OptArg<Value>,
    usedforsecurity: OptArg<Value>,
) -> PyResult<Shake<A>> {
    truth(vm, usedforsecurity.0.as_ref(), true)?;
    let bytes = opt_data(vm, data.0.as_ref())?;
    let mut state = A::State::default();
    state.update(&bytes);
    Ok(Shake {
        state,
        _a: PhantomData,
    })
}
