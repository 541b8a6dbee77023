"""Stubs for the native module (Rust, built with pyo3). Use the functions in ``newscorpus``;
these are the low-level entry points they call."""

from typing import Any, Optional

import numpy as np
import numpy.typing as npt

__version__: str

class NormalizeOptions:
    """Validated normalization options; see ``newscorpus.normalize`` for their meaning.

    Raises:
        OptionError: an option value is not one of the allowed ones.
    """

    def __init__(
        self,
        *,
        unicode: str = "NFC",
        fix_mojibake: bool = True,
        fold_punctuation: bool = True,
        strip_markup: bool = True,
        boilerplate: bool = True,
        remove_lines: list[str] = ...,
        paragraphs: str = "keep",
        fix_spacing: bool = True,
        case: str = "preserve",
        strip_accents: bool = False,
        ascii: bool = False,
        offsets: bool = False,
        errors: str = "replace",
        key: bool = False,
    ) -> None: ...

def normalize_texts(
    texts: list[Any], options: NormalizeOptions, n_threads: Optional[int] = None
) -> tuple[list[Optional[str]], Optional[list[Optional[npt.NDArray[np.int64]]]]]:
    """Normalize a list of str/missing values; offsets are None unless requested."""

def parse_articles(texts: list[Any], options: NormalizeOptions, n_threads: Optional[int] = None) -> dict[str, list[Any]]:
    """Columns title, date (ISO str), url, dateline, body, removed, as lists."""

def find_boilerplate(
    texts: list[Any], options: NormalizeOptions, min_docs: int, min_chars: int, n_threads: Optional[int] = None
) -> list[tuple[str, int, float]]:
    """(line, documents, overlap) for lines repeated in at least min_docs unlike documents."""

def after_fork_in_child() -> None:
    """Abandon worker threads inherited through fork(); new ones are built on demand."""

def default_threads() -> int:
    """Threads a call uses when n_threads is None."""

def _panic_for_tests() -> None:
    """Panic inside a worker thread (tests check it becomes NewsCorpusError)."""
