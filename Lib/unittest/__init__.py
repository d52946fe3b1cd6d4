"""rpy's unittest: test cases, suites, loaders and the text runner, with the
API and the output of CPython 3.11's unittest (written for rpy).

    import unittest

    class TestThing(unittest.TestCase):
        def test_it(self):
            self.assertEqual(1 + 1, 2)

    if __name__ == '__main__':
        unittest.main()
"""

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless',
           'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'getTestCaseNames', 'makeSuite',
           'findTestCases', 'enterModuleContext', 'doModuleCleanups']

__unittest = True

from .result import TestResult
from .case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest,
                   skip, skipIf, skipUnless, expectedFailure,
                   doModuleCleanups, enterModuleContext)
from .suite import BaseTestSuite, TestSuite
from .loader import (TestLoader, defaultTestLoader, makeSuite,
                     getTestCaseNames, findTestCases)
from .main import TestProgram, main
from .runner import TextTestRunner, TextTestResult
from .signals import (installHandler, registerResult, removeResult,
                      removeHandler)


def __getattr__(name):
    if name == 'IsolatedAsyncioTestCase':
        raise NotImplementedError(
            "unittest.IsolatedAsyncioTestCase is not supported by rpy "
            "(no asyncio)")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
