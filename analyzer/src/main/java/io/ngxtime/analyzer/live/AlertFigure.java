package io.ngxtime.analyzer.live;

import io.ngxtime.analyzer.report.Percentiles;
import java.util.Locale;
import java.util.Optional;

/**
 * What an {@link AlertRule} measures: one row per figure a rule can name, with the kind of threshold it
 * takes and the scopes it has a meaning in. A new figure is a new row here and a case in
 * {@link AlertEvaluator}'s measurement.
 */
public enum AlertFigure {
    /** Share of the window's requests (with a logged status) whose status is 1xx. */
    STATUS_1XX("1xx", Kind.SHARE, false, false),
    /** Share of the window's requests (with a logged status) whose status is 2xx. */
    STATUS_2XX("2xx", Kind.SHARE, false, false),
    /** Share of the window's requests (with a logged status) whose status is 3xx. */
    STATUS_3XX("3xx", Kind.SHARE, false, false),
    /** Share of the window's requests (with a logged status) whose status is 4xx. */
    STATUS_4XX("4xx", Kind.SHARE, false, false),
    /** Share of the window's requests (with a logged status) whose status is 5xx. */
    STATUS_5XX("5xx", Kind.SHARE, false, false),
    /** Median: request time (window, tier) or response time per attempt (upstream). */
    P50("p50", Kind.TIME, true, true),
    /** 90th percentile, as {@link #P50}. */
    P90("p90", Kind.TIME, true, true),
    /** 95th percentile, as {@link #P50}. */
    P95("p95", Kind.TIME, true, true),
    /** 99th percentile, as {@link #P50}. */
    P99("p99", Kind.TIME, true, true),
    /** 99.9th percentile, as {@link #P50}. */
    P999("p999", Kind.TIME, true, true),
    /** Requests per second over the last interval, by log time. */
    RPS("rps", Kind.RATE, false, false),
    /** Time since the last line was read. */
    STALE("stale", Kind.AGE, false, false),
    /** Share of one upstream's attempts that failed (a 5xx, no status, or no connection). */
    FAILED("failed", Kind.SHARE, false, true),
    /** The last interval is a surge ({@link LiveWindow#surge}): no threshold of its own. */
    SURGE("surge", Kind.SURGE, false, false);

    /** The kind of threshold a figure takes, and so the units written after its number. */
    public enum Kind {
        /** A percentage: {@code 2%}. */
        SHARE,
        /** A duration in {@code us}, {@code ms} or {@code s}. */
        TIME,
        /** A plain number of requests per second. */
        RATE,
        /** A duration in {@code s}, {@code m} or {@code h}. */
        AGE,
        /** No threshold. */
        SURGE
    }

    private final String token;
    private final Kind kind;
    private final boolean inTier;
    private final boolean inUpstream;

    AlertFigure(String token, Kind kind, boolean inTier, boolean inUpstream) {
        this.token = token;
        this.kind = kind;
        this.inTier = inTier;
        this.inUpstream = inUpstream;
    }

    /** The figure as a rule writes it: {@code 5xx}, {@code p99}, {@code rps}, ... */
    public String token() {
        return token;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a rule of this figure may have {@code scope} (every figure but {@link #FAILED} has the whole window). */
    public boolean allowedIn(AlertScope scope) {
        if (scope instanceof AlertScope.Tier) {
            return inTier;
        }
        if (scope instanceof AlertScope.Upstream) {
            return inUpstream;
        }
        return this != FAILED;
    }

    /** The first status of the class this figure counts ({@code 500} for 5xx); only for {@link Kind#SHARE} status figures. */
    int statusFrom() {
        return (ordinal() - STATUS_1XX.ordinal() + 1) * 100;
    }

    /** Whether this figure is a status class share. */
    boolean isStatusClass() {
        return ordinal() <= STATUS_5XX.ordinal();
    }

    /** This percentile of {@code p}, in microseconds; only for {@link Kind#TIME} figures. */
    long of(Percentiles p) {
        switch (this) {
            case P50:
                return p.p50();
            case P90:
                return p.p90();
            case P95:
                return p.p95();
            case P99:
                return p.p99();
            case P999:
                return p.p999();
            default:
                throw new IllegalStateException(this + " is no percentile");
        }
    }

    /** The figure written as {@code token}, case-insensitive. */
    static Optional<AlertFigure> byToken(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        for (AlertFigure f : values()) {
            if (f.token.equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
