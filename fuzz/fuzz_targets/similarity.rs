//! `relate` and `stories` as users run them (matching keys less junk, the pair search,
//! the labels, the rewrite re-read, copies, average linkage with `min_link` and the names
//! rule) on any UTF-8
//! input cut into documents at U+001E, with copies and near copies of the first document
//! and publication days chosen by the first byte: no panic, pairs sorted and distinct with
//! `a < b` inside the corpus, scores finite in [0, 1] (story scores up to rounding), every
//! story label a document that labels itself, copies in one story, and the same result
//! twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::cancel::Cancel;
use newscorpus::similarity::anchors::{corpus_names, Anchors};
use newscorpus::similarity::relate::{relate_corpus, CorpusPairs, Thresholds};
use newscorpus::similarity::shingles::Shingle;
use newscorpus::similarity::stopwords::StopWords;
use newscorpus::similarity::{average_linkage_of_copies, key_unless_junk};

fn run(texts: &[Option<&str>], days: Option<&[i64]>, t: &Thresholds, all: bool) -> CorpusPairs {
    let keys: Vec<Option<String>> = texts
        .iter()
        .map(|x| x.and_then(|x| key_unless_junk(x, Some(3))))
        .collect();
    // Junk texts are left out as missing ones are (as the bindings do).
    let refs: Vec<Option<&str>> = texts
        .iter()
        .zip(&keys)
        .map(|(x, k)| k.as_ref().and(*x))
        .collect();
    relate_corpus(
        &refs,
        keys,
        Shingle::Words(3),
        days,
        &StopWords::ByLanguage,
        t,
        all,
        Cancel::never(),
    )
}

fuzz_target!(|data: &[u8]| {
    let Some((&ctl, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut docs: Vec<String> = text.split('\u{1e}').take(24).map(str::to_string).collect();
    if ctl & 1 != 0 {
        docs.push(docs[0].clone());
    }
    if ctl & 2 != 0 {
        docs.push(format!("{} And one more sentence at its end.", docs[0]));
    }
    if ctl & 4 != 0 {
        // A retelling: the first document's words reversed in halves.
        let words: Vec<&str> = docs[0].split_whitespace().collect();
        let (x, y) = words.split_at(words.len() / 2);
        docs.push(format!("{} {}", y.join(" "), x.join(" ")));
    }
    let texts: Vec<Option<&str>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (ctl & 8 == 0 || i % 5 != 3).then_some(d.as_str()))
        .collect();
    let n = texts.len();
    let days: Vec<i64> = (0..n as i64)
        .map(|i| (i * i64::from(ctl >> 4)) % 3)
        .collect();
    let days = (ctl & 16 != 0).then_some(days.as_slice());
    let all = ctl & 32 != 0;
    let t = Thresholds {
        best: (ctl & 64 != 0).then_some(2),
        ..Thresholds::default()
    };
    let r = run(&texts, days, &t, all);
    assert_eq!(r.first.len(), n);
    for (d, &f) in r.first.iter().enumerate() {
        assert!(f as usize <= d && r.first[f as usize] == f, "{d} {f}");
    }
    for w in r.pairs.windows(2) {
        assert!((w[0].a, w[0].b) < (w[1].a, w[1].b), "{:?} {:?}", w[0], w[1]);
    }
    for p in &r.pairs {
        assert!(p.a < p.b && (p.b as usize) < n, "{p:?}");
        assert!(texts[p.a as usize].is_some() && texts[p.b as usize].is_some());
        assert!(
            p.cosine.is_finite() && (0.0..=1.0001).contains(&p.cosine),
            "{p:?}"
        );
        let s = p.story_score();
        assert!(s.is_finite() && (0.0..=1.0001).contains(&s), "{p:?}");
        assert!(all || p.relation.is_some(), "{p:?}");
    }
    let again = run(&texts, days, &t, all);
    assert_eq!(r.first, again.first);
    assert_eq!(r.pairs, again.pairs);
    // stories: pairs of later copies are left to the clustering (as `stories` does).
    let edges: Vec<(u32, u32, f32)> = r
        .pairs
        .iter()
        .filter(|p| r.first[p.b as usize] == p.b)
        .map(|p| (p.a, p.b, p.story_score() as f32))
        .collect();
    let rank: Vec<u32> = (0..n as u32).collect();
    let min_link = f32::from(ctl % 3) * 0.3;
    let names = corpus_names(&texts, Cancel::never());
    let anchors = Anchors {
        names: &names,
        share: f64::from(ctl % 5) * 0.25,
    };
    let rule = (ctl & 128 != 0).then_some(&anchors);
    let cluster = || {
        average_linkage_of_copies(
            &r.first,
            &edges,
            0.1,
            min_link,
            rule,
            &rank,
            Cancel::never(),
        )
    };
    let labels = cluster();
    assert_eq!(labels.len(), n);
    for (d, &l) in labels.iter().enumerate() {
        assert!((l as usize) < n && labels[l as usize] == l, "{d} {l}");
        assert_eq!(labels[r.first[d] as usize], l, "copies apart: {d}");
    }
    assert_eq!(labels, cluster());
});
