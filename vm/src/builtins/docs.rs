//! Docstrings of the built-in functions, in rpy's own words, laid out as
//! CPython lays out those of its C functions: a signature line, a `--`
//! line, a blank line, then the text. `__text_signature__` is the part of
//! the signature line after the name (what `inspect.signature` reads) and
//! `__doc__` the text; a function whose signature Python cannot spell
//! (`iter`, `max`) starts its `__doc__` with usage lines instead.

/// `(name, docstring)` of each function of `builtins`.
const BUILTINS: &[(&str, &str)] = &[
    ("abs", "abs(x, /)\n--\n\nThe absolute value of x (x.__abs__())."),
    ("aiter", "aiter(async_iterable, /)\n--\n\nThe asynchronous iterator of async_iterable (its __aiter__())."),
    ("all", "all(iterable, /)\n--\n\nTrue when no item of iterable is false (so True for an empty one)."),
    ("anext", "anext(aiterator[, default])\n\nAn awaitable giving the next item of an asynchronous iterator; with\ndefault, that value instead of StopAsyncIteration at the end."),
    ("any", "any(iterable, /)\n--\n\nTrue when some item of iterable is true (so False for an empty one)."),
    ("ascii", "ascii(obj, /)\n--\n\nLike repr(obj), with every non-ASCII character written as a \\x, \\u or \\U\nescape."),
    ("bin", "bin(number, /)\n--\n\nThe binary text of an integer, with a 0b prefix: bin(5) == '0b101'."),
    ("breakpoint", "breakpoint(*args, **kws)\n\nCalls sys.breakpointhook(*args, **kws), which starts the debugger."),
    ("callable", "callable(obj, /)\n--\n\nWhether obj can be called: its type has a __call__ method."),
    ("chr", "chr(i, /)\n--\n\nThe one-character string of Unicode code point i (0 <= i <= 0x10ffff)."),
    ("compile", "compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)\n--\n\nCompiles source (a str, bytes or AST) to a code object for exec() or\neval(). mode is 'exec' for statements, 'eval' for one expression, or\n'single' for one interactive statement; optimize -1 is the interpreter's\nlevel (-O), else 0, 1 or 2."),
    ("delattr", "delattr(obj, name, /)\n--\n\nDeletes the attribute name of obj: delattr(x, 'y') is del x.y."),
    ("dir", "dir([object])\n\nThe sorted names of object's attributes (its __dir__()); without an\nargument, the names of the current scope."),
    ("divmod", "divmod(x, y, /)\n--\n\nThe pair (x // y, x % y)."),
    ("eval", "eval(source, globals=None, locals=None, /)\n--\n\nThe value of an expression (a str or a code object), evaluated in\nglobals and locals (by default the caller's)."),
    ("exec", "exec(source, globals=None, locals=None, /, *, closure=None)\n--\n\nRuns statements (a str or a code object) in globals and locals (by\ndefault the caller's). Returns None."),
    ("format", "format(value, format_spec='', /)\n--\n\nvalue formatted by format_spec, through type(value).__format__."),
    ("getattr", "getattr(object, name[, default])\n\nThe attribute name of object: getattr(x, 'y') is x.y. With default,\nthat value when the attribute does not exist instead of AttributeError."),
    ("globals", "globals()\n--\n\nThe dictionary of the current module's global names."),
    ("hasattr", "hasattr(obj, name, /)\n--\n\nWhether getattr(obj, name) succeeds without AttributeError."),
    ("hash", "hash(obj, /)\n--\n\nThe hash value of obj. Objects that compare equal have the same hash."),
    ("hex", "hex(number, /)\n--\n\nThe hexadecimal text of an integer, with a 0x prefix: hex(255) == '0xff'."),
    ("id", "id(obj, /)\n--\n\nAn integer that identifies obj among the objects alive at the same time."),
    ("input", "input(prompt='', /)\n--\n\nWrites prompt, reads one line from standard input and returns it without\nits newline. EOFError at end of input."),
    ("isinstance", "isinstance(obj, class_or_tuple, /)\n--\n\nWhether obj is an instance of the class, or of a subclass of it. A tuple\nor a union of classes asks for any of them."),
    ("issubclass", "issubclass(cls, class_or_tuple, /)\n--\n\nWhether cls is the class, or derives from it. A tuple or a union of\nclasses asks for any of them."),
    ("iter", "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nThe iterator of iterable; or an iterator that calls callable until it\nreturns sentinel."),
    ("len", "len(obj, /)\n--\n\nThe number of items of a container."),
    ("locals", "locals()\n--\n\nA dictionary of the current scope's local names."),
    ("max", "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nThe largest item of iterable, or the largest argument. key maps items to\nwhat is compared; default is returned for an empty iterable."),
    ("min", "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nThe smallest item of iterable, or the smallest argument. key maps items\nto what is compared; default is returned for an empty iterable."),
    ("next", "next(iterator[, default])\n\nThe next item of iterator; at its end, default if given, else\nStopIteration."),
    ("oct", "oct(number, /)\n--\n\nThe octal text of an integer, with a 0o prefix: oct(8) == '0o10'."),
    ("open", "open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)\n--\n\nOpens a file and returns a file object: text ('r', 'w', 'a', 'x', with\n'+' to update) or binary (with 'b')."),
    ("ord", "ord(c, /)\n--\n\nThe Unicode code point of a one-character string (or the value of a\none-byte bytes object)."),
    ("pow", "pow(base, exp, mod=None)\n--\n\nbase ** exp, or base ** exp % mod computed without the full power."),
    ("print", "print(*args, sep=' ', end='\\n', file=None, flush=False)\n--\n\nWrites the str() of each argument to file (sys.stdout by default),\nseparated by sep and followed by end; flush forces the write out."),
    ("repr", "repr(obj, /)\n--\n\nThe printable representation of obj; for many types eval(repr(obj)) ==\nobj."),
    ("round", "round(number, ndigits=None)\n--\n\nnumber rounded to ndigits decimal digits, halves to even; an int when\nndigits is None, else the type of number."),
    ("setattr", "setattr(obj, name, value, /)\n--\n\nSets the attribute name of obj: setattr(x, 'y', v) is x.y = v."),
    ("sorted", "sorted(iterable, /, *, key=None, reverse=False)\n--\n\nA new list of the items of iterable in ascending order (descending with\nreverse); key maps items to what is compared. The sort is stable."),
    ("sum", "sum(iterable, /, start=0)\n--\n\nstart plus the sum of the items of iterable (numbers, not strings)."),
    ("vars", "vars([object])\n\nobject.__dict__; without an argument, like locals()."),
    ("__import__", "__import__(name, globals=None, locals=None, fromlist=(), level=0)\n--\n\nImports a module: what the import statement calls. importlib.import_module()\nis the function to use in programs."),
    ("__build_class__", "__build_class__(func, name, /, *bases, metaclass=None, **kwds)\n\nWhat a class statement calls: runs the class body func and makes the\nclass."),
];

/// The raw docstring of the built-in function `name` (signature block
/// included), if it has one.
pub(crate) fn builtin_function_doc(name: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

/// Splits a raw docstring into (`__text_signature__`, `__doc__`): a first
/// line `name(...)` followed by a `--` line is a signature, which CPython
/// leaves out of `__doc__` (pydoc and inspect show it from the signature).
pub(crate) fn split_signature<'a>(name: &str, raw: &'a str) -> (Option<&'a str>, &'a str) {
    let split = raw
        .strip_prefix(name)
        .filter(|rest| rest.starts_with('('))
        .and_then(|rest| rest.split_once("\n--\n\n"));
    match split {
        Some((signature, text)) => (Some(signature), text),
        None => (None, raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_and_text_are_split() {
        let (sig, doc) = split_signature("len", "len(obj, /)\n--\n\nThe number.");
        assert_eq!(sig, Some("(obj, /)"));
        assert_eq!(doc, "The number.");
        let (sig, doc) = split_signature("iter", "iter(a) -> b\n\nText.");
        assert_eq!(sig, None);
        assert_eq!(doc, "iter(a) -> b\n\nText.");
    }

    #[test]
    fn every_builtin_doc_is_well_formed() {
        for (name, raw) in BUILTINS {
            assert!(raw.starts_with(name), "{name}: doc starts with its name");
            let (_, doc) = split_signature(name, raw);
            assert!(!doc.contains("\n--\n"), "{name}: signature block left in");
        }
    }
}
