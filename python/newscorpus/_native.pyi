"""Stubs for the native module (Rust, built with pyo3). Use the functions in ``newscorpus``;
these are the low-level entry points they call."""

from collections.abc import Callable
from typing import Any, Optional, final

import numpy as np
import numpy.typing as npt

__version__: str

__all__ = [
    "__version__",
    "after_fork_in_child",
    "default_threads",
    "set_progress",
    "option_rules",
    "defaults",
    "_panic_for_tests",
    "NormalizeOptions",
    "normalize_texts",
    "parse_articles",
    "find_boilerplate",
    "find_passages",
    "detect_language",
    "LSHIndex",
    "minhash",
    "near_duplicates",
    "cluster_pairs",
    "near_duplicate_clusters",
    "junk_reasons",
    "credited_agencies",
    "minhash_keys",
    "band_keys",
    "band_pairs",
    "paired_similarity",
    "average_clusters",
    "similarity_matrix",
    "lsh_params",
    "shared_passages",
    "relate",
    "paired_story",
    "story_weights",
    "top_k",
    "Gazetteer",
    "extract_entities",
    "entity_case_stats",
    "extract_mentions",
    "MentionParts",
    "cooccurrence",
    "entity_tally",
    "builtin_gazetteer",
]

@final
class NormalizeOptions:
    """Validated normalization options; see ``newscorpus.normalize`` for their meaning.

    Raises:
        OptionError: an option value is not one of the allowed ones.
    """

    def __new__(
        cls,
        *,
        unicode: Optional[str] = None,
        fix_mojibake: Optional[bool] = None,
        fold_punctuation: Optional[bool] = None,
        strip_markup: Optional[bool] = None,
        boilerplate: Optional[bool] = None,
        remove_lines: list[str] = ...,
        paragraphs: Optional[str] = None,
        fix_spacing: Optional[bool] = None,
        case: Optional[str] = None,
        strip_accents: Optional[bool] = None,
        ascii: Optional[bool] = None,
        offsets: Optional[bool] = None,
        errors: str = ...,
        key: bool = False,
    ) -> "NormalizeOptions": ...
    @staticmethod
    def core_default() -> "NormalizeOptions":
        """The core's own defaults (what ``entities`` normalizes with)."""

def normalize_texts(
    texts: list[Any], options: NormalizeOptions, n_threads: Optional[int] = None
) -> tuple[list[Optional[str]], Optional[list[Optional[npt.NDArray[np.int64]]]]]:
    """Normalize a list of str/missing values; offsets are None unless requested."""

def parse_articles(texts: list[Any], options: NormalizeOptions, n_threads: Optional[int] = None) -> dict[str, list[Any]]:
    """Columns title, date (ISO str), url, dateline, body, removed, as lists."""

def detect_language(texts: list[Any], n_threads: Optional[int] = None, english_first: bool = False) -> dict[str, Any]:
    """Columns language (ISO 639-1 codes or None), confidence (float64) and reliable (bool);
    with english_first, texts that read as English are "en" without the model."""

def find_passages(
    texts: list[Any], options: NormalizeOptions, min_docs: int, n_threads: Optional[int] = None
) -> list[tuple[str, int, int, float, float]]:
    """(passage, words, documents, overlap, similarity) for passages repeated in unlike documents."""

def find_boilerplate(
    texts: list[Any], options: NormalizeOptions, min_docs: int, min_chars: int, n_threads: Optional[int] = None
) -> list[tuple[str, int, float]]:
    """(line, documents, overlap) for lines repeated in at least min_docs unlike documents."""

def after_fork_in_child() -> None:
    """Abandon worker threads inherited through fork(); new ones are built on demand."""

def set_progress(callback: Optional[Callable[[int], object]] = None) -> None:
    """Set or clear this thread's progress callback (called with texts done per batch)."""

def option_rules() -> dict[str, Any]:
    """The core's option rules: {"choices": {name: values}, "whole": {name: (low, high)}, "unit": names, "share": names}."""

def defaults() -> dict[str, Any]:
    """The defaults of the options several calls share, written once in the core: {name: value}."""

def default_threads() -> int:
    """Threads a call uses when n_threads is None."""

def _panic_for_tests() -> None:
    """Panic inside a worker thread (tests check it becomes NewsCorpusError)."""

def minhash(texts: list[Any], num_perm: int = ..., ngram: int = ..., shingle: str = ..., seed: int = ...,
            n_threads: Optional[int] = None) -> npt.NDArray[np.uint32]:
    """(len(texts), num_perm) signatures of the matching keys."""

def near_duplicates(texts: list[Any], threshold: float = ..., num_perm: int = ..., ngram: int = ...,
                    shingle: str = ..., seed: int = ..., bands: Optional[int] = None, rows: Optional[int] = None,
                    verify: bool = ..., n_threads: Optional[int] = None,
                    junk_min_words: Optional[int] = None) -> dict[str, Any]:
    """Columns a, b, estimate, jaccard, a_in_b, b_in_a (numpy arrays), the bands and rows used,
    and ``same``: for each text, the first text with its matching key (itself when none)."""

def average_clusters(n: int, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], weight: npt.NDArray[np.float64],
                     rank: npt.NDArray[np.int64], threshold: float,
                     first: Optional[npt.NDArray[np.int64]] = None, min_link: float = 0.0,
                     texts: Optional[list[Optional[str]]] = None, anchor: float = 0.0,
                     n_threads: Optional[int] = None) -> npt.NDArray[np.int64]:
    """Average-linkage representative (a position) of each document's cluster; the copies of
    one text (``first``, as ``relate`` gives it) are one unit of their number; two clusters
    merge only when one pair between them weighs ``min_link`` or more and, with ``texts``,
    at least ``anchor`` of their documents name one same name."""

def cluster_pairs(n: int, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], rank: npt.NDArray[np.int64],
                  method: str = ..., same: Optional[npt.NDArray[np.int64]] = None) -> npt.NDArray[np.int64]:
    """The representative (a position) of each document's cluster; texts with one ``same``
    entry are one unit (they share a cluster)."""

def paired_similarity(a: list[Any], b: list[Any], metric: str = ..., ngram: int = ..., shingle: str = ...,
                      stop_words: Any = None, n_threads: Optional[int] = None) -> npt.NDArray[np.float64]:
    """Score of each aligned pair a[i], b[i]; NaN where either is missing."""

def minhash_keys(texts: list[Any], num_perm: int = ..., ngram: int = ..., shingle: str = ..., seed: int = ...,
                 n_threads: Optional[int] = None, junk_min_words: Optional[int] = None
                 ) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint64]]:
    """Signatures (n, num_perm) and matching-key hashes (n, 2), (0, 0) for texts with no shingles."""

def band_keys(signatures: npt.NDArray[np.uint32], bands: int, rows: int
              ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.bool_]]:
    """LSH band keys (n, bands) of signatures, and whether each is live (not empty)."""

def band_pairs(band_keys: list[npt.NDArray[np.uint64]], live: npt.NDArray[np.bool_], keys: npt.NDArray[np.uint64],
               n_threads: Optional[int] = None) -> dict[str, npt.NDArray[Any]]:
    """Columns a, b, estimate (1 for copies, NaN for LSH candidates) from band keys alone,
    given in parts of consecutive documents."""

def junk_reasons(texts: list[Any], min_words: int = ..., n_threads: Optional[int] = None) -> list[Optional[str]]:
    """Why each text is junk ("too few words", "cookie wall", "captcha", "paywall", "error page") or None."""

def credited_agencies(texts: list[Any], n_threads: Optional[int] = None) -> list[Optional[str]]:
    """The agency each text's dateline credits ("TASS" of "MOSCOW, March 25. /TASS/. ..."), or None."""

def near_duplicate_clusters(texts: list[Any], rank: npt.NDArray[np.int64], threshold: float = ..., num_perm: int = ...,
                            ngram: int = ..., shingle: str = ..., seed: int = ..., bands: Optional[int] = None,
                            rows: Optional[int] = None, verify: bool = ..., n_threads: Optional[int] = None,
                            junk_min_words: Optional[int] = None,
                            method: str = ...) -> npt.NDArray[np.int64]:
    """The representative (a position) of each text's near-duplicate cluster, from the LSH
    buckets directly (large buckets never listed as pairs)."""

def similarity_matrix(rows: list[Any], cols: Optional[list[Any]] = None, metric: str = ..., ngram: int = ...,
                      shingle: str = ..., stop_words: Any = None,
                      n_threads: Optional[int] = None) -> npt.NDArray[np.float32]:
    """(len(rows), len(cols or rows)) float32 scores; stop_words None, "auto", a language code or a list."""

def top_k(texts: list[Any], k: int = ..., metric: str = ..., ngram: int = ..., shingle: str = ...,
          stop_words: Any = None, n_threads: Optional[int] = None) -> dict[str, npt.NDArray[Any]]:
    """Columns a, b, score: each text's k best neighbours, best first."""

def relate(texts: list[Any], duplicate: float = ..., excerpt: float = ..., rewrite: float = ...,
           same_story: float = ..., same_topic: float = ..., candidates: float = ..., ngram: int = ..., shingle: str = ...,
           stop_words: Any = None, n_threads: Optional[int] = None, junk_min_words: Optional[int] = None,
           all_candidates: bool = False, best: Optional[int] = None,
           copy_key: Optional[npt.NDArray[np.int64]] = None,
           distinctive: bool = ..., rewrite_lead: float = ...,
           shared_name: bool = ...) -> dict[str, npt.NDArray[Any]]:
    """Columns a, b, label (0 duplicate, 1 rewrite, 2 same story, 3 same topic, -1 an unlabelled candidate), cosine,
    story, jaccard, a_in_b, b_in_a (NaN for a candidate that cannot be a copy); and first (one a text): its first identical text (with the same
    ``copy_key``), which alone stands in the pairs; each later copy is in one pair, with it."""

def paired_story(a: list[Any], b: list[Any], n_threads: Optional[int] = None) -> dict[str, npt.NDArray[np.float64]]:
    """Columns story and one a feature of the story score for aligned pairs; NaN where either is missing."""

def story_weights() -> list[tuple[str, float]]:
    """The story score's (name, weight) pairs, intercept first."""

def lsh_params(threshold: float, num_perm: int, mode: str = ..., fp_weight: float = 0.5,
               fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) for a threshold: "balanced" (datasketch's rule) or "recall"."""

def shared_passages(a: str, b: str, min_words: int = ...) -> dict[str, Any]:
    """Arrays a_start, a_end, b_start, b_end, words, and a_words, b_words."""

@final
class LSHIndex:
    """The native banded MinHash-LSH index (use newscorpus.LSHIndex)."""

    def __new__(cls, threshold: float = ..., num_perm: int = ..., bands: Optional[int] = None,
                rows: Optional[int] = None, seed: int = ..., meta: str = ...) -> "LSHIndex": ...
    @property
    def params(self) -> tuple[int, int, int, float, int, str]: ...
    def insert(self, keys: list[Any], signatures: npt.NDArray[np.uint32]) -> None: ...
    def query(self, signature: npt.NDArray[np.uint32], min_score: float = 0.0,
              k: Optional[int] = None) -> list[tuple[Any, float]]: ...
    def remove(self, key: Any) -> bool: ...
    def __len__(self) -> int: ...
    def __contains__(self, key: Any, /) -> bool: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> "LSHIndex": ...

@final
class Gazetteer:
    """The native gazetteer (use newscorpus.Gazetteer): an Aho-Corasick automaton of aliases."""

    def __new__(cls, canonical: list[str], types: list[str], aliases: list[list[str]],
                case_sensitive: bool = True) -> "Gazetteer": ...
    def __len__(self) -> int: ...
    @property
    def aliases(self) -> int: ...
    @property
    def empty_aliases(self) -> int: ...
    @property
    def case_sensitive(self) -> bool: ...
    @property
    def conflicts(self) -> list[tuple[str, str, str]]: ...
    def entries(self) -> list[tuple[str, str]]: ...
    def find(self, texts: list[Any], n_threads: Optional[int] = None) -> dict[str, npt.NDArray[np.int64]]:
        """Columns doc, start, end (character offsets into the texts as given), entry, text."""

def extract_entities(texts: list[Any], gazetteer: Optional[Gazetteer] = None, detect: bool = True,
                     aliases: list[tuple[str, str]] = ..., n_threads: Optional[int] = None,
                     written: bool = True) -> tuple[dict[str, Any], dict[str, Any]]:
    """(mention columns doc, start, end, sentence, entity, text (not with written=False),
    entity_names, entity_types; audit columns name, canonical, type, reason, mentions)."""

def entity_case_stats(texts: list[Any], n_threads: Optional[int] = None
                      ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """Pass 1 of extraction for one part of a corpus: (word hashes, lowercase counts,
    capitalised counts); the parts' columns concatenated are the corpus's statistics."""

def extract_mentions(texts: list[Any], first_doc: int, keys: npt.NDArray[np.uint64], lower: npt.NDArray[np.uint32],
                     capital: npt.NDArray[np.uint32], gazetteer: Optional[Gazetteer] = None, detect: bool = True,
                     n_threads: Optional[int] = None, written: bool = True) -> dict[str, Any]:
    """Pass 2 for one part (documents numbered from first_doc), its mentions made compact:
    per name as written ``names``, ``builtin``, ``user`` (-1: none), ``rejected``, ``tally``
    (16 counts a name); per document ``per_doc``; per mention ``code``, ``kind``,
    ``sentence``; with ``written`` also ``doc``, ``start``, ``end`` and ``written``."""

@final
class MentionParts:
    """The parts' mentions (``extract_mentions``' columns), joined in document order as they
    come, then promoted and resolved as ``extract_entities`` resolves the whole corpus."""
    def __init__(self) -> None: ...
    def append(self, cols: dict[str, Any]) -> None:
        """Join the next part (its columns consumed: ``cols`` is empty on return)."""
    def resolve(self, n_docs: int, gazetteer: Optional[Gazetteer] = None, aliases: list[tuple[str, str]] = ...,
                n_threads: Optional[int] = None) -> tuple[dict[str, Any], dict[str, Any]]:
        """Promotion and resolution of the mentions joined: extract_entities' tables (``text``
        only when the parts sent their mentions as written); the parts are emptied."""

def cooccurrence(windows: npt.NDArray[np.int64], entities: npt.NDArray[np.int64]) -> dict[str, npt.NDArray[np.int64]]:
    """Columns a, b (entity ids, a < b), count (windows naming both)."""

def entity_tally(docs: npt.NDArray[np.int64], entities: npt.NDArray[np.int64],
                 n_entities: int) -> Optional[dict[str, npt.NDArray[np.int64]]]:
    """Columns entity, mentions, documents, in order of each entity's first mention, for
    mentions whose documents never decrease; None otherwise."""

def builtin_gazetteer() -> list[tuple[str, str, list[str]]]:
    """(canonical, type, aliases) of the built-in gazetteer's entries."""
