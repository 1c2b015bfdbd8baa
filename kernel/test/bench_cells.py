"""bin/bench cells / cells-python: "Run All" of a notebook, one cell at a time, on a ready kernel.

Starts the notebook's kernel (the Java kernel, or ipykernel for the Python reference), waits until it
answers kernel_info, then sends every code cell through the Jupyter protocol in order, as JupyterLab's
Run All does, and times each from execute_request to the reply. Prints one JSON object:
{"bench", "notebook", "kernel", "start_seconds", "cells": [{"cell", "seconds", "first_line"}], "total_seconds",
 "cpu_seconds": {"kernel", "student"}, "cpu_seconds_with_start", "rss_mib": {"kernel", "student"}}: the user +
system CPU seconds each process spent during the Run All (the kernel process and, for the Java kernel, its
student JVM, read from /proc/PID/stat before and after), which other work on a shared machine disturbs less
than wall time; the same from each process's start (work moved into the kernel's start shows there); and
their resident memory after it.

    python bench_cells.py NOTEBOOK.ipynb [--kernel NAME] [--env KEY=VALUE ...] [--trace]

--read S (default: the NNLAB_BENCH_READ variable, else 0) waits S seconds between the kernel's answer and
the first cell, as a student reads the lesson's opening text before pressing Run All; the kernel's background
warm-ups get that time. 0 sends the first cell the moment the kernel answers, the worst case.

--trace (the Java kernel): each cell also gets "trace", where its time went in the kernel JVM (NNLAB_TRACE,
nnlab.kernel.Trace: milliseconds and count per phase), and the result "session_start", the same for the
session's start (student JVM, imports, agent), which the first cell waits for.
"""
import argparse
import json
import os
import sys
import tempfile
import time

import jupyter_client
import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from procstat import children, cpu_seconds, rss_mib  # noqa: E402


def code_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def processes(km):
    """{"kernel": pid, "student": pid or None}; the student JVM is the kernel's child running the agent."""
    pid = km.provisioner.pid
    student = None
    for child in children(pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as f:
                if b"nnlab.kernel.agent.RemoteAgent" in f.read():
                    student = child
        except OSError:
            pass
    return {"kernel": pid, "student": student}


def run_cell(kc, source, timeout):
    """Executes one cell; returns (seconds, status). Errors are reported, not raised: Run All goes on."""
    t = time.perf_counter()
    reply = kc.execute_interactive(source, output_hook=lambda msg: None, timeout=timeout)
    return time.perf_counter() - t, reply["content"]["status"]


def bench(path, kernel, timeout, env, read=0.0):
    cells = code_cells(path)
    t0 = time.perf_counter()
    km = jupyter_client.KernelManager(kernel_name=kernel)
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)), env={**os.environ, **env})
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        start = time.perf_counter() - t0
        time.sleep(read)
        pids = processes(km)
        cpu0 = {k: cpu_seconds(p) for k, p in pids.items() if p}
        timings = []
        for i, source in enumerate(cells, 1):
            seconds, status = run_cell(kc, source, timeout)
            timings.append({"cell": i, "seconds": round(seconds, 3), "status": status,
                            "first_line": source.strip().splitlines()[0][:60]})
        pids = {k: p for k, p in processes(km).items() if p and k in cpu0}   # a restarted student JVM is not counted
        cpu = {k: round(cpu_seconds(p) - cpu0[k], 2) for k, p in pids.items()}
        cpu_life = {k: round(cpu_seconds(p), 2) for k, p in pids.items()}
        rss = {k: round(rss_mib(p), 1) for k, p in pids.items()}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {"bench": "cells", "notebook": os.path.basename(path), "kernel": kernel,
            "start_seconds": round(start, 3), "cells": timings,
            "total_seconds": round(sum(c["seconds"] for c in timings), 3),
            "errors": sum(c["status"] != "ok" for c in timings),
            "cpu_seconds": cpu, "cpu_seconds_with_start": cpu_life, "rss_mib": rss}


def add_trace(result, path):
    """Puts the kernel's trace lines ({"cell": n, "ms": ..., phase: [ms, count]}) beside the cells they describe."""
    with open(path) as f:
        lines = [json.loads(line) for line in f if line.strip()]
    os.remove(path)
    by_cell = {}
    for line in lines:
        by_cell.setdefault(line.pop("cell"), line)      # cell 0: the session's start; the first one counts
    result["session_start"] = by_cell.get(0)
    for c in result["cells"]:
        c["trace"] = by_cell.get(c["cell"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebook")
    ap.add_argument("--kernel", default=None, help="kernelspec name (default: the notebook's own)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per cell")
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE for the kernel's environment")
    ap.add_argument("--read", type=float, default=float(os.environ.get("NNLAB_BENCH_READ", "0")),
                    help="seconds to wait between the kernel's answer and the first cell, as a student reads the lesson's start")
    ap.add_argument("--trace", action="store_true", help="add the kernel's own breakdown of each cell (NNLAB_TRACE)")
    args = ap.parse_args()
    kernel = args.kernel or nbformat.read(args.notebook, as_version=4).metadata["kernelspec"]["name"]
    env = dict(kv.split("=", 1) for kv in args.env)
    trace = None
    if args.trace:
        fd, trace = tempfile.mkstemp(prefix="nnlab-trace-", suffix=".jsonl")
        os.close(fd)
        env["NNLAB_TRACE"] = trace
    result = bench(args.notebook, kernel, args.timeout, env, args.read)
    if trace:
        add_trace(result, trace)
    print(json.dumps(result))
    if result["errors"]:
        print(f"bench_cells: {result['errors']} cell(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
