"""What one story of ``stories()`` is on an undated corpus: BBC pairs judged by people.

    python benchmarks/annotations/bbc_story_sample.py sample      # writes bbc_story_pairs.tsv (ids only)
    python benchmarks/annotations/bbc_story_sample.py sample8     # writes bbc_story_pairs8.tsv (held out)
    python benchmarks/annotations/bbc_story_sample.py sample9     # writes reuters_story_pairs9.tsv (Reuters, held out)
    python benchmarks/annotations/bbc_story_sample.py chunks N [7|8|9]  # blind, shuffled chunks for N judges (/tmp)
    python benchmarks/annotations/bbc_story_sample.py show9 FILE [CHARS]  # the same for Reuters pairs
    python benchmarks/annotations/bbc_story_sample.py show FILE [CHARS]  # each pair's two texts, no label
    python benchmarks/annotations/bbc_story_sample.py score        # shares for today's code, several settings

BBC News (2,225 articles of 2004-2005, ids ``category/number``) has no publication dates, as
many archives users bring. Sample 7: 240 pairs drawn uniformly (seed 20261210) from every
pair of articles that ``stories(text)`` puts in one story with its defaults of 2026-12-06
(average linkage at 0.1, ``min_link`` 0.4, 30 neighbours), judged blind by helper sessions
following ``RELATE_GUIDELINES.md`` from each text's title and first 2,500 characters,
committed as ``bbc_story_judged.tsv`` (``a_id, b_id, relation, judge``), ids only.

Sample 8 (held out): 240 pairs drawn uniformly (seed 20261211) from the pairs
``stories(text)`` puts in one story once a story's articles had to name one same name
(``anchor`` 0.8, which sample 7 chose), none judged in sample 7, judged blind by four other
helper sessions under the same brief, committed as ``bbc_story_judged8.tsv``.

``score`` reads the judgements against today's ``stories()`` with its defaults and with
other settings: of the sampled pairs each setting keeps together, the share judged one
story (copy, rewrite or same story), one subject (any of those or same topic) and
unrelated; and of the pairs judged one story, the share it keeps together.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpora import DATA  # noqa: E402

import newscorpus as nc  # noqa: E402
from newscorpus import datasets  # noqa: E402
from relate_sample import story_pairs  # noqa: E402  (every pair of articles in one story)

SAMPLE = HERE / "bbc_story_pairs.tsv"
JUDGED = HERE / "bbc_story_judged.tsv"
SEED = 20261210
PAIRS = 240
SAMPLE8 = HERE / "bbc_story_pairs8.tsv"
JUDGED8 = HERE / "bbc_story_judged8.tsv"
SEED8 = 20261211
SAMPLE9 = HERE / "reuters_story_pairs9.tsv"
JUDGED9 = HERE / "reuters_story_judged9.tsv"
SEED9 = 20261212

#: The settings ``score`` compares: the defaults the sample was drawn from (before the names
#: rule, ``anchor``), today's, then other grains.
SETTINGS = {"the defaults it was drawn from (anchor=0)": {"anchor": 0.0},
            "today's defaults (anchor 0.8)": {},
            "anchor=0.6": {"anchor": 0.6},
            "anchor=0.9": {"anchor": 0.9},
            "anchor=0, threshold=0.2": {"anchor": 0.0, "threshold": 0.2},
            "anchor=0, threshold=0.3": {"anchor": 0.0, "threshold": 0.3},
            "anchor=0, min_link=0.55": {"anchor": 0.0, "min_link": 0.55},
            "anchor=0, neighbours=20": {"anchor": 0.0, "neighbours": 20},
            "method='center' (0.55)": {"method": "center"}}

ONE_STORY = {"copy", "rewrite", "same_story"}
ONE_SUBJECT = ONE_STORY | {"same_topic"}


def corpus() -> pd.Series:
    """BBC texts by id (``business/001``)."""
    df = datasets.load_bbc(DATA / "bbc")
    return df.set_index("id")["text"]


def reuters() -> pd.DataFrame:
    """Reuters-21578 (HTML entities decoded) by ``newid`` (as str): ``title`` and ``text``."""
    df = datasets.load_reuters21578(DATA / "reuters21578", unescape=True)
    return df.assign(newid=df["newid"].astype(str)).set_index("newid")


def sample() -> None:
    pairs = story_pairs(nc.stories(corpus()))
    out = pairs.sample(PAIRS, random_state=SEED)
    out.to_csv(SAMPLE, sep="\t", index=False)
    print(f"{len(out)} of {len(pairs)} pairs in one story -> {SAMPLE}")


def sample8() -> None:
    """240 pairs drawn uniformly (seed 20261211) from the pairs ``stories(text)`` puts in
    one story once a story's articles had to name one same name (``anchor`` 0.8), never
    judged in sample 7 (held out: sample 7 chose the rule and its share)."""
    pairs = story_pairs(nc.stories(corpus()))
    seen = set(map(tuple, pd.read_csv(JUDGED, sep="\t", dtype=str)[["a_id", "b_id"]].to_numpy()))
    fresh = pairs[[(a, b) not in seen for a, b in zip(pairs["a_id"], pairs["b_id"])]]
    out = fresh.sample(PAIRS, random_state=SEED8)
    out.to_csv(SAMPLE8, sep="\t", index=False)
    print(f"{len(out)} of {len(fresh)} fresh pairs of the {len(pairs)} in one story -> {SAMPLE8}")


def sample9() -> None:
    """Reuters-21578 (no dates passed, as users load it): 240 pairs drawn uniformly (seed
    20261212) from the pairs ``stories(text, anchor=0)`` puts in one story, the rule's
    population before it, so that both settings are read on one sample; held out (the
    rule and its share were chosen on BBC)."""
    pairs = story_pairs(nc.stories(reuters()["text"], anchor=0.0))
    out = pairs.sample(PAIRS, random_state=SEED9)
    out.to_csv(SAMPLE9, sep="\t", index=False)
    print(f"{len(out)} of {len(pairs)} pairs in one story -> {SAMPLE9}")


def show9(path: str, chars: int = 2500) -> None:
    df = reuters()
    for row in pd.read_csv(path, sep="\t", dtype=str).itertuples():
        print(f"### {row.a_id}\t{row.b_id}")
        for side in (row.a_id, row.b_id):
            body = " ".join(str(df.at[side, "text"]).split())
            more = f" [... {len(body) - chars} more characters]" if len(body) > chars else ""
            print(f"[{side}] {str(df.at[side, 'title']).strip()}\n    {body[:chars]}{more}")
        print()


def score9() -> None:
    """Sample 9: for the Reuters pairs each setting keeps in one story, the shares judged one
    story, one subject and unrelated."""
    texts = reuters()["text"]
    judged = pd.read_csv(SAMPLE9, sep="\t", dtype=str).merge(pd.read_csv(JUDGED9, sep="\t", dtype=str),
                                                              on=["a_id", "b_id"], how="left")
    sure = judged[judged["relation"].fillna("unsure") != "unsure"]
    print(f"\nSample 9 (Reuters-21578, held out): {len(judged)} pairs of stories(text, anchor=0), judged blind: "
          f"{judged['relation'].value_counts().to_dict()}")
    one = sure["relation"].isin(ONE_STORY).to_numpy()
    for name, options in (("anchor=0 (drawn from)", {"anchor": 0.0}), ("today's defaults (anchor 0.8)", {})):
        story = nc.stories(texts, **options)
        together = story[sure["a_id"]].to_numpy() == story[sure["b_id"]].to_numpy()
        kept = sure[together]
        sizes = story.value_counts()
        print(f"stories(reuters, {name}): {together.sum()} of the pairs together: one story "
              f"{kept['relation'].isin(ONE_STORY).mean():.3f}, one subject {kept['relation'].isin(ONE_SUBJECT).mean():.3f}, "
              f"unrelated {(kept['relation'] == 'unrelated').mean():.3f}; of the {one.sum()} judged one story, "
              f"together {together[one].mean():.3f}; largest story {sizes.iloc[0]}, in stories of 2 or more "
              f"{sizes[sizes >= 2].sum()} of {len(story)}")


def chunks(n: int, which: str = "7") -> None:
    source = {"7": SAMPLE, "8": SAMPLE8, "9": SAMPLE9}[which]
    pairs = pd.read_csv(source, sep="\t", dtype=str).sample(frac=1.0, random_state=1)
    for k in range(n):
        path = Path("/tmp") / f"bbc_story{which}_chunk{k + 1}.tsv"
        pairs.iloc[k::n].to_csv(path, sep="\t", index=False)
        print(path, len(pairs.iloc[k::n]))


def show(path: str, chars: int = 2500) -> None:
    texts = corpus()
    pairs = pd.read_csv(path, sep="\t", dtype=str)
    for row in pairs.itertuples():
        print(f"### {row.a_id}\t{row.b_id}")
        for side in (row.a_id, row.b_id):
            lines = str(texts[side]).strip().split("\n", 1)
            title, body = lines[0].strip(), " ".join(lines[1].split()) if len(lines) > 1 else ""
            more = f" [... {len(body) - chars} more characters]" if len(body) > chars else ""
            print(f"[{side}] {title}\n    {body[:chars]}{more}")
        print()


def score() -> None:
    texts = corpus()
    judged = pd.read_csv(JUDGED, sep="\t", dtype=str)
    drawn = pd.read_csv(SAMPLE, sep="\t", dtype=str)
    judged = drawn.merge(judged, on=["a_id", "b_id"], how="left")
    missing = judged["relation"].isna().sum()
    sure = judged[judged["relation"].fillna("unsure") != "unsure"]
    print(f"Sample 7: {len(drawn)} pairs of stories(bbc) with the defaults of 2026-12-06, judged blind "
          f"({len(sure)} sure, {len(judged) - len(sure) - missing} unsure, {missing} not judged): "
          f"{sure['relation'].value_counts().to_dict()}")
    population = len(story_pairs(nc.stories(texts, **SETTINGS[next(iter(SETTINGS))])))
    for name, options in SETTINGS.items():
        story = nc.stories(texts, **options)
        together = (story[sure["a_id"]].to_numpy() == story[sure["b_id"]].to_numpy())
        kept = sure[together]
        one = sure["relation"].isin(ONE_STORY)
        sizes = story.value_counts()
        share = (lambda rel: float(kept["relation"].isin(rel).mean())) if len(kept) else (lambda rel: np.nan)
        print(f"stories(bbc, {name}): {together.sum()} of the pairs together: one story {share(ONE_STORY):.3f}, "
              f"one subject {share(ONE_SUBJECT):.3f}, unrelated {share({'unrelated'}):.3f}; "
              f"of the {one.sum()} judged one story, together {together[one.to_numpy()].mean():.3f}; "
              f"largest story {sizes.iloc[0]}, in stories of 2 or more {sizes[sizes >= 2].sum()} of {len(story)}")
    print(f"(the defaults put {population} pairs of articles in one story)")
    if JUDGED8.exists():
        score8(texts)
    if JUDGED9.exists():
        score9()


def score8(texts: pd.Series) -> None:
    """Sample 8 (held out): of 240 pairs drawn uniformly from the pairs today's defaults put
    in one story (none judged in sample 7), the shares judged one story, one subject and
    unrelated, for the pairs today's code still puts together."""
    judged = pd.read_csv(SAMPLE8, sep="\t", dtype=str).merge(pd.read_csv(JUDGED8, sep="\t", dtype=str),
                                                              on=["a_id", "b_id"], how="left")
    story = nc.stories(texts)
    together = story[judged["a_id"]].to_numpy() == story[judged["b_id"]].to_numpy()
    sure = judged[together & (judged["relation"].fillna("unsure") != "unsure").to_numpy()]
    print(f"\nSample 8 (held out): {len(judged)} fresh pairs of stories(bbc) with anchor 0.8, judged blind: "
          f"{judged['relation'].value_counts().to_dict()}; {together.sum()} still together today: "
          f"one story {sure['relation'].isin(ONE_STORY).mean():.3f}, one subject "
          f"{sure['relation'].isin(ONE_SUBJECT).mean():.3f}, unrelated {(sure['relation'] == 'unrelated').mean():.3f} "
          f"({len(sure)} sure)")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "score"
    if what == "sample":
        sample()
    elif what == "sample8":
        sample8()
    elif what == "sample9":
        sample9()
    elif what == "show9":
        show9(sys.argv[2], *(int(x) for x in sys.argv[3:4]))
    elif what == "chunks":
        chunks(int(sys.argv[2]), *sys.argv[3:4])
    elif what == "show":
        show(sys.argv[2], *(int(x) for x in sys.argv[3:4]))
    else:
        score()
