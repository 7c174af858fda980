package io.ngxtime.analyzer.aggregate;

import java.util.Arrays;

/**
 * A small latency histogram for time series (one per tier per time bucket): logarithmic buckets 5%
 * wide from 1 µs to an hour, grown on demand (at most {@value #BUCKETS} ints). Quantiles are within 5%
 * of the exact value; exact counts. Mergeable.
 */
public final class LogHistogram {
    static final double RATIO = 1.05;
    private static final double LOG_RATIO = Math.log(RATIO);
    static final int BUCKETS = 2 + (int) Math.ceil(Math.log(LatencyHistogram.HIGHEST_MICROS) / LOG_RATIO);

    private int[] counts = new int[0];
    private long total;

    static int bucket(long micros) {
        if (micros <= 0) {
            return 0;
        }
        if (micros >= LatencyHistogram.HIGHEST_MICROS) {
            return BUCKETS - 1;
        }
        return 1 + (int) (Math.log(micros) / LOG_RATIO);
    }

    /** The largest value in a bucket (what a quantile reports). */
    static long upperBound(int bucket) {
        return bucket == 0 ? 0 : (long) Math.floor(Math.pow(RATIO, bucket));
    }

    public void record(long micros) {
        if (micros < 0) {
            return;
        }
        int b = bucket(micros);
        if (b >= counts.length) {
            counts = Arrays.copyOf(counts, Math.min(BUCKETS, Math.max(b + 1, counts.length + 32)));
        }
        counts[b]++;
        total++;
    }

    public void merge(LogHistogram o) {
        if (o.counts.length > counts.length) {
            counts = Arrays.copyOf(counts, o.counts.length);
        }
        for (int i = 0; i < o.counts.length; i++) {
            counts[i] += o.counts[i];
        }
        total += o.total;
    }

    public long count() {
        return total;
    }

    /** The nearest-rank quantile (0 < q ≤ 1) in microseconds, or 0 when empty. */
    public long quantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(counts.length - 1);
    }
}
