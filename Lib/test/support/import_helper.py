"""rpy's test.support.import_helper, written for rpy: importing a module
a test needs, skipping the test when it cannot be imported."""

import importlib
import unittest
import warnings


def import_module(name, deprecated=False, *, required_on=()):
    """Imports and returns module `name`; raises SkipTest if it cannot be
    imported."""
    with warnings.catch_warnings():
        if deprecated:
            warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return importlib.import_module(name)
        except ImportError as e:
            raise unittest.SkipTest(str(e))
