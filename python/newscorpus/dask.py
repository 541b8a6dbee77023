"""newscorpus on Dask: a dask DataFrame column of texts in, dask or pandas objects out.

Dask is an optional extra (``pip install 'newscorpus[dask]'``); nothing here is imported by
``import newscorpus``. Every function gives the same result as its in-memory namesake on
the same texts (tested):

- ``normalize``, ``matching_key``, ``detect_language``, ``junk`` and ``parse_articles``
  work partition by partition (``map_partitions`` with an explicit ``meta``) and return a
  lazy dask Series or DataFrame with the column's index.
- ``near_duplicates`` runs on the workers throughout: MinHash signatures and LSH band keys
  partition by partition (junk texts left out), copies grouped by matching key, band keys
  shuffled so that each bucket meets in one partition, candidate pairs made unique and
  joined with their two texts, and verified exactly there. Only the pairs come to the
  driver, as a pandas DataFrame. ``clusters`` groups them there as ``newscorpus.clusters``
  does (a pandas Series of representatives).

- ``entities`` finds names on the workers in two passes, as in memory: each partition's case
  statistics (how each word is written), added up on the driver and sent to the workers
  once, then each partition's mentions, made compact on the worker (each distinct name as
  written once, with what its mentions say added up, and 9 bytes a mention for counting),
  joined on the driver as they come and resolved there across the whole corpus (one
  canonical name each). It returns the same pandas DataFrame as ``newscorpus.entities`` on
  the same texts; ``entity_counts`` and ``cooccurrence`` count it as in memory. The driver
  holds those few bytes of every mention, and every name's tables, while it resolves them:
  see the README for what a million articles take there.
- ``entity_counts(..., resolve="partition")`` and ``cooccurrence(..., resolve="partition")``
  count each partition on its worker, names resolved within the partition (as the command
  line resolves each batch of a file), and sum the tables on the driver as they arrive, in
  bounded memory (temporary files beyond 2,000,000 rows; ``out=`` writes the table a chunk
  at a time): any number of articles, at the price of a name two partitions resolve
  differently counting as two.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import pandas as pd

import newscorpus as _nc

from ._options import DEFAULTS

__all__ = ["normalize", "matching_key", "detect_language", "junk", "parse_articles", "near_duplicates", "clusters",
           "entities", "entity_counts", "cooccurrence"]


def _series_meta(column: Any, name: Optional[str] = None) -> pd.Series:
    return pd.Series([], dtype=object, name=column.name if name is None else name)


def _options_checked(fn: Any, column: Any, options: dict) -> None:
    """``fn``'s options checked on the driver, on one short text, before any task: a bad
    option is an error at once, not worker tracebacks at ``compute()``."""
    fn(pd.Series(["x"], dtype=object, name=column.name), **options)


def normalize(column: Any, **options: Any) -> Any:
    """``newscorpus.normalize`` on each partition (options as there, but ``offsets``)."""
    if options.get("offsets"):
        raise _nc.OptionError("offsets=True is not offered on Dask: normalize partitions with map_partitions")
    _options_checked(_nc.normalize, column, options)
    return column.map_partitions(_nc.normalize, **options, meta=_series_meta(column))


def matching_key(column: Any, **options: Any) -> Any:
    """``newscorpus.matching_key`` on each partition."""
    _options_checked(_nc.matching_key, column, options)
    return column.map_partitions(_nc.matching_key, **options, meta=_series_meta(column))


def detect_language(column: Any, **options: Any) -> Any:
    """``newscorpus.detect_language`` on each partition (language codes, None when unsure)."""
    meta = _nc.detect_language(pd.Series(["x"], dtype=object, name=column.name), **options).iloc[:0]
    return column.map_partitions(_nc.detect_language, **options, meta=meta)


def junk(column: Any, **options: Any) -> Any:
    """``newscorpus.junk`` on each partition: the reason each text is junk, or None."""
    _options_checked(_nc.junk, column, options)
    return column.map_partitions(_nc.junk, **options, meta=_series_meta(column, "junk"))


def parse_articles(column: Any, **options: Any) -> Any:
    """``newscorpus.parse_articles`` on each partition: a dask DataFrame, one row a text."""
    meta = _nc.parse_articles(pd.Series(["x"], dtype=object, name=column.name), **options).iloc[:0]
    return column.map_partitions(_nc.parse_articles, **options, meta=meta)


#: Bits of a position given to the place within its partition: a text's position is its
#: partition number shifted by this, plus its place, so positions sort as the column does.
_PLACE_BITS = 40


def _bucket_rows(part: pd.Series, num_perm: int, ngram: int, shingle: str, seed: int,
                 junk_min_words: Optional[int], bands: int, rows: int,
                 partition_info: Optional[dict] = None) -> pd.DataFrame:
    """One partition's LSH bucket rows: for each text with shingles (junk texts have none)
    and each band, the band, its key, the text's position and its matching-key hash."""
    from . import _native

    number = int(partition_info["number"]) if partition_info else 0
    texts = [v if isinstance(v, str) else None for v in part.tolist()]
    sigs, keys = _native.minhash_keys(texts, num_perm, ngram, shingle, seed, None, junk_min_words)
    band, live = _native.band_keys(sigs, bands, rows)
    pos = (np.int64(number) << _PLACE_BITS) + np.flatnonzero(live).astype(np.int64)
    return pd.DataFrame({
        "band": np.tile(np.arange(bands, dtype=np.int64), len(pos)),
        "key": band[live].ravel(),
        "pos": np.repeat(pos, bands),
        "key_hi": np.repeat(keys[live, 0], bands),
        "key_lo": np.repeat(keys[live, 1], bands),
    })


def _bucket_pairs(part: pd.DataFrame) -> pd.DataFrame:
    """The pairs one partition's buckets give, as in memory: every copy (same matching key)
    with its key's first text (from band 0 only, where each copy group meets once), and
    every two first copies that share a bucket (a band and its key). All copies of a text
    have its signature, so they are all in each of its buckets: the first position of a key
    in a bucket is its first in the column."""
    rows = part.sort_values(["band", "key", "key_hi", "key_lo", "pos"], kind="stable")
    band, key, pos = rows["band"].to_numpy(), rows["key"].to_numpy(), rows["pos"].to_numpy()
    hi, lo = rows["key_hi"].to_numpy(), rows["key_lo"].to_numpy()
    n = len(pos)
    if n == 0:
        return pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64), "copy": np.zeros(0, bool)})
    new_bucket = np.r_[True, (band[1:] != band[:-1]) | (key[1:] != key[:-1])]
    new_copy = new_bucket | np.r_[True, (hi[1:] != hi[:-1]) | (lo[1:] != lo[:-1])]
    first_at = np.maximum.accumulate(np.where(new_copy, np.arange(n), 0))
    copies = (band == 0) & ~new_copy
    a_out, b_out = [pos[first_at[copies]]], [pos[copies]]
    firsts = np.flatnonzero(new_copy)
    starts = np.flatnonzero(new_bucket[firsts])
    ends = np.r_[starts[1:], len(firsts)]
    for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
        members = pos[firsts[s:e]]
        i, j = np.triu_indices(e - s, k=1)
        a_out.append(members[i])
        b_out.append(members[j])
    a, b = np.concatenate(a_out).astype(np.int64), np.concatenate(b_out).astype(np.int64)
    # (A bucket's first copies sit in matching-key order: put each pair in column order.)
    # `copy`: a copy with its key's first text (one matching key), as ``clusters`` needs.
    copy = np.zeros(len(a), dtype=bool)
    copy[:len(a_out[0])] = True
    return pd.DataFrame({"a": np.minimum(a, b), "b": np.maximum(a, b), "copy": copy})


def _texts(part: pd.Series, needed: np.ndarray, partition_info: Optional[dict] = None) -> pd.DataFrame:
    """The positions, labels and texts of one partition's texts in ``needed`` (sorted)."""
    number = int(partition_info["number"]) if partition_info else 0
    base = np.int64(number) << _PLACE_BITS
    lo, hi = np.searchsorted(needed, [base, base + len(part)])
    places = (needed[lo:hi] - base).astype(np.int64)
    values = part.iloc[places]
    return pd.DataFrame({"pos": base + places,
                         "label": pd.Series(values.index.to_numpy(), dtype=object).to_numpy(),
                         "text": np.array([v if isinstance(v, str) else None for v in values.tolist()], dtype=object)})


def _verify(part: pd.DataFrame, threshold: float, num_perm: int, ngram: int, shingle: str, seed: int,
            junk_min_words: Optional[int]) -> pd.DataFrame:
    """Scores of candidate pairs whose two texts are at hand: the MinHash estimate (the same
    signatures as the search), exact Jaccard and containments; pairs under the threshold
    dropped."""
    from .similarity import _pair_estimates, paired_similarity

    ta, tb = part["text_a"].tolist(), part["text_b"].tolist()
    estimate = _pair_estimates(ta, tb, num_perm, ngram, shingle, seed, junk_min_words)
    jaccard = np.asarray(paired_similarity(ta, tb, "jaccard", ngram=ngram, shingle=shingle), dtype=np.float64)
    a_in_b = np.asarray(paired_similarity(ta, tb, "containment", ngram=ngram, shingle=shingle), dtype=np.float64)
    b_in_a = np.asarray(paired_similarity(tb, ta, "containment", ngram=ngram, shingle=shingle), dtype=np.float64)
    out = pd.DataFrame({"a": part["a"].to_numpy(), "b": part["b"].to_numpy(), "copy": part["copy"].to_numpy(),
                        "label_a": part["label_a"].to_numpy(), "label_b": part["label_b"].to_numpy(),
                        "estimate": np.asarray(estimate, dtype=np.float64), "jaccard": jaccard,
                        "a_in_b": a_in_b, "b_in_a": b_in_a})
    return out[out["jaccard"] >= threshold]


def near_duplicates(
    column: Any,
    threshold: float = DEFAULTS["threshold"],
    *,
    num_perm: int = DEFAULTS["num_perm"],
    ngram: int = DEFAULTS["ngram"],
    shingle: str = DEFAULTS["shingle"],
    seed: int = DEFAULTS["seed"],
    junk: bool = True,
    junk_min_words: int = DEFAULTS["junk_min_words"],
) -> pd.DataFrame:
    """``newscorpus.near_duplicates`` of a dask column: a pandas DataFrame of pairs ``a``,
    ``b`` (index labels), ``estimate``, ``jaccard``, ``a_in_b``, ``b_in_a``, sorted by the
    positions of ``a`` and ``b`` in the column, as in memory.

    Only the pairs and their positions come to the driver. On the workers: each
    partition's MinHash signatures, matching keys and LSH band keys (junk texts left out),
    as rows (band, key, position, matching key) shuffled so that each bucket meets in one
    partition. All copies of a text (one matching key) have its signature, so they meet in
    each of its buckets: there each is paired with its key's first text (band 0 only), and
    the first copies that share the bucket are paired with each other, as in memory. The
    pairs are made unique (a shuffle) and joined with the texts of the paired rows only
    (two small shuffles), which are verified exactly where both are. Memory on a worker:
    ``40 * bands`` bytes a text in the shuffle (bands 21 at the default threshold: 840 bytes),
    plus its share of the pairs and of the paired texts.
    """
    found = _found_pairs(column, threshold, num_perm, ngram, shingle, seed, junk, junk_min_words)
    # (Labels keep the index's dtype, as in memory: integers stay integers, and text
    # labels are pandas' default str, whichever string dtype dask's meta gives them.)
    kind = column._meta.index.dtype
    kind = kind if kind.kind in "iufmM" else "str" if isinstance(kind, pd.StringDtype) else object
    a = pd.Index(found["label_a"].to_numpy(), dtype=kind, tupleize_cols=False)
    b = pd.Index(found["label_b"].to_numpy(), dtype=kind, tupleize_cols=False)
    # (One label for two texts among the pairs, as each file of a crawl starts at 0: pairs
    # named by position, with a warning, as in memory. Labels repeated elsewhere in the
    # column are not seen here: reset the index of such a column first.)
    places = pd.DataFrame({"label": np.concatenate([a.to_numpy(object), b.to_numpy(object)]),
                           "pos": np.concatenate([found["a"].to_numpy(), found["b"].to_numpy()])})
    if len(places) and places.drop_duplicates().duplicated("label").any():
        # (Pairs hold places, partition and row: made positions, with one more pass for
        # the partitions' lengths.)
        starts = np.concatenate([[0], np.cumsum(column.map_partitions(len).compute())]).astype(np.int64)
        a = _by_position_warned(_positions(found["a"].to_numpy(), starts))
        b = _positions(found["b"].to_numpy(), starts)
    return pd.DataFrame({
        "a": a,
        "b": b,
        "estimate": found["estimate"].to_numpy(),
        "jaccard": found["jaccard"].to_numpy(),
        "a_in_b": found["a_in_b"].to_numpy(),
        "b_in_a": found["b_in_a"].to_numpy(),
    })


def _found_pairs(column: Any, threshold: float, num_perm: int, ngram: int, shingle: str, seed: int, junk: bool,
                 junk_min_words: int) -> pd.DataFrame:
    """``near_duplicates``' pairs with their positions (``a``, ``b``) and labels
    (``label_a``, ``label_b``), sorted by position: see there."""
    import dask

    from . import _native
    from ._options import check
    from .similarity import _junk_rule

    threshold, num_perm, ngram, shingle, seed = check(threshold=threshold, num_perm=num_perm, ngram=ngram,
                                                      shingle=shingle, seed=seed)
    rule = _junk_rule(junk, junk_min_words)
    bands, rows = _native.lsh_params(threshold, num_perm, "recall")
    parts = max(column.npartitions, 1)
    # Buckets: each (band, key) meets in one partition; its pairs (and the copies) are made there.
    bucket_meta = pd.DataFrame({"band": pd.Series([], dtype=np.int64), "key": pd.Series([], dtype=np.uint64),
                                "pos": pd.Series([], dtype=np.int64), "key_hi": pd.Series([], dtype=np.uint64),
                                "key_lo": pd.Series([], dtype=np.uint64)})
    buckets = column.map_partitions(_bucket_rows, num_perm, ngram, shingle, seed, rule, bands, rows,
                                    meta=bucket_meta).shuffle(on=["band", "key"], npartitions=parts)
    pair_meta = pd.DataFrame({"a": pd.Series([], dtype=np.int64), "b": pd.Series([], dtype=np.int64),
                              "copy": pd.Series([], dtype=bool)})
    candidates = buckets.map_partitions(_bucket_pairs, meta=pair_meta).drop_duplicates(split_out=parts).persist()
    # The texts of the paired rows only (their positions come to the driver, 16 bytes a
    # pair), joined with each pair where it is, and verified there.
    needed = np.unique(np.concatenate([c.to_numpy() for c in dask.compute(candidates["a"], candidates["b"])]))
    text_meta = pd.DataFrame({"pos": pd.Series([], dtype=np.int64), "label": pd.Series([], dtype=object),
                              "text": pd.Series([], dtype=object)})
    texts = column.map_partitions(_texts, needed, meta=text_meta)
    both = (candidates
            .merge(texts.rename(columns={"pos": "a", "label": "label_a", "text": "text_a"}), on="a",
                   npartitions=parts)
            .merge(texts.rename(columns={"pos": "b", "label": "label_b", "text": "text_b"}), on="b",
                   npartitions=parts))
    out_meta = pd.DataFrame({"a": pd.Series([], dtype=np.int64), "b": pd.Series([], dtype=np.int64),
                             "copy": pd.Series([], dtype=bool),
                             "label_a": pd.Series([], dtype=object), "label_b": pd.Series([], dtype=object),
                             **{c: pd.Series([], dtype=np.float64) for c in ("estimate", "jaccard", "a_in_b",
                                                                              "b_in_a")}})
    found = both.map_partitions(_verify, threshold, num_perm, ngram, shingle, seed, rule, meta=out_meta).compute()
    return found.sort_values(["a", "b"], kind="stable").reset_index(drop=True)


def _lengths(part: pd.Series) -> pd.Series:
    """Each text's length in characters (-1 for a missing one), as ``clusters`` ranks them."""
    from ._input import as_texts
    from .similarity import _lengths as lengths

    return pd.Series(lengths(as_texts(part).values), index=part.index)


def clusters(
    column: Any,
    threshold: float = DEFAULTS["threshold"],
    *,
    method: str = DEFAULTS["method"],
    representative: Any = "longest",
    num_perm: int = DEFAULTS["num_perm"],
    ngram: int = DEFAULTS["ngram"],
    shingle: str = DEFAULTS["shingle"],
    seed: int = DEFAULTS["seed"],
    junk: bool = True,
    junk_min_words: int = DEFAULTS["junk_min_words"],
) -> pd.Series:
    """``newscorpus.clusters`` of a dask column: for each text the label of its copy
    group's representative, a pandas Series with the column's index (the same as in
    memory). The pairs are found on the workers (``near_duplicates``); each text's length
    (for ``representative="longest"``) is read there too; the driver groups the pairs
    (union-find for "connected", centres for "center"), holding the column's labels and
    two 8-byte numbers a text beside the pairs. ``representative``: "longest", "first" or
    a dask or pandas Series aligned with the column's index (lowest first, such as dates).
    """
    import dask

    from . import _native
    from ._input import Texts
    from ._options import check
    from .exceptions import OptionError
    from .similarity import _ranks, _with_missing

    method = check(method=method)
    if isinstance(representative, str) and representative not in ("longest", "first"):
        # (Checked before the search, as in memory, not after it.)
        _ranks(Texts([], None, None), representative)
    if method == "average":
        raise OptionError('method="average" is for stories(); clusters takes "connected" or "center"')
    found = _found_pairs(column, threshold, num_perm, ngram, shingle, seed, junk, junk_min_words)
    parts = dask.compute(*column.map_partitions(_lengths, meta=pd.Series([], dtype=np.int64)).to_delayed())
    # A pair names its texts by place (partition number, position in it): made positions.
    starts = np.concatenate([[0], np.cumsum([len(p) for p in parts])]).astype(np.int64)
    lengths = pd.concat(parts) if parts else pd.Series([], dtype=np.int64, index=column._meta.index)
    del parts
    n = len(lengths)

    labels = lengths.index
    if hasattr(representative, "compute"):
        representative = representative.compute()
    ranks = _ranks(Texts([None] * n, labels, None), representative, lengths.to_numpy())
    missing = lengths.to_numpy() < 0
    del lengths
    a, b = _positions(found["a"].to_numpy(), starts), _positions(found["b"].to_numpy(), starts)
    copy = found["copy"].to_numpy(bool)
    # Copies of one text are one unit, as in memory: each names its first copy.
    first = np.arange(n, dtype=np.int64)
    first[b[copy]] = a[copy]
    reps = _native.cluster_pairs(n, a[~copy], b[~copy], ranks, method, first)
    # (Labels repeated across partitions, as each file of a crawl starts at 0: texts named
    # by position, with a warning, as in memory.)
    named = labels[reps].to_flat_index() if labels.is_unique else _by_position_warned(reps)
    return _with_missing(pd.Series(named, index=labels, name="cluster"), missing)


def _positions(places: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Texts' places (partition number, row in it) as positions in the column (``starts``:
    where each partition starts)."""
    places = places.astype(np.int64)
    return starts[places >> _PLACE_BITS] + (places & ((1 << _PLACE_BITS) - 1))


def _by_position_warned(positions: np.ndarray) -> np.ndarray:
    from .exceptions import warn

    warn("the column's index repeats labels (each file of a crawl starting at 0?), so texts are named by their "
         "positions (0 to n-1) here: reset the index (ddf.reset_index(drop=True)) to name them by label")
    return positions


def _case_stats(part: pd.Series, languages: Any, detect: bool, n_threads: Optional[int],
                boilerplate: Any = None) -> tuple:
    """Pass 1 on one partition: its case statistics (none without ``detect``, as in
    memory), the languages it leaves out, the positions of those texts, its labels; the
    texts read with ``boilerplate`` blanked out, as in memory."""
    from . import _native
    from ._entities import _language_filter
    from ._input import as_texts
    from ._normalize import _blanked

    original = as_texts(part).values
    read = original if boilerplate is None else _blanked(original, boilerplate)
    values, skipped = _language_filter(read, languages, n_threads)
    left_out = [i for i, (v, o) in enumerate(zip(values, original)) if v is None and o is not None]
    if detect:
        keys, lower, capital = _native.entity_case_stats(values, n_threads)
    else:
        keys, lower, capital = np.zeros(0, np.uint64), np.zeros(0, np.uint32), np.zeros(0, np.uint32)
    return keys, lower, capital, skipped, left_out, part.index.to_numpy()


def _part_mentions(part: pd.Series, first_doc: int, left_out: list, stats: tuple, gazetteer: Any, detect: bool,
                   n_threads: Optional[int], written: bool = True, boilerplate: Any = None) -> list:
    """Pass 2 on one partition, its texts in other languages (``left_out``, from pass 1)
    left out without detecting their language again; without ``written``, the mentions'
    text as written stays on the worker (counting needs none). The mention columns of each
    slice of texts, in order: the driver joins them as each partition arrives (joined
    here, they would stand twice on the worker)."""
    from . import _native
    from ._entities import _written
    from ._input import as_texts
    from ._normalize import _blanked

    original = as_texts(part).values
    # (Offsets hold in the blanked texts: the mentions' text is read from the originals.)
    values = list(original) if boilerplate is None else _blanked(original, boilerplate)
    for i in left_out:
        values[i] = None
    # Arrays that crossed processes may arrive misaligned: the native call needs aligned ones.
    keys, lower, capital = (np.require(a, dtype, ["C", "A"]) for a, dtype in
                            zip(stats, (np.uint64, np.uint32, np.uint32)))
    # In slices of texts: a worker's peak is one slice's extraction, whatever the partition.
    chunks = []
    for lo in range(0, max(len(values), 1), _SLICE):
        cols = _native.extract_mentions(values[lo:lo + _SLICE], first_doc + lo, keys, lower, capital,
                                        gazetteer._native if gazetteer else None, detect, n_threads, written)
        if written:
            spans = {"text": cols["written"], "doc": cols["doc"], "start": cols["start"], "end": cols["end"]}
            cols["written"] = _written(spans, original, first_doc).tolist()
            del cols["doc"]  # (read here only)
        chunks.append(cols)
    return chunks


#: Texts extracted at a time within a partition (about 0.4 GB of native work at 20,000
#: articles of 250 words).
_SLICE = 20_000


def entities(
    column: Any,
    *,
    gazetteer: Any = None,
    aliases: Any = None,
    detect: bool = True,
    audit: bool = False,
    languages: Any = ("en",),
    n_threads: Optional[int] = None,
    boilerplate: Any = None,
    progress: Any = None,
) -> Any:
    """``newscorpus.entities`` of a dask column: the same pandas DataFrame of mentions (and,
    with ``audit=True``, the same audit table), found on the workers and resolved across
    the whole corpus on the driver. The options are those of ``newscorpus.entities``.
    """
    from ._entities import _mention_tables
    from .exceptions import OptionError

    if not isinstance(audit, (bool, np.bool_)):
        raise OptionError(f"audit must be True or False, got {audit!r}")
    if progress:
        raise OptionError("progress=True is not offered on Dask (the workers show no bar): watch dask's own "
                          "(dask.diagnostics.ProgressBar, or the distributed dashboard)")
    labels, out, merges = _resolved(column, gazetteer, aliases, detect, languages, n_threads, boilerplate,
                                    written=True)
    return _mention_tables(pd.Index(labels), out, merges, audit)


def _resolved(column: Any, gazetteer: Any, aliases: Any, detect: Any, languages: Any, n_threads: Any,
              boilerplate: Any = None, *, written: bool) -> tuple:
    """``(labels, mention columns, audit columns)``: both passes on the workers, the
    resolution on the driver; without ``written`` the mentions' text as written never
    leaves the workers."""
    import dask

    from . import _native
    from ._entities import _aliases, _warn_left_out

    gaz, n_threads = _checked(gazetteer, detect, n_threads)
    pairs = _aliases(aliases)
    parts = column.to_delayed()
    # One graph node: the learned boilerplate travels to a worker once.
    shared_bp = None if boilerplate is None else dask.delayed(boilerplate, pure=True)
    first = dask.compute(*[dask.delayed(_case_stats)(p, languages, bool(detect), n_threads, shared_bp)
                           for p in parts])
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
    tasks = [dask.delayed(_part_mentions)(p, int(starts[i]), left_out[i], shared_stats, shared_gaz, bool(detect),
                                          n_threads, written, shared_bp)
             for i, p in enumerate(parts)]
    # Each partition's slices joined in order as they come (one table of names as written,
    # about 9 bytes a mention; a partition that comes early waits for those before it),
    # each freed once joined: the mentions never stand twice on the driver.
    # (Results are read as they are done, `_as_done`: a worker holds the partitions it is
    # working on, not every result it made until the last one is done; a million articles:
    # each worker had held half the corpus' mentions, past 5 GB.)
    joined = _native.MentionParts()
    waiting: dict = {}
    following = 0
    for i, chunks in _as_done(tasks):
        waiting[i] = chunks
        while following in waiting:
            for chunk in waiting.pop(following):
                joined.append(chunk)
            following += 1
    out, merges = joined.resolve(len(labels), gaz._native if gaz else None, pairs, n_threads)
    return labels, out, merges


def _checked(gazetteer: Any, detect: Any, n_threads: Any) -> tuple:
    """``(gazetteer, n_threads)`` as the extraction takes them, checked on the driver before
    any work: ``detect`` a bool, ``n_threads`` valid, the gazetteer built once (from a dict
    or a file's entries) to be sent to the workers."""
    from ._entities import _gazetteer
    from ._options import check
    from .exceptions import OptionError

    if not isinstance(detect, (bool, np.bool_)):
        raise OptionError(f"detect must be True or False, got {detect!r}")
    return _gazetteer(gazetteer), check(n_threads=n_threads)


def _counting_options(options: dict) -> dict:
    """The options of ``entities`` a counting call takes (all but ``progress``: a worker
    shows no bar), the defaults filled in; any other is an OptionError."""
    from ._entities import _EXTRACT_OPTIONS, _extract_options

    return _extract_options(options, [name for name in _EXTRACT_OPTIONS if name != "progress"])


def _counting_mentions(column: Any, options: dict) -> Any:
    """The mentions of a dask column as counting needs them (``_entities._Mentions``: no
    text a mention ever leaves the workers)."""
    from ._entities import _Mentions

    labels, out, _ = _resolved(column, written=False, **_counting_options(options))
    labels = pd.Index(labels)
    # (Labels repeated across partitions, as each file of a multi-file Parquet crawl starts
    # at 0: documents are counted by position, as in memory, never merged.)
    return _Mentions.of_columns(labels if labels.is_unique else None, out), labels


def _by_of(by: Any, labels: pd.Index) -> Any:
    """``by`` (a dask or pandas Series, or a sequence) as counting reads it: a Series by the
    documents' labels, or, when the labels repeat, by position (its index must then be the
    column's own, in its order)."""
    if by is None:
        return None
    if hasattr(by, "compute"):
        by = by.compute()
    if labels.is_unique or not isinstance(by, pd.Series):
        return by
    if not by.index.equals(labels):
        from .exceptions import InputValueError

        raise InputValueError("the column's index repeats labels (each file of a crawl starting at 0?): pass by "
                              "with the very same index, or reset the index (ddf.reset_index(drop=True))")
    return pd.Series(by.to_numpy(), name=by.name)  # (by position, its name kept)


def entity_counts(column: Any, by: Any = None, *, own_names: bool = False, resolve: str = "corpus",
                  out: Any = None, **options: Any) -> Any:
    """``newscorpus.entity_counts`` of a dask column. ``by``: None, or a dask or pandas
    Series aligned with the column's index (an outlet, a date), as in memory; ``options``
    go to ``entities``.

    ``resolve="corpus"`` (the default): mentions found as ``entities`` finds them, resolved
    across the whole column and counted on the driver from integer codes (no mention's
    text leaves the workers): the very table of ``newscorpus.entity_counts``. The driver
    holds a few bytes of every mention and every name's tables while it resolves them
    (5.9 GB for a million articles of the benchmark's corpus).

    ``resolve="partition"``: each partition is counted on its worker, its names resolved to
    canonical ones within the partition (as ``newscorpus entities`` resolves each batch of a
    file), and the partitions' tables are summed on the driver as they arrive, in memory
    while the total is small and in temporary files beyond 2,000,000 rows: memory is bounded
    however many articles the column has. A name that two partitions resolve differently
    ("Trump" alone in one, beside "Donald Trump" in the other) gives two rows. Returns the
    table sorted as in memory, or, with ``out`` (a ``.parquet``, ``.csv`` or ``.jsonl``
    path), writes it there a chunk at a time, sorted by counts (descending) then keys, as
    the command line writes it, and returns the path.
    """
    from . import entity_counts as _counts
    from ._options import check

    if _by_partition(resolve, out):
        return _partition_tables(column, by, "entity_counts", {"own_names": check(own_names=own_names)}, 1, out,
                                 options)
    mentions, labels = _counting_mentions(column, options)
    return _counts(mentions=mentions, by=_by_of(by, labels), own_names=own_names)


def cooccurrence(column: Any, window: str = "document", *, min_count: int = 1, by: Any = None,
                 own_names: bool = False, resolve: str = "corpus", out: Any = None, **options: Any) -> Any:
    """``newscorpus.cooccurrence`` of a dask column. ``by``: None, or a dask or pandas
    Series aligned with the column's index; ``options`` go to ``entities``.

    ``resolve="corpus"`` (the default): mentions found as ``entities`` finds them, resolved
    across the whole column and paired on the driver: the in-memory table.
    ``resolve="partition"``: each partition's pairs are counted on its worker, names
    resolved within the partition, and summed on the driver in bounded memory, as
    ``entity_counts(resolve="partition")`` does (``min_count`` applies to the sums; ``out``
    writes the table a chunk at a time and returns its path).
    """
    from . import cooccurrence as _pairs
    from ._options import check

    window, min_count, own_names = check(window=window, min_count=min_count, own_names=own_names)
    if _by_partition(resolve, out):
        return _partition_tables(column, by, "cooccurrence", {"window": window, "own_names": own_names},
                                 min_count, out, options)
    mentions, labels = _counting_mentions(column, options)
    return _pairs(mentions=mentions, window=window, min_count=min_count, by=_by_of(by, labels),
                  own_names=own_names)


def _by_partition(resolve: Any, out: Any) -> bool:
    """Whether ``resolve`` asks for partition-wise tables (and ``out`` is only given then)."""
    from .exceptions import OptionError

    if resolve not in ("corpus", "partition"):
        raise OptionError(f'resolve must be "corpus" or "partition", got {resolve!r}')
    if resolve == "corpus" and out is not None:
        raise OptionError('out= is for resolve="partition"; the corpus-wide table is returned')
    return resolve == "partition"


#: The partition-wise tables: the in-memory function, its count columns, and its order
#: (ascending for each column but the counts).
_TABLES = {"entity_counts": (("mentions", "documents"), ["mentions", "documents", "entity", "type"]),
           "cooccurrence": (("count",), ["count", "a", "b", "a_type", "b_type"])}


def _part_table(part: pd.Series, by: Any, table: str, params: dict, options: dict) -> tuple:
    """``entity_counts`` or ``cooccurrence`` (``table``) of one partition, its names
    resolved within it, with the languages it left out (warned about once, on the
    driver) and its number of texts."""
    import warnings

    from . import _entities
    from ._input import as_texts

    values, skipped = _entities._language_filter(as_texts(part).values, options["languages"], options["n_threads"])
    texts = pd.Series(values, index=part.index, dtype=object)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # texts of a partition with no name, and the like
        out = getattr(_entities, table)(texts, by=by, **params, **{**options, "languages": None, "progress": False})
    if table == "cooccurrence":
        # Two entities of one name ("Jordan" PER and LOC) in the order of their types, so
        # that every partition writes the pair alike.
        swap = (out["a"] == out["b"]).to_numpy() & (out["a_type"] > out["b_type"]).to_numpy()
        if swap.any():
            out.loc[swap, ["a_type", "b_type"]] = out.loc[swap, ["b_type", "a_type"]].to_numpy()
    return out, skipped, len(values)


def _as_done(tasks: list) -> Any:
    """``(i, result)`` of each of ``tasks`` (dask delayed) as it is done: on a distributed
    cluster each result leaves its worker once done and is yielded on arrival; elsewhere
    they are computed a few at a time (as many as the machine has cores), so the driver
    holds a few results, not all of them."""
    import os
    import time

    import dask

    try:
        from distributed import as_completed, default_client

        client = default_client()
    except (ImportError, ValueError):  # no distributed client: the local schedulers
        step = max(os.cpu_count() or 1, 1)
        for lo in range(0, len(tasks), step):
            yield from enumerate(dask.compute(*tasks[lo:lo + step]), lo)
        return
    futures = client.compute(tasks)
    order = {f.key: i for i, f in enumerate(futures)}
    done = as_completed(futures)
    try:
        while not done.is_empty():
            # Polled with short sleeps, not waited on: Ctrl-C is seen within a tenth of
            # a second whichever thread the signal reaches.
            if not done.has_ready():
                time.sleep(_POLL)
                continue
            for future in done.next_batch(block=False):
                yield order[future.key], future.result()
                future.release()
    finally:  # interrupted (or done): the work left is cancelled, not finished in vain
        client.cancel([f for f in futures if not f.done()])


#: Seconds between two looks at the tasks' progress (``_as_done``).
_POLL = 0.1


def _partition_tables(column: Any, by: Any, table: str, params: dict, min_count: int, out: Any,
                      options: dict) -> Any:
    """``entity_counts`` or ``cooccurrence`` with ``resolve="partition"``: see there."""
    from pathlib import Path

    import dask

    from ._counts import CountTotal
    from ._entities import _warn_left_out
    from .cli import write_total
    from .exceptions import OptionError

    kw = _counting_options(options)
    kw["gazetteer"], kw["n_threads"] = _checked(kw["gazetteer"], kw["detect"], kw["n_threads"])
    path = None
    if out is not None:
        path = Path(out)
        fmt = _format_of(path)
    parts = column.to_delayed()
    # by: a dask Series partitioned as the column goes with it a partition at a time;
    # otherwise (a pandas Series, or other partitions) it is one graph node, sent to a
    # worker once, and each partition looks its labels up in it, as in memory.
    if by is not None and hasattr(by, "to_delayed") and getattr(by, "npartitions", None) == column.npartitions:
        bys = by.to_delayed()
    elif by is None:
        bys = [None] * len(parts)
    else:
        whole = by.compute() if hasattr(by, "compute") else by
        if not isinstance(whole, pd.Series):
            raise OptionError("by must be a dask or pandas Series aligned with the column's index")
        bys = [dask.delayed(whole, pure=True)] * len(parts)
    shared = dask.delayed(kw, pure=True)
    tasks = [dask.delayed(_part_table)(p, b, table, params, shared) for p, b in zip(parts, bys)]
    values, order = _TABLES[table]
    skipped: dict = {}
    n = 0
    template, filled = None, False
    with CountTotal(values) as total:
        for _, (part, left_out, k) in _as_done(tasks):
            # The columns and dtypes of the result: a partition's with rows (an empty
            # table's columns hold objects, not strings) or, failing any, an empty one's.
            if template is None or (len(part) and not filled):
                template, filled = part.iloc[:0], bool(len(part))
            total.add(part)
            for code, m in left_out.items():
                skipped[code] = skipped.get(code, 0) + m
            n += k
        _warn_left_out(skipped, n, kw["languages"])
        if template is None:  # no partition
            template = getattr(_nc, table)([], **params)
        def kept(chunk: pd.DataFrame) -> pd.DataFrame:
            return chunk[chunk[values[0]] >= min_count] if min_count > 1 else chunk

        if path is not None:
            write_total(total, path, fmt, template, kept)
            return path
        chunks = [kept(chunk) for chunk in total.sorted_chunks()]
    if not chunks:
        return template
    result = pd.concat(chunks, ignore_index=True)
    del chunks
    # The in-memory order: by the group first (when there is one), then counts, then names.
    group = [c for c in template.columns if c not in values and c not in order]
    result = result.sort_values(group + order, ascending=[True] * len(group) + [c not in values for c in order],
                                kind="stable", ignore_index=True)
    return result.astype(template.dtypes.to_dict())


def _format_of(path: Any) -> str:
    """The format of an output path by its extension, as the command line reads it (an
    OptionError, not an exit, for one it cannot tell)."""
    from .cli import _format
    from .exceptions import OptionError

    try:
        return _format(path, None)
    except SystemExit as e:
        raise OptionError(str(e).removeprefix("newscorpus: ")) from None
