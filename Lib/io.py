"""Streams: `open()`, buffered binary files, text files, BytesIO and
StringIO, with CPython 3.11's API and errors.

rpy's own module: the raw file is the native `_io.FileIO`; buffering and
text decoding are written here in Python.
"""

import _io
from _io import UnsupportedOperation

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

DEFAULT_BUFFER_SIZE = 8192

# The locale's encoding, as CPython reports it for open() without one.
_DEFAULT_ENCODING = 'UTF-8'


def text_encoding(encoding, stacklevel=2):
    return "locale" if encoding is None else encoding


class IOBase:
    """The base of all streams: context manager, line iteration,
    readlines/writelines, and the closed state."""

    __closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation("%s.%s() not supported" %
                                   (type(self).__name__, name))

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file."
                             if msg is None else msg)

    def _checkReadable(self):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable.")

    def _checkWritable(self):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable.")

    def _checkSeekable(self):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable.")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        """The remaining lines, as a list (stopping once `hint` characters
        or bytes were read, if given)."""
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Unbuffered binary streams: read/readall/readline on read(n)."""

    def readline(self, size=-1):
        if size is None:
            size = -1
        line = bytearray()
        while size < 0 or len(line) < size:
            b = self.read(1)
            if not b:
                break
            line += b
            if b == b"\n":
                break
        return bytes(line)


class FileIO(_io.FileIO, RawIOBase):
    """A raw (unbuffered) binary file, read and written by system calls."""

    def __repr__(self):
        if self.closed:
            return "<_io.FileIO [closed]>"
        return "<_io.FileIO name=%r mode=%r closefd=True>" % (self.name,
                                                              self.mode)


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


RawIOBase.register = BufferedIOBase.register = TextIOBase.register = \
    classmethod(lambda cls, sub: sub)


class _Wrapper:
    """A stream over another (`_inner`): its name, state and abilities are
    the inner stream's."""

    @property
    def name(self):
        return self._inner.name

    @property
    def closed(self):
        return self._inner.closed

    def readable(self):
        return self._inner.readable()

    def writable(self):
        return self._inner.writable()

    def seekable(self):
        return self._inner.seekable()

    def fileno(self):
        return self._inner.fileno()

    def isatty(self):
        return self._inner.isatty()


class _BufferedBase(_Wrapper, BufferedIOBase):
    """A raw file with a read-ahead buffer and a write buffer."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self.buffer_size = buffer_size
        self._read_buf = b""
        self._write_buf = bytearray()

    @property
    def _inner(self):
        return self.raw

    @property
    def mode(self):
        return self.raw.mode

    def __repr__(self):
        try:
            name = self.name
        except Exception:
            return "<_io.%s>" % type(self).__name__
        return "<_io.%s name=%r>" % (type(self).__name__, name)

    def _flush_writes(self):
        if self._write_buf:
            data = bytes(self._write_buf)
            self._write_buf.clear()
            self.raw.write(data)

    def _drop_read_ahead(self):
        # The raw position is past what was handed out: step back.
        if self._read_buf:
            self.raw.seek(-len(self._read_buf), 1)
            self._read_buf = b""

    def flush(self):
        if self.closed:
            raise ValueError("flush of closed file")
        self._flush_writes()

    def close(self):
        if self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def read(self, size=-1):
        self._checkClosed("read of closed file")
        self._checkReadable()
        self._flush_writes()
        if size is None or size < 0:
            data = self._read_buf + self.raw.read()
            self._read_buf = b""
            return data
        while len(self._read_buf) < size:
            chunk = self.raw.read(max(self.buffer_size, size - len(self._read_buf)))
            if not chunk:
                break
            self._read_buf += chunk
        data, self._read_buf = self._read_buf[:size], self._read_buf[size:]
        return data

    def read1(self, size=-1):
        self._checkClosed("read of closed file")
        self._checkReadable()
        self._flush_writes()
        if not self._read_buf:
            self._read_buf = self.raw.read(self.buffer_size)
        if size is None or size < 0:
            size = len(self._read_buf)
        data, self._read_buf = self._read_buf[:size], self._read_buf[size:]
        return data

    def peek(self, size=0):
        self._checkClosed("peek of closed file")
        if not self._read_buf:
            self._read_buf = self.raw.read(self.buffer_size)
        return self._read_buf

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readline(self, size=-1):
        self._checkClosed("readline of closed file")
        self._checkReadable()
        self._flush_writes()
        if size is None:
            size = -1
        while True:
            end = self._read_buf.find(b"\n")
            if end >= 0:
                end += 1
                break
            if 0 <= size <= len(self._read_buf):
                end = size
                break
            chunk = self.raw.read(self.buffer_size)
            if not chunk:
                end = len(self._read_buf)
                break
            self._read_buf += chunk
        if 0 <= size < end:
            end = size
        line, self._read_buf = self._read_buf[:end], self._read_buf[end:]
        return line

    def write(self, b):
        if self.closed:
            raise ValueError("write to closed file")
        self._checkWritable()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        self._drop_read_ahead()
        self._write_buf += data
        if len(self._write_buf) >= self.buffer_size:
            self._flush_writes()
        return len(data)

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError("whence value %r unsupported" % (whence,))
        self._checkClosed("seek of closed file")
        self._flush_writes()
        if whence == 1:
            pos -= len(self._read_buf)
        self._read_buf = b""
        return self.raw.seek(pos, whence)

    def tell(self):
        self._checkClosed("tell of closed file")
        return self.raw.tell() - len(self._read_buf) + len(self._write_buf)

    def truncate(self, pos=None):
        self._checkClosed("truncate of closed file")
        self._checkWritable()
        self.flush()
        if pos is None:
            pos = self.tell()
        self._drop_read_ahead()
        return self.raw.truncate(pos)


class BufferedReader(_BufferedBase):
    """A buffered binary file open for reading."""


class BufferedWriter(_BufferedBase):
    """A buffered binary file open for writing."""


class BufferedRandom(_BufferedBase):
    """A buffered binary file open for reading and writing."""


class BufferedRWPair(BufferedIOBase):
    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        raise NotImplementedError("io.BufferedRWPair is not supported by rpy")


class TextIOWrapper(_Wrapper, TextIOBase):
    """A text stream over a binary buffer: decodes on read, encodes on
    write, and translates newlines (universal newlines when newline is
    None)."""

    _CHUNK = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("illegal newline type: %r" % (type(newline),))
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if encoding is None or encoding == "locale":
            encoding = _DEFAULT_ENCODING
        elif not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be "
                            "str or None, not %s" % type(encoding).__name__)
        if errors is None:
            errors = "strict"
        elif not isinstance(errors, str):
            raise TypeError("TextIOWrapper() argument 'errors' must be "
                            "str or None, not %s" % type(errors).__name__)
        "".encode(encoding)  # LookupError for an unknown encoding, now.
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._pending = ""        # decoded text not yet handed out
        self._undecoded = b""     # bytes of an incomplete character
        self._eof = False
        self.mode = getattr(buffer, "mode", None)

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def _inner(self):
        return self._buffer

    def __repr__(self):
        parts = ["<_io.TextIOWrapper"]
        try:
            parts.append(" name=%r" % (self.name,))
        except Exception:
            pass
        if self.mode is not None:
            parts.append(" mode=%r" % (self.mode,))
        parts.append(" encoding=%r>" % (self._encoding,))
        return "".join(parts)

    def flush(self):
        self._buffer.flush()

    def close(self):
        if self._buffer.closed:
            return
        try:
            self.flush()
        finally:
            self._buffer.close()

    def detach(self):
        self.flush()
        buffer = self._buffer
        self._buffer = None
        return buffer

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        if encoding is not None:
            self._encoding = encoding
            if errors is None:
                errors = "strict"
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            self._newline = newline
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through

    # -- writing --------------------------------------------------------

    def write(self, s):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" %
                            type(s).__name__)
        if not self._buffer.writable():
            raise UnsupportedOperation("not writable")
        length = len(s)
        text = s
        if self._newline not in (None, "", "\n") and "\n" in text:
            text = text.replace("\n", self._newline)
        if self._pending or self._undecoded:
            # Writing after reading: continue from the reading position.
            self._rewind_read_ahead()
        self._buffer.write(text.encode(self._encoding, self._errors))
        if self._line_buffering and ("\n" in s or "\r" in s):
            self.flush()
        if self._write_through:
            self._buffer.flush()
        return length

    # -- reading --------------------------------------------------------

    def _check_readable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not self._buffer.readable():
            raise UnsupportedOperation("not readable")

    def _decode(self, data, final):
        """Decodes `data` after the held-back bytes; an incomplete character
        at the end is held back unless `final`."""
        data = self._undecoded + data
        self._undecoded = b""
        try:
            return data.decode(self._encoding, self._errors)
        except UnicodeDecodeError as e:
            if final or e.end < len(data) or len(data) - e.start > 4:
                raise
            self._undecoded = data[e.start:]
            return data[:e.start].decode(self._encoding, self._errors)

    def _translate(self, text, final):
        """Universal newlines: \\r\\n and \\r become \\n. A trailing \\r is
        held back until the next chunk shows whether \\n follows."""
        if self._newline is not None:
            return text
        if text.endswith("\r") and not final:
            self._undecoded = text[-1:].encode(self._encoding) + \
                self._undecoded
            text = text[:-1]
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _fill(self):
        """Reads and decodes one more chunk; False at the end of the file."""
        if self._eof:
            return False
        data = self._buffer.read1(self._CHUNK) if hasattr(
            self._buffer, "read1") else self._buffer.read(self._CHUNK)
        final = not data
        if final:
            self._eof = True
        self._pending += self._translate(self._decode(data, final), final)
        return not final

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            while self._fill():
                pass
            text, self._pending = self._pending, ""
            self._eof = False
            return text
        while len(self._pending) < size and self._fill():
            pass
        text, self._pending = self._pending[:size], self._pending[size:]
        self._eof = False
        return text

    def _line_end(self, text):
        """The index just past the first line ending in text, or -1."""
        if self._newline == "":
            i = 0
            while i < len(text):
                c = text[i]
                if c == "\n":
                    return i + 1
                if c == "\r":
                    if i + 1 < len(text):
                        return i + 2 if text[i + 1] == "\n" else i + 1
                    return -1
                i += 1
            return -1
        ending = "\n" if self._newline is None else self._newline
        i = text.find(ending)
        return -1 if i < 0 else i + len(ending)

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        while True:
            end = self._line_end(self._pending)
            if end >= 0:
                break
            if 0 <= size <= len(self._pending):
                break
            if not self._fill():
                end = len(self._pending)
                break
        if end < 0 or 0 <= size < end:
            end = size
        line, self._pending = self._pending[:end], self._pending[end:]
        self._eof = False
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- positioning ----------------------------------------------------

    def _rewind_read_ahead(self):
        ahead = len(self._pending.encode(self._encoding, self._errors)) + \
            len(self._undecoded)
        self._pending = ""
        self._undecoded = b""
        self._eof = False
        if ahead:
            self._buffer.seek(-ahead, 1)

    def tell(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        self.flush()
        ahead = len(self._pending.encode(self._encoding, self._errors)) + \
            len(self._undecoded)
        return self._buffer.tell() - ahead

    def seek(self, cookie, whence=0):
        if self.closed:
            raise ValueError("tell on closed file")
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._pending, self._undecoded, self._eof = "", b"", False
            return self._buffer.seek(0, 2)
        if whence != 0:
            raise ValueError("invalid whence (%r, should be 0, 1 or 2)" %
                             (whence,))
        if cookie < 0:
            raise ValueError("negative seek position %r" % (cookie,))
        self.flush()
        self._pending, self._undecoded, self._eof = "", b"", False
        self._buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)


class _InMemory:
    """What BytesIO and StringIO share: open until close(), readable,
    writable and seekable while open."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def tell(self):
        self._check()
        return self._pos


class BytesIO(_InMemory, BufferedIOBase):
    """A binary stream in memory."""

    def __init__(self, initial_bytes=None):
        self._data = bytearray(initial_bytes if initial_bytes is not None
                               else b"")
        self._pos = 0

    def getvalue(self):
        self._check()
        return bytes(self._data)

    def getbuffer(self):
        self._check()
        return memoryview(self._data)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            size = len(self._data)
        start = min(self._pos, len(self._data))
        data = bytes(self._data[start:start + size])
        self._pos = start + len(data)
        return data

    read1 = read

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check()
        start = min(self._pos, len(self._data))
        end = self._data.find(b"\n", start)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return bytes(self._data[start:end])

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        n = len(data)
        if self._pos > len(self._data):
            self._data += b"\0" * (self._pos - len(self._data))
        self._data[self._pos:self._pos + n] = data
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._data) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)"
                             % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        del self._data[size:]
        return size


class StringIO(_InMemory, TextIOBase):
    """A text stream in memory."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" %
                            type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" %
                            type(initial_value).__name__)
        self._newline = newline
        # Appended pieces are kept in _chunks and joined on demand, and
        # _size tracks the total length, so a run of writes at the end
        # costs amortized O(1) each instead of re-measuring the buffer.
        self._chunks = []
        self._text = ""
        self._size = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _check(self):
        # CPython's StringIO words this without the final period that
        # BytesIO uses.
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def _value(self):
        if self._chunks:
            self._text += "".join(self._chunks)
            self._chunks = []
        return self._text

    def getvalue(self):
        self._check()
        return self._value()

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" %
                            type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif self._newline not in ("", "\n"):
            s = s.replace("\n", self._newline)
        if self._pos == self._size:
            # Appending: keep the pieces and join them on demand.
            self._chunks.append(s)
        else:
            text = self._value()
            if self._pos > len(text):
                text += "\0" * (self._pos - len(text))
            self._text = text[:self._pos] + s + text[self._pos + len(s):]
        self._pos += len(s)
        if self._pos > self._size:
            self._size = self._pos
        return n

    def read(self, size=-1):
        self._check()
        text = self._value()
        start = min(self._pos, len(text))
        if size is None or size < 0:
            end = len(text)
        else:
            end = min(len(text), start + size)
        self._pos = end
        return text[start:end]

    def readline(self, size=-1):
        self._check()
        text = self._value()
        start = min(self._pos, len(text))
        if self._newline == "":
            end = start
            while end < len(text) and text[end] not in "\r\n":
                end += 1
            if end < len(text):
                end += 2 if text.startswith("\r\n", end) else 1
        else:
            ending = "\n" if self._newline is None else self._newline
            i = text.find(ending, start)
            end = len(text) if i < 0 else i + len(ending)
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return text[start:end]

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._value())
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)"
                             % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._text = self._value()[:size]
        self._size = len(self._text)
        return size

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)


class IncrementalNewlineDecoder:
    def __init__(self, decoder, translate, errors='strict'):
        raise NotImplementedError(
            "io.IncrementalNewlineDecoder is not supported by rpy")


for _cls in (FileIO, BytesIO, StringIO, TextIOWrapper, BufferedReader,
             BufferedWriter, BufferedRandom, BufferedRWPair, IOBase,
             RawIOBase, BufferedIOBase, TextIOBase):
    _cls.__module__ = "_io"
del _cls


def _check_open_args(mode, buffering, encoding, errors, newline):
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" %
                        type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" %
                        type(buffering).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, "
                        "not %s" % type(encoding).__name__)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("open() argument 'errors' must be str or None, "
                        "not %s" % type(errors).__name__)
    modes = set(mode)
    if modes - set("axrwb+tU") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if "U" in modes:
        raise ValueError("invalid mode: %r" % mode)
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append "
                         "mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in "
                      "binary mode, the default buffer size will be used",
                      RuntimeWarning, 3)
    return (creating and "x" or "") + (reading and "r" or "") + \
        (writing and "w" or "") + (appending and "a" or "") + \
        (updating and "+" or ""), binary, reading, writing or appending \
        or creating, updating


def open(file, mode="r", buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    """Opens a file: a text stream (TextIOWrapper) by default, a buffered
    binary stream with "b" in mode, the raw FileIO with buffering=0."""
    rawmode, binary, reading, writing, updating = _check_open_args(
        mode, buffering, encoding, errors, newline)
    if newline is not None and not isinstance(newline, str):
        raise TypeError("open() argument 'newline' must be str or None, "
                        "not %s" % type(newline).__name__)
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError("illegal newline value: %s" % (newline,))
    raw = FileIO(file, rawmode, closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif writing:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        text = TextIOWrapper(buffer, encoding, errors, newline,
                             line_buffering)
        result = text
        text.mode = mode
        return result
    except:
        result.close()
        raise


def open_code(path):
    return open(path, "rb")
