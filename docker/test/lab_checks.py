"""JupyterLab inside the image, run by docker/check in a container with no network whose workspace
(~/notebooks) is a small tmpfs:

1. docker/start filled the workspace with the released (student) notebooks;
2. `jupyterhub-singleuser` (what a hub runs) loads JupyterHub's single-user app on jupyter_server;
   JupyterLab answers on its port: /api/status, the /lab page, the java kernelspec;
3. with the workspace's disk full, saving a notebook through the contents API fails with Jupyter's own
   error (HTTP 500 naming "No space left on device", which JupyterLab shows in its save dialog) and the
   file on disk is left as it was; once space is freed the same save succeeds.
"""
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

WS = os.environ.get("NNLAB_WORKSPACE", os.path.expanduser("~/notebooks"))


def say(msg):
    print(f"docker/check:    {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(base, token, path, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def check_workspace():
    names = sorted(n for n in os.listdir(WS) if n.endswith(".ipynb"))
    assert len(names) >= 4, f"the workspace {WS} has {names}, expected the released notebooks 01..04"
    texts = {n: "".join("".join(c["source"]) for c in json.load(open(os.path.join(WS, n)))["cells"]
                        if c["cell_type"] == "code") for n in names}
    solved = [n for n, t in texts.items() if "// BEGIN SOLUTION" in t]
    assert not solved, f"the workspace holds solution versions: {solved}"
    assert any("YOUR CODE HERE" in t for t in texts.values()), "no released stub (YOUR CODE HERE) in the workspace"
    say(f"workspace {WS}: {len(names)} released notebooks, stubs in place, no solutions")
    return names


def start_lab(port, token):
    lab = subprocess.Popen(["jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                            "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
                            f"--ServerApp.root_dir={WS}", "--log-level=ERROR"])
    base, t0 = f"http://127.0.0.1:{port}", time.time()
    while time.time() - t0 < 90:
        try:
            if request(base, token, "/api/status")[0] == 200:
                return lab, base, time.time() - t0
        except OSError:
            pass
        assert lab.poll() is None, f"jupyter lab exited with {lab.returncode}"
        time.sleep(0.3)
    lab.kill()
    raise AssertionError("JupyterLab did not answer on /api/status within 90 s")


def fill_disk():
    path = os.path.join(WS, ".fill")
    with open(path, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    try:
        with open(os.path.join(WS, ".probe"), "wb") as f:
            f.write(b"\0" * 65536)
    except OSError:
        return path
    raise AssertionError("could not fill the workspace's disk")


def check_full_disk(base, token, name):
    status, body = request(base, token, f"/api/contents/{name}?content=1")
    assert status == 200, f"GET {name}: {status} {body[:200]}"
    model = json.loads(body)
    before = open(os.path.join(WS, name), "rb").read()
    model["content"]["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "x" * 200_000})
    save = {"type": "notebook", "format": "json", "content": model["content"]}
    fill = fill_disk()
    status, body = request(base, token, f"/api/contents/{name}", "PUT", save)
    assert status == 500, f"saving into a full disk answered {status}, expected 500: {body[:300]}"
    message = json.loads(body).get("message", "")
    assert "No space left on device" in message, f"the save error does not name the full disk: {message!r}"
    assert open(os.path.join(WS, name), "rb").read() == before, f"the failed save changed {name} on disk"
    say(f"full disk: saving {name} fails with HTTP 500 {message!r}; the file on disk is unchanged")
    os.remove(fill)
    status, body = request(base, token, f"/api/contents/{name}", "PUT", save)
    assert status == 200, f"the save after freeing space answered {status}: {body[:300]}"
    say("after freeing space the same save succeeds")


def check_singleuser():
    """The command JupyterHub runs in the image loads JupyterHub's single-user app on jupyter_server."""
    r = subprocess.run(["jupyterhub-singleuser", "--help"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Single-user server for JupyterHub" in r.stdout, \
        f"jupyterhub-singleuser --help failed ({r.returncode}): {r.stderr[-500:]}"
    app = [l.split("] ", 1)[-1] for l in r.stderr.splitlines() if "Extending" in l]
    assert app and "jupyter_server" in app[0], f"the single-user app does not extend jupyter_server: {r.stderr[-500:]}"
    say(f"jupyterhub-singleuser: {app[0]}")


def main():
    names = check_workspace()
    check_singleuser()
    token, port = secrets.token_hex(16), free_port()
    lab, base, seconds = start_lab(port, token)
    try:
        say(f"JupyterLab answered on 127.0.0.1:{port} after {seconds:.1f} s")
        status, page = request(base, token, "/lab")
        assert status == 200 and "jupyter-config-data" in page, f"/lab answered {status}: {page[:200]}"
        status, body = request(base, token, "/api/kernelspecs")
        specs = json.loads(body)["kernelspecs"]
        assert "java" in specs, f"JupyterLab lists the kernels {sorted(specs)}, no java"
        say(f"/lab page served; kernels offered: {sorted(specs)}")
        check_full_disk(base, token, names[0])
    finally:
        lab.terminate()
        lab.wait(timeout=30)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"docker/check: error: {e}", file=sys.stderr)
        sys.exit(1)
