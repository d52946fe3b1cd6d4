"""TestLoader: finds the tests of test case classes, modules and dotted
names, in CPython's order (test methods sorted by name)."""

import functools
import sys

from . import case, suite

__unittest = True


class _FailedTest(case.TestCase):
    """Stands for a name that could not be loaded: running it raises the
    error the loader met."""

    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super(_FailedTest, self).__getattr__(name)

        def testFailure():
            raise self._exception
        return testFailure


def _make_failed_test(methodname, exception, suiteClass, message):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,)), message


def _make_failed_import_test(name, suiteClass):
    message = 'Failed to import test module: %s\n%s' % (
        name, _format_current_exception())
    return _make_failed_test(name, ImportError(message), suiteClass, message)


def _format_current_exception():
    import traceback
    return traceback.format_exc()


def _glob_match(pattern, text):
    """fnmatch.fnmatchcase for '*', '?' and '[...]' patterns."""
    p = t = 0
    star_p, star_t = -1, 0
    while t < len(text):
        if p < len(pattern):
            c = pattern[p]
            if c == '*':
                star_p, star_t = p, t
                p += 1
                continue
            if c == '[':
                end = pattern.find(']', p + 2)
                if end != -1:
                    body = pattern[p + 1:end]
                    negate = body.startswith('!')
                    if negate:
                        body = body[1:]
                    hit = False
                    i = 0
                    while i < len(body):
                        if i + 2 < len(body) and body[i + 1] == '-':
                            hit = hit or body[i] <= text[t] <= body[i + 2]
                            i += 3
                        else:
                            hit = hit or body[i] == text[t]
                            i += 1
                    if hit != negate:
                        p, t = end + 1, t + 1
                        continue
                elif c == text[t]:
                    p, t = p + 1, t + 1
                    continue
            elif c == '?' or c == text[t]:
                p, t = p + 1, t + 1
                continue
        if star_p == -1:
            return False
        p, t = star_p + 1, star_t + 1
        star_t += 1
    while p < len(pattern) and pattern[p] == '*':
        p += 1
    return p == len(pattern)


class TestLoader(object):
    """Builds suites from test case classes, modules and dotted names."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(lambda a, b: (a > b) - (a < b))
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of one test case per test method of the class."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """A suite of the tests of every TestCase class in the module (or
        what its load_tests function returns)."""
        if len(args) > 1:
            raise TypeError('loadTestsFromModule() takes 1 positional '
                            'argument but {} were given'.format(len(args) + 1))
        if kws:
            raise TypeError("loadTestsFromModule() got an unexpected keyword "
                            "argument '{}'".format(next(iter(kws))))
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, case.TestCase):
                tests.append(self.loadTestsFromTestCase(obj))

        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is not None:
            try:
                return load_tests(self, tests, pattern)
            except Exception as e:
                error_case, error_message = _make_failed_test(
                    module.__name__, e, self.suiteClass,
                    _format_current_exception())
                self.errors.append(error_message)
                return error_case
        return tests

    def loadTestsFromName(self, name, module=None):
        """The tests a dotted name designates: a module, a class, a method,
        a suite, or a callable returning a test, relative to `module`."""
        parts = name.split('.')
        error_case, error_message = None, None
        if module is None:
            parts_copy = parts[:]
            while parts_copy:
                try:
                    module_name = '.'.join(parts_copy)
                    module = __import__(module_name)
                    break
                except ImportError:
                    next_attribute = parts_copy.pop()
                    error_case, error_message = _make_failed_import_test(
                        next_attribute, self.suiteClass)
                    if not parts_copy:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if (getattr(obj, '__path__', None) is not None
                        and error_case is not None):
                    self.errors.append(error_message)
                    return error_case
                error_case, error_message = _make_failed_test(
                    part, e, self.suiteClass,
                    'Failed to access attribute:\n%s' % (
                        _format_current_exception(),))
                self.errors.append(error_message)
                return error_case

        if isinstance(obj, type(sys)):
            return self.loadTestsFromModule(obj)
        elif isinstance(obj, type) and issubclass(obj, case.TestCase):
            return self.loadTestsFromTestCase(obj)
        elif (callable(obj) and not isinstance(obj, type) and
              isinstance(parent, type) and issubclass(parent, case.TestCase)):
            return self.suiteClass([parent(parts[-1])])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            elif isinstance(test, case.TestCase):
                return self.suiteClass([test])
            else:
                raise TypeError("calling %s returned %s, not a test" %
                                (obj, test))
        else:
            raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        """A suite of the tests of each name."""
        suites = [self.loadTestsFromName(name, module) for name in names]
        return self.suiteClass(suites)

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of the test methods of the class."""
        def should_include(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            attr = getattr(testCaseClass, attrname)
            if not callable(attr):
                return False
            full_name = f'{testCaseClass.__module__}.' \
                        f'{testCaseClass.__qualname__}.{attrname}'
            return self.testNamePatterns is None or \
                any(_glob_match(pattern, full_name)
                    for pattern in self.testNamePatterns)
        names = [n for n in dir(testCaseClass) if should_include(n)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        raise NotImplementedError(
            "unittest test discovery is not supported by rpy yet; "
            "name the test modules")


defaultTestLoader = TestLoader()


def _make_loader(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    loader = TestLoader()
    if sortUsing is not None:
        loader.sortTestMethodsUsing = sortUsing
    loader.testMethodPrefix = prefix
    loader.testNamePatterns = testNamePatterns
    if suiteClass:
        loader.suiteClass = suiteClass
    return loader


def getTestCaseNames(testCaseClass, prefix, sortUsing=None,
                     testNamePatterns=None):
    return _make_loader(prefix, sortUsing, testNamePatterns=testNamePatterns
                        ).getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=None,
              suiteClass=suite.TestSuite):
    return _make_loader(prefix, sortUsing, suiteClass
                        ).loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=None,
                  suiteClass=suite.TestSuite):
    return _make_loader(prefix, sortUsing, suiteClass
                        ).loadTestsFromModule(module)
