//! Converting a Python sequence of texts into Rust strings, borrowing where possible.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyFloat, PyList, PyString};

/// One document: missing, borrowed from its Python `str` (ASCII), or an owned UTF-8 copy
/// (any other; lone surrogates each replaced by U+FFFD).
pub enum Doc {
    Missing,
    Borrowed(PyBackedStr),
    Owned(String),
}

impl Doc {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Doc::Missing => None,
            Doc::Borrowed(s) => Some(s),
            Doc::Owned(s) => Some(s),
        }
    }

    pub fn len(&self) -> usize {
        self.as_str().map_or(0, str::len)
    }
}

pub type Docs = Vec<Doc>;

fn is_missing(item: &Bound<'_, PyAny>) -> PyResult<bool> {
    if item.is_none() {
        return Ok(true);
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        return Ok(f.value().is_nan());
    }
    let name = item.get_type().name()?;
    if name == "NAType" || name == "NaTType" {
        return Ok(true);
    }
    // numpy floats other than float64 (float32, float16) are not Python floats: a NaN of
    // theirs is missing too, as pandas treats it.
    if name.to_str().is_ok_and(|n| n.starts_with("float")) {
        if let Ok(v) = item.extract::<f64>() {
            return Ok(v.is_nan());
        }
    }
    Ok(false)
}

/// Convert a list of `str`/missing values. `strict`: a lone surrogate raises instead of
/// being replaced.
pub fn docs_from_list(py: Python<'_>, list: &Bound<'_, PyList>, strict: bool) -> PyResult<Docs> {
    list.iter()
        .enumerate()
        .map(|(i, item)| doc_from_item(py, i, &item, strict))
        .collect()
}

/// Convert element `i` of a sequence of texts (see [`docs_from_list`]).
pub fn doc_from_item(
    py: Python<'_>,
    i: usize,
    item: &Bound<'_, PyAny>,
    strict: bool,
) -> PyResult<Doc> {
    if let Ok(s) = item.cast::<PyString>() {
        // An ASCII str is read where it is. Any other is encoded into a copy that lives
        // as long as the Doc: reading it in place would make CPython build and keep
        // a UTF-8 copy inside the str for as long as the str lives (1.6 GB more, for
        // good, on a million non-ASCII articles).
        let utf8 = if s.call_method0(pyo3::intern!(py, "isascii"))?.is_truthy()? {
            PyBackedStr::try_from(s.clone()).map(Doc::Borrowed)
        } else {
            s.encode_utf8()
                .map(|b| Doc::Owned(String::from_utf8_lossy(b.as_bytes()).into_owned()))
        };
        match utf8 {
            Ok(doc) => {
                if doc.len() > crate::normalize::MAX_CHARS {
                    return Err(super::error(
                        py,
                        "InputValueError",
                        format!("texts[{i}] is longer than 4 G characters"),
                    ));
                }
                Ok(doc)
            }
            Err(_) if strict => Err(super::error(
                py,
                "InputValueError",
                format!("texts[{i}] holds a lone surrogate (not valid Unicode); pass errors=\"replace\" to replace it with U+FFFD"),
            )),
            Err(_) => {
                let bytes = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
                let bytes: &[u8] = bytes.extract()?;
                Ok(Doc::Owned(crate::normalize::text::replace_surrogates(
                    bytes,
                )))
            }
        }
    } else if is_missing(item)? {
        Ok(Doc::Missing)
    } else {
        let type_name = item.get_type().name()?;
        Err(super::error(
            py,
            "InputTypeError",
            format!(
                "texts[{i}] is {type_name}, expected str or a missing value (None, NaN, pd.NA)"
            ),
        ))
    }
}
