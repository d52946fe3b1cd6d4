# csv.Sniffer: guessing the dialect and whether there is a header (its
# regular expressions use a backreference).
import csv
sample = 'id;name;score\n1;"Smith, J";9.5\n2;"Doe";7\n3;"Roe";8\n'
s = csv.Sniffer()
dia = s.sniff(sample)
print(repr(dia.delimiter), repr(dia.quotechar), dia.skipinitialspace, dia.doublequote)
print(s.has_header(sample))
print(repr(s.sniff('a,b,c\n1,2,3\n4,5,6\n').delimiter))
try:
    s.sniff('')
except csv.Error as e:
    print(type(e).__name__, e)
