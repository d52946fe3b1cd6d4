# Alignment, fill and the '=' option; grouping on different types.
for spec in ["<8", ">8", "^8", "=8", "*<8", "*>8", "*^8", "0=8", "08", "+08", "_^9"]:
    print(f"{spec:>5}: [{format(-42, spec)}] [{format(3.5, spec)}]")
for spec in [",", "_", ",.2f", "_.3f", "15,.1f", ",d", "_b", "_o", "_X", "#_x", ",e", ",%"]:
    try:
        print(f"{spec:>6}: [{format(1234567.891 if 'f' in spec or 'e' in spec or '%' in spec else 1234567, spec)}]")
    except ValueError as e:
        print(f"{spec:>6}: ValueError: {e}")
for value in [0, 7, -7, 255, 2 ** 40]:
    print(f"{value:#b} {value:#o} {value:#x} {value:#X} {value:08b} {value:+,}")
for value in [0.0, -0.0, 1.0, 0.1, 123.456, 1e-10, 1.5e30, float("inf"), float("-inf"), float("nan")]:
    print(f"{value!r:>8} f={value:f} .2e={value:.2e} g={value:g} .3g={value:.3g} %={value:.1%} n={value:n} sp={value: .2f}")
for value in [0.00001, 0.0001, 123456.0, 1234567.0, 1e16, 12345678901234567890.0]:
    print(f"{value!r:>24} {value:g} {value:G} {value:.10g} {value:#.3g} {value}")
print(format(5, ""), format(5.0, ""), format("s", ""), format(None, ""), format(True, ""), format([1], ""))
print(format(1e100, ".0f")[:10], format(2 ** 0.5, ".17f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format(12345, "x>12,"), format(-0.0, "+.1f"), format(0.0, "-.1f"), format(1e-5, ".2%"))
for bad in ["d", "x", "c"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [",s", ".2d", "=s"]:
    try:
        print(format("text" if "s" in bad else 5, bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    format(1, "z")
except ValueError as e:
    print("ValueError:", e)
print(format(65, "c"), format(0x1F600, "c") == "\U0001F600", format(3, "^5c") if False else format(97, "*^5c"))
