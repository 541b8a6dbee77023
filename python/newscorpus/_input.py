"""Turning whatever sequence of texts a user has into a list, and results back into the
shape they came in (a Series in gives a Series or DataFrame out with the same index)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import pandas as pd

from .exceptions import InputTypeError


class Texts(NamedTuple):
    """Texts as a list of str/missing values, plus the index and name to put back."""

    values: list[Any]
    index: pd.Index | None  # type: ignore[assignment]  # shadows tuple.index, by design
    name: Any


def as_texts(texts: Any, what: str = "texts") -> Texts:
    """Accept a list, tuple, numpy array, pandas Series/Index, pyarrow Array/ChunkedArray or
    any other iterable of str. Missing values (None, NaN, pd.NA) are kept; the native layer
    checks each element's type and names the position of a bad one."""
    if isinstance(texts, (str, bytes)):
        raise InputTypeError(
            f"{what} must be a sequence of str, not a single {type(texts).__name__}; "
            f"wrap one text in a list: [{what}]"
        )
    if isinstance(texts, pd.DataFrame):
        raise InputTypeError(f"{what} is a DataFrame; pass one column, e.g. df['text']")
    if isinstance(texts, pd.Series):
        return Texts(texts.tolist(), texts.index, texts.name)
    if isinstance(texts, pd.Index):
        return Texts(texts.tolist(), None, None)
    if isinstance(texts, Mapping):
        raise InputTypeError(f"{what} is a mapping; pass its values, e.g. list(d.values())")
    module = type(texts).__module__
    if module.startswith("numpy"):
        if getattr(texts, "ndim", 1) != 1:
            raise InputTypeError(f"{what} must be one-dimensional, got an array of shape {texts.shape}")
        return Texts(texts.tolist(), None, None)
    if module.startswith("pyarrow"):
        return Texts(texts.to_pylist(), None, None)
    if isinstance(texts, list):
        # A shallow copy (pointers only): another thread that appends to or shrinks the
        # caller's list while the GIL is released between batches cannot change what this
        # call reads.
        return Texts(list(texts), None, None)
    if isinstance(texts, Iterable):
        return Texts(list(texts), None, None)
    raise InputTypeError(f"{what} must be a sequence of str, got {type(texts).__name__}")


def series_like(values: list[Any], texts: Texts, source: Any = None) -> Any:
    """A Series keyed like the input when it was a Series, else the plain list."""
    if texts.index is None:
        return values
    dtype = getattr(source, "dtype", None)
    if not isinstance(dtype, pd.StringDtype):
        dtype = object
    return pd.Series(values, index=texts.index, name=texts.name, dtype=dtype)


def frame_index(texts: Texts) -> pd.Index:
    """The index for a one-row-per-text DataFrame."""
    return texts.index if texts.index is not None else pd.RangeIndex(len(texts.values))


def site(value: Any) -> Any:
    """An outlet as compared: a web address stands for its site (``https://www.bbc.co.uk/
    news/x`` is ``bbc.co.uk``), so that a column of article links tells outlets apart as a
    column of their names does; any other value as it is."""
    if isinstance(value, str) and ("://" in value[:16] or value.startswith("www.")):
        from urllib.parse import urlsplit

        try:
            host = urlsplit(value if "://" in value[:16] else "//" + value).hostname or ""
        except ValueError:  # (not an address after all: "http://[oops")
            return value
        return host.removeprefix("www.") or value
    return value


def read_dates(values: Any, utc: bool = False) -> pd.Series:
    """Dates as ``pd.to_datetime`` reads them, unreadable ones missing: periods as their
    start ("2026-03" of a monthly column), and offsets that differ from one date to the
    next ("+01:00", "+03:00") in UTC rather than an error."""
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if isinstance(s.dtype, pd.PeriodDtype):
        s = s.dt.to_timestamp()
    elif s.dtype == object:
        s = s.map(lambda v: v.to_timestamp() if isinstance(v, pd.Period) else v)
    try:
        return pd.to_datetime(s, errors="coerce", utc=utc, format="mixed")
    except ValueError:
        if utc:
            raise
        return pd.to_datetime(s, errors="coerce", utc=True, format="mixed")


def shown(label: Any) -> Any:
    """A label as a message shows it: a numpy scalar as the Python value it holds (24,
    not ``np.int64(24)``)."""
    return label.item() if hasattr(label, "item") and type(label).__module__ == "numpy" else label
