"""How many texts of each shared corpus ``junk`` flags, by reason, with a few of each shown
(first 80 characters) so the rule can be judged by eye.

    python benchmarks/junk_counts.py [--show 5]
"""

from __future__ import annotations

import argparse
import collections

import pandas as pd
from corpora import throughput_corpus

import newscorpus as nc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=5, help="examples shown a reason and corpus")
    args = ap.parse_args()
    rows = []
    for name, texts in throughput_corpus().items():
        reasons = nc.junk(texts)
        counts = collections.Counter(r for r in reasons if r)
        rows.append({"corpus": name, "texts": len(texts), "junk": sum(counts.values()), **counts})
        for reason in sorted(counts):
            shown = [t for t, r in zip(texts, reasons) if r == reason][: args.show]
            for t in shown:
                print(f"{name:11} {reason:14} {' '.join(str(t).split())[:80]!r}")
    print()
    print(pd.DataFrame(rows).fillna(0).to_string(index=False))


if __name__ == "__main__":
    main()
