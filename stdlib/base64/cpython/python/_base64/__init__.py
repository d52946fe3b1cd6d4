"""The native module of rpy_base64 (``rpy_base64._base64``) under the name
``_base64``: the accelerator name a ``base64.py`` imports, as ``json`` does
``_json``. Same function objects; see ``rpy_base64`` for the public API."""

from rpy_base64._base64 import *  # noqa: F401,F403
from rpy_base64._base64 import Error, Incomplete, __version__  # noqa: F401
