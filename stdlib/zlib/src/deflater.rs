//! Streaming compression: miniz_oxide's raw deflate encoder inside the
//! container's framing, written here (zlib or gzip header, Adler-32 or
//! CRC-32 trailer).
//!
//! Two things zlib does that the encoder does not are done around it. A
//! preset dictionary (`zdict`): the encoder compresses the dictionary
//! first and flushes to a byte boundary, and that output is dropped, so
//! the stream continues with the dictionary in its window, as a
//! decompressor given the same dictionary expects. A window smaller than
//! 32 KiB (`wbits` 9..14): the encoder has only the 32 KiB one, so such
//! streams use no back references beyond one byte (Huffman-only or
//! run-length coding), which every window size decodes.

use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};

use crate::checksum::{adler32, crc32};
use crate::error::Fail;
use crate::wrapper::{gzip_header, zlib_header, Container, Format};

const Z_HUFFMAN_ONLY: i32 = 2;
const Z_RLE: i32 = 3;

/// How far a flush goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flush {
    /// Output what is complete (`Z_SYNC_FLUSH` and the like).
    Sync,
    /// As `Sync`, and later data does not refer to earlier data.
    Full,
    /// End the stream.
    Finish,
}

/// The state of one compression stream.
pub struct Deflater {
    core: Box<CompressorOxide>,
    container: Container,
    /// The header, until the first output.
    header: Option<Vec<u8>>,
    check: u32,
    total: u32,
    finished: bool,
}

impl Deflater {
    /// A stream at `level` (0..=9), `strategy` (0..=4), with an optional
    /// preset dictionary. The caller has validated the arguments.
    pub fn new(level: u32, format: Format, strategy: i32, zdict: Option<&[u8]>) -> Deflater {
        let mut strategy_used = strategy;
        if format.window < 15 && strategy != Z_RLE {
            strategy_used = Z_HUFFMAN_ONLY;
        }
        // miniz's level 1 is a much lighter parser than zlib's (a third
        // more output on text); its level 2 is both faster and smaller than
        // zlib's level 1, so it stands for level 1.
        let encoder_level = if level == 1 { 2 } else { level as i32 };
        let flags = create_comp_flags_from_zip_params(encoder_level, -15, strategy_used);
        let mut core = Box::new(CompressorOxide::new(flags));
        let dict_id = zdict.map(|d| adler32(1, d));
        if let Some(d) = zdict {
            let tail = d
                .get(d.len().saturating_sub(32 * 1024)..)
                .unwrap_or_default();
            let _ = compress_to_output(&mut core, tail, TDEFLFlush::Sync, |_| true);
        }
        let header = match format.container {
            Container::Zlib => Some(zlib_header(format.window, level, dict_id)),
            Container::Gzip => Some(gzip_header(level, strategy)),
            _ => None,
        };
        Deflater {
            core,
            container: format.container,
            header,
            check: u32::from(format.container != Container::Gzip),
            total: 0,
            finished: false,
        }
    }

    /// Whether the stream was finished (`Z_FINISH`).
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Compresses `data`, appending what the encoder outputs to `out`.
    pub fn compress(&mut self, data: &[u8], out: &mut Vec<u8>) -> Result<(), Fail> {
        if self.finished {
            return Err(Fail::Z(-2, "inconsistent stream state"));
        }
        if let Some(h) = self.header.take() {
            out.extend_from_slice(&h);
        }
        if self.container == Container::Gzip {
            self.check = crc32(self.check, data);
        } else {
            self.check = adler32(self.check, data);
        }
        self.total = self.total.wrapping_add(data.len() as u32);
        self.run(data, TDEFLFlush::None, out)
    }

    /// Flushes, appending the output (and, at the end, the trailer).
    pub fn flush(&mut self, how: Flush, out: &mut Vec<u8>) -> Result<(), Fail> {
        if self.finished {
            return Err(Fail::Z(-2, "inconsistent stream state"));
        }
        if let Some(h) = self.header.take() {
            out.extend_from_slice(&h);
        }
        let mode = match how {
            Flush::Sync => TDEFLFlush::Sync,
            Flush::Full => TDEFLFlush::Full,
            Flush::Finish => TDEFLFlush::Finish,
        };
        self.run(&[], mode, out)?;
        if how == Flush::Finish {
            self.finished = true;
            match self.container {
                Container::Zlib => out.extend_from_slice(&self.check.to_be_bytes()),
                Container::Gzip => {
                    out.extend_from_slice(&self.check.to_le_bytes());
                    out.extend_from_slice(&self.total.to_le_bytes());
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn run(&mut self, data: &[u8], mode: TDEFLFlush, out: &mut Vec<u8>) -> Result<(), Fail> {
        let mut at = 0;
        loop {
            let rest = data.get(at..).unwrap_or_default();
            let (status, used) = compress_to_output(&mut self.core, rest, mode, |b| {
                out.extend_from_slice(b);
                true
            });
            at += used;
            match status {
                TDEFLStatus::Done => return Ok(()),
                TDEFLStatus::Okay if at >= data.len() => return Ok(()),
                TDEFLStatus::Okay if used > 0 => {}
                _ => return Err(Fail::Z(-2, "inconsistent stream state")),
            }
        }
    }
}
