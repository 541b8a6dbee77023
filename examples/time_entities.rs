//! Time the entity pipeline's phases in the pure-Rust core (no Python involved).
//! `cargo run --release --example time_entities -- FILE` (texts separated by U+001E).

use newscorpus::entities::aliases::resolve;
use newscorpus::entities::extract::{case_stats, extract_doc, promote, ExtractOptions};
use newscorpus::entities::gazetteer;
use newscorpus::entities::model::Model;
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: time_entities FILE");
    let data = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let texts: Vec<Option<&str>> = data.split('\u{1e}').map(Some).collect();
    let model = Model::builtin();
    for _ in 0..3 {
        let t = Instant::now();
        let stats = case_stats(&texts);
        let a = t.elapsed();
        let t = Instant::now();
        let mut docs: Vec<_> = texts
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                extract_doc(
                    i as u32,
                    d.unwrap_or(""),
                    &stats,
                    model,
                    None,
                    ExtractOptions::default(),
                )
            })
            .collect();
        let b = t.elapsed();
        let t = Instant::now();
        promote(&mut docs);
        let c = t.elapsed();
        let t = Instant::now();
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let d = t.elapsed();
        println!(
            "stats {a:.2?}, extract {b:.2?}, promote {c:.2?}, resolve {d:.2?} ({} entities, {} mentions)",
            r.names.len(),
            docs.iter().map(Vec::len).sum::<usize>()
        );
    }
}
