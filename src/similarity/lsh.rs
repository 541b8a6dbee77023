//! Locality-sensitive hashing over MinHash signatures (banding), with a file format.

use super::minhash::{estimate, EMPTY};
use crate::error::Error;
use ahash::AHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// The keys of the bands of one signature, one a slot of `out` (`out.len()` bands of
/// `rows` values).
pub fn row_band_keys(signature: &[u32], rows: usize, out: &mut [u64]) {
    for (band, key) in out.iter_mut().enumerate() {
        *key = band_key(&signature[band * rows..(band + 1) * rows]);
    }
}

/// The band keys of each signature (rows of `num_perm` values): `bands` keys a row, and
/// whether the row is live (not empty: a text with no shingles has no bands, so it is a
/// candidate of nothing; its keys are 0). Rows of a corpus split across machines meet where
/// their keys are equal: `groups::candidates` on one machine pairs the same documents.
pub fn band_keys(
    signatures: &[u32],
    num_perm: usize,
    bands: usize,
    rows: usize,
) -> (Vec<u64>, Vec<bool>) {
    use rayon::prelude::*;
    let n = signatures.len().checked_div(num_perm).unwrap_or(0);
    let mut keys = vec![0u64; n * bands];
    let mut live = vec![false; n];
    if bands > 0 {
        keys.par_chunks_mut(bands)
            .zip(live.par_iter_mut())
            .zip(signatures.par_chunks_exact(num_perm))
            .for_each(|((out, alive), sig)| {
                *alive = sig.iter().any(|&v| v != EMPTY);
                if *alive {
                    row_band_keys(sig, rows, out);
                }
            });
    } else {
        for (alive, sig) in live
            .iter_mut()
            .zip(signatures.chunks_exact(num_perm.max(1)))
        {
            *alive = sig.iter().any(|&v| v != EMPTY);
        }
    }
    (keys, live)
}

/// The caller's bands and rows, checked: both at least 1 and their product (without
/// wrapping) at most `num_perm`.
pub fn given_bands_rows(num_perm: usize, bands: i64, rows: i64) -> Result<(usize, usize), Error> {
    if bands >= 1
        && rows >= 1
        && bands
            .checked_mul(rows)
            .is_some_and(|p| usize::try_from(p).is_ok_and(|p| p <= num_perm))
    {
        Ok((bands as usize, rows as usize))
    } else {
        Err(Error::Option(format!(
            "bands ({bands}) times rows ({rows}) must be between 1 and num_perm ({num_perm})"
        )))
    }
}

/// Bands and rows for an index at `threshold`: the caller's (both or neither; their product
/// at most `num_perm`, checked without wrapping) or, when neither is given, the recall rule
/// (`recall`) or datasketch's balanced rule.
pub fn bands_rows(
    threshold: f64,
    num_perm: usize,
    bands: Option<i64>,
    rows: Option<i64>,
    recall: bool,
) -> Result<(usize, usize), Error> {
    match (bands, rows) {
        (None, None) => Ok(if recall {
            recall_params(threshold, num_perm, 0.995)
        } else {
            optimal_params(threshold, num_perm, 0.5, 0.5)
        }),
        // (checked_mul there: 2**32 bands of 2**32 rows must not wrap to a small product.)
        (Some(b), Some(r)) => given_bands_rows(num_perm, b, r),
        _ => Err(Error::Option("give both bands and rows, or neither".into())),
    }
}

/// The bucket key of one band of a signature: xxh3 of its values as little-endian bytes
/// (the same on every platform, so saved indexes load anywhere).
#[inline]
pub fn band_key(values: &[u32]) -> u64 {
    const STACK: usize = 32;
    let mut stack = [0u8; STACK * 4];
    let mut heap = Vec::new();
    let bytes: &mut [u8] = if values.len() <= STACK {
        &mut stack[..values.len() * 4]
    } else {
        heap.resize(values.len() * 4, 0);
        &mut heap
    };
    for (chunk, v) in bytes.chunks_exact_mut(4).zip(values) {
        chunk.copy_from_slice(&v.to_le_bytes());
    }
    xxh3_64(bytes)
}

/// Simpson's rule on `f` over `[a, b]` (the integrals below are smooth polynomials in s).
fn integrate(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const STEPS: usize = 200;
    let h = (b - a) / STEPS as f64;
    let mut sum = f(a) + f(b);
    for i in 1..STEPS {
        let x = a + h * i as f64;
        sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(x);
    }
    sum * h / 3.0
}

/// Probability mass of pairs below `threshold` that become candidates with `b` bands of
/// `r` rows (false positives), and of pairs above it that do not (false negatives).
pub fn error_rates(threshold: f64, b: usize, r: usize) -> (f64, f64) {
    let (bf, rf) = (b as f64, r as i32);
    let fp = integrate(|s| 1.0 - (1.0 - s.powi(rf)).powf(bf), 0.0, threshold);
    let fneg = integrate(|s| (1.0 - s.powi(rf)).powf(bf), threshold, 1.0);
    (fp, fneg)
}

/// Bands and rows for `threshold`: the pair minimising the weighted sum of false-positive and
/// false-negative probability, as datasketch's `MinHashLSH` chooses them.
pub fn optimal_params(
    threshold: f64,
    num_perm: usize,
    fp_weight: f64,
    fn_weight: f64,
) -> (usize, usize) {
    let mut best = (f64::INFINITY, (1, num_perm));
    for b in 1..=num_perm {
        for r in 1..=num_perm / b {
            let (fp, fneg) = error_rates(threshold, b, r);
            let err = fp * fp_weight + fneg * fn_weight;
            if err < best.0 {
                best = (err, (b, r));
            }
        }
    }
    best.1
}

/// Probability that a pair of Jaccard `s` shares at least one of `b` bands of `r` rows.
pub fn candidate_probability(s: f64, b: usize, r: usize) -> f64 {
    1.0 - (1.0 - s.powi(r as i32)).powi(b as i32)
}

/// Bands and rows for recall when candidates are verified exactly: the most rows a band
/// (fewest false positives) such that a pair exactly at `threshold` is a candidate with
/// probability at least `min_recall`; pairs above it are candidates still more surely.
pub fn recall_params(threshold: f64, num_perm: usize, min_recall: f64) -> (usize, usize) {
    for r in (1..=num_perm).rev() {
        let b = num_perm / r;
        if candidate_probability(threshold, b, r) >= min_recall {
            return (b, r);
        }
    }
    (num_perm, 1)
}

/// A key the index stores for an item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Int(i64),
    Str(String),
}

/// A key as a message shows it: `0`, `'k'` (as Python writes them).
impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Int(k) => write!(f, "{k}"),
            Key::Str(k) => write!(f, "'{k}'"),
        }
    }
}

/// A banded LSH index of MinHash signatures.
#[derive(Debug, Clone)]
pub struct LshIndex {
    num_perm: usize,
    bands: usize,
    rows: usize,
    threshold: f64,
    seed: u64,
    /// How signatures were made (the Python layer stores e.g. "word:3"), kept in the file.
    pub meta: String,
    keys: Vec<Option<Key>>,
    signatures: Vec<u32>,
    slot_of: AHashMap<Key, u32>,
    tables: Vec<AHashMap<u64, Vec<u32>>>,
}

const MAGIC: &[u8; 8] = b"NCLSHIDX";
const VERSION: u32 = 1;

impl LshIndex {
    /// An empty index. `bands * rows` must not exceed `num_perm`.
    pub fn new(
        num_perm: usize,
        bands: usize,
        rows: usize,
        threshold: f64,
        seed: u64,
    ) -> Result<Self, Error> {
        if num_perm == 0 {
            return Err(Error::Option("num_perm must be at least 1".into()));
        }
        // Checked: parameters come from index files too, where a huge pair could wrap
        // around to a small product (found by fuzzing; it then tried to allocate 2^48 tables).
        if bands == 0 || rows == 0 || bands.checked_mul(rows).is_none_or(|p| p > num_perm) {
            return Err(Error::Option(format!(
                "bands ({bands}) times rows ({rows}) must be between 1 and num_perm ({num_perm})"
            )));
        }
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(Error::Option(format!(
                "threshold must be in (0, 1], got {threshold}"
            )));
        }
        // The seed is a Python int option of 0 to 2^63 - 1 (it crosses as an i64).
        if i64::try_from(seed).is_err() {
            return Err(Error::Option(format!(
                "seed must be from 0 to 2^63 - 1, got {seed}"
            )));
        }
        Ok(LshIndex {
            num_perm,
            bands,
            rows,
            threshold,
            seed,
            // The default shingling; the Python layer sets its own.
            meta: "word:3".into(),
            keys: Vec::new(),
            signatures: Vec::new(),
            slot_of: AHashMap::new(),
            tables: (0..bands).map(|_| AHashMap::new()).collect(),
        })
    }

    pub fn params(&self) -> (usize, usize, usize, f64, u64) {
        (
            self.num_perm,
            self.bands,
            self.rows,
            self.threshold,
            self.seed,
        )
    }

    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.slot_of.contains_key(key)
    }

    fn band_keys<'a>(&'a self, sig: &'a [u32]) -> impl Iterator<Item = u64> + 'a {
        (0..self.bands).map(move |band| band_key(&sig[band * self.rows..(band + 1) * self.rows]))
    }

    fn signature(&self, slot: u32) -> &[u32] {
        let s = slot as usize * self.num_perm;
        &self.signatures[s..s + self.num_perm]
    }

    /// Add items. A key already present, or a signature of the wrong length, is an error
    /// (and nothing is added).
    pub fn insert(&mut self, items: &[(Key, Vec<u32>)]) -> Result<(), Error> {
        let mut seen = ahash::AHashSet::new();
        for (key, sig) in items {
            if sig.len() != self.num_perm {
                return Err(Error::Option(format!(
                    "a signature has {} values, the index takes {}",
                    sig.len(),
                    self.num_perm
                )));
            }
            if self.slot_of.contains_key(key) || !seen.insert(key) {
                return Err(Error::Option(format!("key {key} is already in the index")));
            }
        }
        for (key, sig) in items {
            let slot = self.keys.len() as u32;
            self.keys.push(Some(key.clone()));
            self.signatures.extend_from_slice(sig);
            self.slot_of.insert(key.clone(), slot);
            // Empty documents (no shingles) are stored but never bucketed: they match nothing.
            if sig.iter().all(|&v| v == EMPTY) {
                continue;
            }
            let band_keys: Vec<u64> = self.band_keys(sig).collect();
            for (table, bk) in self.tables.iter_mut().zip(band_keys) {
                table.entry(bk).or_default().push(slot);
            }
        }
        Ok(())
    }

    /// Remove an item; false when the key is not there.
    pub fn remove(&mut self, key: &Key) -> bool {
        let Some(slot) = self.slot_of.remove(key) else {
            return false;
        };
        let sig = self.signature(slot).to_vec();
        let band_keys: Vec<u64> = self.band_keys(&sig).collect();
        for (table, bk) in self.tables.iter_mut().zip(band_keys) {
            if let Some(bucket) = table.get_mut(&bk) {
                bucket.retain(|&s| s != slot);
                if bucket.is_empty() {
                    table.remove(&bk);
                }
            }
        }
        self.keys[slot as usize] = None;
        true
    }

    /// Items sharing a band with `sig`, with their estimated Jaccard, best first (ties by
    /// insertion order). `min_score` filters; `limit` keeps the top ones.
    pub fn query(
        &self,
        sig: &[u32],
        min_score: f64,
        limit: Option<usize>,
    ) -> Result<Vec<(Key, f64)>, Error> {
        if sig.len() != self.num_perm {
            return Err(Error::Option(format!(
                "the signature has {} values, the index takes {}",
                sig.len(),
                self.num_perm
            )));
        }
        let mut slots: Vec<u32> = Vec::new();
        for (table, bk) in self.tables.iter().zip(self.band_keys(sig)) {
            if let Some(bucket) = table.get(&bk) {
                slots.extend_from_slice(bucket);
            }
        }
        slots.sort_unstable();
        slots.dedup();
        let mut hits: Vec<(u32, f64)> = slots
            .into_iter()
            .filter(|&s| self.keys[s as usize].is_some())
            .map(|s| (s, estimate(sig, self.signature(s))))
            .filter(|&(_, score)| score >= min_score)
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if let Some(k) = limit {
            hits.truncate(k);
        }
        Ok(hits
            .into_iter()
            .map(|(s, score)| (self.keys[s as usize].clone().expect("live slot"), score))
            .collect())
    }

    /// The file form: magic, version, parameters, items, and an xxh3 checksum of it all.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.signatures.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        for v in [self.num_perm as u64, self.bands as u64, self.rows as u64] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.threshold.to_le_bytes());
        out.extend_from_slice(&self.seed.to_le_bytes());
        out.extend_from_slice(&(self.meta.len() as u64).to_le_bytes());
        out.extend_from_slice(self.meta.as_bytes());
        let live: Vec<u32> = (0..self.keys.len() as u32)
            .filter(|&s| self.keys[s as usize].is_some())
            .collect();
        out.extend_from_slice(&(live.len() as u64).to_le_bytes());
        for slot in live {
            match self.keys[slot as usize].as_ref().expect("live") {
                Key::Int(i) => {
                    out.push(0);
                    out.extend_from_slice(&i.to_le_bytes());
                }
                Key::Str(s) => {
                    out.push(1);
                    out.extend_from_slice(&(s.len() as u64).to_le_bytes());
                    out.extend_from_slice(s.as_bytes());
                }
            }
            for v in self.signature(slot) {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let checksum = xxh3_64(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Read the file form, checking magic, version, lengths and checksum.
    pub fn from_bytes(data: &[u8]) -> Result<Self, Error> {
        let bad = |m: &str| Error::IndexFile(m.to_string());
        if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
            return Err(bad(
                "not a newscorpus LSH index (the file does not start with its header)",
            ));
        }
        if data.len() < MAGIC.len() + 4 + 8 {
            return Err(bad("the index file is truncated"));
        }
        let (body, tail) = data.split_at(data.len() - 8);
        let stored = u64::from_le_bytes(tail.try_into().expect("8 bytes"));
        let version = u32::from_le_bytes(body[8..12].try_into().expect("4 bytes"));
        if version != VERSION {
            return Err(Error::IndexFile(format!(
                "index file version {version}; this newscorpus reads version {VERSION}"
            )));
        }
        if xxh3_64(body) != stored {
            return Err(bad(
                "the index file is corrupted or truncated (checksum mismatch)",
            ));
        }
        let mut pos = 12;
        let mut take = |n: usize| -> Result<&[u8], Error> {
            let s = body
                .get(pos..pos + n)
                .ok_or_else(|| Error::IndexFile("the index file is truncated".into()))?;
            pos += n;
            Ok(s)
        };
        let u64_at = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("8 bytes"));
        let num_perm = u64_at(take(8)?) as usize;
        let bands = u64_at(take(8)?) as usize;
        let rows = u64_at(take(8)?) as usize;
        let threshold = f64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
        let seed = u64_at(take(8)?);
        let meta_len = u64_at(take(8)?) as usize;
        let meta = std::str::from_utf8(take(meta_len)?)
            .map_err(|_| bad("the index file is corrupted (header is not UTF-8)"))?
            .to_string();
        let count = u64_at(take(8)?) as usize;
        if num_perm > 8192 {
            return Err(bad("the index file is corrupted (num_perm out of range)"));
        }
        // The shingling the index was made with: "word:N" or "char:N", N from 1 to 64.
        let shingling_ok = meta.split_once(':').is_some_and(|(kind, n)| {
            matches!(kind, "word" | "char") && n.parse::<u32>().is_ok_and(|n| (1..=64).contains(&n))
        });
        if !shingling_ok {
            return Err(bad(
                "the index file is corrupted (its shingling is not word:N or char:N)",
            ));
        }
        let mut index = LshIndex::new(num_perm, bands, rows, threshold, seed)
            .map_err(|e| Error::IndexFile(format!("the index file is corrupted: {e}")))?;
        let mut items = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let key = match take(1)?[0] {
                0 => Key::Int(i64::from_le_bytes(take(8)?.try_into().expect("8 bytes"))),
                1 => {
                    let len = u64_at(take(8)?) as usize;
                    let s = std::str::from_utf8(take(len)?)
                        .map_err(|_| bad("the index file is corrupted (a key is not UTF-8)"))?;
                    Key::Str(s.to_string())
                }
                _ => return Err(bad("the index file is corrupted (unknown key type)")),
            };
            let raw = take(num_perm * 4)?;
            let sig: Vec<u32> = raw
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect();
            items.push((key, sig));
        }
        index.meta = meta;
        index
            .insert(&items)
            .map_err(|e| Error::IndexFile(format!("the index file is corrupted: {e}")))?;
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::super::minhash::MinHasher;
    use super::*;

    #[test]
    fn params_match_datasketch() {
        // datasketch 2.0.0 `_optimal_param(t, 128, 0.5, 0.5)`, run in this project's
        // benchmark environment: 0.5 -> (25, 5), 0.8 -> (9, 13), 0.9 -> (5, 25).
        assert_eq!(optimal_params(0.5, 128, 0.5, 0.5), (25, 5));
        assert_eq!(optimal_params(0.8, 128, 0.5, 0.5), (9, 13));
        assert_eq!(optimal_params(0.9, 128, 0.5, 0.5), (5, 25));
    }

    #[test]
    fn insert_query_remove_and_file_roundtrip() {
        let m = MinHasher::new(128, 1);
        let base: Vec<u64> = (0..200).collect();
        let near: Vec<u64> = (0..190).chain(1000..1010).collect();
        let far: Vec<u64> = (5000..5200).collect();
        let (b, r) = optimal_params(0.8, 128, 0.5, 0.5);
        let mut idx = LshIndex::new(128, b, r, 0.8, 1).unwrap();
        idx.insert(&[
            (Key::Int(1), m.signature(&near)),
            (Key::Str("far".into()), m.signature(&far)),
            (Key::Int(3), m.signature(&[])),
        ])
        .unwrap();
        assert_eq!(idx.len(), 3);
        let hits = idx.query(&m.signature(&base), 0.0, None).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, Key::Int(1));
        assert!(idx.insert(&[(Key::Int(1), m.signature(&base))]).is_err());
        assert!(idx.query(&[1, 2, 3], 0.0, None).is_err());

        let bytes = idx.to_bytes();
        let back = LshIndex::from_bytes(&bytes).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(back.query(&m.signature(&base), 0.0, None).unwrap(), hits);
        // Truncated, corrupted, foreign.
        assert!(matches!(
            LshIndex::from_bytes(&bytes[..bytes.len() - 20]),
            Err(Error::IndexFile(_))
        ));
        let mut flipped = bytes.clone();
        flipped[100] ^= 1;
        assert!(
            matches!(LshIndex::from_bytes(&flipped), Err(Error::IndexFile(m)) if m.contains("checksum"))
        );
        assert!(
            matches!(LshIndex::from_bytes(b"PK\x03\x04 a zip file"), Err(Error::IndexFile(m)) if m.contains("not a newscorpus"))
        );
        assert!(LshIndex::from_bytes(b"").is_err());

        assert!(idx.remove(&Key::Int(1)));
        assert!(!idx.remove(&Key::Int(1)));
        assert!(idx
            .query(&m.signature(&base), 0.0, None)
            .unwrap()
            .is_empty());
        assert_eq!(idx.len(), 2);
    }

    #[test]
    fn recall_first_params() {
        assert_eq!(recall_params(0.8, 128, 0.995), (21, 6));
        for t in [0.5, 0.7, 0.8, 0.9, 0.95] {
            let (b, r) = recall_params(t, 128, 0.995);
            assert!(b * r <= 128);
            assert!(candidate_probability(t, b, r) >= 0.995);
        }
    }

    #[test]
    fn huge_bands_and_rows_from_a_file_are_an_error() {
        let mut bytes = LshIndex::new(8, 2, 4, 0.5, 1).expect("valid").to_bytes();
        bytes.truncate(bytes.len() - 8);
        // num_perm at 12..20, bands at 20..28, rows at 28..36: 2^48 x 2^16 wraps to 0.
        bytes[20..28].copy_from_slice(&(1u64 << 48).to_le_bytes());
        bytes[28..36].copy_from_slice(&(1u64 << 16).to_le_bytes());
        let checksum = xxh3_64(&bytes);
        bytes.extend_from_slice(&checksum.to_le_bytes());
        let Err(err) = LshIndex::from_bytes(&bytes) else {
            panic!("an error, not an index");
        };
        assert!(err.to_string().contains("bands"), "{err}");
    }

    /// `bytes` (an index file) with `edit` applied to its body and the checksum made again:
    /// a file that passes the checksum but holds nonsense.
    fn resealed(bytes: &[u8], edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut body = bytes[..bytes.len() - 8].to_vec();
        edit(&mut body);
        let checksum = xxh3_64(&body);
        body.extend_from_slice(&checksum.to_le_bytes());
        body
    }

    #[test]
    fn valid_checksum_nonsense_contents_are_refused_at_load() {
        let good = LshIndex::new(8, 2, 4, 0.5, 1).expect("valid").to_bytes();
        assert!(LshIndex::from_bytes(&good).is_ok());
        // threshold at 36..44, seed at 44..52, meta length at 52..60, meta after.
        let cases: Vec<(&str, Vec<u8>)> = vec![
            (
                "threshold",
                resealed(&good, |b| {
                    b[36..44].copy_from_slice(&f64::NAN.to_le_bytes());
                }),
            ),
            (
                "threshold",
                resealed(&good, |b| {
                    b[36..44].copy_from_slice(&(-0.5f64).to_le_bytes());
                }),
            ),
            (
                "threshold",
                resealed(&good, |b| b[36..44].copy_from_slice(&2.0f64.to_le_bytes())),
            ),
            (
                "seed",
                resealed(&good, |b| {
                    b[44..52].copy_from_slice(&(1u64 << 63).to_le_bytes());
                }),
            ),
            (
                "shingling",
                resealed(&good, |b| {
                    b.splice(52..66, 0u64.to_le_bytes());
                }),
            ),
            (
                "shingling",
                resealed(&good, |b| b[60..66].copy_from_slice(b"word:0")),
            ),
            (
                "shingling",
                resealed(&good, |b| b[60..66].copy_from_slice(b"byte:3")),
            ),
        ];
        for (what, bytes) in cases {
            let Err(err) = LshIndex::from_bytes(&bytes) else {
                panic!("{what}: an error, not an index");
            };
            assert!(matches!(err, Error::IndexFile(_)), "{what}: {err}");
            assert!(err.to_string().contains(what), "{what}: {err}");
        }
    }

    #[test]
    fn bad_params() {
        assert!(LshIndex::new(8, 2, 4, f64::NAN, 0).is_err());
        assert!(LshIndex::new(8, 2, 4, 0.0, 0).is_err());
        assert!(LshIndex::new(8, 2, 4, 0.5, 1 << 63).is_err());
        assert!(LshIndex::new(0, 1, 1, 0.5, 0).is_err());
        assert!(LshIndex::new(128, 20, 7, 0.5, 0).is_err());
        assert!(LshIndex::new(128, 0, 7, 0.5, 0).is_err());
    }
}
