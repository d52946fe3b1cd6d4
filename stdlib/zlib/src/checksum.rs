//! The two checksums of zlib streams: Adler-32 (the zlib wrapper) and
//! CRC-32 (the gzip wrapper), each continued from a running value as
//! `zlib.adler32(data, value)` and `zlib.crc32(data, value)` do.

/// Adler-32 of `data`, continuing from `start` (1 for a new checksum).
pub fn adler32(start: u32, data: &[u8]) -> u32 {
    let mut a = adler2::Adler32::from_checksum(start);
    a.write_slice(data);
    a.checksum()
}

/// CRC-32 of `data`, continuing from `start` (0 for a new checksum).
pub fn crc32(start: u32, data: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(start);
    h.update(data);
    h.finalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_and_continuation() {
        assert_eq!(adler32(1, b"hello"), 103547413);
        assert_eq!(adler32(0, b"hello"), 103219732);
        assert_eq!(crc32(0, b"hello"), 907060870);
        assert_eq!(crc32(crc32(0, b"hel"), b"lo"), 907060870);
        assert_eq!(adler32(adler32(1, b"hel"), b"lo"), 103547413);
    }
}
