# getopt: short and long options, values, prefixes, GNU mode and errors.
import getopt

print(getopt.getopt(["-a", "-b", "val", "-cVALUE", "rest", "-d"], "ab:c:d"))
print(getopt.getopt(["-ab", "x", "--", "-c"], "ab:c"))
print(getopt.getopt(["--alpha", "--beta=1", "--gam", "2", "arg"], "", ["alpha", "beta=", "gamma="]))
print(getopt.getopt(["--al"], "", "alpha"))
print(getopt.gnu_getopt(["arg1", "-a", "arg2", "--beta", "v", "--", "-x"], "a", ["beta="]))
print(getopt.gnu_getopt(["arg1", "-a"], "+a"))
print(getopt.getopt([], "a"), getopt.getopt(["-"], "a"))
for args, short, long in [
    (["-x"], "a", []),
    (["-b"], "b:", []),
    (["--nope"], "", ["alpha"]),
    (["--alpha=1"], "", ["alpha"]),
    (["--beta"], "", ["beta="]),
    (["--a"], "", ["alpha", "apple"]),
]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print(type(e).__name__, str(e), repr(e.opt), e.msg == str(e), e.args)
print(getopt.error is getopt.GetoptError)
