"""IJava notebooks run unchanged: the cells of fixtures/ijava-compat.ipynb through jupyter_client against
the installed "java" kernelspec, each cell's outputs checked (%maven, a Tribuo import beside nnlab's
start-up imports, display with MIME types, printf, coalescable stdout, logging, compile errors, a magic
as an expression, eval, render, lineMagic, a jar that clashes with the kernel's, clearOutput). Then, each
with a kernel of its own: the stop button during a %maven download that stalls, and the kernel ending
when the process named by JPY_PARENT_PID (the notebook server) has gone.

    .venv/bin/python -m unittest -v kernel/test/test_ijava_compat.py      (after bin/lab --install)

Needs the machine's Maven repository (settings.xml's mirror) for commons-csv and Tribuo 4.3.2, or
both already in ~/.m2.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
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
            if msg["msg_type"] in ("stream", "display_data", "update_display_data", "execute_result", "error", "clear_output"):
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

    def test_a_magic_as_an_expression_returns_what_ijava_returns(self):
        outputs = self.assertOk(13)
        self.assertEqual(self.result(outputs)[0]["text/plain"], "1", "%jars returns the paths it added")
        self.assertEqual(text(outputs, "stderr"), "")
        reply, _ = self.cell(14)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "UnknownMagic")
        self.assertTrue(reply["evalue"].startswith("unknown magic %nosuchmagic at cell line 2; the kernel knows %classpath"),
                        reply["evalue"])
        self.assertNotIn("';'", reply["evalue"])

    def test_eval_render_and_line_magic(self):
        self.assertEqual(self.result(self.assertOk(15))[0]["text/plain"], "42")
        self.assertEqual(self.result(self.assertOk(16)), [{"text/html": "<i>it</i>"}])
        reply, _ = self.cell(17)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "java.lang.IllegalArgumentException")
        self.assertTrue(reply["evalue"].startswith("unknown magic %nosuch; the kernel knows %classpath"), reply["evalue"])

    def test_a_jar_that_clashes_with_the_kernels_is_named(self):
        outputs = self.assertOk(18)
        self.assertEqual(self.result(outputs)[0]["text/plain"], "1")
        err = text(outputs, "stderr")
        self.assertTrue(err.startswith("Warning: xchart-3.5.2-"), err)
        self.assertIn("has packages the kernel already loads from xchart-4.0.3.jar (org.knowm.xchart): the kernel's"
                      " classes win there", err)
        self.assertEqual(len(err.splitlines()), 1, err)

    def test_clear_output(self):
        outputs = self.assertOk(19)
        kinds = [(m["msg_type"], m["content"].get("text")) for m in outputs]
        self.assertEqual(kinds, [("stream", "soon gone\n"), ("clear_output", None), ("stream", "kept\n")])


def stalled_repository():
    """A server on a free loopback port that accepts connections and never answers; returns (port, accepted list)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []

    def serve():
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return
    threading.Thread(target=serve, daemon=True).start()
    return server, accepted


class MavenStopButtonTest(unittest.TestCase):
    def test_interrupt_during_a_stalled_download_ends_the_cell_and_keeps_the_session(self):
        server, accepted = stalled_repository()
        km, kc = jupyter_client.manager.start_new_kernel(kernel_name="java")
        try:
            port = server.getsockname()[1]
            (reply, _), = run_cells(kc, ["int kept = 41;\n%mavenRepo stall http://127.0.0.1:" + str(port) + "/maven2/"])
            self.assertEqual(reply["status"], "ok", reply)
            msg_id = kc.execute("%maven org.nnlab.stall:never-answered:1.0")
            deadline = time.time() + 60
            while not accepted and time.time() < deadline:
                time.sleep(0.05)
            self.assertTrue(accepted, "the resolver never reached the stalled repository")
            t0 = time.time()
            km.interrupt_kernel()
            reply = kc.get_shell_msg(timeout=10)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = kc.get_shell_msg(timeout=10)
            self.assertLess(time.time() - t0, 3)
            self.assertEqual(reply["content"]["status"], "error")
            self.assertEqual(reply["content"]["evalue"], "%maven org.nnlab.stall:never-answered:1.0 was stopped before it"
                             " finished; nothing was added to the class path; earlier variables are kept")
            (reply, outputs), = run_cells(kc, ["kept + 1"])
            self.assertEqual([m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"], ["42"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            for s in accepted:
                s.close()
            server.close()


def descendants(pid):
    """Process ids below pid (from /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class ParentGoneTest(unittest.TestCase):
    def test_kernel_and_its_student_jvm_exit_when_the_notebook_server_is_gone(self):
        # a stand-in notebook server: starts the kernel (jupyter_client sets JPY_PARENT_PID to its pid), waits
        server = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
            import sys, time, jupyter_client
            km, kc = jupyter_client.manager.start_new_kernel(kernel_name="java")
            kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
            print("PID", km.provisioner.process.pid, flush=True)
            time.sleep(600)
        """)], stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline()
            while line and not line.startswith("PID "):
                line = server.stdout.readline()
            kernel = int(line.split()[1])
            below = descendants(kernel)
            self.assertTrue(below, "the kernel has no student JVM")
            server.send_signal(signal.SIGKILL)       # the server dies without shutting its kernel down
            server.wait()
            deadline = time.time() + 15
            while (alive(kernel) or any(alive(p) for p in below)) and time.time() < deadline:
                time.sleep(0.1)
            self.assertFalse(alive(kernel), "the kernel outlived its notebook server")
            self.assertFalse([p for p in below if alive(p)], "the student JVM outlived the kernel")
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
            server.stdout.close()


if __name__ == "__main__":
    unittest.main()
