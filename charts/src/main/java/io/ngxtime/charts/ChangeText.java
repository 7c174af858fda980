package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Comparison;

/**
 * The words for one {@link Comparison.Change}, the same in the terminal and the HTML report: its value
 * before and after, and how much it changed. Counts are shown as counts when both windows are equally
 * long and as rates when they are not; the change of a count is the requests more or fewer than the
 * baseline's rate predicts.
 */
public final class ChangeText {
    private ChangeText() {
    }

    /** The baseline's value. */
    public static String before(Comparison.Change ch, boolean sameLength) {
        return value(ch, ch.before(), ch.kind() == Comparison.Kind.COUNT ? ch.perSecond().before() : 0, sameLength);
    }

    /** The compared window's value. */
    public static String after(Comparison.Change ch, boolean sameLength) {
        return value(ch, ch.after(), ch.kind() == Comparison.Kind.COUNT ? ch.perSecond().after() : 0, sameLength);
    }

    /**
     * How much it changed: {@code +1,204 requests} for a count, {@code ×2.50} for a time or a share;
     * {@code from <1 ms} for a time that was under nginx's 1 ms resolution, {@code from 0} for a share
     * that was 0.
     */
    public static String change(Comparison.Change ch) {
        return switch (ch.kind()) {
            case COUNT -> Figures.signedCount(Math.round(ch.perSecond().excessRequests())) + " " + ch.metric();
            case MILLIS -> ch.before() == 0 ? "from <1 ms" : Figures.factor(ch.ratio());
            case SHARE -> ch.before() == 0 ? "from 0" : Figures.factor(ch.ratio());
        };
    }

    private static String value(Comparison.Change ch, double value, double perSecond, boolean sameLength) {
        return switch (ch.kind()) {
            case COUNT -> sameLength ? Figures.count(Math.round(value)) : Figures.perSecond(perSecond);
            case MILLIS -> Figures.durationMs(value);
            case SHARE -> Figures.percent(value);
        };
    }
}
