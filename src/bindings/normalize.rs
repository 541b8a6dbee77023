//! Bindings for normalization, article parsing and boilerplate learning.

use super::input::{docs_from_list, Doc};
use super::{check_threads, run_batches, OrRaise};
use crate::article;
use crate::normalize::{self, Case, Form, Paragraphs};
use crate::options::{self, Choice, OnInvalid};
use numpy::{PyArray1, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NormalizeOptions>()?;
    m.add_function(wrap_pyfunction!(normalize_texts, m)?)?;
    m.add_function(wrap_pyfunction!(parse_articles, m)?)?;
    m.add_function(wrap_pyfunction!(find_boilerplate, m)?)?;
    m.add_function(wrap_pyfunction!(find_passages, m)?)?;
    m.add_function(wrap_pyfunction!(detect_language, m)?)?;
    Ok(())
}

/// Validated normalization options (built by `newscorpus.normalize`).
#[pyclass(frozen, module = "newscorpus._native")]
pub struct NormalizeOptions {
    opts: normalize::Options,
    strict: bool,
}

#[pymethods]
impl NormalizeOptions {
    /// An option left out (None) takes the core's default (`normalize::Options::default()`,
    /// or the matching key's with `key`): the defaults are written there only.
    #[new]
    #[pyo3(signature = (*, unicode=None, fix_mojibake=None, fold_punctuation=None, strip_markup=None,
        boilerplate=None, remove_lines=Vec::new(), paragraphs=None, fix_spacing=None, case=None,
        strip_accents=None, ascii=None, offsets=None, errors=options::default::ERRORS, key=false))]
    // pyo3 extracts arguments by value; the keyword list mirrors the Python signature.
    #[allow(clippy::too_many_arguments, clippy::needless_pass_by_value)]
    fn new(
        py: Python<'_>,
        unicode: Option<&str>,
        fix_mojibake: Option<bool>,
        fold_punctuation: Option<bool>,
        strip_markup: Option<bool>,
        boilerplate: Option<bool>,
        remove_lines: Vec<String>,
        paragraphs: Option<&str>,
        fix_spacing: Option<bool>,
        case: Option<&str>,
        strip_accents: Option<bool>,
        ascii: Option<bool>,
        offsets: Option<bool>,
        errors: &str,
        key: bool,
    ) -> PyResult<Self> {
        let base = if key {
            normalize::Options::matching_key()
        } else {
            normalize::Options::default()
        };
        let mut opts = normalize::Options {
            form: unicode.map_or(Ok(base.form), Form::parse).or_raise(py)?,
            fix_mojibake: fix_mojibake.unwrap_or(base.fix_mojibake),
            fold_punctuation: fold_punctuation.unwrap_or(base.fold_punctuation),
            strip_markup: strip_markup.unwrap_or(base.strip_markup),
            paragraphs: paragraphs
                .map_or(Ok(base.paragraphs), Paragraphs::parse)
                .or_raise(py)?,
            fix_spacing: fix_spacing.unwrap_or(base.fix_spacing),
            case: case.map_or(Ok(base.case), Case::parse).or_raise(py)?,
            strip_accents: strip_accents.unwrap_or(base.strip_accents),
            ascii: ascii.unwrap_or(base.ascii),
            offsets: offsets.unwrap_or(base.offsets),
            ..base
        };
        if key {
            // The key preset overrides what the display options would choose.
            let k = normalize::Options::matching_key();
            opts.form = k.form;
            opts.case = k.case;
            opts.strip_accents = k.strip_accents;
            opts.paragraphs = k.paragraphs;
            opts.fold_punctuation = true;
        }
        opts.boilerplate.builtin = boilerplate.unwrap_or(opts.boilerplate.builtin);
        for line in &remove_lines {
            let chars: Vec<char> = line.chars().collect();
            opts.boilerplate.add_learned(&chars);
        }
        let strict = OnInvalid::parse(errors).or_raise(py)? == OnInvalid::Strict;
        Ok(NormalizeOptions { opts, strict })
    }

    fn __repr__(&self) -> String {
        format!("NormalizeOptions({:?}, strict={})", self.opts, self.strict)
    }

    /// The core's own defaults (`normalize::Options::default`, what `entities` normalizes
    /// with): the tests hold them equal to `newscorpus.normalize`'s, so a default is
    /// changed in one place or a test fails.
    #[staticmethod]
    fn core_default() -> Self {
        NormalizeOptions {
            opts: normalize::Options::default(),
            strict: false,
        }
    }
}

fn offsets_array<'py>(py: Python<'py>, n: &normalize::Normalized) -> PyResult<Bound<'py, PyAny>> {
    let mut flat: Vec<i64> = Vec::with_capacity(n.start.len() * 2);
    for (s, e) in n.start.iter().zip(&n.end) {
        flat.push(i64::from(*s));
        flat.push(i64::from(*e));
    }
    let rows = n.start.len();
    Ok(PyArray1::from_vec(py, flat).reshape([rows, 2])?.into_any())
}

/// Normalize every text. Returns `(texts, offsets)`; `offsets` is None unless requested,
/// else a list of `(len, 2)` int64 arrays (or None for missing texts).
#[pyfunction]
#[pyo3(signature = (texts, options, n_threads=None))]
fn normalize_texts<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    options: &NormalizeOptions,
    n_threads: Option<i64>,
) -> PyResult<(Bound<'py, PyList>, Option<Bound<'py, PyList>>)> {
    let n_threads = check_threads(py, n_threads)?;
    let docs = docs_from_list(py, texts, options.strict)?;
    let opts = &options.opts;
    let out = PyList::empty(py);
    let offsets = opts.offsets.then(|| PyList::empty(py));
    run_batches(
        py,
        &docs,
        n_threads,
        Doc::len,
        |d| d.as_str().map(|t| normalize::normalize(t, opts)),
        |batch| {
            for r in &batch {
                if let Some(n) = r {
                    out.append(&n.text)?;
                    if let Some(list) = &offsets {
                        list.append(offsets_array(py, n)?)?;
                    }
                } else {
                    out.append(py.None())?;
                    if let Some(list) = &offsets {
                        list.append(py.None())?;
                    }
                }
            }
            Ok(())
        },
    )?;
    Ok((out, offsets))
}

/// Parse every text into title, date, url, dateline, body and removed lines. Returns a dict
/// of column lists (None for missing texts).
#[pyfunction]
#[pyo3(signature = (texts, options, n_threads=None))]
fn parse_articles<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    options: &NormalizeOptions,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(py, n_threads)?;
    let docs = docs_from_list(py, texts, options.strict)?;
    let opts = normalize::Options {
        offsets: false,
        ..options.opts.clone()
    };
    let columns = ["title", "date", "url", "dateline", "body", "removed"];
    let lists: Vec<Bound<'py, PyList>> = columns.iter().map(|_| PyList::empty(py)).collect();
    run_batches(
        py,
        &docs,
        n_threads,
        Doc::len,
        |d| d.as_str().map(|t| article::parse(t, &opts)),
        |batch| {
            for r in batch {
                if let Some(a) = r {
                    lists[0].append(a.title)?;
                    lists[1].append(a.date)?;
                    lists[2].append(a.url)?;
                    lists[3].append(a.dateline)?;
                    lists[4].append(a.body)?;
                    lists[5].append(a.removed)?;
                } else {
                    for list in &lists {
                        list.append(py.None())?;
                    }
                }
            }
            Ok(())
        },
    )?;
    let dict = PyDict::new(py);
    for (name, list) in columns.iter().zip(lists) {
        dict.set_item(name, list)?;
    }
    Ok(dict)
}

/// Lines repeated in at least `min_docs` unlike documents: `(line, documents, overlap)`.
#[pyfunction]
#[pyo3(signature = (texts, options, min_docs, min_chars, n_threads=None))]
fn find_boilerplate(
    py: Python<'_>,
    texts: &Bound<'_, PyList>,
    options: &NormalizeOptions,
    min_docs: i64,
    min_chars: i64,
    n_threads: Option<i64>,
) -> PyResult<Vec<(String, usize, f64)>> {
    let n_threads = check_threads(py, n_threads)?;
    check_min_docs(py, min_docs)?;
    crate::options::whole("min_chars", min_chars).or_raise(py)?;
    let docs = docs_from_list(py, texts, options.strict)?;
    let refs: Vec<Option<&str>> = docs.iter().map(Doc::as_str).collect();
    let opts = &options.opts;
    let lines = super::detached(py, n_threads, || {
        normalize::find_boilerplate(&refs, opts, min_docs as usize, min_chars as usize)
    })?;
    Ok(lines
        .into_iter()
        .map(|l| (l.text, l.documents, l.overlap))
        .collect())
}

/// What a line or passage must stand in to be learned: at least two documents.
fn check_min_docs(py: Python<'_>, min_docs: i64) -> PyResult<()> {
    crate::options::whole("min_docs", min_docs).or_raise(py)?;
    Ok(())
}

/// A learned passage for Python: text, words, documents, overlap, topical similarity.
type PassageRow = (String, usize, usize, f64, f64);

/// Passages repeated across unrelated documents (see `normalize::passages`): rows of
/// (text, words, documents, overlap, topical).
#[pyfunction]
#[pyo3(signature = (texts, options, min_docs, n_threads=None))]
fn find_passages(
    py: Python<'_>,
    texts: &Bound<'_, PyList>,
    options: &NormalizeOptions,
    min_docs: i64,
    n_threads: Option<i64>,
) -> PyResult<Vec<PassageRow>> {
    let n_threads = check_threads(py, n_threads)?;
    check_min_docs(py, min_docs)?;
    let docs = docs_from_list(py, texts, options.strict)?;
    let refs: Vec<Option<&str>> = docs.iter().map(Doc::as_str).collect();
    let opts = &options.opts;
    let found = super::detached(py, n_threads, || {
        normalize::passages::find_passages(&refs, opts, min_docs as usize)
    })?;
    Ok(found
        .into_iter()
        .map(|p| (p.text, p.words, p.documents, p.overlap, p.topical))
        .collect())
}

/// The language of every text: a dict of columns `language` (ISO 639-1 code or None),
/// `confidence` (0 to 1, NaN when none) and `reliable`, read a batch at a time.
///
/// With `english_first`, a text that reads as English (see `language::reads_as_english`)
/// is "en" (reliable) without the model: the cheap check entity extraction needs.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, english_first=false))]
fn detect_language<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    n_threads: Option<i64>,
    english_first: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(py, n_threads)?;
    let mut found: Vec<Option<crate::language::Language>> = Vec::with_capacity(texts.len());
    super::run_list_batches(
        py,
        texts,
        n_threads,
        |d| {
            let text = d.as_str()?;
            if english_first && crate::language::reads_as_english(text) {
                return Some(crate::language::Language {
                    code: "en",
                    confidence: 1.0,
                    reliable: true,
                });
            }
            crate::language::detect(text)
        },
        |batch| {
            found.extend(batch);
            Ok(())
        },
    )?;
    let dict = PyDict::new(py);
    dict.set_item(
        "language",
        PyList::new(py, found.iter().map(|l| l.map(|l| l.code)))?,
    )?;
    super::set_column(
        &dict,
        "confidence",
        found.iter().map(|l| l.map_or(f64::NAN, |l| l.confidence)),
    )?;
    super::set_column(
        &dict,
        "reliable",
        found.iter().map(|l| l.is_some_and(|l| l.reliable)),
    )?;
    Ok(dict)
}
