package nnlab.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import nnlab.Rng;
import nnlab.tensor.Tensor;

/**
 * A dataset in mini-batches, one pass per loop, as PyTorch's {@code DataLoader}: each
 * {@code for (Batch b : batches)} is one epoch, shuffled afresh from a seeded {@link Rng} (or in
 * dataset order), every batch of {@code batchSize} rows and the last one shorter when the size
 * does not divide.
 *
 * <p>Shapes: a batch's x is [B, features] and y [B], B = batchSize (fewer in the last batch).
 *
 * <p>Full batches are gathered into the same two tensors every time ({@code take(idx, out)}), which
 * saves allocating and zeroing a batch per step: a batch's tensors are valid until the next batch is
 * drawn, so {@code copy()} what you keep. Iterating again starts a new epoch (and a new shuffle);
 * batches of the same loop must be read in order, one at a time.
 *
 * <pre>{@code
 * Batches batches = new Batches(train, 32, new Rng(12345));      // new Batches(train, 32): in order
 * for (Batches.Batch b : batches) {
 *     Tensor out = net.forward(b.x());                            // b.step() of b.steps(), from 1
 * }
 * }</pre>
 */
public final class Batches implements Iterable<Batches.Batch> {
    private final Dataset data;
    private final int batchSize;
    private final Rng rng;
    private final Tensor xBuffer;
    private final Tensor yBuffer;

    /** One mini-batch: rows x [B, features] with labels y [B]; step counts from 1 to steps. */
    public record Batch(Tensor x, Tensor y, int step, int steps) {
        /** Number of samples in this batch. */
        public int size() {
            return x.shape(0);
        }
    }

    /** Batches of {@code data} in dataset order. */
    public Batches(Dataset data, int batchSize) {
        this(data, batchSize, null, false);
    }

    /** Batches of {@code data}, shuffled by {@code rng} at the start of every pass. */
    public Batches(Dataset data, int batchSize, Rng rng) {
        this(data, batchSize, rng, true);
    }

    private Batches(Dataset data, int batchSize, Rng rng, boolean shuffled) {
        if (data == null) {
            throw new IllegalArgumentException("Batches: data is null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batches: batchSize must be >= 1, got " + batchSize);
        }
        if (shuffled && rng == null) {
            throw new IllegalArgumentException("Batches: rng is null; pass e.g. new Rng(12345), or use new Batches(data, "
                    + batchSize + ") for dataset order");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.rng = rng;
        this.xBuffer = rowsLike(data.x(), batchSize);
        this.yBuffer = rowsLike(data.y(), batchSize);
    }

    /** A zero tensor shaped like {@code min(batch, N)} rows of {@code t}. */
    private static Tensor rowsLike(Tensor t, int batch) {
        int[] shape = t.shape();
        shape[0] = Math.min(batch, shape[0]);
        return Tensor.zeros(shape);
    }

    /** Batches per pass: ceil(N / batchSize). */
    public int steps() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /** One pass over the data: draws this epoch's order first (a permutation when shuffling). */
    @Override
    public Iterator<Batch> iterator() {
        int n = data.size();
        int[] order = rng == null ? identity(n) : rng.permutation(n);
        return new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return step < steps();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("Batches: all " + steps() + " batches of this pass were read");
                }
                step++;
                int[] idx = Arrays.copyOfRange(order, (step - 1) * batchSize, Math.min(n, step * batchSize));
                return new Batch(take(data.x(), idx, xBuffer), take(data.y(), idx, yBuffer), step, steps());
            }
        };
    }

    /** The rows at {@code idx}, into the reused buffer when they fill it (all but a shorter last batch). */
    private static Tensor take(Tensor t, int[] idx, Tensor buffer) {
        return idx.length == buffer.shape(0) ? t.take(idx, buffer) : t.take(idx);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    @Override
    public String toString() {
        return "Batches(size=" + data.size() + ", batchSize=" + batchSize + ", " + (rng == null ? "in order" : "shuffled")
                + ", steps=" + steps() + ")";
    }
}
