class Transaction:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("begin", self.name)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            print("commit", self.name)
        else:
            print("rollback", self.name, "because", exc_value)
        return False

with Transaction("first"):
    print("working on first")

with Transaction("second") as tx:
    amounts = [10, 20]
    print("third amount:", amounts[2])
