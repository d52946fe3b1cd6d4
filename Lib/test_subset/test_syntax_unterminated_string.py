greeting = "hello"
name = "world"
message = greeting + ", " + name
print(message)
farewell = "goodbye
print(farewell)
