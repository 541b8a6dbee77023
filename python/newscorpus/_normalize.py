"""Normalization, article parsing and boilerplate learning: the public functions."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any, Optional

import numpy as np
import pandas as pd

from . import _native
from ._input import as_texts, frame_index, series_like
from ._options import DEFAULTS, check, text_value
from ._progress import progress_bar
from .exceptions import InputValueError, OptionError

__all__ = ["normalize", "matching_key", "parse_articles", "find_boilerplate", "original_span", "detect_language"]


def _lines(remove_lines: Any, name: str = "remove_lines") -> list[str]:
    """Learned boilerplate (option ``name``) as a list of lines: a `find_boilerplate`
    DataFrame (pandas or polars), a Series or any iterable of str."""
    if remove_lines is None:
        return []
    if type(remove_lines).__module__.startswith("polars") and hasattr(remove_lines, "to_pandas"):
        remove_lines = remove_lines.to_pandas()
    if isinstance(remove_lines, pd.DataFrame):
        if "text" not in remove_lines.columns:
            raise OptionError(f"{name} DataFrame needs a 'text' column (as find_boilerplate returns)")
        remove_lines = remove_lines["text"]
    if isinstance(remove_lines, str):
        raise OptionError(f"{name} must be a list of lines, not a single str")
    lines = list(remove_lines)
    bad = [type(x).__name__ for x in lines if not isinstance(x, str)]
    if bad:
        raise OptionError(f"{name} must hold str only, found {bad[0]}")
    return [text_value(f"{name}[{i}]", x) for i, x in enumerate(lines)]


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
    unicode: str = DEFAULTS["unicode"],
    fix_mojibake: bool = DEFAULTS["fix_mojibake"],
    fold_punctuation: bool = DEFAULTS["fold_punctuation"],
    strip_markup: bool = DEFAULTS["strip_markup"],
    boilerplate: bool = DEFAULTS["boilerplate"],
    remove_lines: Any = None,
    paragraphs: str = DEFAULTS["paragraphs"],
    fix_spacing: bool = DEFAULTS["fix_spacing"],
    case: str = DEFAULTS["case"],
    strip_accents: bool = DEFAULTS["strip_accents"],
    ascii: bool = DEFAULTS["ascii"],
    offsets: bool = DEFAULTS["offsets"],
    errors: str = DEFAULTS["errors"],
    n_threads: Optional[int] = None,
    progress: Optional[bool] = None,
) -> Any:
    """Clean scraped article text, for a whole corpus at once (in parallel, GIL released).

    Steps, in order: markup (HTML tags and entities, markdown: headings, bold and italic,
    links keep their text, images go, ``<url>`` autolinks keep the URL), mojibake repair
    (UTF-8 read as cp1252/Latin-1, e.g. "â€™" → "’"), invisible and control characters
    removed and odd spaces (NBSP, ...) made plain, Unicode normalization, punctuation
    folding, optional case/accents/ASCII, boilerplate removal, layout repair.

    Args:
        texts: Any sequence of str: list, tuple, numpy array, pandas Series (also
            Arrow-backed), pyarrow Array. None, NaN and pd.NA pass through as missing.
        unicode: "NFC" (default), "NFKC" (also folds compatibility forms: "ﬁ" → "fi",
            full-width letters) or "none".
        fix_mojibake: Repair UTF-8 that was decoded as Windows-1252 or Latin-1. Only
            complete, valid byte sequences are repaired, so correct text is left alone.
        fold_punctuation: Curly quotes, U+02BC and primes become ' and ", dashes and the
            minus sign become -, the ellipsis becomes "...".
        strip_markup: Remove HTML and markdown, keeping their text.
        boilerplate: Remove built-in site furniture: donation/subscription appeals at the
            end, "follow us on ..." lines, "Related article:" lines, photo credits,
            "Reporting by ...; Editing by ..." tails, one-word lines left by social-media
            embeds ("X", "Instagram"), a scraper's "date YYYY-MM-DD" prefix and an
            "Original url:" footer.
        remove_lines: Lines to remove as well, e.g. the DataFrame ``find_boilerplate``
            returns, or any list of str. Matching ignores case, accents, punctuation and
            spacing. An entry of 8 words or more (a learned passage) is also removed where
            it stands inside a longer line.
        paragraphs: "keep" (line breaks kept, blank-line runs become one paragraph break)
            or "flatten" (one line per text).
        fix_spacing: Rejoin "-\\n" hyphenation, join lines broken mid-sentence (a line
            starting in lowercase), insert the missing space in "so.In" (but not in
            "U.S.", "3.5" or URLs), collapse runs of spaces.
        case: "preserve", "lower" or "casefold" (lowercase plus ß → ss and similar).
        strip_accents: "é" → "e" (letters with no decomposition, like "ł", stay).
        ascii: Transliterate everything to ASCII ("Москва" → "Moskva"); characters with
            no transliteration are dropped.
        offsets: Also return, for every output character, the range of original
            characters it came from.
        errors: What to do with a lone surrogate: "replace" (with U+FFFD, one for one, so
            offsets stay aligned) or "strict" (raise InputValueError).
        n_threads: Threads to use; None uses one per core.
        progress: Show a progress bar (``tqdm.auto``): True, False, or None (default) for
            one in a notebook when the texts take more than a few seconds (about 300 MB).

    Returns:
        With ``offsets=False``: a list of str (or a Series with the input's index and
        name, when a Series came in). With ``offsets=True``: a DataFrame with columns
        ``text`` and ``offsets``, where ``offsets`` holds an int64 array of shape
        ``(len(text), 2)``: row ``i`` is the ``[start, end)`` range of original characters
        that output character ``i`` came from (see ``original_span``).

    Raises:
        InputTypeError: ``texts`` is not a sequence of str, or an element is neither a str
            nor a missing value (the message gives its position).
        OptionError: An option has a value outside the allowed ones.
        InputValueError: A lone surrogate with ``errors="strict"``.

    Examples:
        >>> print(normalize(["Trumpʼs “plan” — it’s <b>big</b>&amp;bold"])[0])
        Trump's "plan" - it's big&bold
        >>> normalize(["donâ€™t stop.Next one"]) == ["don't stop. Next one"]
        True
        >>> import pandas as pd
        >>> out = normalize(pd.Series({"a": "Ça  va", "b": None}), case="casefold", strip_accents=True)
        >>> out["a"], out.index.tolist(), bool(pd.isna(out["b"]))
        ('ca va', ['a', 'b'], True)
    """
    t = as_texts(texts)
    opts = _options(
        unicode=unicode, fix_mojibake=fix_mojibake, fold_punctuation=fold_punctuation,
        strip_markup=strip_markup, boilerplate=boilerplate, remove_lines=remove_lines,
        paragraphs=paragraphs, fix_spacing=fix_spacing, case=case, strip_accents=strip_accents,
        ascii=ascii, offsets=offsets, errors=errors,
    )
    with progress_bar(progress, t.values, "normalize"):
        out, maps = _native.normalize_texts(t.values, opts, check(n_threads=n_threads))
    if not offsets:
        return series_like(out, t, texts)
    return pd.DataFrame({"text": pd.Series(out, dtype=object, index=frame_index(t)),
                         "offsets": pd.Series(maps, dtype=object, index=frame_index(t))})


def matching_key(
    texts: Iterable[Optional[str]],
    *,
    boilerplate: bool = DEFAULTS["boilerplate"],
    remove_lines: Any = None,
    errors: str = DEFAULTS["errors"],
    n_threads: Optional[int] = None,
) -> Any:
    """The matching key that similarity and entity matching compare.

    It is the normalized display text (markup, mojibake, boilerplate and punctuation
    handled as in ``normalize``), then NFKC, case-folded, accents stripped, on one line.

    Args:
        texts: Any sequence of str (see ``normalize``).
        boilerplate: Remove built-in boilerplate first.
        remove_lines: Learned boilerplate lines to remove (see ``find_boilerplate``).
        errors: "replace" or "strict", for lone surrogates.
        n_threads: Threads to use; None uses one per core.

    Returns:
        A list of str, or a Series keyed like the input Series.

    Examples:
        >>> matching_key(["Café  “Noir”\\nSTRASSE"])
        ['cafe "noir" strasse']
    """
    t = as_texts(texts)
    opts = _options(boilerplate=boilerplate, remove_lines=remove_lines, errors=errors, key=True)
    out, _ = _native.normalize_texts(t.values, opts, check(n_threads=n_threads))
    return series_like(out, t, texts)


def parse_articles(
    texts: Iterable[Optional[str]],
    *,
    boilerplate: bool = DEFAULTS["boilerplate"],
    remove_lines: Any = None,
    errors: str = DEFAULTS["errors"],
    n_threads: Optional[int] = None,
    **normalize_options: Any,
) -> pd.DataFrame:
    """Split each scraped article into title, date, URL, dateline and normalized body.

    Recognised: a scraper's ``date YYYY-MM-DD`` prefix; a markdown ``# Title`` among the
    first lines, or a short first line followed by a blank line (a headline); a line that
    is only a date ("February 03, 2025", "3 Feb 2025", "2025-02-03", with an optional
    weekday and time); an "Original url:" footer or a final bare URL; an agency dateline
    at the start of the body ("LONDON (Reuters) -", "ABOARD AIR FORCE ONE/MOSCOW--").

    Args:
        texts: Any sequence of str (see ``normalize``).
        boilerplate: Remove built-in boilerplate from the body.
        remove_lines: Learned boilerplate lines to remove (see ``find_boilerplate``).
        errors: "replace" or "strict", for lone surrogates.
        n_threads: Threads to use; None uses one per core.
        **normalize_options: Other ``normalize`` options for the body.

    Returns:
        A DataFrame indexed like the input with columns ``title`` (str or None), ``date``
        (datetime64, NaT when absent), ``url``, ``dateline``, ``body`` (normalized text)
        and ``removed`` (list of the lines taken out: metadata first, then boilerplate).
        A missing text gives a row of missing values.

    Examples:
        >>> row = parse_articles(["# Talks resume\\n\\nFebruary 03, 2025\\n\\nLONDON (Reuters) - Talks resumed."]).iloc[0]
        >>> row.title, str(row.date.date()), row.dateline, row.body
        ('Talks resume', '2025-02-03', 'LONDON (Reuters)', 'Talks resumed.')
    """
    if "offsets" in normalize_options:
        raise OptionError("parse_articles does not return offsets; call normalize(..., offsets=True) on the body")
    t = as_texts(texts)
    opts = _options(boilerplate=boilerplate, remove_lines=remove_lines, errors=errors, **normalize_options)
    cols = _native.parse_articles(t.values, opts, check(n_threads=n_threads))
    index = frame_index(t)
    frame = pd.DataFrame({name: pd.Series(values, index=index, dtype=object) for name, values in cols.items()})
    # (One resolution whatever the dates: pandas picks its own from the values read.)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce").astype("datetime64[ns]")
    return frame


def find_boilerplate(
    texts: Iterable[Optional[str]],
    *,
    min_docs: Optional[int] = None,
    min_chars: int = 15,
    passages: bool = True,
    errors: str = DEFAULTS["errors"],
    n_threads: Optional[int] = None,
) -> pd.DataFrame:
    """Learn boilerplate from the corpus: lines and passages that repeat across many
    unrelated articles.

    A site's donation appeal, newsletter box or standard disclaimer stands, word for word,
    in many articles that otherwise have little in common. A repeated line whose
    documents share most of their text (copies of one syndicated article) is content and
    is not reported. Lines are compared ignoring case, accents, punctuation and spacing.

    Scraped CSVs often hold each article on one line, where a share bar ("Send Facebook
    Twitter Google+ ... Permalink") or a standard paragraph is part of a longer line. So
    passages are learned too: runs of 10 or more words repeated in ``min_docs`` documents
    that are neither copies of one article nor reports of one story (the rest of their
    longer words must have little in common: a mean pairwise Jaccard of at most 0.08, or
    twice the corpus' average when that is more), so a quote that several outlets carry is
    not boilerplate. Passages are learned from the first 20,000 texts.

    Args:
        texts: Any sequence of str (see ``normalize``).
        min_docs: Documents a line or passage must appear in. Default: 5, or 1% of the
            non-missing texts when that is more.
        min_chars: Letters and digits a line needs to count (shorter lines such as
            "Dear readers," are left to the built-in rules).
        passages: Learn passages inside lines too (default).
        errors: "replace" or "strict", for lone surrogates.
        n_threads: Threads to use; None uses one per core.

    Returns:
        A DataFrame with columns ``text`` (the line or passage as first seen),
        ``documents`` (how many texts hold it), ``share`` (documents / texts),
        ``overlap`` (mean share of those documents' text that most of them have in common;
        at most 0.5 here), ``kind`` ("line" or "passage") and ``similarity`` (for passages,
        the mean Jaccard of the documents' other longer words; NaN for lines), most
        frequent first, lines before passages. Pass it to
        ``normalize(..., remove_lines=found)``, or as ``boilerplate=`` to ``relate``,
        ``stories`` and ``shared_passages`` so it never counts as shared evidence.

    Examples:
        >>> docs = [f"Story {i}: the council met.\\nIt voted on plan {i}.\\nSupport our newsroom with a gift" for i in range(6)]
        >>> found = find_boilerplate(docs)
        >>> found["text"].tolist()
        ['Support our newsroom with a gift']
        >>> normalize(docs[:1], remove_lines=found)
        ['Story 0: the council met.\\nIt voted on plan 0.']
    """
    passages = check(passages=passages)
    t = as_texts(texts)
    n_docs = sum(1 for v in t.values if isinstance(v, str))
    if min_docs is None:
        min_docs = max(5, math.ceil(n_docs / 100))
    opts = _options(errors=errors)
    min_docs, min_chars, n_threads = check(min_docs=min_docs, min_chars=min_chars, n_threads=n_threads)
    rows = _native.find_boilerplate(t.values, opts, min_docs, min_chars, n_threads)
    frame = pd.DataFrame(rows, columns=["text", "documents", "overlap"])
    frame["kind"] = "line"
    frame["similarity"] = np.nan
    if passages:
        found = _native.find_passages(t.values, opts, min_docs, n_threads)
        # (A passage whose every line is within a learned line's words, in no more
        # documents than that line, is those lines again, or parts of them, which go with
        # them: listed once.)
        lines = [(" ".join(_words_key(text)), docs) for text, docs in zip(frame["text"], frame["documents"])]

        def within_lines(part: str, n: int) -> bool:
            words = " ".join(_words_key(part))
            return not words or any(docs >= n and f" {words} " in f" {line} " for line, docs in lines)

        def new(passage: tuple) -> bool:
            return not all(within_lines(part, passage[2]) for part in passage[0].split("\n"))

        more = pd.DataFrame([(p[0], p[2], p[3], "passage", p[4]) for p in found if new(p)],
                            columns=["text", "documents", "overlap", "kind", "similarity"])
        if len(more):
            frame = pd.concat([frame, more], ignore_index=True)
    frame["text"] = frame["text"].astype(object)
    frame["documents"] = frame["documents"].astype(np.int64)
    frame["share"] = frame["documents"] / max(n_docs, 1)
    return frame[["text", "documents", "share", "overlap", "kind", "similarity"]]


def _words_key(text: str) -> tuple:
    """A line's or passage's words, lowercased, without punctuation (to tell a passage
    within learned lines)."""
    return tuple(re.findall(r"\w+", text.lower()))


def _without_boilerplate(texts: Any, boilerplate: Any) -> Any:
    """``texts`` with learned boilerplate (a ``find_boilerplate`` result or a list of lines
    and passages) removed, keyed as given; unchanged when ``boilerplate`` is None."""
    if boilerplate is None:
        return texts
    t = as_texts(texts)
    cleaned = normalize(t.values, remove_lines=_lines(boilerplate, "boilerplate"))
    if t.index is None:
        return cleaned
    return pd.Series(cleaned, index=t.index, name=t.name, dtype=object)


def _blanked(values: Any, boilerplate: Any) -> list:
    """``values`` (texts, missing ones as None) with learned boilerplate blanked out: each
    character that removing ``boilerplate`` takes out of a text (as
    ``normalize(remove_lines=...)`` removes it) becomes a space, the first of each run a
    line break, so a name inside it is no mention and every other offset into the text
    still holds. The texts as given when ``boilerplate`` is None."""
    out = list(values)
    if boilerplate is None:
        return out
    present = [i for i, v in enumerate(out) if isinstance(v, str) and v]
    if not present:
        return out
    given = [out[i] for i in present]
    boilerplate = _lines(boilerplate, "boilerplate")
    plain = normalize(given, offsets=True)
    cut = normalize(given, offsets=True, remove_lines=boilerplate)

    def covered(offsets: Any, n: int) -> np.ndarray:
        spans = np.asarray(offsets, dtype=np.int64).reshape(-1, 2)
        edges = np.zeros(n + 1, dtype=np.int64)
        np.add.at(edges, spans[:, 0], 1)
        np.add.at(edges, spans[:, 1], -1)
        return np.cumsum(edges)[:n] > 0

    for k, i in enumerate(present):
        if plain["text"].iat[k] == cut["text"].iat[k]:
            continue
        text = given[k]
        gone = covered(plain["offsets"].iat[k], len(text)) & ~covered(cut["offsets"].iat[k], len(text))
        chars = np.array(list(text), dtype=object)
        # A word or web address whose head the passage takes goes whole: its rest alone
        # would read as a word of its own ("Permalink http://dw.com/p", then "2W0fLkLnVc4").
        space = np.array([c.isspace() for c in text], dtype=bool)
        word = np.cumsum(space)  # the characters of one run of non-space share a number
        head = ~space & np.r_[True, space[:-1]]
        gone |= np.isin(word, word[head & gone]) & ~space
        chars[gone & (chars != "\n")] = " "
        # Each blanked run starts a line: the words either side of a passage cut out of a
        # line are not one name ("Lake Chad [share bar] Lake Chad was once...").
        chars[gone & ~np.r_[False, gone[:-1]]] = "\n"
        out[i] = "".join(chars)
    return out


def original_span(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Map the span ``start:end`` of a normalized text back to the original text.

    Args:
        offsets: The ``(n, 2)`` array ``normalize(..., offsets=True)`` returned for the text.
        start: Start of the span in the normalized text.
        end: End of the span (exclusive).

    Returns:
        ``(original_start, original_end)``, so ``original[original_start:original_end]``
        is the source of the span, markup and entities inside it included.

    Raises:
        OptionError: The span lies outside the normalized text.
        InputValueError: ``offsets`` is missing (the row's text was) or not such an array.

    Examples:
        >>> original = "**Trump** said&nbsp;yes"
        >>> row = normalize([original], offsets=True).iloc[0]
        >>> row.text
        'Trump said yes'
        >>> a, b = original_span(row.offsets, 0, 5)
        >>> original[a:b]
        'Trump'
    """
    if offsets is None or (np.ndim(offsets) == 0 and pd.isna(offsets)):
        raise InputValueError("offsets is missing: this row's text was missing, so it has no span to map")
    offsets = np.asarray(offsets)
    if offsets.ndim != 2 or offsets.shape[1] != 2:
        raise InputValueError(f"offsets must be the (n, 2) array normalize(..., offsets=True) gave, got shape "
                              f"{offsets.shape}")
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


def detect_language(
    texts: Iterable[Optional[str]],
    *,
    details: bool = False,
    n_threads: Optional[int] = None,
) -> Any:
    """The language of each text, from a built-in trigram model (whatlang: 69 languages, no
    download), read on the first 600 characters of the cleaned text (about 100 words).

    Args:
        texts: Any sequence of str.
        details: Return a DataFrame with ``language``, ``confidence`` (0 to 1) and
            ``reliable`` (whatlang's judgement; short texts often are not) instead.
        n_threads: Threads to use; None uses one per core.

    Returns:
        ISO 639-1 codes ("en", "de", "zh"; ISO 639-3 for a language without one), None for
        missing texts and texts with no letters: a Series keyed like the input Series,
        else a list (or the DataFrame with ``details=True``).

    Examples:
        >>> detect_language(["The council voted to close the bridge for repairs, the mayor said.",
        ...                  "Der Stadtrat hat beschlossen, die Brücke zu schließen.", None])
        ['en', 'de', None]
    """
    t = as_texts(texts)
    if not isinstance(details, bool):
        raise OptionError(f"details must be True or False, got {details!r}")
    cols = _native.detect_language(t.values, check(n_threads=n_threads))
    if details:
        return pd.DataFrame({"language": pd.Series(cols["language"], dtype=object), "confidence": cols["confidence"],
                             "reliable": cols["reliable"]}, index=frame_index(t))
    return series_like(cols["language"], t)
