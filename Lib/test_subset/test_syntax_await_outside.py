import time

def fetch():
    return "data"

def main():
    result = await fetch()
    return result

print(main())
