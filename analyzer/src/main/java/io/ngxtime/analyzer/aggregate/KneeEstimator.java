package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.Saturation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Estimates where one backend's latency starts to climb with its load, from its {@link LoadPeriod}s.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>Load bands.</b> Each period's load is its attempts per second. The range from the quietest to
 *       the busiest period is cut into {@value #BANDS} equal bands; from the busiest band down, thin bands
 *       are joined to their neighbours until each holds at least {@value #MIN_BAND_TIMED} timed attempts
 *       from {@value #MIN_BAND_PERIODS} periods, so every band's p99 rests on a few values above it. A band
 *       is placed at the mean load of its periods, and its p99 is that of all its periods' response times
 *       together (their histograms merged, not a median of per-minute p99s).</li>
 *   <li><b>Hinge fit.</b> p99 against load is fitted by "flat, then rising": {@code p99 = a + b * max(0,
 *       load - knee)}, weighted least squares (weights: the square root of a band's timed attempts), over
 *       {@value #CANDIDATES} candidate knees between the second and the second-to-last band (at least two
 *       bands on each side); the knee with the least squared error wins.</li>
 *   <li><b>Reached or not.</b> The knee is taken only when the fitted rise is real: {@code b > 0}, the hinge
 *       explains at least {@value #MIN_EXPLAINED} of the variance of the bands' p99s, and the fitted p99 at
 *       the busiest band is at least {@value #MIN_RISE} above the flat level {@code a}. Otherwise the log
 *       never pushed the backend that far: its p99 did not climb beyond noise at the highest loads seen.</li>
 *   <li><b>Confidence.</b> {@value #RESAMPLES} bootstrap resamples of the periods (drawn with replacement,
 *       seeded by the address, so a report is reproducible) go through the same steps. A knee that fewer
 *       than half of them find again (within {@value #AGREEMENT} of it) is taken as noise: not reached. The
 *       confidence is the share of resamples that agree with the conclusion: that find a knee within
 *       {@value #AGREEMENT} of the estimate, or, when none is reported, that find none.</li>
 * </ol>
 * Not assessed (empty) with fewer than {@value #MIN_PERIODS} periods with timed attempts, fewer than
 * {@value #MIN_TIMED} timed attempts, or fewer than {@value #MIN_BANDS} bands. The estimate's precision is
 * bounded by the band width (a sixteenth of the load range) and by the minutes' own noise (a minute of
 * 100 attempts is a rate known to about 10%). Cost: a few milliseconds per backend-week of minutes.
 */
final class KneeEstimator {
    static final int BANDS = 16;
    static final long MIN_BAND_TIMED = 400;
    static final int MIN_BAND_PERIODS = 3;
    static final int MIN_BANDS = 5;
    static final int MIN_PERIODS = 30;
    static final long MIN_TIMED = 2_000;
    static final int CANDIDATES = 200;
    static final double MIN_EXPLAINED = 0.6;
    static final double MIN_RISE = 0.25;
    static final int RESAMPLES = 40;
    static final double AGREEMENT = 0.2;

    private KneeEstimator() {
    }

    /** Periods joined in one load band: their response times, timed attempts, count and summed load. */
    private static final class Band {
        final long[] hist = new long[QuarterOctaveHistogram.BUCKETS];
        long timed;
        long periods;
        double rateSum;

        void add(long[] h, long t, long p, double r) {
            for (int k = 0; k < hist.length; k++) {
                hist[k] += h[k];
            }
            timed += t;
            periods += p;
            rateSum += r;
        }
    }

    /** One fit: the knee (NaN when not reached), the flat level, the mean and the top band's p99 (µs). */
    private record Fit(double knee, double flatMicros, double meanMicros, double topMicros) {
        boolean reached() {
            return !Double.isNaN(knee);
        }
    }

    /**
     * The saturation of a backend from its periods, or empty when they are too few to tell.
     *
     * @param periods       the backend's periods, in time order
     * @param periodSeconds the length of one period
     * @param seed          seeds the bootstrap (the address's hash: the same log gives the same confidence)
     */
    static Optional<Saturation> estimate(List<LoadPeriod> periods, int periodSeconds, long seed) {
        List<LoadPeriod> timed = new ArrayList<>();
        long timedAttempts = 0;
        double busiest = 0;
        for (LoadPeriod p : periods) {
            busiest = Math.max(busiest, (double) p.attempts / periodSeconds);
            if (p.responseTimes.count() > 0) {
                timed.add(p);
                timedAttempts += p.responseTimes.count();
            }
        }
        if (timed.size() < MIN_PERIODS || timedAttempts < MIN_TIMED) {
            return Optional.empty();
        }
        int n = timed.size();
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = (double) timed.get(i).attempts / periodSeconds;
        }
        int[] once = new int[n];
        java.util.Arrays.fill(once, 1);
        Optional<Fit> point = fit(timed, rate, once);
        if (point.isEmpty()) {
            return Optional.empty();
        }
        Fit f = point.get();
        SplittableRandom random = new SplittableRandom(seed);
        int agree = 0;
        int none = 0;
        int[] weights = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            java.util.Arrays.fill(weights, 0);
            for (int i = 0; i < n; i++) {
                weights[random.nextInt(n)]++;
            }
            Optional<Fit> again = fit(timed, rate, weights);
            boolean reached = again.isPresent() && again.get().reached();
            if (!reached) {
                none++;
            } else if (f.reached() && Math.abs(again.get().knee() - f.knee()) <= AGREEMENT * f.knee()) {
                agree++;
            }
        }
        // a knee most resamples do not find again is noise: the log did not show one
        boolean reached = f.reached() && 2 * agree >= RESAMPLES;
        double confidence = (double) (reached ? agree : none) / RESAMPLES;
        return Optional.of(new Saturation(reached ? OptionalDouble.of(f.knee()) : OptionalDouble.empty(), confidence,
                busiest, Math.round(reached ? f.flatMicros() : f.meanMicros()), Math.round(f.topMicros()), n, periodSeconds));
    }

    /** The bands of the periods taken {@code weights[i]} times each, and their hinge fit; empty when too few bands. */
    private static Optional<Fit> fit(List<LoadPeriod> periods, double[] rate, int[] weights) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < rate.length; i++) {
            if (weights[i] > 0) {
                min = Math.min(min, rate[i]);
                max = Math.max(max, rate[i]);
            }
        }
        if (!(max > min)) {
            return Optional.empty();
        }
        double width = (max - min) / BANDS;
        long[][] hist = new long[BANDS][QuarterOctaveHistogram.BUCKETS];
        long[] bandTimed = new long[BANDS];
        long[] bandPeriods = new long[BANDS];
        double[] bandRateSum = new double[BANDS];
        for (int i = 0; i < rate.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            int b = Math.min(BANDS - 1, (int) ((rate[i] - min) / width));
            LoadPeriod p = periods.get(i);
            p.responseTimes.addTo(hist[b], weights[i]);
            bandTimed[b] += p.responseTimes.count() * weights[i];
            bandPeriods[b] += weights[i];
            bandRateSum[b] += rate[i] * weights[i];
        }
        // join thin bands, from the busiest down; a thin rest at the bottom joins the lowest band made
        List<Band> bands = new ArrayList<>();
        Band acc = new Band();
        for (int b = BANDS - 1; b >= 0; b--) {
            acc.add(hist[b], bandTimed[b], bandPeriods[b], bandRateSum[b]);
            if (acc.timed >= MIN_BAND_TIMED && acc.periods >= MIN_BAND_PERIODS) {
                bands.add(acc);
                acc = new Band();
            }
        }
        if (acc.periods > 0) {
            if (bands.isEmpty()) {
                bands.add(acc);
            } else {
                bands.get(bands.size() - 1).add(acc.hist, acc.timed, acc.periods, acc.rateSum);
            }
        }
        int m = bands.size();
        if (m < MIN_BANDS) {
            return Optional.empty();
        }
        double[] x = new double[m];
        double[] y = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            Band band = bands.get(m - 1 - i); // quietest first
            x[i] = band.rateSum / band.periods;
            y[i] = QuarterOctaveHistogram.quantile(band.hist, 0.99);
            w[i] = Math.sqrt(band.timed);
        }
        return Optional.of(hinge(x, y, w));
    }

    /** The least-squares "flat, then rising" fit of {@code y} against {@code x} (ascending), or "not reached". */
    static Fit hinge(double[] x, double[] y, double[] w) {
        int m = x.length;
        double sw = 0;
        double sy = 0;
        for (int i = 0; i < m; i++) {
            sw += w[i];
            sy += w[i] * y[i];
        }
        double mean = sy / sw;
        double sst = 0;
        for (int i = 0; i < m; i++) {
            sst += w[i] * (y[i] - mean) * (y[i] - mean);
        }
        double bestSse = Double.MAX_VALUE;
        double bestKnee = Double.NaN;
        double bestA = mean;
        double bestB = 0;
        double from = x[1];
        double to = x[m - 2];
        for (int c = 0; c <= CANDIDATES; c++) {
            double k = from + (to - from) * c / CANDIDATES;
            double sh = 0;
            double shh = 0;
            double shy = 0;
            for (int i = 0; i < m; i++) {
                double h = Math.max(0, x[i] - k);
                sh += w[i] * h;
                shh += w[i] * h * h;
                shy += w[i] * h * y[i];
            }
            double det = sw * shh - sh * sh;
            if (det <= 0) {
                continue;
            }
            double b = (sw * shy - sh * sy) / det;
            if (b <= 0) {
                continue;
            }
            double a = (sy - b * sh) / sw;
            double sse = 0;
            for (int i = 0; i < m; i++) {
                double e = y[i] - a - b * Math.max(0, x[i] - k);
                sse += w[i] * e * e;
            }
            if (sse < bestSse) {
                bestSse = sse;
                bestKnee = k;
                bestA = a;
                bestB = b;
            }
        }
        double top = y[m - 1];
        if (Double.isNaN(bestKnee) || sst <= 0) {
            return new Fit(Double.NaN, mean, mean, top);
        }
        double explained = 1 - bestSse / sst;
        double fittedTop = bestA + bestB * (x[m - 1] - bestKnee);
        if (explained < MIN_EXPLAINED || bestA <= 0 || fittedTop < (1 + MIN_RISE) * bestA) {
            return new Fit(Double.NaN, mean, mean, top);
        }
        return new Fit(bestKnee, bestA, mean, top);
    }
}
