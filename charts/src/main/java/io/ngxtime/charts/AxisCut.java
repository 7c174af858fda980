package io.ngxtime.charts;

import java.util.Arrays;

/**
 * Where ordinary traffic ends on a traffic axis. When a few single seconds dwarf the rest of the traffic
 * (a bot firing 300 requests in one second on a site doing 2 per second), a linear axis up to the spike
 * leaves everything else a flat line. Then the axis is cut a little above the busiest seconds of
 * ordinary columns and compressed above it, up to the busiest second ({@link CompressedTopAxis}).
 */
final class AxisCut {
    /** Ordinary: the 99.5th percentile of column maxima. */
    static final double QUANTILE = 0.995;
    /** Spikes must exceed the ordinary top by this factor before the axis is cut. */
    static final double CUT_FACTOR = 1.6;
    /**
     * Below this busiest second (10 req/s) a linear axis shows everything: a quiet log (a second of 1
     * request among hours of none) is never cut, nor cut at a fraction of a request.
     */
    static final double MIN_SPIKE = 10;

    private AxisCut() {
    }

    /**
     * Where the axis is cut, or NaN to show everything on one linear scale.
     *
     * @param columnMax the busiest second of each column (NaN: none)
     * @param line      the average line, which must always fit below the cut
     */
    static double cut(double[] columnMax, double[] line) {
        double[] v = Arrays.stream(columnMax).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length < 50 || v[v.length - 1] < MIN_SPIKE) {
            return Double.NaN;
        }
        double ordinary = v[(int) Math.floor(QUANTILE * (v.length - 1))];
        double lineMax = Arrays.stream(line).filter(x -> !Double.isNaN(x)).max().orElse(0);
        double top = Math.max(1, nice(Math.max(ordinary, lineMax) * 1.15));
        return v[v.length - 1] > top * CUT_FACTOR ? top : Double.NaN;
    }

    /** The next value of 1, 2, 2.5, 5 times a power of ten. */
    static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
