"""Peak memory and time of near_duplicates on 1,000,000 articles.

The articles are built from the throughput corpus (../shared/data) by repeating it: the
first copy of each text is kept as it is, each later copy has every word replaced, with
probability 1/2, by a word drawn from the corpus vocabulary (so copies are not near
duplicates of each other), except one copy in 50, which has 1 word in 20 replaced (a near
duplicate of its original, as syndicated copies are). Deterministic for a seed.

Memory is the process's peak resident set (ru_maxrss): the texts themselves (Python
strings), then everything near_duplicates adds (matching keys, shingle sets kept for the
exact verification, 512-byte signatures, LSH buckets, pairs).

Run: python benchmarks/memory_million.py [--n 1000000]

``--write FILE.parquet --copies K`` writes the corpus of seeds 1 to K instead (K times n
texts in one Parquet file, a row group a seed, each seed built in turn so memory holds one):
the file the command line's ten-million-text runs read (``--copies 10``).
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from corpora import megabytes, throughput_corpus

import newscorpus as nc


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        import os

        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def build(n: int, seed: int) -> list[str]:
    base = [t for group in throughput_corpus().values() for t in group if isinstance(t, str) and t.strip()]
    vocabulary = sorted({w for t in base[:5000] for w in t.split()})
    rng = random.Random(seed)
    out = list(base[:n])
    copy = 0
    while len(out) < n:
        copy += 1
        for t in base:
            if len(out) >= n:
                break
            words = t.split()
            near = rng.random() < 0.02
            p = 0.05 if near else 0.5
            out.append(" ".join(rng.choice(vocabulary) if rng.random() < p else w for w in words))
    return out


def write(path: str, n: int, copies: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("text", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        for seed in range(1, copies + 1):
            start = time.perf_counter()
            texts = build(n, seed)
            for lo in range(0, len(texts), 100_000):
                writer.write_table(pa.table({"text": texts[lo:lo + 100_000]}, schema=schema))
            print(f"seed {seed}: {len(texts):,} texts in {time.perf_counter() - start:.0f} s", flush=True)
            del texts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write", help="write the texts of seeds 1..COPIES to this Parquet file and stop")
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    if args.write:
        write(args.write, args.n, args.copies)
        return
    start = time.perf_counter()
    texts = build(args.n, args.seed)
    print(f"{len(texts):,} articles, {megabytes(texts):,.0f} MB, built in {time.perf_counter() - start:.0f} s; "
          f"resident {rss_mb():,.0f} MB with the texts")
    before = peak_mb()
    start = time.perf_counter()
    pairs = nc.near_duplicates(texts, 0.8)
    seconds = time.perf_counter() - start
    print(f"near_duplicates(threshold=0.8): {len(pairs):,} pairs in {seconds:.0f} s; peak resident "
          f"{peak_mb():,.0f} MB ({peak_mb() - before:,.0f} MB above the texts)")


if __name__ == "__main__":
    main()
