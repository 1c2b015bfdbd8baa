"""JupyterHub spawners that start the nnlab single-user server (docker/singleuser) for each student.

Each student's server gets their own workspace ($HOME/notebooks, filled from the released notebooks on
first start and never overwritten: docker/workspace), their own kernel JVMs, and per-student limits in the
environment the Java kernel reads: NNLAB_JAVA_OPTS (the student JVM's heap, e.g. -Xmx1g) and
NNLAB_CELL_TIMEOUT (seconds a cell may run). A server that dies without the hub stopping it (a crash, the
OOM killer) is started again, on the same port so the proxy's route stays valid, at most `max_restarts`
times in `restart_window` seconds.

    NnlabSpawner        students are Unix accounts (PAM); the server runs as the student, HOME is theirs
    NnlabTestSpawner    every server runs as the hub's user with HOME under `home_dir_template`: only for
                        a test class on one machine (no isolation between students beyond processes)
"""
import asyncio
import os
import signal
import time
import uuid

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner
from traitlets import Float, Integer, Unicode

HERE = os.path.dirname(os.path.abspath(__file__))
NNLAB_HOME = os.environ.get("NNLAB_HOME", os.path.dirname(os.path.dirname(HERE)))


class NnlabSpawner(LocalProcessSpawner):
    """Students are Unix accounts; each server runs as its student in their HOME."""

    java_opts = Unicode("-Xmx1g", config=True, help="NNLAB_JAVA_OPTS of each student JVM (heap, e.g. -Xmx1g)")
    cell_timeout = Integer(600, config=True, help="NNLAB_CELL_TIMEOUT: seconds a student's cell may run, 0 for none")
    release_dir = Unicode(os.path.join(NNLAB_HOME, "release"), config=True,
                          help="the released student notebooks copied into each new workspace")
    python = Unicode(os.path.join(NNLAB_HOME, ".venv", "bin", "python"), config=True,
                     help="the Python whose jupyter_server (JupyterLab, the java kernelspec) serves students")
    max_restarts = Integer(3, config=True, help="restarts of a dead server allowed within restart_window")
    restart_window = Float(600, config=True, help="seconds over which max_restarts counts")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.cmd == ["jupyterhub-singleuser"]:
            self.cmd = [os.path.join(NNLAB_HOME, "docker", "singleuser")]
        self._stopping = False
        self._restarts = []
        self._tag = ""

    def get_env(self):
        env = super().get_env()
        env.update(NNLAB_HOME=NNLAB_HOME, NNLAB_PYTHON=self.python, NNLAB_RELEASE=self.release_dir,
                   NNLAB_WORKSPACE=os.path.join(env["HOME"], "notebooks"),
                   NNLAB_JAVA_OPTS=self.java_opts, NNLAB_CELL_TIMEOUT=str(self.cell_timeout),
                   NNLAB_SERVER_TAG=self._tag)
        return env

    async def start(self):
        self._stopping = False
        self._tag = uuid.uuid4().hex
        return await super().start()

    async def stop(self, now=False):
        self._stopping = True
        result = await super().stop(now=now)
        await self.reap()
        return result

    def tagged(self):
        """Pids of the processes that inherited this server's NNLAB_SERVER_TAG (its kernels, their JVMs)."""
        mark = f"NNLAB_SERVER_TAG={self._tag}".encode()
        pids = []
        for d in os.listdir("/proc") if self._tag else []:
            try:
                with open(f"/proc/{d}/environ", "rb") as f:
                    if d.isdigit() and mark in f.read().split(b"\0"):
                        pids.append(int(d))
            except OSError:
                pass
        return pids

    async def reap(self):
        """Ends what the server left running: kernels outlive a server that crashed or stopped slowly."""
        left = self.tagged()
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in left:
                try:
                    os.kill(pid, sig)
                except OSError:
                    pass
            for _ in range(30):
                left = self.tagged()
                if not left:
                    break
                await asyncio.sleep(0.1)
        if left:
            self.log.error("nnlab: processes of %s's server outlived SIGKILL: %s", self.user.name, left)

    async def poll(self):
        token = self.api_token                        # clear_state() of a dead process forgets it
        status = await super().poll()
        if status is None or self._stopping or self.pending or not self.port or not token:
            return status
        now = time.monotonic()
        self._restarts = [t for t in self._restarts if now - t < self.restart_window]
        if len(self._restarts) >= self.max_restarts:
            self.log.error("nnlab: %s's server died (exit %s) %d times in %.0f s; not restarting it",
                           self.user.name, status, len(self._restarts) + 1, self.restart_window)
            return status
        self._restarts.append(now)
        self.log.warning("nnlab: %s's server died (exit %s); restarting it on port %d",
                         self.user.name, status, self.port)
        await self.reap()                            # the dead server's kernels
        self.api_token = token
        await self.start()
        self.orm_spawner.state = self.get_state()     # the new pid, should the hub itself restart
        self.db.commit()
        return None


class NnlabTestSpawner(NnlabSpawner, SimpleLocalProcessSpawner):
    """Every server runs as the hub's user with HOME = home_dir_template: only for a test class."""

    def get_args(self):
        args = super().get_args()
        return args + ["--allow-root"] if os.getuid() == 0 else args   # a test hub run by root
