//! Streaming decompression: a raw deflate decoder (miniz_oxide's) inside
//! the container's framing, which is parsed and checked here so that the
//! errors are zlib's ("incorrect header check", "invalid window size",
//! "incorrect data check", ...).
//!
//! The decoder writes into a buffer holding the last 32 KiB of output
//! (the deflate window, or a preset dictionary) followed by room for new
//! output, so a back reference before the start of the data is an error
//! and the output of one step is bounded exactly (`max_length`). Each
//! step's room is checked against the memory limit with all the output
//! made so far (which becomes one bytes object): a "zip bomb" ends in
//! MemoryError at the memory limit.

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use rpy_vm::Vm;

use crate::checksum::{adler32, crc32};
use crate::error::Fail;
use crate::wrapper::{parse_header, Container, Format, Header};

/// The deflate window.
const WINDOW: usize = 32 * 1024;
/// Output produced per decoder call at most.
const CHUNK: usize = 256 * 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Header,
    Body,
    Trailer,
    Done,
}

/// A failure to use the preset dictionary (zlib reports it apart).
pub const DICT_MISMATCH: Fail = Fail::Z(-3, "invalid input data");

/// The state of one decompression stream.
#[derive(Clone)]
pub struct Inflater {
    format: Format,
    stage: Stage,
    /// Header or trailer bytes seen so far.
    head: Vec<u8>,
    core: Box<DecompressorOxide>,
    /// The last (up to) 32 KiB of output.
    hist: Vec<u8>,
    /// The running checksum of the output (Adler-32 or CRC-32).
    check: u32,
    /// The output's length modulo 2**32 (gzip's trailer).
    total: u32,
    zdict: Option<Vec<u8>>,
    /// Set when the stream's preset dictionary did not match.
    pub dict_failed: bool,
    /// The first bytes of the deflate data, to name what is wrong with a
    /// stream that fails at its first block.
    first: Vec<u8>,
}

impl Inflater {
    pub fn new(format: Format, zdict: Option<Vec<u8>>) -> Inflater {
        let mut inf = Inflater {
            format,
            stage: if format.container == Container::Raw {
                Stage::Body
            } else {
                Stage::Header
            },
            head: Vec::new(),
            core: Box::default(),
            hist: Vec::new(),
            check: 0,
            total: 0,
            zdict: None,
            dict_failed: false,
            first: Vec::new(),
        };
        if let Some(d) = zdict {
            // A raw stream has no header to ask for it: it is used at once.
            if format.container == Container::Raw {
                inf.prefill(&d);
            }
            inf.zdict = Some(d);
        }
        inf
    }

    /// Whether the end of the stream (and its trailer) was reached.
    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    fn prefill(&mut self, d: &[u8]) {
        let from = d.len().saturating_sub(WINDOW);
        self.hist = d.get(from..).unwrap_or_default().to_vec();
    }

    /// Decompresses from `input`, appending at most `max` bytes (`None`:
    /// no bound) to `out`; returns how many input bytes were used.
    pub fn inflate(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        out: &mut Vec<u8>,
        max: Option<usize>,
    ) -> Result<usize, Fail> {
        let mut pos = 0;
        let start = out.len();
        loop {
            let rest = input.get(pos..).unwrap_or_default();
            match self.stage {
                Stage::Done => return Ok(pos),
                Stage::Header => {
                    let before = self.head.len();
                    self.head.extend_from_slice(rest);
                    match parse_header(self.format.container, self.format.window, &self.head) {
                        Err(msg) => return Err(Fail::Z(-3, msg)),
                        Ok(Header::Incomplete) => return Ok(input.len()),
                        Ok(Header::Complete {
                            container,
                            len,
                            dict_id,
                        }) => {
                            pos += len.saturating_sub(before);
                            self.head.clear();
                            self.format.container = container;
                            self.check = u32::from(container != Container::Gzip);
                            if let Some(id) = dict_id {
                                let Some(d) = self.zdict.take() else {
                                    return Err(Fail::Z(2, ""));
                                };
                                if adler32(1, &d) != id {
                                    self.dict_failed = true;
                                    return Err(DICT_MISMATCH);
                                }
                                self.prefill(&d);
                            }
                            self.stage = Stage::Body;
                        }
                    }
                }
                Stage::Body => {
                    let made = out.len() - start;
                    let room = match max {
                        Some(m) if made >= m => return Ok(pos),
                        Some(m) => (m - made).min(CHUNK),
                        None => CHUNK,
                    };
                    let (done, used) = self.body_step(vm, rest, out, room)?;
                    pos += used;
                    let new = out.len() - start - made;
                    if done {
                        self.stage = Stage::Trailer;
                    } else if (used == 0 && new == 0) || (pos >= input.len() && new < room) {
                        // The output did not fill its room with all the
                        // input used: more input is needed.
                        return Ok(pos);
                    }
                }
                Stage::Trailer => {
                    let need: usize = match self.format.container {
                        Container::Zlib => 4,
                        Container::Gzip => 8,
                        _ => 0,
                    };
                    let take = need.saturating_sub(self.head.len()).min(rest.len());
                    self.head
                        .extend_from_slice(rest.get(..take).unwrap_or_default());
                    pos += take;
                    if self.head.len() < need {
                        return Ok(pos);
                    }
                    self.check_trailer()?;
                    self.stage = Stage::Done;
                }
            }
        }
    }

    /// One call of the deflate decoder with `room` bytes for output:
    /// whether the deflate data ended, and the input used.
    fn body_step(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        out: &mut Vec<u8>,
        room: usize,
    ) -> Result<(bool, usize), Fail> {
        // The whole output so far counts: it becomes one bytes object.
        vm.mem_precheck(out.len().saturating_add(room))?;
        vm.reserve(out, room)?;
        if self.first.len() < 5 {
            let n = (5 - self.first.len()).min(input.len());
            self.first
                .extend_from_slice(input.get(..n).unwrap_or_default());
        }
        let h = self.hist.len();
        let mut work = std::mem::take(&mut self.hist);
        vm.reserve(&mut work, room)?;
        work.resize(h + room, 0);
        let flags = inflate_flags::TINFL_FLAG_HAS_MORE_INPUT
            | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, used, made) = decompress(&mut self.core, input, &mut work, h, flags);
        let new = work.get(h..h + made).unwrap_or_default();
        out.extend_from_slice(new);
        if self.format.container == Container::Gzip {
            self.check = crc32(self.check, new);
        } else {
            self.check = adler32(self.check, new);
        }
        self.total = self.total.wrapping_add(made as u32);
        // Keep the last window of output as history.
        let end = h + made;
        work.truncate(end);
        let drop = end.saturating_sub(WINDOW);
        if drop > 0 {
            work.drain(..drop);
        }
        self.hist = work;
        match status {
            TINFLStatus::Done => Ok((true, used)),
            TINFLStatus::NeedsMoreInput | TINFLStatus::HasMoreOutput => Ok((false, used)),
            _ => Err(Fail::Z(-3, first_block_error(&self.first))),
        }
    }

    fn check_trailer(&mut self) -> Result<(), Fail> {
        let t = std::mem::take(&mut self.head);
        let word = |i: usize| -> [u8; 4] {
            let mut w = [0; 4];
            if let Some(s) = t.get(i..i + 4) {
                w.copy_from_slice(s);
            }
            w
        };
        match self.format.container {
            Container::Zlib if u32::from_be_bytes(word(0)) != self.check => {
                Err(Fail::Z(-3, "incorrect data check"))
            }
            Container::Gzip if u32::from_le_bytes(word(0)) != self.check => {
                Err(Fail::Z(-3, "incorrect data check"))
            }
            Container::Gzip if u32::from_le_bytes(word(4)) != self.total => {
                Err(Fail::Z(-3, "incorrect length check"))
            }
            _ => Ok(()),
        }
    }
}

/// zlib's message for a stream whose first block header is bad (a block
/// type of 3, or a stored block whose length and its complement
/// disagree); the decoder does not say why it failed elsewhere.
fn first_block_error(first: &[u8]) -> &'static str {
    const GENERIC: &str = "invalid deflate data";
    let Some(&b0) = first.first() else {
        return GENERIC;
    };
    match (b0 >> 1) & 3 {
        3 => "invalid block type",
        0 => match first.get(1..5) {
            Some(&[a, b, c, d]) if u16::from_le_bytes([a, b]) != !u16::from_le_bytes([c, d]) => {
                "invalid stored block lengths"
            }
            _ => GENERIC,
        },
        _ => GENERIC,
    }
}

#[cfg(test)]
mod tests {
    use super::first_block_error;

    #[test]
    fn names_bad_first_blocks() {
        assert_eq!(first_block_error(&[0x07]), "invalid block type");
        assert_eq!(
            first_block_error(&[0x01, 1, 0, 0, 0]),
            "invalid stored block lengths"
        );
        assert_eq!(
            first_block_error(&[0x01, 1, 0, 0xfe, 0xff]),
            "invalid deflate data"
        );
        assert_eq!(first_block_error(&[]), "invalid deflate data");
    }
}
