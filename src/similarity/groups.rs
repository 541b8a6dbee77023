//! Clusters of near-duplicates straight from LSH buckets, without listing every pair of a
//! large bucket.
//!
//! A crawl holds thousands of pages made from one template ("Page not found ... Ref 123"):
//! distinct texts, all near-duplicates of each other, so they share every band and one
//! bucket holds them all. Listing the pairs of that bucket costs the square of its size
//! (4,000 pages: 8 million pairs a band). [`near_duplicates`](super::near_duplicates) must
//! list them (they are its output), but clusters need not: a bucket of more than
//! [`LARGE_BUCKET`] documents is kept as a list of members and each member is compared
//! with at most [`MAX_TRIES`] documents of it (see [`lsh_clusters`]), so time and memory
//! stay linear in the corpus.

use super::{find_root, lsh, neighbours, union, ClusterMethod, EMPTY};
use crate::cancel::Cancel;
use rayon::prelude::*;

/// Buckets with more documents than this are not expanded into pairs by [`candidates`].
pub const LARGE_BUCKET: usize = 64;

/// How many documents of a large bucket one document may be found not similar to before
/// the rest of the bucket is left alone (see [`lsh_clusters`]).
pub const MAX_TRIES: usize = 32;

/// LSH candidates: the pairs `(a, b)`, `a < b`, of the buckets of up to `max_bucket`
/// documents (sorted, no repeats), and the larger buckets whole (members in increasing
/// order, each distinct bucket once).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Candidates {
    pub pairs: Vec<(u32, u32)>,
    pub buckets: Vec<Vec<u32>>,
}

/// [`Candidates`] among the documents `docs` (in increasing order): documents sharing at
/// least one band of `rows` signature values. Documents with no shingles are never
/// candidates. With `max_bucket = usize::MAX` every candidate is a pair.
///
/// The band keys of each document are computed in one pass over its signature (the matrix
/// is read once, in order), then each band's documents are sorted by key so that equal keys
/// sit together.
pub fn candidates(
    signatures: &[u32],
    num_perm: usize,
    bands: usize,
    rows: usize,
    docs: &[u32],
    max_bucket: usize,
) -> Candidates {
    if bands == 0 || rows == 0 || num_perm == 0 {
        return Candidates::default();
    }
    let live: Vec<u32> = docs
        .iter()
        .copied()
        .filter(|&d| {
            signatures[d as usize * num_perm..(d as usize + 1) * num_perm]
                .iter()
                .any(|&v| v != EMPTY)
        })
        .collect();
    // keys[i * bands + band]: the key of `band` for the i-th live document.
    let mut keys = vec![0u64; live.len() * bands];
    keys.par_chunks_mut(bands)
        .zip(live.par_iter())
        .for_each(|(row, &d)| lsh::row_band_keys(&signatures[d as usize * num_perm..], rows, row));
    candidates_by_row(&live, max_bucket, bands, |i, band| keys[i * bands + band])
}

/// [`candidates`] from band keys already made, those of every document, in `parts` of
/// consecutive documents (`parts[p][r * bands + band]` for the `r`-th document of part
/// `p`; one part holds them all), of which only `docs` (live, in increasing order) take
/// part: for a caller that kept the keys and not the signatures (a file streamed in
/// batches, whose keys stay in the parts they were made in). No copy of the keys is made
/// (10 million documents' keys weigh 1.8 GB at 23 bands, and joining parts doubled them).
pub fn candidates_of_all_keys(
    parts: &[&[u64]],
    bands: usize,
    docs: &[u32],
    max_bucket: usize,
) -> Candidates {
    if bands == 0 {
        return Candidates::default();
    }
    // Where each part's documents start, then each chosen document's (part, row).
    let mut starts: Vec<usize> = Vec::with_capacity(parts.len() + 1);
    starts.push(0);
    for p in parts {
        assert_eq!(p.len() % bands, 0, "bands keys a document");
        starts.push(starts.last().unwrap() + p.len() / bands);
    }
    let total = *starts.last().unwrap();
    assert!(
        docs.iter().all(|&d| (d as usize) < total),
        "bands keys a document"
    );
    let mut part = 0;
    let at: Vec<(u32, u32)> = docs
        .iter()
        .map(|&d| {
            while starts[part + 1] <= d as usize {
                part += 1;
            }
            (part as u32, (d as usize - starts[part]) as u32)
        })
        .collect();
    candidates_by_row(docs, max_bucket, bands, |i, band| {
        let (p, r) = at[i];
        parts[p as usize][r as usize * bands + band]
    })
}

/// The candidates of `live`, whose `i`-th document's key of `band` is `key(i, band)`.
fn candidates_by_row(
    live: &[u32],
    max_bucket: usize,
    bands: usize,
    key: impl Fn(usize, usize) -> u64 + Sync,
) -> Candidates {
    if bands == 0 {
        return Candidates::default();
    }
    let per_band: Vec<Candidates> = (0..bands)
        .into_par_iter()
        .map(|band| {
            let mut entries: Vec<(u64, u32)> = live
                .iter()
                .enumerate()
                .map(|(i, &d)| (key(i, band), d))
                .collect();
            entries.sort_unstable();
            let mut out = Candidates::default();
            for group in entries.chunk_by(|x, y| x.0 == y.0).filter(|g| g.len() > 1) {
                if group.len() > max_bucket {
                    out.buckets.push(group.iter().map(|&(_, d)| d).collect());
                    continue;
                }
                for (i, &(_, a)) in group.iter().enumerate() {
                    for &(_, b) in &group[i + 1..] {
                        // Sorted by document within a key, so a < b.
                        out.pairs.push((a, b));
                    }
                }
            }
            out
        })
        .collect();
    let mut out = Candidates::default();
    for c in per_band {
        out.pairs.extend(c.pairs);
        out.buckets.extend(c.buckets);
    }
    out.pairs.par_sort_unstable();
    out.pairs.dedup();
    // Near-identical documents share every band: one bucket, `bands` times.
    out.buckets.sort_unstable();
    out.buckets.dedup();
    out
}

/// For each document, the best-ranked member of its unit (the documents with one matching
/// key, `first` from [`first_of_same`](super::first_of_same)), and each unit's rank (held
/// by its first document; `u32::MAX` for the others): that member's position in
/// `(rank, document)` order, so ties break by position.
pub fn unit_ranks(first: &[u32], rank: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let n = first.len();
    assert_eq!(rank.len(), n, "one rank a document");
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_unstable_by_key(|&d| (rank[d as usize], d));
    let mut position = vec![0u32; n];
    for (p, &d) in order.iter().enumerate() {
        position[d as usize] = p as u32;
    }
    let mut best: Vec<u32> = (0..n as u32).collect();
    for d in 0..n {
        let f = first[d] as usize;
        if position[d] < position[best[f] as usize] {
            best[f] = d as u32;
        }
    }
    let unit_rank = (0..n)
        .map(|d| {
            if first[d] as usize == d {
                position[best[d] as usize]
            } else {
                u32::MAX
            }
        })
        .collect();
    (best, unit_rank)
}

/// A cluster representative for each document, from LSH candidates among the first
/// documents of each unit (documents with one matching key, `first`): a candidate pair
/// joins when `similar(a, b)` says so. The same as
/// [`clusters_of_copies`](super::clusters_of_copies) on the similar candidate pairs, except
/// in buckets of more than [`LARGE_BUCKET`] documents, whose pairs are never listed:
///
/// - `Connected`: each member of a large bucket is compared, in order, with one member of
///   each group the bucket's earlier members formed, and joins every group it is similar
///   to, until it has met [`MAX_TRIES`] it is not similar to. A bucket of near-duplicates
///   thus takes one comparison a member; a member similar to a group's later member but
///   not to the one it is compared with is joined only through another band, or not.
/// - `Center`: a center takes the unplaced members of its large buckets it is similar to,
///   in order, until it has met [`MAX_TRIES`] it is not similar to. A bucket that mixes
///   more than that many unrelated documents before a center's own may thus leave some of
///   them as centers of their own.
///
/// So a large bucket costs at most [`MAX_TRIES`] failed comparisons a member, plus one
/// successful comparison a join.
///
/// `None` when `cancel` was set (checked every 1,024 documents or candidate pairs).
pub fn lsh_clusters(
    first: &[u32],
    candidates: &Candidates,
    similar: impl Fn(u32, u32) -> bool + Sync,
    rank: &[u32],
    method: ClusterMethod,
    cancel: &Cancel,
) -> Option<Vec<u32>> {
    let n = first.len();
    let (best, unit_rank) = unit_ranks(first, rank);
    let pairs: Vec<(u32, u32)> = candidates
        .pairs
        .par_chunks(1024)
        .flat_map_iter(|chunk| {
            let go = !cancel.is_cancelled();
            chunk
                .iter()
                .copied()
                .filter(|&(a, b)| go && similar(a, b))
                .collect::<Vec<_>>()
        })
        .collect();
    if cancel.is_cancelled() {
        return None;
    }
    let cluster = match method {
        ClusterMethod::Connected => {
            let mut parent: Vec<u32> = (0..n as u32).collect();
            for &(a, b) in &pairs {
                union(&mut parent, &unit_rank, a, b);
            }
            for (i, bucket) in candidates.buckets.iter().enumerate() {
                if i % 64 == 0 && cancel.is_cancelled() {
                    return None;
                }
                // One member of each group met so far in this bucket.
                let mut heads: Vec<u32> = Vec::new();
                for &d in bucket {
                    let mut tries = 0;
                    let mut joined = false;
                    let mut stale = 0;
                    for &h in &heads {
                        if tries == MAX_TRIES {
                            break;
                        }
                        if find_root(&mut parent, h) == find_root(&mut parent, d) {
                            stale += usize::from(joined);
                            joined = true;
                            continue;
                        }
                        if similar(d, h) {
                            union(&mut parent, &unit_rank, d, h);
                            joined = true;
                        } else {
                            tries += 1;
                        }
                    }
                    if !joined {
                        heads.push(d);
                    }
                    if stale > heads.len() / 2 {
                        // Heads whose groups merged: keep one a group.
                        let mut seen = ahash::AHashSet::new();
                        heads.retain(|&h| seen.insert(find_root(&mut parent, h)));
                    }
                }
            }
            (0..n as u32)
                .map(|x| find_root(&mut parent, x))
                .collect::<Vec<u32>>()
        }
        ClusterMethod::Center => {
            let neighbours = neighbours(n, &pairs);
            let mut in_buckets: Vec<Vec<u32>> = vec![Vec::new(); n];
            for (i, bucket) in candidates.buckets.iter().enumerate() {
                for &d in bucket {
                    in_buckets[d as usize].push(i as u32);
                }
            }
            let mut buckets = candidates.buckets.clone();
            let mut order: Vec<u32> = (0..n as u32).collect();
            order.sort_by_key(|&d| (unit_rank[d as usize], d));
            let mut cluster = vec![u32::MAX; n];
            for (i, &center) in order.iter().enumerate() {
                if i % 1024 == 0 && cancel.is_cancelled() {
                    return None;
                }
                if cluster[center as usize] != u32::MAX {
                    continue;
                }
                cluster[center as usize] = center;
                for &m in &neighbours[center as usize] {
                    if cluster[m as usize] == u32::MAX {
                        cluster[m as usize] = center;
                    }
                }
                for &g in &in_buckets[center as usize] {
                    let bucket = &mut buckets[g as usize];
                    let (mut tries, mut placed) = (0, 0);
                    for &m in bucket.iter() {
                        if tries == MAX_TRIES {
                            break;
                        }
                        if cluster[m as usize] != u32::MAX {
                            placed += 1;
                            continue;
                        }
                        if similar(center, m) {
                            cluster[m as usize] = center;
                        } else {
                            tries += 1;
                        }
                    }
                    if placed > MAX_TRIES {
                        // Drop placed members so later centers do not walk past them.
                        bucket.retain(|&m| cluster[m as usize] == u32::MAX);
                    }
                }
            }
            cluster
        }
    };
    Some(
        (0..n)
            .map(|d| best[cluster[first[d] as usize] as usize])
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::{clusters_of_copies, first_of_same};

    fn lcg(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *state >> 33
    }

    #[test]
    fn keys_of_every_document_give_the_candidates_of_the_chosen_ones() {
        let bands = 3;
        let mut state = 7u64;
        let all: Vec<u64> = (0..40 * bands).map(|_| lcg(&mut state) % 5).collect();
        let docs: Vec<u32> = (0..40).filter(|d| d % 3 != 1).collect();
        let kept: Vec<u64> = docs
            .iter()
            .flat_map(|&d| all[d as usize * bands..(d as usize + 1) * bands].to_vec())
            .collect();
        let want = candidates_by_row(&docs, usize::MAX, bands, |i, b| kept[i * bands + b]).pairs;
        let got = candidates_of_all_keys(&[&all], bands, &docs, usize::MAX).pairs;
        assert!(!want.is_empty());
        assert_eq!(got, want);
        // In parts of any sizes (an empty one too), the same.
        for cut in [1usize, 7, 13, 39] {
            let (x, rest) = all.split_at(cut * bands);
            let (y, z) = rest.split_at(((40 - cut) / 2) * bands);
            let parts: Vec<&[u64]> = vec![x, &[], y, z];
            assert_eq!(
                candidates_of_all_keys(&parts, bands, &docs, usize::MAX).pairs,
                want
            );
        }
    }

    #[test]
    fn small_buckets_give_the_clusters_of_the_pairs() {
        // Random signatures over a small alphabet (many collisions), random similarity:
        // with every bucket small, the clusters are those of the similar pairs.
        let (n, k, bands, rows) = (80usize, 12usize, 4usize, 3usize);
        let mut state = 5u64;
        let sigs: Vec<u32> = (0..n * k).map(|_| (lcg(&mut state) % 4) as u32).collect();
        let keys: Vec<Option<u128>> = (0..n)
            .map(|d| Some(if d % 7 == 3 { 1 } else { d as u128 + 10 }))
            .collect();
        let first = first_of_same(&keys);
        let firsts: Vec<u32> = (0..n as u32).filter(|&d| first[d as usize] == d).collect();
        let c = candidates(&sigs, k, bands, rows, &firsts, usize::MAX);
        assert!(c.buckets.is_empty() && !c.pairs.is_empty());
        let similar = |a: u32, b: u32| (a * 31 + b * 17) % 3 == 0;
        let rank: Vec<u32> = (0..n).map(|_| (lcg(&mut state) % 50) as u32).collect();
        let pairs: Vec<(u32, u32)> = c
            .pairs
            .iter()
            .copied()
            .filter(|&(a, b)| similar(a, b))
            .collect();
        for method in [ClusterMethod::Connected, ClusterMethod::Center] {
            let got = lsh_clusters(&first, &c, similar, &rank, method, Cancel::never());
            assert_eq!(
                got.unwrap(),
                clusters_of_copies(&first, &pairs, &rank, method)
            );
        }
    }

    #[test]
    fn a_large_bucket_of_near_duplicates_is_one_cluster_without_its_pairs() {
        // 5,000 documents with one signature: one bucket a band, kept whole.
        let (n, k) = (5_000usize, 8usize);
        let sigs = vec![7u32; n * k];
        let first: Vec<u32> = (0..n as u32).collect();
        let c = candidates(&sigs, k, 2, 4, &first, LARGE_BUCKET);
        assert!(c.pairs.is_empty());
        assert_eq!(
            c.buckets.len(),
            1,
            "the same bucket in both bands, kept once"
        );
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let similar = |_: u32, _: u32| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            true
        };
        let rank: Vec<u32> = (0..n as u32).rev().collect();
        for method in [ClusterMethod::Connected, ClusterMethod::Center] {
            calls.store(0, std::sync::atomic::Ordering::Relaxed);
            let got = lsh_clusters(&first, &c, similar, &rank, method, Cancel::never()).unwrap();
            // The best-ranked (the last) represents everyone.
            assert!(got.iter().all(|&r| r as usize == n - 1));
            assert!(calls.load(std::sync::atomic::Ordering::Relaxed) < 2 * n);
        }
        // Nothing similar: every document alone, each compared with at most MAX_TRIES.
        for method in [ClusterMethod::Connected, ClusterMethod::Center] {
            calls.store(0, std::sync::atomic::Ordering::Relaxed);
            let never = |_: u32, _: u32| {
                calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                false
            };
            let got = lsh_clusters(&first, &c, never, &rank, method, Cancel::never()).unwrap();
            assert_eq!(got, (0..n as u32).collect::<Vec<_>>());
            assert!(calls.load(std::sync::atomic::Ordering::Relaxed) <= n * MAX_TRIES);
        }
        // Two families in one bucket (even and odd documents): two clusters when
        // connected; centers never mix the families.
        let parity = |a: u32, b: u32| a % 2 == b % 2;
        let got = lsh_clusters(
            &first,
            &c,
            parity,
            &rank,
            ClusterMethod::Connected,
            Cancel::never(),
        )
        .unwrap();
        let (even, odd) = ((n - 2) as u32, (n - 1) as u32);
        assert!(got
            .iter()
            .enumerate()
            .all(|(d, &r)| r == if d % 2 == 0 { even } else { odd }));
        let got = lsh_clusters(
            &first,
            &c,
            parity,
            &rank,
            ClusterMethod::Center,
            Cancel::never(),
        )
        .unwrap();
        assert!(got
            .iter()
            .enumerate()
            .all(|(d, &r)| d % 2 == r as usize % 2));
        let cancelled = Cancel::new();
        cancelled.cancel();
        let got = lsh_clusters(
            &first,
            &c,
            parity,
            &rank,
            ClusterMethod::Connected,
            &cancelled,
        );
        assert!(got.is_none());
    }
}
