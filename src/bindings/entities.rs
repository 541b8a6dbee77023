//! Bindings for entities: extraction with alias resolution, gazetteers, co-occurrence.

use super::input::{docs_from_list, Doc};
use super::{
    cancellable_detached, check_threads, collect_batches, detached, error, run_batches, set_column,
    OrRaise,
};
use crate::entities::aliases::{resolve_until, NOT_COUNTED};
use crate::entities::count;
use crate::entities::detect::CaseStats;
use crate::entities::extract::{
    count_case, extract_doc, promote_until, ByteOfChar, CharCounter, Entry, ExtractOptions,
    Mention, Signs,
};
use crate::entities::gazetteer::{self, Gazetteer};
use crate::entities::model::Model;
use crate::entities::EntityType;
use crate::options::Choice;
use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::sync::Arc;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    m.add_function(wrap_pyfunction!(extract_entities, m)?)?;
    m.add_function(wrap_pyfunction!(entity_case_stats, m)?)?;
    m.add_function(wrap_pyfunction!(extract_mentions, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_mentions, m)?)?;
    m.add_function(wrap_pyfunction!(cooccurrence, m)?)?;
    m.add_function(wrap_pyfunction!(entity_tally, m)?)?;
    m.add_function(wrap_pyfunction!(builtin_gazetteer, m)?)?;
    Ok(())
}

/// A gazetteer built once (an Aho-Corasick automaton) and shared by every thread.
#[pyclass(name = "Gazetteer", module = "newscorpus._native", frozen)]
pub struct PyGazetteer {
    inner: Arc<Gazetteer>,
}

#[pymethods]
impl PyGazetteer {
    #[new]
    #[pyo3(signature = (canonical, types, aliases, case_sensitive=true))]
    fn new(
        py: Python<'_>,
        canonical: Vec<String>,
        types: Vec<String>,
        aliases: Vec<Vec<String>>,
        case_sensitive: bool,
    ) -> PyResult<Self> {
        if canonical.len() != types.len() || canonical.len() != aliases.len() {
            return Err(error(
                py,
                "InputValueError",
                "canonical, types and aliases differ in length".into(),
            ));
        }
        let mut entries = Vec::with_capacity(canonical.len());
        for (i, ((name, t), a)) in canonical.into_iter().zip(types).zip(aliases).enumerate() {
            let entity_type = EntityType::parse(t.trim()).map_err(|e| {
                error(
                    py,
                    "OptionError",
                    format!("gazetteer entry {i} ({name:?}): {e}"),
                )
            })?;
            entries.push((name, entity_type, a));
        }
        let inner = py
            .detach(|| Gazetteer::new(entries, case_sensitive))
            .or_raise(py)?;
        Ok(PyGazetteer {
            inner: Arc::new(inner),
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    #[getter]
    fn aliases(&self) -> usize {
        self.inner.aliases()
    }

    #[getter]
    fn empty_aliases(&self) -> usize {
        self.inner.empty_aliases
    }

    #[getter]
    fn case_sensitive(&self) -> bool {
        self.inner.case_sensitive
    }

    /// (alias, kept canonical, dropped canonical) for aliases given to two entries.
    #[getter]
    fn conflicts(&self) -> Vec<(String, String, String)> {
        let name = |i: u32| self.inner.entries[i as usize].canonical.clone();
        self.inner
            .conflicts
            .iter()
            .map(|c| (c.alias.clone(), name(c.kept), name(c.dropped)))
            .collect()
    }

    /// (canonical, type) of every entry.
    fn entries(&self) -> Vec<(String, &'static str)> {
        self.inner
            .entries
            .iter()
            .map(|e| (e.canonical.clone(), e.entity_type.as_str()))
            .collect()
    }

    /// Matches in the texts as given (no normalization): columns doc, start, end
    /// (character offsets), entry, text.
    #[pyo3(signature = (texts, n_threads=None))]
    fn find<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        n_threads: Option<i64>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let n_threads = check_threads(py, n_threads)?;
        let docs = docs_from_list(py, texts, false)?;
        let items: Vec<(usize, &Doc)> = docs.iter().enumerate().collect();
        let gaz = &self.inner;
        let mut rows: Vec<(u32, u32, u32, u32)> = Vec::new();
        let mut matched: Vec<&str> = Vec::new();
        run_batches(
            py,
            &items,
            n_threads,
            |(_, d)| d.len(),
            |&(i, d)| {
                let Some(text) = d.as_str() else {
                    return Vec::new();
                };
                let mut chars = CharCounter::new(text);
                gaz.find(text)
                    .iter()
                    .map(|m| {
                        let (s, e) = (chars.at(m.start), chars.at(m.end));
                        ((i as u32, s, e, m.entry), (m.start, m.end))
                    })
                    .collect::<Vec<_>>()
            },
            |batch| {
                for found in batch {
                    for (row, (a, b)) in found {
                        rows.push(row);
                        matched.push(&docs[row.0 as usize].as_str().unwrap_or_default()[a..b]);
                    }
                }
                Ok(())
            },
        )?;
        let dict = PyDict::new(py);
        set_column(&dict, "doc", rows.iter().map(|r| i64::from(r.0)))?;
        set_column(&dict, "start", rows.iter().map(|r| i64::from(r.1)))?;
        set_column(&dict, "end", rows.iter().map(|r| i64::from(r.2)))?;
        set_column(&dict, "entry", rows.iter().map(|r| i64::from(r.3)))?;
        dict.set_item("text", PyList::new(py, matched)?)?;
        Ok(dict)
    }
}

/// (canonical, type, aliases) of the built-in gazetteer's entries.
#[pyfunction]
fn builtin_gazetteer() -> Vec<(String, &'static str, Vec<String>)> {
    gazetteer::builtin()
        .entries
        .iter()
        .zip(gazetteer::builtin_aliases())
        .map(|(e, aliases)| (e.canonical.clone(), e.entity_type.as_str(), aliases.clone()))
        .collect()
}

/// Mentions with resolved entities, and the audit table, as dicts of columns. With
/// `written=False` the mentions come without their text as written (`text`, `replaced`):
/// what counting needs, at a fraction of the memory.
#[pyfunction]
#[pyo3(signature = (texts, gazetteer=None, detect=true, aliases=Vec::new(), n_threads=None, written=true))]
fn extract_entities<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    gazetteer: Option<PyRef<'py, PyGazetteer>>,
    detect: bool,
    aliases: Vec<(String, String)>,
    n_threads: Option<i64>,
    written: bool,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    let n_threads = check_threads(py, n_threads)?;
    let docs = docs_from_list(py, texts, false)?;
    let user: Option<Arc<Gazetteer>> = gazetteer.map(|g| Arc::clone(&g.inner));
    let stats = if detect {
        case_stats_of(py, &docs, n_threads)?
    } else {
        CaseStats::default()
    };
    let options = ExtractOptions { detect };
    let (mentions, forms) = mentions_of(
        py,
        &docs,
        &stats,
        user.as_deref(),
        options,
        n_threads,
        0,
        written,
    )?;
    // Neither the case statistics nor, when no mention is shown as written, the texts are
    // read again: freed, with what extraction left, before the resolution builds its own
    // tables.
    drop(stats);
    let bytes: usize = docs.iter().map(Doc::len).sum();
    if forms.is_none() {
        drop(forms);
        drop(docs);
        super::release_freed(bytes);
        return resolved_tables::<&str>(py, mentions, None, user, aliases, n_threads);
    }
    super::release_freed(bytes);
    resolved_tables(py, mentions, forms.as_deref(), user, aliases, n_threads)
}

/// Pass 1 alone, for a corpus in parts (`newscorpus.dask`): the case statistics of these
/// texts as columns (word hash, lowercase count, capitalised count); the parts' columns
/// concatenated are the corpus's statistics (`extract_mentions` adds up repeated keys).
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn entity_case_stats<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    n_threads: Option<i64>,
) -> PyResult<StatsColumns<'py>> {
    let n_threads = check_threads(py, n_threads)?;
    let docs = docs_from_list(py, texts, false)?;
    let (keys, lower, capital) = case_stats_of(py, &docs, n_threads)?.to_columns();
    Ok((
        PyArray1::from_vec(py, keys),
        PyArray1::from_vec(py, lower),
        PyArray1::from_vec(py, capital),
    ))
}

/// Pass 2 alone, for one part of a corpus: its mentions (documents numbered from
/// `first_doc`) as columns, with the corpus's case statistics (`entity_case_stats`);
/// with `written=False` without each mention as written (the `written` column).
#[pyfunction]
#[pyo3(signature = (texts, first_doc, keys, lower, capital, gazetteer=None, detect=true, n_threads=None, written=true))]
#[allow(clippy::too_many_arguments)]
fn extract_mentions<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    first_doc: u32,
    keys: PyReadonlyArray1<'py, u64>,
    lower: PyReadonlyArray1<'py, u32>,
    capital: PyReadonlyArray1<'py, u32>,
    gazetteer: Option<PyRef<'py, PyGazetteer>>,
    detect: bool,
    n_threads: Option<i64>,
    written: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(py, n_threads)?;
    let docs = docs_from_list(py, texts, false)?;
    let (keys, lower, capital) = (keys.as_slice()?, lower.as_slice()?, capital.as_slice()?);
    if keys.len() != lower.len() || keys.len() != capital.len() {
        return Err(error(
            py,
            "InputValueError",
            "case statistics columns differ in length".into(),
        ));
    }
    let user: Option<Arc<Gazetteer>> = gazetteer.map(|g| Arc::clone(&g.inner));
    let options = ExtractOptions { detect };
    let cols = {
        let stats = CaseStats::from_columns(keys, lower, capital);
        let (mentions, written) = mentions_of(
            py,
            &docs,
            &stats,
            user.as_deref(),
            options,
            n_threads,
            first_doc,
            written,
        )?;
        drop(stats);
        mention_columns(py, &mentions, written)?
    };
    // (A worker's memory: what the part's extraction freed goes back to the system.)
    let bytes: usize = docs.iter().map(Doc::len).sum();
    drop(docs);
    super::release_freed(bytes);
    Ok(cols)
}

/// The columns of `extract_mentions`.
fn mention_columns<'py>(
    py: Python<'py>,
    mentions: &[Vec<Mention>],
    written: Option<Vec<Vec<&str>>>,
) -> PyResult<Bound<'py, PyDict>> {
    let flat: Vec<&Mention> = mentions.iter().flatten().collect();
    let cols = PyDict::new(py);
    // Compact columns (25 bytes a mention without offsets): a million articles' mentions
    // all stand on the driver that resolves them. Names are a table of the part's distinct
    // names and a number a mention.
    set_column(&cols, "doc", flat.iter().map(|m| m.doc))?;
    // (Resolution reads no offsets: only the table of mentions as written needs them.)
    if written.is_some() {
        set_column(&cols, "start", flat.iter().map(|m| m.start))?;
        set_column(&cols, "end", flat.iter().map(|m| m.end))?;
    }
    set_column(&cols, "sentence", flat.iter().map(|m| m.sentence))?;
    set_column(
        &cols,
        "type",
        flat.iter().map(|m| m.entity_type.class() as u8),
    )?;
    set_column(
        &cols,
        "person_evidence",
        flat.iter().map(|m| m.person_evidence),
    )?;
    set_column(&cols, "org_evidence", flat.iter().map(|m| m.org_evidence))?;
    set_column(&cols, "loc_evidence", flat.iter().map(|m| m.loc_evidence))?;
    // What a word before it calls it: 0 nothing, else a type's class (MISC a work, ORG a firm).
    set_column(
        &cols,
        "called",
        flat.iter().map(|m| m.called.map_or(0, |t| t.class() as u8)),
    )?;
    // Gazetteer entries are numbered from 0 (below 2**31); no entry is -1.
    let entry = |e: Option<u32>| e.map_or(-1, |e| e as i32);
    set_column(
        &cols,
        "builtin",
        flat.iter().map(|m| entry(m.entry.builtin())),
    )?;
    set_column(&cols, "user", flat.iter().map(|m| entry(m.entry.user())))?;
    set_column(&cols, "rejected", flat.iter().map(|m| m.rejected))?;
    set_column(&cols, "quoted", flat.iter().map(|m| m.quoted))?;
    set_column(
        &cols,
        "pronoun_after",
        flat.iter().map(|m| m.signs.pronoun_after()),
    )?;
    set_column(&cols, "in_list", flat.iter().map(|m| m.signs.in_list()))?;
    let mut number: ahash::AHashMap<&str, u32> = ahash::AHashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let codes: Vec<u32> = flat
        .iter()
        .map(|m| {
            *number.entry(&*m.name).or_insert_with(|| {
                names.push(&*m.name);
                (names.len() - 1) as u32
            })
        })
        .collect();
    set_column(&cols, "name_code", codes)?;
    cols.set_item("names", PyList::new(py, names)?)?;
    if let Some(written) = written {
        cols.set_item("written", PyList::new(py, written.iter().flatten())?)?;
    }
    Ok(cols)
}

/// Promotion and resolution over the mentions of every part of a corpus (the columns of
/// `extract_mentions`, concatenated in document order, `n_docs` documents in all): the
/// same tables as `extract_entities` on the whole corpus. The numeric columns are read in
/// place (numpy arrays of the dtypes `extract_mentions` gives: uint32, uint8, int32, bool),
/// and the names from `names` (a table) and `name_code` (a row of it a mention); without a
/// `written` column (and then no `start` and `end`) the table has no `text` (what counting
/// needs). `cols` is consumed: it is empty on return (its columns are freed as soon as they
/// are read).
#[pyfunction]
#[pyo3(signature = (cols, n_docs, gazetteer=None, aliases=Vec::new(), n_threads=None))]
fn resolve_mentions<'py>(
    py: Python<'py>,
    cols: &Bound<'py, PyDict>,
    n_docs: usize,
    gazetteer: Option<PyRef<'py, PyGazetteer>>,
    aliases: Vec<(String, String)>,
    n_threads: Option<i64>,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    let n_threads = check_threads(py, n_threads)?;
    let get = |name: &str| -> PyResult<Bound<'py, PyAny>> {
        cols.get_item(name)?.ok_or_else(|| {
            error(
                py,
                "InputValueError",
                format!("mention columns lack {name:?}"),
            )
        })
    };
    let ints = |name: &str| -> PyResult<PyReadonlyArray1<'py, i32>> { get(name)?.extract() };
    let counts = |name: &str| -> PyResult<PyReadonlyArray1<'py, u32>> { get(name)?.extract() };
    let flags = |name: &str| -> PyResult<PyReadonlyArray1<'py, bool>> { get(name)?.extract() };
    let (mentions, forms, has_forms) = {
        let (doc, sentence, code) = (counts("doc")?, counts("sentence")?, counts("name_code")?);
        // Offsets come with the mentions as written, which need them (resolution does not).
        let spans = if cols.contains("written")? {
            Some((counts("start")?, counts("end")?))
        } else {
            None
        };
        let kind: PyReadonlyArray1<'py, u8> = get("type")?.extract()?;
        let (builtin, user_entry) = (ints("builtin")?, ints("user")?);
        let (person, org, loc, rejected) = (
            flags("person_evidence")?,
            flags("org_evidence")?,
            flags("loc_evidence")?,
            flags("rejected")?,
        );
        let called: PyReadonlyArray1<'py, u8> = get("called")?.extract()?;
        let quoted = flags("quoted")?;
        let pronoun = flags("pronoun_after")?;
        let in_list = flags("in_list")?;
        let (doc, sentence, kind, code) = (
            doc.as_slice()?,
            sentence.as_slice()?,
            kind.as_slice()?,
            code.as_slice()?,
        );
        let (start, end) = match &spans {
            Some((start, end)) => (Some(start.as_slice()?), Some(end.as_slice()?)),
            None => (None, None),
        };
        let (builtin, user_entry) = (builtin.as_slice()?, user_entry.as_slice()?);
        let (person, org, loc, rejected) = (
            person.as_slice()?,
            org.as_slice()?,
            loc.as_slice()?,
            rejected.as_slice()?,
        );
        let (called, quoted, pronoun, in_list) = (
            called.as_slice()?,
            quoted.as_slice()?,
            pronoun.as_slice()?,
            in_list.as_slice()?,
        );
        // One copy of each distinct name, shared by its mentions.
        let names: Vec<Arc<str>> = get("names")?
            .extract::<Vec<String>>()?
            .into_iter()
            .map(Arc::from)
            .collect();
        // The columns are consumed: each Python list goes once its strings are copied, the
        // arrays once the mentions are built (a million articles: about 39 million mentions,
        // several GB that need not stand twice).
        cols.del_item("names")?;
        let written: Option<Vec<String>> = match cols.get_item("written")? {
            Some(w) => Some(w.extract()?),
            None => None,
        };
        if written.is_some() {
            cols.del_item("written")?;
        }
        let n = doc.len();
        let lengths = [
            start.map_or(n, <[u32]>::len),
            end.map_or(n, <[u32]>::len),
            sentence.len(),
            kind.len(),
            person.len(),
            org.len(),
            loc.len(),
            builtin.len(),
            user_entry.len(),
            rejected.len(),
            called.len(),
            quoted.len(),
            pronoun.len(),
            in_list.len(),
            code.len(),
            written.as_ref().map_or(n, Vec::len),
        ];
        if lengths.iter().any(|&l| l != n) {
            return Err(error(
                py,
                "InputValueError",
                "mention columns differ in length".into(),
            ));
        }
        let bad = || {
            error(
                py,
                "InputValueError",
                "mention columns hold values out of range".into(),
            )
        };
        // Each document's mentions in a vector of its exact size (grown a push at a time,
        // a million articles' vectors held about a third more than their mentions).
        let mut per_doc = vec![0usize; n_docs];
        for &d in doc {
            *per_doc.get_mut(d as usize).ok_or_else(bad)? += 1;
        }
        let mut mentions: Vec<Vec<Mention>> =
            per_doc.iter().map(|&k| Vec::with_capacity(k)).collect();
        let mut forms: Vec<Vec<String>> = if written.is_some() {
            per_doc.iter().map(|&k| Vec::with_capacity(k)).collect()
        } else {
            (0..n_docs).map(|_| Vec::new()).collect()
        };
        drop(per_doc);
        let mut written = written.map(Vec::into_iter);
        for k in 0..n {
            let d = doc[k] as usize;
            // (No entry is -1; a mention is of one gazetteer at most.)
            let entry = match (builtin[k], user_entry[k]) {
                (b, u) if b < 0 && u < 0 => Entry::None,
                (b, u) if u < 0 => Entry::Builtin(b as u32),
                (b, u) if b < 0 => Entry::User(u as u32),
                _ => return Err(bad()),
            };
            mentions[d].push(Mention {
                doc: doc[k],
                start: start.map_or(0, |s| s[k]),
                end: end.map_or(0, |e| e[k]),
                name: Arc::clone(names.get(code[k] as usize).ok_or_else(bad)?),
                entity_type: EntityType::from_class(usize::from(kind[k])).ok_or_else(bad)?,
                sentence: sentence[k],
                person_evidence: person[k],
                org_evidence: org[k],
                loc_evidence: loc[k],
                called: EntityType::from_class(usize::from(called[k])),
                quoted: quoted[k],
                signs: Signs::new(pronoun[k], in_list[k]),
                entry,
                rejected: rejected[k],
            });
            if let Some(form) = written.as_mut().and_then(Iterator::next) {
                forms[d].push(form);
            }
        }
        (mentions, forms, written.is_some())
    };
    cols.clear();
    let user: Option<Arc<Gazetteer>> = gazetteer.map(|g| Arc::clone(&g.inner));
    resolved_tables(
        py,
        mentions,
        has_forms.then_some(forms.as_slice()),
        user,
        aliases,
        n_threads,
    )
}

/// Pass 1 of extraction: how the corpus writes each word (one table a chunk of documents).
fn case_stats_of(py: Python<'_>, docs: &[Doc], n_threads: Option<usize>) -> PyResult<CaseStats> {
    let mut stats = CaseStats::default();
    let chunks: Vec<&[Doc]> = docs.chunks(64).collect();
    // (A progress bar counts the texts of pass 2, the long one.)
    super::without_progress(|| {
        run_batches(
            py,
            &chunks,
            n_threads,
            |c| c.iter().map(Doc::len).sum(),
            |chunk| {
                let mut s = CaseStats::default();
                for t in chunk.iter().filter_map(Doc::as_str) {
                    count_case(&mut s, t);
                }
                s
            },
            |batch| {
                for s in batch {
                    stats.merge(s);
                }
                Ok(())
            },
        )
    })?;
    Ok(stats)
}

/// Each document's mentions, and (when asked for) each mention as the original text writes it.
type MentionsAndForms<'d> = (Vec<Vec<Mention>>, Option<Vec<Vec<&'d str>>>);

/// Case statistics as numpy columns: word hashes, lowercase and capitalised counts.
type StatsColumns<'py> = (
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<u32>>,
);

/// Pass 2: the mentions of each document (numbered from `first_doc`), and, with `written`,
/// each mention as the original text writes it.
#[allow(clippy::too_many_arguments)]
fn mentions_of<'d>(
    py: Python<'_>,
    docs: &'d [Doc],
    stats: &CaseStats,
    user: Option<&Gazetteer>,
    options: ExtractOptions,
    n_threads: Option<usize>,
    first_doc: u32,
    written: bool,
) -> PyResult<MentionsAndForms<'d>> {
    let model = Model::builtin();
    let items: Vec<(usize, &Doc)> = docs.iter().enumerate().collect();
    let mentions: Vec<Vec<Mention>> = collect_batches(
        py,
        &items,
        n_threads,
        |(_, d)| d.len(),
        |&(i, d)| {
            d.as_str().map_or_else(Vec::new, |t| {
                extract_doc(first_doc + i as u32, t, stats, model, user, options)
            })
        },
    )?;
    if !written {
        return Ok((mentions, None));
    }
    // The mention as the original text writes it (offsets are characters; mentions are
    // in text order within a document, so one sweep a document finds the bytes).
    let written = docs
        .iter()
        .zip(&mentions)
        .map(|(doc, ms)| {
            let text = doc.as_str().unwrap_or_default();
            let mut bytes = ByteOfChar::new(text);
            ms.iter()
                .map(|m| {
                    let (a, b) = (bytes.at(m.start), bytes.at(m.end));
                    &text[a..b]
                })
                .collect()
        })
        .collect();
    Ok((mentions, Some(written)))
}

/// The resolved mentions of a corpus as columns, in document order (`start`, `end` and
/// `per_doc`, each document's number of mentions, only when asked for). Made as the
/// mentions are freed, so the two never stand side by side (a million articles: about 39
/// million mentions of 48 bytes; 12 to 20 bytes a mention here).
#[derive(Default)]
struct MentionColumns {
    doc: Vec<u32>,
    sentence: Vec<u32>,
    entity: Vec<u32>,
    start: Vec<u32>,
    end: Vec<u32>,
    per_doc: Vec<u32>,
}

impl MentionColumns {
    /// (Empty once `cancel` is set: the call is being given up.)
    fn of(
        mentions: Vec<Vec<Mention>>,
        entity_of: Vec<Vec<u32>>,
        spans: bool,
        cancel: &crate::cancel::Cancel,
    ) -> Self {
        let n = mentions.iter().map(Vec::len).sum();
        let with = |k: usize| Vec::with_capacity(if spans { k } else { 0 });
        let mut c = MentionColumns {
            doc: Vec::with_capacity(n),
            sentence: Vec::with_capacity(n),
            entity: Vec::with_capacity(n),
            start: with(n),
            end: with(n),
            per_doc: with(mentions.len()),
        };
        for (d, (ms, ids)) in mentions.into_iter().zip(entity_of).enumerate() {
            if d % 1024 == 0 && cancel.is_cancelled() {
                return Self::default();
            }
            let before = c.doc.len();
            // (A mention of no entity, `NOT_COUNTED`, is left out.)
            for (m, id) in ms.into_iter().zip(ids).filter(|(_, id)| *id != NOT_COUNTED) {
                c.doc.push(m.doc);
                c.sentence.push(m.sentence);
                c.entity.push(id);
                if spans {
                    c.start.push(m.start);
                    c.end.push(m.end);
                }
            }
            if spans {
                c.per_doc.push((c.doc.len() - before) as u32);
            }
        }
        c
    }
}

/// Promote, resolve and tabulate the mentions of a whole corpus (`written`: each mention
/// as written, document by document, before promotion drops the rejected ones; without
/// it the table has no `text` and `replaced` columns).
fn resolved_tables<'py, S: AsRef<str>>(
    py: Python<'py>,
    mut mentions: Vec<Vec<Mention>>,
    written: Option<&[Vec<S>]>,
    user: Option<Arc<Gazetteer>>,
    aliases: Vec<(String, String)>,
    n_threads: Option<usize>,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    // Promotion keeps each document's mentions in order and drops some: the mentions kept
    // are matched to their written forms by offsets.
    let before: Vec<Vec<(u32, u32)>> = if written.is_some() {
        mentions
            .iter()
            .map(|ms| ms.iter().map(|m| (m.start, m.end)).collect())
            .collect()
    } else {
        Vec::new()
    };
    let spans = written.is_some();
    // (Cancellable: resolving a million articles takes about a minute; given up, the
    // worker frees what it built on its own.)
    let (table, resolved) = cancellable_detached(py, n_threads, move |cancel| {
        promote_until(&mut mentions, cancel);
        let user = user.as_deref();
        let mut resolved = resolve_until(&mentions, gazetteer::builtin(), user, &aliases, cancel);
        let entity_of = std::mem::take(&mut resolved.entity_of);
        (
            MentionColumns::of(mentions, entity_of, spans, cancel),
            resolved,
        )
    })?;
    // (About 40 mentions an article of 2,500 bytes.)
    super::release_freed(table.doc.len() * 64);
    let mut kept_written: Vec<&str> = Vec::new();
    let mut at = 0;
    for ((&len, spans), forms) in table
        .per_doc
        .iter()
        .zip(&before)
        .zip(written.unwrap_or_default())
    {
        let mut k = 0;
        for i in at..at + len as usize {
            while spans[k] != (table.start[i], table.end[i]) {
                k += 1;
            }
            kept_written.push(forms[k].as_ref());
            k += 1;
        }
        at += len as usize;
    }
    let cols = PyDict::new(py);
    if written.is_some() {
        // The public table's columns are 64-bit (as pandas makes integers).
        let wide = |v: &[u32]| v.iter().map(|&x| i64::from(x)).collect::<Vec<_>>();
        cols.set_item("doc", PyArray1::from_vec(py, wide(&table.doc)))?;
        cols.set_item("start", PyArray1::from_vec(py, wide(&table.start)))?;
        cols.set_item("end", PyArray1::from_vec(py, wide(&table.end)))?;
        cols.set_item("sentence", PyArray1::from_vec(py, wide(&table.sentence)))?;
        cols.set_item("entity", PyArray1::from_vec(py, wide(&table.entity)))?;
    } else {
        // Counting reads documents, sentences and entities only: 32-bit, moved, not copied.
        cols.set_item("doc", PyArray1::from_vec(py, table.doc))?;
        cols.set_item("sentence", PyArray1::from_vec(py, table.sentence))?;
        cols.set_item("entity", PyArray1::from_vec(py, table.entity))?;
    }
    if written.is_some() {
        // Mentions whose written form holds U+FFFD (a lone surrogate read with
        // errors="replace"): the Python layer puts the original's characters back in those.
        set_column(
            &cols,
            "replaced",
            kept_written
                .iter()
                .enumerate()
                .filter(|(_, w)| w.contains('\u{FFFD}'))
                .map(|(k, _)| k as i64),
        )?;
        cols.set_item("text", PyList::new(py, kept_written)?)?;
    }
    cols.set_item("entity_names", PyList::new(py, &resolved.names)?)?;
    cols.set_item(
        "entity_types",
        PyList::new(py, resolved.types.iter().map(|t| t.as_str()))?,
    )?;
    let audit = PyDict::new(py);
    audit.set_item(
        "name",
        PyList::new(py, resolved.audit.iter().map(|a| a.name.as_str()))?,
    )?;
    audit.set_item(
        "canonical",
        PyList::new(py, resolved.audit.iter().map(|a| a.canonical.as_str()))?,
    )?;
    audit.set_item(
        "type",
        PyList::new(py, resolved.audit.iter().map(|a| a.entity_type.as_str()))?,
    )?;
    audit.set_item(
        "reason",
        PyList::new(py, resolved.audit.iter().map(|a| a.reason))?,
    )?;
    set_column(
        &audit,
        "mentions",
        resolved.audit.iter().map(|a| i64::from(a.mentions)),
    )?;
    audit.set_item(
        "candidates",
        PyList::new(py, resolved.audit.iter().map(|a| a.candidates.as_str()))?,
    )?;
    Ok((cols, audit))
}

/// How often each entity is named and in how many documents (`count::tally`): columns
/// entity, mentions, documents, in order of each entity's first mention; None when the
/// documents do not come in order.
#[pyfunction]
fn entity_tally<'py>(
    py: Python<'py>,
    docs: PyReadonlyArray1<'py, i64>,
    entities: PyReadonlyArray1<'py, i64>,
    n_entities: usize,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let (docs, entities) = (docs.as_slice()?, entities.as_slice()?);
    if docs.len() != entities.len() {
        return Err(error(
            py,
            "InputValueError",
            "docs and entities differ in length".into(),
        ));
    }
    let Some(rows) = detached(py, None, || count::tally(docs, entities, n_entities))? else {
        return Ok(None);
    };
    let dict = PyDict::new(py);
    set_column(&dict, "entity", rows.iter().map(|r| i64::from(r.0)))?;
    set_column(&dict, "mentions", rows.iter().map(|r| r.1 as i64))?;
    set_column(&dict, "documents", rows.iter().map(|r| r.2 as i64))?;
    Ok(Some(dict))
}

/// Entity pairs named in the same window: columns a, b (entity ids), count.
#[pyfunction]
fn cooccurrence<'py>(
    py: Python<'py>,
    windows: PyReadonlyArray1<'py, i64>,
    entities: PyReadonlyArray1<'py, i64>,
) -> PyResult<Bound<'py, PyDict>> {
    let windows: Vec<u64> = windows.as_slice()?.iter().map(|&w| w as u64).collect();
    let entities: Vec<u32> = entities
        .as_slice()?
        .iter()
        .map(|&e| u32::try_from(e))
        .collect::<Result<_, _>>()
        .map_err(|_| {
            error(
                py,
                "InputValueError",
                "entity ids must be from 0 to 2**32 - 1".into(),
            )
        })?;
    if windows.len() != entities.len() {
        return Err(error(
            py,
            "InputValueError",
            "windows and entities differ in length".into(),
        ));
    }
    let pairs = detached(py, None, || count::cooccurrence(&windows, &entities))?;
    let dict = PyDict::new(py);
    set_column(&dict, "a", pairs.iter().map(|p| i64::from(p.0)))?;
    set_column(&dict, "b", pairs.iter().map(|p| i64::from(p.1)))?;
    set_column(&dict, "count", pairs.iter().map(|p| i64::from(p.2)))?;
    Ok(dict)
}
