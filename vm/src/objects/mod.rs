//! The built-in types, one file per type. Each file's `init` adds the
//! type's methods through the definition API (`Vm::add_methods`, ...).
//! To add methods to a type from another file, write them there and call
//! `vm.add_methods(&vm.types.<type>.clone(), &[...])` from that file's
//! `init`, registered below.

pub mod annotations;
pub mod async_generator;
pub mod bytes;
pub mod bytes_methods;
pub mod code;
pub mod complex;
pub mod coroutine;
pub mod descriptor;
pub mod dict;
pub mod exception;
pub mod exception_group;
pub mod finalize;
pub mod float;
pub mod float_text;
pub mod frame;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod int;
pub mod iter;
pub mod iter_reduce;
pub mod list;
pub mod memoryview;
pub mod method_cache;
pub mod module;
pub mod module_spec;
pub mod namespace;
pub mod none;
pub mod object_;
pub mod ops_slots;
pub mod range;
pub mod range_big;
pub mod set;
pub mod settable;
pub mod slice;
pub mod str;
pub mod str_methods;
pub mod struct_seq;
pub mod super_;
pub mod table;
pub mod tuple;
pub mod type_;
pub mod type_lazy;
pub mod union;
pub mod weakref;

use crate::vm::Vm;

/// Adds the methods of every built-in type.
pub fn init_types(vm: &mut Vm) {
    object_::init(vm);
    function::init(vm);
    descriptor::init(vm);
    int::init(vm);
    float::init(vm);
    float_text::init(vm);
    complex::init(vm);
    str::init(vm);
    str_methods::init(vm);
    bytes::init(vm);
    bytes_methods::init(vm);
    memoryview::init(vm);
    list::init(vm);
    tuple::init(vm);
    dict::init(vm);
    set::init(vm);
    range::init(vm);
    slice::init(vm);
    iter::init(vm);
    generator::init(vm);
    coroutine::init(vm);
    async_generator::init(vm);
    module::init(vm);
    code::init(vm);
    frame::init(vm);
    none::init(vm);
    weakref::init(vm);
    super_::init(vm);
    exception::init(vm);
    exception_group::init(vm);
    generic_alias::init(vm);
    union::init(vm);
    annotations::init(vm);
    crate::traceback::init(vm);
}
