//! Bindings for similarity: MinHash, near-duplicates, clusters, matrices and the LSH index.

use super::input::{doc_from_item, docs_from_list, Doc};
use super::{
    cancellable, cancellable_reporting, check_threads, collect_batches, collect_list_batches,
    detached, error, run_list_batches, set_column, without_progress, OrRaise,
};
use crate::options::{self, Choice, LshMode, Method, Metric, ShingleUnit};
use crate::similarity::lsh::{self, Key, LshIndex};
use crate::similarity::minhash::MinHasher;
use crate::similarity::relate::{relate_corpus, CorpusPairs, Related, Thresholds};
use crate::similarity::shingles::{shingle_hashes, shingle_set, Shingle};
use crate::similarity::stopwords::StopWords;
use crate::similarity::story;
use crate::similarity::{self as sim, align, anchors, exact, shingles, stopwords, ClusterMethod};
use numpy::{PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyList, PyString};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLshIndex>()?;
    m.add_function(wrap_pyfunction!(minhash, m)?)?;
    m.add_function(wrap_pyfunction!(near_duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(near_duplicate_clusters, m)?)?;
    m.add_function(wrap_pyfunction!(junk_reasons, m)?)?;
    m.add_function(wrap_pyfunction!(credited_agencies, m)?)?;
    m.add_function(wrap_pyfunction!(paired_similarity, m)?)?;
    m.add_function(wrap_pyfunction!(minhash_keys, m)?)?;
    m.add_function(wrap_pyfunction!(band_keys, m)?)?;
    m.add_function(wrap_pyfunction!(band_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(average_clusters, m)?)?;
    m.add_function(wrap_pyfunction!(similarity_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(lsh_params, m)?)?;
    m.add_function(wrap_pyfunction!(shared_passages, m)?)?;
    m.add_function(wrap_pyfunction!(relate, m)?)?;
    m.add_function(wrap_pyfunction!(paired_story, m)?)?;
    m.add_function(wrap_pyfunction!(story_weights, m)?)?;
    m.add_function(wrap_pyfunction!(top_k, m)?)?;
    Ok(())
}

fn shingle_kind(py: Python<'_>, shingle: &str, ngram: i64) -> PyResult<Shingle> {
    ShingleUnit::parse(shingle)
        .and_then(|u| u.with(ngram))
        .or_raise(py)
}

fn check_num_perm(py: Python<'_>, num_perm: i64) -> PyResult<usize> {
    options::whole("num_perm", num_perm)
        .map(|n| n as usize)
        .or_raise(py)
}

fn check_threshold(py: Python<'_>, threshold: f64) -> PyResult<f64> {
    options::unit("threshold", threshold).or_raise(py)
}

fn seed_of(py: Python<'_>, seed: i64) -> PyResult<u64> {
    options::whole("seed", seed).or_raise(py)
}

/// Shingle sets of the matching keys, in batches (Ctrl-C checked between them).
fn corpus_shingles(
    py: Python<'_>,
    docs: &[Doc],
    kind: Shingle,
    n_threads: Option<usize>,
) -> PyResult<Vec<Vec<u64>>> {
    collect_batches(py, docs, n_threads, Doc::len, |d| {
        d.as_str()
            .map_or_else(Vec::new, |t| sim::shingle_text(t, kind))
    })
}

/// The matching key of each text, `None` for a missing or junk text (what
/// `relate::relate_corpus` pairs), in batches (Ctrl-C between them).
fn corpus_keys_less_junk(
    py: Python<'_>,
    docs: &[Doc],
    n_threads: Option<usize>,
    junk_min_words: Option<usize>,
) -> PyResult<Vec<Option<String>>> {
    collect_batches(py, docs, n_threads, Doc::len, |d| {
        d.as_str()
            .and_then(|t| sim::key_unless_junk(t, junk_min_words))
    })
}

/// At most this many documents have their shingle hashes kept for verification.
const KEEP_MAX_DOCS: usize = 100_000;
/// At most this many shingle hashes (8 bytes each) are kept for verification.
const KEEP_MAX_HASHES: usize = 32 << 20;

/// Signatures (row-major), the shingle hashes kept for verification, and each matching
/// key's hash (see `first_of_same`).
type CorpusSignatures = (Vec<u32>, Vec<Vec<u64>>, Vec<Option<u128>>);

/// MinHash signatures of the matching keys, row-major, made a document at a time so no
/// shingle set outlives its document; the texts are read from the list a batch at a time
/// (Ctrl-C checked between batches).
///
/// Each document's shingle hashes are kept too while there are at most `keep_docs`
/// documents and [`KEEP_MAX_HASHES`] hashes in all (else none are kept: the second value
/// is empty). Keeping them spares the exact check of candidate pairs a second
/// normalization, for corpora whose shingles fit in 256 MB.
fn corpus_signatures(
    py: Python<'_>,
    texts: &Bound<'_, PyList>,
    kind: Shingle,
    hasher: &MinHasher,
    n_threads: Option<usize>,
    keep_docs: usize,
    junk_min_words: Option<usize>,
) -> PyResult<CorpusSignatures> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let opts = crate::normalize::Options::matching_key();
    let k = hasher.num_perm();
    let mut out: Vec<u32> = Vec::with_capacity(texts.len() * k);
    let keeping = AtomicBool::new(texts.len() <= keep_docs);
    let mut kept: Vec<Vec<u64>> = Vec::new();
    let mut kept_hashes = 0usize;
    let mut keys: Vec<Option<u128>> = Vec::with_capacity(texts.len());
    run_list_batches(
        py,
        texts,
        n_threads,
        |d| {
            let mut row = vec![crate::similarity::minhash::EMPTY; k];
            let mut hashes = Vec::new();
            let mut key = None;
            if let Some(t) = d.as_str() {
                let text = crate::normalize::normalize(t, &opts).text;
                // A junk text is as an empty one: no shingles, so it pairs with nothing.
                if junk_min_words.is_some_and(|m| sim::junk::junk(&text, m).is_some()) {
                    return (row, hashes, key);
                }
                hashes = shingle_hashes(&text, kind);
                hasher.signature_into(&hashes, &mut row);
                key = sim::key_hash(&text, !hashes.is_empty());
            }
            if !keeping.load(Ordering::Relaxed) {
                hashes = Vec::new();
            }
            (row, hashes, key)
        },
        |batch| {
            for (row, hashes, key) in batch {
                out.extend_from_slice(&row);
                keys.push(key);
                if keeping.load(Ordering::Relaxed) {
                    kept_hashes += hashes.len();
                    kept.push(hashes);
                    if kept_hashes > KEEP_MAX_HASHES {
                        keeping.store(false, Ordering::Relaxed);
                        kept = Vec::new();
                    }
                }
            }
            Ok(())
        },
    )?;
    Ok((out, kept, keys))
}

/// `(len(texts), num_perm)` uint32 MinHash signatures of the matching keys.
#[pyfunction]
#[pyo3(signature = (texts, num_perm=options::default::NUM_PERM, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, seed=options::default::SEED, n_threads=None))]
fn minhash<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    num_perm: i64,
    ngram: i64,
    shingle: &str,
    seed: i64,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyArray2<u32>>> {
    let n_threads = check_threads(py, n_threads)?;
    let num_perm = check_num_perm(py, num_perm)?;
    let kind = shingle_kind(py, shingle, ngram)?;
    let seed = seed_of(py, seed)?;
    let hasher = MinHasher::new(num_perm, seed);
    let (flat, _, _) = corpus_signatures(py, texts, kind, &hasher, n_threads, 0, None)?;
    PyArray1::from_vec(py, flat).reshape([texts.len(), num_perm])
}

/// Signatures `(n, num_perm)` and key hashes `(n, 2)`, as numpy arrays.
type SignaturesAndKeys<'py> = (Bound<'py, PyArray2<u32>>, Bound<'py, PyArray2<u64>>);

/// MinHash signatures and matching-key hashes of a batch of texts, for callers that stream
/// a corpus (the CLI, Dask): `(signatures (n, num_perm) uint32, keys (n, 2) uint64)`. A key
/// is the 128-bit hash `near_duplicates` groups copies by, as two halves; a text with no
/// shingles (missing, empty, or junk when `junk_min_words` is given) has key `(0, 0)` and an
/// empty signature, so it pairs with nothing.
#[pyfunction]
#[pyo3(signature = (texts, num_perm=options::default::NUM_PERM, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, seed=options::default::SEED, n_threads=None, junk_min_words=None))]
#[allow(clippy::too_many_arguments)]
fn minhash_keys<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    num_perm: i64,
    ngram: i64,
    shingle: &str,
    seed: i64,
    n_threads: Option<i64>,
    junk_min_words: Option<usize>,
) -> PyResult<SignaturesAndKeys<'py>> {
    let n_threads = check_threads(py, n_threads)?;
    let num_perm = check_num_perm(py, num_perm)?;
    let kind = shingle_kind(py, shingle, ngram)?;
    let seed = seed_of(py, seed)?;
    let hasher = MinHasher::new(num_perm, seed);
    let (flat, _, keys) =
        corpus_signatures(py, texts, kind, &hasher, n_threads, 0, junk_min_words)?;
    let halves: Vec<u64> = keys
        .iter()
        .flat_map(|k| {
            let k = k.unwrap_or(0);
            [(k >> 64) as u64, k as u64]
        })
        .collect();
    Ok((
        PyArray1::from_vec(py, flat).reshape([texts.len(), num_perm])?,
        PyArray1::from_vec(py, halves).reshape([texts.len(), 2])?,
    ))
}

/// Matching-key hashes from their two uint64 halves (rows of an `(n, 2)` array, as
/// `minhash_keys` gives them; 0 for a text with no key).
fn key_hashes(k: &numpy::ndarray::ArrayView2<'_, u64>) -> Vec<Option<u128>> {
    (0..k.dim().0)
        .map(|i| {
            let v = (u128::from(k[[i, 0]]) << 64) | u128::from(k[[i, 1]]);
            (v != 0).then_some(v)
        })
        .collect()
}

/// Pairs as a dict of numpy columns `a`, `b`, `estimate`.
fn pair_columns<'py>(py: Python<'py>, pairs: &[sim::Pair]) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    set_column(&dict, "a", pairs.iter().map(|p| i64::from(p.a)))?;
    set_column(&dict, "b", pairs.iter().map(|p| i64::from(p.b)))?;
    set_column(&dict, "estimate", pairs.iter().map(|p| p.estimate))?;
    Ok(dict)
}

/// Band keys `(n, bands)` and whether each row is live `(n,)`, as numpy arrays.
type BandKeys<'py> = (Bound<'py, PyArray2<u64>>, Bound<'py, PyArray1<bool>>);

/// The LSH band keys of signatures (rows of a `(n, num_perm)` uint32 array): an `(n, bands)`
/// uint64 array and whether each row is live (a non-empty signature; an empty one has keys
/// 0 and pairs with nothing), for a caller that meets equal keys elsewhere (Dask).
#[pyfunction]
fn band_keys<'py>(
    py: Python<'py>,
    signatures: PyReadonlyArray2<'py, u32>,
    bands: i64,
    rows: i64,
) -> PyResult<BandKeys<'py>> {
    let view = signatures.as_array();
    let (n, num_perm) = view.dim();
    let num_perm = check_num_perm(py, num_perm as i64)?;
    let (b, r) = lsh::given_bands_rows(num_perm, bands, rows).or_raise(py)?;
    let sigs: Vec<u32> = view.iter().copied().collect();
    let (keys, live) = py.detach(|| lsh::band_keys(&sigs, num_perm, b, r));
    Ok((
        PyArray1::from_vec(py, keys).reshape([n, b])?,
        PyArray1::from_vec(py, live),
    ))
}

/// Near-duplicate candidates from band keys alone (`band_keys`: a list of arrays, each of
/// consecutive documents' keys as `band_keys` gives them, read in place; `live` and `keys`
/// of every document, as `band_keys` and `minhash_keys` give them): a dict of numpy
/// columns `a`, `b`, `estimate` (1 for a copy with its key's first text, NaN for an LSH
/// candidate the caller scores), sorted by `(a, b)`.
#[pyfunction]
#[pyo3(signature = (band_keys, live, keys, n_threads=None))]
fn band_pairs<'py>(
    py: Python<'py>,
    band_keys: Vec<PyReadonlyArray2<'py, u64>>,
    live: PyReadonlyArray1<'py, bool>,
    keys: PyReadonlyArray2<'py, u64>,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(py, n_threads)?;
    let bands = band_keys.first().map_or(0, |p| p.as_array().dim().1);
    let n: usize = band_keys.iter().map(|p| p.as_array().dim().0).sum();
    let live: Vec<bool> = live.as_array().iter().copied().collect();
    let k = keys.as_array();
    if live.len() != n
        || k.dim() != (n, 2)
        || band_keys.iter().any(|p| p.as_array().dim().1 != bands)
    {
        return Err(error(
            py,
            "InputValueError",
            "band_keys (all with one number of bands), live and keys must have one row a document"
                .into(),
        ));
    }
    // Each part read in place when in row-major order (the command line's are: the keys
    // of 10 million texts weigh 1.8 GB, and joining the parts of a file of unknown length
    // doubled them), else copied in that order (numpy's `as_slice` would also take a
    // column-major array as it lies).
    let views: Vec<_> = band_keys.iter().map(|p| p.as_array()).collect();
    let copied: Vec<Option<Vec<u64>>> = views
        .iter()
        .map(|v| v.as_slice().is_none().then(|| v.iter().copied().collect()))
        .collect();
    let parts: Vec<&[u64]> = views
        .iter()
        .zip(&copied)
        .map(|(v, c)| c.as_deref().or_else(|| v.as_slice()).unwrap_or(&[]))
        .collect();
    let hashes = key_hashes(&k);
    let pairs = detached(py, n_threads, || {
        sim::pairs_of_band_keys(&parts, bands, &live, &hashes)
    })?;
    pair_columns(py, &pairs)
}

/// Bands and rows: `mode="recall"` (as `near_duplicates` uses) or `"balanced"` (datasketch's rule).
#[pyfunction]
#[pyo3(signature = (threshold, num_perm, mode=options::default::LSH_MODE, fp_weight=0.5, fn_weight=0.5))]
fn lsh_params(
    py: Python<'_>,
    threshold: f64,
    num_perm: i64,
    mode: &str,
    fp_weight: f64,
    fn_weight: f64,
) -> PyResult<(usize, usize)> {
    let threshold = check_threshold(py, threshold)?;
    let num_perm = check_num_perm(py, num_perm)?;
    match LshMode::parse(mode).or_raise(py)? {
        LshMode::Recall => Ok(lsh::recall_params(threshold, num_perm, 0.995)),
        LshMode::Balanced => {
            if !(fp_weight >= 0.0 && fn_weight >= 0.0 && fp_weight + fn_weight > 0.0) {
                return Err(error(
                    py,
                    "OptionError",
                    "weights must be 0 or more and not both 0".into(),
                ));
            }
            Ok(lsh::optimal_params(
                threshold, num_perm, fp_weight, fn_weight,
            ))
        }
    }
}

fn bands_rows(
    py: Python<'_>,
    threshold: f64,
    num_perm: usize,
    bands: Option<i64>,
    rows: Option<i64>,
    recall: bool,
) -> PyResult<(usize, usize)> {
    lsh::bands_rows(threshold, num_perm, bands, rows, recall).or_raise(py)
}

/// The checked options of a near-duplicate search (`near_duplicates`,
/// `near_duplicate_clusters`): one set of checks for both.
struct LshParams {
    n_threads: Option<usize>,
    threshold: f64,
    num_perm: usize,
    kind: Shingle,
    hasher: MinHasher,
    bands: usize,
    rows: usize,
}

impl LshParams {
    #[allow(clippy::too_many_arguments)]
    fn check(
        py: Python<'_>,
        threshold: f64,
        num_perm: i64,
        ngram: i64,
        shingle: &str,
        seed: i64,
        bands: Option<i64>,
        rows: Option<i64>,
        n_threads: Option<i64>,
    ) -> PyResult<Self> {
        let n_threads = check_threads(py, n_threads)?;
        let threshold = check_threshold(py, threshold)?;
        let num_perm = check_num_perm(py, num_perm)?;
        let kind = shingle_kind(py, shingle, ngram)?;
        let seed = seed_of(py, seed)?;
        let (bands, rows) = bands_rows(py, threshold, num_perm, bands, rows, true)?;
        Ok(LshParams {
            n_threads,
            threshold,
            num_perm,
            kind,
            hasher: MinHasher::new(num_perm, seed),
            bands,
            rows,
        })
    }
}

/// A corpus made ready for LSH: signatures, the shingle hashes kept for verification (see
/// `corpus_signatures`) and each document's first copy (see `first_of_same`).
struct LshCorpus {
    sigs: Vec<u32>,
    kept: Vec<Vec<u64>>,
    first: Vec<u32>,
}

impl LshCorpus {
    fn of(
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        p: &LshParams,
        verify: bool,
        junk_min_words: Option<usize>,
    ) -> PyResult<Self> {
        // Signatures first, a document at a time. The exact check needs the shingle sets
        // of the documents in a candidate pair: kept from the signature pass for small
        // corpora, else made again from their texts (read again from the list), so a large
        // corpus holds 4 bytes a permutation a document, not every document's shingles (a
        // 1M-article corpus would need gigabytes).
        let keep_docs = if verify { KEEP_MAX_DOCS } else { 0 };
        let (sigs, kept, keys) = corpus_signatures(
            py,
            texts,
            p.kind,
            &p.hasher,
            p.n_threads,
            keep_docs,
            junk_min_words,
        )?;
        // Copies with one matching key are one document for LSH (see `first_of_same`).
        let first = sim::first_of_same(&keys);
        Ok(LshCorpus { sigs, kept, first })
    }

    /// The first document of each matching key, in order.
    fn firsts(&self) -> Vec<u32> {
        (0..self.first.len() as u32)
            .filter(|&d| self.first[d as usize] == d)
            .collect()
    }

    /// Shingle sets of the documents in `pairs` and `buckets` (empty for the others, and
    /// for all without `verify`): the kept hashes, or else made again from the texts.
    #[allow(clippy::too_many_arguments)]
    fn shingles_of(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        kind: Shingle,
        n_threads: Option<usize>,
        verify: bool,
        pairs: &[(u32, u32)],
        buckets: &[Vec<u32>],
    ) -> PyResult<Vec<Vec<u64>>> {
        let n = texts.len();
        if !verify {
            return Ok(vec![Vec::new(); n]);
        }
        let mut needed: Vec<u32> = pairs
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .chain(buckets.iter().flatten().copied())
            .collect();
        needed.sort_unstable();
        needed.dedup();
        // Without the kept hashes, the texts of the documents in a pair are read again.
        let docs: Vec<Doc> = if self.kept.is_empty() {
            needed
                .iter()
                .map(|&d| doc_from_item(py, d as usize, &texts.get_item(d as usize)?, false))
                .collect::<PyResult<_>>()?
        } else {
            Vec::new()
        };
        let kept = &self.kept;
        detached(py, n_threads, || {
            use rayon::prelude::*;
            let opts = crate::normalize::Options::matching_key();
            let made: Vec<Vec<u64>> = needed
                .par_iter()
                .enumerate()
                .map(|(i, &d)| match kept.get(d as usize) {
                    Some(hashes) => shingles::into_set(hashes.clone()),
                    None => shingle_set(
                        &crate::normalize::normalize(docs[i].as_str().unwrap_or_default(), &opts)
                            .text,
                        kind,
                    ),
                })
                .collect();
            let mut shingles: Vec<Vec<u64>> = vec![Vec::new(); n];
            for (&d, set) in needed.iter().zip(made) {
                shingles[d as usize] = set;
            }
            shingles
        })
    }
}

/// Near-duplicate pairs as a dict of numpy columns: `a`, `b`, `estimate`, `jaccard`, `a_in_b`, `b_in_a`.
#[pyfunction]
#[pyo3(signature = (texts, threshold=options::default::THRESHOLD, num_perm=options::default::NUM_PERM, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, seed=options::default::SEED, bands=None, rows=None, verify=options::default::VERIFY, n_threads=None, junk_min_words=None))]
#[allow(clippy::too_many_arguments)]
fn near_duplicates<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    threshold: f64,
    num_perm: i64,
    ngram: i64,
    shingle: &str,
    seed: i64,
    bands: Option<i64>,
    rows: Option<i64>,
    verify: bool,
    n_threads: Option<i64>,
    junk_min_words: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let p = LshParams::check(
        py, threshold, num_perm, ngram, shingle, seed, bands, rows, n_threads,
    )?;
    let lsh = LshCorpus::of(py, texts, &p, verify, junk_min_words)?;
    let first = lsh.first.clone();
    let candidates = detached(py, p.n_threads, || {
        sim::groups::candidates(
            &lsh.sigs,
            p.num_perm,
            p.bands,
            p.rows,
            &lsh.firsts(),
            usize::MAX,
        )
        .pairs
    })?;
    let shingles = lsh.shingles_of(py, texts, p.kind, p.n_threads, verify, &candidates, &[])?;
    let sigs = &lsh.sigs;
    let pairs = detached(py, p.n_threads, || {
        let mut pairs = sim::score_pairs(
            &candidates,
            &shingles,
            sigs,
            p.num_perm,
            p.threshold,
            verify,
        );
        pairs.extend(sim::same_key_pairs(&first, verify));
        pairs.sort_unstable_by_key(|p| (p.a, p.b));
        pairs
    })?;
    let dict = PyDict::new(py);
    set_column(&dict, "a", pairs.iter().map(|p| i64::from(p.a)))?;
    set_column(&dict, "b", pairs.iter().map(|p| i64::from(p.b)))?;
    set_column(&dict, "estimate", pairs.iter().map(|p| p.estimate))?;
    set_column(&dict, "jaccard", pairs.iter().map(|p| p.jaccard))?;
    set_column(&dict, "a_in_b", pairs.iter().map(|p| p.a_in_b))?;
    set_column(&dict, "b_in_a", pairs.iter().map(|p| p.b_in_a))?;
    dict.set_item("bands", p.bands)?;
    dict.set_item("rows", p.rows)?;
    dict.set_item(
        "same",
        PyArray1::from_iter(py, first.iter().map(|&f| i64::from(f))),
    )?;
    Ok(dict)
}

/// Document pairs and one rank a document.
type PairsAndRanks = (Vec<(u32, u32)>, Vec<u32>);

/// Pairs `(a[i], b[i])` and ranks of `n` documents from Python's arrays, checked: as many
/// `a` as `b`, one rank a document, every position inside `0..n`.
fn checked_pairs(
    py: Python<'_>,
    n: usize,
    a: &[i64],
    b: &[i64],
    rank: &[i64],
) -> PyResult<PairsAndRanks> {
    if a.len() != b.len() || rank.len() != n {
        return Err(error(
            py,
            "InputValueError",
            "pairs and ranks do not match the number of documents".into(),
        ));
    }
    if !a.iter().chain(b).all(|&x| x >= 0 && (x as usize) < n) {
        return Err(error(
            py,
            "InputValueError",
            "a pair names a document that is not there".into(),
        ));
    }
    let pairs = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| (x as u32, y as u32))
        .collect();
    let rank = rank
        .iter()
        .map(|&r| r.clamp(0, i64::from(u32::MAX)) as u32)
        .collect();
    Ok((pairs, rank))
}

/// Cluster representative (a position) for each of `n` documents, from pairs and ranks.
#[pyfunction]
#[pyo3(signature = (n, a, b, rank, method=options::default::CLUSTER_METHOD, same=None))]
fn cluster_pairs<'py>(
    py: Python<'py>,
    n: usize,
    a: PyReadonlyArray1<'py, i64>,
    b: PyReadonlyArray1<'py, i64>,
    rank: PyReadonlyArray1<'py, i64>,
    method: &str,
    same: Option<PyReadonlyArray1<'py, i64>>,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let method = cluster_method(py, method)?;
    let (a, b) = (a.as_slice()?, b.as_slice()?);
    let (pairs, rank) = checked_pairs(py, n, a, b, rank.as_slice()?)?;
    // `same`: the first document of each document's matching key (near_duplicates' "same").
    let first = same
        .as_ref()
        .map(|s| firsts_of_copies(py, n, s, "same"))
        .transpose()?;
    let out = detached(py, None, || match &first {
        Some(first) => sim::clusters_of_copies(first, &pairs, &rank, method),
        None => sim::clusters(n, &pairs, &rank, method),
    })?;
    Ok(PyArray1::from_iter(py, out.into_iter().map(i64::from)))
}

/// Why each text is junk (see `similarity::junk`): a reason, or None (also for missing
/// texts).
#[pyfunction]
#[pyo3(signature = (texts, min_words=options::default::JUNK_MIN_WORDS as usize, n_threads=None))]
fn junk_reasons<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    min_words: usize,
    n_threads: Option<i64>,
) -> PyResult<Vec<Option<&'static str>>> {
    let n_threads = check_threads(py, n_threads)?;
    let opts = crate::normalize::Options::matching_key();
    collect_list_batches(py, texts, n_threads, |d| {
        d.as_str().and_then(|t| {
            sim::junk::junk(&crate::normalize::normalize(t, &opts).text, min_words)
                .map(sim::junk::Junk::as_str)
        })
    })
}

/// The agency each text's dateline credits (see `entities::detect::credited_agency`), or
/// None (also for missing texts).
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn credited_agencies<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    n_threads: Option<i64>,
) -> PyResult<Vec<Option<String>>> {
    let n_threads = check_threads(py, n_threads)?;
    collect_list_batches(py, texts, n_threads, |d| {
        d.as_str()
            .and_then(crate::entities::detect::credited_agency)
    })
}

/// Cluster representative (a position) for each text: near-duplicate clusters made from
/// the LSH buckets directly, without listing the pairs of large buckets (see
/// `similarity::groups`), so thousands of pages of one template cost linear time.
#[pyfunction]
#[pyo3(signature = (texts, rank, threshold=options::default::THRESHOLD, num_perm=options::default::NUM_PERM, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, seed=options::default::SEED, bands=None, rows=None, verify=options::default::VERIFY, n_threads=None, junk_min_words=None, method=options::default::CLUSTER_METHOD))]
#[allow(clippy::too_many_arguments)]
fn near_duplicate_clusters<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    rank: PyReadonlyArray1<'py, i64>,
    threshold: f64,
    num_perm: i64,
    ngram: i64,
    shingle: &str,
    seed: i64,
    bands: Option<i64>,
    rows: Option<i64>,
    verify: bool,
    n_threads: Option<i64>,
    junk_min_words: Option<usize>,
    method: &str,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let method = cluster_method(py, method)?;
    let p = LshParams::check(
        py, threshold, num_perm, ngram, shingle, seed, bands, rows, n_threads,
    )?;
    let (_, rank) = checked_pairs(py, texts.len(), &[], &[], rank.as_slice()?)?;
    let lsh = LshCorpus::of(py, texts, &p, verify, junk_min_words)?;
    let candidates = detached(py, p.n_threads, || {
        sim::groups::candidates(
            &lsh.sigs,
            p.num_perm,
            p.bands,
            p.rows,
            &lsh.firsts(),
            sim::groups::LARGE_BUCKET,
        )
    })?;
    let shingles = lsh.shingles_of(
        py,
        texts,
        p.kind,
        p.n_threads,
        verify,
        &candidates.pairs,
        &candidates.buckets,
    )?;
    let (sigs, k) = (&lsh.sigs, p.num_perm);
    let similar = |a: u32, b: u32| {
        if verify {
            exact::Overlap::of(&shingles[a as usize], &shingles[b as usize]).jaccard()
                >= p.threshold
        } else {
            let sig = |d: u32| &sigs[d as usize * k..(d as usize + 1) * k];
            sim::minhash::estimate(sig(a), sig(b)) >= p.threshold
        }
    };
    let out = cancellable(py, p.n_threads, |cancel| {
        // `None` only when cancelled, and then the interrupt is raised instead.
        sim::groups::lsh_clusters(&lsh.first, &candidates, similar, &rank, method, cancel)
            .unwrap_or_default()
    })?;
    Ok(PyArray1::from_iter(py, out.into_iter().map(i64::from)))
}

fn cluster_method(py: Python<'_>, method: &str) -> PyResult<ClusterMethod> {
    Method::parse(method)
        .and_then(Method::cluster_method)
        .or_raise(py)
}

/// Each of `n` documents' first copy (`near_duplicates`' `same`, `relate`'s `first`),
/// checked: an earlier or the same document, which is its own first.
fn firsts_of_copies(
    py: Python<'_>,
    n: usize,
    firsts: &PyReadonlyArray1<'_, i64>,
    name: &str,
) -> PyResult<Vec<u32>> {
    let f = firsts.as_slice()?;
    let valid = f.len() == n
        && f.iter()
            .enumerate()
            .all(|(d, &x)| x >= 0 && (x as usize) <= d && f[x as usize] == x);
    if !valid {
        return Err(error(
            py,
            "InputValueError",
            format!(
                "{name} must name, for each document, an earlier or the same document that is its own first"
            ),
        ));
    }
    Ok(f.iter().map(|&x| x as u32).collect())
}

/// Average-linkage cluster representative (a position) for each of `n` documents, from
/// weighted pairs (see `similarity::average_linkage`).
#[pyfunction]
#[pyo3(signature = (n, a, b, weight, rank, threshold, first=None, min_link=0.0, texts=None, anchor=0.0, n_threads=None))]
#[allow(clippy::too_many_arguments)]
fn average_clusters<'py>(
    py: Python<'py>,
    n: usize,
    a: PyReadonlyArray1<'py, i64>,
    b: PyReadonlyArray1<'py, i64>,
    weight: PyReadonlyArray1<'py, f64>,
    rank: PyReadonlyArray1<'py, i64>,
    threshold: f64,
    first: Option<PyReadonlyArray1<'py, i64>>,
    min_link: f64,
    texts: Option<&Bound<'py, PyList>>,
    anchor: f64,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    let n_threads = check_threads(py, n_threads)?;
    let anchor = options::share("anchor", anchor).or_raise(py)?;
    let (a, b, weight) = (a.as_slice()?, b.as_slice()?, weight.as_slice()?);
    if weight.len() != a.len() {
        return Err(error(
            py,
            "InputValueError",
            "one weight a pair is needed".into(),
        ));
    }
    let (pairs, rank) = checked_pairs(py, n, a, b, rank.as_slice()?)?;
    let edges: Vec<(u32, u32, f32)> = pairs
        .iter()
        .zip(weight)
        .map(|(&(x, y), &w)| (x, y, w as f32))
        .collect();
    // `first`: the first copy of each document's text (relate's `first`); copies are one
    // unit (see `similarity::average_linkage_of_copies`).
    let first: Vec<u32> = match &first {
        None => (0..n as u32).collect(),
        Some(f) => firsts_of_copies(py, n, f, "first")?,
    };
    // The names of each text, for the rule that a story's articles mostly name one same
    // name (see `similarity::anchors`); a missing text names nothing.
    let docs = match texts {
        Some(t) if anchor > 0.0 => {
            let docs = docs_from_list(py, t, false)?;
            if docs.len() != n {
                return Err(error(
                    py,
                    "InputValueError",
                    format!("{} texts for {n} documents", docs.len()),
                ));
            }
            Some(docs)
        }
        _ => None,
    };
    let out = cancellable(py, n_threads, |cancel| {
        let names: Option<Vec<Option<Vec<u64>>>> = docs.as_ref().map(|docs| {
            let refs: Vec<Option<&str>> = docs.iter().map(Doc::as_str).collect();
            anchors::corpus_names(&refs, cancel)
        });
        let rule = names.as_deref().map(|names| anchors::Anchors {
            names,
            share: anchor,
        });
        sim::average_linkage_of_copies(
            &first,
            &edges,
            threshold,
            min_link as f32,
            rule.as_ref(),
            &rank,
            cancel,
        )
    })?;
    Ok(PyArray1::from_iter(py, out.into_iter().map(i64::from)))
}

/// Scores of aligned pairs `a[i]`, `b[i]` (float64, NaN where either text is missing).
#[pyfunction]
#[pyo3(signature = (a, b, metric=options::default::METRIC, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, stop_words=None, n_threads=None))]
#[allow(clippy::too_many_arguments)]
fn paired_similarity<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyList>,
    b: &Bound<'py, PyList>,
    metric: &str,
    ngram: i64,
    shingle: &str,
    stop_words: Option<&Bound<'py, PyAny>>,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let n_threads = check_threads(py, n_threads)?;
    check_aligned(py, a, b)?;
    let set_metric = set_metric_of(py, metric)?;
    let a_docs = docs_from_list(py, a, false)?;
    let b_docs = docs_from_list(py, b, false)?;
    let present = |docs: &[Doc], made: Vec<Vec<u64>>| -> Vec<Option<Vec<u64>>> {
        docs.iter()
            .zip(made)
            .map(|(d, m)| d.as_str().map(|_| m))
            .collect()
    };
    let out = if let Some(metric) = set_metric {
        let kind = shingle_kind(py, shingle, ngram)?;
        let a_sets = present(&a_docs, corpus_shingles(py, &a_docs, kind, n_threads)?);
        let b_sets = present(&b_docs, corpus_shingles(py, &b_docs, kind, n_threads)?);
        cancellable(py, n_threads, |cancel| {
            sim::paired::set_scores(&a_sets, &b_sets, metric, cancel).unwrap_or_default()
        })?
    } else {
        let stop = stop_set(py, stop_words)?;
        let a_refs: Vec<Option<&str>> = a_docs.iter().map(Doc::as_str).collect();
        let b_refs: Vec<Option<&str>> = b_docs.iter().map(Doc::as_str).collect();
        cancellable(py, n_threads, |cancel| {
            let a_terms = present(&a_docs, sim::term_corpus(&a_refs, &stop));
            let b_terms = present(&b_docs, sim::term_corpus(&b_refs, &stop));
            sim::paired::cosines(&a_terms, &b_terms, cancel).unwrap_or_default()
        })?
    };
    Ok(PyArray1::from_vec(py, out))
}

/// Aligned pairs need one text of each side.
fn check_aligned(py: Python<'_>, a: &Bound<'_, PyList>, b: &Bound<'_, PyList>) -> PyResult<()> {
    if a.len() == b.len() {
        return Ok(());
    }
    Err(error(
        py,
        "InputValueError",
        format!(
            "a has {} texts and b {}: pairs need one of each",
            a.len(),
            b.len()
        ),
    ))
}

/// The set measure a metric name asks for; `None` for "cosine".
fn set_metric_of(py: Python<'_>, metric: &str) -> PyResult<Option<exact::SetMetric>> {
    Metric::parse(metric).map(Metric::set_metric).or_raise(py)
}

/// `(len(rows), len(cols))` float32 matrix; `cols=None` compares `rows` with themselves.
#[pyfunction]
#[pyo3(signature = (rows, cols=None, metric=options::default::MATRIX_METRIC, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, stop_words=None, n_threads=None))]
#[allow(clippy::too_many_arguments)]
fn similarity_matrix<'py>(
    py: Python<'py>,
    rows: &Bound<'py, PyList>,
    cols: Option<&Bound<'py, PyList>>,
    metric: &str,
    ngram: i64,
    shingle: &str,
    stop_words: Option<&Bound<'py, PyAny>>,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyArray2<f32>>> {
    let n_threads = check_threads(py, n_threads)?;
    let set_metric = set_metric_of(py, metric)?;
    let (n_rows, n_cols);
    let flat = if let Some(metric) = set_metric {
        let kind = shingle_kind(py, shingle, ngram)?;
        let row_sets = corpus_shingles(py, &docs_from_list(py, rows, false)?, kind, n_threads)?;
        let col_sets = match cols {
            Some(c) => Some(corpus_shingles(
                py,
                &docs_from_list(py, c, false)?,
                kind,
                n_threads,
            )?),
            None => None,
        };
        n_rows = row_sets.len();
        n_cols = col_sets.as_ref().map_or(n_rows, Vec::len);
        cancellable(py, n_threads, |cancel| {
            exact::set_matrix(
                &row_sets,
                col_sets.as_ref().unwrap_or(&row_sets),
                metric,
                cancel,
            )
        })?
    } else {
        let stop = stop_set(py, stop_words)?;
        let row_docs = docs_from_list(py, rows, false)?;
        let col_docs = match cols {
            Some(c) => Some(docs_from_list(py, c, false)?),
            None => None,
        };
        let row_refs: Vec<Option<&str>> = row_docs.iter().map(Doc::as_str).collect();
        let col_refs: Option<Vec<Option<&str>>> = col_docs
            .as_ref()
            .map(|d| d.iter().map(Doc::as_str).collect());
        n_rows = row_refs.len();
        n_cols = col_refs.as_ref().map_or(n_rows, Vec::len);
        cancellable(py, n_threads, |cancel| {
            // idf comes from the corpus being compared against (the columns).
            let row_terms = sim::term_corpus(&row_refs, &stop);
            match &col_refs {
                Some(c) => {
                    let col_terms = sim::term_corpus(c, &stop);
                    let model = exact::Tfidf::fit(&col_terms);
                    exact::cosine_matrix(
                        &model.vectors(&row_terms),
                        &model.vectors(&col_terms),
                        cancel,
                    )
                }
                None => exact::tfidf_cosine_matrix(&row_terms, cancel),
            }
        })?
    };
    PyArray1::from_vec(py, flat).reshape([n_rows, n_cols])
}

fn key_of(item: &Bound<'_, PyAny>) -> PyResult<Key> {
    if item.is_instance_of::<PyString>() {
        return Ok(Key::Str(item.extract()?));
    }
    // Python ints and anything that is an integer (`__index__`: numpy integers from a
    // Series' index), but not bools, which are ints to Python and keys by accident.
    let is_bool = item.is_instance_of::<pyo3::types::PyBool>()
        || item
            .get_type()
            .name()
            .is_ok_and(|n| n == "bool_" || n == "bool");
    if !is_bool && (item.is_instance_of::<PyInt>() || item.hasattr("__index__")?) {
        if let Ok(i) = item.extract::<i64>() {
            return Ok(Key::Int(i));
        }
        return Err(error(
            item.py(),
            "InputValueError",
            format!("index keys must fit in 64 bits, got {item}"),
        ));
    }
    let name = item.get_type().name()?;
    Err(error(
        item.py(),
        "InputTypeError",
        format!("index keys must be str or int, got {name}"),
    ))
}

fn key_to_py<'py>(py: Python<'py>, key: &Key) -> PyResult<Bound<'py, PyAny>> {
    Ok(match key {
        Key::Int(i) => i.into_pyobject(py)?.into_any(),
        Key::Str(s) => PyString::new(py, s).into_any(),
    })
}

/// The native LSH index (wrapped by `newscorpus.LSHIndex`).
#[pyclass(name = "LSHIndex", module = "newscorpus._native")]
pub struct PyLshIndex {
    inner: LshIndex,
}

#[pymethods]
impl PyLshIndex {
    #[new]
    #[pyo3(signature = (threshold=options::default::THRESHOLD, num_perm=options::default::NUM_PERM, bands=None, rows=None, seed=options::default::SEED, meta=String::new()))]
    fn new(
        py: Python<'_>,
        threshold: f64,
        num_perm: i64,
        bands: Option<i64>,
        rows: Option<i64>,
        seed: i64,
        meta: String,
    ) -> PyResult<Self> {
        let threshold = check_threshold(py, threshold)?;
        let num_perm = check_num_perm(py, num_perm)?;
        let (b, r) = bands_rows(py, threshold, num_perm, bands, rows, false)?;
        let mut inner =
            LshIndex::new(num_perm, b, r, threshold, seed_of(py, seed)?).or_raise(py)?;
        inner.meta = meta;
        Ok(PyLshIndex { inner })
    }

    /// (`num_perm`, bands, rows, threshold, seed, meta)
    #[getter]
    fn params(&self) -> (usize, usize, usize, f64, u64, String) {
        let (p, b, r, t, s) = self.inner.params();
        (p, b, r, t, s, self.inner.meta.clone())
    }

    fn insert(
        &mut self,
        py: Python<'_>,
        keys: &Bound<'_, PyList>,
        signatures: PyReadonlyArray2<'_, u32>,
    ) -> PyResult<()> {
        let sigs = signatures.as_array();
        if sigs.nrows() != keys.len() {
            return Err(error(
                py,
                "InputValueError",
                format!("{} keys for {} signatures", keys.len(), sigs.nrows()),
            ));
        }
        let items: Vec<(Key, Vec<u32>)> = keys
            .iter()
            .zip(sigs.rows())
            .map(|(k, row)| Ok((key_of(&k)?, row.to_vec())))
            .collect::<PyResult<_>>()?;
        self.inner.insert(&items).or_raise(py)
    }

    #[pyo3(signature = (signature, min_score=0.0, k=None))]
    fn query<'py>(
        &self,
        py: Python<'py>,
        signature: PyReadonlyArray1<'py, u32>,
        min_score: f64,
        k: Option<usize>,
    ) -> PyResult<Vec<(Bound<'py, PyAny>, f64)>> {
        let sig = signature.as_slice()?;
        let hits = self.inner.query(sig, min_score, k).or_raise(py)?;
        hits.iter()
            .map(|(key, score)| Ok((key_to_py(py, key)?, *score)))
            .collect()
    }

    fn remove(&mut self, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.remove(&key_of(key)?))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.contains(&key_of(key)?))
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        LshIndex::from_bytes(data)
            .map(|inner| PyLshIndex { inner })
            .or_raise(py)
    }
}

/// Shared passages of two texts: a dict of arrays `a_start`, `a_end`, `b_start`, `b_end`
/// (character offsets in the original texts), `words`, and the word counts of both texts.
#[pyfunction]
#[pyo3(signature = (a, b, min_words=options::default::PASSAGE_MIN_WORDS))]
fn shared_passages<'py>(
    py: Python<'py>,
    a: &str,
    b: &str,
    min_words: i64,
) -> PyResult<Bound<'py, PyDict>> {
    options::whole("min_words", min_words).or_raise(py)?;
    let (runs, sa, sb) = detached(py, None, || {
        let (ha, sa) = align::words_with_spans(a);
        let (hb, sb) = align::words_with_spans(b);
        (align::shared_runs(&ha, &hb, min_words as usize), sa, sb)
    })?;
    let dict = PyDict::new(py);
    set_column(&dict, "a_start", runs.iter().map(|r| i64::from(sa[r.a].0)))?;
    set_column(
        &dict,
        "a_end",
        runs.iter().map(|r| i64::from(sa[r.a + r.words - 1].1)),
    )?;
    set_column(&dict, "b_start", runs.iter().map(|r| i64::from(sb[r.b].0)))?;
    set_column(
        &dict,
        "b_end",
        runs.iter().map(|r| i64::from(sb[r.b + r.words - 1].1)),
    )?;
    set_column(&dict, "words", runs.iter().map(|r| r.words as i64))?;
    dict.set_item("a_words", sa.len())?;
    dict.set_item("b_words", sb.len())?;
    Ok(dict)
}

/// Stop words for TF-IDF: `None`, `"english"` (or another code of
/// `stopwords::LANGUAGES`), `"auto"` (each text's language), or a list of words (compared in
/// matching-key form, like the texts).
fn stop_set(py: Python<'_>, stop_words: Option<&Bound<'_, PyAny>>) -> PyResult<StopWords> {
    let Some(value) = stop_words else {
        return Ok(StopWords::Keep);
    };
    let bad = || {
        let codes: Vec<&str> = stopwords::LANGUAGES.iter().map(|(c, _)| *c).collect();
        format!(
            "stop_words must be None, \"auto\", \"english\", a language code ({}) or a list of words",
            codes.join(", ")
        )
    };
    if let Ok(name) = value.cast::<PyString>() {
        let name = name.to_cow()?;
        return match name.as_ref() {
            "auto" => Ok(StopWords::ByLanguage),
            "english" => Ok(StopWords::Set(stopwords::english_hashes().clone())),
            code => stopwords::language_hashes(code)
                .map(|set| StopWords::Set(set.clone()))
                .ok_or_else(|| error(py, "OptionError", format!("{} (got {code:?})", bad()))),
        };
    }
    let mut words = Vec::new();
    for item in value
        .try_iter()
        .map_err(|_| error(py, "OptionError", bad()))?
    {
        let word: String = item?
            .extract()
            .map_err(|_| error(py, "OptionError", "stop_words must hold str only".into()))?;
        words.push(word);
    }
    Ok(StopWords::Set(stopwords::hashes_of(
        words.iter().map(String::as_str),
    )))
}

fn check_unit(py: Python<'_>, name: &str, value: f64) -> PyResult<f64> {
    options::unit(name, value).or_raise(py)
}

/// Related pairs as a dict of numpy columns: `a`, `b`, `label` (0 duplicate, 1 rewrite,
/// 2 same story, 3 same topic; -1 for an unlabelled candidate, only with `all_candidates`), `cosine`,
/// `story`, `jaccard`, `a_in_b`, `b_in_a` (NaN for a candidate that cannot be a copy,
/// only with `all_candidates`); and `first`, one a text: the first text
/// identical to it (with the same `copy_key`, when given), itself for the first. A later
/// copy is in one pair, with its first (see `relate::copy_pairs`).
#[pyfunction]
#[pyo3(signature = (texts, duplicate=Thresholds::default().duplicate, excerpt=Thresholds::default().excerpt, rewrite=Thresholds::default().rewrite, same_story=Thresholds::default().same_story, same_topic=Thresholds::default().same_topic, candidates=Thresholds::default().candidates, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, stop_words=None, n_threads=None, junk_min_words=None, all_candidates=false, best=None, copy_key=None, distinctive=Thresholds::default().distinctive, rewrite_lead=Thresholds::default().rewrite_lead, shared_name=Thresholds::default().shared_name))]
#[allow(clippy::too_many_arguments)]
fn relate<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    duplicate: f64,
    excerpt: f64,
    rewrite: f64,
    same_story: f64,
    same_topic: f64,
    candidates: f64,
    ngram: i64,
    shingle: &str,
    stop_words: Option<&Bound<'py, PyAny>>,
    n_threads: Option<i64>,
    junk_min_words: Option<usize>,
    all_candidates: bool,
    best: Option<usize>,
    copy_key: Option<PyReadonlyArray1<'py, i64>>,
    distinctive: bool,
    rewrite_lead: f64,
    shared_name: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(py, n_threads)?;
    let kind = shingle_kind(py, shingle, ngram)?;
    let thresholds = Thresholds {
        duplicate: check_unit(py, "duplicate", duplicate)?,
        excerpt: check_unit(py, "excerpt", excerpt)?,
        rewrite: check_unit(py, "rewrite", rewrite)?,
        rewrite_lead: check_unit(py, "rewrite_lead", rewrite_lead)?,
        same_story: check_unit(py, "same_story", same_story)?,
        same_topic: check_unit(py, "same_topic", same_topic)?,
        candidates: check_unit(py, "candidates", candidates)?,
        best: best.filter(|&k| k > 0),
        distinctive,
        shared_name,
        ..Thresholds::default()
    };
    let stop = stop_set(py, stop_words)?;
    let docs = docs_from_list(py, texts, false)?;
    // A progress bar counts the texts once, through the pair search and scoring below.
    let keys = without_progress(|| corpus_keys_less_junk(py, &docs, n_threads, junk_min_words))?;
    // Junk texts are left out as missing ones are: no pairs.
    let refs: Vec<Option<&str>> = docs
        .iter()
        .zip(&keys)
        .map(|(d, k)| k.as_ref().and(d.as_str()))
        .collect();
    let copy_key = match &copy_key {
        Some(k) if k.len()? != refs.len() => {
            return Err(error(
                py,
                "InputValueError",
                "copy_key needs one value a text".into(),
            ))
        }
        Some(k) => Some(k.as_slice()?),
        None => None,
    };
    let CorpusPairs { first, pairs: rows } =
        cancellable_reporting(py, n_threads, docs.len(), |cancel| {
            relate_corpus(
                &refs,
                keys,
                kind,
                copy_key,
                &stop,
                &thresholds,
                all_candidates,
                cancel,
            )
        })?;
    let dict = PyDict::new(py);
    set_column(&dict, "first", first.iter().map(|&f| i64::from(f)))?;
    set_column(&dict, "a", rows.iter().map(|r| i64::from(r.a)))?;
    set_column(&dict, "b", rows.iter().map(|r| i64::from(r.b)))?;
    set_column(
        &dict,
        "label",
        rows.iter().map(|r| r.relation.map_or(-1, |l| l as i64)),
    )?;
    set_column(&dict, "cosine", rows.iter().map(|r| f64::from(r.cosine)))?;
    set_column(&dict, "story", rows.iter().map(Related::story_score))?;
    set_column(
        &dict,
        "jaccard",
        rows.iter()
            .map(|r| r.overlap.map_or(f64::NAN, |o| o.jaccard())),
    )?;
    set_column(
        &dict,
        "a_in_b",
        rows.iter()
            .map(|r| r.overlap.map_or(f64::NAN, |o| o.containment_a_in_b())),
    )?;
    set_column(
        &dict,
        "b_in_a",
        rows.iter()
            .map(|r| r.overlap.map_or(f64::NAN, |o| o.containment_b_in_a())),
    )?;
    Ok(dict)
}

/// The story score of aligned pairs and its features: a dict of float64 columns `story`
/// and one a feature (`story::FEATURES`), NaN where either text is missing.
#[pyfunction]
#[pyo3(signature = (a, b, n_threads=None))]
fn paired_story<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyList>,
    b: &Bound<'py, PyList>,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(py, n_threads)?;
    check_aligned(py, a, b)?;
    let a_docs = docs_from_list(py, a, false)?;
    let b_docs = docs_from_list(py, b, false)?;
    let a_refs: Vec<Option<&str>> = a_docs.iter().map(Doc::as_str).collect();
    let b_refs: Vec<Option<&str>> = b_docs.iter().map(Doc::as_str).collect();
    let (scores, features) = cancellable(py, n_threads, |cancel| {
        sim::paired::stories(&a_refs, &b_refs, cancel).unwrap_or_default()
    })?;
    let dict = PyDict::new(py);
    set_column(&dict, "story", scores)?;
    for (k, name) in story::FEATURES.iter().enumerate() {
        set_column(&dict, name, features.iter().map(|f| f[k]))?;
    }
    Ok(dict)
}

/// The story score's weights: `(name, weight)` pairs, the intercept first.
#[pyfunction]
fn story_weights() -> Vec<(&'static str, f64)> {
    std::iter::once(("intercept", story::WEIGHTS.intercept))
        .chain(story::FEATURES.into_iter().zip(story::WEIGHTS.features))
        .collect()
}

/// The `k` most similar other texts of each text: a dict of numpy columns `a`, `b`, `score`
/// (rows of `a` in order, best `b` first), without the N x N matrix.
#[pyfunction]
#[pyo3(signature = (texts, k=options::default::TOP_K, metric=options::default::METRIC, ngram=options::default::NGRAM, shingle=options::default::SHINGLE, stop_words=None, n_threads=None))]
#[allow(clippy::too_many_arguments)]
fn top_k<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    k: i64,
    metric: &str,
    ngram: i64,
    shingle: &str,
    stop_words: Option<&Bound<'py, PyAny>>,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(py, n_threads)?;
    let keep = exact::Keep::Best(options::whole("k", k).or_raise(py)? as usize);
    let set_metric = set_metric_of(py, metric)?;
    let rows = if let Some(metric) = set_metric {
        let kind = shingle_kind(py, shingle, ngram)?;
        let sets = corpus_shingles(py, &docs_from_list(py, texts, false)?, kind, n_threads)?;
        cancellable(py, n_threads, |cancel| {
            exact::neighbours(
                &exact::set_vectors(&sets),
                keep,
                |i, j, inter| {
                    metric.of(exact::Overlap {
                        intersection: inter as usize,
                        a: sets[i as usize].len(),
                        b: sets[j as usize].len(),
                    }) as f32
                },
                cancel,
            )
        })?
    } else {
        let stop = stop_set(py, stop_words)?;
        let docs = docs_from_list(py, texts, false)?;
        let refs: Vec<Option<&str>> = docs.iter().map(Doc::as_str).collect();
        cancellable(py, n_threads, |cancel| {
            exact::neighbours(
                &sim::tfidf_vectors(&refs, &stop),
                keep,
                |_, _, dot| dot.min(1.0),
                cancel,
            )
        })?
    };
    let dict = PyDict::new(py);
    set_column(&dict, "a", rows.iter().map(|r| i64::from(r.0)))?;
    set_column(&dict, "b", rows.iter().map(|r| i64::from(r.1)))?;
    set_column(&dict, "score", rows.iter().map(|r| f64::from(r.2)))?;
    Ok(dict)
}
