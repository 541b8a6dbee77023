"""Calibrate relate()'s thresholds on data with known answers.

- same_story (TF-IDF cosine, with and without stop words): WikiRef220, 220 real articles labelled by topic in their
  file names. For each threshold: precision, recall and F1 of "same topic" pairs, and the
  adjusted Rand index (Hubert and Arabie 1985) of story clusters (connected components or
  centers) against the topics, with the 11 small topics its authors call noise kept as
  their own labels.
- duplicate and rewrite: the seeds (002/004 the same article; 000 retells 001; 001 and 003
  are two outlets' own reports) and the sample corpus (kind = duplicate, rewrite, report).

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
    for stop in (None, "english"):
        pairs = nc.relate(wiki["text"], same_story=0.05, rewrite=0.05, stop_words=stop)
        same = topics[pairs["a"]] == topics[pairs["b"]]
        print(f"\nstop_words={stop!r}")
        print(f"{'cosine >=':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'ARI connected':>14} {'ARI center':>11}")
        for t in [0.05, 0.10, 0.125, 0.15, 0.175, 0.20, 0.25, 0.30]:
            keep = pairs["cosine"] >= t
            tp = int((same & keep).sum())
            precision = tp / max(int(keep.sum()), 1)
            recall = tp / total_same
            f1 = 2 * precision * recall / max(precision + recall, 1e-12)
            ari = {m: adjusted_rand(topics, nc.stories(wiki["text"], t, method=m, stop_words=stop))
                   for m in ("connected", "center")}
            print(f"{t:>9.3f} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {ari['connected']:>14.3f} {ari['center']:>11.3f}")

    seeds = [p.read_text("utf-8") for p in sorted((DATA.parent / "seeds").glob("*.txt"))]
    print("\nseeds (002/004 the same article, 000 retells 001, 003 a third outlet's report):")
    print(nc.relate(seeds, same_story=0.05).round(3).to_string())
    df = nc.load_sample().set_index("id")
    pairs = nc.relate(df["text"], same_story=0.05, rewrite=0.05)
    kind = [df.at[b, "kind"] if df.at[b, "copy_of"] == a else
            "report" if df.at[a, "story"] == df.at[b, "story"] else "other story"
            for a, b in zip(pairs["a"], pairs["b"])]
    pairs["truth"] = kind
    print("\nsample corpus: scores by true relation (copies and rewrites of the story's original)")
    print(pairs.groupby("truth")[["cosine", "jaccard"]].describe().round(3).T.to_string())
    print("\nsample corpus: true relation x label at the default thresholds")
    labelled = nc.relate(df["text"]).set_index(["a", "b"])["label"]
    pairs["label"] = [labelled.get((a, b), "(none)") for a, b in zip(pairs["a"], pairs["b"])]
    print(pd.crosstab(pairs["truth"], pairs["label"]).to_string())


if __name__ == "__main__":
    main()
