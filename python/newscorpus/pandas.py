"""pandas glue: the ``.news`` accessor on Series of article texts.

Importing newscorpus registers it, so ``df["text"].news.normalize()`` works in a notebook.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._options import DEFAULTS

__all__ = ["NewsAccessor"]


@pd.api.extensions.register_series_accessor("news")
class NewsAccessor:
    """``Series.news``: newscorpus functions applied to a column of texts, keyed by its index."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def normalize(self, **options: Any) -> Any:
        """``newscorpus.normalize`` on this Series (a Series out, same index)."""
        from ._normalize import normalize

        return normalize(self._series, **options)

    def matching_key(self, **options: Any) -> pd.Series:
        """``newscorpus.matching_key`` on this Series."""
        from ._normalize import matching_key

        return matching_key(self._series, **options)

    def parse_articles(self, **options: Any) -> pd.DataFrame:
        """``newscorpus.parse_articles`` on this Series (a DataFrame with the same index)."""
        from ._normalize import parse_articles

        return parse_articles(self._series, **options)

    def detect_language(self, **options: Any) -> Any:
        """``newscorpus.detect_language`` on this Series (a Series of codes, same index)."""
        from ._normalize import detect_language

        return detect_language(self._series, **options)

    def junk(self, **options: Any) -> pd.Series:
        """``newscorpus.junk`` on this Series (why each text is junk, None for an article;
        same index)."""
        from .similarity import junk

        return junk(self._series, **options)

    def near_duplicates(self, threshold: float = DEFAULTS["threshold"], **options: Any) -> pd.DataFrame:
        """``newscorpus.near_duplicates`` on this Series (pairs named by index labels)."""
        from .similarity import near_duplicates

        return near_duplicates(self._series, threshold, **options)

    def clusters(self, threshold: float = DEFAULTS["threshold"], **options: Any) -> pd.Series:
        """``newscorpus.clusters`` on this Series (a Series of representative labels)."""
        from .similarity import clusters

        return clusters(self._series, threshold, **options)

    def relate(self, **options: Any) -> pd.DataFrame:
        """``newscorpus.relate`` on this Series (pairs named by index labels)."""
        from .similarity import relate

        return relate(self._series, **options)

    def stories(self, threshold: Any = None, **options: Any) -> pd.Series:
        """``newscorpus.stories`` on this Series (a Series of representative labels)."""
        from .similarity import stories

        return stories(self._series, threshold, **options)

    def top_k(self, k: int = DEFAULTS["k"], **options: Any) -> pd.DataFrame:
        """``newscorpus.top_k`` on this Series (neighbours named by index labels)."""
        from .similarity import top_k

        return top_k(self._series, k, **options)

    def minhash(self, **options: Any) -> Any:
        """``newscorpus.minhash`` on this Series (an array, rows in Series order)."""
        from .similarity import minhash

        return minhash(self._series, **options)

    def entities(self, **options: Any) -> pd.DataFrame:
        """``newscorpus.entities`` on this Series (``doc`` holds index labels)."""
        from ._entities import entities

        return entities(self._series, **options)

    def entity_counts(self, by: Any = None, **options: Any) -> Any:
        """``newscorpus.entity_counts`` on this Series; ``by`` aligns on its index."""
        from ._entities import entity_counts

        return entity_counts(self._series, by, **options)

    def cooccurrence(self, window: str = "document", **options: Any) -> pd.DataFrame:
        """``newscorpus.cooccurrence`` on this Series."""
        from ._entities import cooccurrence

        return cooccurrence(self._series, window, **options)

    def find_boilerplate(self, **options: Any) -> pd.DataFrame:
        """``newscorpus.find_boilerplate`` on this Series."""
        from ._normalize import find_boilerplate

        return find_boilerplate(self._series, **options)
