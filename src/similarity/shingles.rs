//! Shingles: the word or character n-grams of a document's matching key, as 64-bit hashes.

use xxhash_rust::xxh3::xxh3_64;

/// What a shingle is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shingle {
    /// `n` consecutive words (letters and digits; punctuation separates words).
    Words(usize),
    /// `n` consecutive characters of the words joined by single spaces.
    Chars(usize),
}

/// The words of a matching key: runs of letters and digits (ASCII bytes are tested
/// directly, other characters decoded).
pub fn words(key: &str) -> impl Iterator<Item = &str> {
    let bytes = key.as_bytes();
    // Whether the character at `i` is a letter or digit, and its length in bytes.
    let at = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = key[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (word, len) = at(i);
            if word {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            let (word, len) = at(i);
            if !word {
                break;
            }
            i += len;
        }
        Some(&key[start..i])
    })
}

/// Combine word hashes into an n-gram hash (order-sensitive).
#[inline]
fn combine(acc: u64, word: u64) -> u64 {
    (acc.rotate_left(23) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The distinct shingle hashes of `key`, sorted. A document with fewer than `n` words (or
/// characters) still gets one shingle, of all it has; an empty one gets none.
pub fn shingle_set(key: &str, kind: Shingle) -> Vec<u64> {
    let mut out = shingle_hashes(key, kind);
    out.sort_unstable();
    out.dedup();
    out
}

/// The shingle hashes of `key` in text order, repeats kept: all MinHash needs (the minimum
/// over a set is the minimum over any list of its members).
pub fn shingle_hashes(key: &str, kind: Shingle) -> Vec<u64> {
    match kind {
        Shingle::Words(n) => {
            let hashes: Vec<u64> = words(key).map(|w| xxh3_64(w.as_bytes())).collect();
            if hashes.is_empty() {
                return Vec::new();
            }
            let n = n.max(1).min(hashes.len());
            hashes
                .windows(n)
                .map(|w| w.iter().fold(n as u64, |acc, &h| combine(acc, h)))
                .collect::<Vec<u64>>()
        }
        Shingle::Chars(n) => {
            let joined: Vec<&str> = words(key).collect();
            let joined = joined.join(" ");
            if joined.is_empty() {
                return Vec::new();
            }
            let starts: Vec<usize> = joined
                .char_indices()
                .map(|(i, _)| i)
                .chain([joined.len()])
                .collect();
            let chars = starts.len() - 1;
            let n = n.max(1).min(chars);
            (0..=chars - n)
                .map(|i| xxh3_64(&joined.as_bytes()[starts[i]..starts[i + n]]))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shingles() {
        let a = shingle_set("the cat sat on the mat", Shingle::Words(3));
        assert_eq!(a.len(), 4);
        // Punctuation and spacing do not matter; order does.
        assert_eq!(
            a,
            shingle_set("the cat, sat  on the mat.", Shingle::Words(3))
        );
        assert_ne!(a, shingle_set("mat the on sat cat the", Shingle::Words(3)));
        // Short documents still get a shingle.
        assert_eq!(shingle_set("two words", Shingle::Words(5)).len(), 1);
        assert!(shingle_set("  ... ", Shingle::Words(3)).is_empty());
        // Stable across runs and platforms: a fixed value.
        assert_eq!(
            shingle_set("a", Shingle::Words(1)),
            shingle_set("a", Shingle::Words(3))
        );
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let got: Vec<&str> = words("  déjà-vu, 3.5 km; ü ... x").collect();
        assert_eq!(got, vec!["déjà", "vu", "3", "5", "km", "ü", "x"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ,;").count(), 0);
        let mut hashes = shingle_hashes("a b a b a b", Shingle::Words(2));
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes, shingle_set("a b a b a b", Shingle::Words(2)));
    }

    #[test]
    fn char_shingles() {
        assert_eq!(shingle_set("abcd", Shingle::Chars(2)).len(), 3);
        assert_eq!(shingle_set("ab", Shingle::Chars(5)).len(), 1);
        assert_eq!(
            shingle_set("ab, cd", Shingle::Chars(3)),
            shingle_set("ab cd", Shingle::Chars(3))
        );
        assert_eq!(shingle_set("ééé", Shingle::Chars(2)).len(), 1);
    }
}
