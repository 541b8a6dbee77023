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
/// position of the first text is in at most one run: from the first word on, the longest
/// run of the first text starting there that the second text holds anywhere (its first
/// place in the second text), then the scan goes on after it.
///
/// Linear time: the longest match at every start of `a` comes from a suffix automaton of
/// the reversed `b`, read along the reversed `a` (matching statistics). Texts made of one
/// repeated word cost no more than any others.
pub fn shared_runs(a: &[u64], b: &[u64], min_words: usize) -> Vec<Run> {
    let n = min_words.max(1);
    if a.len() < n || b.len() < n {
        return Vec::new();
    }
    let reversed: Vec<u64> = b.iter().rev().copied().collect();
    let sam = SuffixAutomaton::of(&reversed);
    // longest[i]: the longest prefix of a[i..] found in b, and where (in b) it starts.
    let mut longest = vec![(0usize, 0usize); a.len()];
    let (mut state, mut len) = (0usize, 0usize);
    for (k, &word) in a.iter().rev().enumerate() {
        while state != 0 && !sam.next[state].contains_key(&word) {
            state = sam.link[state] as usize;
            len = sam.len[state] as usize;
        }
        match sam.next[state].get(&word) {
            Some(&to) => {
                state = to as usize;
                len += 1;
            }
            None => len = 0,
        }
        // The match ends, in the reversed b, at the state's last end position at the
        // latest: so it starts in b at the earliest.
        let i = a.len() - 1 - k;
        if len > 0 {
            longest[i] = (len, b.len() - 1 - sam.last_end[state] as usize);
        }
    }
    let mut runs = Vec::new();
    let mut i = 0;
    while i + n <= a.len() {
        let (len, j) = longest[i];
        if len >= n {
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

/// The suffix automaton of a word sequence: every substring is a path from state 0.
/// `last_end[s]` is the last position where the substrings of state `s` end.
struct SuffixAutomaton {
    next: Vec<AHashMap<u64, u32>>,
    link: Vec<u32>,
    len: Vec<u32>,
    last_end: Vec<u32>,
}

impl SuffixAutomaton {
    fn of(words: &[u64]) -> Self {
        let cap = 2 * words.len() + 1;
        let mut sam = SuffixAutomaton {
            next: Vec::with_capacity(cap),
            link: Vec::with_capacity(cap),
            len: Vec::with_capacity(cap),
            last_end: Vec::with_capacity(cap),
        };
        sam.push(AHashMap::new(), u32::MAX, 0, 0);
        let mut last = 0usize;
        for (pos, &w) in words.iter().enumerate() {
            let cur = sam.push(AHashMap::new(), 0, sam.len[last] + 1, pos as u32);
            let mut p = Some(last);
            while let Some(q) = p {
                if sam.next[q].contains_key(&w) {
                    break;
                }
                sam.next[q].insert(w, cur as u32);
                p = (q != 0).then(|| sam.link[q] as usize);
            }
            if let Some(p) = p {
                let q = sam.next[p][&w] as usize;
                if sam.len[p] + 1 == sam.len[q] {
                    sam.link[cur] = q as u32;
                } else {
                    let clone = sam.push(
                        sam.next[q].clone(),
                        sam.link[q],
                        sam.len[p] + 1,
                        sam.last_end[q],
                    );
                    let mut p = Some(p);
                    while let Some(x) = p {
                        if sam.next[x].get(&w) != Some(&(q as u32)) {
                            break;
                        }
                        sam.next[x].insert(w, clone as u32);
                        p = (x != 0).then(|| sam.link[x] as usize);
                    }
                    sam.link[q] = clone as u32;
                    sam.link[cur] = clone as u32;
                }
            }
            last = cur;
        }
        // A state's end positions are its own and those of the states linking to it:
        // carry the last one up the links, longest states first.
        let mut order: Vec<usize> = (1..sam.len.len()).collect();
        order.sort_unstable_by_key(|&s| std::cmp::Reverse(sam.len[s]));
        for s in order {
            let up = sam.link[s] as usize;
            sam.last_end[up] = sam.last_end[up].max(sam.last_end[s]);
        }
        sam
    }

    fn push(&mut self, next: AHashMap<u64, u32>, link: u32, len: u32, end: u32) -> usize {
        self.next.push(next);
        self.link.push(link);
        self.len.push(len);
        self.last_end.push(end);
        self.len.len() - 1
    }
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

    /// The definition: at each start, the longest common run over every place in `b`
    /// (the earliest on ties), then on after it.
    fn runs_by_definition(a: &[u64], b: &[u64], n: usize) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < a.len() {
            let best = (0..b.len())
                .map(|j| {
                    let len = (0..a.len() - i)
                        .take_while(|&k| j + k < b.len() && a[i + k] == b[j + k])
                        .count();
                    (len, std::cmp::Reverse(j))
                })
                .max();
            match best {
                Some((len, std::cmp::Reverse(j))) if len >= n.max(1) => {
                    runs.push(Run {
                        a: i,
                        b: j,
                        words: len,
                    });
                    i += len;
                }
                _ => i += 1,
            }
        }
        runs
    }

    #[test]
    fn runs_match_the_definition() {
        let mut state = 3u64;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % m
        };
        for round in 0..400 {
            let alphabet = 1 + round % 4;
            let a: Vec<u64> = (0..next(40)).map(|_| next(alphabet as u64)).collect();
            let b: Vec<u64> = (0..next(40)).map(|_| next(alphabet as u64)).collect();
            for n in 1..5 {
                let want = if a.len() < n || b.len() < n {
                    Vec::new()
                } else {
                    runs_by_definition(&a, &b, n)
                };
                assert_eq!(shared_runs(&a, &b, n), want, "{a:?} {b:?} {n}");
            }
        }
    }

    #[test]
    fn one_repeated_word_is_linear() {
        let a = vec![7u64; 200_000];
        let started = std::time::Instant::now();
        let runs = shared_runs(&a, &a[..150_000], 5);
        assert_eq!(
            runs[0],
            Run {
                a: 0,
                b: 0,
                words: 150_000
            }
        );
        assert_eq!(
            runs[1],
            Run {
                a: 150_000,
                b: 0,
                words: 50_000
            }
        );
        assert!(started.elapsed().as_secs_f64() < 5.0);
    }
}
