//! Character-level passes: invisible and control characters, spaces, Unicode normalization,
//! punctuation folding, case, accents and ASCII transliteration.

use super::text::Text;
use unicode_normalization::char::{
    canonical_combining_class, decompose_canonical, decompose_compatible, is_combining_mark,
};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Unicode normalization form applied to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    None,
    Nfc,
    Nfkc,
}

/// Zero-width, bidi-control and other invisible format characters that scraped text carries
/// and readers never see: removed.
#[inline]
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                  // soft hyphen
            | '\u{034F}'            // combining grapheme joiner
            | '\u{061C}'            // Arabic letter mark
            | '\u{180E}'            // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space/non-joiner/joiner, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}'            // byte-order mark / zero-width no-break space
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation controls
    )
}

/// Space characters other than U+0020 that mean a plain space in running text.
#[inline]
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{000B}' | '\u{000C}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// True when `clean_chars` changes or removes `c`.
#[inline]
fn needs_action(c: char) -> bool {
    if c.is_ascii() {
        (c < ' ' && c != '\n') || c == '\x7f'
    } else {
        is_invisible(c)
            || is_odd_space(c)
            || c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}')
    }
}

/// Printable ASCII or a line feed: characters no Unicode pass changes. Written with
/// non-short-circuit operators so block checks compile to SIMD compares.
#[inline]
fn is_plain(c: char) -> bool {
    ((c as u32).wrapping_sub(0x20) < 0x5F) | (c == '\n')
}

/// What a text holds, from one pass over it: which Unicode passes have work to do.
#[derive(Debug, Clone, Copy)]
pub struct Scan {
    pub non_ascii: bool,
    pub needs_cleaning: bool,
    /// A character that can lead a mojibake sequence (U+00C2..=U+00F4).
    pub mojibake_lead: bool,
    /// The largest code point (normalization quick checks are trivially yes below U+0300).
    pub max_char: u32,
    /// A character `fold_punctuation` changes.
    pub foldable: bool,
}

pub fn scan(chars: &[char]) -> Scan {
    // Fast path, a simple loop the compiler vectorizes: printable ASCII and line feeds.
    if super::text::all(chars, is_plain) {
        return Scan {
            non_ascii: false,
            needs_cleaning: false,
            mojibake_lead: false,
            max_char: 0x7E,
            foldable: false,
        };
    }
    let mut scan = Scan {
        non_ascii: false,
        needs_cleaning: false,
        mojibake_lead: false,
        max_char: 0x7E,
        foldable: false,
    };
    // Blocks of printable ASCII and line feeds (most of any news text) are skipped with the
    // vectorized check; only blocks holding something else are looked at char by char.
    for block in chars.chunks(32) {
        if block.iter().fold(true, |ok, &c| ok & is_plain(c)) {
            continue;
        }
        for &c in block {
            let cp = c as u32;
            if c.is_ascii() {
                scan.needs_cleaning |= (c < ' ' && c != '\n') || c == '\x7f';
            } else {
                scan.max_char = scan.max_char.max(cp);
                scan.non_ascii = true;
                scan.needs_cleaning |= needs_action(c);
                scan.mojibake_lead |= (0xC2..=0xF4).contains(&cp);
                scan.foldable |= fold_punctuation_char(c).is_some();
            }
        }
    }
    scan
}

/// Line ends, invisible characters, controls and odd spaces. Runs before Unicode
/// normalization so that removing a character can never leave text that is not normalized.
pub fn clean_chars(input: &Text, out: &mut Text) {
    let chars = &input.chars;
    let mut i = 0;
    while i < chars.len() {
        // Copy the run of characters that stay as they are.
        // Printable ASCII and '\n' never need action: skip them block-wise first.
        let run_end = super::text::find(chars, i, |c| !is_plain(c))
            .and_then(|p| {
                chars[p..]
                    .iter()
                    .position(|&c| needs_action(c))
                    .map(|q| p + q)
            })
            .unwrap_or(chars.len());
        out.extend_copy(input, i, run_end);
        i = run_end;
        if i >= chars.len() {
            break;
        }
        let c = chars[i];
        match c {
            '\r' => {
                if chars.get(i + 1) == Some(&'\n') {
                    out.push_from('\n', input, i, i + 2);
                    i += 2;
                    continue;
                }
                out.push_copy('\n', input, i);
            }
            '\u{0085}' | '\u{2028}' | '\u{2029}' => out.push_copy('\n', input, i),
            c if is_odd_space(c) => out.push_copy(' ', input, i),
            // Controls, invisible characters and noncharacters are dropped. (Lone
            // surrogates cannot occur in a Rust str: the binding layer replaced them.)
            _ => {}
        }
        i += 1;
    }
}

/// True when any character needs `clean_chars`.
pub fn needs_cleaning(chars: &[char]) -> bool {
    scan(chars).needs_cleaning
}

/// True when the text is already in `form` (quick check; "maybe" counts as no).
pub fn is_normalized(chars: &[char], form: Form) -> bool {
    // Every character below U+0300 (before the combining diacritics) is NFC as it is; for
    // NFKC the same holds below U+00A0.
    let trivially_below = if form == Form::Nfkc { 0xA0 } else { 0x300 };
    if chars.iter().all(|&c| (c as u32) < trivially_below) {
        return true;
    }
    match form {
        Form::None => true,
        Form::Nfc => is_nfc_quick(chars.iter().copied()) == IsNormalized::Yes,
        Form::Nfkc => is_nfkc_quick(chars.iter().copied()) == IsNormalized::Yes,
    }
}

/// A character that starts a new normalization segment: a starter that can never compose
/// with what precedes it. Segments are normalized independently, which is exact because
/// composition and reordering never cross such a boundary, and lets every output character
/// map back to the segment it came from.
#[inline]
fn starts_segment(c: char) -> bool {
    canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        && !is_hangul_jamo_vt(c)
}

#[inline]
fn is_hangul_jamo_vt(c: char) -> bool {
    matches!(c, '\u{1161}'..='\u{1175}' | '\u{11A8}'..='\u{11C2}')
}

/// Apply NFC or NFKC, segment by segment.
pub fn normalize_form(input: &Text, out: &mut Text, form: Form) {
    let chars = &input.chars;
    let mut seg_start = 0;
    let mut buf = String::new();
    let flush = |a: usize, b: usize, out: &mut Text, buf: &mut String| {
        if a >= b {
            return;
        }
        let segment = &chars[a..b];
        let quick = match form {
            Form::Nfc => is_nfc_quick(segment.iter().copied()),
            Form::Nfkc => is_nfkc_quick(segment.iter().copied()),
            Form::None => IsNormalized::Yes,
        };
        if quick == IsNormalized::Yes {
            out.extend_copy(input, a, b);
            return;
        }
        buf.clear();
        match form {
            Form::Nfc => buf.extend(segment.iter().copied().nfc()),
            Form::Nfkc => buf.extend(segment.iter().copied().nfkc()),
            Form::None => unreachable!("checked above"),
        }
        if buf.chars().count() == b - a
            && b - a > 0
            && segment.iter().zip(buf.chars()).all(|(x, y)| *x == y)
        {
            out.extend_copy(input, a, b);
        } else {
            out.push_str_from(buf, input, a, b);
        }
    };
    for (i, &c) in chars.iter().enumerate().skip(1) {
        if starts_segment(c) {
            flush(seg_start, i, out, &mut buf);
            seg_start = i;
        }
    }
    flush(seg_start, chars.len(), out, &mut buf);
}

/// The ASCII form of typographic punctuation, if `c` has one.
#[inline]
pub fn fold_punctuation_char(c: char) -> Option<&'static str> {
    Some(match c {
        // Single quotes, the modifier-letter apostrophe and primes.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}'
        | '\u{FF07}' => "'",
        // Double quotes and double primes.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => "\"",
        // Hyphens, dashes and the minus sign.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Fold curly quotes, apostrophes, primes, dashes and the ellipsis to ASCII. Returns true
/// if anything changed.
pub fn fold_punctuation(input: &Text, out: &mut Text) -> bool {
    let chars = &input.chars;
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let run_end = super::text::find(chars, i, |c| !c.is_ascii())
            .and_then(|p| {
                chars[p..]
                    .iter()
                    .position(|&c| fold_punctuation_char(c).is_some())
                    .map(|q| p + q)
            })
            .unwrap_or(chars.len());
        out.extend_copy(input, i, run_end);
        i = run_end;
        if let Some(&c) = chars.get(i) {
            let folded = fold_punctuation_char(c).expect("found above");
            out.push_str_from(folded, input, i, i + 1);
            changed = true;
            i += 1;
        }
    }
    changed
}

/// Letter case applied to the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Preserve,
    Lower,
    /// Lowercase plus the full case folds that differ from it (ß → ss, ς → σ, ...),
    /// as Python's `str.casefold` does for the letters news text holds.
    Casefold,
}

#[inline]
fn casefold_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ς' => "σ",
        'ſ' => "s",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ŉ' => "ʼn",
        'ϐ' => "β",
        'ϑ' => "θ",
        'ϕ' => "φ",
        'ϖ' => "π",
        'ϰ' => "κ",
        'ϱ' => "ρ",
        'ϵ' => "ε",
        'ẛ' => "ṡ",
        'µ' => "μ",
        _ => return None,
    })
}

/// `c` without its accents, into `out` (cleared first): the canonical decomposition less
/// its combining marks, then, for each character left, its compatibility decomposition
/// when that carries an accent ("ǆ" is "dz"; "¨", left by "΅", is a space). Doing both
/// in one go makes stripping idempotent.
fn strip_accent(c: char, out: &mut Vec<char>) {
    out.clear();
    let mut canonical: Vec<char> = Vec::with_capacity(4);
    decompose_canonical(c, |d| canonical.push(d));
    if canonical.iter().any(|&d| is_combining_mark(d)) {
        canonical.retain(|&d| !is_combining_mark(d));
    } else {
        canonical.clear();
        canonical.push(c);
    }
    for base in canonical {
        let start = out.len();
        decompose_compatible(base, |d| out.push(d));
        if out.len() - start > 1 && out[start..].iter().any(|&d| is_combining_mark(d)) {
            let kept: Vec<char> = out
                .drain(start..)
                .filter(|&d| !is_combining_mark(d))
                .collect();
            out.extend(kept);
        } else {
            out.truncate(start);
            out.push(base);
        }
    }
}

/// Case, accent stripping and ASCII transliteration, in one pass.
pub fn transform(input: &Text, out: &mut Text, case: Case, strip_accents: bool, ascii: bool) {
    let mut decomposed: Vec<char> = Vec::with_capacity(4);
    let mut cased = String::with_capacity(4);
    let chars = &input.chars;
    let mut next = 0;
    while next < chars.len() {
        // A run of ASCII characters is copied in one go (lowercased unless case is kept).
        let run_end = next + chars[next..].iter().take_while(|c| c.is_ascii()).count();
        if run_end > next {
            if case == Case::Preserve {
                out.extend_copy(input, next, run_end);
            } else {
                out.chars
                    .extend(chars[next..run_end].iter().map(char::to_ascii_lowercase));
                if out.tracked {
                    out.start.extend_from_slice(&input.start[next..run_end]);
                    out.end.extend_from_slice(&input.end[next..run_end]);
                }
            }
            next = run_end;
            continue;
        }
        let (i, c) = (next, chars[next]);
        next += 1;
        cased.clear();
        match case {
            Case::Preserve => cased.push(c),
            Case::Lower => cased.extend(c.to_lowercase()),
            Case::Casefold => match casefold_special(c) {
                Some(s) => cased.push_str(s),
                None => cased.extend(c.to_lowercase()),
            },
        }
        for c in cased.chars() {
            if ascii {
                if c.is_ascii() {
                    out.push_from(c, input, i, i + 1);
                } else if let Some(t) = deunicode::deunicode_char(c) {
                    let t = if case == Case::Preserve {
                        t.to_string()
                    } else {
                        t.to_ascii_lowercase()
                    };
                    out.push_str_from(&t, input, i, i + 1);
                }
                continue;
            }
            if strip_accents && !c.is_ascii() {
                if is_combining_mark(c) {
                    continue;
                }
                strip_accent(c, &mut decomposed);
                for &d in &decomposed {
                    out.push_from(d, input, i, i + 1);
                }
                continue;
            }
            out.push_from(c, input, i, i + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, pass: impl Fn(&Text, &mut Text)) -> String {
        let text = Text::from_str(s, true);
        let mut out = text.empty_like();
        pass(&text, &mut out);
        assert_eq!(out.chars.len(), out.start.len());
        out.collect_string()
    }

    #[test]
    fn clean_table() {
        let cases = [
            ("a\r\nb\rc", "a\nb\nc"),
            ("a\u{200B}b\u{FEFF}c\u{00AD}d", "abcd"),
            ("a\u{00A0}b\tc\u{3000}d", "a b c d"),
            ("a\u{0007}b\u{0000}c", "abc"),
            ("x\u{2028}y", "x\ny"),
        ];
        for (input, expected) in cases {
            assert_eq!(run(input, clean_chars), expected, "input {input:?}");
            assert!(needs_cleaning(&input.chars().collect::<Vec<_>>()));
        }
    }

    #[test]
    fn nfc_and_nfkc() {
        assert_eq!(
            run("e\u{0301}", |a, b| normalize_form(a, b, Form::Nfc)),
            "é"
        );
        assert_eq!(
            run("ﬁne ①", |a, b| normalize_form(a, b, Form::Nfkc)),
            "fine 1"
        );
        assert_eq!(run("ﬁne", |a, b| normalize_form(a, b, Form::Nfc)), "ﬁne");
        // Hangul jamo compose across what look like starters.
        assert_eq!(
            run("\u{1100}\u{1161}\u{11A8}", |a, b| normalize_form(
                a,
                b,
                Form::Nfc
            )),
            "\u{AC01}"
        );
    }

    #[test]
    fn punctuation_table() {
        let cases = [
            ("Trump\u{02BC}s", "Trump's"),
            ("\u{2018}x\u{2019} \u{201C}y\u{201D}", "'x' \"y\""),
            ("a\u{2014}b\u{2013}c\u{2212}1", "a-b-c-1"),
            ("wait\u{2026}", "wait..."),
            ("5\u{2032}10\u{2033}", "5'10\""),
        ];
        for (input, expected) in cases {
            assert_eq!(
                run(input, |a, b| {
                    fold_punctuation(a, b);
                }),
                expected
            );
        }
    }

    #[test]
    fn transform_table() {
        let t =
            |s: &str, case, accents, ascii| run(s, |a, b| transform(a, b, case, accents, ascii));
        assert_eq!(t("Straße ÉTÉ", Case::Casefold, false, false), "strasse été");
        assert_eq!(t("Straße ÉTÉ", Case::Lower, false, false), "straße été");
        assert_eq!(
            t("Zürich café Łódź", Case::Preserve, true, false),
            "Zurich cafe Łodz"
        );
        assert_eq!(t("Łódź Москва", Case::Preserve, false, true), "Lodz Moskva");
    }
}
