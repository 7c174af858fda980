package io.ngxtime.analyzer.aggregate;

import java.util.Arrays;

/**
 * A small latency histogram for time series and routes (one per tier per time bucket): each power of
 * two from 16 µs up is split into {@value #SUB_BUCKETS} buckets (values below 16 µs are exact), so a
 * bucket is at most 1/16 of its values wide; quantiles report the bucket's midpoint, within 3.2% of the
 * exact value. Grown on demand, at most about 500 ints (up to {@link LatencyHistogram#HIGHEST_MICROS});
 * exact counts. Bucketing uses bit arithmetic only. Mergeable.
 */
public final class LogHistogram implements java.io.Serializable {
    static final int SUB_BITS = 4;
    static final int SUB_BUCKETS = 1 << SUB_BITS;
    static final int BUCKETS = bucket(LatencyHistogram.HIGHEST_MICROS) + 1;

    private int[] counts = new int[0];
    private long total;

    static int bucket(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) Math.max(0, micros);
        }
        long v = Math.min(micros, LatencyHistogram.HIGHEST_MICROS);
        int exponent = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS
        int mantissa = (int) (v >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + mantissa;
    }

    static long lowerBound(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int exponent = (bucket - SUB_BUCKETS) / SUB_BUCKETS + SUB_BITS;
        int mantissa = (bucket - SUB_BUCKETS) % SUB_BUCKETS;
        return (long) (SUB_BUCKETS + mantissa) << (exponent - SUB_BITS);
    }

    /** The value a quantile reports for a bucket: its midpoint. */
    static long representative(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        long lo = lowerBound(bucket);
        long hi = lowerBound(bucket + 1);
        return (lo + hi - 1) / 2;
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

    /** The nearest-rank quantile (0 < q ≤ 1) in microseconds (within 3.2%), or 0 when empty. */
    public long quantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return representative(i);
            }
        }
        return representative(counts.length - 1);
    }
}
