//! Co-occurrence: how many windows (documents or sentences) name two entities together.

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
