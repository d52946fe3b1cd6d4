def greet(name):
    message = "Hello, " + nme
    return message

print("about to greet")
greet("world")
