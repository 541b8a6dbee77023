//! Bindings for entities: extraction with alias resolution, gazetteers, co-occurrence.

use super::input::{docs_from_list, Doc};
use super::{check_threads, detached, error, run_batches, set_column};
use crate::entities::aliases::resolve;
use crate::entities::count;
use crate::entities::detect::CaseStats;
use crate::entities::extract::{
    count_case, extract_doc, promote, ByteOfChar, CharCounter, ExtractOptions, Mention,
};
use crate::entities::gazetteer::{self, Gazetteer};
use crate::entities::model::Model;
use crate::entities::EntityType;
use numpy::PyReadonlyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::sync::Arc;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    m.add_function(wrap_pyfunction!(extract_entities, m)?)?;
    m.add_function(wrap_pyfunction!(cooccurrence, m)?)?;
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
            let entity_type = EntityType::parse(&t).ok_or_else(|| {
                error(py, "OptionError", format!("gazetteer entry {i} ({name:?}) has type {t:?}; use one of \"PER\", \"ORG\", \"LOC\", \"MISC\""))
            })?;
            entries.push((name, entity_type, a));
        }
        let inner = py
            .detach(|| Gazetteer::new(entries, case_sensitive))
            .map_err(|e| error(py, "OptionError", e.to_string()))?;
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

/// (canonical, type, aliases) of the built-in gazetteer (for inspection).
#[pyfunction]
fn builtin_gazetteer() -> Vec<(String, &'static str)> {
    gazetteer::builtin()
        .entries
        .iter()
        .map(|e| (e.canonical.clone(), e.entity_type.as_str()))
        .collect()
}

/// Mentions with resolved entities, and the audit table, as dicts of columns.
#[pyfunction]
#[pyo3(signature = (texts, gazetteer=None, detect=true, aliases=Vec::new(), n_threads=None))]
fn extract_entities<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    gazetteer: Option<PyRef<'py, PyGazetteer>>,
    detect: bool,
    aliases: Vec<(String, String)>,
    n_threads: Option<i64>,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    let n_threads = check_threads(py, n_threads)?;
    let docs = docs_from_list(py, texts, false)?;
    let user: Option<Arc<Gazetteer>> = gazetteer.map(|g| Arc::clone(&g.inner));
    let model = Model::builtin();
    // Pass 1: how the corpus writes each word (one table a chunk of documents).
    let mut stats = CaseStats::default();
    if detect {
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
    }
    // Pass 2: mentions.
    let items: Vec<(usize, &Doc)> = docs.iter().enumerate().collect();
    let mut mentions: Vec<Vec<Mention>> = Vec::with_capacity(docs.len());
    let options = ExtractOptions { detect };
    run_batches(
        py,
        &items,
        n_threads,
        |(_, d)| d.len(),
        |&(i, d)| {
            d.as_str().map_or_else(Vec::new, |t| {
                extract_doc(i as u32, t, &stats, model, user.as_deref(), options)
            })
        },
        |batch| {
            mentions.extend(batch);
            Ok(())
        },
    )?;
    let resolved = detached(py, n_threads, || {
        promote(&mut mentions);
        resolve(&mentions, gazetteer::builtin(), user.as_deref(), &aliases)
    })?;
    let flat: Vec<(&Mention, u32)> = mentions
        .iter()
        .zip(&resolved.entity_of)
        .flat_map(|(ms, ids)| ms.iter().zip(ids.iter().copied()))
        .collect();
    let cols = PyDict::new(py);
    set_column(&cols, "doc", flat.iter().map(|(m, _)| i64::from(m.doc)))?;
    set_column(&cols, "start", flat.iter().map(|(m, _)| i64::from(m.start)))?;
    set_column(&cols, "end", flat.iter().map(|(m, _)| i64::from(m.end)))?;
    set_column(
        &cols,
        "sentence",
        flat.iter().map(|(m, _)| i64::from(m.sentence)),
    )?;
    set_column(&cols, "entity", flat.iter().map(|(_, e)| i64::from(*e)))?;
    // The mention as the original text writes it (offsets are characters; mentions are
    // in text order within a document, so one sweep a document finds the bytes).
    let mut written: Vec<&str> = Vec::with_capacity(flat.len());
    for (doc, ms) in docs.iter().zip(&mentions) {
        let text = doc.as_str().unwrap_or_default();
        let mut bytes = ByteOfChar::new(text);
        for m in ms {
            let (a, b) = (bytes.at(m.start), bytes.at(m.end));
            written.push(&text[a..b]);
        }
    }
    cols.set_item("text", PyList::new(py, written)?)?;
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
