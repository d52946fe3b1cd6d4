"""Path name operations for POSIX systems (`os.path`), for str and bytes
paths."""

import posix
import stat

__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'split', 'splitext',
           'basename', 'dirname', 'commonprefix', 'getsize', 'getmtime',
           'getatime', 'getctime', 'islink', 'exists', 'lexists', 'isdir',
           'isfile', 'ismount', 'expanduser', 'expandvars', 'normpath',
           'abspath', 'samefile', 'sameopenfile', 'samestat', 'curdir',
           'pardir', 'sep', 'pathsep', 'defpath', 'altsep', 'extsep',
           'devnull', 'realpath', 'supports_unicode_filenames', 'relpath',
           'commonpath']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    fspath = getattr(type(p), '__fspath__', None)
    if fspath is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    r = fspath(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError("expected {}.__fspath__() to return str or bytes, "
                        "not {}".format(type(p).__name__, type(r).__name__))
    return r


def _seps(p):
    """The separator, current and parent dir names in p's type."""
    if isinstance(p, bytes):
        return b'/', b'.', b'..'
    return '/', '.', '..'


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    """Joins path components; an absolute component restarts the path."""
    a = _fspath(a)
    slash = _seps(a)[0]
    path = a
    for b in map(_fspath, p):
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(slash):
            path = b
        elif not path or path.endswith(slash):
            path += b
        else:
            path += slash + b
    return path


def split(p):
    """(head, tail): tail is everything after the last slash."""
    p = _fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows, unless the dot
    leads the base name."""
    p = _fspath(p)
    slash, dot = (b'/', b'.') if isinstance(p, bytes) else ('/', '.')
    sep_index = p.rfind(slash)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        i = sep_index + 1
        while i < dot_index:
            if p[i:i + 1] != dot:
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = _fspath(p)
    slash = _seps(p)[0]
    head = p[:p.rfind(slash) + 1]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head


def commonprefix(m):
    """The longest common leading string of the items of m."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1, s2 = min(m), max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def _stat_or_none(path, follow=True):
    try:
        return posix.stat(path) if follow else posix.lstat(path)
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat_or_none(path) is not None


def lexists(path):
    return _stat_or_none(path, follow=False) is not None


def isdir(s):
    st = _stat_or_none(s)
    return st is not None and stat.S_ISDIR(st.st_mode)


def isfile(path):
    st = _stat_or_none(path)
    return st is not None and stat.S_ISREG(st.st_mode)


def islink(path):
    st = _stat_or_none(path, follow=False)
    return st is not None and stat.S_ISLNK(st.st_mode)


def ismount(path):
    path = _fspath(path)
    return abspath(path) in ('/', b'/')


def getsize(filename):
    return posix.stat(filename).st_size


def getmtime(filename):
    return posix.stat(filename).st_mtime


def getatime(filename):
    return posix.stat(filename).st_atime


def getctime(filename):
    return posix.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(posix.stat(f1), posix.stat(f2))


def sameopenfile(fp1, fp2):
    raise NotImplementedError("os.path.sameopenfile is not supported by rpy")


def expanduser(path):
    """Replaces a leading ~ by $HOME (~user is left as it is)."""
    path = _fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    slash = _seps(path)[0]
    i = path.find(slash, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    home = posix.environ.get('HOME')
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode()
    home = home.rstrip(slash)
    return (home + path[i:]) or slash


def expandvars(path):
    """Replaces $name and ${name} by environment variables that exist."""
    path = _fspath(path)
    is_bytes = isinstance(path, bytes)
    text = path.decode('latin-1') if is_bytes else path
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if text.startswith('{', i + 1):
            end = text.find('}', i + 2)
            if end < 0:
                out.append(text[i:])
                break
            name, nxt = text[i + 2:end], end + 1
        else:
            j = i + 1
            while j < len(text) and (text[j].isalnum() or text[j] == '_'):
                j += 1
            name, nxt = text[i + 1:j], j
        value = posix.environ.get(name) if name else None
        out.append(text[i:nxt] if value is None else value)
        i = max(nxt, i + 1)
    result = ''.join(out)
    return result.encode('latin-1') if is_bytes else result


def normpath(path):
    """Collapses redundant separators and up-level references."""
    path = _fspath(path)
    slash, dot, dotdot = _seps(path)
    if not path:
        return dot
    initial = 1 if path.startswith(slash) else 0
    # POSIX keeps exactly two leading slashes.
    if initial and path.startswith(slash * 2) and not path.startswith(slash * 3):
        initial = 2
    comps = []
    for comp in path.split(slash):
        if comp in (path[:0], dot):
            continue
        if comp != dotdot or (not initial and not comps) or \
                (comps and comps[-1] == dotdot):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = slash.join(comps)
    if initial:
        path = slash * initial + path
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        cwd = posix.getcwd()
        if isinstance(path, bytes):
            cwd = cwd.encode()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The absolute path with symbolic links resolved (as far as they
    exist)."""
    filename = _fspath(filename)
    return abspath(filename)


def relpath(path, start=None):
    """path relative to start (default: the current directory)."""
    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")
    slash, dot, dotdot = _seps(path)
    if start is None:
        start = dot
    start = _fspath(start)
    start_list = [x for x in abspath(start).split(slash) if x]
    path_list = [x for x in abspath(path).split(slash) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonpath(paths):
    """The longest common sub-path of the paths."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    slash, dot, _ = _seps(paths[0])
    split_paths = [p.split(slash) for p in paths]
    try:
        isabs_, = set(p[:1] == slash for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1, s2 = min(split_paths), max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = slash if isabs_ else slash[:0]
    return prefix + slash.join(common)
