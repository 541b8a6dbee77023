"""Exceptions raised by newscorpus.

Every error newscorpus raises derives from :class:`NewsCorpusError`; the subclasses also
derive from the built-in exception a caller would expect (``ValueError``, ``TypeError``),
so ``except ValueError`` keeps working.
"""

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
