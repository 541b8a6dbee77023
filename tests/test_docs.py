"""The examples in the public docstrings run and give what they show."""

from __future__ import annotations

import doctest

import pytest

import newscorpus
from newscorpus import _entities, _normalize, datasets, similarity


@pytest.mark.parametrize("module", [_normalize, datasets, similarity, _entities], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_every_public_name_is_documented():
    for name in newscorpus.__all__:
        obj = getattr(newscorpus, name)
        if name == "__version__":
            continue
        assert (obj.__doc__ or "").strip(), f"{name} has no docstring"
    for name in ["normalize", "matching_key", "parse_articles", "find_boilerplate", "original_span", "relate",
                 "stories", "top_k", "entities", "entity_counts", "cooccurrence", "Gazetteer"]:
        assert "Examples:" in getattr(newscorpus, name).__doc__, name
