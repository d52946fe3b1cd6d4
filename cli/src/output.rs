//! The standard streams of the command. stdout is line-buffered on a
//! terminal and written through with `-u`, as in CPython; elsewhere it
//! stays block-buffered (the VM's default). Lines read from a terminal
//! can be cut short by Ctrl-C (see `terminal_input`).

use std::io::IsTerminal;

use rpy_vm::{InterruptFlag, Output, StdOutput};

/// When stdout is flushed besides explicit flushes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flush {
    /// Block-buffered.
    Never,
    /// After every newline (a terminal).
    Lines,
    /// After every write (`-u`).
    Always,
}

/// The CLI's [`Output`].
pub struct CliOutput {
    inner: StdOutput,
    flush: Flush,
    interrupt: InterruptFlag,
    stdin_tty: bool,
    /// What a terminal line had beyond a read's size.
    tty_rest: Vec<u8>,
}

impl CliOutput {
    pub fn new(flush: Flush, interrupt: InterruptFlag) -> Self {
        CliOutput {
            inner: StdOutput::default(),
            flush,
            interrupt,
            stdin_tty: std::io::stdin().is_terminal(),
            tty_rest: Vec::new(),
        }
    }
}

impl Output for CliOutput {
    fn write(&mut self, err: bool, s: &str) -> std::io::Result<()> {
        self.write_bytes(err, s.as_bytes())
    }
    fn write_bytes(&mut self, err: bool, b: &[u8]) -> std::io::Result<()> {
        self.inner.write_bytes(err, b)?;
        let flush = match self.flush {
            Flush::Never => false,
            Flush::Lines => b.contains(&b'\n'),
            Flush::Always => true,
        };
        if !err && flush {
            self.inner.flush(false)?;
        }
        Ok(())
    }
    fn flush(&mut self, err: bool) -> std::io::Result<()> {
        self.inner.flush(err)
    }
    fn read(&mut self, max: usize) -> std::io::Result<Vec<u8>> {
        if self.stdin_tty {
            // A terminal gives a line per read; this one Ctrl-C can cut.
            let mut line = self.tty_rest.split_off(0);
            if line.is_empty() {
                if let Some(l) = crate::terminal_input::read_line(&self.interrupt)? {
                    line = l.into_bytes();
                }
            }
            if line.len() > max {
                self.tty_rest = line.split_off(max);
            }
            return Ok(line);
        }
        self.inner.read(max)
    }
    fn read_line(&mut self) -> std::io::Result<Option<String>> {
        if self.stdin_tty {
            return crate::terminal_input::read_line(&self.interrupt);
        }
        self.inner.read_line()
    }
}
