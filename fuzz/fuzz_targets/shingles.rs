//! Any key: terms are the maximal runs of letters and digits (the char definition), with
//! runs of an unspaced script as character bigrams; term hashes are those of the terms,
//! shingle sets are sorted and distinct, any n works.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::similarity::shingles::{
    reference_terms, shingle_set, word_hash, word_hashes, words, Shingle,
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
    for kind in [
        Shingle::Words(usize::from(n % 8)),
        Shingle::Chars(usize::from(n % 16)),
    ] {
        let set = shingle_set(&key, kind);
        assert!(set.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(set.is_empty(), got.is_empty());
    }
});
