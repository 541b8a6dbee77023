//! Words, numbers and punctuation of a (normalized) text, with their byte ranges, the line
//! they stand on, and whether they start a sentence.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Starts with a letter: letters, digits and marks, with inner apostrophes, hyphens and
    /// the dots of an abbreviation ("O'Brien", "Jean-Claude", "U.S.").
    Word,
    /// Starts with a digit ("1996-08-30", "3.5", "2-1").
    Number,
    /// Any other character, one a token.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Line number (0-based).
    pub line: u32,
    /// The first word of a sentence: first on its line, or after `.`, `!`, `?`, `:` or `;`
    /// (quotes and brackets in between do not count).
    pub sentence_start: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Abbreviations that keep their full stop ("Mr." is one token, and does not end a sentence).
pub const ABBREVIATIONS: &[&str] = &[
    "Capt", "Col", "Corp", "Dr", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Maj", "Mr", "Mrs", "Ms",
    "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Snr", "Sr", "St", "Co", "Bros", "Mt", "Ft",
    "Messrs", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // U+FFFD inside a word is a letter lost to a bad decoding ("Th\u{fffd}\u{fffd}o" for
    // "Théo"): part of the word, not a break in a name.
    c.is_alphanumeric() || is_mark(c) || c == '\u{fffd}'
}

/// Particles written in lowercase before a capitalised part of one name ("al-Bab",
/// "bin-Laden", "van-Dijk"): the hyphen joins them.
const NAME_PARTICLES: &[&str] = &[
    "abu", "ad", "al", "ar", "as", "ash", "at", "az", "ben", "bin", "d", "da", "de", "del", "di",
    "du", "el", "ibn", "l", "la", "le", "mac", "mc", "o", "van", "von",
];

/// Second parts of English compounds after a name: "-led", "-based", "-backed" (any
/// participle in -ed) and these ("Oscar-winning", "Trump-like", "HIV-positive": the name
/// is the first part's).
const COMPOUND_HEADS: &[&str] = &[
    "affiliated",
    "aligned",
    "bashing",
    "born",
    "bound",
    "brokered",
    "centric",
    "class",
    "era",
    "free",
    "friendly",
    "held",
    "inspired",
    "language",
    "leaning",
    "level",
    "like",
    "linked",
    "loving",
    "made",
    "majority",
    "minded",
    "negative",
    "owned",
    "positive",
    "related",
    "run",
    "sized",
    "speaking",
    "specific",
    "sponsored",
    "stock",
    "style",
    "type",
    "wide",
    "winning",
];

/// Is the word part starting at byte `at` of `text` a compound head (see `COMPOUND_HEADS`)?
fn compound_head_at(text: &str, at: usize) -> bool {
    let part: &str = text[at..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    (part.len() >= 3 && part.ends_with("ed") && part.chars().all(|c| c.is_ascii_lowercase()))
        || COMPOUND_HEADS.contains(&part)
}

/// Does a hyphen between `left` (the word part before it) and a part starting with `next`
/// join one word? Not where the case changes: "US-led" is "US" and "led", "pro-Russian"
/// is "pro" and "Russian", while "Jean-Claude", "al-Bab", "Kim Jong-un" and "well-known"
/// stay whole.
fn hyphen_joins(
    left: &str,
    next: char,
    next_is_compound_head: bool,
    word_starts_upper: bool,
) -> bool {
    let Some(first) = left.chars().next() else {
        return true;
    };
    if first.is_uppercase() && next.is_lowercase() {
        // Only before the second part of an English compound ("US-led", "Kremlin-backed",
        // "Berlin-based"), not inside a name ("Kim Jong-un", "Park Geun-hye").
        return !next_is_compound_head;
    }
    if first.is_lowercase() && next.is_uppercase() {
        // "pro-Russian" splits; "Aulnay-sous-Bois" (the word began capitalised) and
        // "al-Bab" do not.
        return word_starts_upper || NAME_PARTICLES.contains(&left);
    }
    true
}

fn is_mark(c: char) -> bool {
    // Combining marks (NFC leaves some, e.g. in Devanagari or after rare letters).
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x097F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
        && !c.is_alphanumeric()
}

/// Do the tokens of a line so far make a dateline, so that a dash after them ends it:
/// a bracketed agency just before ("... (Reuters)"), or words all in capitals, with
/// commas, numbers and a date between ("KABUL", "MOSCOW, March 3")? At most 12 tokens.
fn dateline_before(text: &str, line: &[Token]) -> bool {
    if line.is_empty() || line.len() > 12 {
        return false;
    }
    if line.last().is_some_and(|t| t.text(text) == ")") {
        return line.iter().any(|t| t.text(text) == "(");
    }
    let first = line[0].text(text);
    line[0].kind == Kind::Word
        && first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.chars().any(char::is_lowercase)
}

/// The words of `text` written before `?'s` ("RT?'s" for "RTÉ's"): there the `?` is a
/// letter lost to a bad encoding, so the same word before a `?` elsewhere in the text ("RT?
/// News") is that word too, not a question.
fn words_before_lost_letter(text: &str) -> ahash::AHashSet<&str> {
    text.match_indices("?'s")
        .filter(|&(at, _)| !text[at + 3..].chars().next().is_some_and(is_word_char))
        .filter_map(|(at, _)| {
            let start = text[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_word_char(c))
                .last()
                .map(|(i, _)| i)?;
            text[start..at]
                .starts_with(char::is_alphabetic)
                .then(|| &text[start..at])
        })
        .collect()
}

/// Whether the `?` at byte `at`, after the word starting at `start`, is a letter lost to a
/// bad encoding ("M?nchengladbach", "Sch?uble", "RT?'s": texts whose non-ASCII letters
/// were written as `?`) rather than a question mark: a letter follows (not a contraction
/// such as "don?t", where the lost character was an apostrophe, and not a capital after a
/// lowercase letter, "it?Yes"), or `'s`, or the word is one of `lost` (see
/// [`words_before_lost_letter`]).
fn lost_letter(text: &str, start: usize, at: usize, lost: &ahash::AHashSet<&str>) -> bool {
    let rest = &text[at + 1..];
    let run = &rest[..rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i)];
    if let Some(first) = run.chars().next() {
        let before_lower = text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_lowercase);
        return first.is_alphabetic()
            && !(before_lower && first.is_uppercase())
            && !matches!(run, "s" | "t" | "d" | "m" | "ll" | "re" | "ve");
    }
    (rest.starts_with("'s") && !rest[2..].chars().next().is_some_and(is_word_char))
        || lost.contains(&text[start..at])
}

/// Is the word part `text[start..hyphen]` a party letter before a state, as US news writes
/// a politician's party and state: "(D-Calif.)", ", R-Texas,"? The hyphen then splits.
fn party_letter(text: &str, start: usize, hyphen: usize) -> bool {
    matches!(&text[start..hyphen], "D" | "R" | "I")
        && (text[..start].ends_with('(') || text[..start].trim_end_matches(' ').ends_with(','))
        && text[hyphen + 1..].starts_with(|c: char| c.is_ascii_uppercase())
}

/// Does the word starting at `start` follow a party letter ([`party_letter`])? Such a word
/// is a state: it keeps its final dot here, and `detect` takes it for a place.
pub fn after_party_letter(text: &str, start: usize) -> bool {
    start >= 2 && text[..start].ends_with('-') && {
        let letter = start - 2;
        text.is_char_boundary(letter) && party_letter(text, letter, start - 1)
    }
}

/// Split `text` into tokens. Possessive `'s` after a word is a token of its own, so
/// "Trump's" gives "Trump", "'s".
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let lost = if text.contains("?'s") {
        words_before_lost_letter(text)
    } else {
        ahash::AHashSet::new()
    };
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut line = 0u32;
    let mut at_line_start = true;
    let mut after_stop = false;
    let mut line_start_token = 0; // the first token of the current line in `out`
    let mut chars = text.char_indices().peekable();
    let next_char = |i: usize| text[i..].chars().next();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            line += 1;
            at_line_start = true;
            after_stop = false;
            line_start_token = out.len();
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let kind = if c.is_alphabetic() {
            // A word: letters, digits and marks; an apostrophe, hyphen or dot inside it
            // when a letter (or digit, for hyphens) follows.
            loop {
                match chars.peek() {
                    Some(&(j, d)) if is_word_char(d) => {
                        end = j + d.len_utf8();
                        chars.next();
                    }
                    Some(&(j, '?')) if lost_letter(text, start, j, &lost) => {
                        end = j + 1;
                        chars.next();
                    }
                    Some(&(j, d)) if d == '\'' || d == '-' || d == '.' || d == '&' => {
                        let after = next_char(j + 1);
                        let joins = match d {
                            // A possessive 's / 'S ends the word.
                            '\'' => {
                                after.is_some_and(char::is_alphabetic)
                                    && (!matches!(after, Some('s' | 'S'))
                                        || next_char(j + 2).is_some_and(is_word_char))
                            }
                            '-' => {
                                !party_letter(text, start, j)
                                    && after.is_some_and(|a| {
                                        is_word_char(a)
                                            && hyphen_joins(
                                                text[start..j].rsplit('-').next().unwrap_or(""),
                                                a,
                                                compound_head_at(text, j + 1),
                                                c.is_uppercase(),
                                            )
                                    })
                            }
                            // U.S, U.N: one letter between dots, a letter after.
                            '.' => {
                                after.is_some_and(char::is_alphabetic)
                                    && text[start..j]
                                        .rsplit('.')
                                        .next()
                                        .is_some_and(|seg| seg.chars().count() == 1)
                                    && next_char(j + 1 + after.map_or(0, char::len_utf8))
                                        .is_some_and(|x| x == '.' || !x.is_alphanumeric())
                            }
                            // AT&T, S&P: capital letters either side.
                            _ => {
                                after.is_some_and(char::is_uppercase)
                                    && text[start..j].chars().all(char::is_uppercase)
                                    && text[start..j].len() <= 3
                            }
                        };
                        if !joins {
                            break;
                        }
                        chars.next();
                        end = j + 1;
                    }
                    _ => break,
                }
            }
            // The final dot of an abbreviation: "U.S.", "Mr.".
            if bytes.get(end) == Some(&b'.') {
                let word = &text[start..end];
                // The dot, a space and a capitalised word follow.
                let before_a_name = text[end + 1..]
                    .strip_prefix(' ')
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase);
                // An initial: one capital letter, a dot, then a capitalised word
                // ("George W. Bush").
                let initial = word.len() == 1 && c.is_ascii_uppercase() && before_a_name;
                // A state after a party letter keeps its dot ("(D-Calif.)").
                let state =
                    after_party_letter(text, start) && word.len() <= 5 && c.is_ascii_uppercase();
                // Saint or Mount in capitals before a capitalised word, as a dateline or a
                // headline writes a place ("ST. PETERSBURG"); not a title ("SEN. CHUCK
                // SCHUMER" is the senator, after his title), nor "FT" ("told the FT. But").
                let in_capitals = matches!(word, "ST" | "MT") && before_a_name;
                if initial
                    || state
                    || in_capitals
                    || word.contains('.')
                    || ABBREVIATIONS.contains(&word)
                {
                    end += 1;
                    chars.next();
                }
            }
            Kind::Word
        } else if c.is_numeric() {
            loop {
                match chars.peek() {
                    Some(&(j, d)) if d.is_alphanumeric() => {
                        end = j + d.len_utf8();
                        chars.next();
                    }
                    Some(&(j, '.' | ',' | ':' | '-' | '/')) => {
                        if next_char(j + 1).is_some_and(char::is_numeric) {
                            chars.next();
                            end = j + 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            Kind::Number
        } else if c == '\''
            && matches!(next_char(end), Some('s' | 'S'))
            && !next_char(end + 1).is_some_and(is_word_char)
            && out.last().is_some_and(|t| t.kind == Kind::Word)
        {
            chars.next();
            end += 1;
            Kind::Word
        } else {
            Kind::Punct
        };
        let sentence_start = kind != Kind::Punct && (at_line_start || after_stop);
        if kind != Kind::Punct {
            after_stop = false;
            at_line_start = false;
        } else if matches!(c, '.' | '!' | '?' | ':' | ';') {
            after_stop = true;
        } else if matches!(c, '-' | '\u{2013}' | '\u{2014}')
            && dateline_before(text, &out[line_start_token..])
        {
            // The dash after a dateline ("MOSCOW, March 3 (Reuters) - Officials said")
            // starts the story's first sentence.
            after_stop = true;
        } else if !matches!(c, '"' | '\'' | '(' | '[' | '-' | '*' | '`') {
            // quotes, brackets and dashes keep the state
            after_stop = false;
            at_line_start = false;
        }
        out.push(Token {
            start,
            end,
            kind,
            line,
            sentence_start,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.sentence_start))
            .collect()
    }

    #[test]
    fn hyphens_split_where_a_compound_meets_a_name() {
        let texts = |t: &'static str| -> Vec<&'static str> {
            tokenize(t).iter().map(|x| x.text(t)).collect()
        };
        assert_eq!(
            texts("US-led Kremlin-backed Oscar-winning Trump-like HIV-positive"),
            [
                "US", "-", "led", "Kremlin", "-", "backed", "Oscar", "-", "winning", "Trump", "-",
                "like", "HIV", "-", "positive"
            ]
        );
        assert_eq!(
            texts("pro-Russian anti-Semitic"),
            ["pro", "-", "Russian", "anti", "-", "Semitic"]
        );
        for whole in [
            "al-Bab",
            "Jean-Claude",
            "Kim Jong-un",
            "Park Geun-hye",
            "Aulnay-sous-Bois",
            "well-known",
            "Th\u{fffd}\u{fffd}o",
        ] {
            assert_eq!(
                texts(whole),
                whole.split(' ').collect::<Vec<_>>(),
                "{whole}"
            );
        }
        assert_eq!(texts("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(texts("Plan B. it"), ["Plan", "B", ".", "it"]);
    }

    #[test]
    fn splits_names_abbreviations_and_possessives() {
        let cases: &[(&str, &[&str])] = &[
            (
                "U.S. President Donald Trump's plan",
                &["U.S.", "President", "Donald", "Trump", "'s", "plan"],
            ),
            (
                "Mr. O'Brien met Jean-Claude Juncker.",
                &["Mr.", "O'Brien", "met", "Jean-Claude", "Juncker", "."],
            ),
            (
                "AT&T rose 3.5 pct on 1996-08-30, S&P fell",
                &[
                    "AT&T",
                    "rose",
                    "3.5",
                    "pct",
                    "on",
                    "1996-08-30",
                    ",",
                    "S&P",
                    "fell",
                ],
            ),
            ("Germany 's", &["Germany", "'s"]),
            ("don't stop", &["don't", "stop"]),
            ("the Ukraine-Russia war", &["the", "Ukraine-Russia", "war"]),
            ("so.In a", &["so", ".", "In", "a"]),
            // A party letter and a state, as US news writes them.
            (
                "Feinstein (D-Calif.) and Warner, R-Texas, not T-Mobile",
                &[
                    "Feinstein",
                    "(",
                    "D",
                    "-",
                    "Calif.",
                    ")",
                    "and",
                    "Warner",
                    ",",
                    "R",
                    "-",
                    "Texas",
                    ",",
                    "not",
                    "T-Mobile",
                ],
            ),
            // Letters written as "?" by a bad encoding stay in their word; a question
            // mark, and an apostrophe written as "?", do not.
            (
                "Wolfgang Sch?uble in M?nchengladbach",
                &["Wolfgang", "Sch?uble", "in", "M?nchengladbach"],
            ),
            (
                "on RT?'s Morning Ireland. RT? News said",
                &[
                    "on", "RT?", "'s", "Morning", "Ireland", ".", "RT?", "News", "said",
                ],
            ),
            (
                "Is it RT? Sure. Is it? Yes, it?Yes don?t",
                &[
                    "Is", "it", "RT", "?", "Sure", ".", "Is", "it", "?", "Yes", ",", "it", "?",
                    "Yes", "don", "?", "t",
                ],
            ),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn marks_sentence_starts() {
        assert_eq!(
            words("He said. \"They left,\" Mr. Smith said: Putin\nNew line"),
            vec![
                ("He", true),
                ("said", false),
                (".", false),
                ("\"", false),
                ("They", true),
                ("left", false),
                (",", false),
                ("\"", false),
                ("Mr.", false),
                ("Smith", false),
                ("said", false),
                (":", false),
                ("Putin", true),
                ("New", true),
                ("line", false),
            ]
        );
    }
}
