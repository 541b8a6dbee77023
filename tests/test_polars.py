"""A polars Series in gives a polars Series or DataFrame out; polars stays optional."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newscorpus as nc

pl = pytest.importorskip("polars")


def _texts():
    return pl.Series("text", nc.load_sample()["text"].tolist() + [None])


def test_series_in_series_out():
    s = _texts()
    clean = nc.normalize(s)
    assert isinstance(clean, pl.Series) and clean.name == "text" and clean.len() == s.len()
    assert clean[-1] is None and clean.to_list()[:-1] == nc.normalize(s.to_list()[:-1])
    assert nc.matching_key(s).to_list() == nc.matching_key(s.to_list())
    assert isinstance(nc.junk(s), pl.Series) and nc.junk(s).name == "junk"
    assert nc.stories(s).to_list() == nc.stories(s.to_list())
    assert nc.clusters(s).to_list() == nc.clusters(s.to_list())


def test_frames_out_equal_the_pandas_ones():
    s = _texts()
    pairs = nc.near_duplicates(s)
    assert isinstance(pairs, pl.DataFrame)
    assert pairs.to_pandas()[["a", "b"]].values.tolist() == nc.near_duplicates(s.to_list())[["a", "b"]].values.tolist()
    ents = nc.entities(s)
    assert isinstance(ents, pl.DataFrame) and ents.columns[:4] == ["doc", "start", "end", "text"]
    assert ents.height == len(nc.entities(s.to_list()))
    parts = nc.parse_articles(s)
    assert isinstance(parts, pl.DataFrame) and parts.height == s.len()
    scores = nc.paired_similarity(s, s)
    assert isinstance(scores, pl.Series) and scores.len() == s.len()
    # by= as a polars Series too.
    outlets = pl.Series("outlet", nc.load_sample()["outlet"].tolist() + ["none"])
    counts = nc.entity_counts(s, by=outlets)
    assert isinstance(counts, pl.DataFrame) and counts.height > 0


def test_news_namespace():
    import newscorpus.polars  # noqa: F401  (registers pl.Series.news)

    s = _texts()
    assert s.news.normalize().to_list() == nc.normalize(s).to_list()
    assert isinstance(s.news.entities(), pl.DataFrame)
    assert s.news.detect_language().len() == s.len() or isinstance(s.news.detect_language(), pl.DataFrame)
    # The corpus-level functions: the same results as the functions themselves.
    assert s.news.near_duplicates().to_pandas().equals(nc.near_duplicates(s).to_pandas())
    assert s.news.clusters().to_list() == nc.clusters(s.to_list())
    rel = s.news.relate()
    assert isinstance(rel, pl.DataFrame) and rel.height == len(nc.relate(s.to_list()))
    assert s.news.stories().to_list() == nc.stories(s.to_list())
    counts = s.news.entity_counts()
    assert isinstance(counts, pl.DataFrame) and counts.height == len(nc.entity_counts(s.to_list()))
    pairs = s.news.cooccurrence()
    assert isinstance(pairs, pl.DataFrame) and pairs.height == len(nc.cooccurrence(s.to_list()))


def test_import_does_not_load_polars():
    code = "import sys, newscorpus; print('polars' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_find_boilerplates_polars_frame_goes_back_in_as_boilerplate():
    df = nc.load_sample()
    texts = pl.Series("text", df["text"].tolist())
    learned = nc.find_boilerplate(texts)
    assert isinstance(learned, pl.DataFrame)
    assert isinstance(nc.normalize(texts, remove_lines=learned), pl.Series)
    assert len(nc.relate(texts, boilerplate=learned)) > 0
    with pytest.raises(nc.OptionError, match="boilerplate must hold str only"):
        nc.relate(df["text"], boilerplate=[1, 2])
