"""Runs one of CPython's regression test modules and prints one line per
test: its outcome and its id. Run by both python3 and rpy, so that the
tests passing under rpy can be compared with those passing under CPython.

    driver.py test_int

Lines: "PASS <id>", "FAIL <id>", "ERROR <id>", "SKIP <id>", "XFAIL <id>",
"XPASS <id>"; a module that cannot be loaded gives one
"IMPORT-ERROR <exception>" line. Every line is flushed at once, so a run
cut short by a timeout still reports what ran before.
"""

import sys
import unittest


def _emit(kind, test):
    # A test method with subtests reports each failing subtest separately;
    # its own id is what counts.
    test = getattr(test, 'test_case', test)
    sys.stdout.write('%s %s\n' % (kind, test.id()))
    sys.stdout.flush()


class _Result(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self._failed = set()

    def _exc_info_to_string(self, err, test):
        # Only the outcome is reported: the error in one line, without
        # formatting its traceback (which would test traceback.py too).
        return '%s: %s' % (err[0].__name__, err[1])

    def addSuccess(self, test):
        super().addSuccess(test)
        if test.id() not in self._failed:
            _emit('PASS', test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        _emit('FAIL', test)

    def addError(self, test, err):
        super().addError(test, err)
        _emit('ERROR', test)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None and test.id() not in self._failed:
            self._failed.add(test.id())
            _emit('FAIL', test)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        _emit('SKIP', test)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        _emit('XFAIL', test)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        _emit('XPASS', test)


def main(name):
    try:
        suite = unittest.defaultTestLoader.loadTestsFromName('test.' + name)
    except BaseException as e:
        print('IMPORT-ERROR %s: %s' % (type(e).__name__, e))
        return
    # A module whose import fails inside the loader becomes a
    # _FailedTest; report that as an import error too.
    for t in _flatten(suite):
        if type(t).__name__ == '_FailedTest':
            # The loader's message ends with the import's own error.
            why = str(getattr(t, '_exception', '')).strip().splitlines()
            print('IMPORT-ERROR %s' % (why[-1] if why else t.id()))
            return
    suite.run(_Result())


def _flatten(suite):
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            yield from _flatten(t)
        else:
            yield t


if __name__ == '__main__':
    main(sys.argv[1])
