//! Differential test against the live CPython 3.11 (`python3`): thousands of
//! random and adversarial inputs for every codec and option, sent in one
//! batch to `cpython_oracle.py`; output bytes, or exception type and message,
//! must be equal. Every case also checks the length API: `*_encoded_len` /
//! `*_decoded_len` agree with what the codec writes (or fail the same way),
//! and `*_into` into an exact-size buffer gives the same result.
//!
//! Without `python3` the test fails, unless `RPY_SKIP_CPYTHON=1` says to skip.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_base64_core as core;
use rpy_base64_core::{Error, ErrorKind};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

thread_local! {
    static LAST_PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// One case: CPython function, options (`k=v,...`), input.
struct Case {
    op: &'static str,
    opts: String,
    input: Vec<u8>,
}

/// splitmix64: deterministic inputs, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn opt(opts: &str, key: &str) -> Option<String> {
    opts.split(',')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
}

fn flag(opts: &str, key: &str, default: bool) -> bool {
    opt(opts, key).map_or(default, |v| v == "1")
}

fn hexbytes(opts: &str, key: &str) -> Option<Vec<u8>> {
    let v = opt(opts, key)?;
    if v == "none" {
        return None;
    }
    Some(
        (0..v.len() / 2)
            .map(|i| u8::from_str_radix(&v[2 * i..2 * i + 2], 16).unwrap())
            .collect(),
    )
}

fn pair(v: Option<Vec<u8>>) -> Option<[u8; 2]> {
    v.map(|v| [v[0], v[1]])
}

/// Checks an encoder's length function and `_into` against its `Vec` result.
fn enc(
    len: core::Result<usize>,
    into: impl Fn(&mut [u8]) -> core::Result<usize>,
    vec: core::Result<Vec<u8>>,
) -> core::Result<Vec<u8>> {
    let v = vec?;
    let n = len.expect("encoded_len failed where the encoder succeeded");
    assert_eq!(n, v.len(), "encoded_len disagrees with the encoding");
    let mut buf = vec![0u8; n];
    assert_eq!(into(&mut buf), Ok(n));
    assert_eq!(buf, v, "_into disagrees with the Vec encoder");
    if n > 0 {
        let mut short = vec![0u8; n - 1];
        assert_eq!(
            into(&mut short).map_err(|e| e.kind),
            Err(ErrorKind::Internal)
        );
    }
    Ok(v)
}

/// Checks a decoder's exact length function and `_into` against its `Vec` result.
fn dec(
    len: core::Result<usize>,
    into: impl Fn(&mut [u8]) -> core::Result<usize>,
    vec: core::Result<Vec<u8>>,
) -> core::Result<Vec<u8>> {
    match (&vec, &len) {
        (Ok(v), Ok(n)) => {
            assert_eq!(*n, v.len(), "decoded_len disagrees with the decoding");
            let mut buf = vec![0u8; *n];
            assert_eq!(into(&mut buf), Ok(*n));
            assert_eq!(&buf, v, "_into disagrees with the Vec decoder");
        }
        (Ok(_), Err(e)) => panic!("decoded_len failed ({e}) where the decoder succeeded"),
        (Err(e), Err(le)) => assert_eq!(e, le, "decoded_len reports another error"),
        (Err(_), Ok(_)) => {}
    }
    vec
}

fn run(case: &Case) -> core::Result<Vec<u8>> {
    let o = case.opts.as_str();
    let x = case.input.as_slice();
    match case.op {
        "b2a_base64" | "b64encode" => {
            let opts = core::B64Encode {
                newline: case.op == "b2a_base64" && flag(o, "newline", true),
                altchars: pair(hexbytes(o, "alt")),
            };
            enc(
                core::base64_encoded_len(x.len(), &opts),
                |b| core::base64_encode_into(x, &opts, b),
                core::base64_encode(x, &opts),
            )
        }
        "a2b_base64" | "b64decode" => {
            let opts = core::B64Decode {
                strict: flag(o, "strict", false),
                altchars: pair(hexbytes(o, "alt")),
            };
            dec(
                core::base64_decoded_len(x, &opts),
                |b| core::base64_decode_into(x, &opts, b),
                core::base64_decode(x, &opts),
            )
        }
        "encodebytes" => enc(
            core::base64_mime_encoded_len(x.len()),
            |b| core::base64_mime_encode_into(x, b),
            core::base64_mime_encode(x),
        ),
        "b32encode" | "b32hexencode" => {
            let a = if case.op == "b32encode" {
                core::Base32Alphabet::Standard
            } else {
                core::Base32Alphabet::Hex
            };
            enc(
                core::base32_encoded_len(x.len()),
                |b| core::base32_encode_into(x, a, b),
                core::base32_encode(x, a),
            )
        }
        "b32decode" | "b32hexdecode" => {
            let opts = core::B32Decode {
                alphabet: if case.op == "b32decode" {
                    core::Base32Alphabet::Standard
                } else {
                    core::Base32Alphabet::Hex
                },
                casefold: flag(o, "casefold", false),
                map01: hexbytes(o, "map01").map(|v| v[0]),
            };
            dec(
                core::base32_decoded_len(x, &opts),
                |b| core::base32_decode_into(x, &opts, b),
                core::base32_decode(x, &opts),
            )
        }
        "b16encode" => enc(
            core::base16_encoded_len(x.len()),
            |b| core::base16_encode_into(x, b),
            core::base16_encode(x),
        ),
        "b16decode" => {
            let cf = flag(o, "casefold", false);
            dec(
                core::base16_decoded_len(x, cf),
                |b| core::base16_decode_into(x, cf, b),
                core::base16_decode(x, cf),
            )
        }
        "a85encode" => {
            let opts = core::A85Encode {
                foldspaces: flag(o, "foldspaces", false),
                wrapcol: opt(o, "wrapcol").map_or(0, |v| v.parse().unwrap()),
                pad: flag(o, "pad", false),
                adobe: flag(o, "adobe", false),
            };
            enc(
                core::a85_encoded_len(x, &opts),
                |b| core::a85_encode_into(x, &opts, b),
                core::a85_encode(x, &opts),
            )
        }
        "a85decode" => {
            let ignore = match opt(o, "ignorechars") {
                Some(_) => hexbytes(o, "ignorechars").unwrap_or_default(),
                None => core::A85Decode::DEFAULT_IGNORECHARS.to_vec(),
            };
            let opts = core::A85Decode {
                foldspaces: flag(o, "foldspaces", false),
                adobe: flag(o, "adobe", false),
                ignorechars: &ignore,
            };
            dec(
                core::a85_decoded_len(x, &opts),
                |b| core::a85_decode_into(x, &opts, b),
                core::a85_decode(x, &opts),
            )
        }
        "b85encode" => {
            let pad = flag(o, "pad", false);
            enc(
                core::b85_encoded_len(x.len(), pad),
                |b| core::b85_encode_into(x, pad, b),
                core::b85_encode(x, pad),
            )
        }
        "b85decode" => dec(
            core::b85_decoded_len(x.len()),
            |b| core::b85_decode_into(x, b),
            core::b85_decode(x),
        ),
        "z85encode" => enc(
            core::z85_encoded_len(x.len()),
            |b| core::z85_encode_into(x, b),
            core::z85_encode(x),
        ),
        "z85decode" => dec(
            core::z85_decoded_len(x.len()),
            |b| core::z85_decode_into(x, b),
            core::z85_decode(x),
        ),
        "hexlify" => {
            let opts = core::HexEncode {
                sep: hexbytes(o, "sep").map(|v| v[0]),
                bytes_per_sep: opt(o, "per").map_or(1, |v| v.parse().unwrap()),
            };
            enc(
                core::hex_encoded_len(x.len(), &opts),
                |b| core::hex_encode_into(x, &opts, b),
                core::hex_encode(x, &opts),
            )
        }
        "unhexlify" => dec(
            core::hex_decoded_len(x.len()),
            |b| core::hex_decode_into(x, b),
            core::hex_decode(x),
        ),
        "b2a_uu" => {
            let bt = flag(o, "backtick", false);
            enc(
                core::uu_encoded_len(x.len()),
                |b| core::uu_encode_into(x, bt, b),
                core::uu_encode(x, bt),
            )
        }
        "a2b_uu" => dec(
            core::uu_decoded_len(x),
            |b| core::uu_decode_into(x, b),
            core::uu_decode(x),
        ),
        "b2a_qp" => {
            let opts = core::QpEncode {
                quotetabs: flag(o, "quotetabs", false),
                istext: flag(o, "istext", true),
                header: flag(o, "header", false),
            };
            enc(
                core::qp_encoded_len(x, &opts),
                |b| core::qp_encode_into(x, &opts, b),
                core::qp_encode(x, &opts),
            )
        }
        "a2b_qp" => {
            let h = flag(o, "header", false);
            dec(
                core::qp_decoded_len(x, h),
                |b| core::qp_decode_into(x, h, b),
                core::qp_decode(x, h),
            )
        }
        "crc32" => {
            let crc: u32 = opt(o, "crc").map_or(0, |v| v.parse().unwrap());
            Ok(core::crc32(x, crc).to_be_bytes().to_vec())
        }
        "crc_hqx" => {
            let crc: u16 = opt(o, "crc").map_or(0, |v| v.parse().unwrap());
            Ok(core::crc_hqx(x, crc).to_be_bytes().to_vec())
        }
        other => panic!("no such op {other}"),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Adversarial text for a decoder: a valid encoding, then mutated.
fn mutate(rng: &mut Rng, text: &[u8], noise: &[u8]) -> Vec<u8> {
    let mut t = text.to_vec();
    let rounds = rng.below(4);
    for _ in 0..rounds {
        match rng.below(8) {
            0 => {
                let at = rng.below(t.len() + 1);
                t.insert(at, *rng.pick(noise));
            }
            1 if !t.is_empty() => {
                let at = rng.below(t.len());
                t.remove(at);
            }
            2 => {
                let at = rng.below(t.len() + 1);
                t.truncate(at);
            }
            3 if !t.is_empty() => {
                let at = rng.below(t.len());
                t[at] = *rng.pick(noise);
            }
            4 => {
                let at = rng.below(t.len() + 1);
                t.insert(at, b'=');
            }
            5 => {
                let n = rng.below(4);
                t.extend(std::iter::repeat_n(b'=', n));
            }
            6 if !t.is_empty() => {
                let at = rng.below(t.len());
                t[at] = t[at].to_ascii_lowercase();
            }
            _ => {
                let at = rng.below(t.len() + 1);
                t.insert(at, *rng.pick(b" \t\n\r\x0b"));
            }
        }
    }
    t
}

fn cases() -> Vec<Case> {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut v = Vec::new();
    let mut add = |op: &'static str, opts: String, input: Vec<u8>| v.push(Case { op, opts, input });
    let noise: &[u8] = b"=!@#$%^&*()_-+/.,;:~`{}[]|\\\"' \t\n\r\x0b\x00\x7f\x80\xffzyuZ01Il<>";
    // Encoders and checksums: every length 0..=200 of random bytes, plus
    // structured inputs (zeros, spaces, line breaks, dots).
    let structured: Vec<Vec<u8>> = vec![
        vec![0; 13],
        vec![b' '; 17],
        b"    \0\0\0\0    abc".to_vec(),
        b"line one\nline two \r\n\tend\t\n.\n.x\n".to_vec(),
        b"=_ \t=\r\n \n\t\n".to_vec(),
        b"From here\nFrom\n.\r\n".to_vec(),
        (0..=255u8).collect(),
        vec![b'a'; 150],
        [vec![b'b'; 75], b"\n".to_vec(), vec![b'c'; 90]].concat(),
        [vec![b'd'; 76], vec![b' '; 3], b"\r\n".to_vec()].concat(),
    ];
    for len in 0..=200usize {
        let mut inputs = vec![rng.bytes(len)];
        let alpha: Vec<u8> = (0..len)
            .map(|_| *rng.pick(b"ab \t\n\r=_.\0\xff\x7f"))
            .collect();
        inputs.push(alpha);
        if len < structured.len() {
            inputs.push(structured[len].clone());
        }
        for x in inputs {
            add("b2a_base64", format!("newline={}", len % 2), x.clone());
            add("b64encode", String::new(), x.clone());
            add("b64encode", "alt=2d5f".into(), x.clone());
            add(
                "b64encode",
                format!("alt={}", hex(&rng.bytes(2))),
                x.clone(),
            );
            add("encodebytes", String::new(), x.clone());
            add("b32encode", String::new(), x.clone());
            add("b32hexencode", String::new(), x.clone());
            add("b16encode", String::new(), x.clone());
            for fs in 0..2 {
                let w = *rng.pick(&[0usize, 0, 1, 2, 3, 5, 7, 20, 75, 76]);
                add(
                    "a85encode",
                    format!(
                        "foldspaces={fs},wrapcol={w},pad={},adobe={}",
                        rng.below(2),
                        rng.below(2)
                    ),
                    x.clone(),
                );
            }
            add("b85encode", format!("pad={}", len % 2), x.clone());
            add("z85encode", String::new(), x.clone());
            add("hexlify", String::new(), x.clone());
            let per = *rng.pick(&[1i32, 2, 3, 4, -1, -2, -3, 7, -8, 0]);
            add(
                "hexlify",
                format!("sep={},per={per}", hex(&[*rng.pick(b"-: \xff")])),
                x.clone(),
            );
            if len <= 46 {
                add("b2a_uu", format!("backtick={}", len % 2), x.clone());
            }
            add(
                "b2a_qp",
                format!(
                    "quotetabs={},istext={},header={}",
                    rng.below(2),
                    rng.below(2),
                    rng.below(2)
                ),
                x.clone(),
            );
            add("crc32", format!("crc={}", rng.next() as u32), x.clone());
            add("crc_hqx", format!("crc={}", rng.next() as u16), x.clone());
        }
    }
    // Decoders: valid encodings, mutated, and raw noise.
    for i in 0..1500usize {
        let len = i % 120;
        let raw = rng.bytes(len);
        let b64 = core::base64_encode(&raw, &core::B64Encode::STANDARD).unwrap_or_default();
        let noise_text: Vec<u8> = (0..rng.below(24)).map(|_| *rng.pick(noise)).collect();
        for text in [mutate(&mut rng, &b64, noise), noise_text.clone()] {
            let strict = rng.below(2);
            add("a2b_base64", format!("strict={strict}"), text.clone());
            let alt = *rng.pick(&["none", "2d5f", "2b2f", "3d78", "6162", "2d2d", "0a0a"]);
            add(
                "b64decode",
                format!("alt={alt},strict={}", rng.below(2)),
                text.clone(),
            );
        }
        let mime = core::base64_mime_encode(&raw).unwrap_or_default();
        add(
            "a2b_base64",
            "strict=0".into(),
            mutate(&mut rng, &mime, noise),
        );

        let b32 = core::base32_encode(&raw, core::Base32Alphabet::Standard).unwrap_or_default();
        let m01 = *rng.pick(&["none", "4c", "49", "6c", "30"]);
        add(
            "b32decode",
            format!("casefold={},map01={m01}", rng.below(2)),
            mutate(&mut rng, &b32, b"01lLiI=8 abc"),
        );
        let b32h = core::base32_encode(&raw, core::Base32Alphabet::Hex).unwrap_or_default();
        add(
            "b32hexdecode",
            format!("casefold={}", rng.below(2)),
            mutate(&mut rng, &b32h, b"wWxz=v "),
        );
        add("b32decode", String::new(), noise_text.clone());

        let b16 = core::base16_encode(&raw).unwrap_or_default();
        add(
            "b16decode",
            format!("casefold={}", rng.below(2)),
            mutate(&mut rng, &b16, b"aefgG0 "),
        );
        add(
            "unhexlify",
            String::new(),
            mutate(
                &mut rng,
                &core::hex_encode(&raw, &Default::default()).unwrap_or_default(),
                b"aAfFgG09 ",
            ),
        );

        let a85opts = format!(
            "foldspaces={},pad={},adobe={}",
            rng.below(2),
            rng.below(2),
            rng.below(2)
        );
        let mut zeros = raw.clone();
        if i % 3 == 0 {
            zeros.extend_from_slice(b"\0\0\0\0    ");
        }
        let a85 = core::a85_encode(
            &zeros,
            &core::A85Encode {
                foldspaces: flag(&a85opts, "foldspaces", false),
                wrapcol: *rng.pick(&[0usize, 10, 76]),
                pad: flag(&a85opts, "pad", false),
                adobe: flag(&a85opts, "adobe", false),
            },
        )
        .unwrap_or_default();
        let ign = *rng.pick(&["", ",ignorechars=", ",ignorechars=7a20", ",ignorechars=78"]);
        add(
            "a85decode",
            format!("foldspaces={},adobe={}{ign}", rng.below(2), rng.below(2)),
            mutate(&mut rng, &a85, b"uvzy~<>!\x7f \n"),
        );
        let b85 = core::b85_encode(&raw, i % 2 == 0).unwrap_or_default();
        add(
            "b85decode",
            String::new(),
            mutate(&mut rng, &b85, b"~}\"',.:[]"),
        );
        let z85 = core::z85_encode(&raw).unwrap_or_default();
        add(
            "z85decode",
            String::new(),
            mutate(&mut rng, &z85, b"~}\"',;_|`"),
        );

        if len <= 45 {
            let uu = core::uu_encode(&raw, i % 2 == 0).unwrap_or_default();
            add(
                "a2b_uu",
                String::new(),
                mutate(&mut rng, &uu, b"` !a\n\r~\x7f"),
            );
        }
        let qpo = format!(
            "quotetabs={},istext={},header={}",
            rng.below(2),
            rng.below(2),
            rng.below(2)
        );
        let qp = core::qp_encode(
            &structured[i % structured.len()],
            &core::QpEncode {
                quotetabs: flag(&qpo, "quotetabs", false),
                istext: flag(&qpo, "istext", true),
                header: flag(&qpo, "header", false),
            },
        )
        .unwrap_or_default();
        add(
            "a2b_qp",
            format!("header={}", rng.below(2)),
            mutate(&mut rng, &qp, b"=_ \t\r\nAaG0"),
        );
        add("a2b_qp", format!("header={}", rng.below(2)), noise_text);
    }
    // Inputs long enough for the block fast paths (base85 blocks are 256
    // bytes / 320 characters), with folded words and damage anywhere.
    for i in 0..60usize {
        let len = *rng.pick(&[255usize, 256, 257, 300, 320, 333, 512, 640, 700, 1029, 1300]);
        let mut raw = rng.bytes(len);
        if i % 3 == 0 {
            let at = rng.below(len / 4) * 4;
            raw[at..at + 4].copy_from_slice(if i % 2 == 0 { b"\0\0\0\0" } else { b"    " });
        }
        add("b85encode", format!("pad={}", i % 2), raw.clone());
        add("z85encode", String::new(), raw.clone());
        add("b32encode", String::new(), raw.clone());
        add("b32hexencode", String::new(), raw.clone());
        add("hexlify", String::new(), raw.clone());
        add("b16encode", String::new(), raw.clone());
        let a85opts = core::A85Encode {
            foldspaces: i % 2 == 1,
            wrapcol: *rng.pick(&[0usize, 0, 76]),
            pad: i % 4 == 1,
            adobe: i % 5 == 2,
        };
        add(
            "a85encode",
            format!(
                "foldspaces={},wrapcol={},pad={},adobe={}",
                u8::from(a85opts.foldspaces),
                a85opts.wrapcol,
                u8::from(a85opts.pad),
                u8::from(a85opts.adobe)
            ),
            raw.clone(),
        );
        let a85 = core::a85_encode(&raw, &a85opts).unwrap_or_default();
        add(
            "a85decode",
            format!(
                "foldspaces={},adobe={}",
                u8::from(a85opts.foldspaces),
                u8::from(a85opts.adobe)
            ),
            mutate(&mut rng, &a85, b"uvzy~<>!\x7f \n"),
        );
        let b85 = core::b85_encode(&raw, false).unwrap_or_default();
        add(
            "b85decode",
            String::new(),
            mutate(&mut rng, &b85, b"~}\"',.:[]"),
        );
        let z85 = core::z85_encode(&raw).unwrap_or_default();
        add(
            "z85decode",
            String::new(),
            mutate(&mut rng, &z85, b"~}\"',;_|`"),
        );
        let b32 = core::base32_encode(&raw, core::Base32Alphabet::Standard).unwrap_or_default();
        let text = if i % 2 == 0 {
            b32.to_ascii_lowercase()
        } else {
            b32
        };
        add(
            "b32decode",
            format!("casefold={},map01=none", u8::from(i % 2 == 0)),
            mutate(&mut rng, &text, b"01lLiI=8 abc"),
        );
        let b32h = core::base32_encode(&raw, core::Base32Alphabet::Hex).unwrap_or_default();
        add(
            "b32hexdecode",
            "casefold=0".into(),
            mutate(&mut rng, &b32h, b"wWxz=v "),
        );
        let h = core::hex_encode(&raw, &Default::default()).unwrap_or_default();
        add(
            "unhexlify",
            String::new(),
            mutate(&mut rng, &h, b"aAfFgG09 "),
        );
        let b16 = core::base16_encode(&raw).unwrap_or_default();
        add(
            "b16decode",
            "casefold=0".into(),
            mutate(&mut rng, &b16, b"aefgG0 "),
        );
    }
    v
}

#[test]
fn differential_against_cpython() {
    if std::env::var("RPY_SKIP_CPYTHON").as_deref() == Ok("1") {
        eprintln!("RPY_SKIP_CPYTHON=1: differential test against CPython SKIPPED");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cpython_oracle.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 is needed for the differential test (set RPY_SKIP_CPYTHON=1 to skip it)");
    let cases = cases();
    // Panics (a broken length contract) are reported per case, quietly.
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().map(|l| l.to_string()).unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| p.replace(format!("{msg} at {loc}")));
    }));
    let mut stdin = child.stdin.take().unwrap();
    let requests: String = cases
        .iter()
        .map(|c| format!("{}\t{}\t{}\n", c.op, c.opts, hex(&c.input)))
        .collect();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let lines: Vec<String> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| l.unwrap())
        .collect();
    writer.join().unwrap().unwrap();
    assert!(child.wait().unwrap().success(), "the oracle failed");
    assert_eq!(
        lines.len(),
        cases.len(),
        "the oracle answered too few cases"
    );

    let mut per_op: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (case, line) in cases.iter().zip(&lines) {
        let fields: Vec<&str> = line.split('\t').collect();
        let expected = match fields[0] {
            "ok" => Ok(fields[1].to_string()),
            _ => {
                let msg = (0..fields[2].len() / 2)
                    .map(|i| u8::from_str_radix(&fields[2][2 * i..2 * i + 2], 16).unwrap())
                    .collect::<Vec<u8>>();
                Err(format!(
                    "{}: {}",
                    fields[1],
                    String::from_utf8(msg).unwrap()
                ))
            }
        };
        let got = std::panic::catch_unwind(|| run(case))
            .map_err(|_| format!("PANIC: {}", LAST_PANIC.with(|p| p.take())))
            .and_then(|r| r.map(|v| hex(&v)).map_err(|e: Error| e.to_string()));
        let entry = per_op.entry(case.op).or_default();
        entry.0 += 1;
        if got != expected {
            entry.1 += 1;
            if entry.1 > 3 {
                continue;
            }
            failures.push(format!(
                "{}({}) input={:?}\n   cpython: {:?}\n   core:    {:?}",
                case.op,
                case.opts,
                String::from_utf8_lossy(&case.input),
                expected,
                got
            ));
        }
    }
    for (op, (n, bad)) in &per_op {
        eprintln!("{op:>14}: {n:5} cases, {bad} mismatches");
    }
    drop(std::panic::take_hook());
    let bad: usize = per_op.values().map(|(_, b)| b).sum();
    assert!(
        bad == 0,
        "{bad} of {} cases differ from CPython (up to 3 shown per function):\n{}",
        cases.len(),
        failures.join("\n")
    );
    eprintln!("{} cases agree with CPython", cases.len());
}
