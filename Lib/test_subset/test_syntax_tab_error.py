def mixed(flag):
    if flag:
        print("spaces")
	print("tab")
    return flag

mixed(True)
