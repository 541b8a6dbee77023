"""Every public function takes any sequence of str and gives back the shape it got."""

from __future__ import annotations

import gc
import os
import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import newscorpus as nc
from newscorpus.exceptions import InputTypeError, InputValueError, NewsCorpusError, OptionError

TEXTS = ["Trump\u02bcs plan", None, "caf\u00e9\u00a0noir"]
EXPECTED = ["Trump's plan", None, "café noir"]


@pytest.mark.parametrize(
    "make",
    [
        list,
        tuple,
        lambda t: np.array(t, dtype=object),
        lambda t: pa.array(t),
        lambda t: pa.chunked_array([t[:1], t[1:]]),
        lambda t: (x for x in t),
        pd.Index,
    ],
    ids=["list", "tuple", "numpy", "pyarrow", "pyarrow-chunked", "generator", "index"],
)
def test_sequences_give_a_list(make):
    assert nc.normalize(make(TEXTS)) == EXPECTED


@pytest.mark.parametrize("dtype", [object, "string", "string[pyarrow]", pd.ArrowDtype(pa.string())],
                         ids=["object", "string", "string-pyarrow", "arrow"])
def test_series_keeps_index_and_name(dtype):
    s = pd.Series(TEXTS, index=["x", "y", "z"], name="body", dtype=dtype)
    out = nc.normalize(s)
    assert isinstance(out, pd.Series)
    assert out.index.tolist() == ["x", "y", "z"]
    assert out.name == "body"
    assert out["x"] == "Trump's plan" and out["z"] == "café noir"
    assert pd.isna(out["y"])


def test_accessor_matches_function():
    s = pd.Series(TEXTS, index=[10, 20, 30])
    pd.testing.assert_series_equal(s.news.normalize(), nc.normalize(s))
    parts = s.news.parse_articles()
    assert parts.index.tolist() == [10, 20, 30]
    assert s.news.matching_key()[10] == "trump's plan"
    pd.testing.assert_series_equal(s.news.junk(), nc.junk(s))


def test_a_by_series_keeps_its_name_when_the_texts_index_repeats_labels():
    df = nc.load_sample()
    texts = df["text"].set_axis([0] * len(df))
    with pytest.warns(nc.NewsCorpusWarning, match="could not be read"):
        nc.story_table(df["text"], nc.stories(df["text"]), dates=df["published"].astype(str).where(df.index > 0, "soon"))
    assert nc.entity_counts(texts, by=df["outlet"].set_axis(texts.index)).columns[0] == "outlet"


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_missing_values_pass_through(missing):
    out = nc.normalize(["a", missing, "b"])
    assert out[0] == "a" and out[1] is None and out[2] == "b"
    parsed = nc.parse_articles(["a", missing])
    assert parsed["body"].tolist() == ["a", None]
    assert pd.isna(parsed.loc[1, "date"])


@pytest.mark.parametrize("bad, name", [(b"bytes", "bytes"), (3, "int"), (["x"], "list"), (3.5, "float")])
def test_non_string_element_names_its_position(bad, name):
    with pytest.raises(InputTypeError, match=rf"texts\[1\] is {name}") as info:
        nc.normalize(["ok", bad])
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("bad", ["a single string", b"bytes", 42, {"a": "b"}, pd.DataFrame({"text": ["a"]})])
def test_wrong_container_is_a_type_error(bad):
    with pytest.raises(InputTypeError):
        nc.normalize(bad)


def test_two_dimensional_array_is_rejected():
    with pytest.raises(InputTypeError, match="one-dimensional"):
        nc.normalize(np.array([["a", "b"]], dtype=object))


@pytest.mark.parametrize(
    "option, value, allowed",
    [("unicode", "NFD", "NFC"), ("paragraphs", "merge", "flatten"), ("case", "upper", "casefold"), ("errors", "ignore", "strict")],
)
def test_bad_option_names_option_and_allowed_values(option, value, allowed):
    with pytest.raises(OptionError, match=option) as info:
        nc.normalize(["x"], **{option: value})
    assert allowed in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("n_threads", [0, -1, 5000])
def test_bad_thread_count(n_threads):
    with pytest.raises(OptionError, match="n_threads"):
        nc.normalize(["x"], n_threads=n_threads)


def test_bool_options_must_be_bools():
    with pytest.raises(OptionError, match="strip_accents"):
        nc.normalize(["x"], strip_accents="yes")


def test_unknown_keyword_is_a_type_error():
    with pytest.raises(TypeError):
        nc.normalize(["x"], no_such_option=True)


def test_lone_surrogates_are_replaced_one_for_one():
    text = "a\ud800b\udfffc"
    out = nc.normalize([text], offsets=True).iloc[0]
    assert out.text == "a\ufffdb\ufffdc"
    # Offsets still index the original Python string.
    a, b = nc.original_span(out.offsets, 2, 3)
    assert text[a:b] == "b"


def test_lone_surrogate_strict_raises():
    with pytest.raises(InputValueError, match=r"texts\[0\].*surrogate"):
        nc.normalize(["a\ud800"], errors="strict")


def test_threads_give_the_same_result():
    texts = nc.load_sample()["text"].tolist() * 3
    assert nc.normalize(texts, n_threads=1) == nc.normalize(texts, n_threads=2) == nc.normalize(texts)


def test_panic_becomes_an_exception():
    from newscorpus import _native

    with pytest.raises(NewsCorpusError, match="deliberate panic"):
        _native._panic_for_tests()
    # The interpreter and the pool still work.
    assert nc.normalize(["ok"]) == ["ok"]


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads resident memory from /proc")
def test_reading_texts_leaves_no_utf8_copies_behind():
    # CPython keeps a UTF-8 copy inside a non-ASCII str once it is read in place; newscorpus
    # reads such strings through a temporary copy instead, so a corpus does not grow by its
    # UTF-8 size for as long as it lives. 40 MB of UTF-8 text here.
    def resident_mb() -> float:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

    texts = [("café société déjà " * 400) + str(i) for i in range(5000)]
    utf8_mb = sum(len(t.encode()) for t in texts) / 1e6
    gc.collect()
    before = resident_mb()
    nc.minhash(texts)
    nc.matching_key(texts[:10])
    gc.collect()
    assert resident_mb() - before < utf8_mb / 4
    # The texts are still read correctly.
    assert nc.matching_key(["Café"]) == ["cafe"]


def test_a_column_whose_index_differs_from_the_texts_is_an_error_not_values_moved():
    # dates= with a reset index gave other articles' dates (or none) in silence; a column's
    # name as a str was read letter by letter; an integer window was nanoseconds.
    df = nc.load_sample()
    sub = df[df.outlet != "Civic Herald"]
    with pytest.raises(nc.InputValueError, match="no value for text 24"):
        nc.relate(sub["text"], dates=sub["published"].reset_index(drop=True))
    with pytest.raises(nc.OptionError, match="not the str 'published'"):
        nc.stories(sub["text"], dates="published")
    with pytest.raises(nc.OptionError, match="not the str 'outlet'"):
        nc.entity_counts(sub["text"], by="outlet")
    with pytest.raises(nc.OptionError, match="is a number"):
        nc.stories(df["text"], dates=df["published"], window=3)
    # By position, or with one index: as before.
    same = nc.relate(sub["text"], dates=sub["published"])
    assert same.equals(nc.relate(sub["text"].to_numpy(), dates=sub["published"].to_numpy()).assign(
        a=same["a"].to_numpy(), b=same["b"].to_numpy()))


def test_repeated_index_labels_never_merge_groups():
    # Clusters and stories are named by a label: with labels repeated (a DatetimeIndex of
    # publication days, an outlet index) unrelated groups merged under one name.
    df = nc.load_sample()
    plain = nc.stories(df["text"])
    with pytest.warns(nc.NewsCorpusWarning, match="repeats labels"):
        by_outlet = nc.stories(df.set_index("outlet")["text"])
    assert by_outlet.nunique() == plain.nunique()
    assert list(by_outlet.index) == list(df["outlet"])
    with pytest.warns(nc.NewsCorpusWarning):
        assert nc.clusters(df.set_index("published")["text"]).nunique() == nc.clusters(df["text"]).nunique()


def test_dates_as_periods_or_with_mixed_offsets_are_read():
    df = nc.load_sample()
    story = nc.stories(df["text"], dates=df["published"])
    days = pd.to_datetime(df["published"]).dt.to_period("D")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nc.stories(df["text"], dates=days).nunique() == story.nunique()
    mixed = pd.Series([f"2026-03-0{1 + i % 3}T10:00:00+0{i % 2}:00" for i in range(len(df))])
    table = nc.story_table(df["text"], story, dates=mixed)
    assert table["first"].notna().all()
