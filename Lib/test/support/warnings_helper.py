"""Warning helpers of the tests (they need the warnings module, which rpy
does not have yet: using them raises ImportError naming it)."""

import functools

__all__ = ["check_warnings", "ignore_warnings", "check_syntax_warning",
           "save_restore_warnings_filters"]


def _warnings():
    import warnings
    return warnings


def check_warnings(*filters, quiet=True):
    return _warnings().catch_warnings(record=True)


def ignore_warnings(*, category):
    def decorator(test):
        @functools.wraps(test)
        def wrapper(self, *args, **kwargs):
            warnings = _warnings()
            with warnings.catch_warnings():
                warnings.simplefilter('ignore', category=category)
                return test(self, *args, **kwargs)
        return wrapper
    return decorator


def check_syntax_warning(testcase, statement, errtext='', *, lineno=1,
                         offset=None):
    _warnings()
    raise NotImplementedError("check_syntax_warning is not supported by rpy")


def save_restore_warnings_filters():
    return _warnings().catch_warnings()
