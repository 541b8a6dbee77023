"""Which word n-gram size should near-duplicate detection use by default? Measured on real
data with known answers:

- seeds: 002/004 are the same article (should score high), 000/001 a rewrite (should
  score low): the gap between the two Jaccard values;
- BBC: the 100 known exact-duplicate pairs must all be found at threshold 0.8, and pairs
  found beyond them are updated versions of a story or false matches: fewer is better;
- WikiRef220: the highest Jaccard between articles of *different* topics (noise floor).

Run: python benchmarks/choose_ngram.py
"""

from __future__ import annotations

import numpy as np
from corpora import DATA

import newscorpus as nc
from newscorpus import datasets


def main() -> None:
    seeds = [p.read_text("utf-8") for p in sorted((DATA.parent / "seeds").glob("*.txt"))]
    bbc = datasets.load_bbc(DATA / "bbc")
    known = datasets.exact_duplicate_pairs(bbc["text"])
    wiki = datasets.load_wikiref220(DATA / "wikiref220")
    topics = wiki["topic"].to_numpy()
    other_topic = topics[:, None] != topics[None, :]
    print(f"{'n':>2} {'seeds 002/004':>14} {'seeds 000/001':>14} {'gap':>6} {'BBC known found':>16} {'BBC extra pairs':>16} {'WikiRef max cross-topic':>24}")
    for n in range(1, 7):
        m = nc.similarity_matrix(seeds, ngram=n)
        pairs = nc.near_duplicates(bbc["text"].tolist(), 0.8, ngram=n)
        found = set(map(tuple, pairs[["a", "b"]].values.tolist()))
        w = nc.similarity_matrix(wiki["text"].tolist(), ngram=n)
        cross = float(np.where(other_topic, w, 0).max())
        print(f"{n:>2} {m[2, 4]:>14.3f} {m[0, 1]:>14.3f} {m[2, 4] - m[0, 1]:>6.3f} {len(found & known):>12}/100 "
              f"{len(found - known):>16} {cross:>24.3f}")


if __name__ == "__main__":
    main()
