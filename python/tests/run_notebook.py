"""Runs a notebook headless, as a reader would run every cell in order (examples/
research.ipynb in CI): any cell that raises fails the run, with the cell's error. The
notebook in the checkout must hold no outputs (executed outputs are not committed).

    python run_notebook.py examples/research.ipynb --corpus corpus --plot /tmp/plot.png

The notebook reads FINSENT_CORPUS and writes its plot to FINSENT_PLOT; the plot must then
exist and not be empty. Needs nbclient and ipykernel (the kernel is this interpreter).
"""

import argparse
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

#: The longest one cell may run (seconds): the first scores the corpus and loads the model.
CELL_TIMEOUT = 600


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--plot", type=Path, required=True)
    args = parser.parse_args()
    notebook = nbformat.read(args.notebook, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    stored = [i for i, c in enumerate(code) if c.outputs or c.execution_count is not None]
    if stored:
        sys.exit(f"{args.notebook}: code cells {stored} hold outputs; clear them before committing")
    os.environ["FINSENT_CORPUS"] = str(args.corpus.resolve())
    os.environ["FINSENT_PLOT"] = str(args.plot.resolve())
    args.plot.unlink(missing_ok=True)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(args.notebook.resolve().parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as e:
        sys.exit(f"{args.notebook}: a cell failed:\n{e}")
    if not args.plot.is_file() or args.plot.stat().st_size == 0:
        sys.exit(f"{args.notebook}: no plot at {args.plot}")
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    print(f"ok   {args.notebook.name}: {len(code)} code cells ran, plot {args.plot.stat().st_size} bytes")


if __name__ == "__main__":
    main()
