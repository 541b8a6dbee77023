"""Normalization, article parsing and boilerplate learning: the public functions."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, Optional

import numpy as np
import pandas as pd

from . import _native
from ._input import as_texts, frame_index, series_like
from .exceptions import OptionError

__all__ = ["normalize", "matching_key", "parse_articles", "find_boilerplate", "original_span"]


def _lines(remove_lines: Any) -> list[str]:
    """Learned boilerplate as a list of lines: a `find_boilerplate` DataFrame, a Series or
    any iterable of str."""
    if remove_lines is None:
        return []
    if isinstance(remove_lines, pd.DataFrame):
        if "text" not in remove_lines.columns:
            raise OptionError("remove_lines DataFrame needs a 'text' column (as find_boilerplate returns)")
        remove_lines = remove_lines["text"]
    if isinstance(remove_lines, str):
        raise OptionError("remove_lines must be a list of lines, not a single str")
    lines = list(remove_lines)
    bad = [type(x).__name__ for x in lines if not isinstance(x, str)]
    if bad:
        raise OptionError(f"remove_lines must hold str only, found {bad[0]}")
    return lines


def _options(**kwargs: Any) -> Any:
    kwargs["remove_lines"] = _lines(kwargs.get("remove_lines"))
    for name in ("fix_mojibake", "fold_punctuation", "strip_markup", "boilerplate", "fix_spacing",
                 "strip_accents", "ascii", "offsets", "key"):
        if name in kwargs and not isinstance(kwargs[name], (bool, np.bool_)):
            raise OptionError(f"{name} must be True or False, got {kwargs[name]!r}")
    for name in ("unicode", "paragraphs", "case", "errors"):
        if name in kwargs and not isinstance(kwargs[name], str):
            raise OptionError(f"{name} must be a str, got {type(kwargs[name]).__name__}")
    return _native.NormalizeOptions(**kwargs)


def normalize(
    texts: Iterable[Optional[str]],
    *,
    unicode: str = "NFC",
    fix_mojibake: bool = True,
    fold_punctuation: bool = True,
    strip_markup: bool = True,
    boilerplate: bool = True,
    remove_lines: Any = None,
    paragraphs: str = "keep",
    fix_spacing: bool = True,
    case: str = "preserve",
    strip_accents: bool = False,
    ascii: bool = False,
    offsets: bool = False,
    errors: str = "replace",
    n_threads: Optional[int] = None,
) -> Any:
    """Clean scraped article text. See the stub (`_normalize.pyi`) for the full docstring."""
    t = as_texts(texts)
    opts = _options(
        unicode=unicode, fix_mojibake=fix_mojibake, fold_punctuation=fold_punctuation,
        strip_markup=strip_markup, boilerplate=boilerplate, remove_lines=remove_lines,
        paragraphs=paragraphs, fix_spacing=fix_spacing, case=case, strip_accents=strip_accents,
        ascii=ascii, offsets=offsets, errors=errors,
    )
    out, maps = _native.normalize_texts(t.values, opts, n_threads)
    if not offsets:
        return series_like(out, t, texts)
    return pd.DataFrame({"text": pd.Series(out, dtype=object, index=frame_index(t)),
                         "offsets": pd.Series(maps, dtype=object, index=frame_index(t))})


def matching_key(
    texts: Iterable[Optional[str]],
    *,
    boilerplate: bool = True,
    remove_lines: Any = None,
    errors: str = "replace",
    n_threads: Optional[int] = None,
) -> Any:
    """The key that similarity and entity matching compare: normalized display text, then
    NFKC, case-folded, accents stripped, on one line."""
    t = as_texts(texts)
    opts = _options(boilerplate=boilerplate, remove_lines=remove_lines, errors=errors, key=True)
    out, _ = _native.normalize_texts(t.values, opts, n_threads)
    return series_like(out, t, texts)


def parse_articles(
    texts: Iterable[Optional[str]],
    *,
    boilerplate: bool = True,
    remove_lines: Any = None,
    errors: str = "replace",
    n_threads: Optional[int] = None,
    **normalize_options: Any,
) -> pd.DataFrame:
    """Split each article into title, date, url, dateline and normalized body."""
    if "offsets" in normalize_options:
        raise OptionError("parse_articles does not return offsets; call normalize(..., offsets=True) on the body")
    t = as_texts(texts)
    opts = _options(boilerplate=boilerplate, remove_lines=remove_lines, errors=errors, **normalize_options)
    cols = _native.parse_articles(t.values, opts, n_threads)
    index = frame_index(t)
    frame = pd.DataFrame({name: pd.Series(values, index=index, dtype=object) for name, values in cols.items()})
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    return frame


def find_boilerplate(
    texts: Iterable[Optional[str]],
    *,
    min_docs: Optional[int] = None,
    min_chars: int = 15,
    errors: str = "replace",
    n_threads: Optional[int] = None,
) -> pd.DataFrame:
    """Lines that repeat across many distinct articles: a site's appeal, newsletter box or
    standard disclaimer. Pass the result to ``normalize(..., remove_lines=...)``."""
    t = as_texts(texts)
    n_docs = sum(1 for v in t.values if isinstance(v, str))
    if min_docs is None:
        min_docs = max(5, math.ceil(n_docs / 100))
    if isinstance(min_docs, bool) or not isinstance(min_docs, (int, np.integer)):
        raise OptionError(f"min_docs must be a whole number of at least 2, got {min_docs!r}")
    if isinstance(min_chars, bool) or not isinstance(min_chars, (int, np.integer)):
        raise OptionError(f"min_chars must be a whole number, got {min_chars!r}")
    opts = _options(errors=errors)
    rows = _native.find_boilerplate(t.values, opts, int(min_docs), int(min_chars), n_threads)
    frame = pd.DataFrame(rows, columns=["text", "documents", "overlap"])
    frame["text"] = frame["text"].astype(object)
    frame["share"] = frame["documents"] / max(n_docs, 1)
    frame = frame[["text", "documents", "share", "overlap"]]
    return frame


def original_span(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Map the span ``start:end`` of a normalized text back to the original text, using the
    offsets that ``normalize(..., offsets=True)`` returned for it."""
    offsets = np.asarray(offsets)
    n = len(offsets)
    if not (0 <= start <= end <= n):
        raise OptionError(f"span {start}:{end} is outside the normalized text of length {n}")
    if start == end:
        if start < n:
            pos = int(offsets[start, 0])
        else:
            pos = int(offsets[n - 1, 1]) if n else 0
        return pos, pos
    return int(offsets[start:end, 0].min()), int(offsets[start:end, 1].max())
