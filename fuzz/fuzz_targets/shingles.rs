//! Any key: terms are the maximal runs of letters and digits (the char definition), with
//! runs of an unspaced script as character bigrams; term hashes are those of the terms,
//! shingle sets are sorted and distinct, any n works; each stem is a non-empty part of its
//! term (at most six characters when cut), and its hash sits beside the term's. A key
//! without its quotations is no longer, and is left as it is when it holds no quotation
//! mark.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::similarity::relate::without_quotations;
use newscorpus::similarity::shingles::{
    reference_terms, shingle_set, stem, word_and_stem_hashes, word_hash, word_hashes, words,
    Shingle,
};

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let key = String::from_utf8_lossy(rest);
    let got: Vec<&str> = words(&key).collect();
    let want = reference_terms(&key);
    assert_eq!(got, want);
    let hashes: Vec<u64> = got.iter().map(|w| word_hash(w)).collect();
    assert_eq!(word_hashes(&key), hashes);
    let (words_again, stems) = word_and_stem_hashes(&key);
    assert_eq!(words_again, hashes);
    for (w, s) in got.iter().zip(&stems) {
        let cut = stem(w);
        assert!(!cut.is_empty() && w.contains(cut), "{w:?} {cut:?}");
        assert!(cut == *w || cut.chars().count() <= 6, "{w:?} {cut:?}");
        assert_eq!(word_hash(cut), *s);
    }
    for kind in [
        Shingle::Words(usize::from(n % 8)),
        Shingle::Chars(usize::from(n % 16)),
    ] {
        let set = shingle_set(&key, kind);
        assert!(set.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(set.is_empty(), got.is_empty());
    }
    let unquoted = without_quotations(&key);
    assert!(unquoted.len() <= key.len());
    if !key.contains(['"', '«', '「', '『']) {
        assert_eq!(unquoted, key);
    }
});
