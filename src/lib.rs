//! newscorpus: normalization, similarity and entity analysis for corpora of news articles.
//!
//! The core modules are pure Rust and usable without Python; `bindings` (behind the
//! `python` feature) is the only code that touches the interpreter.

#[macro_use]
pub mod simd;

pub mod article;
pub mod cancel;
pub mod entities;
pub mod error;
pub mod language;
pub mod normalize;
pub mod options;
pub mod parallel;
pub mod similarity;

pub use error::Error;

// pyo3 extracts #[pyfunction] arguments by value (owned readonly arrays, Vecs), so this
// lint cannot apply to binding signatures.
#[cfg(feature = "python")]
#[allow(clippy::needless_pass_by_value)]
mod bindings;

/// The native module `newscorpus._native`.
#[cfg(feature = "python")]
#[pyo3::pymodule]
fn _native(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
    bindings::register(m)
}
