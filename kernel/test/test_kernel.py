"""Jupyter's kernel test suite (Debian python3-jupyter-kernel-test) against the installed "java" kernelspec."""
import unittest

import jupyter_kernel_test


class JavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Math.sq", "matches": {"sqrt("}},
        {"text": "new Rng(1).nextGa", "matches": {"nextGaussian()"}},
        {"text": "Tensor.zerosL", "matches": {"zerosLike("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "for (int i = 0; i < 3; i++) { }", "%time 1 + 1"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "double f(double x) {", "String s = \"abc\" +"]
    invalid_code_samples = ["}", "import 1;"]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"nn" + "lab"', "result": "nnlab"},
        {"code": "Tensor.of(1, 2)", "mime": "text/plain"},
        {"code": "new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)", "mime": "image/png"},
        {"code": "org.knowm.xchart.QuickChart.getChart(\"t\", \"x\", \"y\", \"y\", new double[] {1, 2}, new double[] {3, 4})",
         "mime": "image/png"},
    ]

    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": "display(org.knowm.xchart.QuickChart.getChart(\"t\", \"x\", \"y\", \"y\", new double[] {1, 2}, new double[] {3, 4}));",
         "mime": "image/png"},
        {"code": "nnlab.display.Display.display(new nnlab.display.HtmlDisplayable() { public String toHtml() { return \"<b>x</b>\"; } });",
         "mime": "text/html"},
    ]

    code_clear_output = "clearOutput();"   # Jupyter's clear_output (Functions.clearOutput, nnlab.display.Display.clear)

    code_inspect_sample = "Math.max"

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 * 7"

    def test_interrupt_keeps_variables(self):
        """The stop button halts while (true) {} and earlier variables survive."""
        self.flush_channels()
        reply, _ = self.execute_helper("int kept = 41;")
        self.assertEqual(reply["content"]["status"], "ok")
        msg_id = self.kc.execute("while (true) {}")
        import time
        time.sleep(1.0)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=10)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["content"]["status"], "error")
        self.flush_channels()
        reply, outputs = self.execute_helper("kept + 1")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_system_exit_is_reported(self):
        self.flush_channels()
        reply, outputs = self.execute_helper("System.exit(3);")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("System.exit(3) was called", reply["content"]["evalue"])
        reply, _ = self.execute_helper("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_kernel_info_status_ok(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")

    def test_history_reply_is_ok(self):
        """JupyterLab asks for history after a (re)start; an error reply makes it warn."""
        self.flush_channels()
        self.execute_helper("int remembered = 5;")
        msg_id = self.kc.history(hist_access_type="tail", n=10)
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["history"][-1][2], "int remembered = 5;")

    def test_inspect_gives_the_whole_javadoc_as_markdown(self):
        self.flush_channels()
        msg_id = self.kc.inspect("new Linear", 8)
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertTrue(reply["content"]["found"])
        data = reply["content"]["data"]
        self.assertIn("Formula: `y = x·W + b`.", data["text/markdown"])
        self.assertIn("```java\nLinear fc = new Linear(64, 32, new Rng(1));", data["text/markdown"])
        self.assertIn("Formula: y = x·W + b.", data["text/plain"])

    def test_completion_carries_kinds_and_types(self):
        self.flush_channels()
        code = "Tensor t = Tensor.zeros(3);\nt.resh"
        msg_id = self.kc.complete(code, len(code))
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertIn("reshape(", reply["content"]["matches"], "t is declared in this cell, not yet run")
        items = reply["content"]["metadata"]["_jupyter_types_experimental"]
        self.assertIn({"start": len(code) - 4, "end": len(code), "text": "reshape(", "type": "method", "signature": ""},
                      items)

    def test_inspect_inside_an_argument_list_shows_the_call(self):
        self.flush_channels()
        code = "Math.max(1, "
        msg_id = self.kc.inspect(code, len(code))
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertTrue(reply["content"]["found"])
        self.assertIn("max(int", reply["content"]["data"]["text/plain"])


if __name__ == "__main__":
    unittest.main()
