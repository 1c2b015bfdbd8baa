"""IJava notebooks run unchanged: the cells of fixtures/ijava-compat.ipynb through jupyter_client against
the installed "java" kernelspec, each cell's outputs checked (%maven, a Tribuo import beside nnlab's
start-up imports, display with MIME types, printf, coalescable stdout, logging, compile errors).

    .venv/bin/python -m unittest -v kernel/test/test_ijava_compat.py      (after bin/lab --install)

Needs the machine's Maven repository (settings.xml's mirror) for commons-csv and Tribuo 4.3.2, or
both already in ~/.m2.
"""
import json
import os
import unittest

import jupyter_client

HERE = os.path.dirname(os.path.abspath(__file__))


def run_cells(kc, sources):
    """Executes each source; returns per cell (reply content, [iopub messages of that cell])."""
    results = []
    for src in sources:
        msg_id = kc.execute(src)
        reply = kc.get_shell_msg(timeout=300)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=300)
        outputs = []
        while True:
            msg = kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] in ("stream", "display_data", "update_display_data", "execute_result", "error"):
                outputs.append(msg)
        results.append((reply["content"], outputs))
    return results


def text(outputs, name):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)


class IJavaCompatTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(HERE, "fixtures", "ijava-compat.ipynb"), encoding="utf-8") as f:
            nb = json.load(f)
        sources = [c["source"] if isinstance(c["source"], str) else "".join(c["source"])
                   for c in nb["cells"] if c["cell_type"] == "code"]
        km, kc = jupyter_client.manager.start_new_kernel(kernel_name="java")
        try:
            cls.cells = run_cells(kc, sources)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def cell(self, i):
        return self.cells[i]

    def assertOk(self, i):
        reply, outputs = self.cell(i)
        self.assertEqual(reply["status"], "ok", (reply, outputs))
        return outputs

    def result(self, outputs):
        return [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]

    def test_maven_jar_used_in_the_next_cell(self):
        self.assertEqual(text(self.assertOk(0), "stderr"), "")
        self.assertEqual(self.result(self.assertOk(1))[0]["text/plain"], "b")

    def test_maven_errors_are_one_line_and_the_kernel_keeps_running(self):
        unknown, _ = self.cell(2)
        self.assertEqual(unknown["status"], "error")
        self.assertTrue(unknown["evalue"].startswith(
            "%maven org.nnlab.nosuch:nothing-here:0.1: org.nnlab.nosuch:nothing-here:0.1 was not found (looked in "),
            unknown["evalue"])
        self.assertIn("central (", unknown["evalue"])
        self.assertNotIn("\n", unknown["evalue"])
        malformed, _ = self.cell(3)
        self.assertIn("'commons-csv' is not a Maven coordinate; expected groupId:artifactId:version", malformed["evalue"])
        self.assertEqual(self.result(self.assertOk(6))[0]["text/plain"], "tensor([2.000000, 3.000000], shape=[2])")

    def test_tribuo_import_beside_the_course_imports(self):
        self.assertOk(4)
        outputs = self.assertOk(5)
        self.assertEqual(self.result(outputs)[0]["text/plain"], "LogisticRegressionTrainer")
        note = text(outputs, "stdout")
        self.assertTrue(note.startswith("Note: import org.tribuo.* wins: "), note)
        self.assertIn("Dataset", note)
        self.assertIn("Trainer", note)
        self.assertIn("nnlab.train.Trainer", note)
        # one note line per import that takes names over (org.tribuo.classification.* takes Label from
        # nnlab.widgets), and nothing else printed
        lines = note.splitlines()
        self.assertTrue(all(line.startswith("Note: import org.tribuo") for line in lines), note)
        self.assertIn("Note: import org.tribuo.classification.* wins: Label is now org.tribuo.classification's", note)
        self.assertEqual(text(outputs, "stderr"), "")

    def test_display_of_a_string_as_html(self):
        outputs = self.assertOk(7)
        shown = [m["content"]["data"] for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertEqual(shown, [{"text/html": "<b>3</b>"}, {"text/html": "<b>Liftoff!</b>"}])

    def test_printf_and_default_imports(self):
        self.assertEqual(text(self.assertOk(8), "stdout"), "42 49\n")
        outputs = self.assertOk(9)
        self.assertEqual(text(outputs, "stdout"), "2.5\n")
        self.assertEqual(self.result(outputs), [], "no kernel stream class as the value")

    def test_stdout_of_one_cell_arrives_whole_and_in_order(self):
        outputs = self.assertOk(10)
        self.assertEqual(text(outputs, "stdout"), "".join("line %d\n" % i for i in range(5)))

    def test_logging_defaults_to_warning_and_compile_errors_have_no_empty_location(self):
        err = text(self.assertOk(11), "stderr")
        self.assertNotIn("fit done", err)
        self.assertIn("WARNING: did not converge", err)
        reply, _ = self.cell(12)
        self.assertEqual(reply["status"], "error")
        self.assertNotIn("location: class", "\n".join(reply["traceback"]))


if __name__ == "__main__":
    unittest.main()
