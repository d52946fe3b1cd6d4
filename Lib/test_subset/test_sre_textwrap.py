# textwrap (CPython's, unchanged) imports now that re has look-behind.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. " * 4 +
        "Supercalifragilisticexpialidocious-words-with-hyphens break well.")
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.fill('a-b-c-d-e-f-g ' * 3, 6))
print(textwrap.wrap('short', 10), textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.wrap('tabs\there\tand there', 12, expand_tabs=True, tabsize=4))
print(textwrap.wrap('Hello there. How are you?', 14, fix_sentence_endings=True))
print(textwrap.wrap('averyveryverylongword and more', 8, break_long_words=False))
print(textwrap.wrap('averyveryverylongword', 8))
print(textwrap.wrap('one two three four five six', 10, max_lines=2, placeholder=' ...'))
print(repr(textwrap.dedent('''
    def f():
        return 1
      # comment
''')))
print(repr(textwrap.dedent('  a\n\t b\n')), repr(textwrap.dedent('    x\n\n    y')))
print(repr(textwrap.indent('a\nb\n\nc', '> ')))
print(repr(textwrap.indent('a\n  \nb', '+', lambda line: True)))
print(textwrap.shorten('Hello  world!  How are you?', 12))
print(textwrap.shorten('Hello world', 11), textwrap.shorten('Hello world!', 10, placeholder='..'))
try:
    textwrap.shorten('Hello world', 3)
except ValueError as e:
    print('ValueError', e)
w = textwrap.TextWrapper(width=20, break_on_hyphens=False, drop_whitespace=False)
print(w.wrap('well-known hyphenated-words here   and   there'))
