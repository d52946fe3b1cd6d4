import traceback, sys
def f():
    return 1/0
try:
    f()
except Exception as e:
    print(traceback.format_exception(e))
    print(traceback.format_exc(), end='')
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exception(e, limit=1))
    print(traceback.format_exception(e, limit=-1))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(type(e), e, e.__traceback__.tb_next))
    tb = e.__traceback__
    print('__name__' in tb.tb_frame.f_globals, tb.tb_frame.f_globals['__name__'])
try:
    try:
        f()
    except Exception as e:
        raise KeyError(3)
except Exception as e:
    print(traceback.format_exception(e))
    print(traceback.format_exception(e, chain=False))
print(traceback.format_exception(None))
