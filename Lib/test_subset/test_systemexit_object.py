import sys

class Status:
    def __str__(self):
        return "status object as message"

print("exiting with an object")
sys.exit(Status())
