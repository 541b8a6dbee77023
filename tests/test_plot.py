"""Plots (the optional matplotlib extra): each draws the numbers of a newscorpus table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import newscorpus as nc

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from newscorpus import plot  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def corpus():
    texts = pd.Series(
        ["Vladimir Putin met Donald Trump in Riyadh on Monday.",
         "Donald Trump said the talks in Riyadh went well.",
         "Vladimir Putin flew home from Riyadh.",
         "Angela Merkel spoke in Berlin about Donald Trump.",
         "Donald Trump called Angela Merkel from Washington."],
        index=["a", "b", "c", "d", "e"])
    dates = pd.Series(pd.to_datetime(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-18", "2026-03-19"]),
                      index=texts.index)
    outlets = pd.Series(["TASS", "Reuters", "TASS", "DW", "Reuters"], index=texts.index)
    return texts, dates, outlets


def test_mentions_over_time_draws_each_entity_per_period():
    texts, dates, outlets = corpus()
    ents = nc.entities(texts)
    ax = plot.mentions_over_time(ents, dates, top=2, freq="W")
    lines = {line.get_label(): line.get_ydata().tolist() for line in ax.get_lines()}
    # Donald Trump: 2 mentions in the week of 2 March, none in the next, 2 in the third.
    assert lines["Donald Trump"] == [2, 0, 2]
    assert len(lines) == 2 and set(lines) <= {"Donald Trump", "Riyadh", "Vladimir Putin"}
    # One entity by outlet: a line an outlet, adding up to the entity's mentions.
    ax = plot.mentions_over_time(ents, dates, entities=["Donald Trump"], by=outlets, freq="W")
    by_outlet = {line.get_label(): sum(line.get_ydata()) for line in ax.get_lines()}
    assert by_outlet == {"Reuters": 2, "DW": 1, "TASS": 1}
    with pytest.raises(nc.OptionError, match="one entity"):
        plot.mentions_over_time(ents, dates, entities=["Donald Trump", "Riyadh"], by=outlets)
    with pytest.raises(nc.InputValueError, match="repeated index labels"):
        plot.mentions_over_time(ents, pd.concat([dates, dates]))
    with pytest.raises(nc.InputValueError, match="no value for document"):
        plot.mentions_over_time(ents, dates.drop("a"))
    with pytest.raises(nc.OptionError, match="freq"):
        plot.mentions_over_time(ents, dates, freq="fortnight")
    # Positions when the texts were a list; a missing date is left out with a warning.
    ents = nc.entities(texts.tolist())
    with pytest.warns(nc.NewsCorpusWarning, match="without a date"):
        ax = plot.mentions_over_time(ents, [None, *dates.iloc[1:]], entities=["Donald Trump"], freq="W")
    assert sum(ax.get_lines()[0].get_ydata()) == 3


def test_story_timeline_rows_are_the_largest_stories():
    texts, dates, outlets = corpus()
    stories = pd.Series(["s1", "s1", "s1", "s2", "s2"], index=texts.index)
    ax = plot.story_timeline(stories, dates, by=outlets)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["s1 (3)", "s2 (2)"]
    from matplotlib.collections import PathCollection

    assert sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection)) == 5
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == ["DW", "Reuters", "TASS"]
    # From stories() itself, by position.
    ax = plot.story_timeline(nc.stories(texts.tolist()), dates.tolist(), top=1)
    assert len(ax.get_yticklabels()) <= 1


def test_similarity_heatmap_shows_the_matrix():
    texts, _, outlets = corpus()
    matrix = nc.similarity_matrix(texts, metric="cosine")
    ax = plot.similarity_heatmap(matrix, labels=outlets)
    assert np.allclose(ax.get_images()[0].get_array(), matrix)
    assert [t.get_text() for t in ax.get_yticklabels()] == outlets.tolist()
    with pytest.raises(nc.InputValueError, match="labels"):
        plot.similarity_heatmap(matrix, labels=["a"])


def test_cooccurrence_network_draws_the_strongest_pairs():
    texts, _, _ = corpus()
    pairs = nc.cooccurrence(texts)
    ax = plot.cooccurrence_network(pairs, top=3)
    names = sorted(t.get_text() for t in ax.texts)
    expected = sorted(set(pairs["a"].head(3)) | set(pairs["b"].head(3)))
    assert names == expected
    assert len(ax.get_lines()) == 3
    with pytest.raises(nc.OptionError):
        plot.cooccurrence_network(pd.DataFrame({"x": [1]}))


def test_story_ids_stay_whole_and_addresses_are_sites():
    df = nc.load_sample()
    texts = df["text"].copy()
    texts.iloc[3] = None  # stories() then gives nullable Int64 ids
    sites = "https://www." + df["outlet"].str.replace(" ", "").str.lower() + ".com/a"
    ax = plot.story_timeline(nc.stories(texts, dates=df["published"]), df["published"], by=sites)
    assert all("." not in t.get_text().split(" (")[0] for t in ax.get_yticklabels())
    assert all(label.endswith(".com") for label in ax.get_legend_handles_labels()[1])
