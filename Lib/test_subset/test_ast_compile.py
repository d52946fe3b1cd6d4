# compile() of syntax trees: trees from ast.parse, changed by a
# NodeTransformer or built by hand, run as code; malformed trees give
# CPython's errors; compile()'s own argument errors.
import ast


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "old":
            return ast.copy_location(ast.Name("new", node.ctx), node)
        return node


program = """
def add(a, b=3):
    return a + b
total = 0
for i in range(4):
    total += add(i)
print(total, [n * 10 for n in (1, 2)], {'k': 5}, 7 if total else 8)
"""
tree = ast.parse(program)
exec(compile(tree, "<tree>", "exec"))
exec(compile(Doubler().visit(ast.parse(program)), "<doubled>", "exec"))

new = "renamed"
code = compile(Renamer().visit(ast.parse("print(old)")), "<r>", "exec")
exec(code)
print(code.co_filename, code.co_names)

expr = ast.Expression(
    ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(expr), "<e>", "eval")))

single = ast.parse("40 + 2", mode="single")
exec(compile(single, "<s>", "single"))

made = ast.Module(body=[
    ast.FunctionDef(
        name="greet",
        args=ast.arguments(posonlyargs=[], args=[ast.arg("who")], vararg=None,
                           kwonlyargs=[], kw_defaults=[], kwarg=None,
                           defaults=[]),
        body=[ast.Return(ast.JoinedStr([
            ast.Constant("hello "),
            ast.FormattedValue(ast.Name("who", ast.Load()), -1, None)]))],
        decorator_list=[], returns=None),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()),
                      [ast.Call(ast.Name("greet", ast.Load()),
                                [ast.Constant("tree")], [])], [])),
    ast.Try(body=[ast.Raise(ast.Call(ast.Name("KeyError", ast.Load()),
                                     [ast.Constant("k")], []), None)],
            handlers=[ast.ExceptHandler(
                ast.Name("KeyError", ast.Load()), "err",
                [ast.Expr(ast.Call(ast.Name("print", ast.Load()),
                                   [ast.Name("err", ast.Load())], []))])],
            orelse=[], finalbody=[]),
], type_ignores=[])
exec(compile(ast.fix_missing_locations(made), "<made>", "exec"))

# A position from the tree shows in the traceback of code compiled from it.
bad = ast.parse("x = 1\ny = x / 0\n")
try:
    exec(compile(bad, "<bad>", "exec"))
except ZeroDivisionError as e:
    print("line", e.__traceback__.tb_next.tb_lineno)

P = dict(lineno=1, col_offset=0)


def name(id_, ctx):
    return ast.Name(id_, ctx, **P)


def module(*body):
    return ast.Module(list(body), [])


BAD = [
    ("missing position", module(ast.Expr(ast.Constant(1)))),
    ("body not a list", ast.Module(5, [])),
    ("no type_ignores", ast.Module([])),
    ("store where load", module(ast.Expr(name("x", ast.Store()), **P))),
    ("load where store",
     module(ast.Assign([name("x", ast.Load())], ast.Constant(1, **P), **P))),
    ("missing ctx", module(ast.Expr(ast.Name("x", **P), **P))),
    ("ctx None", module(ast.Expr(ast.Name("x", None, **P), **P))),
    ("id not str", module(ast.Expr(ast.Name(5, ast.Load(), **P), **P))),
    ("constant list", module(ast.Expr(ast.Constant([1], **P), **P))),
    ("constant in tuple", module(ast.Expr(ast.Constant((1, {}), **P), **P))),
    ("int not expr", module(ast.Expr(5, **P))),
    ("int not stmt", module(5)),
    ("expr not stmt", module(ast.Constant(1, **P))),
    ("operator class", module(ast.Expr(ast.BinOp(
        ast.Constant(1, **P), ast.Add, ast.Constant(2, **P), **P), **P))),
    ("lineno str", module(ast.Expr(ast.Constant(1, lineno="a", col_offset=0), **P))),
    ("value None", module(ast.Expr(None, **P))),
    ("empty if", module(ast.If(ast.Constant(1, **P), [], [], **P))),
    ("empty for", module(ast.For(name("i", ast.Store()), name("r", ast.Load()), [], [], **P))),
    ("try alone", module(ast.Try([ast.Pass(**P)], [], [], [], **P))),
    ("try else", module(ast.Try([ast.Pass(**P)], [], [ast.Pass(**P)], [ast.Pass(**P)], **P))),
    ("import nothing", module(ast.Import([], **P))),
    ("level -1", module(ast.ImportFrom("m", [ast.alias("x", **P)], -1, **P))),
    ("alias no position", module(ast.ImportFrom("m", [ast.alias("x")], 0, **P))),
    ("boolop one", module(ast.Expr(ast.BoolOp(ast.And(), [ast.Constant(1, **P)], **P), **P))),
    ("dict lengths", module(ast.Expr(ast.Dict([None], [], **P), **P))),
    ("compare lengths", module(ast.Expr(ast.Compare(
        ast.Constant(1, **P), [ast.Lt(), ast.Gt()], [ast.Constant(2, **P)], **P), **P))),
    ("compare none", module(ast.Expr(ast.Compare(ast.Constant(1, **P), [], [], **P), **P))),
    ("assign constant", module(ast.Assign([ast.Constant(1, **P)], ast.Constant(1, **P), **P))),
    ("del constant", module(ast.Delete([ast.Constant(1, **P)], **P))),
    ("raise cause only", module(ast.Raise(None, ast.Constant(1, **P), **P))),
    ("store None", module(ast.Assign([name("None", ast.Store())], ast.Constant(1, **P), **P))),
    ("no generators", module(ast.Expr(ast.ListComp(ast.Constant(1, **P), [], **P), **P))),
]
for label, tree in BAD:
    try:
        compile(tree, "<bad>", "exec")
        print(label, "compiled")
    except (TypeError, ValueError, SyntaxError) as e:
        print(label, type(e).__name__, str(e).split(" at 0x")[0])

for args in [
    (ast.Module([], []), "f", "eval"),
    (ast.Expression(ast.Constant(1)), "f", "exec"),
    (ast.Name("x", ast.Load()), "f", "exec"),
    (ast.parse("x"), "f", "single"),
    (5, "f", "exec"),
    ("x", "f", "nope"),
    ("x", "f", "func_type"),
    ("x", "f", "nope", ast.PyCF_ONLY_AST),
]:
    try:
        compile(*args)
        print("compiled")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

same = ast.parse("y")
print(compile(same, "f", "exec", ast.PyCF_ONLY_AST) is same)
print(type(compile(b"z = 1", "f", "exec", ast.PyCF_ONLY_AST)).__name__)
try:
    compile(" 1", "f", "eval")
except SyntaxError as e:
    print(type(e).__name__, e)
