//! A fast non-cryptographic hash of the matcher's short key strings: the Fx algorithm
//! used inside rustc, then a finalizer. Its hashes only propose pairs, which the matcher
//! confirms by comparing the strings: a collision, chance or crafted, could only slow a
//! day-end, never change its result.

const K: u64 = 0xf135_7aea_2e62_a9c5;

#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = self.0.wrapping_add(w).wrapping_mul(K);
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    /// MurmurHash3's finalizer: Fx alone leaves the high bits poorly mixed (200k ids
    /// like "pay-0000123" shared 1,000 values of the high 32 bits, which the joins key on).
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The hash of a string.
pub(crate) fn fx_str(s: &str) -> u64 {
    let mut h = Fx::default();
    h.write(s.as_bytes());
    h.finish()
}

/// The hash of two strings as one key.
pub(crate) fn fx_pair(a: &str, b: &str) -> u64 {
    let mut h = Fx::default();
    h.write(a.as_bytes());
    // Separates ("ab", "c") from ("a", "bc").
    h.add(a.len() as u64);
    h.write(b.as_bytes());
    h.finish()
}

/// The hash of several strings and numbers as one key.
pub(crate) fn fx_parts(strs: &[&str], nums: &[i64]) -> u64 {
    let mut h = Fx::default();
    for s in strs {
        h.write(s.as_bytes());
        // Separates ("ab", "c") from ("a", "bc").
        h.add(s.len() as u64);
    }
    for &n in nums {
        h.add(n as u64);
    }
    h.finish()
}
