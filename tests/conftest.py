"""Shared fixtures: the real corpora in ../shared (tests skip cleanly when it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSCORPUS_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared corpora live beside the project)")
    return path


@pytest.fixture(scope="session")
def seeds() -> list[str]:
    """The five seed articles, in file-name order (000 ... 004)."""
    folder = need(SEEDS)
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 5, files
    return [f.read_text("utf-8") for f in files]


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return need(DATA)
