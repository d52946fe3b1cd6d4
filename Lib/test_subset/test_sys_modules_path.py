import sys

print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
print(sys.path[0] == "" or sys.path[0].endswith("test_subset"))
print(all(isinstance(p, str) for p in sys.path))
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["sys"] is sys)
main = sys.modules["__main__"]
print(main.__name__, hasattr(main, "main"), main.sys is sys)
print(sorted(k for k in ("sys", "builtins", "__main__") if k in sys.modules))
print(sys.version_info[:2], sys.version_info[0] == 3, len(sys.version_info))
print(sys.version.startswith("3.11"), type(sys.hexversion).__name__)
print(sys.maxsize, -sys.maxsize - 1, sys.maxsize.bit_length())
print(sys.byteorder, sys.float_info.mant_dig, sys.float_info.epsilon)
print(sys.getrecursionlimit(), type(sys.getsizeof(1)).__name__)
print(type(sys.implementation.name).__name__, sys.implementation.version[:2] == sys.version_info[:2])
print(sys.flags.optimize, sys.dont_write_bytecode in (True, False))
print(sys.exc_info() == (None, None, None), callable(sys.exit), callable(sys.intern))
print(sys.intern("abc") == "abc", sys.platform in ("linux", "darwin", "win32"))
print(isinstance(sys.builtin_module_names, tuple), "sys" in sys.builtin_module_names)
