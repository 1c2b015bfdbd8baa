"""Writes the host's effective pip configuration as one pip.conf for an image build, and prints the local
paths it names (one a line) so docker/check can mount them at the same place.

    python3 docker/test/pip_config.py OUT_PIP_CONF CA_PATH_IN_BUILD

Reads `python3 -m pip config list` (files and PIP_* variables; later entries win); `cert` is replaced by
CA_PATH_IN_BUILD, where docker/check mounts the host's CA bundle. A file:///x/simple index is printed as
/x (its pages link to ../../files). Fails (exit 1) when pip has no configuration.
"""
import configparser
import subprocess
import sys

SKIP = {"disable-pip-version-check"}
PATH_KEYS = {"find-links", "index-url", "extra-index-url", "constraint", "requirement"}


def settings():
    out = subprocess.run([sys.executable, "-m", "pip", "config", "list"], check=True,
                         capture_output=True, text=True).stdout
    merged = {}
    for line in out.splitlines():
        name, _, value = line.partition("=")
        key = name.split(".", 1)[-1]
        merged[key] = value.strip().strip("'\"")
    return {k: v for k, v in merged.items() if k not in SKIP}


def local_paths(key, value):
    for word in value.split():
        path = word[len("file://"):] if word.startswith("file://") else word
        if not path.startswith("/"):
            continue
        if key.endswith("index-url") and path.rstrip("/").endswith("/simple"):
            path = path.rstrip("/").rsplit("/", 1)[0]
        yield path


def main(out, ca):
    conf = settings()
    if not conf:
        sys.exit(1)
    if "cert" in conf:
        conf["cert"] = ca
    parser = configparser.RawConfigParser()
    parser["global"] = conf
    with open(out, "w") as f:
        parser.write(f)
    for key, value in conf.items():
        if key in PATH_KEYS:
            for path in local_paths(key, value):
                print(path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
