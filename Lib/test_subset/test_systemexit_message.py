# sys.exit with a string prints it to stderr and exits with status 1.
import sys

def validate(config):
    missing = [k for k in ("name", "version") if k not in config]
    if missing:
        sys.exit(f"error: missing keys: {', '.join(missing)}")
    return True

print(validate({"name": "x", "version": 1}))
try:
    validate({})
finally:
    print("finally runs while exiting")
