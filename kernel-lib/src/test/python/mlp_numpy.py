"""The NumPy reference for `bin/bench mlp`: the same 784-100-10 MLP, computed the usual NumPy way.

tanh hidden layer, softmax cross-entropy, SGD lr 0.1, batch 100, float64, on Fashion-MNIST from
Debian's dataset-fashion-mnist when installed (else random data of the same shape). Each epoch
shuffles, then runs forward, the loss gradient, backward and the update for every batch; the test
set is scored once at the end. Prints one JSON line with the fields MlpBench prints, so the two can
be compared on the same machine (`bin/bench mlp-compare`). Usage: python3 mlp_numpy.py [epochs=5]
"""
import gzip
import json
import os
import struct
import sys
import time

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"


def idx(path):
    """An IDX file (gzip) as a uint8 array of the shape its header gives."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(kind):
    x = idx(f"{DATA}/{kind}-images-idx3-ubyte.gz")
    y = idx(f"{DATA}/{kind}-labels-idx1-ubyte.gz")
    return x.reshape(len(x), -1).astype(np.float64) / 255.0, y.astype(np.int64)


def blas_name():
    """The library libblas.so.3 resolves to, as ldconfig sees it (e.g. openblas-pthread)."""
    try:
        target = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
        return os.path.basename(os.path.dirname(target)) or target
    except OSError:
        return "unknown"


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if epochs < 2:
        sys.exit(f"mlp_numpy: epochs must be >= 2 (epoch 1 is warm-up), got {epochs}")
    rng = np.random.default_rng(12345)
    real = os.path.isdir(DATA)
    if real:
        x, y = load("train")
        xt, yt = load("t10k")
    else:
        x, y = rng.uniform(0, 1, (60000, 784)), rng.integers(0, 10, 60000)
        xt, yt = rng.uniform(0, 1, (10000, 784)), rng.integers(0, 10, 10000)

    a1, a2 = np.sqrt(6 / (784 + 100)), np.sqrt(6 / (100 + 10))     # Glorot-uniform, as nnlab's Linear
    w1, b1 = rng.uniform(-a1, a1, (784, 100)), np.zeros(100)
    w2, b2 = rng.uniform(-a2, a2, (100, 10)), np.zeros(10)
    lr, batch, n = 0.1, 100, len(x)
    rows = np.arange(batch)
    seconds = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        perm = rng.permutation(n)
        for start in range(0, n, batch):
            i = perm[start:start + batch]
            xb, yb = x[i], y[i]
            h = np.tanh(xb @ w1 + b1)
            z = h @ w2 + b2
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            dz = p                                   # d(mean cross-entropy)/dz = (softmax - onehot) / N
            dz[rows[:len(yb)], yb] -= 1
            dz /= len(yb)
            dh = (dz @ w2.T) * (1 - h * h)
            w2 -= lr * (h.T @ dz)
            b2 -= lr * dz.sum(axis=0)
            w1 -= lr * (xb.T @ dh)
            b1 -= lr * dh.sum(axis=0)
        seconds.append(time.perf_counter() - t0)
    acc = float((np.argmax(np.tanh(xt @ w1 + b1) @ w2 + b2, axis=1) == yt).mean())
    print(json.dumps({
        "bench": "mlp-numpy", "data": "fashion-mnist" if real else "synthetic", "train": n, "test": len(xt),
        "epochs": epochs, "seconds_per_epoch": round(float(np.median(seconds[1:5])), 3),
        "epoch_seconds": [round(s, 3) for s in seconds], "test_accuracy": round(acc, 4) if real else None,
        "threads": int(os.environ.get("OPENBLAS_NUM_THREADS", os.cpu_count())), "blas": blas_name(),
        "numpy": np.__version__}))


if __name__ == "__main__":
    main()
