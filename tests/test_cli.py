"""The command line: demo, normalize on CSV/JSONL/Parquet, boilerplate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newscorpus.cli import main


def test_demo_prints_a_report(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "31 articles from 5 outlets" in out
    assert "Normalization" in out and "Article structure" in out and "Boilerplate" in out
    assert "The Northern Ledger is funded by its readers" in out
    assert "of the 9 copies the sample marks as duplicates are found" in out
    assert "retells" in out


def test_python_dash_m_runs():
    result = subprocess.run([sys.executable, "-m", "newscorpus", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("newscorpus ")


@pytest.mark.parametrize("ext", ["csv", "jsonl", "parquet"])
def test_normalize_files(tmp_path, ext):
    frame = pd.DataFrame({"id": [1, 2, 3], "text": ["Trump\u02bcs <b>plan</b>", None, "donâ€™t"]})
    src, dst = tmp_path / f"in.{ext}", tmp_path / f"out.{ext}"
    if ext == "csv":
        frame.to_csv(src, index=False)
    elif ext == "jsonl":
        frame.to_json(src, orient="records", lines=True)
    else:
        frame.to_parquet(src)
    assert main(["normalize", str(src), str(dst), "--column", "text", "--output-column", "clean"]) == 0
    out = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet}[ext](dst)
    assert out["clean"].iloc[0] == "Trump's plan"
    assert pd.isna(out["clean"].iloc[1])
    assert out["clean"].iloc[2] == "don't"
    assert out["text"].iloc[0] == "Trump\u02bcs <b>plan</b>"


def test_missing_column_is_a_clear_error(tmp_path):
    src = tmp_path / "in.csv"
    pd.DataFrame({"body": ["x"]}).to_csv(src, index=False)
    with pytest.raises(SystemExit, match="no column 'text'"):
        main(["normalize", str(src), str(tmp_path / "out.csv")])


def test_unknown_extension(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("x")
    with pytest.raises(SystemExit, match="--format"):
        main(["normalize", str(src), str(tmp_path / "out.csv")])


def test_boilerplate_command(tmp_path, capsys):
    from newscorpus import load_sample

    src = tmp_path / "sample.jsonl"
    load_sample()[["id", "text"]].to_json(src, orient="records", lines=True)
    assert main(["boilerplate", str(src)]) == 0
    assert "The Northern Ledger is funded" in capsys.readouterr().out


def _sample_file(tmp_path, ext):
    import newscorpus as nc

    df = nc.load_sample()
    df = pd.concat([df, pd.DataFrame({"id": ["junk-1", "junk-2"], "outlet": ["x", "x"], "text": ["-1", "-1"]})],
                   ignore_index=True)
    path = tmp_path / f"in.{ext}"
    if ext == "csv":
        df.to_csv(path, index=False)
    elif ext == "jsonl":
        df.to_json(path, orient="records", lines=True, date_format="iso")
    else:
        df.to_parquet(path, index=False)
    return df, path


@pytest.mark.parametrize("ext", ["csv", "jsonl", "parquet"])
def test_dedup_streams_a_file_and_finds_what_near_duplicates_finds(tmp_path, ext, monkeypatch):
    import newscorpus as nc

    df, path = _sample_file(tmp_path, ext)
    out = tmp_path / "pairs.parquet"
    # Batches of 7 rows: band keys are kept across batches, the paired rows read again;
    # pairs are scored and verified 2 at a time.
    monkeypatch.setattr("newscorpus.cli._PAIR_CHUNK", 2)
    assert main(["dedup", str(path), "--out", str(out), "--id", "id", "--batch-size", "7"]) == 0
    got = pd.read_parquet(out)
    want = nc.near_duplicates(df.set_index("id")["text"])
    assert list(zip(got["a"], got["b"])) == list(zip(want["a"], want["b"]))
    assert got["estimate"].tolist() == want["estimate"].tolist()
    assert got["jaccard"].tolist() == want["jaccard"].tolist()
    assert (got["jaccard"] >= 0.8).all() and not {"junk-1", "junk-2"} & (set(got["a"]) | set(got["b"]))
    # Without --id the rows are named by number; --no-verify keeps pairs on the estimate.
    assert main(["dedup", str(path), "--out", str(tmp_path / "p.csv"), "--no-verify"]) == 0
    rough = pd.read_csv(tmp_path / "p.csv")
    assert rough["jaccard"].isna().all() and (rough["estimate"] >= 0.8).all() and len(rough) > 0
    loose = nc.near_duplicates(df["text"].reset_index(drop=True), verify=False)
    assert list(zip(rough["a"], rough["b"])) == list(zip(loose["a"], loose["b"]))


def test_dedup_writes_nothing_when_it_fails(tmp_path):
    df, path = _sample_file(tmp_path, "csv")
    out = tmp_path / "pairs.parquet"
    with pytest.raises(SystemExit):
        main(["dedup", str(path), "--out", str(out), "--column", "body"])
    assert not out.exists() and not list(tmp_path.glob(".pairs*"))


def test_write_atomically_leaves_no_partial_file(tmp_path, monkeypatch):
    from newscorpus import cli

    def broken(frame, path, fmt=None):
        path.write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "write_table", broken)
    with pytest.raises(KeyboardInterrupt):
        cli.write_atomically(pd.DataFrame({"a": [1]}), tmp_path / "out.csv")
    assert list(tmp_path.iterdir()) == []


def test_entities_counts_a_file_by_outlet(tmp_path):
    import newscorpus as nc

    df, path = _sample_file(tmp_path, "parquet")
    out = tmp_path / "counts.csv"
    assert main(["entities", str(path), "--out", str(out), "--by", "outlet"]) == 0
    got = pd.read_csv(out)
    want = nc.entity_counts(df["text"], by=df["outlet"])
    assert len(got) == len(want)
    assert got["mentions"].sum() == want["mentions"].sum()
    # In batches the counts are summed (names resolved within each batch).
    assert main(["entities", str(path), "--out", str(out), "--by", "outlet", "--batch-size", "10"]) == 0
    batched = pd.read_csv(out)
    assert batched["mentions"].sum() > 0 and set(batched.columns) >= {"outlet", "entity", "type", "mentions"}


@pytest.mark.parametrize("fold_rows, spill_rows, buckets, chunk_rows", [(1, 10**9, 16, 100_000), (1, 3, 3, 2), (50, 40, 2, 7)])
def test_entities_sums_its_batches_in_memory_or_on_disk_to_the_same_table(tmp_path, monkeypatch, fold_rows, spill_rows,
                                                                         buckets, chunk_rows):
    # The batches' counts are folded into a running total as they come and, beyond a
    # number of distinct rows, spilled to temporary files by a hash of their keys, summed a
    # bucket at a time and merged back in order: whatever the thresholds, the file written
    # is the one summing every batch at once gives, row for row, and no temporary file stays.
    import newscorpus._counts as counts

    _, path = _sample_file(tmp_path, "parquet")
    out = tmp_path / "counts.csv"
    assert main(["entities", str(path), "--out", str(out), "--by", "outlet", "--batch-size", "4"]) == 0
    at_end = pd.read_csv(out)
    made = []
    monkeypatch.setattr(counts, "FOLD_ROWS", fold_rows)
    monkeypatch.setattr(counts, "SPILL_ROWS", spill_rows)
    monkeypatch.setattr(counts, "BUCKETS", buckets)
    monkeypatch.setattr(counts, "CHUNK_ROWS", chunk_rows)
    real = counts.CountTotal.close
    monkeypatch.setattr(counts.CountTotal, "close", lambda self: made.append((self.folds, self.spills, self._dir and
                                                                              Path(self._dir.name))) or real(self))
    assert main(["entities", str(path), "--out", str(out), "--by", "outlet", "--batch-size", "4"]) == 0
    pd.testing.assert_frame_equal(pd.read_csv(out), at_end)
    (folds, spills, folder), = made
    if spill_rows < 10**9:
        assert spills >= 2
    else:
        assert folds >= 2 and spills == 0  # folded on the way (the rows waiting reached the total's)
    assert folder is None or not folder.exists()


def test_count_total_matches_one_sum_with_missing_groups_and_any_chunking():
    # Random count tables, with missing groups (a group of their own, as entity_counts keeps
    # them) and keys repeated across batches: the chunks read back, joined, are the table
    # one groupby-sum and sort of every batch gives, for every threshold tried.
    import numpy as np

    from newscorpus._counts import CountTotal

    rng = np.random.default_rng(7)
    batches = []
    for _ in range(12):
        n = int(rng.integers(0, 60))
        batches.append(pd.DataFrame({
            "outlet": pd.Series(rng.choice(["a", "b", None], n), dtype=object),
            "entity": [f"E{v}" for v in rng.integers(0, 40, n)],
            "type": rng.choice(["PER", "ORG", "LOC"], n),
            "mentions": rng.integers(1, 5, n), "documents": rng.integers(1, 3, n)}))
    whole = pd.concat(batches, ignore_index=True)
    want = (whole.groupby(["outlet", "entity", "type"], dropna=False, as_index=False)[["mentions", "documents"]].sum()
            .sort_values(["mentions", "documents", "outlet", "entity", "type"], ascending=[False, False, True, True, True],
                         ignore_index=True))
    assert want["outlet"].isna().any()
    for fold_rows, spill_rows, buckets, chunk_rows in [(10**6, 10**9, 1, 10**5), (1, 1, 1, 1), (5, 30, 4, 3),
                                                       (100, 20, 7, 50), (1, 10, 16, 1)]:
        with CountTotal(fold_rows=fold_rows, spill_rows=spill_rows, buckets=buckets, chunk_rows=chunk_rows) as total:
            for b in batches:
                total.add(b)
            chunks = list(total.sorted_chunks())
        got = pd.concat(chunks, ignore_index=True)
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
        assert all(len(c) for c in chunks)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_chunk_writer_interrupted_leaves_no_file(tmp_path, fmt):
    from newscorpus.cli import ChunkWriter

    path = tmp_path / f"out.{fmt}"
    with pytest.raises(KeyboardInterrupt):
        with ChunkWriter(path, fmt) as out:
            out.write(pd.DataFrame({"entity": ["A"], "mentions": [1]}))
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    with ChunkWriter(path, fmt) as out:
        out.write(pd.DataFrame({"entity": ["A", "B"], "mentions": [2, 1]}))
        out.write(pd.DataFrame({"entity": ["C"], "mentions": [1]}))
    from newscorpus.cli import read_table

    assert read_table(path)["entity"].tolist() == ["A", "B", "C"]


def test_entities_keeps_the_texts_of_a_missing_group(tmp_path):
    # A row whose --by value is missing is counted under a missing group (as entity_counts
    # counts it), not dropped.
    path = tmp_path / "in.csv"
    pd.DataFrame({"text": ["Angela Merkel met Emmanuel Macron in Berlin.", "Barack Obama visited Berlin."],
                  "outlet": ["dw", None]}).to_csv(path, index=False)
    out = tmp_path / "counts.csv"
    assert main(["entities", str(path), "--out", str(out), "--by", "outlet", "--batch-size", "1"]) == 0
    got = pd.read_csv(out)
    assert "Barack Obama" in set(got.loc[got["outlet"].isna(), "entity"])
    assert got["mentions"].sum() == 5


def test_dedup_joins_its_band_keys_without_holding_every_part_twice():
    import numpy as np

    from newscorpus.cli import _join_freeing

    parts = [np.arange(6, dtype=np.uint64).reshape(3, 2), np.arange(6, 10, dtype=np.uint64).reshape(2, 2)]
    want = np.concatenate(parts)
    got = _join_freeing(parts, (2,), np.uint64)
    assert parts == [] and got.dtype == np.uint64 and (got == want).all()
    assert _join_freeing([], (), bool).shape == (0,)


def test_band_pairs_reads_the_band_keys_in_the_parts_they_were_made_in():
    import numpy as np

    from newscorpus import _native
    from newscorpus.exceptions import InputValueError

    # 40 texts: five stories, each in eight versions with one word changed (near copies),
    # and one exact copy; their band keys as `dedup` makes them a batch at a time.
    texts = [f"story {k} " + " ".join(f"w{k}_{i}" if i != v else f"x{v}" for i in range(30))
             for v in range(8) for k in range(5)]
    texts[39] = texts[0]
    bands, rows = _native.lsh_params(0.8, 128, "recall")
    sigs, keys = _native.minhash_keys(texts, 128, 3, "word", 1, None, 3)
    band_keys, live = _native.band_keys(sigs, bands, rows)
    whole = _native.band_pairs([band_keys], live, keys)
    assert len(whole["a"]) > 5 and (whole["estimate"] == 1).sum() == 1
    # In parts (an empty one, and one not contiguous, copied), the same pairs.
    odd = np.asfortranarray(band_keys[30:])
    parts = [band_keys[:7], band_keys[7:7], band_keys[7:30], odd]
    assert not odd.flags["C_CONTIGUOUS"]
    got = _native.band_pairs(parts, live, keys)
    for column in ("a", "b", "estimate"):
        np.testing.assert_array_equal(got[column], whole[column])
    with pytest.raises(InputValueError, match="one row a document"):
        _native.band_pairs([band_keys[:7], band_keys[7:, :2]], live, keys)
    with pytest.raises(InputValueError, match="one row a document"):
        _native.band_pairs([band_keys[:7]], live, keys)


def test_unreadable_files_stop_with_one_line_not_a_traceback(tmp_path, capsys):
    # A user's CSV in Latin-1 (BBC's files have such bytes), a Parquet file read as CSV,
    # a zero batch size and an empty file: each a plain message, never a traceback.
    latin = tmp_path / "latin.csv"
    latin.write_bytes("text\nCaf\xe9 owners in Paris said so.\n".encode("latin-1"))
    out = tmp_path / "pairs.csv"
    assert main(["dedup", str(latin), "--out", str(out)]) == 2
    assert "cannot read" in capsys.readouterr().err and not out.exists()
    assert main(["dedup", str(latin), "--out", str(out), "--encoding", "latin-1"]) == 0
    parquet = tmp_path / "in.parquet"
    pd.DataFrame({"text": ["a b c"]}).to_parquet(parquet)
    assert main(["normalize", str(parquet), str(tmp_path / "o.csv"), "--format", "csv"]) == 2
    assert "is --format right?" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["dedup", str(latin), "--out", str(out), "--batch-size", "0"])
    assert "must be a whole number of 1 or more" in capsys.readouterr().err
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["dedup", str(empty), "--out", str(tmp_path / "e.parquet")]) == 0
