"""rpy's test.support: the helpers CPython's test modules use, written for
rpy (resource limits, skips for implementation details, captured output)."""

import functools
import os
import sys
import unittest

__all__ = ["verbose", "Error", "TestFailed", "bigmemtest", "bigaddrspacetest",
           "cpython_only", "check_impl_detail", "impl_detail",
           "requires", "is_resource_enabled", "captured_stdout",
           "captured_stderr", "captured_stdin", "swap_attr", "swap_item",
           "gc_collect", "MAX_Py_ssize_t", "SHORT_TIMEOUT", "LONG_TIMEOUT",
           "LOOPBACK_TIMEOUT", "INTERNET_TIMEOUT", "run_unittest",
           "requires_resource", "findfile", "sortdict", "check_syntax_error",
           "refcount_test", "requires_IEEE_754", "is_jython", "is_android",
           "Py_DEBUG", "ALWAYS_EQ", "NEVER_EQ", "LARGEST", "SMALLEST",
           "_1M", "_1G", "_2G", "_4G"]

verbose = 1
use_resources = None
failfast = False
real_max_memuse = 0
max_memuse = 0

is_jython = False
is_android = False
Py_DEBUG = False

MAX_Py_ssize_t = sys.maxsize

LOOPBACK_TIMEOUT = 5.0
INTERNET_TIMEOUT = 60.0
SHORT_TIMEOUT = 30.0
LONG_TIMEOUT = 5 * 60.0

_1M = 1024 * 1024
_1G = 1024 * _1M
_2G = 2 * _1G
_4G = 4 * _1G


class Error(Exception):
    """Base class for regression test exceptions."""


class TestFailed(Error):
    """A test failed."""


class ResourceDenied(unittest.SkipTest):
    """A test needs a resource that was not enabled (-u)."""


def is_resource_enabled(resource):
    return use_resources is None or resource in use_resources


def requires(resource, msg=None):
    if not is_resource_enabled(resource):
        if msg is None:
            msg = "Use of the %r resource not enabled" % resource
        raise ResourceDenied(msg)


def requires_resource(resource):
    if is_resource_enabled(resource):
        return lambda f: f
    return unittest.skip("resource {0!r} is not enabled".format(resource))


def _memory_skip_reason(size, memuse):
    return "not enough memory: %.1fG minimum needed" % (
        size * memuse / (1024 ** 3))


def bigmemtest(size, memuse, dry_run=True):
    """Marks a test that needs about size * memuse bytes. Without a memory
    limit given to the test run (there is none under rpy), a test runs
    with a small size when `dry_run` allows it, and is skipped otherwise."""
    def decorator(f):
        @functools.wraps(f)
        def wrapper(self):
            size = wrapper.size
            memuse = wrapper.memuse
            maxsize = size if real_max_memuse else 5147
            if ((real_max_memuse or not dry_run)
                    and real_max_memuse < maxsize * memuse):
                raise unittest.SkipTest(_memory_skip_reason(size, memuse))
            return f(self, maxsize)
        wrapper.size = size
        wrapper.memuse = memuse
        return wrapper
    return decorator


def bigaddrspacetest(f):
    @functools.wraps(f)
    def wrapper(self):
        raise unittest.SkipTest(
            "not enough memory: try a 32-bit build instead")
    return wrapper


def check_impl_detail(**guards):
    """True when the running implementation is one the guards enable:
    check_impl_detail(cpython=True) is False under rpy."""
    if not guards:
        # No guards: is this CPython?
        guards, default = {'cpython': True}, False
    else:
        # All guards enable, or all disable, implementations.
        default = not next(iter(guards.values()))
    return guards.get(sys.implementation.name, default)


def impl_detail(msg=None, **guards):
    if check_impl_detail(**guards):
        return lambda f: f
    if msg is None:
        on = [name for name, enabled in guards.items() if enabled]
        off = [name for name, enabled in guards.items() if not enabled]
        if on:
            msg = "implementation detail specific to {0}".format(
                ' or '.join(sorted(on)))
        else:
            msg = "implementation detail not available on {0}".format(
                ' or '.join(sorted(off)))
    return unittest.skip(msg)


def cpython_only(test):
    """Skips a test of a CPython implementation detail."""
    return impl_detail(cpython=True)(test)


def refcount_test(test):
    return unittest.skip("reference counts are CPython's")(test)


def requires_IEEE_754(test):
    return test


class _CapturedStream:
    """with captured_stdout() as s: ... replaces sys.stdout by a StringIO."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        import io
        self.saved = getattr(sys, self.name)
        self.stream = io.StringIO()
        setattr(sys, self.name, self.stream)
        return self.stream

    def __exit__(self, *exc):
        setattr(sys, self.name, self.saved)
        return False


def captured_stdout():
    return _CapturedStream("stdout")


def captured_stderr():
    return _CapturedStream("stderr")


def captured_stdin():
    return _CapturedStream("stdin")


class _Swap:
    def __init__(self, obj, key, value, item):
        self.obj, self.key, self.value, self.item = obj, key, value, item

    def __enter__(self):
        if self.item:
            self.had = self.key in self.obj
            self.old = self.obj.get(self.key) if self.had else None
            self.obj[self.key] = self.value
            return self.old
        self.had = hasattr(self.obj, self.key)
        self.old = getattr(self.obj, self.key, None)
        setattr(self.obj, self.key, self.value)
        return self.old

    def __exit__(self, *exc):
        if self.item:
            if self.had:
                self.obj[self.key] = self.old
            else:
                del self.obj[self.key]
        elif self.had:
            setattr(self.obj, self.key, self.old)
        else:
            delattr(self.obj, self.key)
        return False


def swap_attr(obj, attr, new_val):
    return _Swap(obj, attr, new_val, item=False)


def swap_item(obj, item, new_val):
    return _Swap(obj, item, new_val, item=True)


def gc_collect():
    import gc
    gc.collect()
    gc.collect()
    gc.collect()


def run_unittest(*classes):
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    for cls in classes:
        if isinstance(cls, str):
            cls = sys.modules[cls]
        if isinstance(cls, type(sys)):
            suite.addTest(loader.loadTestsFromModule(cls))
        else:
            suite.addTest(loader.loadTestsFromTestCase(cls))
    result = unittest.TextTestRunner(sys.stdout, verbosity=verbose).run(suite)
    if not result.wasSuccessful():
        raise TestFailed("tests failed")


def findfile(filename, subdir=None):
    import os
    if os.path.isabs(filename):
        return filename
    here = os.path.dirname(os.path.dirname(__file__))
    for base in [here] + list(sys.modules['test'].__path__) + sys.path:
        path = os.path.join(base, subdir, filename) if subdir else \
            os.path.join(base, filename)
        if os.path.exists(path):
            return path
    return filename


def sortdict(dict):
    items = sorted(dict.items())
    return "{%s}" % ", ".join("%r: %r" % pair for pair in items)


def check_syntax_error(testcase, statement, errtext='', *, lineno=None,
                       offset=None):
    with testcase.assertRaisesRegex(SyntaxError, errtext) as cm:
        compile(statement, '<test string>', 'exec')
    err = cm.exception
    testcase.assertIsNotNone(err.lineno)
    if lineno is not None:
        testcase.assertEqual(err.lineno, lineno)
    if offset is not None:
        testcase.assertEqual(err.offset, offset)


class _AlwaysEq:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


class _NeverEq:
    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    def __hash__(self):
        return 1


class _Largest:
    def __eq__(self, other):
        return isinstance(other, _Largest)

    def __lt__(self, other):
        return False

    def __gt__(self, other):
        return not isinstance(other, _Largest)


class _Smallest:
    def __eq__(self, other):
        return isinstance(other, _Smallest)

    def __lt__(self, other):
        return not isinstance(other, _Smallest)

    def __gt__(self, other):
        return False


ALWAYS_EQ = _AlwaysEq()
NEVER_EQ = _NeverEq()
LARGEST = _Largest()
SMALLEST = _Smallest()


# What the networking and asyncio test modules use.

is_emscripten = False
is_wasi = False
def _cpython_test_home():
    # The directory of CPython's test modules (test/__init__.py lists it
    # after this package's own).
    import test
    for d in test.__path__:
        if os.path.exists(os.path.join(d, 'test_grammar.py')):
            return d
    return None


TEST_HOME_DIR = _cpython_test_home()


def get_attribute(obj, name):
    """`getattr(obj, name)`, skipping the test when the attribute is missing."""
    try:
        return getattr(obj, name)
    except AttributeError:
        raise unittest.SkipTest("object %r has no attribute %r" % (obj, name))


def requires_mac_ver(*min_version):
    """rpy runs on Linux: the macOS version guard never skips."""
    def decorator(func):
        return func
    return decorator


def reap_children():
    """Waits for any child processes a test left behind (without blocking)."""
    if not hasattr(os, 'waitpid'):
        return
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except (OSError, NotImplementedError):
            break
        if pid == 0:
            break


def maybe_get_event_loop_policy():
    """The asyncio event loop policy if asyncio was imported, else None."""
    import asyncio.events
    return asyncio.events._event_loop_policy


def load_package_tests(pkg_dir, loader, standard_tests, pattern):
    """A `load_tests` for a package of test modules: discovers the modules
    of `pkg_dir` (named by `pattern`, default test*) and adds them."""
    if pattern is None:
        pattern = "test*"
    top = os.path.dirname(os.path.dirname(os.path.abspath(pkg_dir)))
    found = loader.discover(start_dir=pkg_dir, top_level_dir=top,
                            pattern=pattern)
    standard_tests.addTests(found)
    return standard_tests


has_socket_support = True


def requires_working_socket(*, module=False):
    """Skips (the module) when sockets cannot be made: rpy has them."""
    msg = "requires socket support"
    if module:
        if not has_socket_support:
            raise unittest.SkipTest(msg)
        return None
    return unittest.skipUnless(has_socket_support, msg)


def requires_linux_version(*min_version):
    """Skips the test on a Linux kernel older than `min_version`."""
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kw):
            if sys.platform.startswith('linux'):
                release = os.uname().release.split('-')[0]
                try:
                    have = tuple(int(x) for x in release.split('.'))
                except ValueError:
                    have = ()
                if have and have < min_version:
                    raise unittest.SkipTest(
                        "Linux kernel %s or higher required, not %s"
                        % ('.'.join(map(str, min_version)), release))
            return func(*args, **kw)
        return wrapper
    return decorator
