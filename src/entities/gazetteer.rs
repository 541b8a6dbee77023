//! Gazetteers: names with their canonical form and type, found in text with one
//! Aho-Corasick automaton on word boundaries. Built once, shared by every thread.
//!
//! The automaton is daachorse's double-array Aho-Corasick: it builds in time linear in the
//! aliases (the aho-corasick crate's build took the square of the number of aliases for
//! sets such as "N1", "N2", ..., "N200000": 60 s for 200,000 entries) and searches as fast.

use super::EntityType;
use crate::error::Error;
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

/// One name and everything it may be written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub canonical: String,
    pub entity_type: EntityType,
}

/// A match: byte range in the text and the entry it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

/// An alias given to two different entries; the first keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub alias: String,
    pub kept: u32,
    pub dropped: u32,
}

pub struct Gazetteer {
    /// Over the folded aliases (ASCII lower case unless case-sensitive); values are pattern
    /// ids. `None` when there are no aliases.
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
    /// Pattern id -> entry id.
    pattern_entry: Vec<u32>,
    pub entries: Vec<Entry>,
    pub conflicts: Vec<Conflict>,
    pub case_sensitive: bool,
    /// Aliases that were empty (or only spaces) and so left out.
    pub empty_aliases: usize,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("aliases", &self.pattern_entry.len())
            .field("case_sensitive", &self.case_sensitive)
            .finish_non_exhaustive()
    }
}

/// The longest name or alias a gazetteer takes: a name, not a passage (with the
/// aho-corasick crate a 100,000-character name took 20 s to build).
pub const MAX_ALIAS_CHARS: usize = 256;

fn fold(alias: &str, case_sensitive: bool) -> String {
    let alias = alias.split_whitespace().collect::<Vec<_>>().join(" ");
    if case_sensitive {
        alias
    } else {
        alias.to_ascii_lowercase()
    }
}

impl Gazetteer {
    /// Build from `(canonical, type, aliases)`; the canonical name is always an alias too.
    ///
    /// Aliases are compared with runs of white space folded to one space, and, unless
    /// `case_sensitive`, ignoring ASCII case (letters outside ASCII match as written).
    /// Empty aliases are left out (counted in `empty_aliases`); an alias repeated within an
    /// entry counts once; an alias given to two entries stays with the first (listed in
    /// `conflicts`). An entry with an empty canonical name, or a name or alias longer than
    /// [`MAX_ALIAS_CHARS`], is an error.
    pub fn new<I, A, S>(entries: I, case_sensitive: bool) -> Result<Self, Error>
    where
        I: IntoIterator<Item = (String, EntityType, A)>,
        A: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut seen: ahash::AHashMap<String, u32> = ahash::AHashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut out_entries = Vec::new();
        let mut conflicts = Vec::new();
        let mut empty_aliases = 0;
        for (id, (canonical, entity_type, aliases)) in entries.into_iter().enumerate() {
            let id = u32::try_from(id)
                .map_err(|_| Error::Option("more than 4 G gazetteer entries".into()))?;
            let canonical = canonical.split_whitespace().collect::<Vec<_>>().join(" ");
            if canonical.is_empty() {
                return Err(Error::Option(format!(
                    "gazetteer entry {id} has an empty canonical name"
                )));
            }
            let names = std::iter::once(canonical.clone())
                .chain(aliases.into_iter().map(|a| a.as_ref().to_string()));
            for name in names {
                let key = fold(&name, case_sensitive);
                if key.is_empty() {
                    empty_aliases += 1;
                    continue;
                }
                let chars = key.chars().count();
                if chars > MAX_ALIAS_CHARS {
                    return Err(Error::Option(format!(
                        "gazetteer entry {id} has a name or alias of {chars} characters \
                         (at most {MAX_ALIAS_CHARS}): a name, not a passage, is expected"
                    )));
                }
                match seen.get(&key) {
                    Some(&first) if first == id => {}
                    Some(&first) => conflicts.push(Conflict {
                        alias: name,
                        kept: first,
                        dropped: id,
                    }),
                    None => {
                        seen.insert(key.clone(), id);
                        patterns.push(key);
                        pattern_entry.push(id);
                    }
                }
            }
            out_entries.push(Entry {
                canonical,
                entity_type,
            });
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            let patvals = patterns.iter().enumerate().map(|(i, p)| (p, i as u32));
            Some(
                DoubleArrayAhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build_with_values(patvals)
                    .map_err(|e| Error::Option(format!("cannot build the gazetteer: {e}")))?,
            )
        };
        Ok(Gazetteer {
            automaton,
            pattern_entry,
            entries: out_entries,
            conflicts,
            case_sensitive,
            empty_aliases,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Aliases in the automaton.
    pub fn aliases(&self) -> usize {
        self.pattern_entry.len()
    }

    /// Matches on word boundaries (no letter or digit right before or after): where they
    /// overlap, the leftmost, and at one position the longest. Aliases with more than one space-separated
    /// word match text with exactly one space between the words.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let bytes = text.as_bytes();
        let boundary_before = |i: usize| {
            i == 0
                || !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        };
        let boundary_after = |i: usize| {
            i >= bytes.len() || !text[i..].chars().next().is_some_and(char::is_alphanumeric)
        };
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        // ASCII lower case keeps every byte where it was, so offsets hold in `text`.
        let folded;
        let haystack = if self.case_sensitive {
            text
        } else {
            folded = text.to_ascii_lowercase();
            folded.as_str()
        };
        let mut found: Vec<Match> = automaton
            .find_overlapping_iter(haystack)
            .filter(|m| boundary_before(m.start()) && boundary_after(m.end()))
            .map(|m| Match {
                start: m.start(),
                end: m.end(),
                entry: self.pattern_entry[m.value() as usize],
            })
            .collect();
        // Leftmost first; at one start, the longest; nothing overlapping a match kept.
        found.sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut out: Vec<Match> = Vec::with_capacity(found.len());
        let mut free_from = 0;
        for m in found {
            if m.start >= free_from {
                free_from = m.end;
                out.push(m);
            }
        }
        out
    }
}

/// The built-in gazetteer: countries and their other names, capitals (LOC), demonyms
/// (MISC, as CoNLL-2003 tags "Russian") and major international organisations (ORG).
/// Case-sensitive, so "US" the country is not "us" the pronoun.
/// People news names often (`data/people.tsv`): full names, and their surnames as evidence.
const PEOPLE: &str = include_str!("data/people.tsv");

/// The rows of a data file: its lines that are no comment and not blank, split at `|`.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('|').collect())
}

/// A row of `people.tsv`'s surnames as its fourth column declares them (lowercase; "-":
/// none), or `None` where the column is empty (the last word of each name is then taken).
fn declared_surnames(cols: &[&str]) -> Option<Vec<String>> {
    match cols.get(3).map(|c| c.trim()) {
        Some("-") => Some(Vec::new()),
        Some(given) if !given.is_empty() => {
            Some(given.split(';').map(|s| s.trim().to_lowercase()).collect())
        }
        _ => None,
    }
}

/// The built-in people written family name first, as the knowledge declares it ("Park
/// Geun-hye": Park): canonical name -> the family name, lowercase.
pub fn builtin_family_first() -> &'static ahash::AHashMap<String, String> {
    static MAP: OnceLock<ahash::AHashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        rows(PEOPLE)
            .filter_map(|cols| {
                let first = cols[0].split_whitespace().next()?.to_lowercase();
                declared_surnames(&cols)?
                    .contains(&first)
                    .then(|| (cols[0].to_string(), first))
            })
            .collect()
    })
}

/// Is `word` (folded: lowercase, no accents) a common given name: borne by at least 0.01%
/// of the men or of the women of the 1990 US Census (`data/given_names.tsv`, 1,555 names,
/// generated by `tools/build_given_names.py`), or common in international news and missing
/// there (`data/given_names_more.tsv`, written for newscorpus: "Liam", "Sergei",
/// "Mohammed")? One piece of evidence for a person, never alone ("Morgan Stanley", "Eli
/// Lilly" and "Davis Cup" begin with one).
pub fn is_given_name(word: &str) -> bool {
    static SET: OnceLock<ahash::AHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        rows(include_str!("data/given_names.tsv"))
            .chain(rows(include_str!("data/given_names_more.tsv")))
            .map(|cols| cols[0].trim().to_lowercase())
            .collect()
    })
    .contains(word)
}

/// The formal given names a familiar one stands for (lowercase: "mike" -> "michael";
/// "steve" -> "stephen", "steven"), from `data/familiar_names.tsv`; empty for any other word.
pub fn formal_names(familiar: &str) -> &'static [String] {
    static MAP: OnceLock<ahash::AHashMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: ahash::AHashMap<String, Vec<String>> = ahash::AHashMap::new();
        for cols in rows(include_str!("data/familiar_names.tsv")) {
            let formal = cols[0].trim().to_lowercase();
            for f in cols.get(1).copied().unwrap_or("").split(';') {
                let f = f.trim().to_lowercase();
                if !f.is_empty() {
                    map.entry(f).or_default().push(formal.clone());
                }
            }
        }
        map
    })
    .get(familiar)
    .map_or(&[], Vec::as_slice)
}

/// The surnames (lowercase) of the built-in people: a capitalised word alone that is one of
/// them is a person when the model is unsure ("Putin met Trump."). A surname that is also
/// a month, a date word or a function word ("May") is left out.
pub fn builtin_surnames() -> &'static ahash::AHashSet<String> {
    static SET: OnceLock<ahash::AHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = ahash::AHashSet::new();
        for cols in rows(PEOPLE) {
            let surnames: Vec<String> = declared_surnames(&cols).unwrap_or_else(|| {
                std::iter::once(cols[0])
                    .chain(cols.get(2).copied().unwrap_or("").split(';'))
                    .filter_map(|name| {
                        let words: Vec<&str> = name.split_whitespace().collect();
                        (words.len() >= 2).then(|| words[words.len() - 1].to_lowercase())
                    })
                    .collect()
            });
            for last in surnames {
                if super::lexicon::is_function_word(&last)
                    || super::lexicon::is_month(&last)
                    || super::lexicon::is_date_word(&last)
                {
                    continue;
                }
                set.insert(last);
            }
        }
        set
    })
}

/// The entries of a `;`-separated column of the built-in lists, empty ones left out.
fn listed(col: Option<&'static str>) -> Vec<&'static str> {
    col.map(|c| c.split(';').filter(|s| !s.is_empty()).collect())
        .unwrap_or_default()
}

/// The adjective a country's bodies are named with ("Russian" of "Russian Foreign
/// Ministry"), for a country's name, other name or adjective as folded
/// (`aliases::fold`: "russia", "russian federation", "russian", "us", "america"): one
/// adjective a country, so that "UK Parliament" and "British Parliament" are one name.
/// The adjective is the country's first in `countries.tsv`, but "US" for the United States
/// and "Philippine" for the Philippines, as their bodies are named, and the country's name
/// where its first is a word for its people ("New Zealander": "New Zealand"). Left out: plural and
/// personal forms ("Russians", "Frenchman"), the words two rows share ("Dominican",
/// "Congolese"; "Scottish" of the United Kingdom and of Scotland is Scotland's, its
/// first), Georgia (also a state of the US, with a Supreme Court of its own) and
/// Korea (North or South).
pub fn country_adjective(folded: &str) -> Option<&'static str> {
    static MAP: OnceLock<ahash::AHashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        const PREFERRED: &[(&str, &str)] =
            &[("United States", "US"), ("Philippines", "Philippine")];
        const LEFT_OUT: &[&str] = &["Georgia", "Korea", "Korean", "Koreans"];
        let rows: Vec<Vec<&'static str>> = rows(include_str!("data/countries.tsv")).collect();
        let list = |col: Option<&&'static str>| listed(col.copied());
        // Whose first adjective each word is (and of how many rows), and how many rows
        // list it.
        let mut first_of: ahash::AHashMap<&str, (usize, usize)> = ahash::AHashMap::new();
        let mut rows_of: ahash::AHashMap<&str, usize> = ahash::AHashMap::new();
        for (r, cols) in rows.iter().enumerate() {
            let demonyms = list(cols.get(3));
            if let Some(first) = demonyms.first() {
                first_of.entry(first).or_insert((r, 0)).1 += 1;
            }
            for w in list(cols.get(1))
                .into_iter()
                .chain(demonyms)
                .chain([cols[0]])
            {
                *rows_of.entry(w).or_default() += 1;
            }
        }
        let mut map = ahash::AHashMap::new();
        for (r, cols) in rows.iter().enumerate() {
            if LEFT_OUT.contains(&cols[0]) {
                continue;
            }
            let demonyms = list(cols.get(3));
            let adjective: &'static str = PREFERRED
                .iter()
                .find(|(c, _)| *c == cols[0])
                .map(|(_, a)| *a)
                .or_else(|| demonyms.first().copied())
                .filter(|d| !d.ends_with("er"))
                .unwrap_or(cols[0]);
            let singular = demonyms.iter().copied().filter(|d| {
                !d.ends_with("man")
                    && !d.ends_with("men")
                    && !d.strip_suffix('s').is_some_and(|b| demonyms.contains(&b))
            });
            for w in [cols[0]]
                .into_iter()
                .chain(list(cols.get(1)))
                .chain(singular)
                .chain([adjective])
            {
                let shared = rows_of.get(w).copied().unwrap_or(0) > 1;
                if LEFT_OUT.contains(&w) || (shared && first_of.get(w).copied() != Some((r, 1))) {
                    continue;
                }
                map.entry(super::aliases::fold(w)).or_insert(adjective);
            }
        }
        map
    })
    .get(folded)
    .copied()
}

/// Names of places from two data packages (`data/places.tsv`, generated by
/// `tools/build_places.py`): ISO 3166-2 subdivisions and cities of 50,000 people or more
/// (`GeoNames`). Folded as entity keys are (`aliases::fold`), with a leading "the" also
/// dropped ("The Bronx"). Evidence, never an override: many are also people's names
/// (Jackson, Charlotte) or clubs (Chelsea), so the resolver weighs them against context.
pub fn places() -> &'static ahash::AHashSet<String> {
    static SET: OnceLock<ahash::AHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = ahash::AHashSet::new();
        for cols in rows(include_str!("data/places.tsv")) {
            let key = super::aliases::fold(cols[0]);
            if let Some(rest) = key.strip_prefix("the ") {
                set.insert(rest.to_string());
            }
            set.insert(key);
        }
        set
    })
}

/// A name with each letter outside ASCII written as U+FFFD once for each of its UTF-8 bytes,
/// and once for the letter: how a lost "é" reads in text decoded with replacement; and as
/// `?` once for the letter, as text encoded to ASCII with replacement writes it ("RT?" for
/// RTÉ, "Sch?uble": the tokenizer keeps such a `?` inside its word only where it reads as
/// a lost letter, see `tokens::lost_letter`). None for an ASCII name.
fn replacement_variants(name: &str) -> Vec<String> {
    if name.is_ascii() {
        return Vec::new();
    }
    // Each letter outside ASCII written as `lost` (once a letter).
    let each_as = |lost: char| -> String {
        name.chars()
            .map(|c| if c.is_ascii() { c } else { lost })
            .collect()
    };
    let per_byte: String = name
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                "\u{FFFD}".repeat(c.len_utf8())
            }
        })
        .collect();
    let per_letter = each_as('\u{FFFD}');
    let question = each_as('?');
    if per_byte == per_letter {
        vec![per_byte, question]
    } else {
        vec![per_byte, per_letter, question]
    }
}

pub fn builtin() -> &'static Gazetteer {
    &builtin_with_adjectives().0
}

/// The aliases of each built-in entry, as listed and with an organisation's acronym also
/// written with one capital ("Opec"), not their replacement-character variants, in entry
/// order: for reading which names an entry stands for.
pub fn builtin_aliases() -> &'static [Vec<String>] {
    &builtin_with_adjectives().2
}

/// Is built-in entry `entry` a word written before a noun as well as a name: a demonym
/// ("German", "Russians") or a faith's adherents ("Muslim", "Catholic")? Such a word at
/// the head of a longer run of capitals is, in news as in CoNLL-2003, mostly a word of its
/// own ("German Bundesbank", "British Foreign Secretary"); a product, award or holiday
/// inside a longer name is not ("Oscar Pistorius", "Linux Foundation").
pub fn builtin_adjective(entry: u32) -> bool {
    builtin_with_adjectives()
        .1
        .get(entry as usize)
        .copied()
        .unwrap_or(false)
}

#[allow(clippy::type_complexity)]
fn builtin_with_adjectives() -> &'static (Gazetteer, Vec<bool>, Vec<Vec<String>>) {
    static GAZ: OnceLock<(Gazetteer, Vec<bool>, Vec<Vec<String>>)> = OnceLock::new();
    GAZ.get_or_init(|| {
        let mut entries: Vec<(String, EntityType, Vec<String>)> = Vec::new();
        let mut by_name: ahash::AHashMap<String, usize> = ahash::AHashMap::new();
        let mut add = |name: &str, entity_type: EntityType, aliases: Vec<String>| {
            if let Some(&i) = by_name.get(name) {
                entries[i].2.extend(aliases);
            } else {
                by_name.insert(name.to_string(), entries.len());
                entries.push((name.to_string(), entity_type, aliases));
            }
        };
        let list = |col: Option<&'static str>| -> Vec<String> {
            listed(col).into_iter().map(str::to_string).collect()
        };
        let mut demonyms: Vec<String> = Vec::new();
        let mut adjectives: Vec<String> = Vec::new();
        for cols in rows(include_str!("data/countries.tsv")) {
            add(cols[0], EntityType::Loc, list(cols.get(1).copied()));
            for capital in list(cols.get(2).copied()) {
                add(&capital, EntityType::Loc, Vec::new());
            }
            demonyms.extend(list(cols.get(3).copied()));
        }
        // A plural demonym counts for its singular ("Russians" for "Russian").
        let singular: ahash::AHashSet<String> = demonyms.iter().cloned().collect();
        for d in &demonyms {
            if d.strip_suffix('s').is_some_and(|b| singular.contains(b)) {
                continue;
            }
            let plural = format!("{d}s");
            let aliases = if singular.contains(&plural) {
                vec![plural]
            } else {
                Vec::new()
            };
            add(d, EntityType::Misc, aliases);
            adjectives.push(d.clone());
        }
        for cols in rows(include_str!("data/organisations.tsv")) {
            add(cols[0], EntityType::Org, list(cols.get(1).copied()));
        }
        for file in [
            include_str!("data/aliases.tsv"),
            include_str!("data/knowledge.tsv"),
            PEOPLE,
        ] {
            for cols in rows(file) {
                let entity_type = EntityType::from_code(cols[1])
                    .expect("a known type in aliases/knowledge/people.tsv");
                add(cols[0], entity_type, list(cols.get(2).copied()));
                if cols.get(3) == Some(&"adjective") {
                    adjectives.push(cols[0].to_string());
                }
            }
        }
        // An organisation's acronym of four letters or more is also written with one
        // capital, as British papers write them ("Opec", "Uefa", "Nasa", "Unicef"); not
        // ISIS, since "Isis" is a name of many things (a goddess, a river, a Bristol
        // software firm in Reuters-21578).
        for (name, entity_type, aliases) in &mut entries {
            if *entity_type != EntityType::Org {
                continue;
            }
            let titled: Vec<String> = std::iter::once(&*name)
                .chain(aliases.iter())
                .filter(|a| {
                    a.len() >= 4 && a.bytes().all(|b| b.is_ascii_uppercase()) && *a != "ISIS"
                })
                .map(|a| a[..1].to_string() + &a[1..].to_ascii_lowercase())
                .filter(|t| t != name && !aliases.contains(t))
                .collect();
            aliases.extend(titled);
        }
        let listed: Vec<Vec<String>> = entries.iter().map(|(_, _, a)| a.clone()).collect();
        // Scraped text often carries a letter outside ASCII as one U+FFFD for each of its
        // UTF-8 bytes (or one for the letter): "Sinn F\u{FFFD}\u{FFFD}in" is Sinn Féin.
        for (name, _, aliases) in &mut entries {
            let variants: Vec<String> = std::iter::once(&*name)
                .chain(aliases.iter())
                .flat_map(|a| replacement_variants(a))
                .collect();
            aliases.extend(variants);
        }
        let adjective: ahash::AHashSet<String> = adjectives.into_iter().collect();
        let flags = entries
            .iter()
            .map(|(name, _, _)| adjective.contains(name))
            .collect();
        let gaz = Gazetteer::new(entries, true).expect("the built-in gazetteer builds");
        (gaz, flags, listed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(case_sensitive: bool) -> Gazetteer {
        Gazetteer::new(
            vec![
                (
                    "New York".to_string(),
                    EntityType::Loc,
                    vec!["NYC", "New  York City"],
                ),
                (
                    "New York Times".to_string(),
                    EntityType::Org,
                    vec!["NYT", ""],
                ),
                ("Kyiv".to_string(), EntityType::Loc, vec!["Kiev", "Kyiv"]),
                ("Kiev Dynamo".to_string(), EntityType::Org, vec!["NYC"]),
            ],
            case_sensitive,
        )
        .unwrap()
    }

    #[test]
    fn builtin_names_match_with_replacement_characters_for_lost_letters() {
        let g = builtin();
        for text in [
            "Sinn F\u{FFFD}\u{FFFD}in said",
            "Sinn F\u{FFFD}in said",
            "Sinn F?in said",
            "Sinn Féin said",
            "Sinn Fein said",
        ] {
            let found: Vec<&str> = g
                .find(text)
                .iter()
                .map(|m| g.entries[m.entry as usize].canonical.as_str())
                .collect();
            assert_eq!(found, vec!["Sinn Féin"], "{text}");
        }
        assert_eq!(replacement_variants("Dublin"), Vec::<String>::new());
        assert_eq!(
            replacement_variants("Dáil"),
            vec![
                "D\u{FFFD}\u{FFFD}il".to_string(),
                "D\u{FFFD}il".to_string(),
                "D?il".to_string()
            ]
        );
    }

    #[test]
    fn longest_on_word_boundaries() {
        let g = gaz(true);
        let text = "The New York Times said NYC and Kiev, not New Yorker or Kievan.";
        let got: Vec<(&str, &str)> = g
            .find(text)
            .iter()
            .map(|m| {
                (
                    &text[m.start..m.end],
                    g.entries[m.entry as usize].canonical.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("New York Times", "New York Times"),
                ("NYC", "New York"),
                ("Kiev", "Kyiv")
            ]
        );
        assert_eq!(g.empty_aliases, 1);
        assert_eq!(
            g.conflicts,
            vec![Conflict {
                alias: "NYC".into(),
                kept: 0,
                dropped: 3
            }]
        );
        assert!(g.find("new york").is_empty());
        assert_eq!(gaz(false).find("new york city").len(), 1);
        assert!(Gazetteer::new(
            vec![(" ".to_string(), EntityType::Per, Vec::<String>::new())],
            true
        )
        .is_err());
    }

    #[test]
    fn every_builtin_alias_names_one_entry() {
        // Knowledge files written by hand: an alias given twice (or a lost-letter variant
        // equal to another entry's alias) would silently go to the first entry.
        let names: Vec<(String, String)> = builtin()
            .conflicts
            .iter()
            .map(|c| {
                (
                    c.alias.clone(),
                    builtin().entries[c.dropped as usize].canonical.clone(),
                )
            })
            .collect();
        assert_eq!(names, Vec::<(String, String)>::new());
    }

    #[test]
    fn builtin_types() {
        let g = builtin();
        let found = |text: &str| -> Vec<(&str, EntityType)> {
            g.find(text)
                .iter()
                .map(|m| {
                    let e = &g.entries[m.entry as usize];
                    (e.canonical.as_str(), e.entity_type)
                })
                .collect()
        };
        assert_eq!(
            found("Russian troops left Moscow for Ukraine, NATO said; Russians and the UN."),
            vec![
                ("Russian", EntityType::Misc),
                ("Moscow", EntityType::Loc),
                ("Ukraine", EntityType::Loc),
                ("NATO", EntityType::Org),
                ("Russian", EntityType::Misc),
                ("United Nations", EntityType::Org),
            ]
        );
        assert!(g.len() > 500, "{}", g.len());
        // The retailer, which news names far more often than the river; the river's
        // names with a geographic word are the place.
        assert_eq!(
            found(
                "Amazon.com and Amazon sell books; oil in the Amazon basin. THAAD and the \
                 Belt and Road. A Mac mini runs Windows XP."
            ),
            vec![
                ("Amazon", EntityType::Org),
                ("Amazon", EntityType::Org),
                ("Amazon rainforest", EntityType::Loc),
                ("THAAD", EntityType::Misc),
                ("Belt and Road Initiative", EntityType::Misc),
                ("Mac mini", EntityType::Misc),
                ("Windows XP", EntityType::Misc),
            ]
        );
    }

    #[test]
    fn an_organisations_acronym_is_found_written_with_one_capital() {
        let g = builtin();
        let canonical = |text: &str| -> Vec<&str> {
            g.find(text)
                .iter()
                .map(|m| g.entries[m.entry as usize].canonical.as_str())
                .collect()
        };
        assert_eq!(
            canonical("Opec met; Uefa and Unicef said; Nasa launched."),
            vec!["OPEC", "UEFA", "UNICEF", "NASA"]
        );
        // Not "Isis" (a goddess, a river, a firm), nor a short acronym ("Who", "Ice").
        assert!(canonical("Isis said. Who knows? Ice fell.").is_empty());
    }

    #[test]
    fn former_states_are_their_own_and_emirates_alone_is_no_country() {
        // A state that is gone is not the one that followed it (Reuters-21578's "Yugoslavia"
        // of 1987 had been counted as Serbia); "Emirates" alone is mostly the airline.
        let g = builtin();
        let text =
            "Yugoslavia and the USSR traded; a Soviet envoy went to West Germany. Emirates flew.";
        let got: Vec<&str> = g
            .find(text)
            .iter()
            .map(|m| g.entries[m.entry as usize].canonical.as_str())
            .collect();
        assert_eq!(
            got,
            vec!["Yugoslavia", "Soviet Union", "Soviet", "West Germany"]
        );
    }
}
