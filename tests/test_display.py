"""Notebook views: a pair side by side with shared passages, a text with its entities."""

from __future__ import annotations

import pandas as pd
import pytest

import newscorpus as nc


def test_pair_view_marks_the_shared_passage_in_both_texts():
    quote = "many different communications are emerging from the talks"
    a = f"Peskov <told> TASS that {quote}, he said."
    b = f"The Kremlin said: {quote.capitalize()}, Peskov added & left."
    view = nc.show_pair(a, b, min_words=5, labels=("tass.com", "<rt>"))
    page = view._repr_html_()
    assert page.count("<mark") == 2 and "&lt;told&gt;" in page and "&amp; left" in page and "&lt;rt&gt;" in page
    assert f">{quote}</mark>" in page and f">{quote.capitalize()}</mark>" in page
    assert set(view.scores) == {"jaccard", "cosine", "story"} and "1 shared passage," in repr(view)
    assert nc.show_pair("a b c", "x y z").passages.empty


def test_entity_view_marks_each_mention_by_type():
    text = "Kremlin spokesman Dmitry Peskov said Vladimir Putin met Donald Trump in Riyadh."
    view = nc.show_entities(text)
    page = view._repr_html_()
    assert page.count("<mark") == len(view.mentions) + 4  # and the legend's four types
    assert 'title="PER: Vladimir Putin"' in page and ">Riyadh</mark>" in page
    ents = nc.entities([text, "Putin spoke."], languages=None)
    later = nc.show_entities("Putin spoke.", ents[ents["doc"] == 1])
    assert 'title="PER: Vladimir Putin"' in later._repr_html_()
    assert "mentions" in repr(later)


def test_story_table_one_row_a_story_largest_first():
    df = nc.load_sample()
    texts = df.set_index("id")["text"]
    groups = nc.stories(texts)
    table = nc.story_table(texts, groups, dates=df.set_index("id")["published"],
                           outlets=df.set_index("id")["outlet"])
    assert table.columns.tolist() == ["story", "articles", "outlets", "first", "last", "about", "title"]
    # Every story of two or more articles once, largest first; labels as stories gave them.
    sizes = groups.value_counts()
    assert sorted(table["story"]) == sorted(sizes.index[sizes >= 2])
    assert table["articles"].tolist() == sorted(table["articles"], reverse=True)
    assert table["articles"].sum() == (groups.map(sizes) >= 2).sum()
    strike = table[table["story"] == groups["port-strike-1"]].iloc[0]
    assert strike["articles"] == (groups == groups["port-strike-1"]).sum()
    assert strike["first"] <= strike["last"] and strike["outlets"] >= 2
    # Links of the articles count their sites, as the outlets' names do.
    links = "https://www." + df.set_index("id")["outlet"].str.replace(" ", "") + ".example/news/" + texts.index
    by_link = nc.story_table(texts, groups, outlets=links)
    assert by_link["outlets"].tolist() == table["outlets"].tolist()
    # What it is about: names most of its articles write, not the corpus' common ones.
    assert "Harbour Workers Union" in strike["about"] or "Tomas Reyes" in strike["about"]
    assert "Dockworkers" in strike["title"]
    # A list in: positions; min_size=1 keeps every text; about=0 extracts no entities.
    flat = nc.story_table(list(texts), nc.stories(list(texts)), min_size=1, about=0)
    assert flat["articles"].sum() == len(texts) and "about" not in flat.columns
    assert nc.story_table([], []).empty
    # Headlines given apart (a scraped title column) name the stories.
    heads = pd.Series([f"Headline of {k}" for k in texts.index], index=texts.index)
    titled = nc.story_table(texts, groups, titles=heads, about=0)
    assert titled["title"].tolist() == [f"Headline of {k}" for k in titled["story"]]
    view = nc.show_story(texts, groups, groups["port-strike-1"], titles=heads, about=0)
    assert view.articles["title"].str.startswith("Headline of").all()
    # A missing or blank title (scraped columns have gaps) is the text's first line.
    members = groups.index[groups == groups["port-strike-1"]]
    gaps = heads.astype(object)
    gaps[members[0]], gaps[members[1:]] = None, "  "
    holed = nc.story_table(texts, groups, titles=gaps, about=0)
    strike_title = holed.loc[holed["story"] == groups["port-strike-1"], "title"].iloc[0]
    assert strike_title == nc.story_table(texts, groups, about=0).set_index("story").loc[
        groups["port-strike-1"], "title"] and strike_title
    shown = nc.show_story(texts, groups, groups["port-strike-1"], titles=gaps, about=0).articles
    assert (shown["title"] != "").all() and not shown["title"].str.startswith("Headline of").any()
    assert view.articles["lead"].iloc[0][:20] in " ".join(str(texts[view.articles["label"].iloc[0]]).split())


def test_story_table_bad_input():
    import pytest

    from newscorpus.exceptions import InputValueError, OptionError

    for bad in ({"min_size": 0}, {"min_size": True}, {"about": -1}, {"about": 1.5}):
        with pytest.raises(OptionError):
            nc.story_table(["a"], [0], **bad)
    with pytest.raises(OptionError, match="stories has 1 values for 2 texts"):
        nc.story_table(["a", "b"], [0])
    with pytest.raises(InputValueError, match="missing"):
        nc.story_table(["a", "b"], [0, None])
    with pytest.raises(OptionError, match="no story"):
        nc.show_story(["a", "b"], [0, 1], 5)


def test_story_view_lists_articles_by_date_and_outlet():
    df = nc.load_sample().set_index("id")
    groups = nc.stories(df["text"])
    view = nc.show_story(df["text"], groups, groups["essen-flood-1"], dates=df["published"], outlets=df["outlet"])
    members = groups[groups == groups["essen-flood-1"]].index
    assert sorted(view.articles["label"]) == sorted(members)
    assert view.articles["date"].is_monotonic_increasing
    assert set(view.articles["outlet"]) == set(df.loc[members, "outlet"])
    page = view._repr_html_()
    assert page.count("<tr>") == len(members) + 1 and "Essen" in view.summary["about"]
    assert f"{len(members)} articles" in repr(view) and "about" in repr(view)
    # Without dates: corpus order, no date column.
    positions = nc.stories(list(df["text"]))
    plain = nc.show_story(list(df["text"]), positions, positions[0])
    assert "date" not in plain.articles.columns and plain.articles["label"].tolist() == sorted(plain.articles["label"])


def test_show_entities_refuses_another_texts_mentions_and_story_views_take_a_multiindex():
    # A whole corpus' mentions highlighted other articles' names at their offsets in this
    # one ("MARLOW B" labelled ORG: Veldoria); a MultiIndex crashed story_table.
    df = nc.load_sample()
    ents = nc.entities(df["text"])
    with pytest.raises(nc.InputValueError, match="31 documents"):
        nc.show_entities(df.at[0, "text"], ents)
    with pytest.raises(nc.InputValueError, match="not of this text"):
        nc.show_entities(df.at[1, "text"], ents[ents["doc"] == 0].drop(columns="doc"))
    assert len(nc.show_entities(df.at[0, "text"], ents[ents["doc"] == 0]).mentions) > 0
    m = df.set_index(["outlet", "id"])
    story = nc.stories(m["text"])
    table = nc.story_table(m["text"], story)
    assert isinstance(table["story"].iloc[0], tuple)
    assert "articles" in repr(nc.show_story(m["text"], story, story.iloc[0]))
    assert "1 shared passage," in repr(nc.show_pair(df.at[0, "text"], df.at[5, "text"]))
