"""Worst-case inputs at sizes n and 4n: how each function scales, and its peak memory.

A linear function takes about 4x the time at 4n; an n log n one a little more; a quadratic
one 16x. The issue's target is a ratio under 6 for every case. Each case runs in a child
process (so one case's memory does not hide another's, and a runaway case is cut off by
--timeout), and prints seconds at n and 4n, the ratio and the child's peak resident memory.

    python benchmarks/bench_adversarial.py [--scale 1.0] [--timeout 120] [--only NAME]

The peers users pick instead (ftfy, datasketch, spaCy) are not run here: this measures
newscorpus against itself at two sizes; the side-by-side speed benchmarks are
bench_normalize.py, bench_similarity.py and bench_entities.py.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time


def _word_run(n):
    return " ".join(["the"] * n)


# name -> (function of n that builds the call's arguments and runs it, base n)
def _cases():
    import newscorpus as nc

    def pages(n, same):
        if same:
            return ["Page not found. The page you requested does not exist or has been moved."] * n
        return [f"Page not found. The page you requested does not exist or has been moved. Ref {i}." for i in range(n)]

    def spread(n):
        # 40 words a text from a vocabulary sized so that every word is in about 100 texts:
        # every word is as rare as a distinctive word may be, the worst case of relate's and
        # stories' candidate search.
        import random

        rng = random.Random(0)
        words = [f"w{k}x" for k in range(max(1, n * 40 // 100))]
        return [" ".join(rng.choice(words) for _ in range(40)) for _ in range(n)]

    def named(n):
        # One long template every text shares (its pairs score alike), a name each group of
        # 50 shares, a word that joins one text of every group to one of each other group,
        # and three names of each text's own: stories grow within a group's name, and the
        # merges across groups are read against the names rule (stories' `anchor`) and
        # refused.
        template = ("Officials said economic growth slowed sharply as exports weakened, factory orders fell, "
                    "consumer spending stalled and unemployment rose across manufacturing regions, analysts warned")
        groups = max(1, n // 50)
        return [f"{template} while Group{i // 50} reported figures and link{i % groups}x, "
                + " ".join(f"and Name{i}x{k}" for k in range(3)) + " agreed." for i in range(n)]

    def hub(n):
        # stories' clustering step alone (`_native.average_clusters`, as `stories` calls
        # it): a story of 400 articles all alike, each also weakly alike (below min_link)
        # to n / 400 articles of its own. The story grows by one article at a time, and a
        # merge that read every link of the growing story again took the square of its
        # size times its neighbours (18 s for 600 articles with 4,000 each, before the
        # thirty-eighth session).
        import numpy as np
        from newscorpus import _native

        m, each = 400, max(1, n // 400)
        core_a, core_b = np.triu_indices(m, 1)
        weak_a = np.repeat(np.arange(m), each)
        weak_b = m + np.arange(m * each)
        a = np.concatenate([core_a, weak_a]).astype(np.int64)
        b = np.concatenate([core_b, weak_b]).astype(np.int64)
        score = np.concatenate([np.full(len(core_a), 0.9), np.full(len(weak_a), 0.11)])
        size = m + m * each
        order = np.arange(size, dtype=np.int64)
        return _native.average_clusters(size, a, b, score, order, 0.3, order, min_link=0.4)

    return {
        "stories: average linkage of a story with many weak neighbours": (hub, 400_000),
        "stories: groups a name holds together": (lambda n: nc.stories(named(n), junk=False), 5_000),
        "relate: evenly spread words": (lambda n: nc.relate(spread(n), junk=False), 10_000),
        "stories: evenly spread words": (lambda n: nc.stories(spread(n), junk=False), 10_000),
        "normalize: unclosed <!--": (lambda n: nc.normalize(["<!--" * n]), 250_000),
        "normalize: unclosed <script>": (lambda n: nc.normalize(["<script>" * n]), 125_000),
        "normalize: nested [ brackets": (lambda n: nc.normalize(["[" * n]), 1_000_000),
        "normalize: [a]( openers": (lambda n: nc.normalize(["[a](" * n]), 250_000),
        "normalize: *a emphasis openers": (lambda n: nc.normalize(["*a " * n]), 300_000),
        "normalize: &amp;amp; chains": (lambda n: nc.normalize(["&amp;" * n]), 200_000),
        "normalize: one 'word' without spaces": (lambda n: nc.normalize(["x" * n]), 4_000_000),
        # Each repair of the last two characters completes another with the lead before.
        "normalize: a run of mojibake leads": (lambda n: nc.normalize(["\u00c2" * n + "\u00a1"]), 1_000_000),
        "normalize: twice mis-decoded text": (lambda n: nc.normalize(["caf\u00c3\u0192\u00c2\u00a9 " * n]), 250_000),
        "matching_key: combining marks": (lambda n: nc.matching_key(["a\u0301" * n]), 1_000_000),
        "entities: 'Anna ' run": (lambda n: nc.entities(["Anna " * n]), 200_000),
        "entities: 'Anna ' run with a legal form": (lambda n: nc.entities(["Anna " * n + "Inc said."]), 200_000),
        "entities: capitalised one-word names": (lambda n: nc.entities([" ".join(f"Name{i}" for i in range(n))]), 50_000),
        "entities: many 'U.S.' titles": (lambda n: nc.entities(["U.S. President " * n]), 50_000),
        # One text of many lone months beside many full names ending in one (the month rule).
        "entities: months and full names": (lambda n: nc.entities([" ".join(
            f"in May and Ann May{i} saw Bo June{i} in June." for i in range(n))]), 10_000),
        # Hard-wrapped lines, each a wrap (one long joined line).
        "entities: wrapped lines": (lambda n: nc.entities(["\n".join(
            f"the carmaker Chrysler and the bank Citicorp{i} said on Tuesday that Allegheny"
            for i in range(n))]), 10_000),
        # Dashes after datelines and bracketed agencies, again and again.
        "entities: datelines and dashes": (lambda n: nc.entities(["\n".join(
            f"KABUL{i}, March 3 (Reuters) - Officials said - in a statement -" for i in range(n))]), 10_000),
        # One text naming many people in full and their surnames alone (place evidence).
        "entities: names and lone words": (lambda n: nc.entities([" ".join(
            f"Ann Denver{i} met Denver{i} and Bo Henan{i}." for i in range(n))]), 10_000),
        # Letters lost as "?" in and after names, and the same word before "?" elsewhere.
        "entities: lost letters": (lambda n: nc.entities([" ".join(
            f"Sch?uble{i} of RT{i}?'s M?nchen said RT{i}? News asked why?" for i in range(n))]), 10_000),
        # Titles with portfolios, particles and people "of" places, again and again.
        "entities: portfolios, particles, 'of'": (lambda n: nc.entities([" ".join(
            f"Minister for Social Protection Leo Var{i} met von der Ley{i} and Matt Gae{i} of Florida."
            for i in range(n))]), 10_000),
        # Many people named in full in two texts, each named by surname alone in a third
        # (the company test of a lone surname against its full name's texts).
        "entities: lone surnames of many full names": (lambda n: nc.entities(
            [" ".join(f"Ann Zor{i} met Kay Pell{i}." for i in range(n))] * 2
            + [" ".join(f"Zor{i} spoke." for i in range(n))]), 5_000),
        # Names joined at "and" (pairs counted corpus-wide), names going on after a head and
        # "for", words after a prefix ("anti-Qua1"), one long text.
        "entities: 'and', 'for' and prefixes": (lambda n: nc.entities(
            [" ".join(f"the Zed{i % 50} and Qua{i % 50} Office for Zed{i} Affairs met anti-Qua{i} "
                      f"people." for i in range(n))] * 2), 10_000),
        # Possessives inside names (pairs counted corpus-wide): one run of "People's"
        # joined end to end, and many family names with particles alone and in full.
        "entities: possessives and particles": (lambda n: nc.entities(
            ["The " + "People's " * n + "Congress met.", " ".join(
                f"Ann le Zor{i} met Bo van Pell{i}; le Zor{i} and van Pell{i} left." for i in range(n // 4))] * 2),
            20_000),
        # Names joined to an Arabic article: one run of thousands of them, and many names
        # with the article inside and alone.
        "entities: Arabic articles": (lambda n: nc.entities(
            ["Zed " + " ".join(f"al-Qua{i}" for i in range(n)) + " said.", " ".join(
                f"Ali al-Zor{i} met Jabhat al-Qua{i}; al-Zor{i} left." for i in range(n // 4))] * 2),
            20_000),
        # One run of capitals with a pair the corpus writes inside it again and again
        # ("and" inside a run), and one text naming many banks and "the Bank" after each.
        "entities: 'and' inside one run": (lambda n: nc.entities(
            [" ".join("Zed Savings and Loan" for _ in range(n)) + " said."] * 2), 20_000),
        "entities: kinds of bodies alone": (lambda n: nc.entities([" ".join(
            f"The Bank of Zed{i} met the Zed{i} Commission, and the Bank said so." for i in range(n))]), 10_000),
        # One line of one-word names between commas, with pronouns (the list and pronoun
        # reading of words only the model calls people).
        "entities: a team sheet with pronouns": (lambda n: nc.entities([", ".join(
            f"Zed{i}, he said; Quo{i}" for i in range(n)) + "."]), 20_000),
        # The in-document short forms (a firm's first word, a body's last words), tickers,
        # demonym bodies and futures months, all in one article.
        "entities: short forms, tickers, demonym bodies": (lambda n: nc.entities([" ".join(
            f"Zed{i} Petroleum Ltd <Z{i}.PA> said Zed{i} and the Russian Zed{i} Ministry met; "
            f"the Zed{i} Ministry and May settled." for i in range(n))]), 5_000),
        # Sentences opening with a word the corpus capitalises inside sentences too, firms
        # joined at "and" before a legal form, and one run of "Gas and" ending in one.
        "entities: sentence starts, 'and' before a legal form": (lambda n: nc.entities([" ".join(
            f"General Zed{i} Gas and Electric Co said. Shares of General Zed{i} Tire and Rubber Co "
            f"rose; the general gas and electric tire and rubber rise." for i in range(n)),
            " ".join("Gas and" for _ in range(n)) + " Electric Co said."]), 5_000),
        # Names going on past "of the": one run of thousands ("News of the World of the ..."),
        # possessives after them, known places after them, and many short ones.
        "entities: names past 'of the'": (lambda n: nc.entities([
            "The " + " of the ".join(f"News{i}" for i in range(n)) + "'s staff said the news was old.",
            " ".join(f"the Year of the Zed{i} and the Bank of the United States met the Office of "
                     f"the Qua{i}'s staff; the year and the bank and the office." for i in range(n))]), 10_000),
        # Many names of three words that differ in one word's letters (about 20 spelling
        # neighbours a name for step 4 to compare), in one text.
        "entities: names one letter apart": (lambda n: nc.entities([" ".join(
            "the Great Hall Zed" + "".join("abcdefghijklmnopqrstuvwxyz"[i // 26 ** k % 26] for k in range(4))
            + " said." for i in range(n))]), 10_000),
        # Many people named with a familiar and a formal given name in texts that share
        # names (the company test of each pair), and rare given names alone.
        "entities: familiar and rare given names": (lambda n: nc.entities(
            [" ".join(f"Mike Zor{i} met Ivankaz{i} Pell{i} at Acme{i % 50}." for i in range(n))] * 2
            + [" ".join(f"Michael Zor{i} and Ivankaz{i} saw Acme{i % 50}; Pell{i} left." for i in range(n))]),
            5_000),
        # Many surnames, each of one man named in full in five texts and of another named
        # once in a text that writes the surname twice before her, and alone in one more
        # (the surnames written early go to the corpus' own: the audit's rows are adjusted
        # in one pass).
        "entities: surnames written before a full name": (lambda n: nc.entities(
            [" ".join(f"Dan Zor{i} met Dan Zor{i} at Acme{i % 50}." for i in range(n))] * 5
            + [" ".join(f"Zor{i} spoke. Zor{i} left. Ann Zor{i} came." for i in range(n)),
               " ".join(f"Zor{i} won at Acme{i % 50}." for i in range(n))]),
            5_000),
        # Many pairs of surnames one edit apart, each ending full names of other people
        # (step 4 compares the names before each), written alone too; lone "North" and
        # "South" beside the Koreas, and a listed place beside its namesake.
        "entities: surnames one edit apart, the Koreas, places as surnames": (lambda n: nc.entities(
            [" ".join(f"Ann Zorbet{i} met Kay Zorbat{i} and Dan Zorbet{i} in Houston." for i in range(n))] * 2
            + [" ".join(f"Zorbet{i} spoke. Zorbat{i} left. North Korea warned the South and the North."
                        for i in range(n)),
               " ".join(f"John Houston met Zorbat{i}. Mr Houston left." for i in range(n)),
               " ".join(f"The crowd in Houston cheered Zorbet{i}." for i in range(n))]),
            5_000),
        # Family names with particles at sentence starts and after titles, lone words one
        # edit from a surname as common as it (the rarity test and the join kept to the
        # full name's documents), and lone words beside their full names in every text.
        "entities: particles, misspelt surnames, lone words beside full names": (lambda n: nc.entities(
            [" ".join(f"Senator Leila de Zorlima{i} spoke. De Zorlima{i} left. But de Zorlima{i} "
                      f"stayed. Mr da Zorsilva{i} agreed. Mathew Zortait{i} ran. Zortait{i} scored."
                      for i in range(n))] * 2
            + [" ".join(f"Joseph Zorshapira{i} said so. Zorshakira{i} sang. Zorshakira{i} danced."
                        for i in range(n))]),
            5_000),
        # One long team sheet: every player's club in parentheses, one club again and again.
        "entities: a team sheet of clubs in parentheses": (lambda n: nc.entities([", ".join(
            f"A Zed{i} (Quo{i % 7} Town)" for i in range(n)) + "."]), 20_000),
        # Firms' first and last words, lead managers, wire abbreviations and bodies after a
        # demonym, each of many names.
        "entities: banks, lead managers, abbreviations, bodies": (lambda n: nc.entities([" ".join(
            f"Banque Zed{i} said, lead manager Quo{i} Securities said; 12 H.K. Dlrs Prev Wk; "
            f"the Scottish Zed{i} Committee met." for i in range(n))]), 5_000),
        # Firms with a bracketed part before their legal form, brackets that never close,
        # and names set off by a phrase calling them firms (or nearly), in one text.
        "entities: bracketed parts, firms set off by a phrase": (lambda n: nc.entities([" ".join(
            f"Zed{i} Kong (Quo{i} Holdings) Ltd and Zed{i} ( Alpha Beta Gamma Delta, Quo{i}, the big "
            f"new trust company, and Zed{i}, a big new trust company chairman," for i in range(n))]), 5_000),
        # Names of a built-in organisation and one more word ("Sony Zed1"), many of them, in
        # one text; and counts by a column of web addresses, one an article.
        "entities: units of built-in organisations": (lambda n: nc.entities([" ".join(
            f"Shares of Sony Zed{i} and Reuters Quo{i} rose." for i in range(n))]), 10_000),
        # Firms named by their kind and by legal forms abroad, their first words alone
        # (many beginning two firms in one text), events held at many places, and names
        # the corpus writes with a number (each its own number), in a few texts.
        "entities: firms by kind, legal forms abroad, numbered names": (lambda n: nc.entities(
            [" ".join(f"Zed{i} Group and Zed{i} Holdings said Zed{i} rose; Quo{i} AG fell and "
                      f"Quo{i} gained. London{i} Marathon, Zed{i} Games." for i in range(n)),
             " ".join(f"Halo{i} {i % 900 + 10} won and Halo{i} {i % 900 + 10} sold." for i in range(n)),
             " ".join(f"Critics said Halo{i} {i % 900 + 10} was best." for i in range(n))]),
            5_000),
        "entities: state bodies, credits, web addresses, 'and' bodies": (lambda n: nc.entities(
            [" ".join(f"Japan's Coast Guard{i} and Britain's Navy sailed; the National Development "
                      f"and Reform Commission{i} met at pic.twitter.com/Ab{i}Cd http://t.co/x{i} "
                      f"Martin Luther King Jr. The views do not necessarily reflect Al Jazeera's "
                      f"editorial policy." for i in range(n)) + " Source:-Al Jazeera and news agencies",
             "www." * n + " Source: " * n]),
            5_000),
        "entities: reporters', agencies' and photographers' credits": (lambda n: nc.entities(
            [" ".join(f"Anna Lee{i} met Bob Smith{i}. ABC News' Ann Roe{i} and Jim Doe{i} contributed "
                      f"to this report. (Reporting by Kate Kelland{i}; Editing by Kevin Liffey{i}) kbd/rc "
                      f"(AFP, AP, Reuters) Sun Ruisheng{i} / For China Daily  Provided to China Daily  "
                      f"Xi Jinping{i} spoke." for i in range(n)),
             "contributed " * n + "(Reporting by " * n + "Anna and " * n + "Anna / China Daily  " * n]),
            5_000),
        "entity_counts: by web addresses": (lambda n: nc.entity_counts(
            ["Putin met Merkel in Berlin, Al Jazeera reported."] * n,
            by=[f"https://www.site{i % 500}.com/news/{i}?ref=x" for i in range(n)]), 20_000),
        # One agency's follow-ups: every text opens with its credit, and each pair of texts
        # retells one lead of its own (a rewrite pair a text, every one read for credits).
        "relate: one agency's datelines": (lambda n: nc.relate([
            f"MOSCOW, March {i % 28 + 1}. /TASS/. Zed{i // 2} " + " ".join(f"lead{i // 2}x{k}" for k in range(60))
            + " " + " ".join(f"w{i}x{k}" for k in range(30))
            for i in range(n)], junk=False, undated="same_story"), 2_000),
        "Gazetteer: many aliases": (lambda n: nc.Gazetteer({f"Name {i}": ("PER", [f"N{i}"]) for i in range(n)}), 50_000),
        "clusters: copies of one page": (lambda n: nc.clusters(pages(n, True), junk=False), 4_000),
        "clusters: templated pages (distinct)": (lambda n: nc.clusters(pages(n, False), junk=False), 1_000),
        "near_duplicates: copies of one page": (lambda n: nc.near_duplicates(pages(n, True), junk=False), 4_000),
        "relate: copies of one page": (lambda n: nc.relate(pages(n, True), junk=False), 4_000),
        "stories: copies of one page": (lambda n: nc.stories(pages(n, True), junk=False), 4_000),
        "find_boilerplate: one line everywhere": (lambda n: nc.find_boilerplate(["Share this\nbody %d" % i for i in range(n)]), 20_000),
        "shared_passages: one repeated word": (lambda n: nc.shared_passages(_word_run(n), _word_run(n)), 10_000),
        "parse_articles: huge header block": (lambda n: nc.parse_articles(["Title: x\n" * n]), 100_000),
    }


def _child(name, n, queue):
    run, _ = _cases()[name]
    started = time.perf_counter()
    run(n)
    queue.put((time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def _measure(name, n, timeout):
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(name, n, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None, None
    if proc.exitcode != 0:
        return float("nan"), float("nan")
    return queue.get()


def _best(name, n, timeout, rounds):
    """The fastest of ``rounds`` fresh runs (seconds, peak MB of that run); None on a timeout."""
    best = None
    for _ in range(max(1, rounds)):
        t, mem = _measure(name, n, timeout)
        if t is None:
            return None, None
        if best is None or t < best[0]:
            best = (t, mem)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds a case may take")
    ap.add_argument("--only", default=None, help="run the cases whose name contains this")
    ap.add_argument("--rounds", type=int, default=1,
                    help="fresh processes a size, best time kept (a busy machine's noise at the small size "
                         "moves the ratio by a third)")
    args = ap.parse_args()
    import newscorpus

    print(f"newscorpus {newscorpus.__version__}; each case at n and 4n in a fresh process"
          f"{f' (best of {args.rounds})' if args.rounds > 1 else ''}\n")
    print(f"{'case':42} {'n':>9} {'s at n':>8} {'s at 4n':>8} {'ratio':>6} {'MB at 4n':>9}")
    worst = 0.0
    for name, (_, base) in _cases().items():
        if args.only and args.only not in name:
            continue
        n = max(1, int(base * args.scale))
        t1, _ = _best(name, n, args.timeout, args.rounds)
        t4, mem = _best(name, 4 * n, args.timeout, args.rounds) if t1 is not None else (None, None)
        if t1 is None or t4 is None:
            print(f"{name:42} {n:>9} {'timeout' if t1 is None else f'{t1:8.3f}':>8} {'timeout':>8}")
            worst = float("inf")
            continue
        ratio = t4 / max(t1, 1e-3)
        worst = max(worst, ratio if t4 > 0.05 else 0.0)
        flag = "  <-- over 6" if ratio > 6 and t4 > 0.05 else ""
        print(f"{name:42} {n:>9} {t1:8.3f} {t4:8.3f} {ratio:6.1f} {mem:9.0f}{flag}")
    print(f"\nworst ratio (cases over 0.05 s at 4n): {worst:.1f}")


if __name__ == "__main__":
    main()
