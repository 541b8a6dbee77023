//! Time the cosine similarity matrix's phases in the pure-Rust core (no Python involved).
//! `cargo run --release --example time_cosine -- FILE` (texts separated by U+001E) — a
//! profiling aid for the benchmark.

use newscorpus::similarity::exact::{cosine_matrix_symmetric, tfidf_cosine_matrix, Tfidf};
use newscorpus::similarity::term_corpus;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: time_cosine FILE");
    let data = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let texts: Vec<Option<&str>> = data.split('\u{1e}').map(Some).collect();
    for _ in 0..5 {
        let t = Instant::now();
        let ms = || t.elapsed().as_secs_f64() * 1e3;
        let terms = term_corpus(&texts, &newscorpus::similarity::stopwords::StopWords::Keep);
        let a = ms();
        let model = Tfidf::fit(&terms);
        let b = ms();
        let vecs = model.vectors(&terms);
        let c = ms();
        let m = cosine_matrix_symmetric(&vecs, newscorpus::cancel::Cancel::never());
        let d = ms();
        drop(m);
        let e = ms();
        let fused = tfidf_cosine_matrix(&terms, newscorpus::cancel::Cancel::never());
        let f = ms();
        drop(fused);
        println!(
            "terms {a:.1} ms, fit {:.1}, vectors {:.1}, matrix {:.1}, drop {:.1}; total {e:.1} ms; \
             tfidf_cosine_matrix {:.1} ms",
            b - a,
            c - b,
            d - c,
            e - d,
            f - e,
        );
    }
}
