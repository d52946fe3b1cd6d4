# ast.py's helpers that need collections (ast.walk uses deque) on a
# hand-built tree; get_docstring needs inspect.
import ast

tree = ast.Module(body=[
    ast.Assign(targets=[ast.Name('x', ast.Store())],
               value=ast.BinOp(ast.Constant(1), ast.Mult(), ast.Constant(2.5))),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()), [], [])),
], type_ignores=[])
ast.fix_missing_locations(tree)
ast.increment_lineno(tree, 4)
print(tree.body[0].lineno, tree.body[0].end_lineno, tree.body[0].col_offset)
print([type(n).__name__ for n in ast.walk(tree)])
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.Name('a', ast.Load()))])
print(ast.dump(tree, include_attributes=True, indent=1))
print(ast.get_docstring(ast.Module([ast.Expr(ast.Constant('  doc\n  more'))], [])))
