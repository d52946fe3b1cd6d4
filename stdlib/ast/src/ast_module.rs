//! The `_ast` module object: the compile flags as integers, and the node
//! classes, made by running a short Python program (rpy's own) in the
//! module's namespace. The classes are then ordinary Python classes, with
//! an instance `__dict__`, subclassable as `ast.py` does
//! (`class Num(Constant, metaclass=_ABC)`).

use rpy_vm::{ModuleDef, PyRef, PyResult, Vm};

use crate::node_table::{Node, NODES};

/// `compile()` flag: return the syntax tree instead of a code object.
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `compile()` flag: keep `# type:` comments in the tree.
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// `compile()` flag: allow `await` outside a function.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// The base class `AST` and the class factory, in Python. The constructor
/// fills `_fields` from the positional arguments, in order, then sets every
/// keyword argument (unknown names included, as CPython 3.11 allows).
const BASE_CLASS: &str = r#"
class AST:
    __module__ = 'ast'
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(
                f"{cls.__name__} constructor takes at most {n} positional "
                f"argument{'' if n == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError(
                    f"{cls.__name__} got multiple values for argument {name!r}")
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), getattr(self, '__dict__', {})

def _make_node(name, base, fields, attributes, optional):
    ns = {'__module__': 'ast', '__qualname__': name,
          '_fields': fields, '__match_args__': fields}
    if attributes is not None:
        ns['_attributes'] = attributes
    for opt in optional:
        ns[opt] = None
    globals()[name] = type(name, (globals()[base],), ns)
"#;

/// Python tuple literal of `names`.
fn tuple_literal(names: &[&str]) -> String {
    let mut s = String::from("(");
    for n in names {
        s.push_str(&format!("'{n}', "));
    }
    s.push(')');
    s
}

/// The Python call that defines `node`'s class.
fn node_call(node: &Node) -> String {
    let attributes = match node.attributes {
        Some(a) => tuple_literal(a),
        None => "None".to_owned(),
    };
    format!(
        "_make_node('{}', '{}', {}, {}, {})\n",
        node.name,
        node.base,
        tuple_literal(node.fields),
        attributes,
        tuple_literal(node.optional)
    )
}

/// The whole program that fills the module.
fn program() -> String {
    let mut src = String::from(BASE_CLASS);
    for node in NODES {
        src.push_str(&node_call(node));
    }
    src.push_str("del _make_node\n");
    src
}

/// Makes the `_ast` module.
pub(crate) fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut def = ModuleDef::new("_ast");
    def.value("PyCF_ONLY_AST", PYCF_ONLY_AST);
    def.value("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS);
    def.value("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT);
    let m = def.build(vm)?;
    vm.exec_source(&program(), "<_ast>", &m)?;
    Ok(m)
}
