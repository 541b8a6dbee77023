//! Counting mentions: how often each entity is named and in how many documents
//! ([`tally`]); co-occurrence: how many windows (documents or sentences) name two entities
//! together.

use ahash::AHashMap;
use rayon::prelude::*;

/// Pairs `(a, b, windows)`, `a < b`, of entities named together in at least one window.
/// `windows[i]` and `entities[i]` are the window and entity of mention `i`; a window
/// counts once for a pair however often it names them. Sorted by `(a, b)`.
pub fn cooccurrence(windows: &[u64], entities: &[u32]) -> Vec<(u32, u32, u32)> {
    assert_eq!(windows.len(), entities.len(), "one window a mention");
    let mut order: Vec<(u64, u32)> = windows
        .iter()
        .copied()
        .zip(entities.iter().copied())
        .collect();
    order.par_sort_unstable();
    order.dedup();
    // Window boundaries, then pairs per window, counted per thread and merged.
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..=order.len() {
        if i == order.len() || order[i].0 != order[start].0 {
            bounds.push((start, i));
            start = i;
        }
    }
    let counts = bounds
        .par_iter()
        .fold(AHashMap::<(u32, u32), u32>::new, |mut acc, &(s, e)| {
            let ids = &order[s..e];
            for (i, x) in ids.iter().enumerate() {
                for y in &ids[i + 1..] {
                    *acc.entry((x.1.min(y.1), x.1.max(y.1))).or_default() += 1;
                }
            }
            acc
        })
        .reduce(AHashMap::new, |mut a, b| {
            if a.len() < b.len() {
                return merge(b, a);
            }
            merge(std::mem::take(&mut a), b)
        });
    let mut out: Vec<(u32, u32, u32)> = counts.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    out.par_sort_unstable();
    out
}

/// How often each entity is named and in how many documents, for mentions whose documents
/// come in order (`docs` never decreases: each document's mentions together, as the
/// extraction gives them): `(entity, mentions, documents)` for each entity named, in order
/// of its first mention (what a `groupby(sort=False)` of the mentions by entity gives).
/// One pass and three numbers an entity id (`entities` below `n_entities`); `None` when
/// `docs` decreases somewhere or an id is out of range (the caller counts another way).
pub fn tally(docs: &[i64], entities: &[i64], n_entities: usize) -> Option<Vec<(u32, u64, u64)>> {
    assert_eq!(docs.len(), entities.len(), "one document a mention");
    let mut last_doc = vec![i64::MIN; n_entities];
    let mut counts = vec![(0u64, 0u64); n_entities];
    let mut order: Vec<u32> = Vec::new();
    let mut previous = i64::MIN;
    for (&doc, &entity) in docs.iter().zip(entities) {
        if doc < previous || !(0..n_entities as i64).contains(&entity) {
            return None;
        }
        previous = doc;
        let e = entity as usize;
        if counts[e].0 == 0 {
            order.push(e as u32);
        }
        counts[e].0 += 1;
        if last_doc[e] != doc {
            last_doc[e] = doc;
            counts[e].1 += 1;
        }
    }
    Some(
        order
            .into_iter()
            .map(|e| (e, counts[e as usize].0, counts[e as usize].1))
            .collect(),
    )
}

fn merge(
    mut into: AHashMap<(u32, u32), u32>,
    from: AHashMap<(u32, u32), u32>,
) -> AHashMap<(u32, u32), u32> {
    for (k, v) in from {
        *into.entry(k).or_default() += v;
    }
    into
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_counts_mentions_and_documents_in_order_of_first_mention() {
        // doc 0: entities 2, 1, 2; doc 1: 1; doc 3: 2, 0.
        let docs = [0, 0, 0, 1, 3, 3];
        let entities = [2, 1, 2, 1, 2, 0];
        assert_eq!(
            tally(&docs, &entities, 3),
            Some(vec![(2, 3, 2), (1, 2, 2), (0, 1, 1)])
        );
        assert_eq!(tally(&[], &[], 0), Some(vec![]));
        // Documents out of order, an id out of range: counted another way.
        assert_eq!(tally(&[1, 0], &[0, 0], 1), None);
        assert_eq!(tally(&[0], &[3], 3), None);
        assert_eq!(tally(&[0], &[-1], 3), None);
    }

    #[test]
    fn counts_each_window_once() {
        // window 0: entities 1, 2, 2; window 1: 2, 1, 3; window 2: 3 alone.
        let windows = [0, 0, 0, 1, 1, 1, 2];
        let entities = [1, 2, 2, 2, 1, 3, 3];
        assert_eq!(
            cooccurrence(&windows, &entities),
            vec![(1, 2, 2), (1, 3, 1), (2, 3, 1)]
        );
        assert!(cooccurrence(&[], &[]).is_empty());
    }
}
