//! Exact scores: set measures over shingle sets, and TF-IDF cosine.

use ahash::AHashMap;
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
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
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
pub fn set_matrix(rows: &[Vec<u64>], cols: &[Vec<u64>], metric: SetMetric) -> Vec<f32> {
    let mut out = vec![0f32; rows.len() * cols.len()];
    if cols.is_empty() {
        return out;
    }
    out.par_chunks_mut(cols.len())
        .zip(rows.par_iter())
        .for_each(|(row, a)| {
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
        let df = document_frequency(docs, |doc| {
            let mut terms = doc.clone();
            terms.sort_unstable();
            terms.dedup();
            terms
        });
        let n = docs.len() as f32;
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0))
            .collect();
        Tfidf {
            idf,
            default_idf: (1.0 + n).ln() + 1.0,
        }
    }

    /// The vectors of many documents, in parallel.
    pub fn vectors(&self, docs: &[Vec<u64>]) -> Vec<SparseVector> {
        docs.par_iter().map(|d| self.vector(d)).collect()
    }

    pub fn vector(&self, doc: &[u64]) -> Vec<(u64, f32)> {
        let mut terms = doc.to_vec();
        terms.sort_unstable();
        let mut v: Vec<(u64, f32)> = Vec::new();
        for t in terms {
            match v.last_mut() {
                Some((last, tf)) if *last == t => *tf += 1.0,
                _ => v.push((t, 1.0)),
            }
        }
        for (t, w) in &mut v {
            *w = (1.0 + w.ln()) * self.idf.get(t).copied().unwrap_or(self.default_idf);
        }
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    }
}

/// How many documents hold each term, `terms` giving a document's distinct terms (counted
/// in parallel, one table a thread, then merged).
fn document_frequency<T: Sync>(
    docs: &[T],
    terms: impl Fn(&T) -> Vec<u64> + Sync,
) -> AHashMap<u64, u32> {
    docs.par_iter()
        .fold(AHashMap::<u64, u32>::new, |mut df, doc| {
            for t in terms(doc) {
                *df.entry(t).or_default() += 1;
            }
            df
        })
        .reduce(AHashMap::new, |a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (t, d) in small {
                *big.entry(t).or_default() += d;
            }
            big
        })
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
pub fn cosine_matrix_symmetric(vecs: &[Vec<(u64, f32)>]) -> Vec<f32> {
    let n = vecs.len();
    let mut out = vec![0f32; n * n];
    if n == 0 {
        return out;
    }
    // Terms in more than one document in DENSE_SHARE are scored densely: a common term
    // touches most pairs anyway, and a contiguous dot product over all of them runs many
    // times faster than scattering its postings. The rest go through the inverted index.
    let (dense, width, sparse) = split_common_terms(vecs);
    let postings = postings(&sparse);
    out.par_chunks_mut(n).enumerate().for_each(|(i, row)| {
        if width > 0 {
            dense_row(i, &dense, width, n, row);
        }
        for &(t, w) in &sparse[i] {
            if let Some(list) = postings.get(&t) {
                // Postings are in document order: start at the diagonal.
                let from = list.partition_point(|&(j, _)| (j as usize) < i);
                for &(j, wj) in &list[from..] {
                    row[j as usize] += w * wj;
                }
            }
        }
        for x in &mut row[i..] {
            *x = x.min(1.0);
        }
    });
    mirror_upper(&mut out, n);
    out
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

/// Split vectors into a dense matrix of the common terms, one column of weights a term
/// (`width x n`, term-major, so a term's weights over the documents are contiguous), and
/// sparse vectors of the rest.
fn split_common_terms(vecs: &[SparseVector]) -> (Vec<f32>, usize, Vec<SparseVector>) {
    let n = vecs.len();
    let df = document_frequency(vecs, |v| v.iter().map(|&(t, _)| t).collect());
    let mut common: Vec<u64> = df
        .into_iter()
        .filter(|&(_, d)| d as usize * DENSE_SHARE > n && n >= 64)
        .map(|(t, _)| t)
        .collect();
    common.sort_unstable();
    if common.is_empty() {
        return (Vec::new(), 0, vecs.to_vec());
    }
    let column: AHashMap<u64, usize> = common.iter().enumerate().map(|(c, &t)| (t, c)).collect();
    let width = common.len();
    let mut dense = vec![0f32; n * width];
    let sparse = vecs
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.iter()
                .filter(|&&(t, w)| match column.get(&t) {
                    Some(&c) => {
                        dense[c * n + i] = w;
                        false
                    }
                    None => true,
                })
                .copied()
                .collect()
        })
        .collect();
    (dense, width, sparse)
}

/// `row[j] = dense_i . dense_j` for `j >= i`, with the widest vectors the processor has
/// (chosen at run time).
fn dense_row(i: usize, dense: &[f32], width: usize, n: usize, row: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor supports AVX-512 F (checked just above).
            unsafe { dense_row_avx512(i, dense, width, n, row) };
            return;
        }
        if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
            // SAFETY: the processor supports AVX2 and FMA (checked just above).
            unsafe { dense_row_avx2(i, dense, width, n, row) };
            return;
        }
    }
    dense_row_portable(i, dense, width, n, row);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn dense_row_avx512(i: usize, dense: &[f32], width: usize, n: usize, row: &mut [f32]) {
    dense_row_portable(i, dense, width, n, row);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn dense_row_avx2(i: usize, dense: &[f32], width: usize, n: usize, row: &mut [f32]) {
    dense_row_portable(i, dense, width, n, row);
}

// Always inlined, so the wrappers above compile this body with their target features.
#[allow(clippy::inline_always)]
#[inline(always)]
fn dense_row_portable(i: usize, dense: &[f32], width: usize, n: usize, row: &mut [f32]) {
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
pub fn neighbours(
    vecs: &[Vec<(u64, f32)>],
    keep: Keep,
    score: impl Fn(u32, u32, f32) -> f32 + Sync,
) -> Vec<(u32, u32, f32)> {
    let n = vecs.len();
    let postings = postings(vecs);
    let rows: Vec<Vec<(u32, u32, f32)>> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |(row, touched), i| {
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
                let mut hits: Vec<(u32, u32, f32)> = Vec::new();
                for j in touched.drain(..) {
                    let s = score(i as u32, j, row[j as usize]);
                    row[j as usize] = 0.0;
                    match keep {
                        Keep::AtLeast(min) if s >= min => hits.push((i as u32, j, s)),
                        Keep::Best(_) if s > 0.0 => hits.push((i as u32, j, s)),
                        _ => {}
                    }
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

/// Pairs `(i, j, cosine)`, `i < j`, of L2-normalised vectors scoring at least `min_score`.
pub fn cosine_pairs(vecs: &[Vec<(u64, f32)>], min_score: f32) -> Vec<(u32, u32, f32)> {
    neighbours(vecs, Keep::AtLeast(min_score), |_, _, dot| dot.min(1.0))
}

/// Shingle sets as unit-weight sparse vectors, for [`neighbours`].
pub fn set_vectors(sets: &[Vec<u64>]) -> Vec<Vec<(u64, f32)>> {
    sets.iter()
        .map(|s| s.iter().map(|&h| (h, 1.0)).collect())
        .collect()
}

/// Cosine of every row vector with every column vector, through an inverted index of the
/// columns (a sparse product: only shared terms cost anything), in parallel by row.
pub fn cosine_matrix(rows: &[Vec<(u64, f32)>], cols: &[Vec<(u64, f32)>]) -> Vec<f32> {
    let postings = postings(cols);
    let mut out = vec![0f32; rows.len() * cols.len()];
    if cols.is_empty() {
        return out;
    }
    out.par_chunks_mut(cols.len())
        .zip(rows.par_iter())
        .for_each(|(row, v)| {
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
        let (_, width, _) = split_common_terms(&vecs);
        assert!(width >= 3, "{width}");
        let fast = cosine_matrix_symmetric(&vecs);
        let reference = cosine_matrix(&vecs, &vecs);
        for (x, y) in fast.iter().zip(&reference) {
            assert!((x - y).abs() < 1e-5, "{x} {y}");
        }
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
        let m = cosine_matrix(&vecs, &vecs);
        assert_eq!(m, cosine_matrix_symmetric(&vecs));
        let pairs = cosine_pairs(&vecs, 0.5);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 1));
        let at = |i: usize, j: usize| m[i * 4 + j];
        assert!((at(0, 1) - 1.0).abs() < 1e-6);
        assert!(at(0, 2).abs() < 1e-9);
        assert!((at(2, 2) - 1.0).abs() < 1e-6);
        assert!(at(3, 3).abs() < 1e-9);
    }
}
