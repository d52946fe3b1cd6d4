"""Format and print exceptions and their tracebacks, as CPython 3.11 does.

rpy's own module: the text comes from the VM's traceback formatter (the
native `_traceback` module), the one that prints uncaught exceptions, so
`traceback.print_exc()` and an uncaught error look the same.
"""

import sys
import _traceback

__all__ = ['format_exc', 'format_exception', 'format_exception_only',
           'print_exc', 'print_exception', 'format_tb', 'print_tb',
           'extract_tb', 'extract_stack', 'format_stack', 'print_stack',
           'format_list', 'print_list', 'walk_tb', 'TracebackException',
           'FrameSummary', 'StackSummary']

_sentinel = object()


def _margin(line):
    # The "    | " an exception group's box puts before its lines.
    i = len(line) - len(line.lstrip(' '))
    return line[:i + 2] if line[i:i + 2] == '| ' else ''


def _split(text):
    # One string per traceback entry (its "File" line with the source and
    # caret lines below it) and one per other line, as CPython's lists are;
    # inside a group's box, the same by the lines' text after the margin.
    parts = []
    plain = []
    margins = []
    for line in text.splitlines(True):
        margin = _margin(line)
        body = line[len(margin):]
        if parts and margins[-1] == margin and (
                (body.startswith('    ') and plain[-1].startswith('  File '))
                # The chain message: blank line, message, blank line.
                or (plain[-1].startswith('\n')
                    and not plain[-1].endswith(':\n\n'))):
            parts[-1] += line
            plain[-1] += body
        else:
            parts.append(line)
            plain.append(body)
            margins.append(margin)
    return parts


def _resolve(exc, value, tb):
    if value is _sentinel:
        value = exc
        if tb is _sentinel:
            tb = getattr(exc, '__traceback__', None)
    elif tb is _sentinel:
        raise ValueError("Both or neither of value and tb must be given")
    return value, tb


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The lines of the report an uncaught `exc` would print."""
    value, tb = _resolve(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    return _split(_traceback.format_exception(value, tb, limit, chain))


def format_exception_only(exc, /, value=_sentinel):
    """The final "Type: message" line(s) of the report."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    return _split(_traceback.format_exception_only(value))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    if file is None:
        file = sys.stderr
    for part in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(part, file=file, end='')


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as a string."""
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def walk_tb(tb):
    """(frame, lineno) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def clear_frames(tb):
    """Drops the locals of the frames a traceback holds (where rpy's frame
    objects can: a frame still running keeps them)."""
    for frame, _ in walk_tb(tb):
        clear = getattr(frame, 'clear', None)
        if clear is None:
            continue
        try:
            clear()
        except RuntimeError:
            pass


def _unsupported(name):
    def missing(*args, **kwargs):
        raise NotImplementedError(
            f"traceback.{name}() is not supported by rpy yet")
    missing.__name__ = name
    return missing


for _name in ('format_tb', 'print_tb', 'extract_tb', 'extract_stack',
              'format_stack', 'print_stack', 'format_list', 'print_list',
              'print_last', 'walk_stack'):
    globals()[_name] = _unsupported(_name)
del _name


class _Unsupported:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            f"traceback.{type(self).__name__} is not supported by rpy yet")


class TracebackException(_Unsupported):
    pass


class FrameSummary(_Unsupported):
    pass


class StackSummary(_Unsupported):
    pass
