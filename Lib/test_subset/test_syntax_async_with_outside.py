def handler(conn):
    async with conn:
        pass
