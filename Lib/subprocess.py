"""Child processes: Popen, run, call, check_call, check_output, with
CPython 3.11's API, on rpy's native `_subprocess` module.

The child's standard streams can be inherited (None), pipes (PIPE),
/dev/null (DEVNULL), or stderr merged into stdout (STDOUT); passing a file
object is not supported yet.
"""

import io
import sys
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = _subprocess.PIPE
STDOUT = _subprocess.STDOUT
DEVNULL = _subprocess.DEVNULL


class SubprocessError(Exception):
    pass


class _OutputAliases:
    """`stdout` is another name for `output`."""

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CalledProcessError(_OutputAliases, SubprocessError):
    """A process run by check_call/check_output/run(check=True) exited
    with a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            return "Command '%s' died with signal %d." % (self.cmd,
                                                          -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)


class TimeoutExpired(_OutputAliases, SubprocessError):
    """The timeout passed before the child process ended."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd,
                                                            self.timeout)


class CompletedProcess(object):
    """What run() returns: args, returncode, stdout and stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


class _ChildStdin:
    """Popen.stdin: writes go straight to the child's pipe."""

    def __init__(self, child, text, encoding, errors):
        self._child = child
        self._text = text
        self._encoding = encoding
        self._errors = errors
        self.closed = False

    def write(self, data):
        if self.closed:
            raise ValueError("write to closed file")
        if self._text:
            data = data.encode(self._encoding, self._errors)
        return self._child.write(data)

    def flush(self):
        pass

    def close(self):
        if not self.closed:
            self.closed = True
            self._child.close_stdin()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _ChildPipe(io.RawIOBase):
    """The raw end of the child's stdout (1) or stderr (2) pipe: Popen wraps
    it in a BufferedReader (and a TextIOWrapper in text mode), as CPython
    wraps its pipe file descriptors."""

    def __init__(self, child, which):
        self._child = child
        self._which = which

    def readable(self):
        return True

    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            return self._child.read(self._which, -1)
        return self._child.read(self._which, size)


def _translate_newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _stream_code(value, name):
    if value is None:
        return 0
    if value in (PIPE, DEVNULL) or (value == STDOUT and name == "stderr"):
        return value
    raise NotImplementedError(
        "subprocess: passing a file object or descriptor as %s is not "
        "supported by rpy; use PIPE, DEVNULL or None" % name)


def _fspath(p):
    if isinstance(p, bytes):
        return p.decode()
    if isinstance(p, str):
        return p
    method = getattr(type(p), '__fspath__', None)
    if method is not None:
        return _fspath(method(p))
    raise TypeError("expected str, bytes or os.PathLike object, not %s" %
                    type(p).__name__)


class Popen:
    """A child process."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None,
                 stdout=None, stderr=None, preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        if preexec_fn is not None:
            raise NotImplementedError("subprocess: preexec_fn is not "
                                      "supported by rpy")
        self.args = args
        self.returncode = None
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        if isinstance(args, (str, bytes)):
            argv = [_fspath(args)]
        else:
            argv = [_fspath(a) for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
        if executable is not None:
            argv[0] = _fspath(executable)
        if cwd is not None:
            cwd = _fspath(cwd)
        if env is not None:
            env = {_fspath(k): _fspath(v) for k, v in env.items()}
        codes = (_stream_code(stdin, "stdin"), _stream_code(stdout, "stdout"),
                 _stream_code(stderr, "stderr"))
        self._child = _subprocess.spawn(argv, cwd, env, *codes)
        self.pid = self._child.pid
        enc = encoding or 'utf-8'
        err = errors or 'strict'
        self.stdin = self.stdout = self.stderr = None
        if stdin == PIPE:
            self.stdin = _ChildStdin(self._child, self.text_mode, enc, err)
        if stdout == PIPE:
            self.stdout = self._output_stream(1, enc, err)
        if stderr == PIPE:
            self.stderr = self._output_stream(2, enc, err)

    def _output_stream(self, which, encoding, errors):
        stream = io.BufferedReader(_ChildPipe(self._child, which))
        if self.text_mode:
            stream = io.TextIOWrapper(stream, encoding, errors)
        return stream

    def __repr__(self):
        return "<%s: returncode: %s args: %r>" % (type(self).__name__,
                                                  self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for stream in (self.stdout, self.stderr):
            if stream:
                stream.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    def _decode(self, data):
        if data is None or not self.text_mode:
            return data
        return _translate_newlines(data.decode(self.encoding or 'utf-8',
                                               self.errors or 'strict'))

    def communicate(self, input=None, timeout=None):
        """Sends input, reads stdout and stderr to their end and waits for
        the child; returns (stdout, stderr)."""
        if input is not None and self.text_mode:
            input = input.encode(self.encoding or 'utf-8',
                                 self.errors or 'strict')
        if self.stdin is not None:
            self.stdin.closed = True
        result = self._child.communicate(input, timeout)
        if result is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = self._child.poll()
        out, err = result
        if self.stdout is None:
            out = None
        if self.stderr is None:
            err = None
        return self._decode(out), self._decode(err)

    def poll(self):
        if self.returncode is None:
            self.returncode = self._child.poll()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            code = self._child.wait(timeout)
            if code is None:
                raise TimeoutExpired(self.args, timeout)
            self.returncode = code
        return self.returncode

    def send_signal(self, sig):
        if sig in (9, 15):
            self.kill()
        else:
            raise NotImplementedError("subprocess: only SIGKILL and SIGTERM "
                                      "can be sent by rpy")

    def terminate(self):
        self._child.kill()

    def kill(self):
        self._child.kill()


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    """Runs a command and returns a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its output; CalledProcessError if it
    fails."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or \
                kwargs.get('encoding') or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
