//! Throughput of the core's codecs at 64 B, 1 KiB, 64 KiB and 16 MiB, with
//! the `base64` crate's standard engine in the same run for comparison.
//! Counted bytes: the encoder's input for encoders, the decoder's input
//! (the text) for decoders. Run: `cargo bench -p rpy-base64-core`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::Engine as _;
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use rpy_base64_core as core;

const SIZES: &[usize] = &[64, 1024, 64 * 1024, 16 * 1024 * 1024];

fn main() {
    divan::main();
}

/// Deterministic bytes that are not all alike.
fn data(n: usize) -> Vec<u8> {
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Raw bytes whose encoding is about `n` bytes long.
fn raw_for_text(n: usize, ratio: (usize, usize)) -> Vec<u8> {
    data(n * ratio.1 / ratio.0)
}

mod base64_encode {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn rpy(b: Bencher, n: usize) {
        let input = data(n);
        let mut out = vec![0u8; core::base64_encoded_len(n, &core::B64Encode::STANDARD).unwrap()];
        // The first call of the process detects the CPU's features (tens of
        // microseconds under a hypervisor); keep it out of the first sample,
        // from which divan sizes its batches.
        let _ = core::base64_encode_into(&input, &core::B64Encode::STANDARD, &mut out);
        b.counter(BytesCount::new(n)).bench_local(|| {
            core::base64_encode_into(black_box(&input), &core::B64Encode::STANDARD, &mut out)
        });
    }

    /// `urlsafe_b64encode`: `-` and `_` for `+` and `/`.
    #[divan::bench(args = SIZES)]
    fn rpy_urlsafe(b: Bencher, n: usize) {
        let input = data(n);
        let mut out = vec![0u8; core::base64_encoded_len(n, &core::B64Encode::URLSAFE).unwrap()];
        b.counter(BytesCount::new(n)).bench_local(|| {
            core::base64_encode_into(black_box(&input), &core::B64Encode::URLSAFE, &mut out)
        });
    }

    #[divan::bench(args = SIZES)]
    fn base64_crate(b: Bencher, n: usize) {
        let input = data(n);
        let mut out = vec![0u8; n.div_ceil(3) * 4];
        let engine = base64::engine::general_purpose::STANDARD;
        b.counter(BytesCount::new(n))
            .bench_local(|| engine.encode_slice(black_box(&input), &mut out));
    }
}

mod base64_decode {
    use super::*;

    fn text(n: usize) -> Vec<u8> {
        core::base64_encode(&raw_for_text(n, (4, 3)), &core::B64Encode::STANDARD).unwrap()
    }

    #[divan::bench(args = SIZES)]
    fn rpy(b: Bencher, n: usize) {
        let text = text(n);
        let mut out = vec![0u8; core::base64_decoded_max_len(text.len())];
        b.counter(BytesCount::new(text.len())).bench_local(|| {
            core::base64_decode_into(black_box(&text), &core::B64Decode::STANDARD, &mut out)
        });
    }

    #[divan::bench(args = SIZES)]
    fn rpy_strict(b: Bencher, n: usize) {
        let text = text(n);
        let mut out = vec![0u8; core::base64_decoded_max_len(text.len())];
        b.counter(BytesCount::new(text.len())).bench_local(|| {
            core::base64_decode_into(black_box(&text), &core::B64Decode::STRICT, &mut out)
        });
    }

    /// `urlsafe_b64decode` of `urlsafe_b64encode` output.
    #[divan::bench(args = SIZES)]
    fn rpy_urlsafe(b: Bencher, n: usize) {
        let text =
            core::base64_encode(&raw_for_text(n, (4, 3)), &core::B64Encode::URLSAFE).unwrap();
        let mut out = vec![0u8; core::base64_decoded_max_len(text.len())];
        b.counter(BytesCount::new(text.len())).bench_local(|| {
            core::base64_decode_into(black_box(&text), &core::B64Decode::URLSAFE, &mut out)
        });
    }

    #[divan::bench(args = SIZES)]
    fn base64_crate(b: Bencher, n: usize) {
        let text = text(n);
        let mut out = vec![0u8; text.len()];
        let engine = base64::engine::general_purpose::STANDARD;
        b.counter(BytesCount::new(text.len()))
            .bench_local(|| engine.decode_slice(black_box(&text), &mut out));
    }
}

mod base64_decode_mime {
    use super::*;

    /// `encodebytes` output: 76-character lines ending in `\n`.
    #[divan::bench(args = SIZES)]
    fn rpy(b: Bencher, n: usize) {
        let text = core::base64_mime_encode(&raw_for_text(n, (77 * 4, 57 * 4))).unwrap();
        let mut out = vec![0u8; core::base64_decoded_max_len(text.len())];
        b.counter(BytesCount::new(text.len())).bench_local(|| {
            core::base64_decode_into(black_box(&text), &core::B64Decode::STANDARD, &mut out)
        });
    }
}

mod hex {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn encode(b: Bencher, n: usize) {
        let input = data(n);
        let mut out = vec![0u8; 2 * n];
        b.counter(BytesCount::new(n)).bench_local(|| {
            core::hex_encode_into(black_box(&input), &core::HexEncode::default(), &mut out)
        });
    }

    #[divan::bench(args = SIZES)]
    fn decode(b: Bencher, n: usize) {
        let text = core::hex_encode(&data(n / 2), &core::HexEncode::default()).unwrap();
        let mut out = vec![0u8; text.len() / 2];
        b.counter(BytesCount::new(text.len()))
            .bench_local(|| core::hex_decode_into(black_box(&text), &mut out));
    }
}

mod base32 {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn encode(b: Bencher, n: usize) {
        let input = data(n);
        let mut out = vec![0u8; core::base32_encoded_len(n).unwrap()];
        b.counter(BytesCount::new(n)).bench_local(|| {
            core::base32_encode_into(black_box(&input), core::Base32Alphabet::Standard, &mut out)
        });
    }

    #[divan::bench(args = SIZES)]
    fn decode(b: Bencher, n: usize) {
        let text =
            core::base32_encode(&raw_for_text(n, (8, 5)), core::Base32Alphabet::Standard).unwrap();
        let opts = core::B32Decode::default();
        let mut out = vec![0u8; core::base32_decoded_max_len(text.len())];
        b.counter(BytesCount::new(text.len()))
            .bench_local(|| core::base32_decode_into(black_box(&text), &opts, &mut out));
    }

    /// The counting pass a host runs before allocating the result.
    #[divan::bench(args = SIZES)]
    fn decoded_len(b: Bencher, n: usize) {
        let text =
            core::base32_encode(&raw_for_text(n, (8, 5)), core::Base32Alphabet::Standard).unwrap();
        let opts = core::B32Decode::default();
        b.counter(BytesCount::new(text.len()))
            .bench_local(|| core::base32_decoded_len(black_box(&text), &opts));
    }
}

mod base85 {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn encode(b: Bencher, n: usize) {
        let input = data(n);
        let mut out = vec![0u8; core::b85_encoded_len(n, false).unwrap()];
        b.counter(BytesCount::new(n))
            .bench_local(|| core::b85_encode_into(black_box(&input), false, &mut out));
    }

    #[divan::bench(args = SIZES)]
    fn decode(b: Bencher, n: usize) {
        let text = core::b85_encode(&raw_for_text(n, (5, 4)), false).unwrap();
        let mut out = vec![0u8; core::b85_decoded_len(text.len()).unwrap()];
        b.counter(BytesCount::new(text.len()))
            .bench_local(|| core::b85_decode_into(black_box(&text), &mut out));
    }
}

mod ascii85 {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn encode(b: Bencher, n: usize) {
        let input = data(n);
        let opts = core::A85Encode::default();
        let mut out = vec![0u8; core::a85_encoded_len(&input, &opts).unwrap()];
        b.counter(BytesCount::new(n))
            .bench_local(|| core::a85_encode_into(black_box(&input), &opts, &mut out));
    }

    #[divan::bench(args = SIZES)]
    fn decode(b: Bencher, n: usize) {
        let text = core::a85_encode(&raw_for_text(n, (5, 4)), &Default::default()).unwrap();
        let opts = core::A85Decode::default();
        let mut out = vec![0u8; core::a85_decoded_max_len(text.len())];
        b.counter(BytesCount::new(text.len()))
            .bench_local(|| core::a85_decode_into(black_box(&text), &opts, &mut out));
    }

    /// The counting pass a host runs before allocating the result.
    #[divan::bench(args = SIZES)]
    fn decoded_len(b: Bencher, n: usize) {
        let text = core::a85_encode(&raw_for_text(n, (5, 4)), &Default::default()).unwrap();
        let opts = core::A85Decode::default();
        b.counter(BytesCount::new(text.len()))
            .bench_local(|| core::a85_decoded_len(black_box(&text), &opts));
    }
}
