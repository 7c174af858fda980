package io.ngxtime.cli.dashboard;

import io.ngxtime.analyzer.report.Report;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one screen of the live dashboard shows, built by {@code tail} from each live frame (and
 * once before the first one, so that the screen appears at once). Immutable; text that came from a log
 * (paths, addresses, alert texts naming an upstream) is kept as it came: {@link DashboardLayout} makes it
 * safe for the terminal.
 *
 * @param header       the first line's facts
 * @param rates        the request rates and the sparkline series
 * @param window       the window's report (tiers, upstreams, routes, status mix, rejects), or empty before
 *                     the first interval ended
 * @param alerts       the alerts active now, most important first (empty: none)
 * @param files        one status per file followed, in the order given on the command line
 * @param selectedFile the file the figures are for ({@link FileStatus#path()}), or empty for all files merged
 * @param sort         how the upstream and route tables are ordered
 * @param helpShown    whether the key help covers the body
 */
public record DashboardState(Header header, Rates rates, Optional<Report> window, List<Alert> alerts,
                             List<FileStatus> files, Optional<String> selectedFile, TableSort sort, boolean helpShown) {
    public DashboardState {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(selectedFile, "selectedFile");
        Objects.requireNonNull(sort, "sort");
        alerts = List.copyOf(alerts);
        files = List.copyOf(files);
    }

    /**
     * The first line: when the figures are from, and what the view is doing.
     *
     * @param logTime    the frame's time from the log, as text with its offset ({@code 2026-10-09T15:58:19-07:00});
     *                   empty before the first timed line
     * @param catchingUp what is said while a backlog is replayed ({@code catching up: 3 min behind}), or empty
     * @param paused     whether the display is paused (the log is still read)
     */
    public record Header(String logTime, String catchingUp, boolean paused) {
        public Header {
            Objects.requireNonNull(logTime, "logTime");
            Objects.requireNonNull(catchingUp, "catchingUp");
        }
    }

    /**
     * Request rates over log time.
     *
     * @param lastIntervalPerSecond requests per second over the last interval; empty while none of it was covered
     * @param intervalSeconds       the interval's length
     * @param windowPerSecond       requests per second over the span the window covers; empty while none is
     * @param windowCoveredSeconds  the span of log time the window covers (less than the window's length
     *                              until that much log was read)
     * @param requestsTotal         every request counted by this tail (a kept queue's earlier runs too)
     * @param sparklinePerSecond    requests per second, one value per {@code sparklineStepSeconds}, oldest
     *                              first (the layout shows the newest values that fit)
     * @param sparklineStepSeconds  the log time each sparkline value covers (at least 1)
     */
    public record Rates(java.util.OptionalDouble lastIntervalPerSecond, long intervalSeconds,
                        java.util.OptionalDouble windowPerSecond,
                        long windowCoveredSeconds, long requestsTotal, double[] sparklinePerSecond,
                        long sparklineStepSeconds) {
        public Rates {
            sparklinePerSecond = sparklinePerSecond.clone();
            if (sparklineStepSeconds < 1) {
                throw new IllegalArgumentException("sparklineStepSeconds must be at least 1, was " + sparklineStepSeconds);
            }
        }

        /** A copy of the series (the record keeps its own). */
        @Override
        public double[] sparklinePerSecond() {
            return sparklinePerSecond.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rates r && r.lastIntervalPerSecond.equals(lastIntervalPerSecond)
                    && r.intervalSeconds == intervalSeconds && r.windowPerSecond.equals(windowPerSecond)
                    && r.windowCoveredSeconds == windowCoveredSeconds && r.requestsTotal == requestsTotal
                    && java.util.Arrays.equals(r.sparklinePerSecond, sparklinePerSecond)
                    && r.sparklineStepSeconds == sparklineStepSeconds;
        }

        @Override
        public int hashCode() {
            return Objects.hash(lastIntervalPerSecond, intervalSeconds, windowPerSecond, windowCoveredSeconds,
                    requestsTotal, java.util.Arrays.hashCode(sparklinePerSecond), sparklineStepSeconds);
        }

        @Override
        public String toString() {
            return "Rates[last " + lastIntervalPerSecond + "/s over " + intervalSeconds + " s, window " + windowPerSecond
                    + "/s over " + windowCoveredSeconds + " s, total " + requestsTotal + ", "
                    + sparklinePerSecond.length + " sparkline values of " + sparklineStepSeconds + " s]";
        }
    }

    /** How an alert is shown. */
    public enum Severity {
        /** A rule that fires ({@code 5xx>2%}, {@code p99>800ms}, {@code stale>60s}, ...). */
        FIRING,
        /** A surge in traffic (the SURGE rule). */
        SURGE
    }

    /**
     * One active alert.
     *
     * @param text     what is said, as the alert rule writes it (it may name an upstream from the log)
     * @param severity how it is shown
     */
    public record Alert(String text, Severity severity) {
        public Alert {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /**
     * What is known of one file followed.
     *
     * @param path        the path as given
     * @param waiting     whether the file does not exist (yet, or any more): "waiting for FILE"
     * @param rotations   rotations seen (renamed or replaced)
     * @param truncations truncations seen (copytruncate)
     * @param lastLineAge how long ago (wall time) its last line was read, or empty before its first line
     * @param formatHint  what is wrong with the format for this file (until fixed), or empty
     */
    public record FileStatus(String path, boolean waiting, long rotations, long truncations,
                             Optional<Duration> lastLineAge, String formatHint) {
        public FileStatus {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(lastLineAge, "lastLineAge");
            Objects.requireNonNull(formatHint, "formatHint");
        }
    }
}
