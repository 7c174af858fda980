package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.Percentiles;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution in microseconds (HdrHistogram), from 1 µs to {@link #HIGHEST_MICROS}, with a
 * stated number of significant digits: {@link #PRECISE} (3, i.e. 0.1%) for the report's main figures,
 * {@link #COMPACT} (2, i.e. 1%) where there are many (per upstream, per route). A value above the range
 * (a request of 41 years, written by a broken clock) is recorded as the highest value and counted as
 * clamped, in every statistic: no percentile, mean or maximum is ever beyond the stated range, and the
 * report says how many were clamped. The maximum is exact below the range. Mergeable; single-writer.
 */
public final class LatencyHistogram implements java.io.Serializable {
    /** One hour: longer requests are clamped (the report states it as {@link Percentiles#HIGHEST_MICROS}). */
    public static final long HIGHEST_MICROS = Percentiles.HIGHEST_MICROS;
    public static final int PRECISE = 3;
    public static final int COMPACT = 2;

    private final Histogram histogram;
    private final int significantDigits;
    private long clamped;
    private long exactMax;
    private long sum;

    public LatencyHistogram(int significantDigits) {
        this.significantDigits = significantDigits;
        this.histogram = new Histogram(1, HIGHEST_MICROS, significantDigits);
    }

    /** Records a value; negative values (absent) are ignored. */
    public void record(long micros) {
        if (micros < 0) {
            return;
        }
        if (micros > HIGHEST_MICROS) {
            clamped++;
            micros = HIGHEST_MICROS;
        }
        sum += micros;
        if (micros > exactMax) {
            exactMax = micros;
        }
        histogram.recordValue(micros);
    }

    public void merge(LatencyHistogram o) {
        histogram.add(o.histogram);
        clamped += o.clamped;
        exactMax = Math.max(exactMax, o.exactMax);
        sum += o.sum;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile (0-100), in microseconds: HdrHistogram's highest-equivalent value. */
    public long valueAt(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return 0;
        }
        return Math.min(histogram.getValueAtPercentile(percentile), exactMax);
    }

    public int significantDigits() {
        return significantDigits;
    }

    public Percentiles percentiles() {
        long n = count();
        if (n == 0) {
            return Percentiles.EMPTY;
        }
        return new Percentiles(n, valueAt(50), valueAt(90), valueAt(95), valueAt(99), valueAt(99.9), exactMax, clamped,
                (double) sum / n);
    }
}
