//! Time the pure-Rust normalizer on a file of texts separated by U+001E (no Python involved).
//! `cargo run --release --example time_core -- FILE` — a profiling aid for the benchmark.

use newscorpus::normalize::{normalize, Options};
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: time_core FILE");
    let data = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let texts: Vec<&str> = data.split('\u{1e}').collect();
    let opts = Options::default();
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        for _ in 0..3 {
            let start = Instant::now();
            let out: usize = pool.install(|| {
                texts
                    .par_iter()
                    .map(|t| normalize(t, &opts).text.len())
                    .sum()
            });
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{threads} thread(s): {secs:.3} s, {:.1} MB/s ({out} bytes out)",
                data.len() as f64 / secs / 1e6
            );
        }
    }
}
