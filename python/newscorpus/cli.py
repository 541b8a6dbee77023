"""The ``newscorpus`` command: ``demo``, ``normalize``, ``boilerplate``, ``dedup`` and ``entities``."""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator, Optional, Sequence

import pandas as pd

from . import __version__
from ._normalize import find_boilerplate, normalize, parse_articles
from ._entities import cooccurrence, entities, entity_counts
from .similarity import clusters, near_duplicates, relate, shared_passages, similarity_matrix, stories
from .datasets import load_sample
from ._options import DEFAULTS
from .exceptions import InputValueError, NewsCorpusError

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def _format(path: Path, given: Optional[str]) -> str:
    if given:
        return given
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SystemExit(f"newscorpus: cannot tell the format of {path} from its extension; pass --format csv|jsonl|parquet")
    return fmt


def _unreadable(path: Path, fmt: str, exc: Exception) -> InputValueError:
    """A file the readers could not read, said plainly (no traceback): which file, as what,
    and what to try."""
    hint = " (is --format right? A CSV or JSON Lines file in another encoding: pass --encoding, e.g. latin-1)" \
        if isinstance(exc, UnicodeDecodeError) else " (is --format right?)"
    return InputValueError(f"cannot read {path} as {fmt}: {type(exc).__name__}: {exc}{hint}")


def read_table(path: Path, fmt: Optional[str] = None, encoding: str = "utf-8") -> pd.DataFrame:
    """Read a CSV, JSON Lines or Parquet file."""
    fmt = _format(path, fmt)
    try:
        if fmt == "csv":
            return pd.read_csv(path, dtype=object, keep_default_na=False, na_values=[""], encoding=encoding)
        if fmt == "jsonl":
            return pd.read_json(path, lines=True, dtype=False, encoding=encoding)
        return pd.read_parquet(path)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except OSError:
        raise
    except Exception as exc:
        raise _unreadable(path, fmt, exc) from None


def write_table(frame: pd.DataFrame, path: Path, fmt: Optional[str] = None) -> None:
    """Write a CSV, JSON Lines or Parquet file."""
    fmt = _format(path, fmt)
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        frame.to_parquet(path, index=False)


def iter_batches(path: Path, fmt: Optional[str], columns: list[str], batch_size: int, encoding: str = "utf-8"):
    """The file's rows, ``batch_size`` at a time, as DataFrames of ``columns`` (missing
    texts as None): memory holds one batch, not the file. An empty file has no rows; one
    the readers cannot read is an ``InputValueError`` saying so."""
    fmt = _format(path, fmt)
    try:
        yield from _batches(path, fmt, columns, batch_size, encoding)
    except pd.errors.EmptyDataError:
        return
    except (OSError, SystemExit, NewsCorpusError, GeneratorExit):
        raise
    except Exception as exc:
        raise _unreadable(path, fmt, exc) from None


def _batches(path: Path, fmt: str, columns: list[str], batch_size: int, encoding: str):
    if fmt == "parquet":
        import pyarrow.parquet as pq

        # Without pre-buffering, and read through a 1 MB buffer: pyarrow's default keeps
        # every row group it has read (a 1.3 GB file of a million texts grew the process by
        # 1.4 GB before the first pass ended; this way it stays near one batch).
        handle = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
        missing = [c for c in columns if c not in handle.schema_arrow.names]
        if missing:
            raise SystemExit(f"newscorpus: no column {missing[0]!r} in {path}; columns are {handle.schema_arrow.names}")
        for batch in handle.iter_batches(batch_size=batch_size, columns=columns):
            yield batch.to_pandas()
        return
    if fmt == "csv":
        reader = pd.read_csv(path, dtype=object, keep_default_na=False, na_values=[""], chunksize=batch_size,
                             encoding=encoding)
    else:
        reader = pd.read_json(path, lines=True, dtype=False, chunksize=batch_size, encoding=encoding)
    with reader:
        for chunk in reader:
            missing = [c for c in columns if c not in chunk.columns]
            if missing:
                raise SystemExit(f"newscorpus: no column {missing[0]!r} in {path}; columns are {list(chunk.columns)}")
            yield chunk[columns]


def _texts_of(frame: pd.DataFrame, column: str) -> list:
    return [v if isinstance(v, str) else None for v in frame[column].tolist()]


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, moved into place when the block ends without an
    error and removed when it does not (Ctrl-C included): an interrupted run leaves no
    half-written output."""
    import os
    import tempfile

    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    os.close(handle)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(frame: pd.DataFrame, path: Path, fmt: Optional[str] = None) -> None:
    """Write to a temporary file beside ``path``, then move it into place: an interrupted
    run leaves no half-written output."""
    fmt = _format(path, fmt)
    with _replacing(path) as tmp:
        write_table(frame, tmp, fmt)


def write_total(total: Any, path: Path, fmt: str, empty: pd.DataFrame, keep: Any = None) -> int:
    """A summed count table (``_counts.CountTotal``) written to ``path`` sorted, a chunk at a
    time (``keep`` of each chunk, when given: the rows to write); ``empty`` (the table's
    columns) when no row is; returns the rows written."""
    rows = 0
    with ChunkWriter(path, fmt) as out:
        for chunk in total.sorted_chunks():
            chunk = keep(chunk) if keep is not None else chunk
            out.write(chunk)
            rows += len(chunk)
        if out.first:
            out.write(empty)
    return rows


class ChunkWriter:
    """Writes a table a chunk at a time (``write``) to a temporary file beside ``path`` and
    moves it into place when the ``with`` block ends without an error (`_replacing`)."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path, self.fmt = path, fmt
        self.first = True
        self._text: Optional[IO[str]] = None
        self._parquet: Any = None
        self._schema: Any = None

    def write(self, frame: pd.DataFrame) -> None:
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            if self._parquet is None:
                schema = pa.Schema.from_pandas(frame, preserve_index=False)
                # A column with no value in the first chunk takes strings, not Arrow's null type.
                for i, field in enumerate(schema):
                    if pa.types.is_null(field.type):
                        schema = schema.set(i, field.with_type(pa.string()))
                self._schema = schema
                self._parquet = pq.ParquetWriter(self.tmp, schema)
            self._parquet.write_table(pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False))
        else:
            if self._text is None:
                self._text = open(self.tmp, "w", encoding="utf-8", newline="")
            if self.fmt == "csv":
                frame.to_csv(self._text, header=self.first, index=False)
            else:
                text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
                self._text.write(text if not text or text.endswith("\n") else text + "\n")
        self.first = False

    def __enter__(self) -> "ChunkWriter":
        self._replacing = _replacing(self.path)
        self.tmp = self._replacing.__enter__()
        return self

    def __exit__(self, kind: Any, value: Any, trace: Any) -> None:
        try:
            if self._parquet is not None:
                self._parquet.close()
            if self._text is not None:
                self._text.close()
        finally:
            self._replacing.__exit__(kind, value, trace)


class _Progress:
    """One line a batch on stderr (a tqdm bar when tqdm is installed and stderr is a
    terminal); silent with ``enabled=False``."""

    def __init__(self, enabled: bool, what: str) -> None:
        self.enabled, self.what, self.done, self.bar = enabled, what, 0, None
        if enabled and sys.stderr.isatty():
            try:
                from tqdm.auto import tqdm

                self.bar = tqdm(desc=what, unit=" texts", file=sys.stderr)
            except ImportError:
                pass

    def update(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
        elif self.enabled:
            print(f"{self.what}: {self.done:,} texts", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _parquet_rows(path: Path, fmt: Optional[str]) -> Optional[int]:
    """The number of rows of a Parquet file (from its footer), None for other formats."""
    if _format(path, fmt) != "parquet":
        return None
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


#: Pairs `dedup` scores and verifies at a time.
_PAIR_CHUNK = 20_000


def _join_freeing(parts: list, shape: tuple, dtype: Any) -> Any:
    """The arrays of ``parts`` joined along their first axis, each part dropped from the
    list once copied: memory holds the result and one part, not every part twice (as
    ``np.concatenate`` would)."""
    import numpy as np

    out = np.empty((sum(len(p) for p in parts), *shape), dtype=dtype)
    at = 0
    parts.reverse()
    while parts:
        part = parts.pop()
        out[at:at + len(part)] = part
        at += len(part)
    return out


def _dedup_cmd(args: argparse.Namespace) -> int:
    """Near-duplicate pairs of a file's texts, streamed: a first pass keeps only each text's
    LSH band keys and matching-key hash (8 bytes a band + 16: 184 bytes a text at the
    default threshold, not its 512-byte signature), finds the candidate pairs from them, and
    a second pass reads the paired rows only (text and id), scores each pair's MinHash
    estimate from the same signatures and, unless --no-verify, its exact Jaccard."""
    import numpy as np

    from . import _native
    from .similarity import JUNK_MIN_WORDS, _pair_estimates, paired_similarity

    path = Path(args.input)
    bands, rows = _native.lsh_params(args.threshold, args.num_perm, "recall")
    # A Parquet file tells its row count: the keys go straight into arrays of that size.
    # Other formats keep the band keys in the parts they were made in, and the search reads
    # the parts where they are (joining them doubled 1.8 GB of keys at 10 million texts,
    # and the freed parts stayed in the heap); the small columns are joined.
    total = _parquet_rows(path, args.format)
    band_parts: list = []
    live_parts: list = []
    key_parts: list = []
    if total is not None:
        band_keys = np.empty((total, bands), dtype=np.uint64)
        live = np.empty(total, dtype=bool)
        key_hashes = np.empty((total, 2), dtype=np.uint64)
    n = 0
    progress = _Progress(args.progress, "signatures")
    for frame in iter_batches(path, args.format, [args.column], args.batch_size, args.encoding):
        texts = _texts_of(frame, args.column)
        # Junk texts (placeholders, cookie walls, error pages) get no signature; copies are
        # grouped by their matching key's hash, as near_duplicates groups them.
        sigs, batch_keys = _native.minhash_keys(texts, args.num_perm, DEFAULTS["ngram"], DEFAULTS["shingle"], DEFAULTS["seed"],
                                                 args.threads, JUNK_MIN_WORDS)
        batch_bands, batch_live = _native.band_keys(sigs, bands, rows)
        del sigs
        if total is not None:
            band_keys[n:n + len(frame)] = batch_bands
            live[n:n + len(frame)] = batch_live
            key_hashes[n:n + len(frame)] = batch_keys
        else:
            band_parts.append(batch_bands)
            live_parts.append(batch_live)
            key_parts.append(batch_keys)
        n += len(frame)
        progress.update(len(frame))
    progress.close()
    if total is None:
        live = _join_freeing(live_parts, (), bool)
        key_hashes = _join_freeing(key_parts, (2,), np.uint64)
    else:
        band_parts = [band_keys]
        del band_keys
    cols = _native.band_pairs(band_parts, live, key_hashes, args.threads)
    del band_parts, live, key_hashes
    a, b, estimate = cols["a"], cols["b"], cols["estimate"]
    # Second pass: the texts and ids of the paired rows only.
    needed = np.unique(np.concatenate([a, b])) if len(a) else np.zeros(0, dtype=np.int64)
    paired: dict[int, Optional[str]] = {}
    ids: dict[int, Any] = {}
    row = 0
    columns = [args.column] + ([args.id] if args.id else [])
    for frame in iter_batches(path, args.format, columns, args.batch_size, args.encoding):
        lo, hi = np.searchsorted(needed, [row, row + len(frame)])
        if hi > lo:
            batch_texts = _texts_of(frame, args.column)
            batch_ids = frame[args.id].tolist() if args.id else None
            for r in needed[lo:hi].tolist():
                paired[r] = batch_texts[r - row]
                ids[r] = batch_ids[r - row] if batch_ids is not None else r
        row += len(frame)
    # Scored and verified _PAIR_CHUNK pairs at a time: the shingles of every paired text at
    # once took 10 million texts' 301,039 pairs from 2.7 to 7.4 GB.
    jaccard = np.full(len(a), np.nan)
    for lo in range(0, len(a), _PAIR_CHUNK):
        part = slice(lo, lo + _PAIR_CHUNK)
        ta, tb = [paired[int(i)] for i in a[part]], [paired[int(i)] for i in b[part]]
        rough = estimate[part]
        estimate[part] = np.where(np.isnan(rough), _pair_estimates(
            ta, tb, args.num_perm, DEFAULTS["ngram"], DEFAULTS["shingle"], DEFAULTS["seed"], JUNK_MIN_WORDS,
            args.threads), rough)
        if args.verify:
            jaccard[part] = np.asarray(paired_similarity(ta, tb, "jaccard", n_threads=args.threads), dtype=np.float64)
        del ta, tb
    keep = jaccard >= args.threshold if args.verify else estimate >= args.threshold
    a, b, estimate, jaccard = a[keep], b[keep], estimate[keep], jaccard[keep]
    ids_arr = np.empty(len(needed), dtype=object)
    ids_arr[:] = [ids[int(r)] for r in needed]
    out = pd.DataFrame({"a": ids_arr[np.searchsorted(needed, a)] if len(a) else [],
                        "b": ids_arr[np.searchsorted(needed, b)] if len(b) else [],
                        "estimate": estimate, "jaccard": jaccard})
    write_atomically(out, Path(args.out), args.output_format)
    print(f"{len(out):,} near-duplicate pairs among {n:,} texts written to {args.out}", file=sys.stderr)
    return 0


def _entities_cmd(args: argparse.Namespace) -> int:
    """Entity counts of a file's texts, a batch at a time, summed over the batches (names
    are resolved to canonical ones within each batch). The batches' counts are summed as
    they come, in memory while the total is small and in temporary files beyond that
    (`_counts.CountTotal`), and written sorted a chunk at a time: memory stays bounded
    however many articles and distinct entities the file has."""
    import warnings

    from ._counts import CountTotal

    path = Path(args.input)
    columns = [args.column] + ([args.by] if args.by else [])
    progress = _Progress(args.progress, "entities")
    with CountTotal() as total:
        for frame in iter_batches(path, args.format, columns, args.batch_size, args.encoding):
            texts = pd.Series(_texts_of(frame, args.column), dtype=object)
            by = frame[args.by].reset_index(drop=True) if args.by else None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                counts = entity_counts(texts, by=by, n_threads=args.threads)
            total.add(counts)
            progress.update(len(frame))
        progress.close()
        empty = pd.DataFrame(columns=total.columns or ["entity", "type", "mentions", "documents"])
        rows = write_total(total, Path(args.out), _format(Path(args.out), args.output_format), empty)
    print(f"{rows:,} rows of entity counts written to {args.out}", file=sys.stderr)
    return 0


def _rule(title: str) -> str:
    return f"\n{title}\n{'=' * len(title)}"


def _short(text: object, width: int) -> str:
    if not isinstance(text, str):
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def demo(out=None) -> int:
    """Run the pipeline on the sample corpus and print a report."""
    out = out or sys.stdout
    df = load_sample()
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(f"newscorpus {__version__}: demo on the built-in sample corpus")
    p(f"{len(df)} articles from {df['outlet'].nunique()} outlets on {df['story'].nunique()} stories "
      f"({(df['kind'] == 'duplicate').sum()} copies, {(df['kind'] == 'rewrite').sum()} rewrites)")

    t0 = time.perf_counter()
    learned = find_boilerplate(df["text"])
    clean = normalize(df["text"], remove_lines=learned)
    parts = parse_articles(df["text"], remove_lines=learned)
    elapsed = time.perf_counter() - t0

    p(_rule("1. Normalization"))
    before = df["text"].str.len().sum()
    after = clean.str.len().sum()
    p(f"{before:,} characters in, {after:,} out ({1 - after / before:.0%} was markup, furniture or noise); "
      f"{elapsed * 1000:.0f} ms for all steps")
    noisy = df.index[df["text"].str.contains("â€", regex=False)]
    if len(noisy):
        i = noisy[0]
        raw_line = next(line for line in df.at[i, "text"].splitlines() if "â€" in line)
        fixed = normalize([raw_line], boilerplate=False)[0]
        p(f"mojibake, article {df.at[i, 'id']}:\n  before: {_short(raw_line, 100)}\n  after:  {_short(fixed, 100)}")

    p(_rule("2. Article structure (parse_articles)"))
    table = pd.DataFrame({
        "id": df["id"],
        "outlet": df["outlet"],
        "title": parts["title"].map(lambda t: _short(t, 38)),
        "date": parts["date"].dt.strftime("%Y-%m-%d").fillna("-"),
        "dateline": parts["dateline"].fillna("-"),
        "removed": parts["removed"].map(len),
    })
    p(table.head(12).to_string(index=False))
    p(f"... {len(table) - 12} more rows")

    p(_rule("3. Boilerplate"))
    removed = parts["removed"].explode().dropna()
    p(f"{len(removed)} lines removed in all. Learned from this corpus (find_boilerplate):")
    for row in learned.itertuples():
        p(f"  {row.documents} articles  {_short(row.text, 90)}")
    sample_id = df.index[df["outlet"] == "Coastline Daily"][0]
    p(f"removed from {df.at[sample_id, 'id']} ({df.at[sample_id, 'outlet']}):")
    for line in parts.at[sample_id, "removed"]:
        p(f"  - {_short(line, 90)}")

    p(_rule("4. Copies of the same article (near_duplicates, Jaccard >= 0.8)"))
    texts = df.set_index("id")["text"]
    pairs = near_duplicates(texts, 0.8)
    groups = clusters(texts, 0.8, representative=df.set_index("id")["published"])
    for rep, members in groups.groupby(groups).groups.items():
        if len(members) > 1:
            outlets = ", ".join(f"{m} ({df.set_index('id').at[m, 'outlet']})" for m in members if m != rep)
            p(f"  {rep}: copied by {outlets}")
    expected = df[df["kind"] == "duplicate"]
    found = {frozenset(x) for x in pairs[["a", "b"]].values.tolist()}
    hit = sum(frozenset((r.id, r.copy_of)) in found for r in expected.itertuples())
    p(f"{len(pairs)} pairs; {hit} of the {len(expected)} copies the sample marks as duplicates are found")

    p(_rule("5. Rewrites: related, but not copies"))
    rewrites = df[df["kind"] == "rewrite"].head(3)
    for r in rewrites.itertuples():
        orig = df.index[df["id"] == r.copy_of][0]
        jac = similarity_matrix([df.at[orig, "text"], r.text])[0, 1]
        cos = similarity_matrix([df.at[orig, "text"], r.text], metric="cosine")[0, 1]
        p(f"  {r.id} retells {r.copy_of}: Jaccard {jac:.2f}, TF-IDF cosine {cos:.2f}")
    first = rewrites.iloc[0]
    orig_text = df.loc[df["id"] == first.copy_of, "text"].iloc[0]
    shared = shared_passages(orig_text, first.text, min_words=5)
    p(f"  what {first.id} and {first.copy_of} share ({len(shared)} passages of 5+ words):")
    for text in shared["text"].head(3):
        p(f"    \"{_short(text, 90)}\"")

    p(_rule("6. How articles relate (relate) and stories (stories)"))
    indexed = df.set_index("id")
    related = relate(texts, dates=indexed["published"])  # same_story needs dates
    truth = []
    for a, b in zip(related["a"], related["b"]):
        if indexed.at[b, "copy_of"] == a or indexed.at[a, "copy_of"] == b:
            truth.append(indexed.at[b if indexed.at[b, "copy_of"] == a else a, "kind"])
        else:
            truth.append("same story" if indexed.at[a, "story"] == indexed.at[b, "story"] else "other story")
    table = pd.crosstab(pd.Series(truth, name="sample says"), related["label"].rename("relate says"))
    p(textwrap.indent(table.to_string(), "  "))
    story = stories(texts)
    p(f"  {story.nunique()} stories found; the sample has {df['story'].nunique()}:")
    for rep, members in story.groupby(story).groups.items():
        if len(members) > 1:
            p(f"    {rep}: {len(members)} articles, all on {', '.join(sorted(set(indexed.loc[members, 'story'])))}")

    p(_rule("7. Entities (entities, entity_counts, cooccurrence)"))
    t0 = time.perf_counter()
    ents, audit = entities(texts, audit=True)
    elapsed = time.perf_counter() - t0
    counts = entity_counts(mentions=ents)
    p(f"{len(ents)} mentions of {len(counts)} entities in {elapsed * 1000:.0f} ms; most named:")
    p(textwrap.indent(counts.head(8).to_string(index=False), "  "))
    by_outlet = entity_counts(mentions=ents, by=indexed["outlet"])
    top = by_outlet.groupby("outlet").head(1)
    p("  most named by each outlet:")
    for r in top.itertuples():
        p(f"    {r.outlet}: {r.entity} ({r.type}, {r.mentions} mentions in {r.documents} articles)")
    pairs = cooccurrence(mentions=ents)
    p("  named together most often (documents):")
    for r in pairs.head(4).itertuples():
        p(f"    {r.a} + {r.b}: {r.count}")
    if len(audit):
        p("  merges (audit):")
        for r in audit.head(5).itertuples():
            p(f"    {r.name!r} -> {r.canonical!r} ({r.reason}, {r.mentions} mentions)")

    p(_rule("8. One article, before and after"))
    j = df.index[df["kind"] == "duplicate"][1]
    p(f"{df.at[j, 'id']} ({df.at[j, 'outlet']}), raw:")
    p(textwrap.indent(_short(df.at[j, "text"], 400), "  "))
    p("normalized body:")
    p(textwrap.indent(textwrap.fill(_short(parts.at[j, "body"], 400), 100), "  "))
    return 0


def _normalize_cmd(args: argparse.Namespace) -> int:
    frame = read_table(Path(args.input), args.format, args.encoding)
    if args.column not in frame.columns:
        raise SystemExit(f"newscorpus: no column {args.column!r} in {args.input}; columns are {list(frame.columns)}")
    learned = find_boilerplate(frame[args.column]) if args.learn_boilerplate else None
    result = normalize(
        frame[args.column], paragraphs=args.paragraphs, case=args.case, unicode=args.unicode,
        boilerplate=not args.keep_boilerplate, remove_lines=learned, ascii=args.ascii,
        strip_accents=args.strip_accents, n_threads=args.threads,
    )
    frame[args.output_column or args.column] = result
    write_table(frame, Path(args.output), args.output_format)
    print(f"normalized {len(frame)} rows of {args.column!r} into {args.output}", file=sys.stderr)
    return 0


def _boilerplate_cmd(args: argparse.Namespace) -> int:
    frame = read_table(Path(args.input), args.format, args.encoding)
    found = find_boilerplate(frame[args.column], min_docs=args.min_docs)
    print(found.to_string(index=False) if len(found) else "no repeated lines found")
    return 0


def _positive(value: str) -> int:
    """An argument that must be a whole number of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, got {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newscorpus", description="Normalize and analyse corpora of news articles.")
    parser.add_argument("--version", action="version", version=f"newscorpus {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="run the pipeline on the built-in sample corpus and print a report")

    n = sub.add_parser("normalize", help="normalize a text column of a CSV, JSONL or Parquet file")
    n.add_argument("input")
    n.add_argument("output")
    n.add_argument("--column", default="text", help="the column holding the texts (default: text)")
    n.add_argument("--output-column", help="write the result here instead of replacing --column")
    n.add_argument("--format", choices=["csv", "jsonl", "parquet"], help="input format (default: from the extension)")
    n.add_argument("--encoding", default="utf-8", help="text encoding of a CSV or JSON Lines input (default: utf-8)")
    n.add_argument("--output-format", choices=["csv", "jsonl", "parquet"])
    n.add_argument("--paragraphs", default="keep", choices=["keep", "flatten"])
    n.add_argument("--case", default="preserve", choices=["preserve", "lower", "casefold"])
    n.add_argument("--unicode", default="NFC", choices=["NFC", "NFKC", "none"])
    n.add_argument("--ascii", action="store_true", help="transliterate to ASCII")
    n.add_argument("--strip-accents", action="store_true")
    n.add_argument("--keep-boilerplate", action="store_true", help="do not remove built-in boilerplate")
    n.add_argument("--learn-boilerplate", action="store_true", help="also remove lines repeated across many articles")
    n.add_argument("--threads", type=int, default=None)

    b = sub.add_parser("boilerplate", help="list lines repeated across many articles of a file")
    b.add_argument("input")
    b.add_argument("--column", default="text")
    b.add_argument("--format", choices=["csv", "jsonl", "parquet"])
    b.add_argument("--encoding", default="utf-8", help="text encoding of a CSV or JSON Lines input (default: utf-8)")
    b.add_argument("--min-docs", type=int, default=None)

    d = sub.add_parser("dedup", help="near-duplicate pairs of a file's texts, streamed in batches")
    d.add_argument("input")
    d.add_argument("--out", required=True, help="where to write the pairs (.parquet, .csv or .jsonl)")
    d.add_argument("--column", default="text")
    d.add_argument("--id", help="a column naming each row (default: the row number)")
    d.add_argument("--threshold", type=float, default=DEFAULTS["threshold"])
    d.add_argument("--num-perm", type=int, default=DEFAULTS["num_perm"])
    d.add_argument("--no-verify", dest="verify", action="store_false",
                   help="keep pairs on the MinHash estimate (no second pass over the file)")
    d.add_argument("--batch-size", type=_positive, default=50_000)
    d.add_argument("--format", choices=["csv", "jsonl", "parquet"])
    d.add_argument("--encoding", default="utf-8", help="text encoding of a CSV or JSON Lines input (default: utf-8)")
    d.add_argument("--output-format", choices=["csv", "jsonl", "parquet"])
    d.add_argument("--threads", type=int, default=None)
    d.add_argument("--progress", action="store_true", help="report each batch on stderr")

    e = sub.add_parser("entities", help="entity counts of a file's texts (per outlet with --by), streamed")
    e.add_argument("input")
    e.add_argument("--out", required=True, help="where to write the counts (.parquet, .csv or .jsonl)")
    e.add_argument("--column", default="text")
    e.add_argument("--by", help="a column to count by (an outlet, a date)")
    e.add_argument("--batch-size", type=_positive, default=50_000)
    e.add_argument("--format", choices=["csv", "jsonl", "parquet"])
    e.add_argument("--encoding", default="utf-8", help="text encoding of a CSV or JSON Lines input (default: utf-8)")
    e.add_argument("--output-format", choices=["csv", "jsonl", "parquet"])
    e.add_argument("--threads", type=int, default=None)
    e.add_argument("--progress", action="store_true", help="report each batch on stderr")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            return demo()
        if args.command == "normalize":
            return _normalize_cmd(args)
        if args.command == "dedup":
            return _dedup_cmd(args)
        if args.command == "entities":
            return _entities_cmd(args)
        return _boilerplate_cmd(args)
    except (NewsCorpusError, OSError) as exc:
        print(f"newscorpus: {exc}", file=sys.stderr)
        return 2
