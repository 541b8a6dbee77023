//! Any key: terms are the maximal runs of letters and digits (the char definition), with
//! runs of an unspaced script as character bigrams; term hashes are those of the terms,
//! shingle sets are sorted and distinct, any n works.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newscorpus::similarity::shingles::{
    shingle_set, unspaced, word_hash, word_hashes, words, Shingle,
};

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let key = String::from_utf8_lossy(rest);
    let got: Vec<&str> = words(&key).collect();
    let mut want: Vec<String> = Vec::new();
    for w in key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let chars: Vec<char> = w.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let kind = unspaced(chars[i]);
            let mut j = i + 1;
            while j < chars.len() && unspaced(chars[j]) == kind {
                j += 1;
            }
            if !kind || j - i == 1 {
                want.push(chars[i..j].iter().collect());
            } else {
                want.extend(chars[i..j].windows(2).map(|p| p.iter().collect::<String>()));
            }
            i = j;
        }
    }
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
