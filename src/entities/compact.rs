//! Mentions as resolution reads them: each distinct name as written once, with what its
//! mentions say added up ([`Tally`]), and a few bytes a mention (its name's number, its
//! type and whether a title stood before it, its sentence; offsets when asked for).
//!
//! A million articles hold about 39 million mentions: as [`Mention`]s (48 bytes each) they
//! took the most of the 7.9 GB a Dask driver held to resolve them. A part of a corpus
//! (a worker's slice of texts) is made compact where it is extracted, and the parts are
//! joined in order ([`Compact::append`]); [`Compact::promote`] then decides the names the
//! model rejected, as [`crate::entities::extract::promote`] does for mentions, and
//! [`crate::entities::aliases::resolve_compact`] resolves the whole.

use super::extract::{Entry, Mention};
use super::EntityType;
use ahash::AHashMap;
use std::sync::Arc;

/// What the mentions of one name as written say, added up: resolution reads no more of
/// them than these counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Mentions the model typed each type (indexed `EntityType as usize`).
    pub typed: [u32; 4],
    /// Of those, the mentions with that type's own evidence (a title before a person's, a
    /// team's or firm's words after an organisation's, a place word before a place's).
    pub typed_with_evidence: [u32; 4],
    /// Mentions with evidence of a person, an organisation and a place, whatever their type
    /// (a rejected name's are read once promotion types it).
    pub evidence: [u32; 3],
    /// Mentions a kind of work stood before ("the film Ray"), a kind of firm, alone in
    /// quotation marks, a personal pronoun followed closely, in a list of names.
    pub work_cues: u32,
    pub firm_cues: u32,
    pub quoted: u32,
    pub pronoun_cues: u32,
    pub list_cues: u32,
}

/// A [`Tally`] as a row of numbers (the columns a part of a corpus crosses processes in).
pub const TALLY_COLUMNS: usize = 16;

impl Tally {
    fn add(&mut self, m: &Mention) {
        let t = m.entity_type as usize;
        self.typed[t] += 1;
        let own = match m.entity_type {
            EntityType::Per => m.person_evidence,
            EntityType::Org => m.org_evidence,
            EntityType::Loc => m.loc_evidence,
            EntityType::Misc => false,
        };
        self.typed_with_evidence[t] += u32::from(own);
        for (n, yes) in
            self.evidence
                .iter_mut()
                .zip([m.person_evidence, m.org_evidence, m.loc_evidence])
        {
            *n += u32::from(yes);
        }
        self.work_cues += u32::from(m.called == Some(EntityType::Misc));
        self.firm_cues += u32::from(m.called == Some(EntityType::Org));
        self.quoted += u32::from(m.quoted);
        self.pronoun_cues += u32::from(m.signs.pronoun_after());
        self.list_cues += u32::from(m.signs.in_list());
    }

    fn merge(&mut self, other: &Tally) {
        let (a, b) = (self.to_row(), other.to_row());
        *self = Tally::from_row(&std::array::from_fn::<u32, TALLY_COLUMNS, _>(|i| {
            a[i] + b[i]
        }));
    }

    /// How many mentions it counts.
    pub fn mentions(&self) -> u32 {
        self.typed.iter().sum()
    }

    /// Mentions a title or role stood before ("Mr", "striker").
    pub fn person_cues(&self) -> u32 {
        self.evidence[0]
    }

    /// Its mentions all typed `t` (as promotion types a rejected name's).
    fn retyped(self, t: EntityType) -> Tally {
        let mut out = Tally {
            typed: [0; 4],
            typed_with_evidence: [0; 4],
            ..self
        };
        out.typed[t as usize] = self.mentions();
        out.typed_with_evidence[t as usize] = self.evidence.get(t as usize).copied().unwrap_or(0);
        out
    }

    pub fn to_row(&self) -> [u32; TALLY_COLUMNS] {
        let mut row = [0; TALLY_COLUMNS];
        row[..4].copy_from_slice(&self.typed);
        row[4..8].copy_from_slice(&self.typed_with_evidence);
        row[8..11].copy_from_slice(&self.evidence);
        row[11..].copy_from_slice(&[
            self.work_cues,
            self.firm_cues,
            self.quoted,
            self.pronoun_cues,
            self.list_cues,
        ]);
        row
    }

    pub fn from_row(row: &[u32; TALLY_COLUMNS]) -> Tally {
        let part = |a: usize| -> [u32; 4] { std::array::from_fn(|i| row[a + i]) };
        Tally {
            typed: part(0),
            typed_with_evidence: part(4),
            evidence: [row[8], row[9], row[10]],
            work_cues: row[11],
            firm_cues: row[12],
            quoted: row[13],
            pronoun_cues: row[14],
            list_cues: row[15],
        }
    }
}

/// One name as written, with the gazetteer entry it is and whether the model rejected it
/// (kept until [`Compact::promote`] decides), and its mentions' [`Tally`].
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub name: Arc<str>,
    pub entry: Entry,
    pub rejected: bool,
    pub tally: Tally,
}

/// A mention's type and whether a title or role stood before it, in one byte.
pub fn kind_byte(t: EntityType, person_evidence: bool) -> u8 {
    t as u8 | u8::from(person_evidence) << 2
}

/// The type of a [`kind_byte`].
pub fn kind_type(kind: u8) -> EntityType {
    EntityType::ALL[usize::from(kind & 3)]
}

/// Whether a title or role stood before the mention of a [`kind_byte`].
pub fn kind_person_evidence(kind: u8) -> bool {
    kind & 4 != 0
}

/// The mentions of a corpus (or of a part of it), document by document, compact.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Compact {
    /// Each distinct (name, entry, rejected) of the mentions, in no order that matters
    /// (resolution numbers names by their first mention).
    pub written: Vec<Written>,
    /// How many mentions each document has.
    pub per_doc: Vec<u32>,
    /// Each mention's name (a row of `written`), its [`kind_byte`] and sentence number.
    pub code: Vec<u32>,
    pub kind: Vec<u8>,
    pub sentence: Vec<u32>,
    /// Each mention's character offsets into the original text, when asked for.
    pub spans: Option<(Vec<u32>, Vec<u32>)>,
}

/// Where each (name, entry, rejected) stands in a [`Compact`]'s `written`.
pub type WrittenIndex = AHashMap<(Arc<str>, Entry, bool), u32>;

impl Compact {
    /// The mentions of documents (`docs[d]`: document d's), with offsets when `spans`.
    pub fn of(docs: &[Vec<Mention>], spans: bool) -> Compact {
        let n: usize = docs.iter().map(Vec::len).sum();
        let mut c = Compact {
            code: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            sentence: Vec::with_capacity(n),
            per_doc: Vec::with_capacity(docs.len()),
            spans: spans.then(|| (Vec::with_capacity(n), Vec::with_capacity(n))),
            written: Vec::new(),
        };
        let mut index = WrittenIndex::new();
        for doc in docs {
            c.per_doc.push(doc.len() as u32);
            for m in doc {
                let w = c.row(&mut index, &m.name, m.entry, m.rejected);
                c.written[w as usize].tally.add(m);
                c.code.push(w);
                c.kind.push(kind_byte(m.entity_type, m.person_evidence));
                c.sentence.push(m.sentence);
                if let Some((start, end)) = c.spans.as_mut() {
                    start.push(m.start);
                    end.push(m.end);
                }
            }
        }
        c
    }

    /// The row of (name, entry, rejected) in `written` (`index` says where each stands),
    /// made with an empty tally when it is new.
    fn row(
        &mut self,
        index: &mut WrittenIndex,
        name: &Arc<str>,
        entry: Entry,
        rejected: bool,
    ) -> u32 {
        *index
            .entry((Arc::clone(name), entry, rejected))
            .or_insert_with(|| {
                self.written.push(Written {
                    name: Arc::clone(name),
                    entry,
                    rejected,
                    tally: Tally::default(),
                });
                (self.written.len() - 1) as u32
            })
    }

    /// How many mentions it holds.
    pub fn len(&self) -> usize {
        self.code.len()
    }

    pub fn is_empty(&self) -> bool {
        self.code.is_empty()
    }

    /// Where each mention of each document begins (`per_doc` added up), and the end.
    pub fn doc_starts(&self) -> Vec<usize> {
        let mut at = Vec::with_capacity(self.per_doc.len() + 1);
        let mut k = 0usize;
        at.push(0);
        for &n in &self.per_doc {
            k += n as usize;
            at.push(k);
        }
        at
    }

    /// The next part of the corpus, its documents after these (its columns consumed):
    /// the same names as written become one row, their tallies added up. `index` is this
    /// compact's ([`Compact::index`]), kept up to date.
    pub fn append(&mut self, part: Compact, index: &mut WrittenIndex) {
        let rows: Vec<u32> = part
            .written
            .into_iter()
            .map(|w| {
                let at = self.row(index, &w.name, w.entry, w.rejected);
                self.written[at as usize].tally.merge(&w.tally);
                at
            })
            .collect();
        self.code
            .extend(part.code.into_iter().map(|w| rows[w as usize]));
        self.kind.extend(part.kind);
        self.sentence.extend(part.sentence);
        self.per_doc.extend(part.per_doc);
        match (self.spans.as_mut(), part.spans) {
            (Some((start, end)), Some((s, e))) => {
                start.extend(s);
                end.extend(e);
            }
            _ => self.spans = None,
        }
    }

    /// Where each of its names as written stands (for [`Compact::append`]).
    pub fn index(&self) -> WrittenIndex {
        self.written
            .iter()
            .enumerate()
            .map(|(i, w)| ((Arc::clone(&w.name), w.entry, w.rejected), i as u32))
            .collect()
    }

    /// One sense per corpus, as [`crate::entities::extract::promote`]: a rejected name
    /// whose words are a name at least twice elsewhere in the corpus becomes one, its
    /// mentions of the type those have most often; the other rejected names' mentions are
    /// dropped. Returns which mentions were kept (in order), for columns held beside it.
    pub fn promote(&mut self) -> Vec<bool> {
        let mut votes: AHashMap<String, [u32; 4]> = AHashMap::new();
        for w in self.written.iter().filter(|w| !w.rejected) {
            let v = votes.entry(w.name.to_lowercase()).or_default();
            for (n, k) in v.iter_mut().zip(w.tally.typed) {
                *n += k;
            }
        }
        // Per name as written: None kept as it is, Some(Some(t)) promoted to t, Some(None)
        // dropped.
        let fate: Vec<Option<Option<EntityType>>> = self
            .written
            .iter()
            .map(|w| {
                w.rejected.then(|| {
                    votes
                        .get(&w.name.to_lowercase())
                        .and_then(super::extract::promoted_type)
                })
            })
            .collect();
        drop(votes);
        for (w, f) in self.written.iter_mut().zip(&fate) {
            if let Some(Some(t)) = f {
                w.tally = w.tally.retyped(*t);
                w.rejected = false;
            }
        }
        let keep: Vec<bool> = self
            .code
            .iter()
            .map(|&w| fate[w as usize] != Some(None))
            .collect();
        for (kind, &w) in self.kind.iter_mut().zip(&self.code) {
            if let Some(Some(t)) = fate[w as usize] {
                *kind = kind_byte(t, kind_person_evidence(*kind));
            }
        }
        let mut at = 0;
        for n in &mut self.per_doc {
            let len = *n as usize;
            *n = keep[at..at + len].iter().filter(|&&k| k).count() as u32;
            at += len;
        }
        retain_kept(&mut self.code, &keep);
        retain_kept(&mut self.kind, &keep);
        retain_kept(&mut self.sentence, &keep);
        if let Some((start, end)) = self.spans.as_mut() {
            retain_kept(start, &keep);
            retain_kept(end, &keep);
        }
        // (The dropped names' rows stay, counted by no mention.)
        keep
    }
}

/// `column` without the values whose `keep` is false (one a value, in order).
fn retain_kept<T>(column: &mut Vec<T>, keep: &[bool]) {
    let mut k = keep.iter();
    column.retain(|_| *k.next().unwrap_or(&true));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::extract::{promote, Signs};

    fn mention(doc: u32, name: &str, t: EntityType, rejected: bool, sentence: u32) -> Mention {
        Mention {
            doc,
            start: sentence * 10,
            end: sentence * 10 + name.len() as u32,
            name: Arc::from(name),
            entity_type: t,
            sentence,
            person_evidence: name.starts_with('M'),
            org_evidence: false,
            loc_evidence: t == EntityType::Loc,
            called: None,
            quoted: false,
            signs: Signs::new(false, sentence == 1),
            entry: Entry::None,
            rejected,
        }
    }

    fn corpus() -> Vec<Vec<Mention>> {
        use EntityType::*;
        vec![
            vec![
                mention(0, "Paris", Loc, false, 0),
                mention(0, "Paris", Per, true, 1),
                mention(0, "Miller", Per, false, 2),
            ],
            vec![],
            vec![
                mention(2, "paris", Loc, false, 0),
                mention(2, "Nowhere", Org, true, 1),
                mention(2, "Miller", Per, true, 3),
            ],
        ]
    }

    /// What resolution reads of a compact: each mention's (name, entry, kind, sentence,
    /// offsets) and each (name, entry)'s tally over the mentions, however rows are numbered.
    type View = (
        Vec<(String, Entry, u8, u32)>,
        Vec<(String, [u32; TALLY_COLUMNS])>,
        Vec<u32>,
    );

    fn view(c: &Compact) -> View {
        let mentions = c
            .code
            .iter()
            .zip(&c.kind)
            .zip(&c.sentence)
            .map(|((&w, &k), &s)| {
                let w = &c.written[w as usize];
                (w.name.to_string(), w.entry, k, s)
            })
            .collect();
        let mut tallies = std::collections::BTreeMap::<String, Tally>::new();
        for &w in &c.code {
            tallies
                .entry(c.written[w as usize].name.to_string())
                .or_default();
        }
        for w in &c.written {
            if let Some(t) = tallies.get_mut(&*w.name) {
                if !w.rejected {
                    t.merge(&w.tally);
                }
            }
        }
        let tallies = tallies.into_iter().map(|(n, t)| (n, t.to_row())).collect();
        (mentions, tallies, c.per_doc.clone())
    }

    #[test]
    fn promotion_of_compact_mentions_is_the_mentions_promotion() {
        let docs = corpus();
        let mut promoted = docs.clone();
        promote(&mut promoted);
        let mut c = Compact::of(&docs, true);
        let keep = c.promote();
        assert_eq!(keep, [true, true, true, true, false, false]);
        let whole = Compact::of(&promoted, true);
        assert_eq!(view(&c), view(&whole));
        assert_eq!(c.spans, whole.spans);
        // (A rejected name that is a name once elsewhere is dropped: "Miller".)
        assert_eq!(c.per_doc, [3, 0, 1]);
    }

    #[test]
    fn parts_appended_are_the_whole() {
        let docs = corpus();
        let whole = Compact::of(&docs, false);
        let mut joined = Compact::of(&docs[..1], false);
        let mut index = joined.index();
        joined.append(Compact::of(&docs[1..], false), &mut index);
        assert_eq!(joined, whole);
        let row = Tally::from_row(&whole.written[0].tally.to_row());
        assert_eq!(row, whole.written[0].tally);
    }
}
