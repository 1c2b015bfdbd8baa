# JupyterHub configuration for an nnlab class on one machine (docker/README.md; for Kubernetes use the
# Helm values there). Run from anywhere:
#   jupyterhub -f docker/hub/jupyterhub_config.py
# Every setting below comes from an environment variable so the same file serves a test and a class:
#   NNLAB_HUB_IP / NNLAB_HUB_PORT       where students connect (default 127.0.0.1:8000; put TLS in front)
#   NNLAB_HUB_API_PORT, NNLAB_PROXY_API_PORT   the hub's and the proxy's internal ports (8081, 8001)
#   NNLAB_HUB_STATE                     the hub's database, cookie secret, proxy pid (default ./hub-state)
#   NNLAB_HUB_AUTH       pam (default: students are Unix accounts) | dummy (a test class: any listed
#                        student with NNLAB_HUB_PASSWORD) | oauth (the university's OAuth2/OIDC provider
#                        through oauthenticator's GenericOAuthenticator; see docker/README.md)
#   NNLAB_HUB_STUDENTS / NNLAB_HUB_INSTRUCTORS   comma-separated user names allowed in / made admins
#   NNLAB_HUB_SPAWNER    local (default: each server runs as its student) | test (all as the hub's user,
#                        homes under NNLAB_HUB_HOMES/{username}; only for a test class)
#   NNLAB_STUDENT_JAVA_OPTS   each student JVM's options, default -Xmx1g (docker/README.md sizes it)
#   NNLAB_STUDENT_CELL_TIMEOUT   seconds a student's cell may run, default 600
#   NNLAB_PYTHON         the Python with jupyter_server and JupyterHub's single-user part
#   NNLAB_RELEASE        the released notebooks copied into each new workspace
#   NNLAB_HUB_POLL_INTERVAL   seconds between checks that each server still runs (default 30)
#   NNLAB_HUB_SITE_CONFIG     a Python file of the university's own settings (OAuth client, TLS), loaded last
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nnlab_spawner  # noqa: E402  (beside this file)

env = os.environ.get
c = get_config()  # noqa: F821  (JupyterHub provides it)

state = os.path.abspath(env("NNLAB_HUB_STATE", "hub-state"))
os.makedirs(state, mode=0o700, exist_ok=True)

# Network: students reach the proxy; the hub and the proxy's API stay on loopback.
c.JupyterHub.ip = env("NNLAB_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env("NNLAB_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("NNLAB_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env('NNLAB_PROXY_API_PORT', '8001')}"
# Debian's configurable-http-proxy keeps its Node modules in /usr/share/nodejs, where a Node.js from another
# source (nodesource) does not look: the proxy inherits the hub's environment.
if os.path.isdir("/usr/share/nodejs") and "/usr/share/nodejs" not in env("NODE_PATH", ""):
    os.environ["NODE_PATH"] = os.pathsep.join(p for p in (env("NODE_PATH"), "/usr/share/nodejs") if p)
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")

# Who may log in.
auth = env("NNLAB_HUB_AUTH", "pam")
if auth == "dummy":
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = env("NNLAB_HUB_PASSWORD") or sys.exit(
        "jupyterhub_config.py: NNLAB_HUB_AUTH=dummy needs NNLAB_HUB_PASSWORD (the test class's password)")
elif auth == "oauth":  # pip install oauthenticator; the provider's settings go in NNLAB_HUB_SITE_CONFIG
    c.JupyterHub.authenticator_class = "oauthenticator.generic.LocalGenericOAuthenticator"
    c.LocalGenericOAuthenticator.create_system_users = True   # NnlabSpawner runs each server as its student
elif auth != "pam":
    sys.exit(f"jupyterhub_config.py: NNLAB_HUB_AUTH must be pam, dummy or oauth, got {auth!r}")


def names(var):
    return {n.strip() for n in env(var, "").split(",") if n.strip()}


c.Authenticator.allowed_users = names("NNLAB_HUB_STUDENTS") | names("NNLAB_HUB_INSTRUCTORS")
c.Authenticator.admin_users = names("NNLAB_HUB_INSTRUCTORS")

# Each student's own nnlab single-user server, workspace, kernels and limits.
kind = env("NNLAB_HUB_SPAWNER", "local")
if kind not in ("local", "test"):
    sys.exit(f"jupyterhub_config.py: NNLAB_HUB_SPAWNER must be local or test, got {kind!r}")
spawner = nnlab_spawner.NnlabSpawner if kind == "local" else nnlab_spawner.NnlabTestSpawner
c.JupyterHub.spawner_class = spawner
nnlab = getattr(c, spawner.__name__)
if kind == "test":
    nnlab.home_dir_template = os.path.join(os.path.abspath(env("NNLAB_HUB_HOMES", "homes")), "{username}")
nnlab.java_opts = env("NNLAB_STUDENT_JAVA_OPTS", "-Xmx1g")
nnlab.cell_timeout = int(env("NNLAB_STUDENT_CELL_TIMEOUT", "600"))
if env("NNLAB_PYTHON"):
    nnlab.python = env("NNLAB_PYTHON")
if env("NNLAB_RELEASE"):
    nnlab.release_dir = env("NNLAB_RELEASE")
c.Spawner.default_url = "/lab"
c.Spawner.poll_interval = int(env("NNLAB_HUB_POLL_INTERVAL", "30"))
c.Spawner.start_timeout = 120   # a cold JVM on a busy machine
c.Spawner.http_timeout = 120
# A student who opens the URL of a stopped server gets it started again after 2 s.
c.JupyterHub.implicit_spawn_seconds = 2

if env("NNLAB_HUB_SITE_CONFIG"):
    load_subconfig(env("NNLAB_HUB_SITE_CONFIG"))  # noqa: F821  (JupyterHub provides it)
