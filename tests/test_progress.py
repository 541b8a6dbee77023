"""progress=: a tqdm.auto bar over the texts of long calls (issue: notebook experience)."""

from __future__ import annotations

import sys

import pytest

import newscorpus as nc
from newscorpus import _native, _progress
from newscorpus.exceptions import NewsCorpusWarning, OptionError

TEXTS = ["Vladimir Putin met Donald Trump in Helsinki on Monday."] * 3000


class FakeBar:
    made: list[FakeBar] = []

    def __init__(self, total: int, desc: str, **_: object) -> None:
        self.total, self.desc, self.n, self.closed = total, desc, 0, False
        FakeBar.made.append(self)

    def update(self, n: int) -> None:
        self.n += n

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def bars(monkeypatch: pytest.MonkeyPatch) -> list[FakeBar]:
    pytest.importorskip("tqdm")
    import tqdm.auto

    FakeBar.made = []
    monkeypatch.setattr(tqdm.auto, "tqdm", FakeBar)
    return FakeBar.made


def test_progress_true_counts_every_text_once(bars: list[FakeBar]) -> None:
    ents = nc.entities(TEXTS, progress=True)
    out = nc.normalize(TEXTS + [None], progress=True)
    assert len(ents) == 3 * len(TEXTS) and len(out) == len(TEXTS) + 1
    assert [(b.desc, b.total, b.n, b.closed) for b in bars] == [
        ("entities", len(TEXTS), len(TEXTS), True),
        ("normalize", len(TEXTS) + 1, len(TEXTS) + 1, True),
    ]


def test_default_is_a_bar_only_in_a_notebook_for_long_calls(bars: list[FakeBar],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    nc.entities(TEXTS)
    assert bars == []  # not in a notebook
    monkeypatch.setattr(_progress, "in_notebook", lambda: True)
    nc.entities(TEXTS[:10])
    assert bars == []  # in a notebook, but a short call
    monkeypatch.setitem(_progress.SECONDS_OF_TEXT, "entities", 1000)
    nc.entities(TEXTS)
    assert [(b.desc, b.n) for b in bars] == [("entities", len(TEXTS))]
    nc.entities(TEXTS, progress=False)
    assert len(bars) == 1


def test_an_interrupt_from_the_bar_stops_the_call_and_clears_the_callback(bars: list[FakeBar],
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def stop(self: FakeBar, n: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(FakeBar, "update", stop)
    with pytest.raises(KeyboardInterrupt):
        nc.normalize(TEXTS * 20, progress=True)
    assert bars[0].closed
    seen: list[int] = []
    _native.set_progress(seen.append)
    _native.set_progress(None)
    nc.normalize(TEXTS)
    assert seen == []  # nothing left registered


def test_bad_values_and_no_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(OptionError):
        nc.entities(TEXTS[:2], progress="yes")  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # as if tqdm were not installed
    monkeypatch.setattr(_progress, "_warned", False)
    with pytest.warns(NewsCorpusWarning, match="tqdm"):
        out = nc.normalize(TEXTS[:2], progress=True)
    assert out == nc.normalize(TEXTS[:2])


def test_a_series_in_a_notebook_keeps_its_index(bars: list[FakeBar], monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    monkeypatch.setattr(_progress, "in_notebook", lambda: True)
    s = pd.Series(TEXTS[:50], index=[f"id{i}" for i in range(50)])
    out = s.news.normalize(progress=True)
    ents = s.news.entities(progress=True)
    assert isinstance(out, pd.Series) and out.index.equals(s.index)
    assert set(ents["doc"]) == set(s.index)
    assert [(b.desc, b.n) for b in bars] == [("normalize", 50), ("entities", 50)]


def test_relate_and_stories_bars_count_every_text_once(bars: list[FakeBar]) -> None:
    # The shingling pass reports nothing; the pair search and scoring move the bar to the
    # number of texts, once, whatever the number of batches or pairs.
    texts = [f"Flood in Essendale{i // 2}: the River Essen{i // 2} rose overnight, officials said." for i in range(500)]
    texts += [None, "", "An unrelated report on the Hamburg port strike over pay."]
    pairs = nc.relate(texts, progress=True)
    groups = nc.stories(texts, progress=True)
    assert len(pairs) > 0 and len(groups) == len(texts)
    assert [(b.desc, b.total, b.n, b.closed) for b in bars] == [
        ("relate", len(texts), len(texts), True),
        ("stories", len(texts), len(texts), True),
    ]
    nc.relate(texts, progress=False)
    assert len(bars) == 2
    # near_duplicates and clusters: the signature pass counts each text once.
    dups = nc.near_duplicates(texts + texts[:50], progress=True)
    reps = nc.clusters(texts + texts[:50], progress=True)
    assert len(dups) >= 50 and len(reps) == len(texts) + 50
    assert [(b.desc, b.total, b.n, b.closed) for b in bars[2:]] == [
        ("near_duplicates", len(texts) + 50, len(texts) + 50, True),
        ("clusters", len(texts) + 50, len(texts) + 50, True),
    ]
    with pytest.raises(OptionError, match="progress"):
        nc.relate(texts, progress="yes")
