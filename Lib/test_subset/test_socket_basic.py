# _socket and socket.py: constants, conversions, socket objects over
# loopback (no ports or addresses printed).
import socket
import errno

print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, repr(socket.AF_INET))
print(socket.SOCK_STREAM, socket.SOCK_DGRAM, repr(socket.SOCK_DGRAM))
print(socket.has_ipv6, socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
for bad in (-1, 65536):
    try:
        socket.htons(bad)
    except OverflowError as e:
        print("OverflowError", e)
print(socket.inet_aton("127.0.0.1"), socket.inet_aton("10.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, b"\x20\x01" + b"\x00" * 13 + b"\x05"))
print(socket.inet_ntop(socket.AF_INET, b"\x01\x02\x03\x04"))
for f, a in ((socket.inet_aton, "300.1.1.1"), (socket.inet_ntoa, b"\x01")):
    try:
        f(a)
    except OSError as e:
        print(type(e).__name__, e)
try:
    socket.inet_pton(socket.AF_INET, "1.2.3")
except OSError as e:
    print(type(e).__name__, e)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), s.getblocking())
s.close()
socket.setdefaulttimeout(None)

# A TCP server and client over loopback, blocking.
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0)
print(srv.family, srv.type, srv.proto)
print(srv.gettimeout(), srv.getblocking(), srv.fileno() >= 0)
cli = socket.create_connection((host, port))
conn, peer = srv.accept()
print(peer[0], conn.getpeername() == cli.getsockname())
cli.sendall(b"hello " * 1000)
got = b""
while len(got) < 6000:
    got += conn.recv(4096)
print(len(got), got[:12])
conn.send(b"pong")
buf = bytearray(10)
n = cli.recv_into(buf)
print(n, buf)
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print(cli.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE), cli.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))

# Timeouts.
cli.settimeout(0.05)
try:
    cli.recv(10)
except TimeoutError as e:
    print("TimeoutError", e, isinstance(e, socket.timeout))
cli.setblocking(False)
print(cli.gettimeout(), cli.getblocking())
try:
    cli.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN)
for bad in (-1, "x", float("nan")):
    try:
        cli.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    cli.recv(-1)
except ValueError as e:
    print("ValueError", e)

# makefile over the socket (CPython's io on readinto/write).
cli.setblocking(True)
wf = conn.makefile("wb")
rf = cli.makefile("rb")
wf.write(b"line one\nline two\n")
wf.flush()
print(rf.readline(), rf.readline())
wf.close()
rf.close()

# shutdown: the peer reads EOF.
conn.shutdown(socket.SHUT_WR)
print(cli.recv(10))
conn.close()
cli.close()
print(cli.fileno(), repr(cli)[:24])
try:
    cli.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno == errno.EBADF)

# A refused connection.
closed_port = srv.getsockname()[1]
srv.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", closed_port)) == errno.ECONNREFUSED)
c.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e)
c.close()

# Datagrams.
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.sendto(b"datagram", a.getsockname())
data, addr = a.recvfrom(100)
print(data, addr == b.getsockname())
b.sendto(b"second", 0, a.getsockname())
buf = bytearray(4)
print(a.recvfrom_into(buf)[0], buf)
a.close()
b.close()

# socketpair, AF_UNIX, detach, fromfd, dup, context manager.
x, y = socket.socketpair()
print(x.family, x.type)
x.sendall(b"pair")
print(y.recv(4))
fd = y.detach()
print(y.fileno())
z = socket.socket(fileno=fd)
print(z.family, z.type)
x.sendall(b"again")
print(z.recv(5))
d = z.dup()
x.sendall(b"dup")
print(d.recv(3))
with x, z, d:
    pass
print(x._closed, z._closed)

# Errors of addresses.
s = socket.socket()
for addr in ("x", ("127.0.0.1",), ("127.0.0.1", 70000)):
    try:
        s.bind(addr)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
s.close()
try:
    socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET6)
except socket.gaierror as e:
    print("gaierror", e.errno)
