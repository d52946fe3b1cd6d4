config = {"host": "localhost", "port": 8080}

def connection_string(cfg):
    return f"{cfg['user']}@{cfg['host']}:{cfg['port']}"

print(config["host"])
print(connection_string(config))
