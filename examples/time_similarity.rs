//! Time the near-duplicate pipeline's phases in the pure-Rust core (no Python involved), on
//! one thread: matching key, word splitting and hashing, shingles, signatures.
//! `cargo run --release --example time_similarity -- FILE [key]` (texts separated by U+001E;
//! `key`: the matching key only) — a profiling aid for the benchmark.

use newscorpus::normalize::{normalize, Options};
use newscorpus::similarity::minhash::MinHasher;
use newscorpus::similarity::shingles::{shingle_hashes, words, Shingle};
use std::time::Instant;
use xxhash_rust::xxh3::xxh3_64;

fn best<T>(label: &str, mb: f64, mut f: impl FnMut() -> T) -> T {
    let mut out = None;
    let mut secs = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        out = Some(f());
        secs = secs.min(t.elapsed().as_secs_f64());
    }
    println!("{label:<28} {:>7.1} ms {:>8.1} MB/s", secs * 1e3, mb / secs);
    out.expect("ran")
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: time_similarity FILE");
    let data = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let texts: Vec<&str> = data.split('\u{1e}').collect();
    let mb = data.len() as f64 / 1e6;
    let opts = Options::matching_key();
    let keys: Vec<String> = best("matching key", mb, || {
        texts.iter().map(|t| normalize(t, &opts).text).collect()
    });
    if std::env::args().nth(2).as_deref() == Some("key") {
        return;
    }
    let words_total: usize = best("words + xxh3", mb, || {
        keys.iter()
            .map(|k| {
                words(k)
                    .map(|w| xxh3_64(w.as_bytes()))
                    .fold(0, |a, h| a ^ h) as usize
                    & 1
            })
            .sum::<usize>()
    });
    let shingles: Vec<Vec<u64>> = best("word 3-gram hashes", mb, || {
        keys.iter()
            .map(|k| shingle_hashes(k, Shingle::Words(3)))
            .collect()
    });
    let hasher = MinHasher::new(128, 1);
    let mut row = vec![0u32; 128];
    let check: u64 = best("signatures (128)", mb, || {
        shingles
            .iter()
            .map(|s| {
                hasher.signature_into(s, &mut row);
                u64::from(row[0])
            })
            .sum()
    });
    let n: usize = shingles.iter().map(Vec::len).sum();
    println!(
        "{} texts, {n} shingles ({words_total} {check})",
        texts.len()
    );
}
