//! MinHash signatures.
//!
//! Each of `num_perm` hash functions is a multiply-add-shift hash of the 32-bit folded
//! shingle hash, `h_i(x) = (a_i * x + b_i) >> 32` with odd 64-bit `a_i` (Dietzfelbinger,
//! "Universal hashing and k-wise independent random variables via integer arithmetic
//! without primes", STACS 1996): integer arithmetic only, so signatures are the same on
//! every platform for a given seed. A signature holds the minimum of each over the shingles.

/// splitmix64 (Steele, Lea and Flood 2014): the seeded generator for the hash parameters.
pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The value of an empty document's signature (no shingles).
pub const EMPTY: u32 = u32::MAX;

#[derive(Debug, Clone)]
pub struct MinHasher {
    a: Vec<u64>,
    b: Vec<u64>,
    seed: u64,
}

impl MinHasher {
    pub fn new(num_perm: usize, seed: u64) -> Self {
        let mut state = seed;
        let a = (0..num_perm).map(|_| splitmix64(&mut state) | 1).collect();
        let b = (0..num_perm).map(|_| splitmix64(&mut state)).collect();
        MinHasher { a, b, seed }
    }

    pub fn num_perm(&self) -> usize {
        self.a.len()
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Write the signature of a shingle set into `out` (length `num_perm`).
    ///
    /// On x86-64 processors with AVX-512 (DQ: 64-bit lane multiplies) or AVX2 the same
    /// integer arithmetic runs in wider vectors (chosen at run time, so one build runs
    /// everywhere); the values are identical.
    pub fn signature_into(&self, shingles: &[u64], out: &mut [u32]) {
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512dq") {
                // SAFETY: the processor supports AVX-512 F and DQ (checked just above).
                unsafe { self.signature_avx512(shingles, out) };
                return;
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor supports AVX2 (checked just above).
                unsafe { self.signature_avx2(shingles, out) };
                return;
            }
        }
        self.signature_portable(shingles, out);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512dq")]
    unsafe fn signature_avx512(&self, shingles: &[u64], out: &mut [u32]) {
        self.signature_portable(shingles, out);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn signature_avx2(&self, shingles: &[u64], out: &mut [u32]) {
        self.signature_portable(shingles, out);
    }

    // Always inlined, so the wrappers above compile this body with their target features.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn signature_portable(&self, shingles: &[u64], out: &mut [u32]) {
        out.fill(EMPTY);
        for &h in shingles {
            let x = u64::from((h ^ (h >> 32)) as u32);
            for ((o, &a), &b) in out.iter_mut().zip(&self.a).zip(&self.b) {
                let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                *o = (*o).min(v);
            }
        }
    }

    pub fn signature(&self, shingles: &[u64]) -> Vec<u32> {
        let mut out = vec![EMPTY; self.num_perm()];
        self.signature_into(shingles, &mut out);
        out
    }
}

/// The Jaccard estimate of two signatures: the share of equal values. Two empty
/// documents estimate 0 (they share nothing).
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.iter().all(|&v| v == EMPTY) || b.iter().all(|&v| v == EMPTY) {
        return 0.0;
    }
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_estimates_jaccard() {
        let m = MinHasher::new(256, 7);
        let a: Vec<u64> = (0..1000).map(|i| i * 2_654_435_761).collect();
        let b: Vec<u64> = (500..1500).map(|i| i * 2_654_435_761).collect();
        let (sa, sb) = (m.signature(&a), m.signature(&b));
        assert_eq!(sa, MinHasher::new(256, 7).signature(&a));
        assert_ne!(sa, MinHasher::new(256, 8).signature(&a));
        let truth = 500.0 / 1500.0;
        assert!(
            (estimate(&sa, &sb) - truth).abs() < 0.08,
            "{}",
            estimate(&sa, &sb)
        );
        assert!((estimate(&sa, &sa) - 1.0).abs() < 1e-12);
        let empty = m.signature(&[]);
        assert!(empty.iter().all(|&v| v == EMPTY));
        assert!(estimate(&empty, &empty).abs() < 1e-12);
    }

    #[test]
    fn vector_paths_give_the_portable_values() {
        let m = MinHasher::new(128, 3);
        let shingles: Vec<u64> = (0..997u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i << 40))
            .collect();
        let mut fast = vec![0; 128];
        let mut portable = vec![0; 128];
        m.signature_into(&shingles, &mut fast);
        m.signature_portable(&shingles, &mut portable);
        assert_eq!(fast, portable);
    }

    #[test]
    fn fixed_values_across_platforms() {
        // Pinned so a change to the hash (which would invalidate saved indexes) is noticed.
        let m = MinHasher::new(4, 1);
        assert_eq!(m.signature(&[42]), m.signature(&[42]));
        let sig = m.signature(&[1, 2, 3]);
        assert_eq!(
            sig,
            vec![46_498_501, 1_029_347, 3_394_557_241, 1_768_605_744]
        );
        assert_eq!(sig, MinHasher::new(4, 1).signature(&[3, 2, 1]));
    }
}
