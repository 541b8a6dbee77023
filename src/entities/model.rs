//! An averaged perceptron that types candidate names: not a name, PER, ORG, LOC or MISC.
//!
//! Features are hashed into a fixed table (the "hashing trick"), so the model is a flat
//! array of weights; averaging (Collins 2002; Daumé's lazy-update form) makes it robust.
//! It ships inside the package (`data/model.bin`, made by `examples/train_entities.rs` from
//! CoNLL-2003 `train.txt`), quantised to 16 bits, with its lexicons (see `detect::Lexicons`).

use super::detect::{Lexicon, Lexicons};
use crate::error::Error;
use std::sync::OnceLock;

/// Classes: 0 is "not a name", then `EntityType::class()`.
pub const CLASSES: usize = 5;
const MAGIC: &[u8; 8] = b"NCENT\x00\x01\x00";

#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    weights: Vec<f32>,
    pub lexicons: Lexicons,
}

impl Model {
    pub fn empty(bits: u32) -> Self {
        Model {
            bits,
            weights: vec![0.0; (1usize << bits) * CLASSES],
            lexicons: Lexicons::default(),
        }
    }

    #[inline]
    fn row(&self, feature: u64) -> usize {
        (feature as usize & ((1usize << self.bits) - 1)) * CLASSES
    }

    /// Class scores of a candidate.
    pub fn scores(&self, features: &[u64]) -> [f32; CLASSES] {
        let mut s = [0f32; CLASSES];
        for &f in features {
            let r = self.row(f);
            for (acc, w) in s.iter_mut().zip(&self.weights[r..r + CLASSES]) {
                *acc += w;
            }
        }
        s
    }

    /// The best class, and its margin over the runner-up.
    pub fn predict(&self, features: &[u64]) -> (usize, f32) {
        let s = self.scores(features);
        let mut best = 0;
        for c in 1..CLASSES {
            if s[c] > s[best] {
                best = c;
            }
        }
        let second = (0..CLASSES)
            .filter(|&c| c != best)
            .map(|c| s[c])
            .fold(f32::NEG_INFINITY, f32::max);
        (best, s[best] - second)
    }

    /// Train on `(features, class)` examples for `epochs` passes, in an order shuffled by
    /// `seed` (the same seed gives the same model).
    pub fn train(examples: &[(Vec<u64>, usize)], bits: u32, epochs: usize, seed: u64) -> Self {
        let mut model = Model::empty(bits);
        let size = model.weights.len();
        let mut totals = vec![0f64; size];
        let mut stamps = vec![0u64; size];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = seed | 1;
        let mut step: u64 = 0;
        for _ in 0..epochs {
            // Fisher-Yates with xorshift64*.
            for i in (1..order.len()).rev() {
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                let j = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &k in &order {
                step += 1;
                let (features, truth) = (&examples[k].0, examples[k].1);
                let (guess, _) = model.predict(features);
                if guess == truth {
                    continue;
                }
                for &f in features {
                    let r = model.row(f);
                    for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                        let i = r + class;
                        totals[i] += (step - stamps[i]) as f64 * f64::from(model.weights[i]);
                        stamps[i] = step;
                        model.weights[i] += delta;
                    }
                }
            }
        }
        for i in 0..size {
            totals[i] += (step - stamps[i]) as f64 * f64::from(model.weights[i]);
            model.weights[i] = (totals[i] / step.max(1) as f64) as f32;
        }
        model
    }

    /// The file form: magic, table bits, scale, the non-zero rows as (index, 5 x i16),
    /// the two lexicons, and an xxh3 checksum of everything before it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| {
                self.weights[r * CLASSES..(r + 1) * CLASSES]
                    .iter()
                    .any(|w| (w / scale).round() != 0.0)
            })
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for r in rows {
            out.extend_from_slice(&(r as u32).to_le_bytes());
            for w in &self.weights[r * CLASSES..(r + 1) * CLASSES] {
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
        for set in [&self.lexicons.lowercase, &self.lexicons.common] {
            let mut words: Vec<u64> = set.iter().copied().collect();
            words.sort_unstable();
            out.extend_from_slice(&(words.len() as u32).to_le_bytes());
            for h in words {
                out.extend_from_slice(&h.to_le_bytes());
            }
        }
        let sum = xxhash_rust::xxh3::xxh3_64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    pub fn from_bytes(data: &[u8]) -> Result<Self, Error> {
        let bad =
            |what: &str| Error::Internal(format!("not a valid newscorpus entity model: {what}"));
        if data.len() < MAGIC.len() + 24 || &data[..MAGIC.len()] != MAGIC {
            return Err(bad("wrong header"));
        }
        let (body, sum) = data.split_at(data.len() - 8);
        if xxhash_rust::xxh3::xxh3_64(body).to_le_bytes() != sum {
            return Err(bad("checksum mismatch"));
        }
        let mut at = MAGIC.len();
        let mut take = |n: usize| -> Result<&[u8], Error> {
            let s = body.get(at..at + n).ok_or_else(|| bad("truncated"))?;
            at += n;
            Ok(s)
        };
        let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or_default());
        let bits = u32_of(take(4)?);
        if !(8..=24).contains(&bits) {
            return Err(bad("table size"));
        }
        let scale = f32::from_le_bytes(take(4)?.try_into().unwrap_or_default());
        let mut model = Model::empty(bits);
        let rows = u32_of(take(4)?) as usize;
        for _ in 0..rows {
            let r = u32_of(take(4)?) as usize;
            if r >= 1 << bits {
                return Err(bad("row out of range"));
            }
            for c in 0..CLASSES {
                let q = i16::from_le_bytes(take(2)?.try_into().unwrap_or_default());
                model.weights[r * CLASSES + c] = f32::from(q) * scale;
            }
        }
        for set in [&mut model.lexicons.lowercase, &mut model.lexicons.common] {
            let words = u32_of(take(4)?) as usize;
            let mut read: Lexicon = Lexicon::with_capacity(words);
            for _ in 0..words {
                read.insert(u64::from_le_bytes(take(8)?.try_into().unwrap_or_default()));
            }
            *set = read;
        }
        Ok(model)
    }

    /// The model shipped with the package.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(include_bytes!("data/model.bin"))
                .expect("the shipped entity model loads")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_separable_classes_and_round_trips() {
        let examples: Vec<(Vec<u64>, usize)> = (0..200)
            .map(|i| (vec![1000 + (i % 5) as u64, 7], (i % 5) as usize))
            .collect();
        let model = Model::train(&examples, 10, 5, 42);
        for (f, c) in &examples {
            assert_eq!(model.predict(f).0, *c);
        }
        let mut with_lexicon = model.clone();
        with_lexicon.lexicons.lowercase.insert(99);
        with_lexicon.lexicons.common.insert(98);
        let bytes = with_lexicon.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert!(back.lexicons.lowercase.contains(&99) && back.lexicons.common.contains(&98));
        for (f, c) in &examples {
            assert_eq!(back.predict(f).0, *c);
        }
        // Same seed, same model.
        assert_eq!(
            Model::train(&examples, 10, 5, 42).to_bytes(),
            model.to_bytes()
        );
        // Damage is caught.
        let mut broken = bytes.clone();
        broken[20] ^= 1;
        assert!(Model::from_bytes(&broken).is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }
}
