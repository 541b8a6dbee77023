"""Entities: people, organisations, places and other names, resolved to one canonical name
each, counted per article, per group (outlet, date) and together.

Detection needs no download: capitalised spans found by rules (sentence starts judged by
how the corpus writes each word elsewhere, all-caps headlines and datelines, connectors
such as "of", titles stripped and kept as evidence of a person, possessives), typed by a
compact averaged perceptron trained on CoNLL-2003 that ships inside the package, with a
built-in gazetteer of countries, capitals, demonyms and international organisations.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, Optional

import numpy as np
import pandas as pd

from . import _native
from ._input import as_texts, shown as _shown, site
from ._normalize import _blanked
from .datasets import load_sample  # noqa: F401  (used by the examples)
from ._options import CHOICES, check, flag, text_value
from ._progress import progress_bar
from .exceptions import InputTypeError, InputValueError, OptionError, warn

__all__ = ["Gazetteer", "entities", "entity_counts", "cooccurrence", "ENTITY_TYPES"]

#: The entity types, as CoNLL-2003 has them.
ENTITY_TYPES: tuple[str, ...] = CHOICES["type"]  # ("PER", "ORG", "LOC", "MISC"), as the core names them

MENTION_COLUMNS = ["doc", "start", "end", "text", "canonical", "type", "sentence"]


def _alias_list(value: Any, where: str) -> list[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, str):
        return [a for a in value.split(";")]
    if isinstance(value, Iterable):
        out = list(value)
        bad = [type(a).__name__ for a in out if not isinstance(a, str)]
        if bad:
            raise InputTypeError(f"{where}: aliases must be str, found {bad[0]}")
        return out
    raise InputTypeError(f"{where}: aliases must be a list of str or a ';'-separated str")


class Gazetteer:
    """Names you know, with their canonical form and type, matched on word boundaries with
    one Aho-Corasick automaton (built once, shared by every thread).

    Args:
        entries: One of
            - a DataFrame with columns ``canonical``, ``type`` and optionally ``aliases``
              (a list of str or one ``;``-separated str a row);
            - a dict ``{canonical: type}`` or ``{canonical: (type, [aliases])}``;
            - a list of ``(canonical, type)`` or ``(canonical, type, [aliases])``.
            Types are "PER", "ORG", "LOC" or "MISC".
        case_sensitive: Match case exactly (default). With False, ASCII letters match in
            any case; letters outside ASCII still match as written.

    Behaviour with untidy lists (documented, never an error): runs of white space in names
    count as one space; empty aliases are skipped (``empty_aliases`` counts them); an alias
    repeated within an entry counts once; an alias given to two entries stays with the
    first (``conflicts`` lists them); where matches overlap, the leftmost wins, and at one
    position the longest ("New York Times" over "New York"). An empty canonical name or an
    unknown type raises OptionError.

    Examples:
        >>> gaz = Gazetteer({"Volodymyr Zelensky": ("PER", ["Zelenskyy", "Zelenskiy"]), "Kyiv": ("LOC", ["Kiev"])})
        >>> gaz.find(["Zelenskiy flew from Kiev."])[["text", "canonical", "type"]].values.tolist()
        [['Zelenskiy', 'Volodymyr Zelensky', 'PER'], ['Kiev', 'Kyiv', 'LOC']]
    """

    def __init__(self, entries: Any, *, case_sensitive: bool = True) -> None:
        if not isinstance(case_sensitive, (bool, np.bool_)):
            raise OptionError(f"case_sensitive must be True or False, got {case_sensitive!r}")
        rows = self._rows(entries)
        self._rows_kept = rows
        self._case_sensitive = bool(case_sensitive)
        names = [r[0] for r in rows]
        types = [r[1] for r in rows]
        aliases = [r[2] for r in rows]
        self._native = _native.Gazetteer(names, types, aliases, self._case_sensitive)
        self._entries = pd.DataFrame(self._native.entries(), columns=["canonical", "type"])

    @staticmethod
    def _rows(entries: Any) -> list[tuple[str, str, list[str]]]:
        rows: list[tuple[str, str, list[str]]] = []
        if isinstance(entries, pd.DataFrame):
            missing = {"canonical", "type"} - set(entries.columns)
            if missing:
                raise OptionError(f"a gazetteer DataFrame needs columns canonical and type (missing: {sorted(missing)})")
            has_aliases = "aliases" in entries.columns
            for i, r in enumerate(entries.itertuples(index=False)):
                rows.append((r.canonical, r.type, _alias_list(r.aliases if has_aliases else None, f"row {i}")))
        elif isinstance(entries, Mapping):
            for name, value in entries.items():
                if isinstance(value, str):
                    rows.append((name, value, []))
                elif isinstance(value, (tuple, list)) and len(value) == 2:
                    rows.append((name, value[0], _alias_list(value[1], repr(name))))
                else:
                    raise InputTypeError(f"gazetteer[{name!r}] must be a type or (type, [aliases])")
        elif isinstance(entries, Iterable) and not isinstance(entries, (str, bytes)):
            for i, e in enumerate(entries):
                if not isinstance(e, (tuple, list)) or len(e) not in (2, 3):
                    raise InputTypeError(f"gazetteer entry {i} must be (canonical, type) or (canonical, type, aliases)")
                rows.append((e[0], e[1], _alias_list(e[2] if len(e) == 3 else None, f"entry {i}")))
        else:
            raise InputTypeError("a gazetteer takes a DataFrame, a dict or a list of (canonical, type, aliases)")
        for i, (name, kind, aliases) in enumerate(rows):
            if not isinstance(name, str):
                raise InputTypeError(f"gazetteer entry {i}: canonical must be a str, got {type(name).__name__}")
            text_value(f"gazetteer entry {i} ({name[:40]!r})", name)
            for alias in aliases:
                text_value(f"gazetteer entry {i}: alias", alias)
            if not isinstance(kind, str):
                raise OptionError(f"gazetteer entry {i} ({name!r}): type must be one of {ENTITY_TYPES}, got {kind!r}")
        return rows

    def __len__(self) -> int:
        return len(self._native)

    @property
    def aliases(self) -> int:
        """How many distinct aliases (canonical names included) the automaton holds."""
        return self._native.aliases

    @property
    def empty_aliases(self) -> int:
        """Aliases skipped for being empty."""
        return self._native.empty_aliases

    @property
    def conflicts(self) -> pd.DataFrame:
        """Aliases given to two entries: ``alias``, ``kept`` (the canonical name that keeps
        it), ``dropped``."""
        return pd.DataFrame(self._native.conflicts, columns=["alias", "kept", "dropped"])

    @property
    def entries(self) -> pd.DataFrame:
        """``canonical`` and ``type`` of every entry."""
        return self._entries.copy()

    def find(self, texts: Iterable[Optional[str]], *, n_threads: Optional[int] = None) -> pd.DataFrame:
        """Matches in the texts as given (no normalization; ``entities`` matches the
        normalized text and maps back).

        Returns:
            A DataFrame: ``doc`` (index label for a Series, else position), ``start``,
            ``end`` (character offsets), ``text``, ``canonical``, ``type``.
        """
        t = as_texts(texts)
        cols = self._native.find(t.values, check(n_threads=n_threads))
        entry = cols.pop("entry")
        frame = _doc_frame(t.index, cols)
        frame["text"] = pd.Series(cols["text"], dtype=object)
        frame["canonical"] = self._entries["canonical"].to_numpy()[entry] if len(entry) else []
        frame["type"] = self._entries["type"].to_numpy()[entry] if len(entry) else []
        return frame

    def __repr__(self) -> str:
        case = "case-sensitive" if self._case_sensitive else "ASCII case-insensitive"
        entries = "entry" if len(self) == 1 else "entries"
        aliases = "alias" if self.aliases == 1 else "aliases"
        return f"Gazetteer({len(self)} {entries}, {self.aliases} {aliases}, {case})"

    def __getstate__(self) -> dict:
        return {"rows": self._rows_kept, "case_sensitive": self._case_sensitive}

    def __setstate__(self, state: dict) -> None:
        Gazetteer.__init__(self, state["rows"], case_sensitive=state["case_sensitive"])


def _doc_frame(labels: Any, cols: dict) -> pd.DataFrame:
    """Columns doc, start, end of native rows: ``labels`` name the documents by position
    (an index; None: the positions themselves)."""
    docs = cols["doc"]
    doc = labels[docs] if labels is not None else docs
    return pd.DataFrame({"doc": doc, "start": cols["start"], "end": cols["end"]})


def _gazetteer(gazetteer: Any) -> Optional[Gazetteer]:
    if gazetteer is None or isinstance(gazetteer, Gazetteer):
        return gazetteer
    return Gazetteer(gazetteer)


def _aliases(aliases: Any) -> list[tuple[str, str]]:
    if aliases is None:
        return []
    if isinstance(aliases, pd.Series):
        aliases = aliases.to_dict()
    if not isinstance(aliases, Mapping):
        raise OptionError("aliases must be a dict {name as written: canonical name}")
    out = []
    for k, v in aliases.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise OptionError(f"aliases must map str to str, got {k!r}: {v!r}")
        out.append((text_value("aliases key", k), text_value(f"aliases[{k!r}]", v)))
    return out


#: Languages entity extraction is made for (its rules, word lists and model are English).
SUPPORTED_LANGUAGES = ("en",)


def _supported_only(values: list, languages: Any, n_threads: Optional[int]) -> list:
    """The texts with those in other languages replaced by None, and one warning saying so."""
    out, skipped = _language_filter(values, languages, n_threads)
    _warn_left_out(skipped, len(values), languages)
    return out


def _language_filter(values: list, languages: Any, n_threads: Optional[int]) -> tuple[list, dict[str, int]]:
    """The texts with those reliably in other languages replaced by None, and how many of
    each language were left out."""
    if languages is None:
        return values, {}
    if isinstance(languages, str):
        languages = (languages,)
    wanted = {str(code).lower() for code in languages}
    # Texts that read as English (English function words are 5% of their first 300 words)
    # skip the model: cheap, and a results table of names is not taken for Spanish.
    found = _native.detect_language(values, n_threads, True)
    skipped: dict[str, int] = {}
    out = list(values)
    # Only a reliable detection counts (whatlang takes a one-line English headline for
    # Catalan at 0.83 confidence, but does not call it reliable).
    for i, (code, reliable) in enumerate(zip(found["language"], found["reliable"])):
        if code is not None and code not in wanted and reliable:
            out[i] = None
            skipped[code] = skipped.get(code, 0) + 1
    return out, skipped


def _warn_left_out(skipped: dict[str, int], n: int, languages: Any) -> None:
    if not skipped:
        return
    if isinstance(languages, str):
        languages = (languages,)
    wanted = {str(code).lower() for code in languages}
    listed = ", ".join(f"{code} {k}" for code, k in sorted(skipped.items(), key=lambda x: (-x[1], x[0])))
    warn(f"entities: left out {sum(skipped.values())} of {n} texts in languages it does not "
         f"support ({listed}); it supports {', '.join(sorted(wanted))}. Pass languages=None to extract "
         "from every text anyway.")


def _written(cols: dict, values: Any, first_doc: int = 0) -> pd.Series:
    """Each mention as written. A lone surrogate is read as U+FFFD (errors="replace"): such
    a mention's text is then the original's own characters, so text == original[start:end]
    always holds."""
    text = pd.Series(cols["text"], dtype=object)
    if "replaced" in cols:  # found by the native layer
        replaced = cols["replaced"]
    elif "\ufffd" not in "\x00".join(cols["text"]):  # (most corpora have no U+FFFD at all)
        return text
    else:
        replaced = [k for k, t in enumerate(cols["text"]) if "\ufffd" in t]
    for k in replaced:
        text.iat[k] = values[cols["doc"][k] - first_doc][cols["start"][k]:cols["end"][k]]
    return text


def _mention_tables(labels: Any, cols: dict, merges: dict, audit: bool) -> Any:
    """The mentions DataFrame (and the audit table) from the native columns, ``labels``
    naming the documents by position (None: positions)."""
    names = np.asarray(cols["entity_names"], dtype=object)
    types = np.asarray(cols["entity_types"], dtype=object)
    entity = cols["entity"]
    frame = _doc_frame(labels, cols)
    frame["text"] = pd.Series(cols["text"], dtype=object)
    frame["canonical"] = names[entity] if len(entity) else pd.Series([], dtype=object)
    # (From codes: building the categories from 10^5-10^6 strings costs more than the rest.)
    type_code = np.array([ENTITY_TYPES.index(t) for t in types], dtype=np.int8)
    frame["type"] = pd.Categorical.from_codes(type_code[entity] if len(entity) else np.array([], dtype=np.int8),
                                              categories=list(ENTITY_TYPES))
    frame["sentence"] = cols["sentence"]
    # (Whether ``doc`` holds labels other than the positions, for a list ``by=`` or
    # ``dates=`` read by position later: see ``_check_positional``.)
    frame.attrs["doc"] = "position" if labels is None or labels.equals(pd.RangeIndex(len(labels))) else "label"
    if audit:
        return frame, pd.DataFrame(merges)
    return frame


def _check_positional(values: Any, mentions: Optional[pd.DataFrame], name: str) -> None:
    """A list or array ``values`` (option ``name``) is read by the documents' positions;
    mentions that name their documents by other labels (from a Series with its own
    index) cannot be read so: an error, not groups or dates given to other documents."""
    if values is None or isinstance(values, pd.Series) or mentions is None:
        return
    if mentions.attrs.get("doc") == "label":
        raise InputValueError(f"{name} is a list, read by position, but these mentions name their documents by "
                              f"index label: pass {name} as a Series with the texts' index")


def entities(
    texts: Iterable[Optional[str]],
    *,
    gazetteer: Any = None,
    aliases: Optional[Mapping[str, str]] = None,
    detect: bool = True,
    audit: bool = False,
    languages: Optional[Iterable[str]] = SUPPORTED_LANGUAGES,
    n_threads: Optional[int] = None,
    progress: Optional[bool] = None,
    boilerplate: Any = None,
) -> Any:
    """Every mention of a person, organisation, place or other name, with its canonical name.

    Texts are normalized first (markup, mojibake, boilerplate; offsets map back), names are
    found and typed, and then resolved across the corpus: a surname after the full name
    ("Putin" after "Vladimir Putin"; "Xi" after "Xi Jinping"), spelling variants one edit apart (Kellog / Kellogg,
    Zelensky / Zelenskyy / Zelenskiy), a given name's familiar and formal forms ("Mike Flynn" /
    "Michael Flynn", where the two keep company), a rare given name alone ("Ivanka" is Ivanka
    Trump), built-in aliases (Kiev / Kyiv, U.S. / United
    States), and one type per name (evidence of a person, such as a title, wins). With
    ``audit=True`` an audit table of every merge and its reason comes back too.

    Resolution uses the whole corpus, so pass all the articles at once.

    Args:
        texts: Any sequence of str; missing values have no mentions.
        gazetteer: Your own names: a ``Gazetteer``, or anything its constructor takes. Its
            matches win over detected names they overlap, with its canonical name and type.
        aliases: ``{name as written: canonical name}``, applied first and never merged
            further: map a name to itself to veto a merge the audit table shows.
        detect: Find names with the rules and model (default); with False, only the
            gazetteer's names.
        audit: Also return the audit table.
        languages: Languages to extract from (ISO 639-1 codes, as ``detect_language``
            gives them). The default, ``("en",)``, is what the rules and model were made
            for: a text reliably detected as another language is left out (no rows), with
            one ``NewsCorpusWarning`` saying how many and which languages. ``None`` extracts
            from every text. A text too short to tell is always kept.
        n_threads: Threads to use; None uses one per core.
        progress: Show a progress bar (``tqdm.auto``: a widget in Jupyter): True, False,
            or None (default) for one in a notebook when the texts take more than a few
            seconds (about 36 MB of text).
        boilerplate: Learned boilerplate (what ``find_boilerplate`` returns, or a list of
            lines and passages): names inside it are no mentions (a site's disclaimer
            naming the site in every opinion piece, a tip box naming the president in
            every article), and offsets still index the texts as given. None (default)
            reads the texts as given.

    Returns:
        A DataFrame, one row a mention, in document then text order: ``doc`` (index label
        for a Series input, else position), ``start``, ``end`` (character offsets into the
        original text, so ``text[start:end]`` is the mention), ``text`` (the mention as
        written), ``canonical``, ``type`` (PER, ORG, LOC, MISC), ``sentence`` (0-based, in
        its document). With ``audit=True``, ``(mentions, audit)``, where ``audit`` is a
        DataFrame, one row a merge: ``name`` (as written), ``canonical``, ``type``,
        ``reason``, ``mentions`` (how many mentions it moved), ``candidates`` (for a
        choice among several names, those it chose among, e.g. the full names an
        ambiguous surname could be; empty otherwise).

    Examples:
        >>> texts = ["U.S. President Donald Trump spoke to Vladimir Putin. Putin said Russia agreed.",
        ...          "Trumpʼs envoy Keith Kellogg met Zelenskiy in Kiev.", "Kellog said Trump would call."]
        >>> ents = entities(texts)
        >>> ents[["doc", "text", "canonical", "type"]].values.tolist()[:4]
        [[0, 'U.S.', 'United States', 'LOC'], [0, 'Donald Trump', 'Donald Trump', 'PER'], [0, 'Vladimir Putin', 'Vladimir Putin', 'PER'], [0, 'Putin', 'Vladimir Putin', 'PER']]
        >>> sorted(set(ents.loc[ents["type"] == "PER", "canonical"]))
        ['Donald Trump', 'Keith Kellogg', 'Vladimir Putin', 'Zelenskiy']
    """
    if not isinstance(audit, (bool, np.bool_)):
        raise OptionError(f"audit must be True or False, got {audit!r}")
    t, cols, merges = _extract(texts, gazetteer, aliases, detect, languages, n_threads, progress, boilerplate,
                               written=True)
    cols["text"] = _written(cols, t.values)
    return _mention_tables(t.index, cols, merges, audit)


def _extract(texts: Any, gazetteer: Any, aliases: Any, detect: Any, languages: Any, n_threads: Any,
             progress: Any, boilerplate: Any = None, *, written: bool) -> tuple:
    """``(texts, mention columns, audit columns)`` of the native extraction, the options
    checked (``texts`` as given: the extraction reads them with ``boilerplate`` blanked
    out); without ``written`` the columns hold no ``text`` (counting needs none)."""
    if not isinstance(detect, (bool, np.bool_)):
        raise OptionError(f"detect must be True or False, got {detect!r}")
    t = as_texts(texts)
    n_threads = check(n_threads=n_threads)
    values = _supported_only(t.values if boilerplate is None else _blanked(t.values, boilerplate), languages,
                             n_threads)
    gaz = _gazetteer(gazetteer)
    with progress_bar(progress, values, "entities"):
        cols, merges = _native.extract_entities(values, gaz._native if gaz else None, bool(detect),
                                               _aliases(aliases), n_threads, written)
    return t, cols, merges


#: What ``entity_counts`` and ``cooccurrence`` pass on to the extraction, with the defaults
#: of ``entities``.
_EXTRACT_OPTIONS = {"gazetteer": None, "aliases": None, "detect": True, "languages": SUPPORTED_LANGUAGES,
                    "n_threads": None, "progress": None, "boilerplate": None}


def _extract_options(options: dict, allowed: Iterable[str] = tuple(_EXTRACT_OPTIONS)) -> dict:
    """``options`` for the extraction with the defaults filled in; any other is an OptionError."""
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise OptionError(f"unknown options {unknown}: pass {', '.join(allowed)}")
    return {name: options.get(name, default) for name, default in _EXTRACT_OPTIONS.items() if name in allowed}


def _by_name_and_type(names: Any, types: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entities told apart by (canonical, type), as the tables show them: a code for each
    row and the name and type of each code."""
    codes, uniques = pd.factorize(pd.MultiIndex.from_arrays([np.asarray(names, dtype=object),
                                                             np.asarray(types, dtype=object)]))
    return (codes.astype(np.int64), uniques.get_level_values(0).to_numpy(dtype=object),
            uniques.get_level_values(1).to_numpy(dtype=object))


class _Mentions:
    """Mentions as counting needs them: ``doc`` (labels, as ``entities`` gives them),
    ``entity`` (an id a resolved entity), ``sentence``, and each entity's ``names`` and
    ``types``: integer columns, no string a mention (a million articles hold tens of
    millions of mentions)."""

    def __init__(self, doc: Any, entity: np.ndarray, sentence: np.ndarray, names: np.ndarray, types: np.ndarray):
        self.doc, self.entity, self.sentence, self.names, self.types = doc, entity, sentence, names, types

    def __len__(self) -> int:
        return len(self.entity)

    @classmethod
    def of_texts(cls, texts: Any, options: dict) -> "_Mentions":
        t, cols, _ = _extract(texts, written=False, **_extract_options(options))
        return cls.of_columns(t.index, cols)

    @classmethod
    def of_columns(cls, labels: Any, cols: dict) -> "_Mentions":
        """From the native mention columns, ``labels`` naming the documents by position
        (an index; None: the positions themselves)."""
        docs = cols["doc"]  # (32-bit from the native layer)
        doc = labels[docs] if labels is not None else np.asarray(docs, dtype=np.int64)
        codes, names, types = _by_name_and_type(cols["entity_names"], cols["entity_types"])
        entity = codes[cols["entity"]]
        return cls(doc, entity, np.asarray(cols["sentence"], dtype=np.int64), names, types)

    @classmethod
    def of_frame(cls, m: pd.DataFrame) -> "_Mentions":
        """From a DataFrame ``entities()`` returned."""
        codes, names, types = _by_name_and_type(m["canonical"].astype(object), m["type"].astype(str))
        sentence = m["sentence"].to_numpy(np.int64) if "sentence" in m else np.zeros(len(m), dtype=np.int64)
        return cls(m["doc"].to_numpy(), codes, sentence, names, types)

    def take(self, keep: np.ndarray) -> "_Mentions":
        return _Mentions(self.doc[keep], self.entity[keep], self.sentence[keep], self.names, self.types)


def _by_position(texts: Any, by: Any = None) -> tuple:
    """Texts in a Series whose index repeats labels are counted by position, so two
    documents that share a label stay two documents; ``by`` as a Series must then be the
    texts' own index order. Returns ``(texts, by, labels)``, ``labels`` the original index
    (or None when nothing changed)."""
    if not isinstance(texts, pd.Series) or texts.index.is_unique:
        return texts, by, None
    if isinstance(by, pd.Series):
        if not by.index.equals(texts.index):
            raise InputValueError("the texts' index has repeated labels: pass by with the very same index "
                                  "(or a list by position)")
        by = by.to_numpy()
    return texts.reset_index(drop=True), by, texts.index


def _check_mentions(texts: Any, mentions: Optional[pd.DataFrame], options: dict) -> None:
    if mentions is not None:
        if texts is not None:
            raise OptionError("pass texts or mentions=, not both")
        missing = {"doc", "canonical", "type"} - set(mentions.columns)
        if missing:
            raise OptionError(f"mentions must be a DataFrame from entities() (missing columns {sorted(missing)})")
        if options:
            raise OptionError(f"options {sorted(options)} apply to texts, not to precomputed mentions")
    elif texts is None:
        raise OptionError("pass the texts, or mentions= (a DataFrame from entities())")


def _mentions(texts: Any, mentions: Optional[pd.DataFrame], options: dict) -> pd.DataFrame:
    _check_mentions(texts, mentions, options)
    return mentions if mentions is not None else entities(texts, **options)


def _light_mentions(texts: Any, mentions: Any, options: dict) -> _Mentions:
    if isinstance(mentions, _Mentions):  # found elsewhere (newscorpus.dask)
        if texts is not None or options:
            raise OptionError("mentions found elsewhere take neither texts nor options")
        return mentions
    _check_mentions(texts, mentions, options)
    return _Mentions.of_frame(mentions) if mentions is not None else _Mentions.of_texts(texts, options)


def entity_counts(
    texts: Optional[Iterable[Optional[str]]] = None,
    by: Any = None,
    *,
    mentions: Optional[pd.DataFrame] = None,
    matrix: bool = False,
    own_names: bool = False,
    **options: Any,
) -> Any:
    """How often each entity is named, and in how many documents.

    Args:
        texts: Any sequence of str (or give ``mentions=`` instead).
        by: A grouping aligned with the texts, such as ``df["outlet"]`` or
            ``df["published"].dt.date``: a Series (aligned by the documents' index labels)
            or a list/array (by position). Counts are then per group; missing groups are
            kept as a group of their own. A web address stands for its site, as in
            ``relate``'s ``outlets``: ``by=df["url"]`` counts by outlet ("bbc.co.uk").
        mentions: A DataFrame ``entities()`` returned, to count without extracting again
            (documents are then told apart by their ``doc`` labels; texts given directly
            are counted by position, so repeated index labels never merge documents).
        own_names: With ``by`` naming each document's outlet (a host such as
            "aljazeera.com" or a name such as "Al Jazeera"), keep the outlet's own name in
            its counts. The default, False, leaves it out: "Al Jazeera" in Al Jazeera's
            articles is a byline or a footer, not news (it is kept in other outlets'
            counts). An entity is an outlet's own name when its letters (accents
            aside), or a built-in alias's, equal or begin with the outlet's ("Al Jazeera
            News", "China Daily European Weekly", "RTÉ" for rte.ie, "HuffPost", also
            written "Huffington Post", for huffingtonpost.com), or, for an organisation,
            its initials are the outlet's ("Deutsche Welle" for dw.com). A host's
            edition or section ("europe." of europe.chinadaily.com.cn) names no outlet,
            a name the outlet's begins with is not its own ("China" there), and the
            outlet's name begins an entity only at a word's end ("Sporting Lisbon" is
            no own name of a group "sport"); a group of fewer than two letters (a
            date, a code such as "M1") has none. Grouping by anything but outlets
            (a country, a topic), pass ``own_names=True``: "China" in a group "China"
            is left out otherwise.
        matrix: Return a document x entity matrix of mention counts instead:
            ``(scipy.sparse.csr_matrix, documents, entities)``, where ``documents`` are
            the index labels (or positions) of the rows and ``entities`` a DataFrame of
            ``canonical`` and ``type`` for the columns (needs scipy).
        **options: Passed to ``entities`` (``gazetteer``, ``aliases``, ...).

    Returns:
        A DataFrame, most mentioned first: ``entity``, ``type``, ``mentions``,
        ``documents`` (with the group as the first column, named after ``by``, when ``by``
        is given).

    Examples:
        >>> df = load_sample()
        >>> counts = entity_counts(df["text"], by=df["outlet"])
        >>> list(counts.columns)
        ['outlet', 'entity', 'type', 'mentions', 'documents']
    """
    if flag("matrix", matrix):
        if by is not None:
            raise OptionError("by= does not apply with matrix=True (the matrix is one row a document): group "
                              "its rows by the documents' outlet instead")
        texts, _, labels = _by_position(texts)
        m = _mentions(texts, mentions, options)
        mat, docs, entities_ = _matrix(m, texts)
        return mat, (labels if labels is not None else docs), entities_
    name = _group_column(by)
    texts, by, labels = _by_position(texts, by)
    own_names = check(own_names=own_names)
    lm = _light_mentions(texts, mentions, options)
    # Counted on integer codes (documents, entities, groups), named at the end.
    doc_code = pd.factorize(lm.doc)[0] if len(lm) else np.array([], dtype=np.int64)
    frame = pd.DataFrame({"doc": doc_code, "entity": lm.entity})
    keys = ["entity"]
    if by is not None:
        _check_positional(by, mentions, "by")
        group_code, group_values = _group_codes(_group_of(by, texts, lm.doc))
        frame.insert(0, "group", group_code)
        keys = ["group", "entity"]
        if not own_names and len(frame):
            frame = frame[~_own_names(lm.entity, lm.names, lm.types, group_code, group_values)]
    counts = _tally(frame, keys, len(lm.names))
    entity = counts["entity"].to_numpy()
    out = pd.DataFrame({"entity": lm.names[entity] if len(entity) else np.array([], dtype=object),
                        "type": lm.types[entity] if len(entity) else np.array([], dtype=object),
                        "mentions": counts["mentions"].to_numpy(np.int64),
                        "documents": counts["documents"].to_numpy(np.int64)})
    if by is not None:
        out.insert(0, name, group_values[counts["group"].to_numpy()] if len(counts) else group_values[:0])
    order = ["mentions", "documents", "entity"] if by is None else [name, "mentions", "documents", "entity"]
    ascending = [False, False, True] if by is None else [True, False, False, True]
    return out.sort_values(order, ascending=ascending, kind="stable").reset_index(drop=True)


def _group_column(by: Any) -> Any:
    """The name of the group column of ``entity_counts(by=...)``: ``by``'s own (a Series
    named 0 keeps it), "group" when it has none; never a name the table's other columns
    have."""
    if by is None:
        return None
    if isinstance(by, (str, bytes)):
        raise OptionError(f"by takes one group a text (a column such as df[{by!r}]), not the str {by!r}")
    name = getattr(by, "name", None)
    name = "group" if name is None else name
    if name in ("entity", "type", "mentions", "documents"):
        raise OptionError(f"by is named {name!r}, as a column of the counts is: rename it, "
                          f"e.g. by=df[{name!r}].rename('{name}_of_article')")
    return name


def _tally(frame: pd.DataFrame, keys: list, n_entities: int) -> pd.DataFrame:
    """Mentions and documents of each key, in order of first appearance: natively in one
    pass, a few numbers an entity, when the keys are the entities alone and the documents
    come in order (as the extraction gives them: their codes are by first appearance);
    else by pandas' groupby, which needs some 70 bytes a mention (a million articles have
    tens of millions of mentions)."""
    if keys == ["entity"] and len(frame):
        rows = _native.entity_tally(frame["doc"].to_numpy(np.int64), frame["entity"].to_numpy(np.int64), n_entities)
        if rows is not None:
            return pd.DataFrame(rows)
    grouped = frame.groupby(keys, sort=False)
    return grouped.agg(mentions=("doc", "size"), documents=("doc", "nunique")).reset_index()


#: Parts of a host name that name no outlet: domains, and the editions and sections a
#: site serves under its name ("europe.chinadaily.com.cn", "edition.cnn.com").
_DOMAIN_PARTS = frozenset("www www2 com org net co uk cn ie go gov news edu de fr ru au ca in us eu "
                          "m amp mobile edition editions en english int intl international global world "
                          "europe asia africa america americas usa uae middleeast".split())


def _letters(value: Any) -> str:
    """The letters of ``value``, lowercase and without accents ("RTÉ" gives "rte", as its
    host rte.ie writes it)."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(value).lower()) if c.isalpha())


@functools.lru_cache(maxsize=1)
def _builtin_org_aliases() -> dict[str, tuple[str, ...]]:
    """The aliases of each built-in organisation, by canonical name: an outlet's own name
    is also known by them ("HuffPost" is huffingtonpost.com's, as "Huffington Post")."""
    return {name: tuple(aliases) for name, kind, aliases in _native.builtin_gazetteer() if kind == "ORG" and aliases}


def _own_name_keys(group: Any) -> tuple[str, ...]:
    """Forms of an outlet's name to compare entities with: the whole label and each part
    of a host name ("aljazeera.com" gives "aljazeeracom" and "aljazeera")."""
    if group is None or (isinstance(group, float) and np.isnan(group)):
        return ()
    text = str(group)
    parts = [_letters(p) for p in text.replace("/", ".").replace(" ", ".").split(".")]
    keys = {_letters(text)} | {p for p in parts if len(p) >= 2 and p not in _DOMAIN_PARTS}
    # (Two letters at least, whole or in part: a date's "T" ("2017-02-13T00:00") or a code
    # "M1" names no outlet, and took "Le Temps" and "Le Monde" as one's own names.)
    return tuple(k for k in keys if len(k) >= 2)


#: Articles that begin names of papers and broadcasters ("Die Welt", "Le Monde").
_ARTICLES = frozenset("the a an die der das le la les el los las il lo gli de het".split())


def _own_forms(entity: str, kind: str) -> frozenset:
    """The letter forms an outlet's key must equal for ``entity`` (of type ``kind``) to be
    the outlet's own name: its letters and a built-in alias's, each as they begin at a
    word's end (three letters or more: "Al Jazeera News" is aljazeera's, "China Daily
    European Weekly" chinadaily's), and, for an organisation of two words or more, its
    initials without articles ("Deutsche Welle" is dw's; "Die Welt" is not, nor Recep
    Tayyip Erdogan rte's). A name an outlet's name begins with is not its own ("China"
    for chinadaily.com.cn)."""
    out: set = set()
    for form in (entity, *_builtin_org_aliases().get(str(entity), ())):
        words = str(form).split()
        e = _letters(form)
        if not e:
            continue
        out.add(e)
        out |= {h for h in _heads(words) if len(h) >= 3}
        if kind == "ORG" and len(words) >= 2:
            first = "".join(w[0].lower() for w in words if w[:1].isalpha() and w.lower() not in _ARTICLES)
            if first:
                out.add(first)
    return frozenset(out)


def _heads(words: list) -> set:
    """The letters of a name's first words, ending at a word's end or at a capital inside
    the first word: "Al Jazeera News" gives "al", "aljazeera" and "aljazeeranews";
    "CNNMoney" gives "cnn" and "cnnmoney". So an outlet's name begins an entity only
    there ("China Daily European Weekly" for chinadaily.com.cn), never inside a word
    ("Sporting Lisbon" in a group "sport", "Technorati" in "tech")."""
    out = {_letters(" ".join(words[:j])) for j in range(1, len(words) + 1)}
    if words:
        first = words[0]
        out |= {_letters(first[:i]) for i in range(1, len(first)) if first[i].isupper() and first[i - 1].isalpha()}
    return out


def _own_names(entity: np.ndarray, names: np.ndarray, types: np.ndarray, group_code: np.ndarray,
               group_values: np.ndarray) -> np.ndarray:
    """For each mention (its entity id and group code), whether its entity is the name of
    its document's group (the outlet): "Al Jazeera" in aljazeera.com's articles, "BBC
    News" in BBC's. Each entity's forms are read once, then each (entity, group) pair that
    occurs is judged by a set test."""
    if len(entity) == 0:
        return np.zeros(0, dtype=bool)
    n_groups = len(group_values)
    pair = entity.astype(np.int64) * n_groups + group_code
    unique, inverse = np.unique(pair, return_inverse=True)
    keys = [frozenset(_own_name_keys(g)) for g in group_values]
    forms = {int(e): _own_forms(names[e], types[e]) for e in np.unique(unique // n_groups)}
    own = np.fromiter((not forms[int(p // n_groups)].isdisjoint(keys[p % n_groups]) for p in unique),
                      dtype=bool, count=len(unique))
    return own[inverse.reshape(-1)]


def _group_codes(groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the groups (a missing group is a group of its own) and the group a code.
    A web address stands for its site, as ``relate``'s outlets do: a scraped frame's
    column of article links groups by outlet, not one group an article."""
    codes, values = pd.factorize(pd.Series(groups, dtype=object), use_na_sentinel=False)
    # (A blank group is a missing one, as relate's blank outlet is; read once a value.)
    sites = [None if isinstance(v, str) and not v.strip() else site(v) for v in values]
    if any(s is not v for s, v in zip(sites, values)):
        again, values = pd.factorize(pd.Series(sites, dtype=object), use_na_sentinel=False)
        codes = again[codes]
    return codes.astype(np.int64), np.asarray(values, dtype=object)


def _group_of(by: Any, texts: Any, doc: Any) -> np.ndarray:
    """The group of each mention's document (``doc``: the mentions' document labels): a
    Series ``by`` by the documents' labels, a list or array by their positions."""
    if len(doc) == 0:
        return np.array([], dtype=object)
    doc = pd.Index(doc)
    if isinstance(by, pd.Series):
        missing = ~doc.isin(by.index)
        if missing.any():
            raise InputValueError(f"by has no value for document {_shown(doc[missing][0])!r}")
        if not by.index.is_unique:
            raise InputValueError("by's index has repeated labels: give one group a document")
        return by.to_numpy()[by.index.get_indexer(doc)]
    values = np.asarray(list(by), dtype=object)
    if isinstance(texts, pd.Series):
        if not texts.index.is_unique:
            raise InputValueError("the texts' index has repeated labels: pass by as a Series with the same index")
        positions = texts.index.get_indexer(doc)
    else:
        if not pd.api.types.is_integer_dtype(doc):
            raise InputValueError(f"by is a list, read by position, but the mentions name their documents by "
                                  f"label ({_shown(doc[0])!r}): pass by as a Series with the texts' index")
        positions = doc.to_numpy()
    if positions.max() >= len(values) or positions.min() < 0:
        raise InputValueError(f"by has {len(values)} values, fewer than the documents")
    return values[positions]


def _matrix(m: pd.DataFrame, texts: Any) -> tuple:
    try:
        from scipy import sparse
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("matrix=True needs scipy: pip install scipy") from e
    if texts is not None:
        t = as_texts(texts)
        docs = t.index if t.index is not None else pd.RangeIndex(len(t.values))
    else:
        docs = pd.Index(pd.unique(m["doc"]))
    entities_ = m[["canonical", "type"]].astype({"type": str}).drop_duplicates().sort_values(["canonical", "type"])
    entities_ = entities_.reset_index(drop=True)
    col = pd.MultiIndex.from_frame(entities_).get_indexer(pd.MultiIndex.from_frame(m[["canonical", "type"]].astype({"type": str})))
    row = docs.get_indexer(m["doc"])
    data = np.ones(len(m), dtype=np.int64)
    mat = sparse.csr_matrix((data, (row, col)), shape=(len(docs), len(entities_)))
    mat.sum_duplicates()
    return mat, docs, entities_


def cooccurrence(
    texts: Optional[Iterable[Optional[str]]] = None,
    window: str = "document",
    *,
    mentions: Optional[pd.DataFrame] = None,
    min_count: int = 1,
    by: Any = None,
    own_names: bool = False,
    **options: Any,
) -> pd.DataFrame:
    """Pairs of entities named together, ready for networkx
    (``nx.from_pandas_edgelist(pairs, "a", "b", edge_attr="count")``).

    Args:
        texts: Any sequence of str (or give ``mentions=``).
        window: "document" (named in the same article) or "sentence".
        mentions: A DataFrame ``entities()`` returned.
        min_count: Keep pairs named together in at least this many windows.
        by, own_names: The outlet of each document (as in ``entity_counts``); unless
            ``own_names=True``, an outlet's own name is left out of its articles, so
            "Al Jazeera" is not the top partner of everything Al Jazeera published.
        **options: Passed to ``entities``.

    Returns:
        A DataFrame, most frequent first: ``a``, ``a_type``, ``b``, ``b_type`` (``a`` sorts
        before ``b``), ``count`` (documents or sentences naming both).

    Examples:
        >>> pairs = cooccurrence(["Putin met Trump in Riyadh.", "Trump called Putin.", "Rubio flew to Riyadh."])
        >>> pairs[["a", "b", "count"]].values.tolist()[0]
        ['Putin', 'Trump', 2]
    """
    window, min_count, own_names = check(window=window, min_count=min_count, own_names=own_names)
    texts, by, _ = _by_position(texts, by)
    m = _light_mentions(texts, mentions, options)
    if by is not None and not own_names and len(m):
        _check_positional(by, mentions, "by")
        group_code, group_values = _group_codes(_group_of(by, texts, m.doc))
        m = m.take(~_own_names(m.entity, m.names, m.types, group_code, group_values))
    columns = ["a", "a_type", "b", "b_type", "count"]
    if len(m) == 0:
        return pd.DataFrame({c: pd.Series([], dtype=object if c != "count" else np.int64) for c in columns})
    doc_codes = pd.factorize(m.doc)[0].astype(np.int64)
    windows = doc_codes if window == "document" else doc_codes * (1 << 32) + m.sentence
    pairs = _native.cooccurrence(np.ascontiguousarray(windows, dtype=np.int64), m.entity)
    names, types = m.names, m.types
    a, b = pairs["a"], pairs["b"]
    swap = names[a] > names[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    out = pd.DataFrame({"a": names[a], "a_type": types[a], "b": names[b], "b_type": types[b], "count": pairs["count"]})
    out = out[out["count"] >= min_count]
    return out.sort_values(["count", "a", "b"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
