"""rpy's test.support.threading_helper, written for rpy: rpy runs one
thread (`_thread.start_new_thread` raises), so the set-up and clean-up
helpers have no other threads to wait for."""

import contextlib
import functools
import threading
import unittest


def threading_setup():
    return (threading._count() if hasattr(threading, '_count') else 1,)


def threading_cleanup(*original_values):
    pass


def reap_threads(func):
    @functools.wraps(func)
    def decorator(*args):
        return func(*args)
    return decorator


@contextlib.contextmanager
def wait_threads_exit(timeout=None):
    yield


def join_thread(thread, timeout=None):
    thread.join(timeout)
    if thread.is_alive():
        raise AssertionError("failed to join the thread")


@contextlib.contextmanager
def start_threads(threads, unlock=None):
    threads = list(threads)
    for t in threads:
        t.start()
    try:
        yield
    finally:
        if unlock:
            unlock()
        for t in threads:
            t.join()


def _can_start_thread():
    try:
        t = threading.Thread(target=lambda: None)
        t.start()
        t.join()
        return True
    except (RuntimeError, NotImplementedError):
        return False


can_start_thread = _can_start_thread()


def requires_working_threading(*, module=False):
    msg = "requires threading support"
    if module:
        if not can_start_thread:
            raise unittest.SkipTest(msg)
        return None
    return unittest.skipUnless(can_start_thread, msg)


class catch_threading_exception:
    def __init__(self):
        self.exc_type = self.exc_value = self.exc_traceback = None
        self.thread = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        del self.exc_value, self.exc_traceback, self.thread
