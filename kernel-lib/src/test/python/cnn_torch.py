"""bin/bench cnn-torch: notebook 09's CNN in PyTorch (CPU), the reference for nnlab's bin/bench cnn.

The same network, loss, optimizer and loop as nnlab.bench.CnnBench: Conv(1->32, 3x3) ReLU MaxPool(2) ->
Conv(32->64, 3x3) ReLU MaxPool(2) -> Flatten -> Linear(1600, 64) ReLU -> Linear(64, 10), softmax
cross-entropy on the logits, plain SGD lr 0.05, batch 100, a shuffled pass over the 10,000 bundled MNIST
digits (datasets/mnist10k-*.gz; random images when missing) per epoch. Runs float64 (nnlab's type) and
then float32, each printed as one JSON line with the median seconds per epoch over epochs 2.. (wall clock,
and the process's CPU seconds, all threads: on a machine shared with other work the wall clock mostly
measures the neighbours)
Threads: torch.set_num_threads(OPENBLAS_NUM_THREADS or the CPU count), as many as nnlab's BLAS uses.
Arguments: [epochs=3].
"""
import gzip
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")
IMAGES = os.path.join(ROOT, "datasets", "mnist10k-images-idx3-ubyte.gz")
LABELS = os.path.join(ROOT, "datasets", "mnist10k-labels-idx1-ubyte.gz")
BATCH = 100


def load():
    """x [10000, 1, 28, 28] in [0, 1] and y [10000] labels, as Datasets.mnist10k(); else random data."""
    if os.path.exists(IMAGES) and os.path.exists(LABELS):
        with gzip.open(IMAGES) as f:
            x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28) / 255.0
        with gzip.open(LABELS) as f:
            y = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.int64)
        return "mnist10k", torch.from_numpy(x), torch.from_numpy(y)
    g = torch.Generator().manual_seed(1)
    return "synthetic", torch.rand(10000, 1, 28, 28, generator=g, dtype=torch.float64), \
        torch.randint(0, 10, (10000,), generator=g)


def run(dtype, epochs, data, x, y, threads):
    torch.manual_seed(12345)
    net = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2, 2),
                        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
                        nn.Linear(1600, 64), nn.ReLU(), nn.Linear(64, 10)).to(dtype)
    x = x.to(dtype)
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    seconds, cpu, last = [], [], 0.0
    for _ in range(epochs):
        t0, c0 = time.perf_counter(), time.process_time()
        perm = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x) - BATCH + 1, BATCH):
            idx = perm[start:start + BATCH]
            xb, yb = x[idx], y[idx]
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item()
        last = total / (len(x) // BATCH)
        seconds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print(json.dumps({"bench": "cnn-torch", "dtype": str(dtype).replace("torch.", ""), "data": data,
                      "train": len(x), "batch": BATCH, "epochs": epochs,
                      "seconds_per_epoch": round(statistics.median(seconds[1:]), 3),
                      "epoch_seconds": [round(s, 3) for s in seconds],
                      "cpu_seconds_per_epoch": round(statistics.median(cpu[1:]), 3), "last_epoch_loss": round(last, 4),
                      "threads": threads, "torch": torch.__version__,
                      "mkldnn": torch.backends.mkldnn.is_available()}), flush=True)


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if epochs < 2:
        sys.exit("bench cnn-torch: epochs must be >= 2 (epoch 1 is warm-up), got %d" % epochs)
    threads = int(os.environ.get("OPENBLAS_NUM_THREADS", os.cpu_count()))
    torch.set_num_threads(threads)
    data, x, y = load()
    for dtype in (torch.float64, torch.float32):
        run(dtype, epochs, data, x, y, threads)


if __name__ == "__main__":
    main()
