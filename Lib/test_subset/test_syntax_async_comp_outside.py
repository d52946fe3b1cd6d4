def squares(source):
    return [x * x async for x in source]
