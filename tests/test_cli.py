"""The command line: demo, normalize on CSV/JSONL/Parquet, boilerplate."""

from __future__ import annotations

import subprocess
import sys

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
