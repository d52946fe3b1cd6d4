"""Helpers whose errors surface in tracebacks of other files."""
