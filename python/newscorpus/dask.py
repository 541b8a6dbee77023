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

- ``entities`` finds names on the workers in two passes, as in memory: each partition's case
  statistics (how each word is written), added up on the driver and sent to the workers
  once, then each partition's mentions, brought to the driver as columns (about 100 bytes
  a mention) and resolved there across the whole corpus (one canonical name each). It
  returns the same pandas DataFrame as ``newscorpus.entities`` on the same texts;
  ``entity_counts`` and ``cooccurrence`` count it as in memory. The driver holds every mention: a million
  articles of 30 mentions each is about 3 GB there.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import pandas as pd

import newscorpus as _nc

__all__ = ["normalize", "matching_key", "detect_language", "junk", "parse_articles", "near_duplicates", "entities",
           "entity_counts", "cooccurrence"]


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


def _case_stats(part: pd.Series, languages: Any, detect: bool, n_threads: Optional[int]) -> tuple:
    """Pass 1 on one partition: its case statistics (none without ``detect``, as in
    memory), the languages it leaves out, the positions of those texts, its labels."""
    from . import _native
    from ._entities import _language_filter
    from ._input import as_texts

    original = as_texts(part).values
    values, skipped = _language_filter(original, languages, n_threads)
    left_out = [i for i, (v, o) in enumerate(zip(values, original)) if v is None and o is not None]
    if detect:
        keys, lower, capital = _native.entity_case_stats(values, n_threads)
    else:
        keys, lower, capital = np.zeros(0, np.uint64), np.zeros(0, np.uint32), np.zeros(0, np.uint32)
    return keys, lower, capital, skipped, left_out, part.index.to_numpy()


def _part_mentions(part: pd.Series, first_doc: int, left_out: list, stats: tuple, gazetteer: Any, detect: bool,
                   n_threads: Optional[int]) -> dict:
    """Pass 2 on one partition, its texts in other languages (``left_out``, from pass 1)
    left out without detecting their language again."""
    from . import _native
    from ._entities import _written
    from ._input import as_texts

    original = as_texts(part).values
    values = list(original)
    for i in left_out:
        values[i] = None
    # Arrays that crossed processes may arrive misaligned: the native call needs aligned ones.
    keys, lower, capital = (np.require(a, dtype, ["C", "A"]) for a, dtype in
                            zip(stats, (np.uint64, np.uint32, np.uint32)))
    cols = _native.extract_mentions(values, first_doc, keys, lower, capital,
                                    gazetteer._native if gazetteer else None, detect, n_threads)
    spans = {"text": cols["written"], "doc": cols["doc"], "start": cols["start"], "end": cols["end"]}
    cols["written"] = _written(spans, original, first_doc).tolist()
    return cols


def entities(
    column: Any,
    *,
    gazetteer: Any = None,
    aliases: Any = None,
    detect: bool = True,
    audit: bool = False,
    languages: Any = ("en",),
    n_threads: Optional[int] = None,
) -> Any:
    """``newscorpus.entities`` of a dask column: the same pandas DataFrame of mentions (and,
    with ``audit=True``, the same audit table), found on the workers and resolved across
    the whole corpus on the driver. The options are those of ``newscorpus.entities``.
    """
    import dask

    from . import _native
    from ._entities import _aliases, _gazetteer, _mention_tables, _warn_left_out
    from ._options import check
    from .exceptions import OptionError

    for name, value in (("detect", detect), ("audit", audit)):
        if not isinstance(value, (bool, np.bool_)):
            raise OptionError(f"{name} must be True or False, got {value!r}")
    n_threads = check(n_threads=n_threads)
    gaz = _gazetteer(gazetteer)
    pairs = _aliases(aliases)
    parts = column.to_delayed()
    first = dask.compute(*[dask.delayed(_case_stats)(p, languages, bool(detect), n_threads) for p in parts])
    sizes = [len(r[5]) for r in first]
    labels = np.concatenate([r[5] for r in first]) if first else np.zeros(0, dtype=object)
    left_out = [r[4] for r in first]
    skipped: dict = {}
    for r in first:
        for code, k in r[3].items():
            skipped[code] = skipped.get(code, 0) + k
    _warn_left_out(skipped, len(labels), languages)
    if first:
        stats = tuple(np.concatenate([r[k] for r in first]) for k in range(3))
    else:
        stats = (np.zeros(0, np.uint64), np.zeros(0, np.uint32), np.zeros(0, np.uint32))
    del first
    # One graph node each: the statistics and the gazetteer travel to a worker once.
    shared_stats, shared_gaz = dask.delayed(stats, pure=True), dask.delayed(gaz, pure=True)
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
    found = dask.compute(*[dask.delayed(_part_mentions)(p, int(starts[i]), left_out[i], shared_stats, shared_gaz,
                                                        bool(detect), n_threads) for i, p in enumerate(parts)])
    names = ("doc", "start", "end", "sentence", "type", "person_evidence", "org_evidence", "loc_evidence",
             "builtin", "user", "confidence", "rejected")
    cols: dict[str, Any] = {k: np.concatenate([f[k] for f in found]) if found else np.zeros(0) for k in names}
    cols["name"] = [x for f in found for x in f["name"]]
    cols["written"] = [x for f in found for x in f["written"]]
    del found
    out, merges = _native.resolve_mentions(cols, len(labels), gaz._native if gaz else None, pairs, n_threads)
    return _mention_tables(pd.Index(labels), out, merges, audit)


def entity_counts(column: Any, by: Any = None, *, own_names: bool = False, **options: Any) -> pd.DataFrame:
    """``newscorpus.entity_counts`` of a dask column: mentions found as ``entities`` finds
    them, counted on the driver. ``by``: None, or a dask or pandas Series aligned with the
    column's index (an outlet, a date), as in memory; ``options`` go to ``entities``.
    """
    from . import entity_counts as _counts

    mentions = entities(column, **options)
    if by is not None and hasattr(by, "compute"):
        by = by.compute()
    return _counts(mentions=mentions, by=by, own_names=own_names)


def cooccurrence(column: Any, window: str = "document", *, min_count: int = 1, by: Any = None,
                 own_names: bool = False, **options: Any) -> pd.DataFrame:
    """``newscorpus.cooccurrence`` of a dask column: mentions found as ``entities`` finds
    them, paired on the driver. ``by``: None, or a dask or pandas Series aligned with the
    column's index; ``options`` go to ``entities``.
    """
    from . import cooccurrence as _pairs

    mentions = entities(column, **options)
    if by is not None and hasattr(by, "compute"):
        by = by.compute()
    return _pairs(mentions=mentions, window=window, min_count=min_count, by=by, own_names=own_names)
