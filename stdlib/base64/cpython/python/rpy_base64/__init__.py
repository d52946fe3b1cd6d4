"""CPython 3.11's binascii and base64 codecs, implemented in safe Rust.

Every function of ``binascii`` and the codecs of ``base64`` (``b64encode``,
``b32decode``, ``a85encode``, ...), with CPython's signatures, results,
errors and messages. ``Error`` and ``Incomplete`` are ``binascii.Error`` and
``binascii.Incomplete`` themselves, so ``except binascii.Error:`` catches
what these functions raise.

``install()`` makes the standard ``binascii`` and ``base64`` modules use these
functions; ``uninstall()`` puts the standard ones back.

The native module is ``rpy_base64._base64``, also importable as ``_base64``.
"""

from . import _base64
from ._base64 import *  # noqa: F401,F403  (the codec functions)
from ._base64 import Error, Incomplete, __version__  # noqa: F401

__all__ = sorted(
    name for name in dir(_base64) if not name.startswith("_")
) + ["install", "uninstall", "installed"]

# The standard modules' functions as they were before install(), by module.
_saved = {}


def _targets():
    import base64
    import binascii

    return (binascii, base64)


def install():
    """Make the standard ``binascii`` and ``base64`` modules use this package.

    Replaces, in those modules, every function this package also provides
    (only names the running CPython's modules define are touched). Code that
    calls ``binascii.a2b_base64(...)`` or ``base64.b64encode(...)`` through
    the module, including the rest of the ``base64`` module itself, then runs
    these implementations. Names bound earlier with ``from base64 import
    b64encode`` keep the function they were bound to. Calling it again does
    nothing; ``uninstall()`` undoes it.
    """
    for module in _targets():
        if module.__name__ in _saved:
            continue
        saved = {}
        for name in dir(_base64):
            if name.startswith("_") or name in ("Error", "Incomplete"):
                continue
            if callable(getattr(module, name, None)):
                saved[name] = getattr(module, name)
        for name in saved:
            setattr(module, name, getattr(_base64, name))
        _saved[module.__name__] = saved


def uninstall():
    """Give the standard ``binascii`` and ``base64`` modules back their own
    functions, as they were before ``install()``."""
    for module in _targets():
        for name, function in _saved.pop(module.__name__, {}).items():
            setattr(module, name, function)


def installed():
    """Whether ``install()`` is in effect."""
    return bool(_saved)
