//! `blake2b` and `blake2s`: BLAKE2 with CPython's parameters (digest
//! size, key, salt, personalization and the tree-hashing ones: fanout,
//! depth, leaf size, node offset, node depth, inner size, last node), all
//! of which `blake2b_simd`/`blake2s_simd` support. Every parameter is
//! checked here first, with CPython's messages, as those crates panic on
//! out-of-range values.

use std::marker::PhantomData;

use rpy_vm::{BytesLike, ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, Vm};

use crate::data::{hash_data, truth, unsigned};
use crate::hex::hex;

/// The keyword parameters, in the order CPython converts them.
const KEYWORDS: [&str; 12] = [
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
    "usedforsecurity",
];

/// The parameters of a BLAKE2 hash, validated.
pub struct Params {
    digest_size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
    fanout: u8,
    depth: u8,
    leaf_size: u32,
    node_offset: u64,
    node_depth: u8,
    inner_size: usize,
    last_node: bool,
}

/// BLAKE2b or BLAKE2s.
pub trait Variant: 'static {
    const NAME: &'static str;
    /// Largest digest and key; also `MAX_DIGEST_SIZE`, `MAX_KEY_SIZE`.
    const MAX_DIGEST: usize;
    const SALT_SIZE: usize;
    const PERSON_SIZE: usize;
    const BLOCK_SIZE: usize;
    /// The largest node offset the parameter block holds.
    const MAX_NODE_OFFSET: u64;
    type State: Clone + 'static;
    fn state(p: &Params) -> Self::State;
    fn update(s: &mut Self::State, data: &[u8]);
    fn finish(s: &Self::State) -> Vec<u8>;
}

/// BLAKE2b (64-bit words, digests up to 64 bytes).
pub struct B;
/// BLAKE2s (32-bit words, digests up to 32 bytes).
pub struct S;

/// The `Variant` of one BLAKE2 crate: `blake2b_simd` and `blake2s_simd`
/// have the same builder and state methods but no common trait, so one
/// macro writes both implementations.
macro_rules! variant {
    ($t:ty, $simd:ident, $name:literal, digest $digest:literal, salt $salt:literal,
     person $person:literal, block $block:literal, max_offset $offset:expr) => {
        impl Variant for $t {
            const NAME: &'static str = $name;
            const MAX_DIGEST: usize = $digest;
            const SALT_SIZE: usize = $salt;
            const PERSON_SIZE: usize = $person;
            const BLOCK_SIZE: usize = $block;
            const MAX_NODE_OFFSET: u64 = $offset;
            type State = $simd::State;

            fn state(p: &Params) -> Self::State {
                $simd::Params::new()
                    .hash_length(p.digest_size)
                    .key(&p.key)
                    .salt(&p.salt)
                    .personal(&p.person)
                    .fanout(p.fanout)
                    .max_depth(p.depth)
                    .max_leaf_length(p.leaf_size)
                    .node_offset(p.node_offset)
                    .node_depth(p.node_depth)
                    .inner_hash_length(p.inner_size)
                    .last_node(p.last_node)
                    .to_state()
            }

            fn update(s: &mut Self::State, data: &[u8]) {
                s.update(data);
            }

            fn finish(s: &Self::State) -> Vec<u8> {
                s.finalize().as_bytes().to_vec()
            }
        }
    };
}

variant!(B, blake2b_simd, "blake2b", digest 64, salt 16, person 16, block 128, max_offset u64::MAX);
variant!(S, blake2s_simd, "blake2s", digest 32, salt 8, person 8, block 64, max_offset (1 << 48) - 1);

/// A BLAKE2 hash object: its state and digest size.
pub struct Blake2<V: Variant> {
    state: V::State,
    digest_size: usize,
    _v: PhantomData<V>,
}

impl<V: Variant> NativeClass for Blake2<V> {
    const NAME: &'static str = V::NAME;
    const MODULE: &'static str = "_blake2";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(construct::<V>).params(&["data", "/"]);
        c.method("update", |vm: &mut Vm, this: Native<Self>, data: Value| {
            let bytes = hash_data(vm, &data)?;
            this.with_mut(vm, |h| V::update(&mut h.state, &bytes))
        });
        c.method("digest", |h: &Self| BytesLike(V::finish(&h.state)));
        c.method("hexdigest", |h: &Self| hex(&V::finish(&h.state)));
        c.method(
            "copy",
            |vm: &mut Vm, this: Native<Self>| -> PyResult<Value> {
                let (state, digest_size) = this.with(vm, |h| (h.state.clone(), h.digest_size))?;
                Ok(vm.new_native_object(Blake2::<V> {
                    state,
                    digest_size,
                    _v: PhantomData,
                }))
            },
        );
        c.getter("name", |_: &Self| V::NAME);
        c.getter("digest_size", |h: &Self| h.digest_size);
        c.getter("block_size", |_: &Self| V::BLOCK_SIZE);
        c.constant("SALT_SIZE", Value::Int(V::SALT_SIZE as i64));
        c.constant("PERSON_SIZE", Value::Int(V::PERSON_SIZE as i64));
        c.constant("MAX_KEY_SIZE", Value::Int(V::MAX_DIGEST as i64));
        c.constant("MAX_DIGEST_SIZE", Value::Int(V::MAX_DIGEST as i64));
    }
}

/// A converted C `int` parameter (`default` when absent) that must lie
/// within `lo..=hi`, else ValueError `msg`.
fn small_checked(
    vm: &mut Vm,
    v: Option<i32>,
    default: i32,
    lo: i32,
    hi: i32,
    msg: &str,
) -> PyResult<i32> {
    let i = v.unwrap_or(default);
    if i < lo || i > hi {
        return Err(vm.value_error(msg));
    }
    Ok(i)
}

/// Argument clinic's `int` conversion.
fn vm_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    <i32 as rpy_vm::FromPython>::from_python(vm, v)
}

/// `blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'',
/// person=b'', fanout=1, depth=1, leaf_size=0, node_offset=0,
/// node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)`.
fn construct<V: Variant>(vm: &mut Vm, data: OptArg<Value>, kw: KwArgs) -> PyResult<Blake2<V>> {
    // Keyword arguments by parameter, converted in signature order below.
    let mut given: [Option<Value>; KEYWORDS.len()] = Default::default();
    for (k, v) in kw.0 {
        match KEYWORDS.iter().position(|p| *p == k) {
            Some(i) => given[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {}()",
                    V::NAME
                )))
            }
        }
    }
    let [digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, usedforsecurity] =
        given;
    // The conversions (type and C-range errors), in order.
    let digest_size = match &digest_size {
        Some(v) => vm_int(vm, v)?,
        None => V::MAX_DIGEST as i32,
    };
    let buffer = |vm: &mut Vm, v: &Option<Value>| match v {
        Some(v) => vm.bytes_like(v),
        None => Ok(Vec::new()),
    };
    let (key, salt, person) = (buffer(vm, &key)?, buffer(vm, &salt)?, buffer(vm, &person)?);
    let fanout_i = fanout.as_ref().map(|v| vm_int(vm, v)).transpose()?;
    let depth_i = depth.as_ref().map(|v| vm_int(vm, v)).transpose()?;
    let leaf = leaf_size
        .as_ref()
        .map(|v| unsigned(vm, v, false))
        .transpose()?;
    let offset = node_offset
        .as_ref()
        .map(|v| unsigned(vm, v, true))
        .transpose()?;
    let node_depth_i = node_depth.as_ref().map(|v| vm_int(vm, v)).transpose()?;
    let inner_i = inner_size.as_ref().map(|v| vm_int(vm, v)).transpose()?;
    let last_node = truth(vm, last_node.as_ref(), false)?;
    truth(vm, usedforsecurity.as_ref(), true)?;
    // The checks of the values, in CPython's order.
    let max = V::MAX_DIGEST;
    if digest_size < 1 || digest_size as usize > max {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max} bytes")));
    }
    if salt.len() > V::SALT_SIZE {
        let n = V::SALT_SIZE;
        return Err(vm.value_error(format!("maximum salt length is {n} bytes")));
    }
    if person.len() > V::PERSON_SIZE {
        let n = V::PERSON_SIZE;
        return Err(vm.value_error(format!("maximum person length is {n} bytes")));
    }
    let fanout = small_checked(vm, fanout_i, 1, 0, 255, "fanout must be between 0 and 255")?;
    let depth = small_checked(vm, depth_i, 1, 1, 255, "depth must be between 1 and 255")?;
    let leaf_size = match u32::try_from(leaf.unwrap_or(0)) {
        Ok(l) => l,
        Err(_) => return Err(vm.overflow_error("leaf_size is too large")),
    };
    let node_offset = offset.unwrap_or(0);
    if node_offset > V::MAX_NODE_OFFSET {
        return Err(vm.overflow_error("node_offset is too large"));
    }
    let node_depth = small_checked(
        vm,
        node_depth_i,
        0,
        0,
        255,
        "node_depth must be between 0 and 255",
    )?;
    let inner = small_checked(
        vm,
        inner_i,
        0,
        0,
        max as i32,
        &format!("inner_size must be between 0 and is {max}"),
    )?;
    if key.len() > max {
        return Err(vm.value_error(format!("maximum key length is {max} bytes")));
    }
    let params = Params {
        digest_size: digest_size as usize,
        key,
        salt,
        person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size,
        node_offset,
        node_depth: node_depth as u8,
        inner_size: inner as usize,
        last_node,
    };
    let mut state = V::state(&params);
    if let Some(d) = data.0 {
        let bytes = hash_data(vm, &d)?;
        V::update(&mut state, &bytes);
    }
    Ok(Blake2 {
        state,
        digest_size: params.digest_size,
        _v: PhantomData,
    })
}
