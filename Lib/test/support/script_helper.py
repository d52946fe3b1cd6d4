"""Running the interpreter under test (sys.executable, i.e. rpy) in a child
process: assert_python_ok, assert_python_failure, spawn_python."""

import os
import subprocess
import sys

__all__ = ["assert_python_ok", "assert_python_failure", "spawn_python",
           "kill_python", "run_python_until_end",
           "interpreter_requires_environment", "make_script"]


def interpreter_requires_environment():
    """Whether the interpreter needs environment variables to run (not
    rpy: it finds its Lib/ next to its executable)."""
    return False


class _PythonRunResult:
    """(rc, out, err) of a finished child interpreter."""

    def __init__(self, rc, out, err):
        self.rc = rc
        self.out = out
        self.err = err

    def __iter__(self):
        return iter((self.rc, self.out, self.err))

    def __getitem__(self, i):
        return (self.rc, self.out, self.err)[i]

    def __len__(self):
        return 3

    def __repr__(self):
        return "_PythonRunResult(rc=%r, out=%r, err=%r)" % (
            self.rc, self.out, self.err)

    def fail(self, cmd_line):
        maxlen = 80 * 100
        out, err = self.out, self.err
        if len(out) > maxlen:
            out = b'(... truncated stdout ...)' + out[-maxlen:]
        if len(err) > maxlen:
            err = b'(... truncated stderr ...)' + err[-maxlen:]
        out = out.decode('ascii', 'replace').rstrip()
        err = err.decode('ascii', 'replace').rstrip()
        raise AssertionError("Process return code is %d\n"
                             "command line: %r\n"
                             "\n"
                             "stdout:\n"
                             "---\n"
                             "%s\n"
                             "---\n"
                             "\n"
                             "stderr:\n"
                             "---\n"
                             "%s\n"
                             "---"
                             % (self.rc, cmd_line, out, err))


def run_python_until_end(*args, **env_vars):
    """Runs the interpreter with args; returns (result, command line)."""
    cwd = env_vars.pop('__cwd', None)
    isolated = env_vars.pop('__isolated', None)
    if isolated is None:
        isolated = not env_vars
    cmd_line = [sys.executable, '-X', 'faulthandler']
    if isolated:
        cmd_line.append('-I')
    elif not env_vars:
        cmd_line.append('-E')
    if env_vars.pop('__cleanenv', None):
        env = {}
    else:
        env = os.environ.copy()
    if 'TERM' not in env_vars:
        env['TERM'] = ''
    env.update(env_vars)
    cmd_line.extend(args)
    proc = subprocess.Popen(cmd_line, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, cwd=cwd)
    with proc:
        try:
            out, err = proc.communicate()
        finally:
            proc.kill()
    return _PythonRunResult(proc.returncode, out, err), cmd_line


def _assert_python(expected_success, *args, **env_vars):
    res, cmd_line = run_python_until_end(*args, **env_vars)
    if (res.rc and expected_success) or (not res.rc and not expected_success):
        res.fail(cmd_line)
    return res


def assert_python_ok(*args, **env_vars):
    """Runs the interpreter with args and asserts it exits with status 0;
    returns (rc, out, err)."""
    return _assert_python(True, *args, **env_vars)


def assert_python_failure(*args, **env_vars):
    """Runs the interpreter with args and asserts it fails (status != 0)."""
    return _assert_python(False, *args, **env_vars)


def spawn_python(*args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                 stderr=subprocess.STDOUT, **kw):
    """Starts the interpreter with args; returns the Popen object."""
    cmd_line = [sys.executable]
    cmd_line.append('-E')
    cmd_line.extend(['-X', 'faulthandler'])
    cmd_line.extend(args)
    env = kw.setdefault('env', dict(os.environ))
    env['TERM'] = 'vt100'
    return subprocess.Popen(cmd_line, stdin=stdin, stdout=stdout,
                            stderr=stderr, **kw)


def kill_python(p):
    """Closes the stdin of a spawned interpreter, waits for it and returns
    its output."""
    p.stdin.close()
    data = p.stdout.read()
    p.stdout.close()
    p.wait()
    return data


def make_script(script_dir, script_basename, source, omit_suffix=False):
    script_filename = script_basename
    if not omit_suffix:
        script_filename += os.extsep + 'py'
    script_name = os.path.join(script_dir, script_filename)
    with open(script_name, 'w', encoding='utf-8') as script_file:
        script_file.write(source)
    return script_name
