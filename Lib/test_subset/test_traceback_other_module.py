from pkg_errors.validators import positive, ValidationError

records = [{"qty": 3}, {"qty": 0}, {}]
for record in records:
    try:
        print("ok", positive(record, "qty"))
    except ValidationError as e:
        print("invalid:", e, "| field:", e.field, "| type:", type(e).__module__, type(e).__qualname__)

print(positive({"qty": -2}, "qty"))
