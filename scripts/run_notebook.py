"""Execute a notebook with nbclient, print each cell's wall time, and fail if a cell raises.

    python scripts/run_notebook.py [examples/quickstart.ipynb [executed.ipynb]]

CI runs it on the quickstart notebook (`.ci/run`); it needs nbclient, nbformat and ipykernel.
The executed notebook is not written back (the committed one stays without outputs); give
a second path to save it there, to read its tables.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "examples"
                / "quickstart.ipynb")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    total = time.perf_counter()
    with client.setup_kernel():
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            t = time.perf_counter()
            try:
                client.execute_cell(cell, i)
            except CellExecutionError as err:
                print(f"cell {i}: FAILED after {time.perf_counter() - t:.1f} s\n{err}", file=sys.stderr)
                return 1
            first = cell.source.strip().splitlines()[0][:70] if cell.source.strip() else ""
            print(f"cell {i:2}: {time.perf_counter() - t:6.2f} s  {first}")
    print(f"{path.name}: all cells ran in {time.perf_counter() - total:.1f} s")
    if len(sys.argv) > 2:
        nbformat.write(nb, sys.argv[2])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
