package io.ngxtime.generator;

/**
 * A small deterministic pseudo-random source (the SplitMix64 sequence) whose output depends only on its
 * seed: the same on every JVM, platform and Java version. {@code java.util.Random} and friends are not
 * used because their algorithms are not part of the contract the samples rely on, and transcendental
 * functions go through {@link StrictMath} for the same reason. Not thread-safe.
 */
final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    SeededRandom(long seed) {
        this.state = seed;
    }

    /** An independent stream for {@code purpose}, derived from {@code seed} (same inputs, same stream). */
    static SeededRandom stream(long seed, long purpose) {
        return new SeededRandom(mix(seed ^ mix(purpose * GOLDEN_GAMMA + 0x632BE59BD9B4E019L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); {@code bound} must be positive. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Exponentially distributed with mean 1. */
    double exponential() {
        return -StrictMath.log(1.0 - nextDouble());
    }

    /** Standard normal (Marsaglia's polar method). */
    double gaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * f;
        hasSpareGaussian = true;
        return u * f;
    }

    /** Log-normal with the given median and shape {@code sigma} (the standard deviation of its log). */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /**
     * A Zipf-like rank in [1, n]: rank k has weight about {@code 1/k}. Cheap approximation by inverting
     * the continuous distribution, good enough for "a few popular ids and a long tail".
     */
    int zipf(int n) {
        double x = StrictMath.exp(nextDouble() * StrictMath.log(n + 1.0));
        int k = (int) x;
        return Math.min(Math.max(k, 1), n);
    }
}
