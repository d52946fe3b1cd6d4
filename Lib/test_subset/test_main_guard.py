import _simple_module

def main():
    print("main() runs because __name__ ==", repr(__name__))
    print("imported module sees its own name:", _simple_module.__name__)
    return 0

print("module level code always runs")
if __name__ == "__main__":
    status = main()
    print("status", status)
else:
    print("imported, not run")
