"""The examples in the public docstrings run and give what they show."""

from __future__ import annotations

import doctest

import pytest

import newscorpus
from newscorpus import _entities, _normalize, datasets, display, similarity


@pytest.mark.parametrize("module", [_normalize, datasets, similarity, _entities, display], ids=lambda m: m.__name__)
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


def test_readme_python_blocks_run_as_written(tmp_path, monkeypatch):
    # Every ```python block of the README, in order, in one namespace, as a user pasting
    # them into a notebook would (files they write go to a temporary folder).
    import pathlib
    import re
    import warnings

    readme = (pathlib.Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 4
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for k, block in enumerate(blocks):
            try:
                exec(compile(block, f"README.md python block {k + 1}", "exec"), namespace)
            except Exception as e:  # pragma: no cover - the failure message is the point
                pytest.fail(f"README python block {k + 1} fails: {type(e).__name__}: {e}\n{block}")


def test_readme_describes_the_sample_corpus_as_the_demo_counts_it():
    import pathlib
    import re

    readme = (pathlib.Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    df = newscorpus.load_sample()
    words = {5: "five", 9: "nine", 31: "31"}
    said = re.search(r"\((\d+) short fictional articles on (\w+)\s+stories from (\w+) fictional outlets", readme)
    assert said, "the README's description of the sample corpus moved"
    assert said.group(1) == words[len(df)]
    assert said.group(2) == words[df["story"].nunique()]
    assert said.group(3) == words[df["outlet"].nunique()]
