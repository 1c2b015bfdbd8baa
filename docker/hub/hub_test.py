"""A real JupyterHub for a test class of two students on 127.0.0.1 (docker/hub/test runs this).

Starts Debian's jupyterhub with docker/hub/jupyterhub_config.py (dummy authenticator, NnlabTestSpawner,
configurable-http-proxy). Each student gets a token from the hub's REST API with their password, starts
their server, opens a Java kernel through the proxy and runs cells over the kernel websocket. Checks:
  1. each student gets their own result (their user, their variables, their workspace, their limits), and
     one student's token does not open the other's server;
  2. one student's `while (true) {}` does not slow the other's `1 + 1` beyond 2x (median of 10 each), and
     the per-student cell timeout stops the loop;
  3. one student's System.exit leaves the other's kernel, variables and JVM as they were;
  4. a student's server killed with SIGKILL is restarted by the hub on its own, their work kept;
then stops everything it started and checks that no process of it is left.

    /usr/bin/python3 docker/hub/hub_test.py --python VENV_PYTHON --release RELEASE_DIR
"""
import argparse
import asyncio
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

HERE = os.path.dirname(os.path.abspath(__file__))
STUDENTS = ("alice", "bob")
TIMEOUT_S = 12          # the students' cell timeout in this test


def say(msg):
    print(f"hub test: {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """The hub process, its ports and REST calls."""

    def __init__(self, workdir, python, release):
        self.workdir, self.port, self.password = workdir, free_port(), secrets.token_hex(8)
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, NNLAB_HUB_PORT=str(self.port), NNLAB_HUB_API_PORT=str(free_port()),
                        NNLAB_PROXY_API_PORT=str(free_port()), NNLAB_HUB_STATE=os.path.join(workdir, "state"),
                        NNLAB_HUB_AUTH="dummy", NNLAB_HUB_PASSWORD=self.password,
                        NNLAB_HUB_STUDENTS=",".join(STUDENTS), NNLAB_HUB_SPAWNER="test",
                        NNLAB_HUB_HOMES=os.path.join(workdir, "homes"), NNLAB_PYTHON=python,
                        NNLAB_RELEASE=release, NNLAB_STUDENT_JAVA_OPTS="-Xmx512m",
                        NNLAB_STUDENT_CELL_TIMEOUT=str(TIMEOUT_S), NNLAB_HUB_POLL_INTERVAL="2")
        self.log_path = os.path.join(workdir, "hub.log")
        self.proc = None
        self.http = AsyncHTTPClient()

    def start(self):
        log = open(self.log_path, "w")
        self.proc = subprocess.Popen(["jupyterhub", "-f", os.path.join(HERE, "jupyterhub_config.py")],
                                     cwd=self.workdir, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    async def call(self, path, token=None, method="GET", body=None, ok=(200, 201, 202, 204)):
        req = HTTPRequest(self.url + path, method=method, request_timeout=60,
                          body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
                          headers={"Authorization": f"token {token}"} if token else {})
        try:
            r = await self.http.fetch(req, raise_error=False)
        except OSError as e:
            raise AssertionError(f"{method} {path}: {e}") from e
        if r.code not in ok:
            raise HTTPClientError(r.code, f"{method} {path}: {r.code} {r.body[:300]!r}", r)
        return json.loads(r.body) if r.body else None

    async def wait_up(self, seconds=60):
        t0 = time.time()
        while time.time() - t0 < seconds:
            assert self.proc.poll() is None, f"jupyterhub exited with {self.proc.returncode}; log: {self.log_path}"
            try:
                return await self.call("/hub/api/")
            except (HTTPClientError, AssertionError):
                await asyncio.sleep(0.5)
        raise AssertionError(f"the hub did not answer within {seconds} s; log: {self.log_path}")

    async def login(self, name):
        body = {"auth": {"username": name, "password": self.password}, "note": "hub test"}
        return (await self.call(f"/hub/api/users/{name}/tokens", method="POST", body=body))["token"]

    async def start_server(self, name, token, seconds=120):
        t0 = time.time()
        await self.call(f"/hub/api/users/{name}/server", token, "POST")
        while time.time() - t0 < seconds:
            user = await self.call(f"/hub/api/users/{name}", token)
            if user["servers"].get("", {}).get("ready"):
                return time.time() - t0
            await asyncio.sleep(0.5)
        raise AssertionError(f"{name}'s server was not ready within {seconds} s; log: {self.log_path}")


class Kernel:
    """A Java kernel on a student's server, driven over the proxied websocket."""

    def __init__(self, hub, name, token):
        self.hub, self.name, self.token = hub, name, token
        self.session, self.replies = uuid.uuid4().hex, {}

    async def open(self):
        model = await self.hub.call(f"/user/{self.name}/api/kernels", self.token, "POST", {"name": "java"})
        self.id = model["id"]
        url = f"ws://127.0.0.1:{self.hub.port}/user/{self.name}/api/kernels/{self.id}/channels"
        self.ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token}"}))
        self.reader = asyncio.ensure_future(self.read())
        return self

    async def read(self):
        while True:
            raw = await self.ws.read_message()
            if raw is None:
                return
            msg = json.loads(raw)
            parent = msg.get("parent_header", {}).get("msg_id")
            if parent in self.replies:
                self.replies[parent].append(msg)

    def send(self, code):
        msg_id = uuid.uuid4().hex
        self.replies[msg_id] = []
        header = {"msg_id": msg_id, "session": self.session, "username": self.name, "version": "5.3",
                  "msg_type": "execute_request", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}
        self.ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                          "content": content, "channel": "shell"}))
        return msg_id

    async def result(self, msg_id, seconds=60):
        """(status, text) once the cell's reply and its idle status arrived; text = results and output."""
        t0 = time.time()
        while time.time() - t0 < seconds:
            msgs = self.replies[msg_id]
            reply = [m for m in msgs if m["msg_type"] == "execute_reply"]
            idle = [m for m in msgs if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"]
            if reply and idle:
                text = ""
                for m in msgs:
                    c = m["content"]
                    if m["msg_type"] == "stream":
                        text += c["text"]
                    elif m["msg_type"] in ("execute_result", "display_data"):
                        text += c["data"].get("text/plain", "")
                    elif m["msg_type"] == "error":
                        text += f"{c['ename']}: {c['evalue']}"
                return reply[0]["content"]["status"], text.strip()
            await asyncio.sleep(0.005)
        raise AssertionError(f"{self.name}: no reply to a cell within {seconds} s")

    async def run(self, code, seconds=60):
        return await self.result(self.send(code), seconds)

    async def value(self, code):
        status, text = await self.run(code)
        assert status == "ok", f"{self.name}: {code!r} failed: {text}"
        return text

    async def timed(self, code, n, expect="2"):
        """Seconds each of n runs of code took; each must print expect."""
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            text = await self.value(code)
            times.append(time.perf_counter() - t0)
            assert text == expect, f"{self.name}: {code!r} gave {text!r}, expected {expect!r}"
        return times

    def close(self):
        self.ws.close()
        self.reader.cancel()


def processes():
    """{pid: (ppid, cmdline)} of every process."""
    out = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                with open(f"/proc/{d}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
                out[int(d)] = (ppid, cmd)
            except OSError:
                pass
    return out


def descendants(root):
    procs, found, todo = processes(), set(), [root]
    while todo:
        p = todo.pop()
        kids = [c for c, (pp, _) in procs.items() if pp == p]
        found.update(kids)
        todo += kids
    return {p: procs[p][1] for p in found}


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def memory(hub, name):
    """Resident MiB of a student's server, kernel JVM and student JVM (ps's RSS, from /proc)."""
    server = server_pid(descendants(hub.proc.pid), name)
    parts = {"server": rss_mib(server), "kernel JVM": 0.0, "student JVM": 0.0}
    for pid, cmd in descendants(server).items():
        kind = "student JVM" if "RemoteAgent" in cmd else "kernel JVM" if "KernelMain" in cmd else "server"
        parts[kind] += rss_mib(pid)
    return parts


def server_pid(tree, name):
    for pid, cmd in tree.items():
        if "jupyterhub.singleuser" in cmd:
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    if f"JUPYTERHUB_USER={name}".encode() in f.read().split(b"\0"):
                        return pid
            except OSError:
                pass
    return None


async def check_own_results(hub, tokens, kernels):
    for name, k in kernels.items():
        who = await k.value('String who = System.getenv("JUPYTERHUB_USER"); who')
        assert name in who, f"{name}'s kernel says it belongs to {who!r}"
        home = await k.value('System.getenv("HOME")')
        assert home.strip('"').endswith(f"/homes/{name}"), f"{name}'s kernel has HOME {home}"
        assert os.path.isfile(os.path.join(hub.workdir, "homes", name, "notebooks", "README.md")) or \
            [n for n in os.listdir(os.path.join(hub.workdir, "homes", name, "notebooks")) if n.endswith(".ipynb")], \
            f"{name} has no workspace copy of the notebooks"
        heap = int((await k.value("Runtime.getRuntime().maxMemory() / (1024 * 1024)")).strip())
        assert 256 < heap <= 512, f"{name}'s student JVM has a {heap} MiB heap, expected -Xmx512m from the hub"
    await kernels["alice"].value("int mine = 1;")
    await kernels["bob"].value("int mine = 2;")
    a, b = await kernels["alice"].value("mine * 100"), await kernels["bob"].value("mine * 100")
    assert (a, b) == ("100", "200"), f"the students' variables mixed: alice {a}, bob {b}"
    try:
        await hub.call("/user/alice/api/kernels", tokens["bob"])
        raise AssertionError("bob's token opened alice's server")
    except HTTPClientError as e:
        assert e.code in (403, 302), f"bob's token on alice's server answered {e.code}, expected 403"
    say("1. own results: each kernel runs as its student, in their home and workspace, with the hub's "
        "-Xmx512m; variables stay apart; bob's token is refused on alice's server")


async def check_busy_neighbour(hub, kernels, rounds=3):
    """bob's 1 + 1 alone and while alice spins, in alternating rounds so the machine's other load cancels."""
    alice, bob = kernels["alice"], kernels["bob"]
    await bob.timed("1 + 1", 3)                              # warm up
    quiet, busy = [], []
    for r in range(rounds):
        quiet += await bob.timed("1 + 1", 5)
        loop = alice.send("while (true) {}")
        await asyncio.sleep(0.5)
        busy += await bob.timed("1 + 1", 5)
        if r < rounds - 1:
            await hub.call(f"/user/alice/api/kernels/{alice.id}/interrupt", alice.token, "POST")
            status, text = await alice.result(loop, 30)
            assert status == "error", f"alice's interrupted loop ended with {status}: {text}"
    q, b = statistics.median(quiet), statistics.median(busy)
    say(f"2. bob's 1 + 1: median {q * 1000:.0f} ms alone, {b * 1000:.0f} ms while alice runs "
        f"while (true) {{}} ({b / q:.2f}x; {len(quiet)} runs each, {rounds} alternating rounds)")
    assert b <= 2 * q, f"alice's loop slowed bob's 1 + 1 from {q * 1000:.0f} to {b * 1000:.0f} ms"
    status, text = await alice.result(loop, TIMEOUT_S + 30)
    assert status == "error" and "NNLAB_CELL_TIMEOUT" in text, f"alice's loop ended with {status}: {text}"
    say(f"   the stop button (interrupt) ended alice's loop {rounds - 1} times; her cell timeout "
        f"({TIMEOUT_S} s) the last: {text[:70]}")


async def check_exit(kernels):
    alice, bob = kernels["alice"], kernels["bob"]
    await bob.value("int keep = 41;")
    pid = await bob.value("ProcessHandle.current().pid()")
    status, text = await alice.run("System.exit(3);")
    assert status == "error" and "System.exit(3)" in text, f"alice's System.exit(3) reported {status}: {text}"
    assert await bob.value("keep + 1") == "42", "bob lost his variable when alice called System.exit"
    assert await bob.value("ProcessHandle.current().pid()") == pid, "bob's student JVM changed"
    assert await alice.value("1 + 1") == "2", "alice's kernel did not go on after System.exit"
    say(f"3. alice's System.exit(3) -> {text[:70]!r}; bob's JVM {pid} and his variable kept; alice goes on")


async def check_restart(hub, tokens, kernels, seen):
    name, token = "alice", tokens["alice"]
    model = await hub.call(f"/user/{name}/api/contents/mine.txt", token, "PUT",
                           {"type": "file", "format": "text", "content": "alice's own work"})
    assert model["name"] == "mine.txt", model
    tree = descendants(hub.proc.pid)
    seen.update(tree)
    old = server_pid(tree, name)
    assert old, f"no single-user server process of {name} found under the hub"
    kernels.pop(name).close()
    os.kill(old, signal.SIGKILL)
    t0 = time.time()
    while time.time() - t0 < 90:
        new = server_pid(descendants(hub.proc.pid), name)
        if new and new != old:
            try:
                await hub.call(f"/user/{name}/api/status", token)
                break
            except (HTTPClientError, AssertionError):
                pass
        await asyncio.sleep(0.5)
    else:
        raise AssertionError(f"{name}'s server was not restarted within 90 s; log: {hub.log_path}")
    took = time.time() - t0
    kernels[name] = await Kernel(hub, name, token).open()
    assert await kernels[name].value("1 + 1") == "2"
    back = await hub.call(f"/user/{name}/api/contents/mine.txt?content=1", token)
    assert back["content"] == "alice's own work", f"alice's file after the restart: {back['content']!r}"
    say(f"4. alice's server (pid {old}) killed with SIGKILL; the hub restarted it (pid {new}) in {took:.1f} s; "
        "her file is kept and a new kernel answers")


async def main(python, release):
    t0 = time.time()
    workdir = tempfile.mkdtemp(prefix="nnlab-hub-")
    hub = Hub(workdir, python, release)
    seen, kernels, failed = {}, {}, None
    hub.start()
    try:
        version = await hub.wait_up()
        say(f"JupyterHub {version['version']} answers on {hub.url} ({time.time() - t0:.1f} s)")
        tokens = {n: await hub.login(n) for n in STUDENTS}
        took = await asyncio.gather(*(hub.start_server(n, tokens[n]) for n in STUDENTS))
        say(f"both students logged in with REST API tokens; servers ready in {max(took):.1f} s")
        for n in STUDENTS:
            kernels[n] = await Kernel(hub, n, tokens[n]).open()
        seen.update(descendants(hub.proc.pid))
        await check_own_results(hub, tokens, kernels)
        m = memory(hub, "bob")
        say("   bob's memory after a few cells (RSS): " + ", ".join(f"{k} {v:.0f} MiB" for k, v in m.items())
            + f", together {sum(m.values()):.0f} MiB")
        await check_busy_neighbour(hub, kernels)
        await check_exit(kernels)
        await check_restart(hub, tokens, kernels, seen)
        seen.update(descendants(hub.proc.pid))
        for n in STUDENTS:
            await hub.call(f"/hub/api/users/{n}/server", tokens[n], "DELETE")
    except Exception as e:  # report after stopping everything
        failed = e
    finally:
        for k in kernels.values():
            k.close()
        seen.update(descendants(hub.proc.pid))
        left = stop(hub, seen)
    if failed:
        raise failed
    assert not left, f"processes left after the hub stopped (killed now): {left}"
    shutil.rmtree(workdir, ignore_errors=True)                 # kept when a check failed: its hub.log
    say(f"everything stopped; passed in {time.time() - t0:.1f} s")


def stop(hub, seen):
    """Stops the hub (which stops the proxy and the servers), then kills whatever of it is left."""
    if hub.proc.poll() is None:
        hub.proc.send_signal(signal.SIGTERM)
        try:
            hub.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            hub.proc.kill()
    deadline, left = time.time() + 10, {}
    while time.time() < deadline:
        left = {p: c for p, c in seen.items() if p in processes() and processes()[p][1] == c}
        if not left:
            break
        time.sleep(0.5)
    for p in left:
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass
    return left


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python", required=True)
    ap.add_argument("--release", required=True)
    args = ap.parse_args()
    try:
        asyncio.run(main(args.python, args.release))
    except (AssertionError, HTTPClientError) as e:
        say(f"FAILED: {e}")
        sys.exit(1)
