# except*'s SyntaxErrors (parser and compiler), with their positions.
cases = [
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept:\n    pass\n",
    "try:\n    pass\nexcept* A:\n    pass\nexcept* B:\n    pass\nexcept C:\n    pass\n",
    "try:\n    pass\nexcept*:\n    pass\n",
    "try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError, TypeError as e:\n    pass\n",
    "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\npass\n",
    "try:\n    pass\nx = 1\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return f(x)\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return\n",
    "try:\n    pass\nexcept* ValueError:\n    break\n",
    "try:\n    pass\nexcept* ValueError:\n    return\n",
    "def f():\n    for x in y:\n        try:\n            pass\n        except* ValueError:\n            try:\n                pass\n            finally:\n                return\n",
    # Allowed: the loop or function is inside the clause.
    "try:\n    pass\nexcept* ValueError:\n    for x in y:\n        break\n",
    "try:\n    pass\nexcept* ValueError:\n    def f():\n        return 1\n",
    "for x in y:\n    try:\n        break\n    except* ValueError:\n        pass\n",
    "try:\n    pass\nexcept *ValueError as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok")
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} ({e.lineno}, {e.offset}, {e.end_lineno}, {e.end_offset})")
