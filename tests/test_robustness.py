"""Untrusted input: huge, empty, binary-looking and every-category text; Ctrl-C; fork."""

from __future__ import annotations

import _thread
import multiprocessing
import sys
import threading
import time
import unicodedata

import pytest

import newscorpus as nc
from newscorpus.exceptions import InputTypeError


def test_empty_and_whitespace():
    assert nc.normalize(["", " ", "\n\n\t", "\u200b\u00a0"]) == ["", "", "", ""]
    assert nc.normalize([]) == []
    parts = nc.parse_articles(["", "   "])
    assert parts["body"].tolist() == ["", ""]


def test_fifty_megabyte_article():
    paragraph = "Kremlin spokesman Dmitry Peskov said the talks were “useful”.\n\n"
    text = paragraph * (50_000_000 // len(paragraph))
    out = nc.normalize([text])[0]
    assert out.startswith('Kremlin spokesman Dmitry Peskov said the talks were "useful".')
    assert len(out) > 0.9 * len(text)


def test_binary_looking_text():
    junk = bytes(range(256)).decode("latin-1") * 100
    out = nc.normalize([junk, junk.encode("latin-1").decode("utf-8", errors="replace")])
    assert all(isinstance(x, str) for x in out)
    assert not any(ch in out[0] for ch in "\x00\x07\x1b")


def test_every_code_point():
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    chunks = ["".join(chars[i : i + 4096]) for i in range(0, len(chars), 4096)]
    out = nc.normalize(chunks)
    assert len(out) == len(chunks)
    for text in out:
        assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in text)


def test_long_capitalised_and_symbol_runs():
    table = "\n".join(f"ARSENAL {i} CHELSEA {i + 1} *** ___ ### [[[ ((( <<< &&& ---" for i in range(20000))
    out = nc.normalize([table])[0]
    assert "ARSENAL 0 CHELSEA 1" in out


@pytest.mark.parametrize("run", [nc.normalize, nc.near_duplicates], ids=["normalize", "near_duplicates"])
def test_ctrl_c_interrupts_a_long_run(run):
    # ~1 GB of work in many batches (near_duplicates also reads the list a batch at a time).
    texts = ["Trump\u02bcs “plan” <b>x</b> café donâ€™t " * 2000] * 20000
    timer = threading.Timer(0.5, _thread.interrupt_main)
    timer.start()
    started = time.perf_counter()
    try:
        with pytest.raises(KeyboardInterrupt):
            run(texts)
    finally:
        timer.cancel()
    assert time.perf_counter() - started < 30
    # Still usable afterwards.
    assert nc.normalize(["ok"]) == ["ok"]
    assert len(nc.near_duplicates(["a b c d", "a b c d"])) == 1


def _child(queue):
    queue.put(nc.normalize(["Trump\u02bcs"] * 5000)[0])


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_works_in_a_forked_child_after_the_pool_ran():
    nc.normalize(["warm the pool"] * 10000)
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue,))
    proc.start()
    proc.join(60)
    assert proc.exitcode == 0, "child hung or crashed after fork"
    assert queue.get(timeout=5) == "Trump's"


def test_bad_element_in_a_later_batch_names_its_position():
    # Batches hold at most 4,096 texts: the bad one is read after others were computed.
    texts = ["the council voted to close the bridge"] * 9000 + [b"bytes"]
    for fn in (nc.minhash, nc.near_duplicates):
        with pytest.raises(InputTypeError, match=r"texts\[9000\] is bytes"):
            fn(texts)


def test_streamed_reading_gives_the_same_signatures():
    # ASCII texts are read in place, others through a copy, lone surrogates replaced: the
    # same signatures however the list is split into batches, and as one text at a time.
    texts = (["Plain ASCII text number %d here" % i for i in range(3000)]
             + ["Café société déjà vu %d" % i for i in range(3000)]
             + ["lone \ud800 surrogate %d" % i for i in range(100)] + [None, ""]) * 2
    sigs = nc.minhash(texts)
    for i in (0, 3000, 6000, 6100, 6101, 9000):
        assert (sigs[i] == nc.minhash([texts[i]])[0]).all()
    pairs = nc.near_duplicates(texts, 0.9)
    assert len(pairs) >= 6100 and (pairs["jaccard"] >= 0.9).all()
