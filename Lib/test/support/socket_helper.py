"""rpy's test.support.socket_helper: loopback hosts and ports for the
networking tests, written for rpy."""

import contextlib
import errno
import os
import socket
import unittest

HOST = "localhost"
HOSTv4 = "127.0.0.1"
HOSTv6 = "::1"


def _ipv6_works():
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind((HOSTv6, 0))
        return True
    except OSError:
        return False


IPV6_ENABLED = _ipv6_works()


def find_unused_port(family=socket.AF_INET, socktype=socket.SOCK_STREAM):
    """A port nothing listens on now (the kernel's pick, then released)."""
    with socket.socket(family, socktype) as s:
        return bind_port(s)


def bind_port(sock, host=HOST):
    """Binds `sock` to a free port of `host` and returns the port."""
    if sock.family == socket.AF_INET and sock.type == socket.SOCK_STREAM:
        if hasattr(socket, 'SO_REUSEPORT'):
            try:
                if sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT):
                    raise unittest.TestCase.failureException(
                        "tests should never set SO_REUSEPORT on sockets")
            except OSError:
                pass
    sock.bind((host, 0))
    return sock.getsockname()[1]


def bind_unix_socket(sock, addr):
    """Binds a unix socket, skipping the test where that is not allowed."""
    try:
        sock.bind(addr)
    except PermissionError:
        sock.close()
        raise unittest.SkipTest('cannot bind AF_UNIX sockets')


_bind_nix_socket_error = None


def skip_unless_bind_unix_socket(test):
    """Skips `test` when AF_UNIX sockets cannot be bound here."""
    global _bind_nix_socket_error
    if not hasattr(socket, 'AF_UNIX'):
        return unittest.skip('No UNIX Sockets')(test)
    if _bind_nix_socket_error is None:
        import tempfile
        path = os.path.join(tempfile.mkdtemp(), 'sock')
        s = socket.socket(socket.AF_UNIX)
        try:
            s.bind(path)
            _bind_nix_socket_error = False
        except OSError as e:
            _bind_nix_socket_error = e
        finally:
            s.close()
            try:
                os.unlink(path)
                os.rmdir(os.path.dirname(path))
            except OSError:
                pass
    if _bind_nix_socket_error:
        msg = 'Requires a functional unix bind(): %s' % _bind_nix_socket_error
        return unittest.skip(msg)(test)
    return test


def get_socket_conn_refused_errs():
    """The errnos a refused connection may give."""
    errors = [errno.ECONNREFUSED]
    if hasattr(errno, 'ENETUNREACH'):
        errors.append(errno.ENETUNREACH)
    if hasattr(errno, 'EADDRNOTAVAIL'):
        errors.append(errno.EADDRNOTAVAIL)
    if hasattr(errno, 'EHOSTUNREACH'):
        errors.append(errno.EHOSTUNREACH)
    if not IPV6_ENABLED:
        errors.append(errno.EAFNOSUPPORT)
    return errors


def tcp_blackhole():
    """Whether the kernel silently drops connections to closed ports
    (FreeBSD's blackhole setting); never on Linux."""
    return False


def skip_if_tcp_blackhole(test):
    return test


@contextlib.contextmanager
def transient_internet(resource_name, *, timeout=30.0, errnos=()):
    """rpy's tests reach no network: tests that need it are skipped."""
    raise unittest.SkipTest("network access is not available to rpy's tests")
    yield
