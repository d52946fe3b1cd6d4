import sys

class Tree:
    def __init__(self, children=()):
        self.children = list(children)

    def depth(self):
        if not self.children:
            return 1
        return 1 + max(child.depth() for child in self.children)

    def broken_size(self):
        return 1 + self.broken_size()

leaf = Tree()
tree = Tree([Tree([leaf]), Tree()])
print("depth:", tree.depth())
sys.setrecursionlimit(100)
print("limit:", sys.getrecursionlimit())
tree.broken_size()
