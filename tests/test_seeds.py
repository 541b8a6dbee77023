"""Acceptance on the five seed articles (one story, several outlets) in ../shared/seeds."""

from __future__ import annotations

import re

import pandas as pd

import newscorpus as nc


def word_shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def jaccard(a: str, b: str) -> float:
    x, y = word_shingles(a), word_shingles(b)
    return len(x & y) / len(x | y)


def test_seeds_parse_into_title_date_and_body(seeds):
    parts = nc.parse_articles(seeds)
    assert parts["date"].dt.strftime("%Y-%m-%d").fillna("-").tolist() == [
        "2025-02-10", "-", "2025-02-03", "-", "2025-02-03",
    ]
    assert parts["title"].tolist() == [
        None, None, None, None, "U.S. and Russia in 'Serious' Discussions About Ukraine War, Trump Says",
    ]
    assert parts.loc[4, "url"] == (
        "https://www.themoscowtimes.com/2025/02/03/us-and-russia-in-serious-discussions-about-ukraine-war-trump-says-a87837"
    )
    assert parts.loc[1, "dateline"] == "ABOARD AIR FORCE ONE/MOSCOW"
    bodies = parts["body"]
    assert bodies[0].startswith("The US President Donald Trump said the United States")
    assert bodies[1].startswith("U.S. President Donald Trump said on Sunday")
    assert bodies[2].startswith("U.S. President Donald Trump said Sunday")
    assert bodies[3].startswith("Donald Trump has reportedly admitted")
    assert bodies[4].startswith("U.S. President Donald Trump. Jacquelyn Martin")
    assert all(b.endswith(".") or b.endswith('"') or b.endswith(".\"") for b in bodies), bodies.str[-30:].tolist()
    assert "Original url" not in bodies[4] and "February 03, 2025" not in bodies[4]


def test_same_article_in_two_formats_matches_after_normalization(seeds):
    out = nc.normalize(seeds)
    assert jaccard(out[2], out[4]) >= 0.85
    parts = nc.parse_articles(seeds)
    assert jaccard(parts.loc[2, "body"], parts.loc[4, "body"]) >= 0.85


def test_appeal_footer_and_related_line_are_gone(seeds):
    out = nc.normalize(seeds)
    assert "Dear readers" not in out[2] and "Remind me later" not in out[2] and "support us monthly" not in out[2]
    assert out[2].rstrip().endswith('"areas of interest to both the U.S. and Russia."')
    assert "Original url" not in out[4] and "themoscowtimes.com" not in out[4]
    assert "Related article" not in out[4]
    assert "\nX\n" not in out[3]


def test_no_curly_quotes_or_modifier_apostrophes_remain(seeds):
    for text in nc.normalize(seeds):
        assert not set(text) & {"\u02bc", "\u2019", "\u201c", "\u201d", "\u2018"}
    assert "Trump's plans for war in Ukraine" in nc.normalize(seeds)[0]


def test_missing_space_after_full_stop_is_repaired(seeds):
    assert "how he would do so. In a Friday interview" in nc.normalize(seeds)[1]


def test_markdown_is_stripped_and_text_kept(seeds):
    out = nc.normalize(seeds)[4]
    assert "**" not in out and "[said](#)" not in out and "#" not in out
    assert "U.S. President Donald Trump said Sunday" in out


def test_offsets_point_into_the_seed(seeds):
    row = nc.normalize(pd.Series(seeds), offsets=True).iloc[4]
    start = row.text.index("Keith Kellogg")
    a, b = nc.original_span(row.offsets, start, start + len("Keith Kellogg"))
    assert seeds[4][a:b] == "Keith Kellogg"
    start = row.text.index("Trump said")
    a, b = nc.original_span(row.offsets, start, start + len("Trump said"))
    assert seeds[4][a:b] == "Trump [said"  # the link text, exactly; "](#)" was markup
