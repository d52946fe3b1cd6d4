# CPython's pure-Python modules, compiled into rpy: they import and run
# unchanged, with the attributes of modules read from files.
import keyword, colorsys, html, heapq, bisect, operator
import os
import sys

print(keyword.iskeyword('def'), keyword.iskeyword('print'), len(keyword.kwlist) > 30)
print(keyword.issoftkeyword('match'), keyword.softkwlist)
print(colorsys.rgb_to_hls(0.2, 0.4, 0.4), colorsys.hsv_to_rgb(0.5, 0.5, 0.5))
print(html.escape('<a href="x">&</a>'), html.escape("'", quote=False))
print(html.unescape('&lt;&#65;&#x42;&gt; &amp;amp; &copy;'))
h = [5, 1, 4, 2]
heapq.heapify(h)
print(heapq.heappop(h), heapq.nsmallest(2, [9, 3, 7, 1]), heapq.nlargest(1, [9, 3]))
print(list(heapq.merge([1, 4], [2, 3])))
print(bisect.bisect([1, 2, 4], 3), bisect.bisect_left([1, 2, 2], 2))
xs = [1, 5]
bisect.insort(xs, 3)
print(xs, operator.itemgetter(1)([7, 8]), operator.attrgetter('real')(3))

# Module attributes: a file name, a package with a path, a spec.
print(os.path.basename(keyword.__file__), os.path.basename(os.path.dirname(html.__file__)))
print(keyword.__spec__.name, keyword.__spec__.origin == keyword.__file__)
print(html.__package__, len(html.__path__), html.__path__[0].endswith('html'))
print(keyword.__name__ in sys.modules, 'colorsys' in sys.modules)

try:
    html.escape(5)
except AttributeError as e:
    print(type(e).__name__, e)
print(keyword.kwlist[:3])
