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
from .display import show_entities, show_pair, show_story
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
    story_table,
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

# A polars Series in gives a polars Series or DataFrame out (polars itself stays optional).
from ._polars import polars_io as _polars_io, register_if_loaded as _register_polars  # noqa: E402

normalize = _polars_io(normalize)
matching_key = _polars_io(matching_key)
parse_articles = _polars_io(parse_articles)
detect_language = _polars_io(detect_language)
find_boilerplate = _polars_io(find_boilerplate)
minhash = _polars_io(minhash)
near_duplicates = _polars_io(near_duplicates)
paired_similarity = _polars_io(paired_similarity)
clusters = _polars_io(clusters)
junk = _polars_io(junk)
similarity_matrix = _polars_io(similarity_matrix)
top_k = _polars_io(top_k)
relate = _polars_io(relate)
stories = _polars_io(stories)
story_table = _polars_io(story_table)
entities = _polars_io(entities)
entity_counts = _polars_io(entity_counts)
cooccurrence = _polars_io(cooccurrence)
_register_polars()

__all__ = [
    "__version__",
    "normalize",
    "matching_key",
    "parse_articles",
    "find_boilerplate",
    "original_span",
    "detect_language",
    "load_sample",
    "show_pair",
    "show_entities",
    "show_story",
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
    "story_table",
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
