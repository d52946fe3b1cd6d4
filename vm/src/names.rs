//! Interned names the VM itself looks up (dunder methods and friends): each
//! is a `str` object created once, with its hash cached, so lookups by these
//! names never hash or allocate.

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

use crate::value::PyRef;

/// An interned `str` object as the key of the intern table: hashed and
/// compared by its text, so the table is searched with a `&str` and the
/// text is not stored a second time.
pub(crate) struct Interned(pub PyRef);

impl Borrow<str> for Interned {
    fn borrow(&self) -> &str {
        self.0.as_str().unwrap_or_default()
    }
}

impl Hash for Interned {
    fn hash<H: Hasher>(&self, state: &mut H) {
        <Self as Borrow<str>>::borrow(self).hash(state)
    }
}

impl PartialEq for Interned {
    fn eq(&self, other: &Self) -> bool {
        <Self as Borrow<str>>::borrow(self) == <Self as Borrow<str>>::borrow(other)
    }
}

impl Eq for Interned {}

macro_rules! names {
    ($($field:ident),* $(,)?) => {
        /// The VM's interned names; `vm.names.__init__` etc.
        #[allow(non_snake_case)]
        pub struct Names {
            $(pub $field: PyRef,)*
        }

        impl Names {
            pub(crate) fn new(mut intern: impl FnMut(&str) -> PyRef) -> Names {
                Names {
                    $($field: intern(stringify!($field)),)*
                }
            }
        }
    };
}

names! {
    __init__, __new__, __call__, __getattr__, __getattribute__, __setattr__,
    __delattr__, __get__, __set__, __delete__, __dict__, __class__, __name__,
    __qualname__, __module__, __doc__, __repr__, __str__, __hash__, __eq__,
    __ne__, __lt__, __le__, __gt__, __ge__, __bool__, __len__, __iter__,
    __next__, __getitem__, __setitem__, __delitem__, __contains__, __enter__,
    __exit__, __neg__, __pos__, __invert__, __abs__, __index__, __int__,
    __float__, __complex__, __format__, __builtins__, __file__, __package__, __spec__,
    __path__, __loader__, __all__, __import__, __build_class__, __classcell__,
    __class_getitem__, __init_subclass__, __set_name__, __mro_entries__,
    __prepare__, __slots__, __instancecheck__, __subclasscheck__, __missing__,
    __reversed__, __round__, __trunc__, __floor__, __ceil__, __length_hint__,
    __annotations__, __weakref__, __main__, __cached__, __bases__, __mro__,
    __cause__, __context__, __traceback__, __defaults__, __kwdefaults__,
    __code__, __globals__, __closure__, __func__, __self__, __wrapped__,
    __del__, __sizeof__, __reduce__, __reduce_ex__, __dir__, __fspath__,
    __await__, __aiter__, __anext__, __aenter__, __aexit__, __objclass__,
    __text_signature__, __abstractmethods__, __isabstractmethod__,
    __bytes__, __copy__, __deepcopy__, __getstate__, __setstate__,
    __getnewargs__, __getnewargs_ex__, __orig_bases__, __match_args__,
    __add__, __radd__, __iadd__, __sub__, __rsub__, __isub__, __mul__,
    __rmul__, __imul__, __matmul__, __rmatmul__, __imatmul__, __truediv__,
    __rtruediv__, __itruediv__, __floordiv__, __rfloordiv__, __ifloordiv__,
    __mod__, __rmod__, __imod__, __pow__, __rpow__, __ipow__, __lshift__,
    __rlshift__, __ilshift__, __rshift__, __rrshift__, __irshift__, __and__,
    __rand__, __iand__, __or__, __ror__, __ior__, __xor__, __rxor__, __ixor__,
    __divmod__, __rdivmod__,
    send, throw, close, keys, items, values, metaclass, append, write, flush,
    args, msg, name, path, code, value, mro, builtins, stdout, stderr, stdin,
    displayhook, excepthook, modules, argv, end, sep, file,
}
