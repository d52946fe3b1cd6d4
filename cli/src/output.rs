//! Standard output for the command: CPython line-buffers stdout on a
//! terminal and writes through with `-u`; elsewhere it stays block-buffered
//! (the VM's default).

use rpy_vm::io::{Output, StdOutput};

/// Flushes stdout after every write (`-u`) or every newline (terminal).
pub struct FlushingOutput {
    inner: StdOutput,
    every_write: bool,
}

impl FlushingOutput {
    pub fn new(every_write: bool) -> Self {
        FlushingOutput {
            inner: StdOutput::default(),
            every_write,
        }
    }
}

impl Output for FlushingOutput {
    fn write(&mut self, err: bool, s: &str) -> std::io::Result<()> {
        self.write_bytes(err, s.as_bytes())
    }
    fn write_bytes(&mut self, err: bool, b: &[u8]) -> std::io::Result<()> {
        self.inner.write_bytes(err, b)?;
        if !err && (self.every_write || b.contains(&b'\n')) {
            self.inner.flush(false)?;
        }
        Ok(())
    }
    fn flush(&mut self, err: bool) -> std::io::Result<()> {
        self.inner.flush(err)
    }
}
