//! Checksums: `binascii.crc32` (the zlib CRC-32) and `binascii.crc_hqx`
//! (CRC-CCITT, polynomial 0x1021, as BinHex uses it), both continuing from a
//! running value.

/// `binascii.crc32(data, crc)`. A host passes `crc` reduced modulo 2**32, as
/// CPython reads it (`crc32(b'', -1) == 0xffffffff`).
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// `binascii.crc_hqx(data, crc)`. A host passes `crc` reduced modulo 2**16,
/// as CPython does.
pub fn crc_hqx(data: &[u8], crc: u16) -> u16 {
    let mut c = crc;
    for &b in data {
        c ^= u16::from(b) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
        }
    }
    c
}
