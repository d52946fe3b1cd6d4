"""TestResult: collects what happened to the tests of a run."""

import functools
import sys
import traceback

__unittest = True

_STDOUT_LINE = '\nStdout:\n%s'
_STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    """Marks a result method that stops the run when failfast is set."""
    @functools.wraps(method)
    def inner(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    return inner


class TestResult(object):
    """Holds the failures, errors, skips, expected failures and unexpected
    successes of a test run, and how many tests ran; `failures` and
    `errors` hold (test, formatted traceback) pairs."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        """Reports the collected errors (the text result prints them)."""

    def startTest(self, test):
        """A test starts."""
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._stderr_buffer is None:
                import io
                self._stderr_buffer = io.StringIO()
                self._stdout_buffer = io.StringIO()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        """The run starts."""

    def stopTest(self, test):
        """A test ended."""
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if self.buffer:
            if self._mirrorOutput:
                output = sys.stdout.getvalue()
                error = sys.stderr.getvalue()
                if output:
                    if not output.endswith('\n'):
                        output += '\n'
                    self._original_stdout.write(_STDOUT_LINE % output)
                if error:
                    if not error.endswith('\n'):
                        error += '\n'
                    self._original_stderr.write(_STDERR_LINE % error)
            sys.stdout = self._original_stdout
            sys.stderr = self._original_stderr
            self._stdout_buffer.seek(0)
            self._stdout_buffer.truncate()
            self._stderr_buffer.seek(0)
            self._stderr_buffer.truncate()

    def stopTestRun(self):
        """The run ended."""

    @failfast
    def addError(self, test, err):
        """An error: err is a (type, value, traceback) tuple."""
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addFailure(self, test, err):
        """A failure (the test's failureException was raised)."""
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        """A subtest finished; err is None if it succeeded."""
        if err is not None:
            if getattr(self, 'failfast', False):
                self.stop()
            if issubclass(err[0], test.failureException):
                errors = self.failures
            else:
                errors = self.errors
            errors.append((subtest, self._exc_info_to_string(err, test)))
            self._mirrorOutput = True

    def addSuccess(self, test):
        """A test passed."""

    def addSkip(self, test, reason):
        """A test was skipped."""
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        """A test marked expectedFailure failed, as expected."""
        self.expectedFailures.append(
            (test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        """A test marked expectedFailure passed."""
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        """True when no test failed, erred or unexpectedly succeeded."""
        return ((len(self.failures) == len(self.errors) == 0) and
                (not hasattr(self, 'unexpectedSuccesses') or
                 len(self.unexpectedSuccesses) == 0))

    def stop(self):
        """Asks the run to stop after the current test."""
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        """The report of an error: its traceback without the frames of
        unittest itself."""
        exctype, value, tb = err
        tb, limit = self._clean_tracebacks(exctype, value, tb, test)
        msgLines = traceback.format_exception(exctype, value, tb, limit=limit)
        if self.buffer:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                if not output.endswith('\n'):
                    output += '\n'
                msgLines.append(_STDOUT_LINE % output)
            if error:
                if not error.endswith('\n'):
                    error += '\n'
                msgLines.append(_STDERR_LINE % error)
        return ''.join(msgLines)

    def _clean_tracebacks(self, exctype, value, tb, test):
        """(tb, limit) for the report: the leading frames of the runner are
        skipped, and for a failure the trailing frames of the assert method
        are cut by the limit. Chained exceptions lose the runner frames
        too."""
        first_tb = None
        limit = None
        first = True
        pending = [(exctype, value, tb)]
        seen = {id(value)}
        while pending:
            exctype, value, tb = pending.pop()
            while tb and self._is_relevant_tb_level(tb):
                tb = tb.tb_next
            if first:
                first_tb = tb
                if exctype is test.failureException:
                    limit = self._count_relevant_tb_levels(tb)
                first = False
            elif value.__traceback__ is not tb:
                value.__traceback__ = tb
            if value is not None:
                for chained in (value.__cause__, value.__context__):
                    if chained is not None and id(chained) not in seen:
                        pending.append((type(chained), chained,
                                        chained.__traceback__))
                        seen.add(id(chained))
        return first_tb, limit

    def _is_relevant_tb_level(self, tb):
        return '__unittest' in tb.tb_frame.f_globals

    def _count_relevant_tb_levels(self, tb):
        length = 0
        while tb and not self._is_relevant_tb_level(tb):
            length += 1
            tb = tb.tb_next
        return length

    def __repr__(self):
        return ("<%s run=%i errors=%i failures=%i>" %
                (f"{self.__class__.__module__}.{self.__class__.__qualname__}",
                 self.testsRun, len(self.errors), len(self.failures)))
