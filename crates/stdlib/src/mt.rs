//! The Mersenne Twister MT19937 exactly as CPython's `_random` module uses it
//! (Modules/_randommodule.c): `init_genrand`, `init_by_array`, `genrand_uint32`, the 53-bit
//! `random()` and `getrandbits`.

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

#[derive(Clone, Debug)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    /// `init_genrand(s)`.
    pub fn new(seed: u32) -> Mt19937 {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            state[i] = 1_812_433_253u32
                .wrapping_mul(state[i - 1] ^ (state[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, index: N }
    }

    /// `init_by_array(key)`: what `random.seed(n)` does with the 32-bit words of `abs(n)`.
    pub fn from_key(key: &[u32]) -> Mt19937 {
        let mut mt = Mt19937::new(19_650_218);
        let mt_ = &mut mt.state;
        let key_length = key.len().max(1);
        let key_at = |j: usize| key.get(j).copied().unwrap_or(0);
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key_length) {
            mt_[i] = (mt_[i] ^ (mt_[i - 1] ^ (mt_[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key_at(j))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt_[0] = mt_[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt_[i] = (mt_[i] ^ (mt_[i - 1] ^ (mt_[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt_[0] = mt_[N - 1];
                i = 1;
            }
        }
        mt_[0] = 0x8000_0000;
        mt
    }

    /// The key `random.seed(n)` passes to `init_by_array` for a (64-bit) int: the 32-bit words
    /// of `abs(n)`, least significant first, at least one word.
    pub fn key_for_int(n: i64) -> Vec<u32> {
        let a = n.unsigned_abs();
        if a >> 32 == 0 {
            vec![a as u32]
        } else {
            vec![a as u32, (a >> 32) as u32]
        }
    }

    fn generate(&mut self) {
        let mag01 = [0u32, MATRIX_A];
        let mt = &mut self.state;
        let mut kk = 0;
        while kk < N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            kk += 1;
        }
        while kk < N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            kk += 1;
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
        self.index = 0;
    }

    /// `genrand_uint32()`
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`: a float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for 0 <= k <= 64 (larger k: [`Mt19937::getrandbits_words`]).
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        // Words least significant first; the last (most significant) word keeps its top bits.
        let low = self.next_u32() as u64;
        let high = (self.next_u32() >> (64 - k)) as u64;
        low | (high << 32)
    }

    /// `getrandbits(k)` for any k > 32, as CPython builds it: 32-bit words, least significant
    /// first, the last word shifted down to the bits that remain.
    pub fn getrandbits_words(&mut self, k: u64) -> Vec<u32> {
        let words = k.div_ceil(32);
        let mut out = Vec::with_capacity(words as usize);
        let mut left = k as i64;
        for _ in 0..words {
            let mut r = self.next_u32();
            left -= 32;
            if left < 0 {
                r >>= -left;
            }
            out.push(r);
        }
        out
    }

    /// `_randbelow_with_getrandbits(n)` for n >= 1.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        let mut r = self.getrandbits(k);
        while r >= n {
            r = self.getrandbits(k);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_random() {
        // python3: random.seed(42); [random.random() for _ in range(3)]
        let mut mt = Mt19937::from_key(&Mt19937::key_for_int(42));
        assert_eq!(mt.random(), 0.6394267984578837);
        assert_eq!(mt.random(), 0.025010755222666936);
        assert_eq!(mt.random(), 0.27502931836911926);
    }
}
