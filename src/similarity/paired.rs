//! Scores of aligned pairs: `a[i]` against `b[i]`, for users who already know which
//! articles to compare (a pair table, a story's articles against its first report) and
//! would otherwise build an `N x N` matrix to read its diagonal.

use super::exact::{Overlap, SetMetric, Tfidf};
use super::relate::dot;
use super::story::{score_of, StoryDocs};
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
    scores_by(
        a.len(),
        cancel,
        || (),
        |(), i| match (&a[i], &b[i]) {
            (Some(x), Some(y)) => metric.of(Overlap::of(x, y)),
            _ => f64::NAN,
        },
    )
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
    let present = a.iter().chain(b).filter(|t| t.is_some()).count();
    let vectors = Tfidf::fit_counting(&terms, present).vectors(&terms);
    let n = a.len();
    scores_by(
        n,
        cancel,
        || (),
        |(), i| {
            if a[i].is_none() || b[i].is_none() {
                f64::NAN
            } else {
                f64::from(dot(&vectors[i], &vectors[n + i]))
            }
        },
    )
}

/// The story score (`story::StoryDocs::score`) of each pair, with its features, idf from
/// every present text of `a` and `b`; NaN where either side is missing.
pub fn stories(
    a: &[Option<&str>],
    b: &[Option<&str>],
    cancel: &Cancel,
) -> Option<(Vec<f64>, Vec<[f64; 4]>)> {
    assert_eq!(a.len(), b.len(), "aligned pairs");
    let n = a.len();
    let texts: Vec<Option<&str>> = a.iter().chain(b).copied().collect();
    let docs = StoryDocs::new(&texts);
    let features = scores_by(
        n,
        cancel,
        || docs.scorer(),
        |scorer, i| {
            if a[i].is_none() || b[i].is_none() {
                [f64::NAN; 4]
            } else {
                scorer.features(i, n + i)
            }
        },
    )?;
    let story = features
        .par_iter()
        .enumerate()
        .map(|(i, f)| {
            if f[0].is_nan() {
                f64::NAN
            } else {
                score_of(*f, docs.copies(i, n + i))
            }
        })
        .collect();
    Some((story, features))
}

/// `score(state, i)` for every `i < n`, in parallel chunks of 1,024, each with a `state`
/// of its own (`init()`); `None` when cancelled.
fn scores_by<T: Copy + Default + Send, S>(
    n: usize,
    cancel: &Cancel,
    init: impl Fn() -> S + Sync,
    score: impl Fn(&mut S, usize) -> T + Sync,
) -> Option<Vec<T>> {
    let mut out = vec![T::default(); n];
    out.par_chunks_mut(1024).enumerate().for_each(|(c, chunk)| {
        if cancel.is_cancelled() {
            return;
        }
        let mut state = init();
        for (k, slot) in chunk.iter_mut().enumerate() {
            *slot = score(&mut state, c * 1024 + k);
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
        let texts = [
            Some("Hamburg dock workers strike over pay, halting container traffic at the port."),
            Some("Heavy rain floods cellars in Essen."),
            None,
        ];
        let (story, features) = stories(&texts, &[texts[0], texts[0], texts[0]], never).unwrap();
        assert!((story[0] - 1.0).abs() < 1e-12 && story[1] < 0.3 && story[2].is_nan());
        assert!(features[1].iter().all(|f| (0.0..=1.0).contains(f)));
        let cancelled = Cancel::new();
        cancelled.cancel();
        assert!(cosines(&a, &b, &cancelled).is_none());
    }
}
