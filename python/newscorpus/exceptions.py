"""Exceptions raised by newscorpus.

Every error newscorpus raises derives from :class:`NewsCorpusError`; the subclasses also
derive from the built-in exception a caller would expect (``ValueError``, ``TypeError``),
so ``except ValueError`` keeps working.
"""

from types import FrameType
from typing import Optional

__all__ = [
    "NewsCorpusError",
    "OptionError",
    "InputTypeError",
    "InputValueError",
    "IndexFileError",
    "NewsCorpusWarning",
]


class NewsCorpusError(Exception):
    """Base class of every newscorpus error (also raised for internal errors and panics)."""


class OptionError(NewsCorpusError, ValueError):
    """An option has a value outside the allowed ones; the message names both."""


class InputTypeError(NewsCorpusError, TypeError):
    """The texts are not a sequence of str, or one element is not a str or missing value."""


class InputValueError(NewsCorpusError, ValueError):
    """A text cannot be processed as asked (e.g. a lone surrogate with ``errors="strict"``)."""


class IndexFileError(NewsCorpusError, ValueError):
    """A saved index file is truncated, corrupted, or not a newscorpus index."""


class NewsCorpusWarning(UserWarning):
    """A result holds less than was asked for, on purpose (e.g. texts in a language entity
    extraction does not support were left out); the message says what and how to change it."""


def warn(message: str) -> None:
    """A ``NewsCorpusWarning`` pointing at the user's line: the first caller outside this
    package, however many of its frames (the polars wrapper, a public function, a helper)
    stand between."""
    import os
    import sys
    import warnings

    package = os.path.dirname(os.path.abspath(__file__)) + os.sep
    level = 2
    frame: Optional[FrameType] = sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, NewsCorpusWarning, stacklevel=level)
