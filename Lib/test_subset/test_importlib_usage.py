# importlib as a program uses it: import_module, find_spec, reload,
# modules built from a spec, and a finder of its own on sys.meta_path.
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import tempfile

m = importlib.import_module('json.decoder')
print(m.__name__, m.__package__, m.__spec__.name, m.__spec__.parent)
print(os.path.basename(m.__spec__.origin), m.__spec__.has_location)
print(m.__loader__.is_package('json.decoder'), sys.modules['json.decoder'] is m)
print(importlib.import_module('.encoder', 'json').__name__)

spec = importlib.util.find_spec('json')
print(spec.name, spec.submodule_search_locations is not None, spec.parent)
print(importlib.util.find_spec('no_such_module_here'))
print(importlib.util.find_spec('itertools').origin, importlib.util.find_spec('_thread').origin)
try:
    importlib.import_module('no_such_module_here')
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e, e.name)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'counter.py')
    with open(path, 'w') as f:
        f.write('VALUE = 1\ndef double(x):\n    return 2 * x\n')
    sys.path.insert(0, d)
    try:
        import counter
        print(counter.VALUE, counter.double(21))
        with open(path, 'w') as f:
            f.write('VALUE = 2\n')
        importlib.invalidate_caches()
        again = importlib.reload(counter)
        print(again is counter, counter.VALUE, hasattr(counter, 'double'))
        spec = importlib.util.spec_from_file_location('loose_counter', path)
        loose = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loose)
        print(loose.__name__, loose.VALUE, 'loose_counter' in sys.modules)
        print(type(spec.loader).__name__, spec.loader.get_data(path))
    finally:
        sys.path.remove(d)
        sys.modules.pop('counter', None)


class Greeter(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.greeting = 'hello from ' + module.__name__


class GreeterFinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.asked = []

    def find_spec(self, name, path, target=None):
        self.asked.append(name)
        if name.startswith('greet_'):
            return importlib.util.spec_from_loader(name, Greeter())
        return None


finder = GreeterFinder()
sys.meta_path.append(finder)
import greet_world
print(greet_world.greeting, greet_world.__spec__.name)
print(type(greet_world.__loader__).__name__)
import json.tool  # found by rpy's own finders first
print('json.tool' in finder.asked, finder.asked)
sys.meta_path.remove(finder)
try:
    import greet_again
except ImportError as e:
    print(type(e).__name__, e)

first = GreeterFinder()
sys.meta_path.insert(0, first)
import colorsys
print(first.asked)
sys.meta_path.remove(first)

print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.all_suffixes()[:1])
print(importlib.util.resolve_name('.sub', 'pkg'), importlib.util.resolve_name('..x', 'a.b.c'))
