# The report's limits: 15 members per group ("and N more exceptions") and
# 10 levels of nesting ("... (max_group_depth is 10)").
def deep(n):
    e = TypeError("leaf")
    for i in range(n):
        e = ExceptionGroup(f"level {i}", [e, KeyError(i)])
    return e

wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
raise ExceptionGroup("limits", [wide, deep(12)])
