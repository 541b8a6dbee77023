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

/// Whether each ASCII byte is a letter or digit (bytes from 0x80 up are decided by the
/// character they start).
const fn ascii_word_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
}
static ASCII_WORD: [bool; 256] = ascii_word_table();

/// One bit a byte of `key`, set for the bytes of letters and digits, 64 bytes a word.
///
/// ASCII bytes are classified without branches; a key with other characters (most keys are
/// ASCII: the matching key strips accents) has those decoded and classified afterwards.
fn word_bits(key: &str, bits: &mut Vec<u64>) {
    let bytes = key.as_bytes();
    bits.clear();
    bits.extend(bytes.chunks(64).map(|chunk| {
        chunk.iter().enumerate().fold(0u64, |acc, (i, &b)| {
            acc | (u64::from(ASCII_WORD[b as usize]) << i)
        })
    }));
    if !key.is_ascii() {
        for (i, c) in key.char_indices() {
            if !c.is_ascii() && c.is_alphanumeric() {
                for k in i..i + c.len_utf8() {
                    bits[k / 64] |= 1 << (k % 64);
                }
            }
        }
    }
}

/// The first position from `i` whose bit equals `set`, or `len` (bits past the end are 0).
#[inline]
fn next_bit(bits: &[u64], mut i: usize, set: bool, len: usize) -> usize {
    while i < len {
        let w = if set { bits[i / 64] } else { !bits[i / 64] } >> (i % 64);
        if w != 0 {
            return (i + w.trailing_zeros() as usize).min(len);
        }
        i = (i / 64 + 1) * 64;
    }
    len
}

/// Calls `f` with the byte range of each word of `key`, in order, using `bits` as scratch.
fn for_each_word(key: &str, bits: &mut Vec<u64>, mut f: impl FnMut(usize, usize)) {
    word_bits(key, bits);
    let len = key.len();
    let mut i = 0;
    loop {
        let start = next_bit(bits, i, true, len);
        if start >= len {
            return;
        }
        let end = next_bit(bits, start, false, len);
        f(start, end);
        i = end;
    }
}

/// Whether `c` belongs to a script written without spaces between words (Thai, Lao,
/// Myanmar, Khmer, Japanese kana, Chinese characters), whose runs of letters are sentences,
/// not words.
#[inline]
pub fn unspaced(c: char) -> bool {
    matches!(u32::from(c),
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF // Katakana extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x3134F) // CJK extensions B to G
}

/// Calls `f` with the byte range of each term of `key`, in order: its words, except that
/// a run of characters of an unspaced script ([`unspaced`]) gives its overlapping
/// character bigrams ("北京大学" gives "北京", "京大", "大学"; one such character alone is a
/// term), the usual way to compare Chinese, Japanese or Thai text without a dictionary.
fn for_each_term(key: &str, bits: &mut Vec<u64>, mut f: impl FnMut(usize, usize)) {
    if key.is_ascii() {
        return for_each_word(key, bits, f);
    }
    for_each_word(key, bits, |a, b| split_unspaced(&key[a..b], a, &mut f));
}

/// [`for_each_term`] for one word starting at byte `offset` of the key.
fn split_unspaced(word: &str, offset: usize, f: &mut impl FnMut(usize, usize)) {
    if word.is_ascii() || !word.chars().any(unspaced) {
        return f(offset, offset + word.len());
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let kind = unspaced(chars[i].1);
        let mut j = i + 1;
        while j < chars.len() && unspaced(chars[j].1) == kind {
            j += 1;
        }
        let end_of = |k: usize| chars.get(k).map_or(word.len(), |c| c.0);
        if !kind || j - i == 1 {
            f(offset + chars[i].0, offset + end_of(j));
        } else {
            for (k, &(start, _)) in chars.iter().enumerate().take(j - 1).skip(i) {
                f(offset + start, offset + end_of(k + 2));
            }
        }
        i = j;
    }
}

/// The terms of `key` by their definition, one character at a time (slow): the reference
/// that tests and the fuzz target hold [`words`] to.
pub fn reference_terms(key: &str) -> Vec<String> {
    let mut out = Vec::new();
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
                out.push(chars[i..j].iter().collect());
            } else {
                out.extend(chars[i..j].windows(2).map(|p| p.iter().collect()));
            }
            i = j;
        }
    }
    out
}

/// The terms of a matching key: runs of letters and digits, with runs of an unspaced
/// script split into character bigrams ([`for_each_term`]).
pub fn words(key: &str) -> impl Iterator<Item = &str> {
    let mut ranges = Vec::new();
    for_each_term(key, &mut Vec::new(), |a, b| ranges.push((a, b)));
    ranges.into_iter().map(move |(a, b)| &key[a..b])
}

/// The hash of one word (xxh3 of its UTF-8 bytes): the unit word shingles are built from.
#[inline]
pub fn word_hash(word: &str) -> u64 {
    xxh3_64(word.as_bytes())
}

/// The hash of each term of `key` ([`words`]), in order, repeats kept (the terms TF-IDF
/// counts and word shingles are built from).
pub fn word_hashes(key: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(key.len() / 6 + 1);
    SCRATCH.with_borrow_mut(|scratch| word_hashes_into(key, &mut scratch.bits, &mut out));
    out
}

/// The hashes (as [`word_hashes`]) of the words of `key` without a letter: numbers,
/// amounts, dates. A shared number is a coincidence, not a shared subject.
pub fn number_hashes(key: &str) -> Vec<u64> {
    let bytes = key.as_bytes();
    let mut out = Vec::new();
    SCRATCH.with_borrow_mut(|scratch| {
        for_each_term(key, &mut scratch.bits, |a, b| {
            if !key[a..b].chars().any(char::is_alphabetic) {
                out.push(xxh3_64(&bytes[a..b]));
            }
        });
    });
    out
}

/// The names and numbers of `text` as written (case tells a name, so before
/// normalization), each hashed in lower case: a word that starts with a capital letter
/// (the letters, digits, `_` and `-` after it; two characters at least), and a number of
/// two characters or more (ASCII digits, with `.` and `,` between them), neither right
/// after a letter or digit of a spaced script. Scripts without case (Chinese, Arabic) give their numbers and
/// whatever names they write in a cased script. What two articles in different languages
/// share: the people, places, bodies and figures they name.
pub fn name_hashes(text: &str) -> Vec<u64> {
    // A letter of a script written without spaces (Chinese, Japanese, Thai) is no part of
    // the word a name or number next to it is in ("WHO" and "2020" in "世卫组织WHO称2020年").
    let word = |c: char| (c.is_alphanumeric() && !unspaced(c)) || c == '_';
    let mut out = Vec::new();
    let mut lower = String::new();
    let mut chars = text.char_indices().peekable();
    let mut after_word = false;
    while let Some((start, c)) = chars.next() {
        if !after_word && c.is_uppercase() {
            let mut end = start + c.len_utf8();
            while let Some(&(k, d)) = chars.peek() {
                if !(word(d) || d == '-') {
                    break;
                }
                end = k + d.len_utf8();
                chars.next();
            }
            let name = &text[start..end];
            if name.chars().nth(1).is_some() {
                lower.clear();
                lower.extend(name.chars().flat_map(char::to_lowercase));
                out.push(xxh3_64(lower.as_bytes()));
            }
            after_word = false; // the next character is neither a word's nor `-`
            continue;
        }
        if !after_word && c.is_ascii_digit() {
            // Digits, `.` and `,`, up to the last digit (separators after it are read
            // too: they are no part of a name or number).
            let (mut end, mut last) = (start + 1, c);
            while let Some(&(k, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = k + 1;
                } else if d != '.' && d != ',' {
                    break;
                }
                last = d;
                chars.next();
            }
            if end - start > 1 {
                out.push(xxh3_64(&text.as_bytes()[start..end]));
            }
            after_word = word(last);
            continue;
        }
        after_word = word(c);
    }
    out
}

/// Append the hash of each word of `key` to `out`, in order (`bits` is scratch).
fn word_hashes_into(key: &str, bits: &mut Vec<u64>, out: &mut Vec<u64>) {
    let bytes = key.as_bytes();
    for_each_term(key, bits, |a, b| out.push(xxh3_64(&bytes[a..b])));
}

/// Characters a [`stem`] keeps of a longer word.
pub const STEM_CHARS: usize = 6;

/// Arabic prefixes a [`stem`] strips (the article and the particles joined to it, longest
/// first), and suffixes (feminine, plural, possessive endings).
const ARABIC_PREFIXES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
const ARABIC_SUFFIXES: [&str; 6] = ["ها", "ات", "ون", "ين", "ية", "ة"];

/// `word` without one of `affixes` at its start (`start`) or end, when at least two
/// characters remain.
fn strip_one<'a>(word: &'a str, affixes: &[&str], start: bool) -> &'a str {
    for a in affixes {
        let rest = if start {
            word.strip_prefix(a)
        } else {
            word.strip_suffix(a)
        };
        if let Some(rest) = rest.filter(|r| r.chars().nth(1).is_some()) {
            return rest;
        }
    }
    word
}

/// The stem of a term (as [`words`] gives them): what two texts about one subject share
/// when their words differ only by ending ("minister", "ministers", "ministerial";
/// "Regierung", "Regierungen"; "президент", "президента"): a word that starts with a letter
/// keeps its first [`STEM_CHARS`] characters, after an Arabic word loses one prefix (the
/// article "ال" and the particles joined to it) and one suffix. A truncation, not a
/// dictionary stemmer: language-independent, and measured on people's judgements of article
/// pairs in ten languages (`benchmarks/fit_story_score.py`). Numbers and the character
/// bigrams of unspaced scripts are kept whole.
pub fn stem(term: &str) -> &str {
    let Some(first) = term.chars().next().filter(|c| c.is_alphabetic()) else {
        return term;
    };
    let term = if ('\u{600}'..='\u{6FF}').contains(&first) {
        strip_one(
            strip_one(term, &ARABIC_PREFIXES, true),
            &ARABIC_SUFFIXES,
            false,
        )
    } else {
        term
    };
    if term.is_ascii() {
        return &term[..term.len().min(STEM_CHARS)];
    }
    match term.char_indices().nth(STEM_CHARS) {
        Some((end, _)) => &term[..end],
        None => term,
    }
}

/// The hash of each term of `key` ([`word_hashes`]) and of its [`stem`], in order.
pub fn word_and_stem_hashes(key: &str) -> (Vec<u64>, Vec<u64>) {
    let bytes = key.as_bytes();
    let mut words = Vec::with_capacity(key.len() / 6 + 1);
    let mut stems = Vec::with_capacity(key.len() / 6 + 1);
    SCRATCH.with_borrow_mut(|scratch| {
        for_each_term(key, &mut scratch.bits, |a, b| {
            let word = xxh3_64(&bytes[a..b]);
            let s = stem(&key[a..b]);
            words.push(word);
            stems.push(if s.len() == b - a {
                word
            } else {
                xxh3_64(s.as_bytes())
            });
        });
    });
    (words, stems)
}

/// Combine word hashes into an n-gram hash (order-sensitive).
#[inline]
fn combine(acc: u64, word: u64) -> u64 {
    (acc.rotate_left(23) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The word n-gram shingle hashes of a text's word hashes ([`word_hashes`]), in order: what
/// `shingle_hashes(key, Shingle::Words(n))` gives, for a caller that has the words already.
pub fn word_ngrams(hashes: &[u64], n: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(hashes.len());
    extend_word_ngrams(hashes, n, &mut out);
    out
}

fn extend_word_ngrams(hashes: &[u64], n: usize, out: &mut Vec<u64>) {
    if hashes.is_empty() {
        return;
    }
    let n = n.max(1).min(hashes.len());
    out.extend(
        hashes
            .windows(n)
            .map(|w| w.iter().fold(n as u64, |acc, &h| combine(acc, h))),
    );
}

/// The distinct shingle hashes of `key`, sorted. A document with fewer than `n` words (or
/// characters) still gets one shingle, of all it has; an empty one gets none.
pub fn shingle_set(key: &str, kind: Shingle) -> Vec<u64> {
    into_set(shingle_hashes(key, kind))
}

/// Shingle hashes in text order (as [`shingle_hashes`] gives them) as a set: sorted, distinct.
pub fn into_set(mut hashes: Vec<u64>) -> Vec<u64> {
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The shingle hashes of `key` in text order, repeats kept: all MinHash needs (the minimum
/// over a set is the minimum over any list of its members).
pub fn shingle_hashes(key: &str, kind: Shingle) -> Vec<u64> {
    let mut out = Vec::new();
    SCRATCH.with_borrow_mut(|scratch| shingle_hashes_into(key, kind, scratch, &mut out));
    out
}

thread_local! {
    /// Each thread's buffers for [`shingle_hashes`] and [`word_hashes`], reused from one
    /// document to the next.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Buffers reused from one document to the next by [`shingle_hashes_into`].
#[derive(Debug, Default)]
pub struct Scratch {
    bits: Vec<u64>,
    hashes: Vec<u64>,
}

/// [`shingle_hashes`] into `out` (cleared first), with buffers kept in `scratch`.
pub fn shingle_hashes_into(key: &str, kind: Shingle, scratch: &mut Scratch, out: &mut Vec<u64>) {
    out.clear();
    match kind {
        Shingle::Words(n) => {
            // About one word in six bytes of news text: most keys need no regrowth.
            out.reserve(key.len() / 6 + 1);
            let hashes = &mut scratch.hashes;
            hashes.clear();
            hashes.reserve(key.len() / 6 + 1);
            word_hashes_into(key, &mut scratch.bits, hashes);
            extend_word_ngrams(hashes, n, out);
        }
        Shingle::Chars(n) => {
            let mut joined = String::with_capacity(key.len());
            for_each_word(key, &mut scratch.bits, |a, b| {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(&key[a..b]);
            });
            if joined.is_empty() {
                return;
            }
            let starts: Vec<usize> = joined
                .char_indices()
                .map(|(i, _)| i)
                .chain([joined.len()])
                .collect();
            let chars = starts.len() - 1;
            let n = n.max(1).min(chars);
            out.extend(
                (0..=chars - n).map(|i| xxh3_64(&joined.as_bytes()[starts[i]..starts[i + n]])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_as_written() {
        let h = |w: &str| xxh3_64(w.as_bytes());
        let got = name_hashes(
            "Angela Merkel met McDonald's CEO in Paris-Nord on 12 May 2020: 3.5% of 1,200. \
             iPhone X, COVID-19, x2 4x 5,Bonn 7.",
        );
        let want: Vec<u64> = [
            "angela",
            "merkel",
            "mcdonald",
            "ceo",
            "paris-nord",
            "12",
            "may",
            "2020",
            "3.5",
            "1,200",
            "covid-19",
            "bonn",
        ]
        .iter()
        .map(|w| h(w))
        .collect();
        assert_eq!(got, want);
        // Cased scripts other than Latin; none in Chinese but the numbers and Latin names.
        assert_eq!(name_hashes("Путин и Шольц"), vec![h("путин"), h("шольц")]);
        assert_eq!(
            name_hashes("世卫组织WHO称2020年"),
            vec![h("who"), h("2020")]
        );
        assert!(name_hashes("").is_empty() && name_hashes("a B c").is_empty());
    }

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
        // Unspaced scripts give character bigrams, mixed runs split at the script change.
        let got: Vec<&str> = words("北京大学 abc中国x 日").collect();
        assert_eq!(got, vec!["北京", "京大", "大学", "abc", "中国", "x", "日"]);
        assert_eq!(words(" ,;").count(), 0);
        for key in ["", "a", "the kremlin said on monday", "北京大学 a"] {
            assert_eq!(
                word_ngrams(&word_hashes(key), 3),
                shingle_hashes(key, Shingle::Words(3))
            );
        }
        let mut hashes = shingle_hashes("a b a b a b", Shingle::Words(2));
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes, shingle_set("a b a b a b", Shingle::Words(2)));
    }

    #[test]
    fn stems_keep_six_characters_of_a_word_and_strip_arabic_affixes() {
        assert_eq!(stem("ministers"), "minist");
        assert_eq!(stem("minister"), stem("ministerial"));
        assert_eq!(stem("regierungen"), stem("regierung"));
        assert_eq!(stem("президента"), "презид");
        assert_eq!(stem("talks"), "talks");
        // The article and a joined particle, and a feminine ending, come off Arabic words.
        assert_eq!(stem("الحكومة"), stem("حكومة"));
        assert_eq!(stem("والحكومة"), stem("حكومة"));
        assert_eq!(stem("ال"), "ال");
        // Numbers and the bigrams of unspaced scripts are whole.
        assert_eq!(stem("20170314"), "20170314");
        assert_eq!(stem("北京"), "北京");
        assert_eq!(stem("x9"), "x9");
        let (words, stems) = word_and_stem_hashes("the ministers met 20170314 北京大学");
        assert_eq!(words, word_hashes("the ministers met 20170314 北京大学"));
        assert_eq!(stems.len(), words.len());
        assert_eq!(stems[1], word_hash("minist"));
        assert_eq!((stems[0], stems[3]), (words[0], words[3]));
    }

    #[test]
    fn word_bits_match_the_char_definition() {
        // Terms are maximal runs of `char::is_alphanumeric` (unspaced scripts as bigrams),
        // crossing 64-byte blocks, non-ASCII letters and non-letters, a word at the very end.
        let reference = reference_terms;
        let pieces = [
            "a",
            "bb",
            " ",
            "  ",
            "-",
            "é",
            "ß",
            "—",
            "€",
            "中文",
            "北京大学",
            "ไทย",
            "カタカナ",
            "٣",
            "x9",
            ".",
            "\u{1F600}",
            "ǅ",
            "\u{300}",
            "_",
            "\u{a0}",
            "Ω",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        ];
        let mut state = 7u64;
        for len in 0..300 {
            let mut s = String::new();
            for _ in 0..len % 60 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            let got: Vec<String> = words(&s).map(str::to_string).collect();
            assert_eq!(got, reference(&s), "{s:?}");
            let hashes: Vec<u64> = got.iter().map(|w| word_hash(w)).collect();
            let mut direct = Vec::new();
            word_hashes_into(&s, &mut Vec::new(), &mut direct);
            assert_eq!(direct, hashes);
        }
    }

    #[test]
    fn pinned_shingle_values() {
        // Saved LSH indexes hold signatures of these hashes: a change must be deliberate.
        assert_eq!(
            shingle_hashes("the kremlin said", Shingle::Words(2)),
            vec![13_102_634_573_929_676_788, 13_146_501_229_057_582_232]
        );
        assert_eq!(
            shingle_hashes("the kremlin, said.", Shingle::Words(3)),
            vec![15_852_471_103_744_455_557]
        );
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
