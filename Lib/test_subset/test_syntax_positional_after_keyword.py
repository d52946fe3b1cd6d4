def connect(host, port=80, *, timeout=5):
    return f"{host}:{port} ({timeout}s)"

print(connect("example", 8080))
print(connect(host="example", 8080))
