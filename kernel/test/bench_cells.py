"""bin/bench cells / cells-python: "Run All" of a notebook, one cell at a time, on a ready kernel.

Starts the notebook's kernel (the Java kernel, or ipykernel for the Python reference), waits until it
answers kernel_info, then sends every code cell through the Jupyter protocol in order, as JupyterLab's
Run All does, and times each from execute_request to the reply. Prints one JSON object:
{"bench", "notebook", "kernel", "start_seconds", "cells": [{"cell", "seconds", "first_line"}], "total_seconds"}.

    python bench_cells.py NOTEBOOK.ipynb [--kernel NAME] [--env KEY=VALUE ...]
"""
import argparse
import json
import os
import sys
import time

import jupyter_client
import nbformat


def code_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def run_cell(kc, source, timeout):
    """Executes one cell; returns (seconds, status). Errors are reported, not raised: Run All goes on."""
    t = time.perf_counter()
    reply = kc.execute_interactive(source, output_hook=lambda msg: None, timeout=timeout)
    return time.perf_counter() - t, reply["content"]["status"]


def bench(path, kernel, timeout, env):
    cells = code_cells(path)
    t0 = time.perf_counter()
    km = jupyter_client.KernelManager(kernel_name=kernel)
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)), env={**os.environ, **env})
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        start = time.perf_counter() - t0
        timings = []
        for i, source in enumerate(cells, 1):
            seconds, status = run_cell(kc, source, timeout)
            timings.append({"cell": i, "seconds": round(seconds, 3), "status": status,
                            "first_line": source.strip().splitlines()[0][:60]})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {"bench": "cells", "notebook": os.path.basename(path), "kernel": kernel,
            "start_seconds": round(start, 3), "cells": timings,
            "total_seconds": round(sum(c["seconds"] for c in timings), 3),
            "errors": sum(c["status"] != "ok" for c in timings)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebook")
    ap.add_argument("--kernel", default=None, help="kernelspec name (default: the notebook's own)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per cell")
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE for the kernel's environment")
    args = ap.parse_args()
    kernel = args.kernel or nbformat.read(args.notebook, as_version=4).metadata["kernelspec"]["name"]
    env = dict(kv.split("=", 1) for kv in args.env)
    result = bench(args.notebook, kernel, args.timeout, env)
    print(json.dumps(result))
    if result["errors"]:
        print(f"bench_cells: {result['errors']} cell(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
