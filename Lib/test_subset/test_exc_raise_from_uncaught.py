class ConfigError(Exception):
    pass

def read_port(settings):
    try:
        return int(settings["port"])
    except KeyError as exc:
        raise ConfigError("port is not configured") from exc

print(read_port({"port": "8080"}))
print(read_port({"host": "localhost"}))
