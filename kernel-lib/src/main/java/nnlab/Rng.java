package nnlab;

import nnlab.tensor.Tensor;

/**
 * Seeded random numbers: the only source of randomness in nnlab, so that re-running a cell gives
 * the same numbers on every run, machine and JDK.
 *
 * <p>The generator is SplitMix64 (Steele, Lea and Flood, 2014), written out here rather than taken
 * from the JDK so that its sequence can never change under us. Normal values use the Box–Muller
 * transform.
 *
 * <pre>{@code
 * Rng rng = new Rng(12345);
 * Tensor w = rng.normal(0, 1, 5, 7);     // shape [5, 7]
 * int[] perm = rng.permutation(10);     // 0..9 shuffled
 * }</pre>
 */
public final class Rng {
    private long state;
    private double spareNormal = Double.NaN;

    /** A generator whose whole sequence is fixed by {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt: bound must be > 0, got " + bound);
        }
        // Lemire's nearly-divisionless method would be faster; rejection keeps it obviously unbiased.
        long limit = (1L << 32) - ((1L << 32) % bound);
        long r;
        do {
            r = nextLong() >>> 32;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Standard normal (mean 0, standard deviation 1). */
    public double nextGaussian() {
        if (!Double.isNaN(spareNormal)) {
            double s = spareNormal;
            spareNormal = Double.NaN;
            return s;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 == 0);
        double u2 = nextDouble();
        double r = Math.sqrt(-2 * Math.log(u1));
        spareNormal = r * Math.sin(2 * Math.PI * u2);
        return r * Math.cos(2 * Math.PI * u2);
    }

    /** A tensor of the given shape, uniform in [lo, hi). */
    public Tensor uniform(double lo, double hi, int... shape) {
        if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("uniform: expected finite lo <= hi, got lo=" + lo + ", hi=" + hi);
        }
        return alloc("uniform", shape).mapInPlace(v -> lo + (hi - lo) * nextDouble());          // in row-major order
    }

    /** A tensor of the given shape, normal with the given mean and standard deviation. */
    public Tensor normal(double mean, double std, int... shape) {
        if (!(std >= 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal: expected finite mean and std >= 0, got mean=" + mean
                    + ", std=" + std);
        }
        return alloc("normal", shape).mapInPlace(v -> mean + std * nextGaussian());          // in row-major order
    }

    /** A tensor of the given shape holding integers uniform in [lo, hi). */
    public Tensor integers(int lo, int hi, int... shape) {
        if (hi <= lo || (long) hi - lo > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("integers: expected lo < hi with hi - lo <= " + Integer.MAX_VALUE
                    + ", got lo=" + lo + ", hi=" + hi);
        }
        return alloc("integers", shape).mapInPlace(v -> lo + nextInt(hi - lo));          // in row-major order
    }

    /** A tensor of the given shape holding 1 with probability {@code p}, else 0. */
    public Tensor bernoulli(double p, int... shape) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli: p must be in [0, 1], got " + p);
        }
        return alloc("bernoulli", shape).mapInPlace(v -> nextDouble() < p ? 1 : 0);          // in row-major order
    }

    /** 0, 1, ..., n-1 in random order. */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** Shuffles {@code a} in place (Fisher–Yates) and returns it. */
    public int[] shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Zeros of {@code shape}, with a negative dimension reported under the caller's name. */
    private static Tensor alloc(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape "
                        + java.util.Arrays.toString(shape) + "; every dimension must be >= 0");
            }
        }
        return Tensor.zeros(shape);
    }

    /** A new generator seeded from this one, for a component that needs its own stream. */
    public Rng fork() {
        return new Rng(nextLong());
    }
}
