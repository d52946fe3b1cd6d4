# asyncio streams over loopback: start_server, open_connection, readline,
# readexactly, EOF, several clients, the low-level socket helpers.
import asyncio
import socket


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    while line := await reader.readline():
        writer.write(b"echo: " + line.upper())
        await writer.drain()
    writer.write(b"bye\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    return peer


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out = []
    for i in range(3):
        writer.write(f"client {n} line {i}\n".encode())
        await writer.drain()
        out.append(await reader.readline())
    writer.write_eof()
    out.append(await reader.read())
    writer.close()
    await writer.wait_closed()
    return out


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(type(server).__name__, server.is_serving(), len(server.sockets))
    results = await asyncio.gather(*(client(port, n) for n in range(3)))
    for r in results:
        print(r)

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"abcdef\n")
    print(await reader.readexactly(4), await reader.readuntil(b"\n"))
    writer.close()
    await writer.wait_closed()
    try:
        await reader.readexactly(100)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", len(e.partial), e.expected)

    server.close()
    await server.wait_closed()
    print("serving", server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("ConnectionRefusedError")

    # The loop's socket helpers on non-blocking sockets.
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"via sock_sendall")
    print(await loop.sock_recv(b, 100))
    fut = loop.create_task(loop.sock_recv(b, 10))
    await asyncio.sleep(0.01)
    print(fut.done())
    a.send(b"late")
    print(await fut)
    a.close()
    b.close()

    async with asyncio.timeout(5):
        srv = await asyncio.start_server(handle, "127.0.0.1", 0)
        async with srv:
            p = srv.sockets[0].getsockname()[1]
            print(await client(p, 9))


asyncio.run(main())
print("finished")
