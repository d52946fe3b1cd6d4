"""unittest.main(): the command line of a test module and of
`rpy -m unittest`."""

import sys

from . import loader, runner
from .signals import installHandler

__unittest = True

_OPTIONS_HELP = """\
options:
  -h, --help            show this help message and exit
  -v, --verbose         Verbose output
  -q, --quiet           Quiet output
  --locals              Show local variables in tracebacks
  -f, --failfast        Stop on first fail or error
  -c, --catch           Catch Ctrl-C and display results so far
  -b, --buffer          Buffer stdout and stderr during tests
  -k TESTNAMEPATTERNS   Only run tests which match the given substring
"""

_MAIN_EXAMPLES = """\
Examples:
  %(prog)s                           - run default set of tests
  %(prog)s MyTestSuite               - run suite 'MyTestSuite'
  %(prog)s MyTestCase.testSomething  - run MyTestCase.testSomething
  %(prog)s MyTestCase                - run all 'test*' test methods
                                       in MyTestCase
"""

_MODULE_EXAMPLES = """\
Examples:
  %(prog)s test_module               - run tests from test_module
  %(prog)s module.TestClass          - run tests from module.TestClass
  %(prog)s module.Class.test_method  - run specified test method
  %(prog)s path/to/test_file.py      - run tests from test_file.py
"""


def _convert_name(name):
    """A relative path to a test file (tests/test_x.py) becomes the name of
    its module (tests.test_x); other names are kept."""
    if not name.lower().endswith('.py') or name.startswith(('/', '..')):
        return name
    try:
        open(name).close()
    except OSError:
        return name
    name = name[:-3]
    while name.startswith('./'):
        name = name[2:]
    return name.replace('\\', '.').replace('/', '.')


class TestProgram(object):
    """Runs the tests of a module (or the named ones) from the command line
    and exits with status 0 when all passed, 1 otherwise."""

    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None

    def __init__(self, module='__main__', defaultTest=None, argv=None,
                 testRunner=None, testLoader=loader.defaultTestLoader,
                 exit=True, verbosity=1, failfast=None, catchbreak=None,
                 buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            self.module = __import__(module)
            for part in module.split('.')[1:]:
                self.module = getattr(self.module, part)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv

        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        if warnings is None and not sys.warnoptions:
            # Show DeprecationWarnings by default, unless -W says otherwise.
            self.warnings = 'default'
        else:
            self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = argv[0].replace('\\', '/').rsplit('/', 1)[-1]
        self.parseArgs(argv)
        self.runTests()

    def _usage(self):
        prog = self.progName
        usage = (f"usage: {prog} [-h] [-v] [-q] [--locals] [-f] [-c] [-b] "
                 f"[-k TESTNAMEPATTERNS]")
        return usage + " [tests ...]\n"

    def usageExit(self, msg=None):
        if msg:
            sys.stderr.write(self._usage())
            sys.stderr.write(f"{self.progName}: error: {msg}\n")
            sys.exit(2)
        self._print_help()
        sys.exit(2)

    def _print_help(self):
        out = self._usage() + "\npositional arguments:\n"
        out += ("  tests                 a list of any number of test "
                "modules, classes and test\n"
                "                        methods.\n\n")
        out += _OPTIONS_HELP + "\n"
        examples = _MODULE_EXAMPLES if self.module is None else _MAIN_EXAMPLES
        out += examples % {'prog': self.progName}
        sys.stdout.write(out)

    def parseArgs(self, argv):
        args = list(argv[1:])
        if self.module is None and args and args[0].lower() == 'discover':
            raise NotImplementedError(
                "unittest test discovery is not supported by rpy yet; "
                "name the test modules")
        tests = []
        patterns = []
        only_positional = False
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if only_positional or not arg.startswith('-') or arg == '-':
                tests.append(arg)
                continue
            if arg == '--':
                only_positional = True
            elif arg in ('-h', '--help'):
                self._print_help()
                sys.exit(0)
            elif arg in ('-v', '--verbose'):
                self.verbosity = 2
            elif arg in ('-q', '--quiet'):
                self.verbosity = 0
            elif arg == '--locals':
                self.tb_locals = True
            elif arg in ('-f', '--failfast'):
                self.failfast = True
            elif arg in ('-c', '--catch'):
                self.catchbreak = True
            elif arg in ('-b', '--buffer'):
                self.buffer = True
            elif arg == '-k' or arg.startswith('-k'):
                value = arg[2:]
                if not value:
                    if i >= len(args):
                        self.usageExit("argument -k: expected one argument")
                    value = args[i]
                    i += 1
                patterns.append(value if '*' in value else '*%s*' % value)
            elif len(arg) > 2 and arg[0] == '-' and arg[1] != '-' and \
                    all(c in 'vqfcb' for c in arg[1:]):
                for c in arg[1:]:
                    args.insert(i, '-' + c)
            else:
                self.usageExit("unrecognized arguments: %s" % arg)
        if self.failfast is None:
            self.failfast = False
        if self.catchbreak is None:
            self.catchbreak = False
        if self.buffer is None:
            self.buffer = False
        if patterns:
            self.testNamePatterns = patterns

        if self.module is None:
            if not tests:
                raise NotImplementedError(
                    "unittest test discovery is not supported by rpy yet; "
                    "name the test modules")
            self.testNames = [_convert_name(name) for name in tests]
        elif tests:
            self.testNames = tests
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def createTests(self, from_discovery=False, Loader=None):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames,
                                                           self.module)

    def runTests(self):
        if self.catchbreak:
            installHandler()
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        if isinstance(self.testRunner, type):
            try:
                try:
                    test_runner = self.testRunner(verbosity=self.verbosity,
                                                  failfast=self.failfast,
                                                  buffer=self.buffer,
                                                  warnings=self.warnings,
                                                  tb_locals=self.tb_locals)
                except TypeError:
                    # The runner does not know tb_locals.
                    test_runner = self.testRunner(verbosity=self.verbosity,
                                                  failfast=self.failfast,
                                                  buffer=self.buffer,
                                                  warnings=self.warnings)
            except TypeError:
                # The runner takes no arguments.
                test_runner = self.testRunner()
        else:
            test_runner = self.testRunner
        self.result = test_runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
