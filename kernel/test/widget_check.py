"""bin/lab --widget-check: notebook 01's sliders in JupyterLab, driven by headless Chromium.

Runs notebook 01 (its solved source, CI data limits) in JupyterLab, finds the interactive cell's
"step η₀" slider, drags its handle to the right a few times and waits after each move until the
chart in the widget's Output is a different PNG. Prints the time from each move to the redrawn
chart (median and max over the moves) and saves target/widget-check/before.png and after.png.
Exit code 0 when every move redrew the chart.
"""
import hashlib
import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_check import wait_for  # noqa: E402
from walkthrough import Lab  # noqa: E402

LESSON = "01-gradient-descent.ipynb"
MOVES = 5

# The PNG shown in the interactive cell's Output widget, and the centre of the first slider's handle.
OUTPUT_PNG = ("(() => { const i = ROOT.querySelector('.jupyter-widgets-output-area img, .widget-output img');"
              " return i && i.complete && i.naturalWidth ? i.src : null; })()")
HANDLE = ("(() => { const h = ROOT.querySelector('.widget-slider .noUi-handle'); if (!h) return null;"
          " h.scrollIntoView({block: 'center'}); const r = h.getBoundingClientRect();"
          " const t = ROOT.querySelector('.widget-slider .noUi-target').getBoundingClientRect();"
          " return [r.x + r.width / 2, r.y + r.height / 2, t.width]; })()")
READOUT = "(() => { const r = ROOT.querySelector('.widget-slider .widget-readout'); return r ? r.innerText : null; })()"


def digest(src):
    return hashlib.sha256(src.encode()).hexdigest()[:12]


def drag(lab, x, y, dx):
    """Presses the mouse on (x, y), moves it dx to the right in small steps and releases it."""
    page = lab.page
    page.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
    for i in range(1, 5):
        page.call("Input.dispatchMouseEvent", type="mouseMoved", x=x + dx * i / 4, y=y, button="left")
    page.call("Input.dispatchMouseEvent", type="mouseReleased", x=x + dx, y=y, button="left", clickCount=1)


def main(root):
    out_dir = os.path.join(root, "target", "widget-check")
    work = os.path.join(out_dir, "work")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(work)
    shutil.copy(os.path.join(root, "notebooks", LESSON), work)
    os.environ.setdefault("NNLAB_MAX_EPOCH", "2")
    os.environ.setdefault("NNLAB_DATASET_LIMIT", "300")
    with Lab(root, work, out_dir) as lab:
        try:
            lab.open(LESSON)
            lab.run_all(600)
            first = wait_for("the chart in the interactive cell's output", lambda: lab.js(OUTPUT_PNG), 120)
            lab.js("ROOT.querySelector('.widget-slider').scrollIntoView({block: 'center'})")
            time.sleep(1)
            lab.screenshot(os.path.join(out_dir, "before.png"))
            latencies, seen = [], [digest(first)]
            for move in range(MOVES):
                x, y, width = wait_for("the slider's handle", lambda: lab.js(HANDLE), 30)
                before = lab.js(OUTPUT_PNG)
                t0 = time.perf_counter()
                drag(lab, x, y, width / 12)
                while True:
                    now = lab.js(OUTPUT_PNG)
                    if now and now != before:
                        break
                    if time.perf_counter() - t0 > 30:
                        raise TimeoutError(f"widget check: move {move + 1} did not redraw the chart within 30 s")
                    time.sleep(0.005)
                latencies.append((time.perf_counter() - t0) * 1000)
                seen.append(digest(now))
                time.sleep(1.0)  # let a coalesced last update land before the next move
            lab.screenshot(os.path.join(out_dir, "after.png"))
            readout = lab.js(READOUT)
        except (TimeoutError, RuntimeError):
            lab.screenshot(os.path.join(out_dir, "failure.png"))
            raise
    if len(set(seen)) < 2:
        raise AssertionError(f"widget check: the chart never changed ({seen})")
    print(f"widget check: {LESSON} interactive cell, {MOVES} drags of the step-size slider (now {readout}): "
          f"slider move -> redrawn chart median {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms "
          f"({', '.join(f'{t:.0f}' for t in latencies)} ms); {len(set(seen))} different charts; screenshots "
          f"{os.path.relpath(out_dir, root)}/before.png, after.png")


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except (TimeoutError, AssertionError, RuntimeError) as e:
        print(e, file=sys.stderr)
        sys.exit(1)
