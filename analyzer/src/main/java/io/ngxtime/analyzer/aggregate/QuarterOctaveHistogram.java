package io.ngxtime.analyzer.aggregate;

import java.util.Arrays;

/**
 * A very small latency histogram, one per backend per minute for the saturation estimate: four buckets per
 * power of two from 1,024 µs (about 1 ms) to 2^26 µs (67 s), and one bucket below 1,024 µs, so a bucket is
 * at most 19% wide ({@value #BUCKETS} buckets in all; values above 67 s count in the top one). Only the
 * span from the lowest to the highest bucket used is stored, so a minute whose attempts took 5 to 400 ms
 * holds about 25 ints. Quantiles interpolate within the bucket (the true value is inside it). Counts are
 * exact. Mergeable; single-writer.
 */
final class QuarterOctaveHistogram implements java.io.Serializable {
    /** Buckets per power of two. */
    static final int PER_OCTAVE = 4;
    /** The lowest bucket boundary above 0: 2^10 µs. */
    static final int FIRST_EXPONENT = 10;
    /** The highest power of two with buckets of its own: 2^25 µs to 2^26 µs. */
    static final int LAST_EXPONENT = 25;
    static final int BUCKETS = 1 + (LAST_EXPONENT - FIRST_EXPONENT + 1) * PER_OCTAVE;

    /** Counts of buckets {@code low .. low + counts.length - 1}. */
    private int[] counts = new int[0];
    private int low;
    private long total;

    static int bucket(long micros) {
        if (micros < (1L << FIRST_EXPONENT)) {
            return 0;
        }
        int exponent = Math.min(LAST_EXPONENT, 63 - Long.numberOfLeadingZeros(micros));
        int quarter = exponent == LAST_EXPONENT && micros >= (1L << (LAST_EXPONENT + 1)) ? PER_OCTAVE - 1
                : (int) (micros >>> (exponent - 2)) & (PER_OCTAVE - 1);
        return 1 + (exponent - FIRST_EXPONENT) * PER_OCTAVE + quarter;
    }

    /** The lowest value of {@code bucket}, µs. */
    static long lowerBound(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        int exponent = (bucket - 1) / PER_OCTAVE + FIRST_EXPONENT;
        int quarter = (bucket - 1) % PER_OCTAVE;
        return (long) (PER_OCTAVE + quarter) << (exponent - 2);
    }

    /** The value above the highest of {@code bucket}, µs. */
    static long upperBound(int bucket) {
        return bucket + 1 >= BUCKETS ? 1L << (LAST_EXPONENT + 1) : lowerBound(bucket + 1);
    }

    void record(long micros) {
        if (micros < 0) {
            return;
        }
        add(bucket(micros), 1);
        total++;
    }

    private void add(int bucket, int n) {
        if (counts.length == 0) {
            counts = new int[1];
            low = bucket;
        } else if (bucket < low) {
            int[] grown = new int[counts.length + (low - bucket)];
            System.arraycopy(counts, 0, grown, low - bucket, counts.length);
            counts = grown;
            low = bucket;
        } else if (bucket >= low + counts.length) {
            counts = Arrays.copyOf(counts, bucket - low + 1);
        }
        counts[bucket - low] += n;
    }

    void merge(QuarterOctaveHistogram o) {
        for (int i = 0; i < o.counts.length; i++) {
            if (o.counts[i] != 0) {
                add(o.low + i, o.counts[i]);
            }
        }
        total += o.total;
    }

    long count() {
        return total;
    }

    /** Adds {@code weight} times this histogram's counts to {@code dense} (indexed by bucket). */
    void addTo(long[] dense, int weight) {
        for (int i = 0; i < counts.length; i++) {
            dense[low + i] += (long) counts[i] * weight;
        }
    }

    /**
     * The {@code q} quantile (0 < q ≤ 1) of counts indexed by bucket, µs: the bucket holding the
     * nearest-rank value, interpolated linearly by rank within it; 0 when empty.
     */
    static long quantile(long[] dense, double q) {
        long total = 0;
        for (long c : dense) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int b = 0; b < dense.length; b++) {
            if (seen + dense[b] >= rank) {
                double within = (rank - seen - 0.5) / dense[b];
                long lo = lowerBound(b);
                return lo + Math.round(within * (upperBound(b) - lo));
            }
            seen += dense[b];
        }
        return lowerBound(dense.length - 1);
    }
}
