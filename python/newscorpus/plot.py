"""Plots for notebooks: entity mentions over time, story timelines, a similarity heatmap and
a co-occurrence network (``pip install 'newscorpus[plot]'``: matplotlib; networkx, when
installed, lays out the network).

Each function takes a table newscorpus returns, draws on a matplotlib ``Axes`` (a new
figure unless ``ax=`` is given) and returns it, so a plot can be titled, resized or saved
as usual::

    import newscorpus as nc
    from newscorpus import plot

    ents = nc.entities(df["text"])
    plot.mentions_over_time(ents, df["published"], top=5, freq="W")
    plot.mentions_over_time(ents, df["published"], entities=["Donald Trump"], by=df["outlet"])
    plot.story_timeline(nc.stories(df["text"], dates=df["published"]), df["published"], by=df["outlet"])
    plot.similarity_heatmap(nc.similarity_matrix(df["text"], metric="cosine"), labels=df["outlet"])
    plot.cooccurrence_network(nc.cooccurrence(mentions=ents), top=30)

The numbers behind each plot are newscorpus tables themselves: ``entity_counts(mentions=ents,
by=period)`` for mentions over time, ``stories`` with the dates for a timeline.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

import numpy as np
import pandas as pd

from ._entities import _check_positional
from ._input import read_dates, site
from .display import _TYPE_COLOURS
from .exceptions import InputValueError, OptionError, warn

__all__ = ["mentions_over_time", "story_timeline", "similarity_heatmap", "cooccurrence_network"]


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - the extra is documented
        raise ImportError("newscorpus.plot needs matplotlib: pip install 'newscorpus[plot]'") from None
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _date_axis(ax: Any) -> None:
    """Dates on the x axis that do not overlap (matplotlib's concise labels)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _per_document(values: Any, docs: pd.Series, name: str) -> pd.Series:
    """``values`` (a Series aligned by the documents' index labels, or a sequence by
    position) looked up for each of ``docs`` (labels or positions, as ``entities`` and
    ``stories`` give them)."""
    if isinstance(values, pd.Series):
        if not values.index.is_unique:
            raise InputValueError(f"{name} has repeated index labels: documents cannot be told apart")
        missing = ~docs.isin(values.index)
        if missing.any():
            raise InputValueError(f"{name} has no value for document {docs[missing].iloc[0]!r}")
        return pd.Series(values.reindex(docs.to_numpy()).to_numpy(), index=docs.index)
    values = list(values)
    pos = docs.to_numpy()
    if not np.issubdtype(pos.dtype, np.integer) or (len(pos) and (pos.min() < 0 or pos.max() >= len(values))):
        raise InputValueError(f"{name} is a sequence: the documents must be positions into it "
                              "(pass a Series aligned by index labels otherwise)")
    return pd.Series([values[p] for p in pos], index=docs.index)


def _groups(by: Any, docs: pd.Series) -> pd.Series:
    """Each document's group of ``by`` (``_per_document``), a web address as its site (as in
    entity_counts and story_table; read once a distinct value), "(none)" where missing."""
    groups = _per_document(by, docs, "by").astype(object)
    distinct = groups.dropna().unique()
    return groups.map(dict(zip(distinct, (site(v) for v in distinct)))).where(lambda v: v.notna(), "(none)")


def _dates(values: pd.Series, name: str) -> pd.Series:
    try:
        out = read_dates(values)
    except (TypeError, ValueError) as e:
        raise InputValueError(f"{name} must hold dates ({e})") from None
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_convert(None)
    return out


def mentions_over_time(mentions: pd.DataFrame, dates: Any, *, entities: Optional[Sequence[str]] = None,
                       top: int = 5, by: Any = None, freq: str = "W", ax: Any = None) -> Any:
    """Mentions of entities per period: one line an entity, or, with ``by``, one line an
    outlet (or other group) for one entity.

    Args:
        mentions: What ``entities()`` returned (its ``doc`` column names the documents).
        dates: Each document's date: a Series aligned by the documents' index labels (such
            as ``df["published"]`` when the texts were ``df["text"]``), or a sequence by
            position. Mentions of documents without a date are left out, with a warning.
        entities: Canonical names to draw; default the ``top`` most mentioned.
        top: How many entities to draw when ``entities`` is not given.
        by: A grouping of the documents, aligned as ``dates`` (such as ``df["outlet"]``):
            one line a group, for exactly one entity.
        freq: The period, as pandas writes it: "D", "W", "M" (month), "Q", "Y".
        ax: A matplotlib Axes to draw on.

    Returns:
        The Axes; periods with no mention are drawn as 0.
    """
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise OptionError(f"top must be a whole number of 1 or more, got {top!r}")
    try:
        pd.Period("2026-01-01", freq=freq)
    except (TypeError, ValueError):
        raise OptionError(f"freq={freq!r} is not a pandas period such as 'D', 'W', 'M'") from None
    if not {"doc", "canonical"} <= set(mentions.columns):
        raise OptionError("mentions must be a DataFrame from entities()")
    _check_positional(dates, mentions, "dates")
    _check_positional(by, mentions, "by")
    m = mentions[["doc", "canonical"]].copy()
    m["date"] = _dates(_per_document(dates, m["doc"], "dates"), "dates")
    if by is not None:
        m["group"] = _groups(by, m["doc"])
    undated = m["date"].isna()
    if undated.any():
        warn(f"mentions_over_time: {int(undated.sum())} mentions of documents without a date left out")
        m = m[~undated]
    if entities is None:
        names = m["canonical"].value_counts().head(1 if by is not None else int(top)).index.tolist()
    else:
        names = [entities] if isinstance(entities, str) else list(entities)
    if by is not None and len(names) != 1:
        raise OptionError(f"by= draws one line a group for one entity; got {len(names)} entities")
    m = m[m["canonical"].isin(names)]
    series = "group" if by is not None else "canonical"
    m["period"] = m["date"].dt.to_period(freq)
    table = m.groupby(["period", series]).size().unstack(series, fill_value=0)
    if len(table):
        table = table.reindex(pd.period_range(table.index.min(), table.index.max(), freq=freq), fill_value=0)
    order = names if by is None else table.sum().sort_values(ascending=False).index.tolist()
    ax = _axes(ax, (9, 4))
    x = table.index.to_timestamp() if len(table) else []
    for name in order:
        if name in table.columns:
            ax.plot(x, table[name].to_numpy(), marker="o", markersize=3, label=str(name))
    _date_axis(ax)
    ax.set_ylabel(f"mentions per period ({freq})")
    ax.set_title(f"{names[0]} by {getattr(by, 'name', None) or 'group'}" if by is not None
                 else "mentions over time")
    if len(ax.get_lines()):
        ax.legend(loc="upper left", fontsize="small")
    return ax


def story_timeline(stories: Any, dates: Any, *, by: Any = None, top: int = 10, ax: Any = None) -> Any:
    """The largest stories as rows of their articles by date, coloured by outlet.

    Args:
        stories: What ``stories()`` returned: a Series of story ids (by index label) or a
            list (by position).
        dates: Each article's date, aligned as ``stories``.
        by: Each article's outlet (or other group), aligned as ``stories``: the colours.
        top: How many stories, largest first (stories of one article are not drawn).
        ax: A matplotlib Axes to draw on.

    Returns:
        The Axes: one row a story, labelled with its id and size.
    """
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise OptionError(f"top must be a whole number of 1 or more, got {top!r}")
    s = stories if isinstance(stories, pd.Series) else pd.Series(list(stories))
    docs = pd.Series(s.index, index=s.index)
    # (The ids as given: stories() gives pandas' nullable Int64 when a text is missing,
    # which to_numpy() would make floats, "8.0".)
    frame = pd.DataFrame({"story": s.array}, index=s.index)
    frame["date"] = _dates(_per_document(dates, docs, "dates"), "dates").to_numpy()
    frame["group"] = _groups(by, docs).to_numpy() if by is not None else "articles"
    frame = frame[frame["story"].notna() & frame["date"].notna()]
    sizes = frame["story"].value_counts()
    chosen = sizes[sizes >= 2].head(int(top))
    ax = _axes(ax, (9, 0.5 * max(len(chosen), 2) + 1.5))
    groups = sorted(frame.loc[frame["story"].isin(chosen.index), "group"].unique(), key=str)
    colours = {g: f"C{i % 10}" for i, g in enumerate(groups)}
    labelled: set[Any] = set()
    for row, story in enumerate(chosen.index):
        part = frame[frame["story"] == story]
        for g in groups:
            members = part[part["group"] == g]
            if len(members):
                ax.scatter(members["date"], np.full(len(members), row), color=colours[g], s=30,
                           label=None if g in labelled else str(g))
                labelled.add(g)
        ax.hlines(row, part["date"].min(), part["date"].max(), color="0.8", zorder=0)
    _date_axis(ax)
    ax.set_yticks(range(len(chosen)))
    ax.set_yticklabels([f"{story} ({n})" for story, n in chosen.items()])
    ax.invert_yaxis()
    ax.set_title(f"the {len(chosen)} largest stories")
    if by is not None and len(groups):
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return ax


def similarity_heatmap(matrix: Any, labels: Any = None, *, ax: Any = None) -> Any:
    """A similarity matrix (``similarity_matrix``) as a heatmap from 0 to 1.

    Args:
        matrix: A 2-D array of scores in [0, 1].
        labels: Names of the rows (and columns, for a square matrix), such as the outlets
            or titles; shown when there are at most 60.
        ax: A matplotlib Axes to draw on.

    Returns:
        The Axes, with a colour bar.
    """
    values = np.asarray(matrix, dtype=np.float64)
    if values.ndim != 2:
        raise InputValueError(f"matrix must be 2-D, got {values.ndim} dimension(s)")
    names = None if labels is None else [str(x) for x in (labels.tolist() if hasattr(labels, "tolist") else labels)]
    if names is not None and len(names) != values.shape[0]:
        raise InputValueError(f"labels has {len(names)} names for {values.shape[0]} rows")
    ax = _axes(ax, (7, 6))
    image = ax.imshow(values, vmin=0.0, vmax=1.0, cmap="viridis", interpolation="nearest")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    if names is not None and len(names) <= 60:
        ax.set_yticks(range(len(names)))
        ax.set_yticklabels(names, fontsize="small")
        if values.shape[0] == values.shape[1]:
            ax.set_xticks(range(len(names)))
            ax.set_xticklabels(names, rotation=90, fontsize="small")
    ax.set_title("similarity")
    return ax


def cooccurrence_network(pairs: pd.DataFrame, *, top: int = 30, ax: Any = None) -> Any:
    """The strongest co-occurrences (``cooccurrence``) as a network: a node an entity,
    coloured by type, an edge a pair, as wide as its count.

    Args:
        pairs: What ``cooccurrence()`` returned (``a``, ``a_type``, ``b``, ``b_type``,
            ``count``).
        top: How many pairs, most frequent first.
        ax: A matplotlib Axes to draw on.

    Returns:
        The Axes. The layout is networkx's spring layout (seed 0) when networkx is
        installed, else a circle; the same input always gives the same picture.
    """
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise OptionError(f"top must be a whole number of 1 or more, got {top!r}")
    if not {"a", "a_type", "b", "b_type", "count"} <= set(pairs.columns):
        raise OptionError("pairs must be a DataFrame from cooccurrence()")
    edges = pairs.sort_values(["count", "a", "b"], ascending=[False, True, True], kind="stable").head(int(top))
    types: dict[str, str] = {}
    for name, kind in list(zip(edges["a"], edges["a_type"])) + list(zip(edges["b"], edges["b_type"])):
        types.setdefault(str(name), str(kind))
    nodes = list(types)
    try:
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(nodes)
        graph.add_weighted_edges_from((str(a), str(b), float(c)) for a, b, c in
                                      zip(edges["a"], edges["b"], edges["count"]))
        # Unweighted, with room between nodes: weights pull the strongest pairs into one
        # knot and leave the rest unreadable.
        spread = 2.5 / np.sqrt(max(len(nodes), 1))
        where = {k: tuple(v) for k, v in
                 nx.spring_layout(graph, seed=0, weight=None, k=spread, iterations=200).items()}
    except ImportError:
        angles = np.linspace(0, 2 * np.pi, num=max(len(nodes), 1), endpoint=False)
        where = {n: (float(np.cos(t)), float(np.sin(t))) for n, t in zip(nodes, angles)}
    ax = _axes(ax, (8, 8))
    most = float(edges["count"].max()) if len(edges) else 1.0
    for a, b, c in zip(edges["a"], edges["b"], edges["count"]):
        (xa, ya), (xb, yb) = where[str(a)], where[str(b)]
        ax.plot([xa, xb], [ya, yb], color="0.6", linewidth=0.5 + 4.5 * float(c) / most, zorder=1)
    for n in nodes:
        x, y = where[n]
        ax.scatter([x], [y], s=300, color=_TYPE_COLOURS.get(types[n], "#dddddd"), edgecolors="0.3", zorder=2)
        ax.annotate(n, (x, y), ha="center", va="center", fontsize="small", zorder=3)
    ax.set_axis_off()
    ax.set_title(f"the {len(edges)} strongest co-occurrences")
    return ax
