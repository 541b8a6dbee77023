"""Notebook views: a pair side by side with shared passages, a text with its entities."""

from __future__ import annotations

import newscorpus as nc


def test_pair_view_marks_the_shared_passage_in_both_texts():
    quote = "many different communications are emerging from the talks"
    a = f"Peskov <told> TASS that {quote}, he said."
    b = f"The Kremlin said: {quote.capitalize()}, Peskov added & left."
    view = nc.show_pair(a, b, min_words=5, labels=("tass.com", "<rt>"))
    page = view._repr_html_()
    assert page.count("<mark") == 2 and "&lt;told&gt;" in page and "&amp; left" in page and "&lt;rt&gt;" in page
    assert f">{quote}</mark>" in page and f">{quote.capitalize()}</mark>" in page
    assert set(view.scores) == {"jaccard", "cosine", "story"} and "1 shared passages" in repr(view)
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
