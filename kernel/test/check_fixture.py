"""Checks the outputs of the executed kernel fixture notebook (text, PNG size, display update, %%time)."""
import base64
import json
import struct
import sys


def outputs(nb, i):
    return nb["cells"][i]["outputs"]


def main(path):
    nb = json.load(open(path))
    out = outputs(nb, 1)
    assert out[0]["output_type"] == "stream" and out[0]["name"] == "stdout", out
    assert "".join(out[0]["text"]) == "hello from the fixture\n", out

    out = outputs(nb, 2)
    png = base64.b64decode(out[0]["data"]["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "chart output is not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (600, 400), f"chart PNG is {width}x{height}, expected 600x400"
    assert len(png) > 5000, f"chart PNG suspiciously small ({len(png)} bytes)"

    out = outputs(nb, 3)
    text = "".join(out[0]["data"]["text/plain"])
    assert text.startswith("tensor([[1.") and "shape=[2, 2]" in text, text

    out = outputs(nb, 4)
    assert out[0]["output_type"] == "display_data", out
    # nbclient applies update_display_data to the earlier output in place
    assert "".join(out[0]["data"]["text/plain"]) == "epoch 2", out

    out = outputs(nb, 5)
    stream = "".join(o.get("text", "") if isinstance(o.get("text"), str) else "".join(o.get("text", []))
                     for o in out if o["output_type"] == "stream")
    assert "Wall time:" in stream, out
    result = [o for o in out if o["output_type"] == "execute_result"]
    assert "".join(result[0]["data"]["text/plain"]) == "5050", result
    print(f"check_fixture: {path} OK (text, 600x400 PNG, tensor, display update, %%time)")


if __name__ == "__main__":
    main(sys.argv[1])
