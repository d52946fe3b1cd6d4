//! The hash objects of fixed digest size: md5, sha1, sha224, sha256,
//! sha384, sha512 and sha3_224 ... sha3_512. One generic native type,
//! [`Hash`], made distinct per algorithm by a marker type implementing
//! [`Algo`] (each algorithm is its own Python type, as in CPython).

use std::marker::PhantomData;

use sha2::digest::Digest;

use rpy_vm::{
    BytesLike, ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, VarArgs, Vm,
};

use crate::data::{hash_data, opt_data, truth};
use crate::hex::hex;

/// One hash algorithm of fixed output size.
pub trait Algo: 'static {
    /// `name` and the type's `__name__`.
    const NAME: &'static str;
    /// The module defining the type.
    const MODULE: &'static str;
    const BLOCK_SIZE: usize;
    /// For the SHA-3 types, which CPython's `_sha3` constructs directly
    /// and which show their sponge's parameters: the rate in bits.
    const SHA3_RATE_BITS: Option<u32> = None;
    /// The state, from the crate implementing the algorithm.
    type State: Digest + Clone + 'static;
}

macro_rules! algos {
    ($($marker:ident: $name:literal, $module:literal, $block:literal, $state:ty, $sha3:expr;)*) => {$(
        #[doc = concat!("The `", $name, "` algorithm.")]
        pub struct $marker;

        impl Algo for $marker {
            const NAME: &'static str = $name;
            const MODULE: &'static str = $module;
            const BLOCK_SIZE: usize = $block;
            const SHA3_RATE_BITS: Option<u32> = $sha3;
            type State = $state;
        }
    )*};
}

algos! {
    Md5: "md5", "_md5", 64, md5::Md5, None;
    Sha1: "sha1", "_sha1", 64, sha1::Sha1, None;
    Sha224: "sha224", "_sha256", 64, sha2::Sha224, None;
    Sha256: "sha256", "_sha256", 64, sha2::Sha256, None;
    Sha384: "sha384", "_sha512", 128, sha2::Sha384, None;
    Sha512: "sha512", "_sha512", 128, sha2::Sha512, None;
    Sha3_224: "sha3_224", "_sha3", 144, sha3::Sha3_224, Some(1152);
    Sha3_256: "sha3_256", "_sha3", 136, sha3::Sha3_256, Some(1088);
    Sha3_384: "sha3_384", "_sha3", 104, sha3::Sha3_384, Some(832);
    Sha3_512: "sha3_512", "_sha3", 72, sha3::Sha3_512, Some(576);
}

/// A hash object: the running state of algorithm `A`.
pub struct Hash<A: Algo> {
    state: A::State,
    _a: PhantomData<A>,
}

impl<A: Algo> Hash<A> {
    fn new(data: &[u8]) -> Self {
        let mut state = A::State::new();
        Digest::update(&mut state, data);
        Hash {
            state,
            _a: PhantomData,
        }
    }

    fn digest(&self) -> Vec<u8> {
        self.state.clone().finalize().to_vec()
    }
}

impl<A: Algo> NativeClass for Hash<A> {
    const NAME: &'static str = A::NAME;
    const MODULE: &'static str = A::MODULE;

    fn define(c: &mut ClassDef<Self>) {
        if let Some(rate) = A::SHA3_RATE_BITS {
            // CPython's _sha3 names every SHA-3 constructor "sha3_224"
            // in its argument messages.
            let sig = c.constructor(construct::<A>);
            sig.params(&["data", "/", "*", "usedforsecurity"]);
            sig.name = "sha3_224".into();
            c.getter("_rate_bits", move |_: &Self| rate);
            c.getter("_capacity_bits", move |_: &Self| 1600 - rate);
            c.getter("_suffix", |_: &Self| BytesLike(vec![0x06]));
        } else {
            // Only the module functions make these.
            c.constructor(|vm: &mut Vm, _: VarArgs, _: KwArgs| -> PyResult<Self> {
                Err(vm.type_error(format!(
                    "cannot create '{}.{}' instances",
                    A::MODULE,
                    A::NAME
                )))
            });
        }
        c.method("update", update::<A>);
        c.method("digest", |h: &Self| BytesLike(h.digest()));
        c.method("hexdigest", |h: &Self| hex(&h.digest()));
        c.method(
            "copy",
            |vm: &mut Vm, this: Native<Self>| -> PyResult<Value> {
                let state = this.with(vm, |h| h.state.clone())?;
                Ok(vm.new_native_object(Hash::<A> {
                    state,
                    _a: PhantomData,
                }))
            },
        );
        c.getter("name", |_: &Self| A::NAME);
        c.getter("digest_size", |_: &Self| {
            <A::State as Digest>::output_size()
        });
        c.getter("block_size", |_: &Self| A::BLOCK_SIZE);
    }
}

/// `update(data)`.
fn update<A: Algo>(vm: &mut Vm, this: Native<Hash<A>>, data: Value) -> PyResult<()> {
    let bytes = hash_data(vm, &data)?;
    this.with_mut(vm, |h| Digest::update(&mut h.state, &bytes))
}

/// `sha3_256(data=b'', /, *, usedforsecurity=True)`: the SHA-3 types'
/// constructor.
fn construct<A: Algo>(
    vm: &mut Vm,
    data: OptArg<Value>,
    usedforsecurity: OptArg<Value>,
) -> PyResult<Hash<A>> {
    truth(vm, usedforsecurity.0.as_ref(), true)?;
    let bytes = opt_data(vm, data.0.as_ref())?;
    Ok(Hash::new(&bytes))
}

/// `sha256(string=None, *, usedforsecurity=True)`: the module functions
/// of `_md5`, `_sha1`, `_sha256` and `_sha512` (their types cannot be
/// called).
pub fn new_hash<A: Algo>(
    vm: &mut Vm,
    string: OptArg<Value>,
    usedforsecurity: OptArg<Value>,
) -> PyResult<Value> {
    truth(vm, usedforsecurity.0.as_ref(), true)?;
    let bytes = opt_data(vm, string.0.as_ref())?;
    Ok(vm.new_native_object(Hash::<A>::new(&bytes)))
}
