# A backslash in an f-string expression is a SyntaxError in 3.11.
print('never printed')
x = f'''{"""a\nb"""}'''
