"""Measures what one student's Java kernel costs in memory, for sizing a hub (docker/README.md).

    docker/hub/measure-memory [NOTEBOOK.ipynb]     (default notebooks/04-network-training.ipynb, full size)

Starts the java kernel the way a student's server does (NNLAB_JAVA_OPTS from the environment, default
-Xmx1g, the hub's default), reads the resident memory (VmRSS in /proc/PID/status, what `ps -o rss` shows)
of the kernel JVM and of the student JVM it starts: once idle after a first cell, then every 0.2 s while the
notebook's code cells run top to bottom. Prints idle and peak figures in MiB, and the CPU seconds used.
"""
import os
import sys
import threading
import time

import nbformat
from jupyter_client.manager import KernelManager

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "kernel", "test"))
from procstat import children, cpu_seconds, rss_mib  # noqa: E402


def run(kc, code, timeout=1800):
    msg_id = kc.execute(code, store_history=True)
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            raise SystemExit(f"measure-memory: a cell failed: {msg['content']['ename']}: {msg['content']['evalue']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return


def main(path):
    student = None
    os.environ.setdefault("NNLAB_JAVA_OPTS", "-Xmx1g")
    for var in ("NNLAB_MAX_EPOCH", "NNLAB_DATASET_LIMIT"):
        os.environ.pop(var, None)                       # the full sizes a student runs
    km = KernelManager(kernel_name="java")
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        run(kc, "1 + 1")
        kernel = km.provisioner.process.pid
        student = children(kernel)
        assert student, "the kernel JVM has no student JVM child"
        student = student[0]
        time.sleep(2)
        idle = rss_mib(kernel), rss_mib(student)
        print(f"idle (after 1 + 1): kernel JVM {idle[0]:.0f} MiB + student JVM {idle[1]:.0f} MiB "
              f"= {sum(idle):.0f} MiB  (NNLAB_JAVA_OPTS={os.environ['NNLAB_JAVA_OPTS']})", flush=True)
        peak, done = [0.0, 0.0, 0.0], threading.Event()

        def sample():
            while not done.is_set():
                k, s = rss_mib(kernel), rss_mib(student)
                peak[0], peak[1], peak[2] = max(peak[0], k), max(peak[1], s), max(peak[2], k + s)
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        cpu0, t0 = cpu_seconds(kernel) + cpu_seconds(student), time.time()
        sampler.start()
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                run(kc, cell.source)
        done.set()
        sampler.join()
        cpu = cpu_seconds(kernel) + cpu_seconds(student) - cpu0
        wall = time.time() - t0
        print(f"while {os.path.basename(path)} runs (full size, {wall:.0f} s, {cpu:.0f} CPU s, "
              f"{cpu / wall:.2f} cores on average): peak kernel JVM {peak[0]:.0f} MiB, student JVM "
              f"{peak[1]:.0f} MiB, together {peak[2]:.0f} MiB")
        end = rss_mib(kernel), rss_mib(student)
        print(f"after it: kernel JVM {end[0]:.0f} MiB + student JVM {end[1]:.0f} MiB = {sum(end):.0f} MiB")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        for pid in [student] if isinstance(student, int) else []:
            try:
                os.kill(pid, 9)                        # should it outlive its kernel JVM
            except OSError:
                pass


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "notebooks/04-network-training.ipynb")
