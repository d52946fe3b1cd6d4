def validate(value):
    if value < 0:
        raise ValueError(f"negative value: {value}")
    return value

class Settings:
    retries = validate(3)
    timeout = validate(-1)

print("never printed")
