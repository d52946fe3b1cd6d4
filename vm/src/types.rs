//! The registry of built-in type objects (`vm.types.list`, ...) and the
//! start-up code that creates them. The methods of each type are added by
//! its own file under `objects/` (see `objects::init_types`).

use crate::object::{Payload, PyObject};
use crate::objects::table::DictTable;
use crate::objects::type_::{set_bases, Layout, TypeData};
use crate::value::PyRef;
use std::cell::RefCell;

macro_rules! builtin_types {
    ($($field:ident : $name:literal, $layout:ident, $base:ident, $subclassable:literal;)*) => {
        /// The built-in types. Field names follow the Python names
        /// (`type_`/`bool_`/... where the name is a Rust keyword).
        #[derive(Clone)]
        pub struct Types {
            pub type_: PyRef,
            pub object: PyRef,
            pub dict: PyRef,
            $(pub $field: PyRef,)*
        }

        impl Types {
            /// Creates every built-in type (bare: no methods yet).
            pub(crate) fn bootstrap() -> Types {
                // `type`, `object` and `dict` refer to each other: make their
                // namespaces first with no class, then patch them.
                let d_type = bare_dict();
                let d_object = bare_dict();
                let d_dict = bare_dict();
                let type_ = PyObject::new_raw(None, Payload::Type(Box::new(TypeData::new("type", Layout::Type))), Some(d_type.clone()));
                let object = PyObject::new_raw(Some(type_.clone()), Payload::Type(Box::new(TypeData::new("object", Layout::Object))), Some(d_object.clone()));
                let dict = PyObject::new_raw(Some(type_.clone()), Payload::Type(Box::new(TypeData::new("dict", Layout::Dict))), Some(d_dict.clone()));
                for d in [&d_type, &d_object, &d_dict] {
                    d.set_class(dict.clone());
                }
                set_bases(&object, vec![]);
                set_bases(&type_, vec![object.clone()]);
                set_bases(&dict, vec![object.clone()]);
                let mk = |name: &str, layout: Layout, base: &PyRef, sub: bool| -> PyRef {
                    let d = PyObject::new_raw(Some(dict.clone()), Payload::Dict(RefCell::new(DictTable::new())), None);
                    let mut td = TypeData::new(name, layout);
                    td.basetype = sub;
                    let t = PyObject::new_raw(Some(type_.clone()), Payload::Type(Box::new(td)), Some(d));
                    set_bases(&t, vec![base.clone()]);
                    t
                };
                $(
                    #[allow(unused_variables)]
                    let $field = {
                        let base = builtin_types!(@base $base, object, type_, dict);
                        mk($name, Layout::$layout, &base, $subclassable)
                    };
                )*
                Types { type_, object, dict, $($field,)* }
            }

            /// Every built-in type (for teardown).
            pub(crate) fn all(&self) -> Vec<PyRef> {
                vec![self.type_.clone(), self.object.clone(), self.dict.clone(), $(self.$field.clone(),)*]
            }
        }
    };
    (@base object, $o:ident, $t:ident, $d:ident) => { $o.clone() };
    (@base $other:ident, $o:ident, $t:ident, $d:ident) => { $other.clone() };
}

fn bare_dict() -> PyRef {
    PyObject::new_raw(None, Payload::Dict(RefCell::new(DictTable::new())), None)
}

builtin_types! {
    int: "int", Int, object, true;
    bool_: "bool", Int, int, false;
    float: "float", Float, object, true;
    complex: "complex", Complex, object, true;
    str: "str", Str, object, true;
    bytes: "bytes", Bytes, object, true;
    bytearray: "bytearray", ByteArray, object, true;
    list: "list", List, object, true;
    tuple: "tuple", Tuple, object, true;
    set: "set", Set, object, true;
    frozenset: "frozenset", FrozenSet, object, true;
    none_type: "NoneType", Other, object, false;
    not_implemented_type: "NotImplementedType", Other, object, false;
    ellipsis_type: "ellipsis", Other, object, false;
    function: "function", Other, object, false;
    builtin_function: "builtin_function_or_method", Other, object, false;
    method_descriptor: "method_descriptor", Other, object, false;
    classmethod_descriptor: "classmethod_descriptor", Other, object, false;
    wrapper_descriptor: "wrapper_descriptor", Other, object, false;
    method: "method", Other, object, false;
    module: "module", Module, object, true;
    code: "code", Other, object, false;
    cell: "cell", Other, object, false;
    generator: "generator", Other, object, false;
    coroutine: "coroutine", Other, object, false;
    coroutine_wrapper: "coroutine_wrapper", Other, object, false;
    async_generator: "async_generator", Other, object, false;
    async_generator_asend: "async_generator_asend", Other, object, false;
    async_generator_athrow: "async_generator_athrow", Other, object, false;
    async_generator_wrapped_value: "async_generator_wrapped_value", Other, object, false;
    range: "range", Other, object, false;
    slice: "slice", Other, object, false;
    property: "property", Property, object, true;
    staticmethod: "staticmethod", Other, object, true;
    classmethod: "classmethod", Other, object, true;
    super_: "super", Other, object, true;
    getset_descriptor: "getset_descriptor", Other, object, false;
    member_descriptor: "member_descriptor", Other, object, false;
    dict_keys: "dict_keys", Other, object, false;
    dict_values: "dict_values", Other, object, false;
    dict_items: "dict_items", Other, object, false;
    mappingproxy: "mappingproxy", Other, object, false;
    traceback: "traceback", Other, object, false;
    frame: "frame", Other, object, false;
    method_wrapper: "method-wrapper", Other, object, false;
    weakref: "ReferenceType", Other, object, true;
    weakproxy: "ProxyType", Other, object, false;
    weakcallableproxy: "CallableProxyType", Other, object, false;
    list_iterator: "list_iterator", Other, object, false;
    list_reverseiterator: "list_reverseiterator", Other, object, false;
    tuple_iterator: "tuple_iterator", Other, object, false;
    range_iterator: "range_iterator", Other, object, false;
    str_iterator: "str_ascii_iterator", Other, object, false;
    bytes_iterator: "bytes_iterator", Other, object, false;
    dict_keyiterator: "dict_keyiterator", Other, object, false;
    dict_valueiterator: "dict_valueiterator", Other, object, false;
    dict_itemiterator: "dict_itemiterator", Other, object, false;
    dict_reversekeyiterator: "dict_reversekeyiterator", Other, object, false;
    dict_reversevalueiterator: "dict_reversevalueiterator", Other, object, false;
    dict_reverseitemiterator: "dict_reverseitemiterator", Other, object, false;
    set_iterator: "set_iterator", Other, object, false;
    seq_iterator: "iterator", Other, object, false;
    callable_iterator: "callable_iterator", Other, object, false;
    enumerate: "enumerate", Other, object, true;
    zip: "zip", Other, object, true;
    map: "map", Other, object, true;
    filter: "filter", Other, object, true;
    reversed: "reversed", Other, object, true;
    native_data: "native_object", Other, object, false;
    union_type: "UnionType", Other, object, false;
    generic_alias: "GenericAlias", Other, object, true;
}
