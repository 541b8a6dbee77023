"""newscorpus.dask gives the in-memory results on a dask column (Dask is optional)."""

from __future__ import annotations

import pandas as pd
import pytest

import newscorpus as nc

dd = pytest.importorskip("dask.dataframe")
ncd = pytest.importorskip("newscorpus.dask")


def _column(partitions=3):
    df = nc.load_sample().set_index("id")
    extra = pd.Series({"junk-1": "-1", "junk-2": "-1", "none": None}, dtype=object)
    texts = pd.concat([df["text"], extra]).rename("text")
    return texts, dd.from_pandas(texts, npartitions=partitions, sort=False)


def _same(got, want):
    # Dask may hold strings as Arrow strings; values, missing values and labels must match.
    def plain(v):
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
            return None
        return v.tolist() if hasattr(v, "tolist") else v

    assert got.index.tolist() == want.index.tolist()
    assert [plain(v) for v in got.tolist()] == [plain(v) for v in want.tolist()]


def test_partition_wise_functions_equal_the_in_memory_ones():
    import dask

    texts, col = _column()
    with dask.config.set(scheduler="synchronous"):
        for fn in ("normalize", "matching_key", "junk", "detect_language"):
            _same(getattr(ncd, fn)(col).compute(), getattr(nc, fn)(texts))
        got = ncd.parse_articles(col).compute()
        want = nc.parse_articles(texts)
        assert list(got.columns) == list(want.columns)
        for c in want.columns:
            _same(got[c], want[c])


@pytest.mark.parametrize("partitions", [1, 4])
def test_near_duplicates_equal_the_in_memory_pairs(partitions):
    import dask

    texts, col = _column(partitions)
    with dask.config.set(scheduler="synchronous"):
        got = ncd.near_duplicates(col)
    want = nc.near_duplicates(texts)
    assert list(zip(got["a"], got["b"])) == list(zip(want["a"], want["b"]))
    pd.testing.assert_series_equal(got["jaccard"], want["jaccard"], check_names=False)
    pd.testing.assert_series_equal(got["a_in_b"], want["a_in_b"], check_names=False)


def test_on_a_local_cluster_with_two_worker_processes():
    distributed = pytest.importorskip("distributed")
    texts, col = _column(4)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        _same(ncd.normalize(col).compute(), nc.normalize(texts))
        got = ncd.near_duplicates(col)
    want = nc.near_duplicates(texts)
    assert list(zip(got["a"], got["b"])) == list(zip(want["a"], want["b"]))
