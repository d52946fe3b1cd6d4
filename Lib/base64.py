"""RFC 4648 data encodings (Base16, Base32, Base64) and Base85/Ascii85.

rpy's version of the standard module: every codec runs natively in the
_base64 and binascii modules; this file gives them CPython 3.11's Python
signatures and adds the file-object helpers and the command line.
"""

import binascii
import _base64

# The public names, in the order CPython 3.11 lists them.
__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]


# The types the codecs take as they are (others go through memoryview).
bytes_types = (bytes, bytearray)

# Line length of encodebytes() output, and the input bytes per line.
MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


# Base64

def b64encode(s, altchars=None):
    """Base64 of the bytes-like object s, as bytes; altchars, if given, is
    two bytes written instead of "+" and "/"."""
    return _base64.b64encode(s, altchars)


def b64decode(s, altchars=None, validate=False):
    """Decodes Base64 from a bytes-like object or ASCII str s.

    altchars (two bytes or ASCII characters) are read as "+" and "/".
    Characters outside the alphabet are skipped unless validate is true,
    in which case they raise binascii.Error, as bad padding does."""
    return _base64.b64decode(s, altchars, validate)


def standard_b64encode(s):
    """Base64 of the bytes-like object s with the standard alphabet."""
    return _base64.standard_b64encode(s)


def standard_b64decode(s):
    """Decodes standard Base64 (bytes-like or ASCII str), skipping
    characters outside the alphabet; binascii.Error on bad padding."""
    return _base64.standard_b64decode(s)


def urlsafe_b64encode(s):
    """Base64 of s with "-" and "_" in place of "+" and "/" (safe in
    URLs and file names)."""
    return _base64.urlsafe_b64encode(s)


def urlsafe_b64decode(s):
    """Decodes URL-safe Base64 ("-" and "_", though "+" and "/" are
    read too), skipping other characters; binascii.Error on bad padding."""
    return _base64.urlsafe_b64decode(s)


# Base32

def b32encode(s):
    """Base32 (RFC 4648) of the bytes-like object s, as bytes."""
    return _base64.b32encode(s)


def b32decode(s, casefold=False, map01=None):
    """Decodes Base32 from a bytes-like object or ASCII str s.

    casefold accepts lowercase letters. map01, if given, is the letter the
    digit 1 stands for (the digit 0 then stands for O). Bad padding or a
    character outside the alphabet raises binascii.Error."""
    return _base64.b32decode(s, casefold, map01)


def b32hexencode(s):
    """Base32 with the extended hex alphabet (RFC 4648) of s, as bytes."""
    return _base64.b32hexencode(s)


def b32hexdecode(s, casefold=False):
    """Decodes extended-hex Base32 from a bytes-like object or ASCII
    str s; casefold accepts lowercase letters. Errors raise binascii.Error."""
    return _base64.b32hexdecode(s, casefold)


# Base16 (RFC 3548): uppercase hexadecimal.

def b16encode(s):
    """Base16 (uppercase hexadecimal) of the bytes-like object s."""
    return _base64.b16encode(s)


def b16decode(s, casefold=False):
    """Decodes Base16 from a bytes-like object or ASCII str s; casefold
    accepts lowercase digits. Errors raise binascii.Error."""
    return _base64.b16decode(s, casefold)


# Ascii85 and base85 (git's alphabet)

def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85 of the bytes-like object b, as bytes.

    foldspaces writes four spaces as "y" (a btoa extension); wrapcol, if
    non-zero, breaks the output into lines at most that long; pad pads the
    input with NULs to a multiple of 4 bytes; adobe frames the output in
    "<~" and "~>"."""
    return _base64.a85encode(b, foldspaces=foldspaces, wrapcol=wrapcol,
                             pad=pad, adobe=adobe)


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decodes Ascii85 from a bytes-like object or ASCII str b.

    foldspaces reads "y" as four spaces; adobe expects the "<~" ... "~>"
    framing; bytes in ignorechars (ASCII whitespace by default) are
    skipped. Bad input raises ValueError."""
    return _base64.a85decode(b, foldspaces=foldspaces, adobe=adobe,
                             ignorechars=ignorechars)


def b85encode(b, pad=False):
    """base85 (the alphabet of git) of the bytes-like object b; pad pads
    the input with NULs to a multiple of 4 bytes."""
    return _base64.b85encode(b, pad)


def b85decode(b):
    """Decodes base85 (the alphabet of git) from a bytes-like object or
    ASCII str b. Bad input raises ValueError."""
    return _base64.b85decode(b)


# Legacy interface: RFC 2045 Base64 in lines of MAXLINESIZE characters.

def encode(input, output):
    """Writes the Base64 of binary file input to binary file output, in
    lines of MAXLINESIZE characters."""
    while True:
        chunk = input.read(MAXBINSIZE)
        if not chunk:
            return
        # A short read is completed before the line is written, so that
        # lines stay MAXLINESIZE long whatever the file returns.
        while len(chunk) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(chunk))
            if not more:
                break
            chunk += more
        output.write(binascii.b2a_base64(chunk))


def decode(input, output):
    """Writes the decoding of the Base64 lines of binary file input to
    binary file output."""
    while True:
        line = input.readline()
        if not line:
            return
        output.write(binascii.a2b_base64(line))


def _legacy_input_check(s):
    # The legacy functions take only flat buffers of single bytes.
    try:
        view = memoryview(s)
    except TypeError as err:
        raise TypeError("expected bytes-like object, not %s"
                        % s.__class__.__name__) from err
    if view.format not in ('c', 'b', 'B'):
        raise TypeError("expected single byte elements, not %r from %s"
                        % (view.format, s.__class__.__name__))
    if view.ndim != 1:
        raise TypeError("expected 1-D, not %d-D from %s"
                        % (view.ndim, s.__class__.__name__))


def encodebytes(s):
    """Base64 of s in lines of MAXLINESIZE characters, each ending in a
    newline."""
    _legacy_input_check(s)
    return _base64.encodebytes(s)


def decodebytes(s):
    """Decodes Base64 lines (bytes-like s), skipping characters outside
    the alphabet."""
    _legacy_input_check(s)
    return _base64.decodebytes(s)


# Command line: python -m base64 [-h|-d|-e|-u|-t] [file|-]

_USAGE = """usage: %s [-h|-d|-e|-u|-t] [file|-]
        -h: print this help message and exit
        -d, -u: decode
        -e: encode (default)
        -t: encode and decode string 'Aladdin:open sesame'"""

_FLAGS = 'hdeut'


class _UsageError(Exception):
    pass


def _parse_flags(argv):
    """Splits argv into single-letter flags and operands, as getopt does
    with the short options 'hdeut' (no long options)."""
    flags = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == '--':
            i += 1
            break
        if arg.startswith('--'):
            raise _UsageError('option %s not recognized' % arg.split('=')[0])
        if not arg.startswith('-') or arg == '-':
            break
        for letter in arg[1:]:
            if letter not in _FLAGS:
                raise _UsageError('option -%s not recognized' % letter)
            flags.append('-' + letter)
        i += 1
    return flags, argv[i:]


def main():
    """The command line: encode or decode a file or standard input."""
    import sys
    usage = _USAGE % sys.argv[0]
    try:
        flags, operands = _parse_flags(sys.argv[1:])
    except _UsageError as msg:
        sys.stdout = sys.stderr
        print(msg)
        print(usage)
        sys.exit(2)
    func = encode
    for flag in flags:
        if flag == '-e':
            func = encode
        if flag in ('-d', '-u'):
            func = decode
        if flag == '-t':
            test()
            return
        if flag == '-h':
            print(usage)
            return
    if operands and operands[0] != '-':
        with open(operands[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        func(sys.stdin.buffer, sys.stdout.buffer)


def test():
    """Round-trips a sample through encodebytes() and decodebytes()."""
    sample = b"Aladdin:open sesame"
    encoded = encodebytes(sample)
    decoded = decodebytes(encoded)
    for value in (sample, encoded, decoded):
        print(repr(value))
    assert decoded == sample


if __name__ == '__main__':
    main()
