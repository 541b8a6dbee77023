"""Progress bars for long calls (``progress=`` of ``entities``, ``normalize``, ``relate``,
``stories``, ``near_duplicates``, ``clusters``).

The native batch loop calls a per-thread callback with the number of texts done after each
batch (``_native.set_progress``); here that callback is a ``tqdm.auto`` bar, which draws a
widget in Jupyter and a text bar in a terminal. tqdm is optional (``pip install
'newscorpus[notebook]'``): without it, ``progress=None`` shows nothing and ``progress=True``
warns once.
"""

from __future__ import annotations

import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Optional

from . import _native
from .exceptions import NewsCorpusWarning, OptionError

# Characters of text a call handles in about three seconds on two cores (measured on the
# 26,474-text benchmark corpus: entities 12 MB/s, normalize 100 MB/s): the default bar
# appears, in a notebook, for calls longer than that.
# relate and stories: 7 s and 6 s for the same corpus's 36 MB (more with many candidates);
# near_duplicates and clusters 0.44 s.
SECONDS_OF_TEXT = {"entities": 36_000_000, "normalize": 300_000_000, "relate": 15_000_000,
                   "stories": 15_000_000, "near_duplicates": 250_000_000, "clusters": 250_000_000}

_active = threading.local()
_warned = False


def in_notebook() -> bool:
    """Is this code running in a Jupyter kernel (where a bar is a widget)?"""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except Exception:  # pragma: no cover - an IPython without a shell
        return False
    return shell is not None and hasattr(shell, "kernel")


def _size(values: Any) -> int:
    return sum(len(v) for v in values if isinstance(v, str))


@contextmanager
def progress_bar(progress: Optional[bool], values: Any, what: str) -> Iterator[None]:
    """Show a bar over ``values`` (the texts of one call) while the block runs.

    ``progress``: True always, False never, None (the default) in a notebook when the texts
    are long enough to take a few seconds (``SECONDS_OF_TEXT``). A call inside another
    call's bar (a nested call) shows none.
    """
    global _warned
    if progress is not None and not isinstance(progress, bool):
        raise OptionError(f"progress must be True, False or None, got {progress!r}")
    show = progress if progress is not None else (in_notebook() and _size(values) >= SECONDS_OF_TEXT[what])
    if not show or getattr(_active, "on", False) or len(values) == 0:
        yield
        return
    try:
        from tqdm.auto import tqdm
    except ImportError:
        if progress and not _warned:
            _warned = True
            warnings.warn("progress=True needs tqdm: pip install 'newscorpus[notebook]'", NewsCorpusWarning,
                          stacklevel=3)
        yield
        return
    bar = tqdm(total=len(values), desc=what, unit="text", unit_scale=True, leave=False)
    _active.on = True
    _native.set_progress(bar.update)
    try:
        yield
    finally:
        _native.set_progress(None)
        _active.on = False
        bar.close()
