"""near_duplicates (or, with --task entities, entity_counts) in memory against
newscorpus.dask on a LocalCluster, on one corpus read from Parquet: wall time, peak memory
(this process; each worker), and identical results.

``--task entities-partition``: ``entity_counts(resolve="partition")`` (names resolved
within each partition, the tables summed in bounded memory and written to Parquet) against
the same in one process: each Parquet file counted in memory and folded as the command line
folds its batches (``_counts.CountTotal``).

The corpus is ``memory_million.build`` (the throughput corpus repeated, later copies
rewritten word by word, one in 50 lightly perturbed), written to Parquet in 8 files. The
in-memory run reads it into one pandas Series; the Dask run reads it as a dask column on a
``LocalCluster`` of 2 worker processes (1 thread each). Run each side in a fresh process
(--side) so peak memory is its own.

    python benchmarks/bench_dask.py [--n 1000000] [--workdir /tmp/nc_dask] [--task entities]

Beyond memory: ``--streamed FILE.parquet`` runs only the Dask side of near_duplicates (or,
with ``--task entities-partition``, of the partition-wise counts) on a corpus too large for
one process (one partition a row group), and, with ``--against PAIRS.parquet`` (what
``newscorpus dedup FILE --out PAIRS.parquet``, or ``newscorpus entities FILE --out
COUNTS.parquet --batch-size`` the row groups' size, wrote), checks that both found the
same pairs (counts).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss across exec, so a side run
    # by a parent that had just built the corpus reported the parent's peak (5.3 GB).
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make(n: int, workdir: Path) -> Path:
    import pandas as pd

    from memory_million import build

    folder = workdir / f"corpus_{n}"
    if not folder.exists():
        folder.mkdir(parents=True)
        texts = build(n, 1)
        step = -(-len(texts) // 8)
        for k in range(8):
            part = pd.DataFrame({"text": texts[k * step:(k + 1) * step]},
                                index=pd.RangeIndex(k * step, min((k + 1) * step, len(texts))))
            part.to_parquet(folder / f"part{k}.parquet")
    return folder


def global_positions(path: Path):
    """The text column of one Parquet file as a dask column, one partition a row group,
    indexed by the row's position in the file (as the command line numbers rows): each
    partition's default index would start at 0 again."""
    import dask.dataframe as dd
    import numpy as np
    import pandas as pd
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    starts = np.cumsum([0] + [meta.row_group(k).num_rows for k in range(meta.num_row_groups)])
    col = dd.read_parquet(str(path), split_row_groups=True)["text"]
    assert col.npartitions == meta.num_row_groups

    def renumber(part, partition_info=None):
        start = int(starts[partition_info["number"]]) if partition_info else 0
        return part.set_axis(pd.RangeIndex(start, start + len(part)))

    return col.map_partitions(renumber, meta=col._meta)


def side(which: str, folder: Path, out: Path, task: str = "near_duplicates") -> None:
    import pandas as pd

    import newscorpus as nc

    started = time.perf_counter()
    workers_peak = []
    table = out.with_suffix(".pairs.parquet")
    if which == "memory" and task == "entities-partition":
        pairs = folded_by_file(folder, table)
    elif which == "memory":
        texts = pd.read_parquet(folder)["text"]
        pairs = nc.near_duplicates(texts) if task == "near_duplicates" else nc.entity_counts(texts, progress=False)
    else:
        import dask.dataframe as dd
        import distributed

        import newscorpus.dask as ncd

        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None, memory_limit="6GB") as cluster, \
                distributed.Client(cluster) as client:
            col = global_positions(folder) if folder.is_file() else dd.read_parquet(str(folder))["text"]
            if task == "entities-partition":
                pairs = pd.read_parquet(ncd.entity_counts(col, resolve="partition", out=table), columns=["type"])
            else:
                pairs = ncd.near_duplicates(col) if task == "near_duplicates" else ncd.entity_counts(col)

            workers_peak = list(client.run(peak_mb).values())
    seconds = time.perf_counter() - started
    if task != "entities-partition":  # (written as they were made)
        kept = pairs[["a", "b"]] if task == "near_duplicates" else pairs.astype({"type": str})
        kept.to_parquet(table)
    out.write_text(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "workers_peak_mb": workers_peak,
                               "pairs": len(pairs)}))


def folded_by_file(folder: Path, table: Path) -> "object":
    """Each Parquet file of ``folder`` counted in memory (names resolved within it), the
    counts folded as the command line folds its batches and written to ``table``; returns
    the written table's ``type`` column (its length is the rows')."""
    import warnings

    import pandas as pd

    import newscorpus as nc
    from newscorpus._counts import CountTotal
    from newscorpus.cli import write_total

    with CountTotal() as total:
        for path in sorted(folder.glob("*.parquet")):
            texts = pd.read_parquet(path)["text"]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                total.add(nc.entity_counts(texts, progress=False))
            del texts
        write_total(total, table, "parquet", pd.DataFrame(columns=["entity", "type", "mentions", "documents"]))
    return pd.read_parquet(table, columns=["type"])


def streamed(path: Path, workdir: Path, against: "str | None", task: str = "near_duplicates") -> None:
    """near_duplicates (or the partition-wise entity counts) on Dask over one Parquet file
    too large for memory, in a fresh process; its pairs (counts) against the command
    line's for the same file."""
    import pandas as pd

    out = workdir / f"dask_streamed_{task}_{path.stem}.json"
    subprocess.run([sys.executable, __file__, "--workdir", str(workdir), "--side", "dask", "--out", str(out),
                    "--task", task, "--n", "0", "--streamed-file", str(path)], check=True)
    d = json.loads(out.read_text())
    workers = ", ".join(f"{w:.0f}" for w in d["workers_peak_mb"])
    rows = "pairs" if task == "near_duplicates" else "rows of counts"
    print(f"{path} on Dask, 2 workers: {d['seconds']:.1f} s, peak {d['peak_mb']:.0f} MB on the driver, "
          f"workers {workers} MB; {d['pairs']:,} {rows}")
    if against:
        mine = pd.read_parquet(out.with_suffix(".pairs.parquet"))
        theirs = pd.read_parquet(against)
        if task == "near_duplicates":
            key = ["a", "b"]
            same = (mine.sort_values(key).values.tolist() == theirs[key].sort_values(key).values.tolist())
        else:  # both sorted by counts, then keys
            same = len(mine) == len(theirs) and all(mine[c].astype(str).tolist() == theirs[c].astype(str).tolist()
                                                    for c in theirs.columns)
        print(f"  the command line's {rows} ({against}): {len(theirs):,}; identical: {same}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--workdir", default="/tmp/nc_dask")
    ap.add_argument("--task", choices=["near_duplicates", "entities", "entities-partition"], default="near_duplicates")
    ap.add_argument("--side", choices=["memory", "dask"], help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--streamed", help="a Parquet file: Dask side only, one partition a row group")
    ap.add_argument("--against", help="the pairs `newscorpus dedup` wrote for --streamed's file")
    ap.add_argument("--streamed-file", help=argparse.SUPPRESS)
    args = ap.parse_args()
    workdir = Path(args.workdir)
    if args.streamed:
        streamed(Path(args.streamed), workdir, args.against, args.task)
        return
    folder = Path(args.streamed_file) if args.streamed_file else make(args.n, workdir)
    if args.side:
        side(args.side, folder, Path(args.out), args.task)
        return
    import pandas as pd

    results = {}
    for which in ("memory", "dask"):
        out = workdir / f"{which}_{args.task}_{args.n}.json"
        subprocess.run([sys.executable, __file__, "--n", str(args.n), "--workdir", str(workdir), "--side", which,
                        "--out", str(out), "--task", args.task], check=True)
        results[which] = json.loads(out.read_text())
    same = (pd.read_parquet(workdir / f"memory_{args.task}_{args.n}.pairs.parquet").values.tolist()
            == pd.read_parquet(workdir / f"dask_{args.task}_{args.n}.pairs.parquet").values.tolist())
    m, d = results["memory"], results["dask"]
    what = {"near_duplicates": "near_duplicates at 0.8", "entities": "entity_counts",
            "entities-partition": 'entity_counts(resolve="partition"), in memory file by file'}[args.task]
    print(f"{args.n:,} articles from Parquet ({folder}), {what}:")
    rows = "pairs" if args.task == "near_duplicates" else "entities"
    print(f"  in memory       {m['seconds']:7.1f} s  peak {m['peak_mb']:7.0f} MB  {m['pairs']:,} {rows}")
    workers = ", ".join(f"{w:.0f}" for w in d["workers_peak_mb"])
    print(f"  Dask, 2 workers {d['seconds']:7.1f} s  peak {d['peak_mb']:7.0f} MB on the driver, workers {workers} MB;"
          f"  {d['pairs']:,} {rows}")
    print(f"  Dask / memory time {d['seconds'] / m['seconds']:.2f}x; identical results: {same}")


if __name__ == "__main__":
    main()
