# The _ast node classes under CPython's ast.py: fields, attributes,
# constructors and their errors, and ast.py's helpers on hand-built trees.
import _ast
import ast

classes = sorted(n for n in dir(_ast) if isinstance(getattr(_ast, n), type)
                 and issubclass(getattr(_ast, n), _ast.AST))
print(len(classes))
for n in classes:
    c = getattr(_ast, n)
    print(n, c.__base__.__name__, c._fields, c._attributes, c.__match_args__,
          c.__module__)
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.PyCF_ONLY_AST)

def show(f):
    try:
        r = f()
        print("ok", r.__dict__ if isinstance(r, ast.AST) else r)
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: ast.Module(1, 2, 3))
show(lambda: ast.Return(1, 2))
show(lambda: ast.Load(1))
show(lambda: ast.AST(1))
show(lambda: ast.Name('x', id='y'))
show(lambda: ast.Name('x', ctx='L', foo=3))
show(lambda: ast.Constant(value=1, kind='u', lineno=2))
show(lambda: ast.FunctionDef().returns)
show(lambda: ast.FunctionDef().type_comment)
show(lambda: ast.FunctionDef().body)
show(lambda: ast.Name().end_lineno)
show(lambda: ast.Name().lineno)
show(lambda: ast.ImportFrom().level)
show(lambda: ast.Name('x').__reduce__())
show(lambda: ast.AST().__reduce__())
show(lambda: ast.Load() is ast.Load())
show(lambda: type(ast.Load()).__mro__)

class Point(ast.AST):
    _fields = ('x', 'y')

show(lambda: Point(1, 2))
show(lambda: Point(1, 2, 3))
p = Point(1)
p.extra = 'e'
print(p.__dict__, vars(p))

# match on nodes uses __match_args__
def kind(node):
    match node:
        case ast.BinOp(ast.Constant(a), ast.Add(), ast.Constant(b)):
            return ('add', a, b)
        case ast.Name(id=name):
            return ('name', name)
        case _:
            return 'other'

print(kind(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))))
print(kind(ast.Name('q', ast.Load())))
print(kind(ast.Pass()))

# ast.py's helpers on a hand-built tree
tree = ast.Module(body=[
    ast.Assign(targets=[ast.Name('x', ast.Store())],
               value=ast.BinOp(ast.Constant(1), ast.Mult(), ast.Constant(2.5))),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()),
                      [ast.Name('x', ast.Load())],
                      [ast.keyword('sep', ast.Constant('-'))])),
    ast.If(ast.Compare(ast.Name('x', ast.Load()), [ast.Lt()], [ast.Constant(3)]),
           [ast.Pass()], [ast.Return(None)]),
], type_ignores=[])
print(ast.dump(tree))
print(ast.dump(tree, indent=2))
ast.fix_missing_locations(tree)
print(ast.dump(tree, include_attributes=True))
print(ast.unparse(tree))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
print((lambda c: (c.visit(tree), c.names)[1])(Counter()))

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, (int, float)):
            return ast.Constant(node.value * 2)
        return node
print(ast.unparse(Doubler().visit(tree)))

# literal_eval accepts nodes
print(ast.literal_eval(ast.List([ast.Constant(1), ast.UnaryOp(ast.USub(), ast.Constant(2)),
                                 ast.Tuple([ast.Constant('a')], ast.Load())], ast.Load())))
print(ast.literal_eval(ast.Dict([ast.Constant('k')], [ast.Set([ast.Constant(1)])])))
print(ast.literal_eval(ast.Expression(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2j)))))
try:
    ast.literal_eval(ast.Name('x', ast.Load()))
except ValueError as e:
    print(type(e).__name__, str(e).split(':')[0])

# the deprecated aliases ast.py defines on top of Constant
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant('s'), ast.Str),
      isinstance(ast.Constant(1), ast.Str))
print(ast.Num(5).value, ast.Str('s').s, type(ast.Num(5)).__name__)
c = ast.copy_location(ast.Name('n', ast.Load()), ast.Name('m', ast.Load(), lineno=7,
                      col_offset=2, end_lineno=7, end_col_offset=3))
print(c.lineno, c.col_offset, c.end_lineno, c.end_col_offset)
