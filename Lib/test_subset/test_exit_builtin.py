def shutdown(code):
    print("shutting down with", code)
    exit(code)

try:
    shutdown(1)
except SystemExit as e:
    print("intercepted exit", e.code)

print(type(exit).__name__ in ("Quitter", "function", "builtin_function_or_method"))
shutdown(5)
print("not reached")
