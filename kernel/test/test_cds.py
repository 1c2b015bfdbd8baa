"""The kernel JVM's class-data-sharing archive (bin/install-kernel): used when current, made again when
the kernel jar changes, and never needed: the kernel starts without it.

    .venv/bin/python -m unittest -v kernel/test/test_cds.py      (after bin/lab --install)
"""
import json
import os
import shutil
import subprocess
import time
import unittest

import jupyter_client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARCHIVE = os.path.join(ROOT, "kernel", "target", "kernel.jsa")


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

    def test_a_newer_kernel_jar_makes_install_kernel_build_it_again(self):
        jar = next(a for a in kernelspec_argv() if a.startswith("/") and ".jar:" in a).split(":")[0]
        before = os.path.getmtime(ARCHIVE)
        later = max(before, time.time()) + 2
        os.utime(jar, (later, later))
        install_kernel()
        self.assertGreater(os.path.getmtime(ARCHIVE), later, "the archive was not made again after the jar changed")

    def test_the_kernel_starts_and_answers_without_an_archive(self):
        moved = ARCHIVE + ".moved"
        shutil.move(ARCHIVE, moved)
        try:
            km, kc = jupyter_client.manager.start_new_kernel(kernel_name="java", startup_timeout=120)
            try:
                reply = kc.execute_interactive("1 + 1", timeout=120, output_hook=lambda m: None)
                self.assertEqual("ok", reply["content"]["status"])
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
        finally:
            shutil.move(moved, ARCHIVE)


if __name__ == "__main__":
    unittest.main()
