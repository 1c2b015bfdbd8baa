"""The class-data-sharing archives of the kernel JVM and of the student JVM (bin/install-kernel): used when
current, made again when the kernel jar changes, and never needed: the kernel starts without them.

    .venv/bin/python -m unittest -v kernel/test/test_cds.py      (after bin/lab --install)
"""
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import jupyter_client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARCHIVE = os.path.join(ROOT, "kernel", "target", "kernel.jsa")
STUDENT_ARCHIVE = os.path.join(ROOT, "kernel", "target", "student.jsa")


def kernelspec_argv():
    spec = jupyter_client.kernelspec.KernelSpecManager().get_kernel_spec("java")
    return spec.argv


def install_kernel():
    subprocess.run([os.path.join(ROOT, "bin", "install-kernel"), "--jupyter",
                    os.path.join(ROOT, ".venv", "bin", "jupyter")], check=True, capture_output=True, text=True)


class CdsArchiveTest(unittest.TestCase):

    def test_the_kernelspec_points_at_an_archive_that_exists(self):
        self.assertIn("-XX:SharedArchiveFile=" + ARCHIVE, kernelspec_argv())
        self.assertTrue(os.path.isfile(ARCHIVE), ARCHIVE + " was not made by bin/install-kernel")

    def test_the_kernel_jvm_loads_its_classes_from_the_archive(self):
        argv = kernelspec_argv()
        jvm = argv[:argv.index("nnlab.kernel.KernelMain")]
        run = subprocess.run(jvm + ["-Xlog:class+load=info", "nnlab.kernel.CellRunner"], input='["1 + 1"]',
                             capture_output=True, text=True, timeout=120)
        shared = run.stdout.count("source: shared objects file (top)")
        self.assertGreater(shared, 1000, "few classes came from the archive:\n" + run.stdout[-2000:])

    def test_the_kernelspec_names_the_student_archive_that_exists(self):
        self.assertIn("-Dnnlab.studentArchive=" + STUDENT_ARCHIVE, kernelspec_argv())
        self.assertTrue(os.path.isfile(STUDENT_ARCHIVE), STUDENT_ARCHIVE + " was not made by bin/install-kernel")

    def test_the_student_jvm_loads_the_chart_classes_from_its_archive(self):
        log = os.path.join(tempfile.mkdtemp(), "class-load.txt")
        out = run_cells(["var c = Plots.line(new double[] {1, 2}, new double[] {3, 4}, \"f\");\nc"],
                        {"NNLAB_JAVA_OPTS": "-Xlog:class+load=info:file=" + log})
        self.assertIn("image/png", out[0])
        with open(log) as f:
            lines = f.read().splitlines()
        top = [l for l in lines if "source: shared objects file (top)" in l]
        self.assertGreater(len(top), 800, "few classes came from the student archive")
        self.assertTrue(any("org.knowm.xchart.XYChart " in l for l in top), "XChart was not loaded from the archive")

    def test_a_newer_kernel_jar_makes_install_kernel_build_both_again(self):
        jar = next(a for a in kernelspec_argv() if a.startswith("/") and ".jar:" in a).split(":")[0]
        # archives from 100 s ago, a jar from 50 s ago: a rebuild now gives the archives a time after `now`
        # (a jar dated in the future would need the rebuild to take longer than that, which a quiet machine beats)
        now = time.time()
        for archive in (ARCHIVE, STUDENT_ARCHIVE):
            os.utime(archive, (now - 100, now - 100))
        os.utime(jar, (now - 50, now - 50))
        install_kernel()
        self.assertGreater(os.path.getmtime(ARCHIVE), now - 1, "the kernel archive was not made again after the jar changed")
        self.assertGreater(os.path.getmtime(STUDENT_ARCHIVE), now - 1,
                           "the student archive was not made again after the jar changed")

    def test_the_kernel_starts_and_answers_without_an_archive(self):
        for archive in (ARCHIVE, STUDENT_ARCHIVE):
            shutil.move(archive, archive + ".moved")
        try:
            out = run_cells(["1 + 1", "Plots.line(new double[] {1, 2}, new double[] {3, 4}, \"f\")"], {})
            self.assertEqual("2", out[0]["text/plain"])
            self.assertIn("image/png", out[1])
        finally:
            for archive in (ARCHIVE, STUDENT_ARCHIVE):
                shutil.move(archive + ".moved", archive)

    def test_a_stale_student_archive_is_ignored(self):
        """An archive made for other jars (here: a file that is no archive at all) must not stop the student JVM."""
        shutil.move(STUDENT_ARCHIVE, STUDENT_ARCHIVE + ".moved")
        try:
            with open(STUDENT_ARCHIVE, "wb") as f:
                f.write(b"not an archive" * 100)
            out = run_cells(["1 + 1"], {})
            self.assertEqual("2", out[0]["text/plain"])
        finally:
            os.remove(STUDENT_ARCHIVE)
            shutil.move(STUDENT_ARCHIVE + ".moved", STUDENT_ARCHIVE)


def run_cells(cells, env):
    """Runs cells on a fresh kernel; returns each cell's execute_result data (fails on an error)."""
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="java", startup_timeout=120,
                                                     env={**os.environ, **env})
    try:
        results = []
        for code in cells:
            data = {}

            def hook(msg, data=data):
                if msg["msg_type"] == "execute_result":
                    data.update(msg["content"]["data"])
            reply = kc.execute_interactive(code, timeout=120, output_hook=hook)
            if reply["content"]["status"] != "ok":
                raise AssertionError(f"cell failed: {code!r}: {reply['content']}")
            results.append(data)
        return results
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
