# Name resolution over /etc/hosts' localhost and numeric addresses
# (no network reached).
import socket

for info in socket.getaddrinfo("127.0.0.1", 80):
    print(info)
print(socket.getaddrinfo("127.0.0.1", None, proto=6))
print(socket.getaddrinfo(None, 80, flags=socket.AI_PASSIVE, type=socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 80, socket.AF_INET))
print(socket.getaddrinfo("::1", "8080", socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getaddrinfo("localhost", 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME))
print(socket.gethostbyname("localhost"), socket.gethostbyname("127.0.0.1"))
print(type(socket.gethostname()).__name__)
print(socket.getservbyname("http", "tcp"), socket.getservbyport(443, "tcp"))
print(socket.getprotobyname("tcp"), socket.getprotobyname("udp"))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
try:
    socket.getaddrinfo("127.0.0.1", 80, 12345)
except socket.gaierror as e:
    print("gaierror", e)
try:
    socket.getaddrinfo("x.invalid", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", e)
