//! rpy bytecode: the contract between the compiler and the VM.
//!
//! A stack machine in the style of CPython 3.10 (block stack for exception
//! handling, finally bodies duplicated by the compiler), with operands stored
//! inline in the instruction enum. Jump targets are absolute instruction
//! indexes. "TOS" is the top of the value stack, "TOS1" the value below it.

use std::rc::Rc;

use malachite::Integer;

/// Index into one of a code object's tables (`constants`, `names`, ...).
pub type Idx = u32;
/// Absolute index of an instruction in `CodeObject::instructions`.
pub type Target = u32;

/// A compiled unit: module body, function, lambda, class body, comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    /// `co_name`: function name, `<module>`, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// `co_qualname`, e.g. `Outer.method.<locals>.inner`.
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub kind: CodeKind,
    pub flags: CodeFlags,
    /// Positional parameters, positional-only ones included.
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub instructions: Vec<Instruction>,
    /// One entry per instruction (same length as `instructions`).
    pub locations: Vec<Location>,
    /// For `Function` and `Lambda` code, `constants[0]` is the docstring (a
    /// `Str`) or `None` (always `None` for lambdas), as in CPython: the VM
    /// takes a function's `__doc__` from it. Module and class bodies store
    /// their docstring into `__doc__` with StoreName instead.
    pub constants: Vec<Constant>,
    /// Names used by *Global, *Name, *Attr, LoadMethod, ImportName, ImportFrom.
    pub names: Vec<String>,
    /// Fast locals: parameters first (positional, keyword-only, `*args`,
    /// `**kwargs`, in that order), then the other locals.
    pub varnames: Vec<String>,
    /// Locals captured by inner scopes. Deref indexes `0..cellvars.len()`.
    pub cellvars: Vec<String>,
    /// For each cellvar that is also a parameter, its `varnames` index: the
    /// VM copies the argument into the fresh cell when the frame starts.
    pub cell2arg: Vec<Option<Idx>>,
    /// Variables closed over from enclosing scopes. Deref indexes
    /// `cellvars.len()..cellvars.len() + freevars.len()`.
    pub freevars: Vec<String>,
    /// Upper bound on the value-stack depth (a capacity hint, may be 0).
    pub max_stack: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// Module body or `exec`/`eval` source: names go through LoadName/StoreName.
    Module,
    Function,
    Lambda,
    /// Class body: runs with the class namespace as its locals mapping.
    Class,
    /// List/set/dict comprehension or generator expression: a function whose
    /// single positional parameter `.0` is the outermost iterator.
    Comprehension,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CodeFlags {
    /// Has a `*args` parameter (it follows the keyword-only ones in varnames).
    pub varargs: bool,
    /// Has a `**kwargs` parameter (last parameter in varnames).
    pub varkeywords: bool,
    /// Contains `yield`: calling the function creates a generator.
    pub generator: bool,
    /// Is nested inside another function (affects nothing at run time yet,
    /// kept for `co_flags` fidelity).
    pub nested: bool,
    /// `async def` without `yield`, or an asynchronous comprehension:
    /// calling it creates a coroutine (CO_COROUTINE).
    pub coroutine: bool,
    /// A generator whose generators may be awaited (CO_ITERABLE_COROUTINE,
    /// set by `types.coroutine`).
    pub iterable_coroutine: bool,
    /// `async def` with `yield`, or an asynchronous generator expression:
    /// calling it creates an async generator (CO_ASYNC_GENERATOR). Such
    /// code has `generator` unset.
    pub async_generator: bool,
}

impl CodeFlags {
    /// Calling the code creates a generator, coroutine or async generator
    /// that keeps the frame instead of running it.
    #[inline]
    pub fn is_resumable(&self) -> bool {
        self.generator || self.coroutine || self.async_generator
    }
}

/// Source span of an instruction, as CPython's `co_positions()`: lines are
/// 1-based, columns are 0-based UTF-8 byte offsets into their lines. An
/// all-zero location (`line == 0`) means "no position" (CPython's `None`),
/// used for compiler-made cleanup code that cannot raise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// An int that fits in i64.
    Int(i64),
    /// An int that does not fit in i64.
    BigInt(Integer),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    Ellipsis,
    Code(Rc<CodeObject>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOperator {
    Not,
    Negative,
    Positive,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOperator {
    Add,
    Subtract,
    Multiply,
    MatMultiply,
    TrueDivide,
    FloorDivide,
    Modulo,
    Power,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparisonOperator {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// The `!s` / `!r` / `!a` of an f-string replacement field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// What `MakeFunction` finds on the stack below the code object, in this
/// order from bottom to top: defaults tuple, kw-defaults dict, annotations
/// dict, closure tuple (each only if its flag is set).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MakeFunctionFlags {
    pub defaults: bool,
    pub kw_defaults: bool,
    pub annotations: bool,
    pub closure: bool,
}

/// The instruction set. Stack effects are written `[before] -> [after]`, top
/// of stack on the right.
///
/// Exception handling uses a per-frame block stack:
/// - `SetupFinally(h)` pushes a handler block recording the stack depth.
/// - When an exception E is raised in the frame, the VM first adds a
///   traceback entry for this frame (except for `Reraise`, which keeps E's
///   traceback as is), then pops blocks. An except-handler block popped on the
///   way restores the exception it saved. At the first handler block found it
///   truncates the value stack to the recorded depth, pushes an
///   *except-handler block* that saves the currently handled exception
///   (`sys.exc_info()`, the implicit `__context__` of new exceptions), makes E
///   the handled exception, pushes E, and jumps to `h`. If no handler block
///   is left, E propagates to the caller.
/// - `PopExcept` pops that except-handler block and restores the saved
///   exception. The compiler has already popped E from the value stack.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Instruction {
    Nop,

    // ---- stack manipulation ----
    /// [a] -> []
    PopTop,
    /// [a, b] -> [b, a]
    RotTwo,
    /// [a, b, c] -> [c, a, b]
    RotThree,
    /// [a, b, c, d] -> [d, a, b, c]
    RotFour,
    /// [a] -> [a, a]
    DupTop,
    /// [a, b] -> [a, b, a, b]
    DupTopTwo,

    // ---- constants and variables ----
    /// [] -> [constants[i]]
    LoadConst(Idx),
    /// [] -> [varnames[i]]; UnboundLocalError if unset.
    LoadFast(Idx),
    StoreFast(Idx),
    DeleteFast(Idx),
    /// Cell or free variable `i` (see `CodeObject::cellvars`/`freevars`);
    /// NameError "free variable 'x' referenced before assignment in enclosing
    /// scope" / UnboundLocalError for an empty cell, as CPython.
    LoadDeref(Idx),
    StoreDeref(Idx),
    DeleteDeref(Idx),
    /// [] -> [the cell object itself], for building closures.
    LoadClosure(Idx),
    /// In a class body: look `freevars` name up in the class namespace first,
    /// then in the cell.
    LoadClassDeref(Idx),
    /// Globals then builtins.
    LoadGlobal(Idx),
    StoreGlobal(Idx),
    DeleteGlobal(Idx),
    /// Locals mapping, then globals, then builtins (module and class bodies).
    LoadName(Idx),
    StoreName(Idx),
    DeleteName(Idx),

    // ---- attributes and items ----
    /// [obj] -> [obj.names[i]]
    LoadAttr(Idx),
    /// [value, obj] -> []; obj.names[i] = value
    StoreAttr(Idx),
    /// [obj] -> []
    DeleteAttr(Idx),
    /// [obj] -> [m1, m2]: two stack slots that `CallMethod` consumes. How the
    /// pair encodes "function + self" versus "bound callable" is the VM's
    /// business; the compiler only pairs LoadMethod with CallMethod.
    LoadMethod(Idx),
    /// [container, key] -> [container[key]]
    BinarySubscr,
    /// [value, container, key] -> []; container[key] = value
    StoreSubscr,
    /// [container, key] -> []
    DeleteSubscr,
    /// [start, stop] -> [slice] (n = 2) or [start, stop, step] -> [slice] (n = 3)
    BuildSlice(u32),

    // ---- operators ----
    /// [a] -> [op a]
    UnaryOp(UnaryOperator),
    /// [a, b] -> [a op b]
    BinaryOp(BinaryOperator),
    /// [a, b] -> [a op= b] (tries `__iop__` first)
    InplaceOp(BinaryOperator),
    /// [a, b] -> [a op b]
    CompareOp(ComparisonOperator),
    /// [a, b] -> [a is b] (invert: `is not`)
    IsOp(bool),
    /// [a, b] -> [a in b] (invert: `not in`)
    ContainsOp(bool),

    // ---- building containers ----
    /// [x1..xn] -> [(x1, .., xn)]
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// [k1, v1, .., kn, vn] -> [{k1: v1, ..}]
    BuildMap(u32),
    /// [s1..sn] -> [s1 + .. + sn], all str (f-strings)
    BuildString(u32),
    /// [list, x1..x(i-1), v] -> [list, x1..x(i-1)]; list.append(v). `i` counts
    /// from the top: the list is the value at depth i once v is popped
    /// (as CPython's LIST_APPEND).
    ListAppend(u32),
    SetAdd(u32),
    /// [dict, .., key, value] -> [dict, ..]; dict[key] = value
    MapAdd(u32),
    /// [list, .., iterable] -> [list, ..]; list.extend(iterable)
    ListExtend(u32),
    /// [set, .., iterable] -> [set, ..]
    SetUpdate(u32),
    /// [dict, .., mapping] -> [dict, ..]; `{**m}` semantics
    DictUpdate(u32),
    /// Like DictUpdate, for `f(**m)`: TypeError on a non-mapping ("f()
    /// argument after ** must be a mapping, not int") or a duplicate keyword
    /// ("f() got multiple values for keyword argument 'x'"). Stack as
    /// CPython's DICT_MERGE: [f, args_tuple, dict, mapping] -> [f, args_tuple,
    /// dict] with i = 1, so the callable is at depth i + 2 once m is popped.
    DictMerge(u32),
    /// [list] -> [tuple(list)]
    ListToTuple,
    /// [value] -> [formatted str] or [value, spec] -> [formatted str]
    FormatValue {
        conversion: Conversion,
        has_spec: bool,
    },
    /// [seq] -> [xn, .., x1] (x1 on top)
    UnpackSequence(u32),
    /// `a, *b, c = seq`: [seq] -> [after values.., list, before values..]
    /// (first item on top)
    UnpackEx {
        before: u32,
        after: u32,
    },

    // ---- control flow ----
    Jump(Target),
    /// [cond] -> []
    PopJumpIfFalse(Target),
    PopJumpIfTrue(Target),
    /// [x] -> []; jump if x is None (pattern matching).
    PopJumpIfNone(Target),
    /// If TOS is false jump and keep it, else pop it (`and`).
    JumpIfFalseOrPop(Target),
    /// If TOS is true jump and keep it, else pop it (`or`).
    JumpIfTrueOrPop(Target),
    /// [iterable] -> [iter(iterable)]
    GetIter,
    /// [it] -> [it, next(it)], or on exhaustion [it] -> [] and jump.
    ForIter(Target),
    /// [value] -> return value
    ReturnValue,

    // ---- calls and definitions ----
    /// [callable, a1..an] -> [result]
    Call(u32),
    /// [callable, a1..an, kwnames] -> [result]: kwnames is a constant tuple of
    /// str naming the last len(kwnames) of the n arguments.
    CallKw(u32),
    /// [callable, args_tuple] -> [result], or with kwargs
    /// [callable, args_tuple, kwargs_dict] -> [result]
    CallFunctionEx {
        has_kwargs: bool,
    },
    /// [m1, m2, a1..an] -> [result] (after LoadMethod)
    CallMethod(u32),
    /// [defaults?, kwdefaults?, annotations?, closure?, code] -> [function]
    MakeFunction(MakeFunctionFlags),
    /// [] -> [builtins.__build_class__]
    LoadBuildClass,
    /// [] -> [AssertionError]
    LoadAssertionError,
    /// Creates `__annotations__` in the locals mapping if missing.
    SetupAnnotations,
    /// [value] -> []; sys.displayhook(value) (interactive mode only)
    PrintExpr,

    // ---- imports ----
    /// [level, fromlist] -> [module]; `__import__(names[i], globals, None,
    /// fromlist, level)`
    ImportName(Idx),
    /// [module] -> [module, module.names[i]] (falling back to
    /// sys.modules["pkg.name"]; ImportError "cannot import name ..." as CPython)
    ImportFrom(Idx),
    /// [module] -> []; `from m import *` into the locals mapping
    ImportStar,

    // ---- exceptions ----
    /// 0: bare `raise` (re-raise the handled exception, or RuntimeError
    /// "No active exception to reraise"); 1: [exc] `raise exc`;
    /// 2: [exc, cause] `raise exc from cause`.
    Raise(u32),
    /// [exc] -> re-raise exc keeping its traceback (end of a finally or of
    /// an unmatched except chain).
    Reraise,
    /// Push a handler block (see the enum docs).
    SetupFinally(Target),
    /// Pop the innermost handler block (normal exit of a try body).
    PopBlock,
    /// Pop the innermost except-handler block, restoring the saved exception.
    PopExcept,
    /// [exc, type] -> []; jump unless exc matches type (a class or a tuple of
    /// classes; TypeError "catching classes that do not inherit from
    /// BaseException is not allowed" otherwise).
    JumpIfNotExcMatch(Target),
    /// [mgr] -> [exit, enter_result], and pushes a handler block (to `h`)
    /// whose recorded depth is just above `exit`. `exit` is `mgr.__exit__`
    /// bound; AttributeError/TypeError as CPython when the protocol is missing.
    SetupWith(Target),
    /// At a with-handler: [exit, exc] -> [exit, exc, exit(type(exc), exc, tb)]
    WithExceptStart,

    // ---- exception groups (`except*`) ----
    /// [rest, type] -> [rest', match]: splits `rest` (what the previous
    /// clauses left unhandled, None once nothing is) by `type` (TypeError
    /// for non-exception classes and for exception groups). On a match,
    /// `match` is a group (a bare exception is wrapped in
    /// `ExceptionGroup("", (exc,))`) and becomes the handled exception, and
    /// `rest'` is the remainder (or None); otherwise [rest, None].
    CheckEgMatch,
    /// [orig, excs] -> [exc or None]: what an `except*` statement raises
    /// once its clauses ran, from the exception `orig` of the try body and
    /// the list `excs` of what the clauses raised followed by the unhandled
    /// rest (CPython's PREP_RERAISE_STAR).
    PrepReraiseStar,

    // ---- pattern matching (`match` statements) ----
    /// [x1, .., xn] -> [xn, x1, .., x(n-1)]: moves TOS down to depth n.
    RotN(u32),
    /// [subject] -> [subject, len(subject)]
    GetLen,
    /// [subject] -> [subject, bool]: whether subject is a mapping (an
    /// instance of dict) for mapping patterns.
    MatchMapping,
    /// [subject] -> [subject, bool]: whether subject is a sequence for
    /// sequence patterns (list, tuple, range, memoryview; never str, bytes
    /// or bytearray).
    MatchSequence,
    /// [subject, keys] -> [subject, keys, values]: `values` is the tuple of
    /// `subject.get(key, <missing>)` for each key of the tuple `keys`, or None
    /// if a key is missing (ValueError on a duplicate key).
    MatchKeys,
    /// [subject, cls, names] -> [attributes or None]: if `subject` is an
    /// instance of `cls`, the tuple of its n positional sub-pattern
    /// attributes (per `cls.__match_args__`, or the subject itself for the
    /// built-in types that match themselves) followed by the attributes
    /// named by the str tuple `names`; None if it is not an instance or an
    /// attribute is missing. TypeErrors as CPython's MATCH_CLASS.
    MatchClass(u32),
    /// [subject, keys] -> [rest]: a new dict of subject's items minus the
    /// keys of the tuple `keys` (`**rest` in a mapping pattern).
    CopyDictWithoutKeys,

    // ---- generators ----
    /// [value] -> yields value; on resume the sent value is pushed.
    YieldValue,
    /// [iterable] -> [iterator]; generators pass through, others get iter().
    GetYieldFromIter,
    /// [receiver, value] -> [receiver, yielded] when the receiver yields
    /// (next instruction is YieldValue, then Jump back to this Send), or
    /// [return value] and jump to the target when it returns. A generator
    /// suspended at a YieldValue right after a Send is delegating:
    /// `throw()`/`close()` go to the receiver first.
    Send(Target),

    // ---- coroutines (PEP 492, 525, 530) ----
    /// [obj] -> [iterator to delegate to]: a coroutine itself (RuntimeError
    /// if it is already being awaited), a generator with
    /// CO_ITERABLE_COROUTINE, or the iterator `obj.__await__()` returns;
    /// CPython's TypeErrors otherwise. The operand says where the object
    /// came from, for the message: 0 `await`, 1 `__aenter__`, 2 `__aexit__`.
    GetAwaitable(u32),
    /// [obj] -> [obj.__aiter__()] (`async for`), with CPython's TypeErrors.
    GetAiter,
    /// [aiter] -> [aiter, awaitable of aiter.__anext__()].
    GetAnext,
    /// At the handler of an `async for` loop: [aiter, exc] -> [] and pops
    /// the except-handler block if exc is a StopAsyncIteration (the loop
    /// is over), else re-raises exc keeping its traceback.
    EndAsyncFor,
    /// [mgr] -> [bound __aexit__, mgr.__aenter__()], with CPython's
    /// TypeErrors when the protocol is missing.
    BeforeAsyncWith,
    /// [exit, enter_result] -> same stack, and pushes a handler block whose
    /// recorded depth is just above `exit` (the `async with` body follows).
    SetupAsyncWith(Target),
    /// [value] -> [value wrapped]: what an async generator's `yield`
    /// yields, so its awaitables tell it from what an `await` passes up.
    AsyncGenWrap,
}

/// Control-flow facts of each opcode, in one place for the passes that
/// need them (dead-code removal, stack depth, jump resolution).
impl Instruction {
    /// The target field of a jump instruction, if this one can jump.
    pub fn jump_target_mut(&mut self) -> Option<&mut u32> {
        use Instruction as I;
        match self {
            I::Jump(t)
            | I::PopJumpIfFalse(t)
            | I::PopJumpIfTrue(t)
            | I::PopJumpIfNone(t)
            | I::JumpIfFalseOrPop(t)
            | I::JumpIfTrueOrPop(t)
            | I::ForIter(t)
            | I::SetupFinally(t)
            | I::SetupWith(t)
            | I::SetupAsyncWith(t)
            | I::JumpIfNotExcMatch(t)
            | I::Send(t) => Some(t),
            _ => None,
        }
    }

    /// The jump target, if this instruction can jump.
    pub fn jump_target(&self) -> Option<u32> {
        let mut copy = *self;
        copy.jump_target_mut().map(|t| *t)
    }

    /// Whether execution never continues to the next instruction.
    pub fn ends_flow(&self) -> bool {
        matches!(
            self,
            Instruction::Jump(_)
                | Instruction::ReturnValue
                | Instruction::Raise(_)
                | Instruction::Reraise
        )
    }
}

impl CodeObject {
    /// The source span of instruction `index` (the default location if the
    /// index is out of range).
    pub fn location(&self, index: usize) -> Location {
        self.locations.get(index).copied().unwrap_or_default()
    }
}
