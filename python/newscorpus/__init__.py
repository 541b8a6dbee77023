"""newscorpus: normalize, deduplicate and analyse corpora of news articles.

A Rust core (parallel, GIL-free) behind a pandas-friendly API::

    import pandas as pd
    import newscorpus as nc

    df = nc.load_sample()
    df["clean"] = df["text"].news.normalize()
    parts = nc.parse_articles(df["text"])
"""

from __future__ import annotations

import os as _os

from . import _native
from . import pandas as _pandas  # noqa: F401  (registers the .news accessor)
from ._normalize import detect_language, find_boilerplate, matching_key, normalize, original_span, parse_articles
from .datasets import load_sample
from ._entities import Gazetteer, cooccurrence, entities, entity_counts
from .similarity import (
    LSHIndex,
    cdist,
    clusters,
    junk,
    minhash,
    near_duplicates,
    paired_similarity,
    relate,
    shared_passages,
    similarity_matrix,
    stories,
    top_k,
)
from .exceptions import (
    IndexFileError,
    InputTypeError,
    InputValueError,
    NewsCorpusError,
    NewsCorpusWarning,
    OptionError,
)

__version__: str = _native.__version__

__all__ = [
    "__version__",
    "normalize",
    "matching_key",
    "parse_articles",
    "find_boilerplate",
    "original_span",
    "detect_language",
    "load_sample",
    "minhash",
    "near_duplicates",
    "paired_similarity",
    "clusters",
    "junk",
    "similarity_matrix",
    "cdist",
    "top_k",
    "relate",
    "stories",
    "shared_passages",
    "LSHIndex",
    "entities",
    "entity_counts",
    "cooccurrence",
    "Gazetteer",
    "NewsCorpusError",
    "OptionError",
    "InputTypeError",
    "InputValueError",
    "IndexFileError",
    "NewsCorpusWarning",
]

# Worker threads do not survive fork() (multiprocessing in notebooks): rebuild them in the child.
if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_native.after_fork_in_child)
