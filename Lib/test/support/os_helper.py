"""File-system helpers of the tests: TESTFN, unlink, rmtree, temporary
directories and working directories."""

import os
import sys

__all__ = ["TESTFN", "TESTFN_ASCII", "TESTFN_UNICODE", "TESTFN_NONASCII",
           "unlink", "rmdir", "rmtree", "temp_dir", "temp_cwd", "change_cwd",
           "make_bad_fd", "EnvironmentVarGuard", "FakePath", "can_symlink",
           "create_empty_file", "fs_is_case_insensitive"]

# A file name in the current directory that is unique to this process.
TESTFN_ASCII = '{}_{}_tmp'.format('@test', os.getpid())
TESTFN = TESTFN_ASCII
TESTFN_UNICODE = TESTFN_ASCII + "-\xe0\xf2\u0258\u0141\u011f"
TESTFN_NONASCII = TESTFN_ASCII + '-\xe6'
TESTFN_UNENCODABLE = None
SAVEDCWD = os.getcwd()


def unlink(filename):
    try:
        os.unlink(filename)
    except (FileNotFoundError, NotADirectoryError):
        pass


def rmdir(dirname):
    try:
        os.rmdir(dirname)
    except FileNotFoundError:
        pass


def rmtree(path):
    """Removes a directory tree; a missing one is not an error."""
    try:
        names = os.listdir(path)
    except FileNotFoundError:
        return
    except NotADirectoryError:
        unlink(path)
        return
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            rmtree(full)
        else:
            unlink(full)
    rmdir(path)


def create_empty_file(filename):
    with open(filename, 'wb'):
        pass


class _TempDir:
    def __init__(self, path, quiet):
        self.path = path
        self.quiet = quiet
        self.made = False

    def __enter__(self):
        if self.path is None:
            import tempfile
            self.path = tempfile.mkdtemp()
            self.made = True
        else:
            try:
                os.mkdir(self.path)
                self.made = True
            except OSError:
                if not self.quiet:
                    raise
        return os.path.realpath(self.path)

    def __exit__(self, *exc):
        if self.made:
            rmtree(self.path)
        return False


def temp_dir(path=None, quiet=False):
    """A context manager: makes a directory (a new temporary one when path
    is None) and removes it afterwards."""
    return _TempDir(path, quiet)


class _ChangeCwd:
    def __init__(self, path, quiet):
        self.path = path
        self.quiet = quiet

    def __enter__(self):
        self.saved = os.getcwd()
        try:
            os.chdir(os.path.realpath(self.path))
        except OSError:
            if not self.quiet:
                raise
        return os.getcwd()

    def __exit__(self, *exc):
        os.chdir(self.saved)
        return False


def change_cwd(path, quiet=False):
    return _ChangeCwd(path, quiet)


class _TempCwd:
    def __init__(self, name, quiet):
        self.dir = _TempDir(None if name is None else name, quiet)

    def __enter__(self):
        path = self.dir.__enter__()
        self.cwd = _ChangeCwd(path, False)
        return self.cwd.__enter__()

    def __exit__(self, *exc):
        self.cwd.__exit__(*exc)
        return self.dir.__exit__(*exc)


def temp_cwd(name='tempcwd', quiet=False):
    return _TempCwd(name, quiet)


def make_bad_fd():
    raise NotImplementedError("os_helper.make_bad_fd is not supported by rpy")


def can_symlink():
    return False


def fs_is_case_insensitive(directory):
    return False


class FakePath:
    """A path-like object whose __fspath__ returns (or raises) a value."""

    def __init__(self, path):
        self.path = path

    def __repr__(self):
        return f'<FakePath {self.path!r}>'

    def __fspath__(self):
        if (isinstance(self.path, BaseException) or
                isinstance(self.path, type) and
                issubclass(self.path, BaseException)):
            raise self.path
        return self.path


class EnvironmentVarGuard:
    """Changes os.environ in a with block and restores it afterwards."""

    def __init__(self):
        self._environ = os.environ
        self._changed = {}

    def __getitem__(self, envvar):
        return self._environ[envvar]

    def __setitem__(self, envvar, value):
        if envvar not in self._changed:
            self._changed[envvar] = self._environ.get(envvar)
        self._environ[envvar] = value

    def __delitem__(self, envvar):
        if envvar not in self._changed:
            self._changed[envvar] = self._environ.get(envvar)
        if envvar in self._environ:
            del self._environ[envvar]

    def keys(self):
        return self._environ.keys()

    def __iter__(self):
        return iter(self._environ)

    def __len__(self):
        return len(self._environ)

    def set(self, envvar, value):
        self[envvar] = value

    def unset(self, envvar):
        del self[envvar]

    def copy(self):
        return dict(self._environ)

    def __contains__(self, envvar):
        return envvar in self._environ

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for k, v in self._changed.items():
            if v is None:
                if k in self._environ:
                    del self._environ[k]
            else:
                self._environ[k] = v
        os.environ = self._environ
        return False
