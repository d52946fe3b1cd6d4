class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        return self.items.pop()

stack = Stack()
stack.push(1)
print(stack.pop())
result = stack.pop() + stack.pop()
