import sys

def load_plugin(name):
    module = __import__(name)
    return module

print("loading plugins from", type(sys.path).__name__)
load_plugin("pkg_rel")
print("pkg_rel ok")
load_plugin("definitely_missing_plugin")
