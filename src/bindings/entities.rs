//! Bindings for entities: extraction with alias resolution, gazetteers, co-occurrence.

use super::input::{docs_from_list, Doc};
use super::{
    cancellable_detached, check_threads, collect_batches, detached, error, run_batches, set_column,
    OrRaise,
};
use crate::entities::aliases::{resolve_compact, NOT_COUNTED};
use crate::entities::compact::{Compact, Tally, Written, WrittenIndex, TALLY_COLUMNS};
use crate::entities::count;
use crate::entities::detect::CaseStats;
use crate::entities::extract::{
    count_case, extract_doc, ByteOfChar, CharCounter, Entry, ExtractOptions, Mention,
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
    m.add_class::<PyMentionParts>()?;
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
    // The mentions made compact (9 bytes each, 17 with offsets, against 48) before they
    // are resolved, on the resolution's worker: two seconds and more for 200,000 articles,
    // which Ctrl-C must not wait for.
    let spans = forms.is_some();
    let compact = move || {
        let compact = Compact::of(&mentions, spans);
        drop(mentions);
        compact
    };
    let bytes: usize = docs.iter().map(Doc::len).sum();
    if forms.is_none() {
        drop(docs);
        super::release_freed(bytes);
        return resolved_tables::<&str>(py, compact, None, user, aliases, n_threads);
    }
    super::release_freed(bytes);
    resolved_tables(py, compact, forms, user, aliases, n_threads)
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

/// The columns of `extract_mentions`: the part's mentions made compact ([`Compact`]).
/// Per name as written (`names`, `builtin` and `user`, -1 for none, `rejected`, and
/// `tally`, [`TALLY_COLUMNS`] counts a name one after another); per document `per_doc`
/// (its number of mentions); per mention `code` (its row of the names), `kind` (type and
/// title, [`crate::entities::compact::kind_byte`]) and `sentence`; with `written`, `doc`,
/// `start`, `end` and `written` (each mention as the original writes it).
fn mention_columns<'py>(
    py: Python<'py>,
    mentions: &[Vec<Mention>],
    written: Option<Vec<&str>>,
) -> PyResult<Bound<'py, PyDict>> {
    let c = Compact::of(mentions, written.is_some());
    let cols = PyDict::new(py);
    cols.set_item(
        "names",
        PyList::new(py, c.written.iter().map(|w| &*w.name))?,
    )?;
    // Gazetteer entries are numbered from 0 (below 2**31); no entry is -1.
    let entry = |e: Option<u32>| e.map_or(-1, |e| e as i32);
    set_column(
        &cols,
        "builtin",
        c.written.iter().map(|w| entry(w.entry.builtin())),
    )?;
    set_column(
        &cols,
        "user",
        c.written.iter().map(|w| entry(w.entry.user())),
    )?;
    set_column(&cols, "rejected", c.written.iter().map(|w| w.rejected))?;
    set_column(
        &cols,
        "tally",
        c.written.iter().flat_map(|w| w.tally.to_row()),
    )?;
    cols.set_item("per_doc", PyArray1::from_vec(py, c.per_doc))?;
    cols.set_item("code", PyArray1::from_vec(py, c.code))?;
    cols.set_item("kind", PyArray1::from_vec(py, c.kind))?;
    cols.set_item("sentence", PyArray1::from_vec(py, c.sentence))?;
    if let (Some((start, end)), Some(written)) = (c.spans, written) {
        // (The worker reads the original's characters of a mention holding U+FFFD by its
        // document.)
        set_column(&cols, "doc", mentions.iter().flatten().map(|m| m.doc))?;
        cols.set_item("start", PyArray1::from_vec(py, start))?;
        cols.set_item("end", PyArray1::from_vec(py, end))?;
        cols.set_item("written", PyList::new(py, written)?)?;
    }
    Ok(cols)
}

/// The mentions of every part of a corpus (`extract_mentions`' columns), joined as the
/// parts come, in document order, then promoted and resolved as `extract_entities`
/// resolves the whole corpus: the same tables. A million articles' mentions take about
/// 9 bytes each here (and their text as written, when the parts send it), the names as
/// written once each.
#[pyclass(name = "MentionParts", module = "newscorpus._native")]
#[derive(Default)]
pub struct PyMentionParts {
    compact: Compact,
    index: WrittenIndex,
    /// Each mention as written, when the parts send it (all or none of them).
    written: Option<Vec<String>>,
    parts: usize,
}

#[pymethods]
impl PyMentionParts {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Join the next part's columns (consumed: `cols` is empty on return, each column
    /// freed once read). Columns of the wrong length, or values out of range, are an
    /// `InputValueError` and leave the parts joined so far as they were.
    fn append(&mut self, cols: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = cols.py();
        let part = compact_of_columns(cols)?;
        let written: Option<Vec<String>> = match cols.get_item("written")? {
            Some(w) => Some(w.extract()?),
            None => None,
        };
        let bad = |why: &str| error(py, "InputValueError", format!("mention parts {why}"));
        if written.as_ref().is_some_and(|w| w.len() != part.len())
            || written.is_some() != part.spans.is_some()
        {
            return Err(bad(
                "hold as many written forms as mentions, and offsets with them",
            ));
        }
        if self.parts > 0 && written.is_some() != self.written.is_some() {
            return Err(bad("all send their mentions as written, or none"));
        }
        cols.clear();
        if self.parts == 0 {
            self.compact.spans = part.spans.as_ref().map(|_| Default::default());
            self.written = written.as_ref().map(|_| Vec::new());
        }
        self.compact.append(part, &mut self.index);
        if let (Some(all), Some(w)) = (self.written.as_mut(), written) {
            all.extend(w);
        }
        self.parts += 1;
        Ok(())
    }

    /// Promote and resolve the mentions joined (`n_docs` documents in all; the parts are
    /// emptied): `extract_entities`' tables, without `text` unless the parts sent it.
    #[pyo3(signature = (n_docs, gazetteer=None, aliases=Vec::new(), n_threads=None))]
    fn resolve<'py>(
        &mut self,
        py: Python<'py>,
        n_docs: usize,
        gazetteer: Option<PyRef<'py, PyGazetteer>>,
        aliases: Vec<(String, String)>,
        n_threads: Option<i64>,
    ) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
        let n_threads = check_threads(py, n_threads)?;
        let mut parts = std::mem::take(self);
        if parts.parts == 0 {
            parts.compact.per_doc = vec![0; n_docs];
        }
        if parts.compact.per_doc.len() != n_docs {
            return Err(error(
                py,
                "InputValueError",
                format!(
                    "mention parts hold {} documents, not {n_docs}",
                    parts.compact.per_doc.len()
                ),
            ));
        }
        drop(parts.index);
        let user: Option<Arc<Gazetteer>> = gazetteer.map(|g| Arc::clone(&g.inner));
        let compact = parts.compact;
        resolved_tables(py, move || compact, parts.written, user, aliases, n_threads)
    }
}

/// A column of `extract_mentions` (a numpy array of the dtype it gives), copied.
fn array<T: numpy::Element + Copy>(column: Bound<'_, PyAny>) -> PyResult<Vec<T>> {
    let a: PyReadonlyArray1<'_, T> = column.extract()?;
    Ok(a.as_slice()?.to_vec())
}

/// One part's [`Compact`] from `extract_mentions`' columns (read, not consumed), checked:
/// lengths agree, codes name a row, kinds a type, a mention is of one gazetteer at most.
fn compact_of_columns(cols: &Bound<'_, PyDict>) -> PyResult<Compact> {
    let py = cols.py();
    let get = |name: &str| -> PyResult<Bound<'_, PyAny>> {
        cols.get_item(name)?.ok_or_else(|| {
            error(
                py,
                "InputValueError",
                format!("mention columns lack {name:?}"),
            )
        })
    };
    let bad = |why: &str| error(py, "InputValueError", format!("mention columns {why}"));
    let names: Vec<String> = get("names")?.extract()?;
    let builtin: Vec<i32> = array(get("builtin")?)?;
    let user: Vec<i32> = array(get("user")?)?;
    let rejected: Vec<bool> = array(get("rejected")?)?;
    let tally: Vec<u32> = array(get("tally")?)?;
    let n = names.len();
    if builtin.len() != n
        || user.len() != n
        || rejected.len() != n
        || tally.len() != n * TALLY_COLUMNS
    {
        return Err(bad("differ in length"));
    }
    let mut written = Vec::with_capacity(n);
    for (i, name) in names.into_iter().enumerate() {
        // (No entry is -1; a mention is of one gazetteer at most.)
        let entry = match (builtin[i], user[i]) {
            (b, u) if b < 0 && u < 0 => Entry::None,
            (b, u) if u < 0 => Entry::Builtin(b as u32),
            (b, u) if b < 0 => Entry::User(u as u32),
            _ => return Err(bad("hold values out of range")),
        };
        let row: &[u32; TALLY_COLUMNS] = tally[i * TALLY_COLUMNS..(i + 1) * TALLY_COLUMNS]
            .try_into()
            .expect("a row's length");
        written.push(Written {
            name: Arc::from(name),
            entry,
            rejected: rejected[i],
            tally: Tally::from_row(row),
        });
    }
    let per_doc: Vec<u32> = array(get("per_doc")?)?;
    let code: Vec<u32> = array(get("code")?)?;
    let sentence: Vec<u32> = array(get("sentence")?)?;
    let kind: Vec<u8> = array(get("kind")?)?;
    let spans = if cols.contains("start")? {
        Some((array(get("start")?)?, array(get("end")?)?))
    } else {
        None
    };
    let m = code.len();
    if kind.len() != m
        || sentence.len() != m
        || per_doc.iter().map(|&k| k as usize).sum::<usize>() != m
        || spans
            .as_ref()
            .is_some_and(|(s, e)| s.len() != m || e.len() != m)
    {
        return Err(bad("differ in length"));
    }
    if code.iter().any(|&w| w as usize >= n) || kind.iter().any(|&k| k > 7) {
        return Err(bad("hold values out of range"));
    }
    Ok(Compact {
        written,
        per_doc,
        code,
        kind,
        sentence,
        spans,
    })
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
type MentionsAndForms<'d> = (Vec<Vec<Mention>>, Option<Vec<&'d str>>);

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
    let mut written = Vec::with_capacity(mentions.iter().map(Vec::len).sum());
    for (doc, ms) in docs.iter().zip(&mentions) {
        let text = doc.as_str().unwrap_or_default();
        let mut bytes = ByteOfChar::new(text);
        written.extend(ms.iter().map(|m| {
            let (a, b) = (bytes.at(m.start), bytes.at(m.end));
            &text[a..b]
        }));
    }
    Ok((mentions, Some(written)))
}

/// The resolved mentions of a corpus as columns, in document order (`start` and `end`
/// only when asked for), mentions of no entity left out, and which mentions of the
/// compact each row is (`row`: only when there are written forms to pick).
#[derive(Default)]
struct MentionColumns {
    doc: Vec<u32>,
    sentence: Vec<u32>,
    entity: Vec<u32>,
    start: Vec<u32>,
    end: Vec<u32>,
    row: Vec<u32>,
}

impl MentionColumns {
    /// (Empty once `cancel` is set: the call is being given up.)
    fn of(c: Compact, entity: Vec<u32>, rows: bool, cancel: &crate::cancel::Cancel) -> Self {
        let n = entity.iter().filter(|&&e| e != NOT_COUNTED).count();
        let spans = c.spans.is_some();
        let with = |yes: bool| Vec::with_capacity(if yes { n } else { 0 });
        let mut out = MentionColumns {
            doc: Vec::with_capacity(n),
            sentence: Vec::with_capacity(n),
            entity: Vec::with_capacity(n),
            start: with(spans),
            end: with(spans),
            row: with(rows),
        };
        let mut k = 0usize;
        for (d, &len) in c.per_doc.iter().enumerate() {
            if d % 1024 == 0 && cancel.is_cancelled() {
                return Self::default();
            }
            for i in k..k + len as usize {
                // (A mention of no entity, `NOT_COUNTED`, is left out.)
                if entity[i] == NOT_COUNTED {
                    continue;
                }
                out.doc.push(d as u32);
                out.sentence.push(c.sentence[i]);
                out.entity.push(entity[i]);
                if let Some((start, end)) = &c.spans {
                    out.start.push(start[i]);
                    out.end.push(end[i]);
                }
                if rows {
                    out.row.push(i as u32);
                }
            }
            k += len as usize;
        }
        out
    }
}

/// Promote, resolve and tabulate the mentions of a whole corpus (`written`: each mention
/// as written, in the compact's order before promotion drops the rejected ones; without
/// it the table has no `text` and `replaced` columns).
fn resolved_tables<S: AsRef<str>>(
    py: Python<'_>,
    compact: impl FnOnce() -> Compact + Send + 'static,
    written: Option<Vec<S>>,
    user: Option<Arc<Gazetteer>>,
    aliases: Vec<(String, String)>,
    n_threads: Option<usize>,
) -> PyResult<(Bound<'_, PyDict>, Bound<'_, PyDict>)> {
    let forms = written.is_some();
    // (Cancellable: resolving a million articles takes about a minute; given up, the
    // worker frees what it built on its own.)
    let (table, resolved, keep) = cancellable_detached(py, n_threads, move |cancel| {
        let mut compact = compact();
        let keep = compact.promote();
        let user = user.as_deref();
        let mut resolved = resolve_compact(&compact, gazetteer::builtin(), user, &aliases, cancel);
        let entity = std::mem::take(&mut resolved.entity);
        (
            MentionColumns::of(compact, entity, forms, cancel),
            resolved,
            keep,
        )
    })?;
    // (About 40 mentions an article of 2,500 bytes.)
    super::release_freed(table.doc.len() * 64);
    let cols = PyDict::new(py);
    if forms {
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
    if let Some(written) = written {
        // The written forms of the mentions promotion kept, then of the rows.
        let kept: Vec<&str> = written
            .iter()
            .zip(&keep)
            .filter(|(_, &k)| k)
            .map(|(w, _)| w.as_ref())
            .collect();
        let shown: Vec<&str> = table.row.iter().map(|&i| kept[i as usize]).collect();
        // Mentions whose written form holds U+FFFD (a lone surrogate read with
        // errors="replace"): the Python layer puts the original's characters back in those.
        set_column(
            &cols,
            "replaced",
            shown
                .iter()
                .enumerate()
                .filter(|(_, w)| w.contains('\u{FFFD}'))
                .map(|(k, _)| k as i64),
        )?;
        cols.set_item("text", PyList::new(py, shown)?)?;
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
