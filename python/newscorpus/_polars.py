"""polars glue: a polars Series in gives a polars Series or DataFrame out.

polars is optional: nothing here imports it unless a polars object is passed in, so
``import newscorpus`` needs only numpy and pandas. A polars Series is read through pandas
(with its positions as the index) and the result converted back: a pandas Series becomes a
polars Series of the same name, a DataFrame a polars DataFrame (the positional index
dropped: rows are in the input's order, or carry positions in their own columns), a tuple
is converted item by item; arrays and scalars are returned as they are.
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable, TypeVar

import pandas as pd

from ._options import DEFAULTS

F = TypeVar("F", bound=Callable[..., Any])


def is_polars(value: Any) -> bool:
    """True for a polars Series (without importing polars)."""
    module = type(value).__module__
    return module.startswith("polars") and type(value).__name__ == "Series"


def _to_pandas(value: Any) -> Any:
    return value.to_pandas() if is_polars(value) else value


def to_polars(out: Any) -> Any:
    import polars as pl

    if isinstance(out, tuple):
        return tuple(to_polars(x) for x in out)
    if isinstance(out, pd.Series):
        if out.dtype == object and any(not isinstance(v, (str, type(None))) for v in out.head(100)):
            return out  # arrays or tuples per row: no polars column type fits them
        return pl.from_pandas(out.reset_index(drop=True))
    if isinstance(out, pd.DataFrame):
        try:
            return pl.from_pandas(out.reset_index(drop=True))
        except (TypeError, ValueError, pl.exceptions.PolarsError):  # arrays per row
            return out
    return out


def polars_io(fn: F) -> F:
    """Let ``fn`` take polars Series (any argument) and give polars results for them."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not any(is_polars(v) for v in (*args, *kwargs.values())):
            return fn(*args, **kwargs)
        out = fn(*(_to_pandas(a) for a in args), **{k: _to_pandas(v) for k, v in kwargs.items()})
        return to_polars(out)

    return wrapper  # type: ignore[return-value]


def register_namespace() -> None:
    """``pl.Series.news``: newscorpus's functions on a polars Series of texts."""
    import polars as pl

    if "news" in getattr(pl.Series, "_accessors", set()):
        return

    @pl.api.register_series_namespace("news")
    class PolarsNews:
        """``Series.news`` on a polars Series of article texts."""

        def __init__(self, series: Any) -> None:
            self._s = series

        def normalize(self, **options: Any) -> Any:
            from . import normalize

            return normalize(self._s, **options)

        def matching_key(self, **options: Any) -> Any:
            from . import matching_key

            return matching_key(self._s, **options)

        def detect_language(self, **options: Any) -> Any:
            from . import detect_language

            return detect_language(self._s, **options)

        def junk(self, **options: Any) -> Any:
            from . import junk

            return junk(self._s, **options)

        def parse_articles(self, **options: Any) -> Any:
            from . import parse_articles

            return parse_articles(self._s, **options)

        def entities(self, **options: Any) -> Any:
            from . import entities

            return entities(self._s, **options)

        # The corpus-level functions, as on the pandas accessor: pairs and entity tables
        # as polars DataFrames, one label a text as a polars Series (positions name texts).

        def near_duplicates(self, threshold: float = DEFAULTS["threshold"], **options: Any) -> Any:
            from . import near_duplicates

            return near_duplicates(self._s, threshold, **options)

        def clusters(self, threshold: float = DEFAULTS["threshold"], **options: Any) -> Any:
            from . import clusters

            return clusters(self._s, threshold, **options)

        def relate(self, **options: Any) -> Any:
            from . import relate

            return relate(self._s, **options)

        def stories(self, threshold: Any = None, **options: Any) -> Any:
            from . import stories

            return stories(self._s, threshold, **options)

        def entity_counts(self, **options: Any) -> Any:
            from . import entity_counts

            return entity_counts(self._s, **options)

        def cooccurrence(self, **options: Any) -> Any:
            from . import cooccurrence

            return cooccurrence(self._s, **options)


def register_if_loaded() -> None:
    """Register ``pl.Series.news`` when polars is already imported (importing polars
    here would slow ``import newscorpus`` for everyone)."""
    if "polars" in sys.modules:
        register_namespace()
