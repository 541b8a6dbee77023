//! Shared passages: the runs of words two texts have in common, with spans in the originals.

use crate::normalize::{normalize, Options};
use ahash::AHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// The words of a text's matching key: their hashes and their spans (character offsets)
/// in the *original* text.
pub fn words_with_spans(text: &str) -> (Vec<u64>, Vec<(u32, u32)>) {
    let opts = Options {
        offsets: true,
        ..Options::matching_key()
    };
    let key = normalize(text, &opts);
    let chars: Vec<char> = key.text.chars().collect();
    let (mut hashes, mut spans) = (Vec::new(), Vec::new());
    let mut i = 0;
    let mut word = String::new();
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        word.clear();
        while i < chars.len() && chars[i].is_alphanumeric() {
            word.push(chars[i]);
            i += 1;
        }
        hashes.push(xxh3_64(word.as_bytes()));
        spans.push((key.start[start], key.end[i - 1]));
    }
    (hashes, spans)
}

/// A run of `words` words starting at word `a` of the first text and word `b` of the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub a: usize,
    pub b: usize,
    pub words: usize,
}

/// Maximal common runs of at least `min_words` words, in order of the first text. Each
/// position of the first text is in at most one run (the longest found there).
pub fn shared_runs(a: &[u64], b: &[u64], min_words: usize) -> Vec<Run> {
    let n = min_words.max(1);
    if a.len() < n || b.len() < n {
        return Vec::new();
    }
    let gram = |w: &[u64]| {
        w.iter().fold(0u64, |acc, &h| {
            (acc.rotate_left(17) ^ h).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        })
    };
    let mut starts: AHashMap<u64, Vec<usize>> = AHashMap::new();
    for j in 0..=b.len() - n {
        starts.entry(gram(&b[j..j + n])).or_default().push(j);
    }
    let mut runs = Vec::new();
    let mut i = 0;
    while i + n <= a.len() {
        let best = starts.get(&gram(&a[i..i + n])).and_then(|js| {
            js.iter()
                .filter(|&&j| a[i..i + n] == b[j..j + n])
                .map(|&j| {
                    let mut len = n;
                    while i + len < a.len() && j + len < b.len() && a[i + len] == b[j + len] {
                        len += 1;
                    }
                    (len, j)
                })
                .max_by_key(|&(len, j)| (len, std::cmp::Reverse(j)))
        });
        if let Some((len, j)) = best {
            runs.push(Run {
                a: i,
                b: j,
                words: len,
            });
            i += len;
        } else {
            i += 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_quote_both_carry() {
        let a = "Peskov told TASS that many different communications are emerging. Later he left.";
        let b = "In Moscow, the Kremlin said: “Many different communications are emerging,” Peskov said.";
        let (ha, sa) = words_with_spans(a);
        let (hb, sb) = words_with_spans(b);
        let runs = shared_runs(&ha, &hb, 4);
        assert_eq!(runs.len(), 1);
        let r = runs[0];
        assert_eq!(r.words, 5);
        let text = |t: &str, s: &[(u32, u32)], i: usize, n: usize| -> String {
            t.chars()
                .skip(s[i].0 as usize)
                .take((s[i + n - 1].1 - s[i].0) as usize)
                .collect()
        };
        assert_eq!(
            text(a, &sa, r.a, r.words),
            "many different communications are emerging"
        );
        assert_eq!(
            text(b, &sb, r.b, r.words),
            "Many different communications are emerging"
        );
        assert!(shared_runs(&ha, &hb, 6).is_empty());
        assert!(shared_runs(&[], &hb, 3).is_empty());
    }
}
