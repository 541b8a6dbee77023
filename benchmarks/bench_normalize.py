"""Normalization throughput: newscorpus against what users do today, in one run.

Peer pipeline (per text): ftfy.fix_text, then unicodedata.normalize("NFC"), then regex
whitespace folding; for transliteration, unidecode. Run:

    python benchmarks/bench_normalize.py            # the whole ~35 MB corpus
    python benchmarks/bench_normalize.py --sample 0.1

Prints MB/s for each and the ratios.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import time
import unicodedata
from importlib.metadata import version

from corpora import megabytes, throughput_corpus

import newscorpus as nc

SPACES = re.compile(r"[ \t\u00a0]+")
BLANK_LINES = re.compile(r"\n\s*\n+")


def peer_pipeline(texts: list[str]) -> list[str]:
    import ftfy

    out = []
    for t in texts:
        t = ftfy.fix_text(t)
        t = unicodedata.normalize("NFC", t)
        t = SPACES.sub(" ", t)
        t = BLANK_LINES.sub("\n\n", t)
        out.append(t.strip())
    return out


def peer_ascii(texts: list[str]) -> list[str]:
    from unidecode import unidecode

    return [unidecode(t) for t in texts]


def timed(fn, *args, repeat: int = 1, **kwargs):
    """Best of `repeat` runs (the peers run once: they take seconds)."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, result


def first_call(texts):
    """One call on strings newscorpus has not seen: CPython builds the UTF-8 form of each
    non-ASCII str on first request and caches it, so a notebook's first call pays that."""
    fresh = [t.encode("utf-8").decode("utf-8") for t in texts]
    start = time.perf_counter()
    nc.normalize(fresh)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=float, default=1.0, help="fraction of the corpus to use")
    parser.add_argument("--repeat", type=int, default=5, help="newscorpus runs (best is kept)")
    args = parser.parse_args()

    corpora = throughput_corpus()
    texts = [t for ts in corpora.values() for t in ts]
    if args.sample < 1:
        random.seed(0)
        texts = random.sample(texts, int(len(texts) * args.sample))
    mb = megabytes(texts)
    print(f"corpus: {len(texts):,} texts, {mb:.1f} MB ({', '.join(f'{k} {len(v):,}' for k, v in corpora.items())})")
    print(f"python {platform.python_version()}, newscorpus {nc.__version__}, ftfy {version('ftfy')}, "
          f"unidecode {version('unidecode')}, {nc._native.default_threads()} threads")

    rows = []
    t_peer, _ = timed(peer_pipeline, texts)
    rows.append(("ftfy + NFC + regex whitespace", t_peer, None))
    t_first = first_call(texts)
    rows.append(("newscorpus.normalize, all cores, first call", t_first, t_peer / t_first))
    for label, kwargs in [
        ("newscorpus.normalize, 1 thread", {"n_threads": 1}),
        ("newscorpus.normalize, all cores", {}),
        ("newscorpus.normalize, all cores, offsets", {"offsets": True}),
        ("newscorpus.matching_key, all cores", None),
    ]:
        if kwargs is None:
            t, _ = timed(nc.matching_key, texts, repeat=args.repeat)
        else:
            t, _ = timed(nc.normalize, texts, repeat=args.repeat, **kwargs)
        rows.append((label, t, t_peer / t))
    t_uni, _ = timed(peer_ascii, texts)
    t_ascii, _ = timed(nc.normalize, texts, repeat=args.repeat, ascii=True)
    rows.append(("unidecode", t_uni, None))
    rows.append(("newscorpus.normalize(ascii=True), all cores", t_ascii, t_uni / t_ascii))

    print(f"\n{'pipeline':<46} {'seconds':>8} {'MB/s':>8} {'vs peer':>8}")
    for label, t, ratio in rows:
        print(f"{label:<46} {t:>8.2f} {mb / t:>8.1f} {('%.1fx' % ratio) if ratio else '':>8}")


if __name__ == "__main__":
    main()
