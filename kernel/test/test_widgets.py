"""Widgets through Jupyter's comm messages, with jupyter_client against the installed "java" kernelspec.

An interact cell opens comms of the target jupyter.widget with ipywidgets' model names and modules
(protocol version 2 in the comm_open metadata); a comm_msg update of the slider's value re-runs the
callback, whose new result arrives in the Output widget's outputs; comm_info lists the comms; a comm_msg
for an unknown comm id is answered on stderr and the session goes on.
"""
import time
import unittest

from jupyter_client.manager import start_new_kernel

CELL = """
IntSlider n = new IntSlider("n", 1, 10, 1, 2);
FloatSlider scale = new FloatSlider("scale", 0.5, 2.0, 0.5, 1.0);
Widgets.interact(() -> "n*scale = " + (n.value() * scale.value()), n, scale);
"""


class WidgetCommTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="java", startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def iopub_until_idle(self, parent_id, timeout=30):
        """IOPub messages up to the idle status of request parent_id."""
        got, deadline = [], time.time() + timeout
        while time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=deadline - time.time())
            got.append(msg)
            if (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
                    and msg["parent_header"].get("msg_id") == parent_id):
                return got
        self.fail("no idle status for %s" % parent_id)

    def iopub_for(self, predicate, timeout=30):
        """IOPub messages until one satisfies predicate (returned last)."""
        got, deadline = [], time.time() + timeout
        while time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=deadline - time.time())
            got.append(msg)
            if predicate(msg):
                return got
        self.fail("the expected IOPub message did not come; got %s" % [m["msg_type"] for m in got])

    def send_comm_msg(self, comm_id, data):
        msg = self.kc.session.msg("comm_msg", {"comm_id": comm_id, "data": data})
        self.kc.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    def test_interact_opens_widget_comms_and_an_update_redraws_the_output(self):
        msg_id = self.kc.execute(CELL)
        msgs = self.iopub_until_idle(msg_id, timeout=60)
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        opens = [m for m in msgs if m["msg_type"] == "comm_open"]
        self.assertTrue(opens, [m["msg_type"] for m in msgs])
        for m in opens:
            self.assertEqual(m["content"]["target_name"], "jupyter.widget")
            self.assertEqual(m["metadata"].get("version", "").split(".")[0], "2", m["metadata"])
        models = {m["content"]["data"]["state"]["_model_name"]: m for m in opens}
        for name, module in [("IntSliderModel", "@jupyter-widgets/controls"),
                             ("FloatSliderModel", "@jupyter-widgets/controls"),
                             ("VBoxModel", "@jupyter-widgets/controls"),
                             ("OutputModel", "@jupyter-widgets/output"),
                             ("LayoutModel", "@jupyter-widgets/base")]:
            self.assertIn(name, models)
            self.assertEqual(models[name]["content"]["data"]["state"]["_model_module"], module)
        slider = models["IntSliderModel"]["content"]["comm_id"]
        output = models["OutputModel"]["content"]["comm_id"]
        self.assertEqual(models["IntSliderModel"]["content"]["data"]["state"]["value"], 2)
        views = [m for m in msgs if m["msg_type"] == "display_data"]
        self.assertEqual(views[0]["content"]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"],
                         models["VBoxModel"]["content"]["comm_id"])
        self.assertIn("text/plain", views[0]["content"]["data"])

        def outputs_text(msg):
            state = msg["content"]["data"].get("state", {})
            return " ".join(o.get("data", {}).get("text/plain", "") for o in state.get("outputs", []))

        first = [m for m in msgs if m["msg_type"] in ("comm_open", "comm_msg") and m["content"]["comm_id"] == output]
        self.assertIn("n*scale = 2.0", outputs_text(first[-1]))
        shown = [m for m in msgs if m["msg_type"] in ("display_data", "execute_result")
                 and "application/vnd.jupyter.widget-view+json" in m["content"]["data"]]
        self.assertEqual(len(shown), 1, "the panel is shown once")

        info = self.kc.comm_info(target_name="jupyter.widget", reply=True)["content"]
        self.assertIn(slider, info["comms"])
        self.assertEqual(info["comms"][slider]["target_name"], "jupyter.widget")

        t0 = time.time()
        self.send_comm_msg(slider, {"method": "update", "state": {"value": 7}, "buffer_paths": []})
        self.iopub_for(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output
                       and "n*scale = 7.0" in outputs_text(m))
        print("\n  update -> redrawn output: %.0f ms" % ((time.time() - t0) * 1000))

        outputs = []
        reply = self.kc.execute_interactive("n.value()", timeout=30, output_hook=outputs.append)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("7", [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"])

    def test_a_comm_msg_for_an_unknown_id_is_named_and_the_session_goes_on(self):
        self.send_comm_msg("no-such-comm", {"method": "update", "state": {"value": 1}})
        msgs = self.iopub_for(lambda m: m["msg_type"] == "stream" and "no-such-comm" in m["content"]["text"])
        self.assertIn("does not know", msgs[-1]["content"]["text"])
        self.assertEqual(msgs[-1]["content"]["name"], "stderr")
        outputs = []
        reply = self.kc.execute_interactive("1 + 1", timeout=30, output_hook=outputs.append)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("2", [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"])

    def test_a_bad_slider_is_a_clear_error(self):
        outputs = []
        reply = self.kc.execute_interactive('new FloatSlider("lr", 0.5, 0.01, 0.01, 0.1)', timeout=30,
                                            output_hook=outputs.append)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("min 0.5 is greater than max 0.01", reply["content"]["evalue"])


if __name__ == "__main__":
    unittest.main()
