"""newscorpus on Dask: a dask DataFrame column of texts in, dask or pandas objects out.

Dask is an optional extra (``pip install 'newscorpus[dask]'``); nothing here is imported by
``import newscorpus``. Every function gives the same result as its in-memory namesake on
the same texts (tested):

- ``normalize``, ``matching_key``, ``detect_language``, ``junk`` and ``parse_articles``
  work partition by partition (``map_partitions`` with an explicit ``meta``) and return a
  lazy dask Series or DataFrame with the column's index.
- ``near_duplicates`` computes MinHash signatures on the workers, partition by partition
  (junk texts left out), brings them to the driver (``num_perm * 4`` bytes a text: 512 MB
  for a million texts at the default 128), finds LSH candidates there, and verifies them
  exactly on texts gathered for the paired rows only. It returns a pandas DataFrame, as the
  pairs are small.

Entity extraction resolves names across the whole corpus, so a partition-wise version would
give other canonical names than ``newscorpus.entities``; it is not offered here yet.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import pandas as pd

import newscorpus as _nc

__all__ = ["normalize", "matching_key", "detect_language", "junk", "parse_articles", "near_duplicates"]


def _series_meta(column: Any, name: Optional[str] = None) -> pd.Series:
    return pd.Series([], dtype=object, name=column.name if name is None else name)


def normalize(column: Any, **options: Any) -> Any:
    """``newscorpus.normalize`` on each partition (options as there, but ``offsets``)."""
    if options.get("offsets"):
        raise _nc.OptionError("offsets=True is not offered on Dask: normalize partitions with map_partitions")
    return column.map_partitions(_nc.normalize, **options, meta=_series_meta(column))


def matching_key(column: Any, **options: Any) -> Any:
    """``newscorpus.matching_key`` on each partition."""
    return column.map_partitions(_nc.matching_key, **options, meta=_series_meta(column))


def detect_language(column: Any, **options: Any) -> Any:
    """``newscorpus.detect_language`` on each partition (language codes, None when unsure)."""
    meta = _nc.detect_language(pd.Series(["x"], dtype=object, name=column.name), **options).iloc[:0]
    return column.map_partitions(_nc.detect_language, **options, meta=meta)


def junk(column: Any, **options: Any) -> Any:
    """``newscorpus.junk`` on each partition: the reason each text is junk, or None."""
    return column.map_partitions(_nc.junk, **options, meta=_series_meta(column, "junk"))


def parse_articles(column: Any, **options: Any) -> Any:
    """``newscorpus.parse_articles`` on each partition: a dask DataFrame, one row a text."""
    meta = _nc.parse_articles(pd.Series(["x"], dtype=object, name=column.name), **options).iloc[:0]
    return column.map_partitions(_nc.parse_articles, **options, meta=meta)


def _signatures(part: pd.Series, num_perm: int, ngram: int, shingle: str, seed: int, junk_min_words: Optional[int]):
    from . import _native

    texts = [v if isinstance(v, str) else None for v in part.tolist()]
    sigs, keys = _native.minhash_keys(texts, num_perm, ngram, shingle, seed, None, junk_min_words)
    return sigs, keys, part.index.to_numpy()


def near_duplicates(
    column: Any,
    threshold: float = 0.8,
    *,
    num_perm: int = 128,
    ngram: int = 3,
    shingle: str = "word",
    seed: int = 1,
    junk: bool = True,
    junk_min_words: int = 3,
) -> pd.DataFrame:
    """``newscorpus.near_duplicates`` of a dask column: a pandas DataFrame of pairs ``a``,
    ``b`` (index labels), ``estimate``, ``jaccard``, ``a_in_b``, ``b_in_a``, sorted by the
    positions of ``a`` and ``b`` in the column, as in memory (copies grouped by the hash of
    their matching key, computed on the workers, as in memory).
    """
    import dask

    from . import _native
    from ._options import check
    from .similarity import _junk_rule, paired_similarity

    threshold, num_perm, ngram, shingle, seed = check(threshold=threshold, num_perm=num_perm, ngram=ngram,
                                                      shingle=shingle, seed=seed)
    rule = _junk_rule(junk, junk_min_words)
    parts = column.to_delayed()
    results = dask.compute(*[dask.delayed(_signatures)(p, num_perm, ngram, shingle, seed, rule) for p in parts])
    sizes = [len(r[2]) for r in results]
    if results:
        signatures = np.concatenate([r[0] for r in results])
        keys = np.concatenate([r[1] for r in results])
        labels = np.concatenate([r[2] for r in results])
    else:
        signatures, labels = np.zeros((0, num_perm), np.uint32), np.zeros(0, dtype=object)
        keys = np.zeros((0, 2), np.uint64)
    del results
    cols = _native.signature_pairs(signatures, threshold, None, None, None, True, keys)
    a, b, estimate = cols["a"], cols["b"], cols["estimate"]
    # The texts of the paired rows only, by position.
    needed = np.unique(np.concatenate([a, b])) if len(a) else np.zeros(0, dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes)])

    def pick(part: pd.Series, lo: int, hi: int) -> list:
        wanted = needed[(needed >= lo) & (needed < hi)] - lo
        return [(int(lo + k), part.iloc[k] if isinstance(part.iloc[k], str) else None) for k in wanted]

    picked = dask.compute(*[dask.delayed(pick)(p, int(starts[i]), int(starts[i + 1]))
                            for i, p in enumerate(parts) if sizes[i]])
    texts = {pos: text for chunk in picked for pos, text in chunk}
    ta, tb = [texts[int(i)] for i in a], [texts[int(i)] for i in b]
    jaccard = np.asarray(paired_similarity(ta, tb, "jaccard", ngram=ngram, shingle=shingle), dtype=np.float64)
    a_in_b = np.asarray(paired_similarity(ta, tb, "containment", ngram=ngram, shingle=shingle), dtype=np.float64)
    b_in_a = np.asarray(paired_similarity(tb, ta, "containment", ngram=ngram, shingle=shingle), dtype=np.float64)
    keep = jaccard >= threshold
    return pd.DataFrame({
        "a": labels[a[keep]] if keep.any() else np.zeros(0, dtype=labels.dtype),
        "b": labels[b[keep]] if keep.any() else np.zeros(0, dtype=labels.dtype),
        "estimate": estimate[keep],
        "jaccard": jaccard[keep],
        "a_in_b": a_in_b[keep],
        "b_in_a": b_in_a[keep],
    })
