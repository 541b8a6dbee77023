//! Scores of aligned pairs: `a[i]` against `b[i]`, for users who already know which
//! articles to compare (a pair table, a story's articles against its first report) and
//! would otherwise build an `N x N` matrix to read its diagonal.

use super::exact::{Overlap, SetMetric, Tfidf};
use super::relate::dot;
use crate::cancel::Cancel;
use rayon::prelude::*;

/// `metric` of each pair of shingle sets; NaN where either side is missing (`None`).
/// `None` when cancelled (checked every 1,024 pairs).
pub fn set_scores(
    a: &[Option<Vec<u64>>],
    b: &[Option<Vec<u64>>],
    metric: SetMetric,
    cancel: &Cancel,
) -> Option<Vec<f64>> {
    assert_eq!(a.len(), b.len(), "aligned pairs");
    scores(a.len(), cancel, |i| match (&a[i], &b[i]) {
        (Some(x), Some(y)) => metric.of(Overlap::of(x, y)),
        _ => f64::NAN,
    })
}

/// TF-IDF cosine of each pair of term lists (word hashes, repeats kept), with the idf
/// fitted on both sides together (every present text of `a` and `b` is a document, as a user
/// fitting scikit-learn's `TfidfVectorizer` on all the texts would); NaN where either side
/// is missing.
pub fn cosines(
    a: &[Option<Vec<u64>>],
    b: &[Option<Vec<u64>>],
    cancel: &Cancel,
) -> Option<Vec<f64>> {
    assert_eq!(a.len(), b.len(), "aligned pairs");
    let terms: Vec<Vec<u64>> = a
        .iter()
        .chain(b)
        .map(|t| t.clone().unwrap_or_default())
        .collect();
    let present: Vec<Vec<u64>> = a.iter().chain(b).flatten().cloned().collect();
    let model = Tfidf::fit(&present);
    let vectors = model.vectors(&terms);
    let n = a.len();
    scores(n, cancel, |i| {
        if a[i].is_none() || b[i].is_none() {
            f64::NAN
        } else {
            f64::from(dot(&vectors[i], &vectors[n + i]))
        }
    })
}

fn scores(n: usize, cancel: &Cancel, score: impl Fn(usize) -> f64 + Sync) -> Option<Vec<f64>> {
    let mut out = vec![0.0; n];
    out.par_chunks_mut(1024).enumerate().for_each(|(c, chunk)| {
        if cancel.is_cancelled() {
            return;
        }
        for (k, slot) in chunk.iter_mut().enumerate() {
            *slot = score(c * 1024 + k);
        }
    });
    (!cancel.is_cancelled()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_score_as_the_matrix_diagonal() {
        let never = Cancel::never();
        let a = vec![Some(vec![1, 2, 3, 4]), Some(vec![1, 2]), None, Some(vec![])];
        let b = vec![
            Some(vec![1, 2, 3, 4]),
            Some(vec![2, 3, 4]),
            Some(vec![1]),
            Some(vec![5]),
        ];
        let j = set_scores(&a, &b, SetMetric::Jaccard, never).unwrap();
        assert!((j[0] - 1.0).abs() < 1e-12 && (j[1] - 0.25).abs() < 1e-12);
        assert!(j[2].is_nan());
        assert!(j[3].abs() < f64::EPSILON);
        let c = set_scores(&a, &b, SetMetric::Containment, never).unwrap();
        assert!((c[0] - 1.0).abs() < 1e-12 && (c[1] - 0.5).abs() < 1e-12);
        // Term lists with repeats: identical texts score 1, disjoint ones 0.
        let a = vec![Some(vec![7, 7, 8]), Some(vec![7, 9]), None];
        let b = vec![Some(vec![7, 7, 8]), Some(vec![10, 11]), Some(vec![7])];
        let cos = cosines(&a, &b, never).unwrap();
        assert!((cos[0] - 1.0).abs() < 1e-6 && cos[1].abs() < 1e-12 && cos[2].is_nan());
        let cancelled = Cancel::new();
        cancelled.cancel();
        assert!(cosines(&a, &b, &cancelled).is_none());
    }
}
