"""Checks notebooks that docker/check executed inside the image, and prints the time to first result.

    python3 docker/test/check_executed.py START_EPOCH_SECONDS image-fixture.ipynb [other.ipynb ...]

Every notebook: no error output, no stderr stream, at least one PNG image. The fixture also: its first
cell (1 + 1) gave 2, MNIST is [10000, 784] and Fashion-MNIST [60000, 784]. The time to first result is
from START (before the container started) to the first cell's reply (nbconvert's timing metadata).
"""
import base64
import datetime
import json
import sys


def outputs(nb):
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            yield cell, cell.get("outputs", [])


def check(path):
    nb = json.load(open(path))
    pngs = 0
    for cell, outs in outputs(nb):
        for o in outs:
            assert o["output_type"] != "error", f"{path}: a cell failed: {o.get('ename')}: {o.get('evalue')}"
            assert o.get("name") != "stderr", f"{path}: a cell wrote to stderr: {''.join(o['text'])[:300]}"
            png = o.get("data", {}).get("image/png")
            if png:
                assert base64.b64decode(png)[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: image/png is not a PNG"
                pngs += 1
    assert pngs > 0, f"{path}: no PNG output"
    return nb, pngs


def text(outs):
    return "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", "")) for o in outs)


def main(start, fixture, *others):
    nb, pngs = check(fixture)
    code = [outs for _, outs in outputs(nb)]
    assert text(code[0]).strip() == "2", f"1 + 1 gave {text(code[0])!r}"
    assert "mnist10k [10000, 784]" in text(code[1]), f"MNIST cell printed {text(code[1])!r}"
    assert "fashion-mnist [60000, 784]" in text(code[2]), f"Fashion-MNIST cell printed {text(code[2])!r}"
    first = [c for c, _ in outputs(nb)][0]["metadata"]["execution"]["shell.execute_reply"]
    reply = datetime.datetime.fromisoformat(first.replace("Z", "+00:00")).timestamp()
    print(f"docker/check:    fixture: 1 + 1 = 2, MNIST and Fashion-MNIST loaded, {pngs} PNGs; "
          f"time to first result {reply - float(start):.1f} s (container start to the reply of 1 + 1)")
    for path in others:
        _, n = check(path)
        print(f"docker/check:    {path.rsplit('/', 1)[-1]}: no errors, nothing on stderr, {n} PNGs")


if __name__ == "__main__":
    main(*sys.argv[1:])
