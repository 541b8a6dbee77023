"""Count tables summed over a stream of batches in bounded memory (``newscorpus entities``).

Each batch gives a table of key columns (an entity, its type, a group) and counts
(``mentions``, ``documents``). Their sum is folded in memory while it is small; beyond
``spill_rows`` distinct rows it goes to temporary files, split by a hash of its keys into
``buckets`` (a key always lands in the same one), so that each bucket is summed on its own at
the end and written sorted; the sorted buckets are then merged a chunk at a time. Memory
holds about ``spill_rows`` rows while reading and ``buckets * chunk_rows`` rows while
merging, however many distinct keys the stream has. Only pandas and numpy are used (no
pyarrow needed), and the result is the table one would get by summing every batch at once
and sorting it by counts (descending), then keys (ascending): row for row, whatever the
batch sizes and thresholds. (``cli.ChunkWriter`` writes the chunks as they come.)
"""

from __future__ import annotations

import pickle
import tempfile
from pathlib import Path
from typing import Iterator, Optional

import numpy as np
import pandas as pd

#: The batches' rows are added into the running total once they hold this many rows and as
#: many as the total (so each row is folded a bounded number of times).
FOLD_ROWS = 1_000_000
#: A running total of more rows than this goes to the temporary files.
SPILL_ROWS = 2_000_000
#: Temporary files a spilled total is split into (by a hash of each row's keys).
BUCKETS = 16
#: Rows a sorted bucket is written and read back in while merging.
CHUNK_ROWS = 100_000

_RUN, _POS = "__run", "__pos"


class CountTotal:
    """The sum of count tables added one at a time, read back sorted in chunks."""

    def __init__(self, values: tuple = ("mentions", "documents"), fold_rows: Optional[int] = None,
                 spill_rows: Optional[int] = None, buckets: Optional[int] = None,
                 chunk_rows: Optional[int] = None) -> None:
        self.values = list(values)
        self.fold_rows = FOLD_ROWS if fold_rows is None else fold_rows
        self.spill_rows = SPILL_ROWS if spill_rows is None else spill_rows
        self.buckets = BUCKETS if buckets is None else buckets
        self.chunk_rows = CHUNK_ROWS if chunk_rows is None else chunk_rows
        self.keys: Optional[list] = None
        self.columns: Optional[list] = None
        self.parts: list = []
        self.waiting = 0  # rows in parts[1:], not yet folded into parts[0]
        self.folds = 0
        self.spills = 0
        self._dir: Optional[tempfile.TemporaryDirectory] = None
        self._bucket_files: list = []

    # -- adding ---------------------------------------------------------------------------

    def add(self, table: pd.DataFrame) -> None:
        if self.keys is None:
            self.columns = list(table.columns)
            self.keys = [c for c in self.columns if c not in self.values]
        self.parts.append(table)
        self.waiting += len(table)
        if len(self.parts) > 1 and self.waiting >= max(self.fold_rows, len(self.parts[0])):
            self._fold()
        if len(self.parts) == 1 and len(self.parts[0]) > self.spill_rows:
            self._spill(self.parts.pop())

    def _fold(self) -> None:
        self.parts = [self._sum(self.parts)]
        self.waiting = 0
        self.folds += 1

    def _sum(self, parts: list) -> pd.DataFrame:
        """One table from several: rows of equal keys added up (a missing group is a group:
        its rows are kept and summed together, as ``entity_counts`` keeps them)."""
        total = pd.concat(parts, ignore_index=True)
        if "type" in total.columns:
            total["type"] = total["type"].astype(str)
        summed = total.groupby(self.keys, as_index=False, sort=False, dropna=False, observed=True)[self.values].sum()
        return summed[self.columns]

    def _path(self, name: str) -> Path:
        assert self._dir is not None
        return Path(self._dir.name) / f"{name}.pickle"

    def _chunks(self, table: pd.DataFrame) -> Iterator[pd.DataFrame]:
        for lo in range(0, len(table), self.chunk_rows):
            yield table.iloc[lo:lo + self.chunk_rows]

    def _spill(self, table: pd.DataFrame) -> None:
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="newscorpus-counts-")
            self._bucket_files = [open(self._path(f"bucket{k}"), "wb") for k in range(self.buckets)]
        bucket = pd.util.hash_pandas_object(table[self.keys], index=False).to_numpy() % np.uint64(self.buckets)
        for k in range(self.buckets):
            rows = table[bucket == k]
            if len(rows):
                pickle.dump(rows, self._bucket_files[k], protocol=pickle.HIGHEST_PROTOCOL)
        self.spills += 1

    # -- reading --------------------------------------------------------------------------

    def _sort(self, table: pd.DataFrame) -> pd.DataFrame:
        assert self.keys is not None
        return table.sort_values(self.values + self.keys, ascending=[False] * len(self.values) + [True] * len(self.keys),
                                 ignore_index=True)

    def sorted_chunks(self) -> Iterator[pd.DataFrame]:
        """The total, sorted by counts (descending) then keys, as consecutive chunks."""
        if self.keys is None:
            return
        if self._dir is None:
            total = self._sort(self._sum(self.parts)) if self.parts else None
            self.parts = []
            if total is not None:
                yield from self._chunks(total)
            return
        if self.parts:
            self._spill(self._sum(self.parts))
            self.parts = []
        for f in self._bucket_files:
            f.close()
        runs = []
        for k in range(self.buckets):
            path = self._path(f"bucket{k}")
            summed = self._sort(self._sum(list(_load_all(path))))
            path.unlink()
            run = self._path(f"run{k}")
            with open(run, "wb") as out:
                for chunk in self._chunks(summed):
                    pickle.dump(chunk, out, protocol=pickle.HIGHEST_PROTOCOL)
            del summed
            runs.append(run)
        yield from self._merge(runs)

    def _merge(self, runs: list) -> Iterator[pd.DataFrame]:
        """The sorted runs merged: each run keeps up to ``chunk_rows`` rows loaded; the loaded
        rows are sorted together, and those up to the earliest of the runs' last loaded rows
        are final (nothing still unread can come before them)."""
        files = [open(run, "rb") for run in runs]
        try:
            loaded = [0] * len(runs)  # rows read from each run so far
            live = set(range(len(runs)))  # runs with rows still unread
            carry: Optional[pd.DataFrame] = None
            while True:
                held = np.bincount(carry[_RUN].to_numpy(), minlength=len(runs)) if carry is not None else np.zeros(len(runs), int)
                new = []
                for k in sorted(live):
                    while held[k] < self.chunk_rows:
                        try:
                            chunk = pickle.load(files[k]).copy()
                        except EOFError:
                            live.discard(k)
                            break
                        chunk[_RUN] = k
                        chunk[_POS] = np.arange(loaded[k], loaded[k] + len(chunk))
                        loaded[k] += len(chunk)
                        held[k] += len(chunk)
                        new.append(chunk)
                frames = ([carry] if carry is not None and len(carry) else []) + new
                if not frames:
                    return
                merged = self._sort(pd.concat(frames, ignore_index=True))
                if not live:
                    yield merged.drop(columns=[_RUN, _POS])
                    return
                run, pos = merged[_RUN].to_numpy(), merged[_POS].to_numpy()
                last = np.full(len(runs), -1)
                for k in live:
                    last[k] = loaded[k] - 1
                cut = int(np.flatnonzero(pos == last[run])[0]) + 1
                yield merged.iloc[:cut].drop(columns=[_RUN, _POS])
                carry = merged.iloc[cut:]
        finally:
            for f in files:
                f.close()

    def close(self) -> None:
        for f in self._bucket_files:
            f.close()
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def __enter__(self) -> "CountTotal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _load_all(path: Path) -> Iterator[pd.DataFrame]:
    with open(path, "rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                return
