"""bin/lab --browser-check: headless Chromium opens a notebook in JupyterLab, runs a chart cell, saves a screenshot.

Starts JupyterLab (the checkout's .venv, the installed "java" kernelspec) on a free port with a fresh
token in target/browser-check/work, drives Chromium over the DevTools protocol, waits for the cell's
PNG output to appear and writes target/browser-check/screenshot.png. Exit code 0 when the chart was
drawn in the page.
"""
import base64
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

CELL = """import org.knowm.xchart.*;
XYChart chart = new XYChartBuilder().width(500).height(300).title("browser check").build();
chart.addSeries("y = x^2", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
chart"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, test, timeout):
    end = time.time() + timeout
    while time.time() < end:
        value = test()
        if value:
            return value
        time.sleep(0.5)
    raise TimeoutError(f"browser check: timed out after {timeout} s waiting for {what}")


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next = 0

    def call(self, method, **params):
        self.next += 1
        self.ws.send(json.dumps({"id": self.next, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        return r.get("result", {}).get("value")

    def key(self, key, code, vk, modifiers=0):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=vk,
                      nativeVirtualKeyCode=vk, modifiers=modifiers)

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def kernel_idle(base, token):
    """True when the notebook's session has a java kernel that is idle."""
    sessions = json.load(urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=5))
    return any(s["kernel"]["name"] == "java" and s["kernel"]["execution_state"] == "idle" for s in sessions)


def run_chart_cell(page, base, token):
    wait_for("the notebook to open", lambda: page.js("!!document.querySelector('.jp-Notebook .jp-Cell .cm-content')"), 120)
    wait_for("the Java kernel to be idle", lambda: kernel_idle(base, token), 120)
    rect = page.js("(() => { const r = document.querySelector('.jp-Cell .cm-content').getBoundingClientRect();"
                   " return [r.x + 20, r.y + 5]; })()")
    page.click(*rect)
    page.key("Enter", "Enter", 13, modifiers=8)  # Shift+Enter runs the cell


def chart_size(page):
    return wait_for("the chart to appear in the cell output", lambda: page.js(
        "(() => { const i = document.querySelector('.jp-OutputArea-output img');"
        " return i && i.complete && i.naturalWidth ? [i.naturalWidth, i.naturalHeight] : null; })()"), 120)


def main(root):
    out_dir = os.path.join(root, "target", "browser-check")
    work = os.path.join(out_dir, "work")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(work)
    nb = {"cells": [{"cell_type": "code", "id": "chart", "metadata": {}, "source": CELL, "outputs": [],
                     "execution_count": None}],
          "metadata": {"kernelspec": {"name": "java", "display_name": "Java (nnlab)", "language": "java"}},
          "nbformat": 4, "nbformat_minor": 5}
    with open(os.path.join(work, "check.ipynb"), "w") as f:
        json.dump(nb, f)

    token, port = secrets.token_hex(16), free_port()
    lab_log = open(os.path.join(out_dir, "jupyterlab.log"), "w")
    lab = subprocess.Popen([os.path.join(root, ".venv", "bin", "jupyter"), "lab", "--no-browser", "--ip", "127.0.0.1",
                            "--port", str(port), "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
                            f"--ServerApp.root_dir={work}"] + (["--allow-root"] if os.geteuid() == 0 else []),
                           stdout=lab_log, stderr=subprocess.STDOUT)
    profile = tempfile.mkdtemp(prefix="nnlab-chromium-")
    chrome = None
    try:
        base = f"http://127.0.0.1:{port}"

        def lab_up():
            if lab.poll() is not None:
                raise RuntimeError(f"browser check: JupyterLab exited; see {lab_log.name}")
            try:
                return urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2).status == 200
            except OSError:
                return False
        wait_for("JupyterLab to start", lab_up, 90)

        chrome = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                   "--disable-sync", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                   "--window-size=1280,900", "about:blank"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        active = os.path.join(profile, "DevToolsActivePort")
        wait_for("Chromium's DevTools port", lambda: os.path.exists(active) and open(active).read().strip(), 60)
        devtools = int(open(active).read().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json", timeout=10))
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url=f"{base}/lab/tree/check.ipynb?token={token}")

        try:
            run_chart_cell(page, base, token)
        except (TimeoutError, RuntimeError):
            shot = page.call("Page.captureScreenshot", format="png")
            with open(os.path.join(out_dir, "failure.png"), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            raise
        size = chart_size(page)
        time.sleep(0.5)
        shot = page.call("Page.captureScreenshot", format="png")
        path = os.path.join(out_dir, "screenshot.png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        if size != [500, 300]:
            raise AssertionError(f"browser check: chart image is {size}, expected [500, 300]")
        print(f"browser check: chart {size[0]}x{size[1]} drawn in JupyterLab; screenshot {os.path.relpath(path, root)}")
    finally:
        if chrome:
            chrome.terminate()
            chrome.wait(20)
        lab.terminate()
        lab.wait(30)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except (TimeoutError, AssertionError, RuntimeError) as e:
        print(e, file=sys.stderr)
        sys.exit(1)
