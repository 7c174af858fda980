package io.ngxtime.analyzer.report;

import java.util.Objects;

/**
 * Two runs compared ({@code ngxtime compare A --vs B}): two load tests before and after a tuning change, or
 * two servers. {@link #before()} is A, {@link #after()} is B; the {@link #comparison()} is the one a report
 * makes against its baseline ({@code --baseline}), with A as the baseline: counts are compared per second of
 * each run's own length, times and shares where both runs have requests of the subject, ranked by the
 * requests each change concerns.
 *
 * @param before     run A: the baseline
 * @param after      run B: what is compared with it
 * @param comparison B against A; its baseline fields ({@code baselineFromSecond}, ...) describe A
 */
public record RunComparison(Run before, Run after, Comparison comparison) {
    public RunComparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(comparison, "comparison");
    }

    /**
     * One run: its report (inputs, format, requests, time range, latency by tier, upstreams, routes) and the
     * length its counts are divided by.
     *
     * @param report     the run's report (peaks not attributed: a comparison needs none)
     * @param fromSecond the run's start (epoch second): its {@code --from}, else its first request's second
     * @param toSecond   its end (exclusive): its {@code --to}, else the second after its last request's
     * @param seconds    {@code toSecond - fromSecond}, at least 1
     */
    public record Run(Report report, long fromSecond, long toSecond, long seconds) {
        public Run {
            Objects.requireNonNull(report, "report");
            if (seconds < 1) {
                throw new IllegalArgumentException("a run lasts at least 1 s, not " + seconds);
            }
        }

        /** Requests that pass the filters. */
        public long requests() {
            return report.summary().requests();
        }

        /** Requests per second over the run's length. */
        public double perSecond() {
            return (double) requests() / seconds;
        }
    }
}
