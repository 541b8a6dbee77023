//! Layout repair: spaces, line and paragraph breaks, words split by hyphenation, lines broken
//! in the middle of a sentence, and a missing space after a sentence end.
//!
//! Runs after `unicode::clean_chars`, so the only whitespace left is ' ' and '\n'.

use ahash::AHashSet;

use super::text::{line_ranges, Text};

/// What happens to line and paragraph breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paragraphs {
    /// Keep line breaks; runs of blank lines become one blank line (a paragraph break).
    Keep,
    /// Every break becomes a single space: one line per document.
    Flatten,
}

#[derive(Debug, Clone, Copy)]
pub struct LayoutOptions {
    pub paragraphs: Paragraphs,
    /// Rejoin "-\n" hyphenation, join lines broken mid-sentence, insert the missing space
    /// in "so.In".
    pub repair: bool,
}

/// A sentence end glued to the next sentence ("so.In"): `i` holds '.', '!' or '?'.
///
/// Requires two letters before (the last lowercase) and an uppercase letter then a
/// lowercase one after, so "U.S.", "3.5", "e.g.", "Ph.D" and "Node.js" are left alone, and
/// skips tokens that look like URLs, e-mail addresses or file names.
///
/// `line_start` is where the current token may start at the earliest: the line's start or
/// just after a space this pass inserted.
fn missing_sentence_space(chars: &[char], line_start: usize, i: usize) -> bool {
    if i < line_start + 2 || i + 2 >= chars.len() {
        return false;
    }
    let (p1, p2) = (chars[i - 1], chars[i - 2]);
    let (n1, n2) = (chars[i + 1], chars[i + 2]);
    if !(p1.is_lowercase() && p2.is_alphabetic() && n1.is_uppercase() && n2.is_lowercase()) {
        return false;
    }
    let token_start = chars[line_start..i]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(line_start, |p| line_start + p + 1);
    let token = &chars[token_start..i];
    let url_like = token
        .iter()
        .any(|&c| matches!(c, '/' | '@' | ':' | '.' | '_' | '\\'))
        || token.starts_with(&['w', 'w', 'w']);
    !url_like
}

/// Does the text so far end a sentence ("results.", "said!\"", "(he said.)", "in 2016.")?
/// A line that starts in lowercase after it is a new one ("iPhone sales rose", "eBay
/// said"), not a sentence broken by a stray break. An initial's full stop ends none
/// ("the U.S.", "e.g.").
fn ends_sentence(out: &[char]) -> bool {
    let Some(at) = out
        .iter()
        .rposition(|c| !matches!(c, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}' | '\u{bb}'))
    else {
        return false;
    };
    match out[at] {
        '!' | '?' | '\u{2026}' => true,
        '.' => {
            let initial =
                at >= 1 && out[at - 1].is_alphabetic() && (at < 2 || !out[at - 2].is_alphabetic());
            !initial
        }
        _ => false,
    }
}

/// The words of a text (runs of letters), lowercased.
fn words_of(chars: &[char]) -> AHashSet<String> {
    chars
        .split(|c| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| w.iter().flat_map(|c| c.to_lowercase()).collect())
        .collect()
}

/// The word broken at the end of `out` ("infor-") and continued at `chars[s..]`
/// ("mation"), whole and lowercased ("information").
fn broken_word(out: &[char], chars: &[char], s: usize) -> String {
    let head = &out[..out.len() - 1];
    let from = head
        .iter()
        .rposition(|c| !c.is_alphabetic())
        .map_or(0, |p| p + 1);
    let to = chars[s..]
        .iter()
        .position(|c| !c.is_alphabetic())
        .map_or(chars.len(), |p| s + p);
    head[from..]
        .iter()
        .chain(&chars[s..to])
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// The line `a..b` without the spaces at its ends.
fn trim_spaces(chars: &[char], a: usize, b: usize) -> (usize, usize) {
    let mut s = a;
    let mut e = b;
    while s < e && chars[s] == ' ' {
        s += 1;
    }
    while e > s && chars[e - 1] == ' ' {
        e -= 1;
    }
    (s, e)
}

/// Trim the spaces at line ends and collapse runs of spaces to one, as `layout` does, and
/// nothing else, on a text where that can matter to markup. Markup then runs on the
/// squeezed text, so a rule that measures a construct on its line (a link's reference,
/// a code span, emphasis) sees the length a second pass sees: a reference of 100 spaces
/// and 100 letters was left alone, then removed once `layout` had collapsed the spaces
/// (fuzzing). Only lines of at least `min_line` characters can hold a construct that long,
/// so a text without one is left alone (most are). Returns false, writing nothing, when
/// there is nothing to do.
pub fn squeeze_spaces(input: &Text, out: &mut Text, min_line: usize) -> bool {
    let chars = &input.chars;
    let has_run = |line: &[char]| {
        line.first() == Some(&' ')
            || line.last() == Some(&' ')
            || line
                .windows(2)
                .fold(false, |hit, w| hit | ((w[0] == ' ') & (w[1] == ' ')))
    };
    if chars.len() < min_line
        || !has_run(chars)
            && !chars
                .windows(2)
                .any(|w| w == [' ', '\n'] || w == ['\n', ' '])
    {
        return false;
    }
    let lines = line_ranges(chars);
    if !lines
        .iter()
        .any(|&(a, b)| b - a >= min_line && has_run(&chars[a..b]))
    {
        return false;
    }
    for (n, &(a, b)) in lines.iter().enumerate() {
        if n > 0 {
            out.push_copy('\n', input, a - 1);
        }
        let (s, e) = trim_spaces(chars, a, b);
        let mut run_start = s;
        let mut k = s;
        while let Some(p) = super::text::find(&chars[..e], k, |c| c == ' ') {
            // `e` is trimmed, so a space is never last on the line.
            let mut r = p + 1;
            while chars[r] == ' ' {
                r += 1;
            }
            if r > p + 1 {
                out.extend_copy(input, run_start, p);
                out.push_from(' ', input, p, r);
                run_start = r;
            }
            k = r;
        }
        out.extend_copy(input, run_start, e);
    }
    true
}

/// What a layout pass did beyond spaces and blank lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reflow {
    /// Lines were joined (so inline markup may now pair across a former break) or a
    /// missing sentence space was inserted (so a line now has more words, and a line rule
    /// that counts them may now apply; found by fuzzing).
    pub changed: bool,
    /// A hyphenation was rejoined: two lines' ends became one token, which can miss a
    /// sentence space this pass could not see ("P-\no?Pe" gives "Po?Pe"; fuzzing).
    pub dehyphenated: bool,
}

/// Rewrite the layout. See `LayoutOptions`.
pub fn layout(input: &Text, out: &mut Text, opts: LayoutOptions) -> Reflow {
    let chars = &input.chars;
    let lines = line_ranges(chars);
    // Index of the newline that ended the previous emitted line, and blank lines since.
    let mut prev_break: Option<usize> = None;
    let mut blank_since = 0usize;
    let mut emitted_any = false;
    let mut reflow = Reflow::default();
    // The text's words, lowercased, read once a text breaks a word at a hyphen.
    let mut whole_words: Option<AHashSet<String>> = None;
    for &(a, b) in &lines {
        let (s, e) = trim_spaces(chars, a, b);
        if s == e {
            if emitted_any {
                blank_since += 1;
            }
            continue;
        }
        if emitted_any {
            let brk = prev_break.expect("a break follows every emitted line");
            let starts_lower = chars[s].is_lowercase();
            let last = *out.chars.last().expect("emitted_any");
            let before_last = out.chars.len().checked_sub(2).map(|k| out.chars[k]);
            if opts.repair
                && blank_since == 0
                && last == '-'
                && before_last.is_some_and(char::is_alphabetic)
                && starts_lower
            {
                // A word broken at a hyphen: the break goes, the hyphen stays ("state-\nowned",
                // "English-\nlanguage": a wire story wrapped at its compounds' hyphens), unless
                // the text writes the word whole elsewhere ("infor-\nmation" beside
                // "information": a hyphenation).
                reflow.changed = true;
                reflow.dehyphenated = true;
                let written = whole_words.get_or_insert_with(|| words_of(chars));
                if written.contains(&broken_word(&out.chars, chars, s)) {
                    out.chars.pop();
                    if out.tracked {
                        out.start.pop();
                        out.end.pop();
                    }
                }
            } else if opts.paragraphs == Paragraphs::Flatten
                || (opts.repair && starts_lower && last != ':' && !ends_sentence(&out.chars))
            {
                reflow.changed = true;
                out.push_from(' ', input, brk, brk + 1);
            } else {
                out.push_from('\n', input, brk, brk + 1);
                if blank_since > 0 {
                    out.push_from('\n', input, brk, brk + 1);
                }
            }
        }
        // The line itself, with runs of spaces collapsed. Text is copied in runs that end
        // only where something changes: a second space, or a sentence end missing its space.
        // Non-short-circuit `|` keeps these predicates simple SIMD compares.
        let double_space = |c: &[char], at: usize| c[at] == ' ' && c[at + 1] == ' ';
        let has_double_space = chars[s..e]
            .windows(2)
            .fold(false, |hit, w| hit | ((w[0] == ' ') & (w[1] == ' ')));
        let mut k = s;
        let mut run_start = s;
        let mut token_floor = s;
        loop {
            let stop = if has_double_space {
                super::text::find(&chars[..e], k, |c| {
                    (c == ' ') | (c == '.') | (c == '!') | (c == '?')
                })
            } else {
                super::text::find(&chars[..e], k, |c| (c == '.') | (c == '!') | (c == '?'))
            };
            let Some(p) = stop else { break };
            k = p;
            if chars[k] == ' ' {
                // `e` is trimmed, so a space is never last on the line.
                if !double_space(chars, k) {
                    k += 1;
                    continue;
                }
                let mut r = k + 1;
                while chars[r] == ' ' {
                    r += 1;
                }
                out.extend_copy(input, run_start, k);
                out.push_from(' ', input, k, r);
                run_start = r;
                k = r;
                continue;
            }
            if opts.repair && missing_sentence_space(chars, token_floor, k) {
                out.extend_copy(input, run_start, k + 1);
                out.push_inserted(' ', input, k + 1);
                reflow.changed = true;
                run_start = k + 1;
                token_floor = k + 1;
            }
            k += 1;
        }
        out.extend_copy(input, run_start, e);
        emitted_any = true;
        blank_since = 0;
        prev_break = Some(b);
    }
    reflow
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, paragraphs: Paragraphs) -> String {
        let text = Text::from_str(s, true);
        let mut out = text.empty_like();
        layout(
            &text,
            &mut out,
            LayoutOptions {
                paragraphs,
                repair: true,
            },
        );
        assert_eq!(out.start.len(), out.chars.len());
        out.collect_string()
    }

    #[test]
    fn layout_table() {
        let cases = [
            ("  a   b  \n\n\n\nC ", "a b\n\nC"),
            ("a\n\n\nlower", "a lower"),
            ("infor-\nmation", "infor-mation"),
            (
                "The information was infor-\nmation",
                "The information was information",
            ),
            ("a state-\nowned firm", "a state-owned firm"),
            (
                "Apple reported results.\n\niPhone sales rose.",
                "Apple reported results.\n\niPhone sales rose.",
            ),
            ("It rose.\neBay fell.", "It rose.\neBay fell."),
            ("He said the\nfirm grew.", "He said the firm grew."),
            ("well-\n\nKnown", "well-\n\nKnown"),
            ("the U.S.\n\npresident said", "the U.S. president said"),
            ("Line one.\nLine two.", "Line one.\nLine two."),
            ("Note:\nlowercase", "Note:\nlowercase"),
            ("he would do so.In a Friday", "he would do so. In a Friday"),
            (
                "the U.S. and 3.5 and U.S.A. and e.g.Then",
                "the U.S. and 3.5 and U.S.A. and e.g.Then",
            ),
            (
                "see example.com/Page.Html and www.site.Com",
                "see example.com/Page.Html and www.site.Com",
            ),
            ("Aa.Aa.Aa", "Aa. Aa. Aa"),
            ("", ""),
            ("\n\n  \n", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(run(input, Paragraphs::Keep), expected, "input {input:?}");
        }
        assert_eq!(run("a\n\nb\nc", Paragraphs::Flatten), "a b c");
    }
}
