"""bin/lab --walkthrough: a student's first session, in JupyterLab in headless Chromium (1400 x 1000).

  walkthrough.py ROOT                     a fresh student workspace (bin/workspace) in target/walkthrough/course;
                                          opens lesson 01 there and checks that no solution text is on the
                                          page or in the notebook (markers on a line of their own, and every
                                          line between them in the source notebook); then solves it (types the
                                          source's solution into each exercise cell), runs all, and checks that
                                          - every chart image is at most as wide as the notebook column,
                                          - plain text output (logs) adds up to at most MAX_LOG_SCREENS screens,
                                          - after a kernel restart, neither page nor console shows the news
                                            prompt, debugger errors or "History was unable to be retrieved";
                                          saves target/walkthrough/01.png (the whole notebook); then
                                          bin/lab --pdf of the saved lesson: its pages as PNGs (pdftoppm) in
                                          target/walkthrough/pdf/, and checks that it holds the charts
                                          (pdfimages) and rendered formulas, not TeX source (pdftotext)
  walkthrough.py ROOT --shots DIR NB:CELL[,CELL...] ...
                                          runs each notebook DIR/NB top to bottom (solutions included) and saves
                                          a screenshot of each listed code cell (0-based index among all cells)
                                          to target/walkthrough/NB-CELL.png; prints each notebook's page height

JupyterLab runs from ROOT's .venv with the installed "java" kernelspec, with notebook windowing off (every
cell stays in the page, so the page height is the notebook's) and the app exposed to the page's JavaScript.
"""
import base64
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_check import Page, free_port, kernel_idle, wait_for  # noqa: E402

WIDTH, HEIGHT = 1400, 1000
MAX_LOG_SCREENS = 3
LESSON = "01-gradient-descent.ipynb"


class ConsolePage(Page):
    """A DevTools page that also keeps the browser console's messages (warnings from JupyterLab)."""

    def __init__(self, ws_url):
        super().__init__(ws_url)
        self.console = []

    def call(self, method, **params):
        self.next += 1
        self.ws.send(json.dumps({"id": self.next, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == "Runtime.consoleAPICalled":
                self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in msg["params"]["args"]))
            if msg.get("id") == self.next:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})


# What a student must not be shown: JupyterLab's news prompt, the debugger's and history's complaints.
UNWANTED = ("official Jupyter news", "No active debugger session", "History was unable to be retrieved")


class Lab:
    """JupyterLab on a free port in `work`, and a headless Chromium page on it."""

    def __init__(self, root, work, out_dir):
        self.root, self.work, self.out_dir = root, work, out_dir
        self.token, self.port = secrets.token_hex(16), free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.settings = tempfile.mkdtemp(prefix="nnlab-lab-settings-")
        self.workspaces = tempfile.mkdtemp(prefix="nnlab-lab-workspaces-")  # no layout restored from other runs
        tracker = os.path.join(self.settings, "@jupyterlab", "notebook-extension")
        os.makedirs(tracker)
        with open(os.path.join(tracker, "tracker.jupyterlab-settings"), "w") as f:
            json.dump({"windowingMode": "none"}, f)
        self.profile = tempfile.mkdtemp(prefix="nnlab-chromium-")
        self.lab = self.chrome = None
        self.current = None

    def __enter__(self):
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=self.settings)
        self.log = open(os.path.join(self.out_dir, "jupyterlab.log"), "w")
        self.lab = subprocess.Popen(
            [os.path.join(self.root, ".venv", "bin", "jupyter"), "lab", "--no-browser", "--ip", "127.0.0.1",
             "--port", str(self.port), "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
             f"--ServerApp.root_dir={self.work}", "--LabApp.expose_app_in_browser=True",
             f"--LabApp.workspaces_dir={self.workspaces}"]
            + (["--allow-root"] if os.geteuid() == 0 else []), stdout=self.log, stderr=subprocess.STDOUT, env=env)
        wait_for("JupyterLab to start", self.up, 90)
        self.chrome = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0", f"--window-size={WIDTH},{HEIGHT}",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        active = os.path.join(self.profile, "DevToolsActivePort")
        wait_for("Chromium's DevTools port", lambda: os.path.exists(active) and open(active).read().strip(), 60)
        devtools = int(open(active).read().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json", timeout=10))
        self.page = ConsolePage(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        self.page.call("Page.enable")
        self.page.call("Runtime.enable")
        self.page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1,
                       mobile=False)
        return self

    def up(self):
        if self.lab.poll() is not None:
            raise RuntimeError(f"walkthrough: JupyterLab exited; see {self.log.name}")
        try:
            return urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2).status == 200
        except OSError:
            return False

    def __exit__(self, *exc):
        if self.chrome:
            self.chrome.terminate()
            self.chrome.wait(20)
        self.lab.terminate()
        self.lab.wait(30)
        shutil.rmtree(self.profile, ignore_errors=True)
        shutil.rmtree(self.settings, ignore_errors=True)
        shutil.rmtree(self.workspaces, ignore_errors=True)

    def open(self, name):
        """Opens the notebook `name` and waits for its kernel."""
        self.current = name
        self.page.call("Page.navigate", url=f"{self.base}/lab/tree/{name}?token={self.token}")
        wait_for("the notebook to open", lambda: self.js("(() => { const w = PANEL;"
                                                       " return !!(w && w.node.querySelector('.jp-Cell .cm-content')); })()"), 180)
        wait_for("the Java kernel to be idle", lambda: kernel_idle(self.base, self.token), 180)
        time.sleep(2)

    def run_all(self, timeout):
        """Runs every cell of the open notebook and waits until all have run."""
        self.js("(() => { window.jupyterapp.shell.activateById(PANEL.id);"
                " window.jupyterapp.commands.execute('notebook:run-all-cells'); return true; })()")
        time.sleep(2)
        wait_for("every cell to run", lambda: self.js(
            "(() => { const p = [...ROOT.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent);"
            " return p.length > 0 && p.every(t => /\\[\\d+\\]/.test(t)); })()") and kernel_idle(self.base, self.token),
            timeout)
        time.sleep(1)

    def js(self, expr):
        """Evaluates `expr` with PANEL bound to the open notebook's panel and ROOT to its node."""
        panel = ("(window.jupyterapp && [...window.jupyterapp.shell.widgets('main')]"
                 f".find(w => w.context && w.context.path === {json.dumps(self.current)}))")
        return self.page.js(expr.replace("ROOT", "PANEL.node").replace("PANEL", panel))

    def screenshot(self, path, clip=None):
        params = {"format": "png", "captureBeyondViewport": True}
        if clip:
            params["clip"] = dict(clip, scale=1)
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.page.call("Page.captureScreenshot", **params)["data"]))

    def notebook_height(self):
        return self.js(PAGE_FACTS)["height"]

    def whole_page(self, path):
        """A screenshot of the whole notebook: the page is made as tall as the notebook first."""
        height = self.notebook_height() + 200
        self.page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=min(height, 16000),
                       deviceScaleFactor=1, mobile=False)
        time.sleep(1)
        self.js("ROOT.querySelector('.jp-Cell').scrollIntoView()")
        time.sleep(0.5)
        self.screenshot(path)
        self.page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1,
                       mobile=False)


MARKER = re.compile(r"^\s*(//|#+)?\s*(BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$", re.M)


def solution_lines(source_nb):
    """Lines inside the source notebook's solution regions that are long enough to be telling."""
    lines = set()
    nb = json.load(open(source_nb))
    for cell in nb["cells"]:
        inside = False
        for line in "".join(cell["source"]).splitlines():
            if MARKER.match(line):
                inside = "BEGIN" in line
            elif inside and len(line.strip()) >= 12:
                lines.add(line.strip())
    return lines


def leaks(source_nb, texts):
    """Solution markers on a line of their own, or solution lines, found in any of `texts`."""
    found = [m.group(0).strip() for t in texts for m in MARKER.finditer(t)]
    found += [line for line in solution_lines(source_nb) if any(line in t for t in texts)]
    return found


PAGE_FACTS = """(() => {
  const nb = ROOT.querySelector('.jp-NotebookPanel-notebook');
  const out = nb.querySelector('.jp-OutputArea-output') || nb.querySelector('.jp-Cell-inputArea');
  const imgs = [...nb.querySelectorAll('.jp-OutputArea-output img')].map(i => [i.naturalWidth, i.width]);
  const logs = [...nb.querySelectorAll('.jp-OutputArea-output.jp-RenderedText')];
  const logPx = logs.reduce((a, e) => a + e.getBoundingClientRect().height, 0);
  const cells = nb.querySelectorAll('.jp-Cell');
  const height = cells[cells.length - 1].getBoundingClientRect().bottom - cells[0].getBoundingClientRect().top;
  // charts a widget's Output shows live: in the page, not in a saved notebook's outputs or its PDF
  const live = nb.querySelectorAll('.widget-output img').length;
  return {text: nb.innerText, column: out.getBoundingClientRect().width, imgs, live, logPx, height: Math.round(height)};
})()"""


def saved_sources(lab, name):
    """The cell sources of the notebook as JupyterLab saved it (the contents API)."""
    url = f"{lab.base}/api/contents/{name}?content=1&token={lab.token}"
    nb = json.load(urllib.request.urlopen(url, timeout=10))["content"]
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"]]


def solve(lab, source_nb):
    """Types the instructor's solution into each exercise cell, as a student who solved them would."""
    nb = json.load(open(source_nb))
    solutions = {c["id"]: "\n".join(line for line in "".join(c["source"]).splitlines() if not MARKER.match(line))
                 for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")}
    done = lab.js(f"""(() => {{ const solutions = {json.dumps(solutions)}; const cells = PANEL.content.model.cells; let n = 0;
      for (let i = 0; i < cells.length; i++) {{ const c = cells.get(i);
        if (c.id in solutions) {{ c.sharedModel.setSource(solutions[c.id]); n++; }} }}
      return n; }})()""")
    if done != len(solutions):
        raise RuntimeError(f"walkthrough: filled {done} of {len(solutions)} exercise cells (cell ids differ?)")


def walkthrough(root, out_dir):
    work = os.path.join(out_dir, "course")
    env = dict(os.environ, NNLAB_MAX_EPOCH=os.environ.get("NNLAB_MAX_EPOCH", "2"),
               NNLAB_DATASET_LIMIT=os.environ.get("NNLAB_DATASET_LIMIT", "300"))
    subprocess.run([os.path.join(root, "bin", "workspace"), work], check=True, stdout=subprocess.DEVNULL, env=env)
    os.environ.update(env)  # the kernel JupyterLab starts inherits the CI data limits
    source_nb = os.path.join(root, "notebooks", LESSON)
    with Lab(root, work, out_dir) as lab:
        try:
            lab.open(LESSON)
            as_released = [lab.js("ROOT.innerText")] + saved_sources(lab, LESSON)
            solve(lab, source_nb)
            lab.run_all(600)
        except (TimeoutError, RuntimeError):
            lab.screenshot(os.path.join(out_dir, "failure.png"))
            raise
        facts = lab.js(PAGE_FACTS)
        lab.js("(() => { PANEL.context.save(); PANEL.sessionContext.restartKernel(); return true; })()")
        time.sleep(3)
        wait_for("the kernel to restart", lambda: kernel_idle(lab.base, lab.token), 180)
        time.sleep(3)
        facts["unwanted"] = [m for m in lab.page.console + [lab.js("document.body.innerText")]
                             for u in UNWANTED if u in m]
        lab.whole_page(os.path.join(out_dir, "01.png"))
    problems = []
    leaked = leaks(source_nb, as_released)
    if leaked:
        problems.append(f"solution text in the student's notebook: {leaked[:3]}")
    if not facts["imgs"]:
        problems.append("no chart was drawn")
    wide = [w for w, shown in facts["imgs"] if w > facts["column"]]
    if wide:
        problems.append(f"{len(wide)} chart(s) wider than the {facts['column']:.0f} px column: {wide}")
    if facts["unwanted"]:
        problems.append(f"JupyterLab said: {facts['unwanted'][:3]}")
    if facts["logPx"] > MAX_LOG_SCREENS * HEIGHT:
        problems.append(f"{facts['logPx']:.0f} px of plain text output: more than {MAX_LOG_SCREENS} screens")
    summary = (f"walkthrough: {LESSON} ran in the student workspace; {len(facts['imgs'])} charts, widest "
               f"{max([w for w, _ in facts['imgs']], default=0)} px in a {facts['column']:.0f} px column; "
               f"{facts['logPx']:.0f} px of plain text; page {facts['height']} px; screenshot "
               f"{os.path.relpath(os.path.join(out_dir, '01.png'), root)}")
    pdf = pdf_problems(root, os.path.join(work, LESSON), out_dir, len(facts["imgs"]) - facts["live"])
    if problems or pdf[1]:
        raise AssertionError(summary + "\n  " + "\n  ".join(problems + pdf[1]))
    print(summary)
    print(pdf[0])


def pdf_problems(root, notebook, out_dir, charts):
    """Exports the run notebook with bin/lab --pdf; (summary, problems) about its pictures and formulas."""
    pdf = os.path.join(out_dir, "01.pdf")
    subprocess.run([os.path.join(root, "bin", "lab"), "--pdf", notebook, pdf], check=True, stdout=subprocess.DEVNULL)
    pages = os.path.join(out_dir, "pdf")
    os.makedirs(pages)
    subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, os.path.join(pages, "page")], check=True)
    images = subprocess.run(["pdfimages", "-list", pdf], check=True, capture_output=True, text=True).stdout
    found = len([line for line in images.splitlines()[2:] if " image " in line])
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    tex = [t for t in ("$$", "\\frac", "\\nabla", "\\eta") if t in text]
    problems = []
    if found < charts:
        problems.append(f"the PDF holds {found} pictures; the notebook showed {charts} charts")
    if tex:
        problems.append(f"the PDF shows TeX source {tex} instead of rendered formulas")
    return (f"walkthrough: {os.path.relpath(pdf, root)}: {len(os.listdir(pages))} pages, {found} pictures, formulas "
            f"rendered; pages as PNGs in {os.path.relpath(pages, root)}"), problems


def shots(root, out_dir, src_dir, specs):
    work = os.path.join(out_dir, "notebooks")
    shutil.copytree(src_dir, work)
    with Lab(root, work, out_dir) as lab:
        for spec in specs:
            name, cells = spec.split(":")
            lab.open(name)
            lab.run_all(1800)
            for k in [int(c) for c in cells.split(",")]:
                cell = f"ROOT.querySelectorAll('.jp-Notebook .jp-Cell')[{k}]"
                height = lab.js(f"{cell}.getBoundingClientRect().height")
                lab.page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=int(min(height + 300, 16000)),
                              deviceScaleFactor=1, mobile=False)
                time.sleep(1)
                lab.js(f"{cell}.scrollIntoView()")
                time.sleep(0.5)
                rect = lab.js(f"(() => {{ const r = {cell}.getBoundingClientRect();"
                              " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()")
                path = os.path.join(out_dir, f"{name[:2]}-cell{k}.png")
                lab.screenshot(path, rect)
                print(f"{name} cell {k}: {rect['height']:.0f} px high, saved {path}")
            lab.page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1,
                          mobile=False)
            time.sleep(1)
            facts = lab.js(PAGE_FACTS)
            print(f"{name}: page height {facts['height']} px = {facts['height'] / HEIGHT:.1f} screens of {HEIGHT} px; "
                  f"plain text {facts['logPx']:.0f} px; images (drawn, shown) {facts['imgs']}; column {facts['column']:.0f}")


def main(argv):
    root = os.path.abspath(argv[1])
    out_dir = os.path.join(root, "target", "walkthrough")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    if len(argv) > 3 and argv[2] == "--shots":
        shots(root, out_dir, os.path.abspath(argv[3]), argv[4:])
    else:
        walkthrough(root, out_dir)


if __name__ == "__main__":
    try:
        main(sys.argv)
    except (TimeoutError, AssertionError, RuntimeError, subprocess.CalledProcessError) as e:
        print(e, file=sys.stderr)
        sys.exit(1)
