//! The six module objects: `_md5`, `_sha1`, `_sha256` and `_sha512` hold
//! constructor functions and their types (`SHA256Type`, ...); `_sha3` and
//! `_blake2` hold the types themselves, which are called to construct.

use rpy_vm::{ModuleDef, PyRef, PyResult, Value, Vm};

use crate::blake2::{Blake2, Variant, B, S};
use crate::fixed::{self, new_hash, Algo, Hash};
use crate::shake::{Shake, Shake128, Shake256};

/// Adds constructor function `A::NAME` and the type as `type_attr`.
fn add_fixed<A: Algo>(vm: &mut Vm, m: &mut ModuleDef, type_attr: &str) {
    m.function(A::NAME, new_hash::<A>)
        .params(&["string", "*", "usedforsecurity"]);
    let t = vm.native_type::<Hash<A>>();
    m.value(type_attr, Value::Obj(t));
}

pub fn md5(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_md5");
    add_fixed::<fixed::Md5>(vm, &mut m, "MD5Type");
    m.build(vm)
}

pub fn sha1(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_sha1");
    add_fixed::<fixed::Sha1>(vm, &mut m, "SHA1Type");
    m.build(vm)
}

pub fn sha256(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_sha256");
    add_fixed::<fixed::Sha224>(vm, &mut m, "SHA224Type");
    add_fixed::<fixed::Sha256>(vm, &mut m, "SHA256Type");
    m.build(vm)
}

pub fn sha512(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_sha512");
    m.function("sha384", new_hash::<fixed::Sha384>)
        .params(&["string", "*", "usedforsecurity"]);
    m.function("sha512", new_hash::<fixed::Sha512>)
        .params(&["string", "*", "usedforsecurity"]);
    // CPython 3.11's _sha512 has no SHA512Type, and its SHA384Type is the
    // sha512 type.
    let t = vm.native_type::<Hash<fixed::Sha512>>();
    m.value("SHA384Type", Value::Obj(t));
    m.build(vm)
}

pub fn sha3(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_sha3");
    m.class::<Hash<fixed::Sha3_224>>();
    m.class::<Hash<fixed::Sha3_256>>();
    m.class::<Hash<fixed::Sha3_384>>();
    m.class::<Hash<fixed::Sha3_512>>();
    m.class::<Shake<Shake128>>();
    m.class::<Shake<Shake256>>();
    // CPython reports its Keccak implementation; this one is RustCrypto's.
    m.value("implementation", "RustCrypto sha3");
    m.value("keccakopt", 0i64);
    m.build(vm)
}

fn add_blake2<V: Variant>(m: &mut ModuleDef, prefix: &str) {
    m.class::<Blake2<V>>();
    let sizes = [
        ("MAX_DIGEST_SIZE", V::MAX_DIGEST),
        ("MAX_KEY_SIZE", V::MAX_DIGEST),
        ("PERSON_SIZE", V::PERSON_SIZE),
        ("SALT_SIZE", V::SALT_SIZE),
    ];
    for (name, n) in sizes {
        m.value(&format!("{prefix}_{name}"), n);
    }
}

pub fn blake2(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_blake2");
    add_blake2::<B>(&mut m, "BLAKE2B");
    add_blake2::<S>(&mut m, "BLAKE2S");
    m.build(vm)
}
