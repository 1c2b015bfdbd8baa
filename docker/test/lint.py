"""Lint of a Dockerfile against this checkout, the part of docker/check that runs in every bin/test.

    python3 docker/test/lint.py [docker/Dockerfile]

Checks: each COPY/ADD source exists in the build context (the repository root) and is not excluded by
.dockerignore; each checkout script the image runs (RUN docker/..., bin/...; ENTRYPOINT/CMD /opt/nnlab/...)
exists and is executable; every script in docker/ is executable and parses (bash -n / py_compile).
Prints every problem, exits 1 if there is one.
"""
import fnmatch
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOME_IN_IMAGE = "/opt/nnlab/"


def instructions(text):
    """(keyword, argument) of each instruction, continuation lines joined."""
    joined = re.sub(r"\\\n", " ", "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#")))
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            yield word.upper(), rest.strip()


def ignored(path, patterns):
    parts = path.split("/")
    prefixes = ["/".join(parts[:i + 1]) for i in range(len(parts))]
    hit = False
    for pat in patterns:
        neg = pat.startswith("!")
        pat = pat.lstrip("!").strip("/")
        if any(fnmatch.fnmatch(p, pat) or fnmatch.fnmatch(p, pat.replace("**/", "")) for p in prefixes):
            hit = not neg
    return hit


def words(arg):
    return [w for w in re.findall(r'"([^"]*)"', arg)] if arg.startswith("[") else shlex.split(arg)


def lint(dockerfile):
    bad = []
    with open(dockerfile) as f:
        text = f.read()
    ignore_file = os.path.join(ROOT, ".dockerignore")
    patterns = [l.strip() for l in open(ignore_file)] if os.path.exists(ignore_file) else []
    patterns = [p for p in patterns if p and not p.startswith("#")]
    scripts = []
    for word, arg in instructions(text):
        if word in ("COPY", "ADD"):
            srcs = [w for w in words(arg) if not w.startswith("--")][:-1]
            for src in srcs:
                if src.startswith(("http://", "https://")):
                    continue
                path = os.path.normpath(src)
                if not os.path.exists(os.path.join(ROOT, path)):
                    bad.append(f"{word} {src}: no such file or folder in the build context {ROOT}")
                elif path != "." and ignored(path, patterns):
                    bad.append(f"{word} {src}: excluded by .dockerignore")
        elif word == "RUN":
            scripts += re.findall(r"(?:^|[\s;&|])((?:docker|bin)/[\w./-]+)", arg)
        elif word in ("ENTRYPOINT", "CMD"):
            scripts += [w[len(HOME_IN_IMAGE):] for w in words(arg) if w.startswith(HOME_IN_IMAGE)]
    for script in scripts:
        path = os.path.join(ROOT, script)
        if not os.path.isfile(path):
            bad.append(f"the image runs {script}, which does not exist")
        elif ignored(script, patterns):
            bad.append(f"the image runs {script}, which .dockerignore excludes from the build context")
        elif not os.access(path, os.X_OK):
            bad.append(f"the image runs {script}, which is not executable (chmod +x {script})")
    return bad + lint_scripts()


def lint_scripts():
    bad = []
    for folder, _, files in os.walk(os.path.join(ROOT, "docker")):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, ROOT)
            if name.endswith(".py"):
                try:
                    compile(open(path).read(), rel, "exec")
                except SyntaxError as e:
                    bad.append(f"{rel}:{e.lineno}: {e.msg}")
                continue
            with open(path, "rb") as f:
                head = f.read(64)
            if not head.startswith(b"#!"):
                continue
            if not os.access(path, os.X_OK):
                bad.append(f"{rel} starts with #! but is not executable (chmod +x {rel})")
            if b"bash" in head.split(b"\n")[0]:
                r = subprocess.run(["bash", "-n", path], capture_output=True, text=True)
                if r.returncode:
                    bad.append(f"{rel}: bash -n: {r.stderr.strip()}")
    return bad


def main():
    dockerfile = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docker", "Dockerfile")
    bad = lint(dockerfile)
    for b in bad:
        print(f"docker/check: lint: {b}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
