class Weird(Exception):
    def __str__(self):
        return "weird exception with custom text"

def run():
    raise Weird("ignored argument")

print("raising a custom exception")
run()
