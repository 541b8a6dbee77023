"""Normalization behaviour, option by option."""

from __future__ import annotations

import pytest

import newscorpus as nc

CASES = [
    # Unicode clean-up
    ("zero\u200bwidth\ufeff soft\u00adhyphen", "zerowidth softhyphen"),
    ("nbsp\u00a0and\u2009thin\u3000ideographic", "nbsp and thin ideographic"),
    ("bell\x07 null\x00 esc\x1b", "bell null esc"),
    ("e\u0301t\u00e9", "\u00e9t\u00e9"),
    # Mojibake
    ("donâ€™t", "don't"),
    ("cafÃ©", "café"),
    ("â€œquotedâ€\u009d", '"quoted"'),
    # Correct text is never "repaired"
    ("SÃO PAULO, Ærøskøbing, naïve, Ça va", "SÃO PAULO, Ærøskøbing, naïve, Ça va"),
    # Punctuation
    ("\u2018a\u2019 \u201cb\u201d Trump\u02bcs 5\u2032", "'a' \"b\" Trump's 5'"),
    ("x \u2014 y \u2013 z \u2212 1\u2026", "x - y - z - 1..."),
    # Markup
    ("<p>One &amp; <b>two</b></p><p>Three</p>", "One & two\n\nThree"),
    ("&lt;IBM&gt; said", "<IBM> said"),
    ("## Heading\n\n**Bold** and *italic* and [link](http://x.y) ![img](a.png)", "Heading\n\nBold and italic and link"),
    ("see <https://example.com/a>", "see https://example.com/a"),
    ("snake_case and 2 * 3", "snake_case and 2 * 3"),
    # Layout
    ("a   b\t\tc", "a b c"),
    ("Line\r\nBreaks\rHere", "Line\nBreaks\nHere"),
    ("para one\n\n\n\nPara two", "para one\n\nPara two"),
    ("hyphen-\nated, hyphenated", "hyphenated, hyphenated"),
    # A wire story wrapped at a compound's hyphen keeps it; a full stop ends a paragraph
    # that a lowercase word starts ("iPhone", "eBay").
    ("a state-\nowned firm", "a state-owned firm"),
    ("Apple reported results.\n\niPhone sales rose.", "Apple reported results.\n\niPhone sales rose."),
    ("the U.S.\n\npresident", "the U.S. president"),
    ("he said so.In Moscow", "he said so. In Moscow"),
    ("U.S. 3.5 www.site.Com e.g. Ph.D.", "U.S. 3.5 www.site.Com e.g. Ph.D."),
    # Boilerplate
    ("Body.\nFollow us on Twitter\nMore body.", "Body.\nMore body."),
    ("The body of the article has eight words.\nX\nMore body.", "The body of the article has eight words.\nMore body."),
    (" date 2025-02-10 The text.", "The text."),
    ("Body.\nOriginal url:\n\n<https://x.y/z>", "Body."),
    # Degenerate input
    ("", ""),
    ("   \n\t\n  ", ""),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_default_normalization(raw, expected):
    assert nc.normalize([raw]) == [expected]


def test_switches_turn_steps_off():
    raw = "<b>Trump\u02bcs</b>   donâ€™t"
    assert nc.normalize([raw], strip_markup=False)[0].startswith("<b>")
    assert "\u02bc" in nc.normalize([raw], fold_punctuation=False)[0]
    assert "â€" in nc.normalize([raw], fix_mojibake=False)[0]
    assert nc.normalize(["Body.\nFollow us on Twitter"], boilerplate=False) == ["Body.\nFollow us on Twitter"]
    assert nc.normalize(["so.In"], fix_spacing=False) == ["so.In"]


def test_case_accents_ascii_and_forms():
    assert nc.normalize(["Straße ÉTÉ"], case="lower") == ["straße été"]
    assert nc.normalize(["Straße ÉTÉ"], case="casefold") == ["strasse été"]
    assert nc.normalize(["Zürich café"], strip_accents=True) == ["Zurich cafe"]
    assert nc.normalize(["Москва Łódź"], ascii=True) == ["Moskva Lodz"]
    assert nc.normalize(["ﬁne ①"], unicode="NFKC") == ["fine 1"]
    assert nc.normalize(["ﬁne"], unicode="NFC") == ["ﬁne"]
    assert nc.normalize(["a\n\nb\nC"], paragraphs="flatten") == ["a b C"]


def test_casefold_agrees_with_python_on_letters_news_uses():
    text = "Straße ΣΊΣΥΦΟΣ İstanbul Ǆemal ŉ µ ﬁ Ĳssel"
    assert nc.normalize([text], case="casefold", fold_punctuation=False)[0] == text.casefold()


def test_matching_key():
    key = nc.matching_key(["<p>Café  “Noir”</p>\n\nÇA VA? Trumpʼs"])[0]
    assert key == 'cafe "noir" ca va? trump\'s'


def test_offsets_map_spans_back():
    original = "<p>**Kremlin** spokesman&nbsp;Dmitry\u00a0Peskov said “no”.</p>"
    row = nc.normalize([original], offsets=True).iloc[0]
    assert row.text == 'Kremlin spokesman Dmitry Peskov said "no".'
    assert row.offsets.shape == (len(row.text), 2)
    for word in ["Kremlin", "Dmitry Peskov", "said"]:
        start = row.text.index(word)
        a, b = nc.original_span(row.offsets, start, start + len(word))
        assert original[a:b].replace("\u00a0", " ") == word
    start = row.text.index('"no"')
    a, b = nc.original_span(row.offsets, start, start + 4)
    assert original[a:b] == "“no”"


def test_offsets_frame_for_series_and_missing():
    import pandas as pd

    out = nc.normalize(pd.Series(["a&amp;b", None], index=[5, 6]), offsets=True)
    assert list(out.columns) == ["text", "offsets"]
    assert out.index.tolist() == [5, 6]
    assert out.loc[5, "text"] == "a&b"
    assert out.loc[5, "offsets"].tolist() == [[0, 1], [1, 6], [6, 7]]
    assert out.loc[6, "offsets"] is None


def test_original_span_checks_bounds():
    row = nc.normalize(["abc"], offsets=True).iloc[0]
    assert nc.original_span(row.offsets, 3, 3) == (3, 3)
    with pytest.raises(nc.OptionError):
        nc.original_span(row.offsets, 2, 9)


def test_remove_lines_accepts_lists_and_frames():
    docs = ["Story.\nSupport our newsroom today, reader!"]
    assert nc.normalize(docs, remove_lines=["support our NEWSROOM today reader"]) == ["Story."]
    with pytest.raises(nc.OptionError):
        nc.normalize(docs, remove_lines="not a list")
    with pytest.raises(nc.OptionError):
        nc.normalize(docs, remove_lines=[1, 2])


def test_normalize_defaults_are_the_cores_own():
    # One set of defaults: newscorpus.normalize's signature, the native options' keywords
    # and the core's Options::default (which entities normalizes with) must agree.
    import inspect

    from newscorpus import _native
    from newscorpus._normalize import _options

    params = inspect.signature(nc.normalize).parameters
    defaults = {k: p.default for k, p in params.items()
                if p.default is not inspect.Parameter.empty and k not in ("n_threads", "progress")}
    core = repr(_native.NormalizeOptions.core_default())
    assert repr(_options(**defaults)) == core
    assert repr(_native.NormalizeOptions()) == core
