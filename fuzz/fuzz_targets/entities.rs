//! Entity extraction and resolution on any UTF-8 input, cut into documents at U+001E:
//! no panic, every mention's span inside its document (character offsets, start < end),
//! every mention resolved to an entity of the table (or to none: `NOT_COUNTED`, a kind of
//! body alone), and the same result twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::entities::aliases::{resolve, NOT_COUNTED};
use newscorpus::entities::extract::{case_stats, extract, ExtractOptions};
use newscorpus::entities::gazetteer;
use newscorpus::entities::model::Model;

fn run(texts: &[Option<&str>]) -> (Vec<Vec<(u32, u32, String)>>, Vec<String>) {
    let stats = case_stats(texts);
    let docs = extract(
        texts,
        &stats,
        Model::builtin(),
        None,
        ExtractOptions::default(),
    );
    let r = resolve(&docs, gazetteer::builtin(), None, &[]);
    assert_eq!(r.entity_of.len(), docs.len());
    let mut out = Vec::with_capacity(docs.len());
    for (d, ms) in docs.iter().enumerate() {
        let chars = texts[d].unwrap_or("").chars().count() as u32;
        assert_eq!(r.entity_of[d].len(), ms.len());
        let mut rows = Vec::with_capacity(ms.len());
        for (m, &e) in ms.iter().zip(&r.entity_of[d]) {
            assert!(
                m.start < m.end && m.end <= chars,
                "span {}..{} of {chars}",
                m.start,
                m.end
            );
            if e == NOT_COUNTED {
                rows.push((m.start, m.end, String::new()));
                continue;
            }
            assert!((e as usize) < r.names.len());
            rows.push((m.start, m.end, r.names[e as usize].clone()));
        }
        out.push(rows);
    }
    (out, r.names)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let texts: Vec<Option<&str>> = text.split('\u{1e}').map(Some).collect();
    let first = run(&texts);
    assert_eq!(first, run(&texts), "not deterministic");
});
