"""Views for notebooks: a pair of articles side by side with the passages they share
highlighted, a text with its entities highlighted, and a story's articles by date and
outlet. Each view is an object whose
``_repr_html_`` Jupyter renders; its ``repr`` is a plain-text summary for terminals.
"""

from __future__ import annotations

import html
from typing import Any, Optional

import numpy as np
import pandas as pd

from ._options import DEFAULTS
from .exceptions import InputValueError

__all__ = ["show_pair", "show_entities", "show_story", "PairView", "EntityView", "StoryView"]

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
        return (f"PairView({self.labels[0]!r} vs {self.labels[1]!r}: {_count(len(self.passages), 'shared passage')}, "
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
            f'<div><div style="margin-bottom:4px">{_count(len(self.passages), "shared passage")} &middot; {figures}</div>'
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
    _check_mentions_of(text, mentions)
    return EntityView(text, mentions.reset_index(drop=True))


def _check_mentions_of(text: str, mentions: pd.DataFrame) -> None:
    """``mentions`` must be ``text``'s: of one document, each within the text and, where
    the table says what was written (its ``text`` column), written there. Else an error:
    a whole corpus' table highlights other articles' names at their offsets in this one."""
    if "doc" in mentions and mentions["doc"].nunique(dropna=False) > 1:
        raise InputValueError(f"mentions holds {mentions['doc'].nunique(dropna=False)} documents: pass one "
                              "document's rows, e.g. ents[ents['doc'] == label]")
    if len(mentions) == 0:
        return
    if not {"start", "end"} <= set(mentions.columns):
        raise InputValueError("mentions needs the columns start and end (an entities() result)")
    if int(mentions["end"].max()) > len(text) or int(mentions["start"].min()) < 0:
        raise InputValueError("mentions has offsets outside the text: are they another text's?")
    if "text" in mentions:
        written = [text[s:e] for s, e in zip(mentions["start"], mentions["end"])]
        wrong = [i for i, (w, m) in enumerate(zip(written, mentions["text"])) if w != m]
        if wrong:
            i = wrong[0]
            raise InputValueError(f"mentions are not of this text: {mentions['text'].iloc[i]!r} is written "
                                  f"{written[i]!r} at its offsets here")


def _count(n: int, noun: str) -> str:
    """"1 shared passage", "3 shared passages"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class StoryView:
    """A story's articles by date and outlet, with what it is about (see ``show_story``)."""

    def __init__(self, summary: pd.Series, articles: pd.DataFrame) -> None:
        self.summary, self.articles = summary, articles

    def _headline(self) -> str:
        s = self.summary
        parts = [f"{int(s['articles'])} articles"]
        if "outlets" in s:
            parts.append(f"{int(s['outlets'])} outlets")
        if "first" in s and pd.notna(s["first"]):
            parts.append(f"{s['first']:%Y-%m-%d %H:%M} to {s['last']:%Y-%m-%d %H:%M}")
        if s.get("about"):
            parts.append(f"about {s['about']}")
        return ", ".join(parts)

    def __repr__(self) -> str:
        label = self.summary["story"]
        label = label.item() if isinstance(label, np.generic) else label
        return f"StoryView({label!r}: {self._headline()})"

    def _repr_html_(self) -> str:
        cell = "vertical-align:top;padding:4px 6px;border-bottom:1px solid #ddd;font-size:90%;text-align:left"
        heads = [c for c in ("date", "outlet") if c in self.articles] + ["label", "title"]
        rows = []
        for r in self.articles.itertuples(index=False):
            cells = []
            for c in heads:
                value = getattr(r, c)
                if c == "date":
                    value = "" if pd.isna(value) else f"{value:%Y-%m-%d %H:%M}"
                elif c == "title":
                    lead = html.escape(str(r.lead))
                    cells.append(f'<td style="{cell}"><b>{html.escape(str(value))}</b>'
                                 f'<br><span style="color:#555">{lead}</span></td>')
                    continue
                cells.append(f'<td style="{cell}">{html.escape("" if value is None else str(value))}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        header = "".join(f'<th style="{cell}">{h}</th>' for h in heads)
        return (f'<div><div style="margin-bottom:4px"><b>Story {html.escape(str(self.summary["story"]))}</b>: '
                f"{html.escape(self._headline())}</div>"
                f'<table style="border-collapse:collapse"><tr>{header}</tr>{"".join(rows)}</table></div>')


def _lead(text: Any, title: Optional[str], chars: int) -> str:
    """What follows an article's headline taken from its text (its next lines; in a one-line
    text, what follows the words the title shows), or, with ``title`` None (a headline given
    apart), the text's beginning; spaces collapsed, cut at ``chars`` characters."""
    if not isinstance(text, str):
        return ""
    text = text.strip()
    if title is None:
        body = " ".join(text.split())
    elif "\n" in text:
        body = " ".join(text.split("\n", 1)[1].split())
    else:
        # (The title may be the text's start cleaned: found where it starts, else none cut.)
        body, shown = " ".join(text.split()), title.removesuffix("…")
        at = body.find(shown[:40]) if shown else -1
        body = body[at + len(shown):].strip() if at >= 0 else body
    return body[:chars] + ("…" if len(body) > chars else "")


def show_story(texts: Any, stories: Any, story: Any, *, dates: Any = None, outlets: Any = None,
               titles: Any = None, about: int = 3, lead: int = 300) -> StoryView:
    """One story of a ``stories`` result in a notebook: its articles by date (corpus order
    without dates) with their outlet, headline and lead, under what the story is about
    (see ``story_table``; here each name's rarity is read from up to 500 other articles of
    the corpus, drawn with a fixed seed).

    Args:
        texts: The texts ``stories`` was given.
        stories: What ``stories(texts, ...)`` returned.
        story: The label of the story to show (a value of ``stories``).
        dates, outlets, titles: As in ``story_table`` (with ``titles``, each article's lead
            is its text's beginning; an article without a title shows its first line as
            one, as without ``titles``).
        about: How many names say what the story is about (0: none).
        lead: Characters of each article shown after its headline.

    Examples:
        >>> import newscorpus as nc
        >>> texts = nc.load_sample().set_index("id")["text"]
        >>> groups = nc.stories(texts)
        >>> view = show_story(texts, groups, groups["port-strike-1"])
        >>> "<table" in view._repr_html_(), len(view.articles) >= 2
        (True, True)
    """
    from ._input import as_texts, frame_index, read_dates
    from .exceptions import OptionError
    from .similarity import _aligned, _outlets, _title, _titles, story_table

    t = as_texts(texts)
    labels = _aligned(t, stories, "stories")
    members = np.flatnonzero((labels == story).to_numpy())
    if not len(members):
        raise OptionError(f"no story {story!r} in stories")
    names = pd.Series(frame_index(t).to_flat_index())
    # What the story is about is read against up to 500 other articles drawn with a fixed
    # seed (a name every article of the corpus writes says little), not the whole corpus.
    others = np.setdiff1d(np.arange(len(t.values)), members)
    background = np.sort(np.random.default_rng(0).choice(others, size=min(500, len(others)), replace=False))
    read = np.concatenate([members, background])
    rest = object()  # the background's label: no story's

    def column(values: Any, name: str) -> Optional[list]:
        """``values`` aligned with the texts, for the articles read (the story's first)."""
        return None if values is None else _aligned(t, values, name).iloc[read].tolist()

    when, head = column(dates, "dates"), column(titles, "titles")
    outlet = None if outlets is None else _outlets(t, outlets).iloc[read].tolist()
    keyed = pd.Series([t.values[p] for p in read], index=names.iloc[read].to_numpy(), dtype=object)
    table = story_table(keyed, [story] * len(members) + [rest] * len(background), dates=when, outlets=outlet,
                        titles=head, min_size=1, about=about)
    summary = table[[k is not rest for k in table["story"]]].iloc[0]
    m = len(members)
    sub = keyed.iloc[:m].tolist()
    articles = pd.DataFrame({"label": names.iloc[members].tolist()})
    if when is not None:
        articles["date"] = read_dates(pd.Series(when[:m]))
    if outlet is not None:
        articles["outlet"] = outlet[:m]
    # An article without a title (no titles given, or a gap in them) shows its first line
    # as one, and its lead after that line; a given title leaves the lead its text's
    # beginning.
    given = [""] * m if head is None else [_title(x) for x in head[:m]]
    articles["title"] = [g or c for g, c in zip(given, _titles(sub))]
    articles["lead"] = [_lead(x, None if g else title, lead) for x, g, title in zip(sub, given, articles["title"])]
    if dates is not None:
        articles = articles.sort_values("date", kind="stable", na_position="last")
    return StoryView(summary, articles.reset_index(drop=True))
