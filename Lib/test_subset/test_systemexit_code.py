import sys

def main(argv):
    print("arguments:", argv[1:])
    if len(argv) < 2:
        print("usage: prog FILE", file=sys.stderr)
        return 3
    return 0

try:
    sys.exit(0 if False else 7)
except SystemExit as e:
    print("caught SystemExit with code", e.code, e.args)

print("still running")
sys.exit(main(sys.argv))
print("never printed")
