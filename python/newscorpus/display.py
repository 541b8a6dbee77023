"""Views for notebooks: a pair of articles side by side with the passages they share
highlighted, and a text with its entities highlighted. Each view is an object whose
``_repr_html_`` Jupyter renders; its ``repr`` is a plain-text summary for terminals.
"""

from __future__ import annotations

import html
from typing import Any, Optional

import pandas as pd

from ._options import DEFAULTS

__all__ = ["show_pair", "show_entities", "PairView", "EntityView"]

_TYPE_COLOURS = {"PER": "#fde2a7", "ORG": "#c9e4ff", "LOC": "#c8f0c8", "MISC": "#ead7ff"}


def _marked(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` as HTML with each ``(start, end, style, title)`` span in a ``<mark>``;
    spans must not overlap (later overlapping ones are dropped)."""
    out, at = [], 0
    for start, end, style, title in sorted(spans):
        if start < at or end <= start:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f'<mark style="{style}" title="{html.escape(title, quote=True)}">'
                   f"{html.escape(text[start:end])}</mark>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


class PairView:
    """Two articles side by side, the passages they share highlighted (see ``show_pair``)."""

    def __init__(self, a: str, b: str, passages: pd.DataFrame, scores: dict[str, float],
                 labels: tuple[str, str]) -> None:
        self.a, self.b, self.passages, self.scores, self.labels = a, b, passages, scores, labels

    def __repr__(self) -> str:
        figures = ", ".join(f"{k} {v:.2f}" for k, v in self.scores.items())
        return (f"PairView({self.labels[0]!r} vs {self.labels[1]!r}: {len(self.passages)} shared passages, "
                f"{figures})")

    def _repr_html_(self) -> str:
        style = "background:#ffe08a"
        a_spans = [(int(r.a_start), int(r.a_end), style, f"{r.words} words, also in {self.labels[1]}")
                   for r in self.passages.itertuples()]
        b_spans = [(int(r.b_start), int(r.b_end), style, f"{r.words} words, also in {self.labels[0]}")
                   for r in self.passages.itertuples()]
        figures = " &middot; ".join(f"{html.escape(k)} <b>{v:.2f}</b>" for k, v in self.scores.items())
        cell = "vertical-align:top;width:50%;padding:6px;border:1px solid #ddd;font-size:90%"
        return (
            f'<div><div style="margin-bottom:4px">{len(self.passages)} shared passages &middot; {figures}</div>'
            f'<table style="width:100%;table-layout:fixed;border-collapse:collapse"><tr>'
            f'<th style="{cell}">{html.escape(self.labels[0])}</th><th style="{cell}">{html.escape(self.labels[1])}</th>'
            f'</tr><tr><td style="{cell}">{_marked(self.a, a_spans)}</td>'
            f'<td style="{cell}">{_marked(self.b, b_spans)}</td></tr></table></div>'
        )


def show_pair(a: str, b: str, *, min_words: int = DEFAULTS["passage_min_words"], boilerplate: Any = None,
              labels: tuple[str, str] = ("a", "b")) -> PairView:
    """Two articles side by side in a notebook, the passages they share highlighted, with
    their Jaccard (word 3-grams), TF-IDF cosine and story score.

    Args:
        a, b: The two texts, as scraped.
        min_words: Shortest shared passage shown (see ``shared_passages``).
        boilerplate: Learned boilerplate (``find_boilerplate``) not to show as shared.
        labels: Column headings (e.g. the two outlets).

    Examples:
        >>> view = show_pair("The council voted to close the harbour bridge for two years.",
        ...                  "On Monday the council voted to close the harbour bridge for two years.", min_words=5)
        >>> view.passages["words"].tolist(), "<mark" in view._repr_html_()
        ([11], True)
    """
    from .similarity import paired_similarity, shared_passages

    passages = shared_passages(a, b, min_words=min_words, boilerplate=boilerplate)
    scores = {
        "jaccard": float(paired_similarity([a], [b], "jaccard")[0]),
        "cosine": float(paired_similarity([a], [b], "cosine", stop_words="english")[0]),
        "story": float(paired_similarity([a], [b], "story")[0]),
    }
    return PairView(a, b, passages, scores, labels)


class EntityView:
    """A text with its entity mentions highlighted by type (see ``show_entities``)."""

    def __init__(self, text: str, mentions: pd.DataFrame) -> None:
        self.text, self.mentions = text, mentions

    def __repr__(self) -> str:
        counts = self.mentions["type"].astype(str).value_counts().to_dict() if len(self.mentions) else {}
        return f"EntityView({len(self.text)} characters, {len(self.mentions)} mentions: {counts})"

    def _repr_html_(self) -> str:
        spans = [(int(r.start), int(r.end), f"background:{_TYPE_COLOURS.get(str(r.type), '#eee')}",
                  f"{r.type}: {r.canonical}") for r in self.mentions.itertuples()]
        legend = " ".join(f'<mark style="background:{c}">{t}</mark>' for t, c in _TYPE_COLOURS.items())
        return f'<div style="line-height:1.7"><div>{legend}</div><div>{_marked(self.text, spans)}</div></div>'


def show_entities(text: str, mentions: Optional[pd.DataFrame] = None) -> EntityView:
    """A text with its people, organisations, places and other names highlighted by type
    (hover a name for its canonical form), as displaCy shows them.

    Args:
        text: The text, as scraped.
        mentions: Its rows of an ``entities`` result (columns ``start``, ``end``, ``type``,
            ``canonical``; offsets into ``text``), e.g. ``ents[ents["doc"] == label]``, so
            names are resolved across the corpus. None extracts from ``text`` alone.

    Examples:
        >>> view = show_entities("Kremlin spokesman Dmitry Peskov said Vladimir Putin met Donald Trump in Riyadh.")
        >>> sorted(view.mentions["canonical"])[:2], "<mark" in view._repr_html_()
        (['Dmitry Peskov', 'Donald Trump'], True)
    """
    if mentions is None:
        from ._entities import entities

        mentions = entities([text], languages=None)
    return EntityView(text, mentions.reset_index(drop=True))
