//! The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998): the
//! generator, its two seeding procedures (one 32-bit word, and an array of
//! words), and the 53-bit float CPython's `random()` builds from two
//! outputs. Pure Rust, no Python: `random_type.rs` wraps it.

/// Words of state.
pub const N: usize = 624;
/// The middle distance of the recurrence.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: `N` words and the index of the next one to use
/// (`N` means "regenerate before the next output").
#[derive(Clone)]
pub struct Mt {
    pub state: [u32; N],
    pub index: usize,
}

impl Default for Mt {
    /// An all-zero state at index 0 (what a `Random` holds before it is
    /// seeded: it yields zeros until the state is regenerated).
    fn default() -> Self {
        Mt {
            state: [0; N],
            index: 0,
        }
    }
}

impl Mt {
    /// Fills the state from one 32-bit seed (Knuth's multiplier).
    pub fn seed_word(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Fills the state from an array of words, every word mixed in (the
    /// reference implementation's `init_by_array`). An empty key acts as
    /// the key `[0]`.
    pub fn seed_array(&mut self, key: &[u32]) {
        let zero = [0u32];
        let key = if key.is_empty() { &zero[..] } else { key };
        self.seed_word(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            let mixed = self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525);
            self.state[i] = mixed.wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            let mixed = self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941);
            self.state[i] = mixed.wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        // The top bit set: the state is never all zero.
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    /// Regenerates all `N` words.
    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for k in 0..N {
            let y = (self.state[k] & UPPER_MASK) | (self.state[(k + 1) % N] & LOWER_MASK);
            self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    /// The next 32-bit output.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index % N];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (27 from one output, 26 from
    /// the next), as CPython's `random()` makes it.
    #[inline]
    pub fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_outputs() {
        // The reference implementation's published first outputs for
        // init_by_array({0x123, 0x234, 0x345, 0x456}).
        let mut mt = Mt::default();
        mt.seed_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
        assert_eq!(
            first,
            [1067595299, 955945823, 477289528, 4107218783, 4228976476]
        );
    }

    #[test]
    fn unseeded_yields_zero() {
        let mut mt = Mt::default();
        assert_eq!(mt.next_f64(), 0.0);
    }
}
