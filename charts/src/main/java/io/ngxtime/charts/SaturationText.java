package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.Saturation;
import java.util.Locale;

/**
 * The words for a backend's {@link Saturation}, the same in the terminal, the HTML page and the
 * {@code saturation} finding: where its p99 climbs (or that the log never got it there), the busiest
 * minute against that knee, and how sure the estimate is.
 */
public final class SaturationText {
    private SaturationText() {
    }

    /** A load in attempts per second: {@code 12.3 attempts/s}, {@code 240 attempts/s}. */
    public static String attemptsPerSecond(double rate) {
        return String.format(Locale.US, rate >= 100 ? "%,.0f attempts/s" : rate >= 10 ? "%.1f attempts/s"
                : "%.2f attempts/s", rate);
    }

    /** The confidence as a word and a share: {@code high (90%)}; high from 0.8, medium from 0.5. */
    public static String confidence(double confidence) {
        String word = confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low";
        return word + " confidence (" + Math.round(confidence * 100) + "%)";
    }

    /** One line for a backend: its knee and headroom, or that its latency stayed flat. */
    public static String line(Saturation s) {
        if (!s.reached()) {
            return "no knee up to its busiest minute (" + attemptsPerSecond(s.busiestAttemptsPerSecond())
                    + "): p99 stays near " + Figures.duration(s.flatP99Micros()) + ", " + confidence(s.confidence());
        }
        return knee(s.kneeAttemptsPerSecond().getAsDouble(), s.confidence(), s.busiestAttemptsPerSecond(),
                s.headroom().getAsDouble(), s.flatP99Micros(), s.topP99Micros());
    }

    /** One line for an item of the {@code saturation} finding. */
    public static String item(Finding.Item i) {
        return i.subject() + ": " + knee(i.figure("rps"), i.figure("confidence"), i.figure("busiest_minute_rps"),
                i.figure("headroom"), Math.round(i.figure("flat_p99")), Math.round(i.figure("top_p99")));
    }

    /** The finding's sentence: which backend saturates first, at what rate, and its headroom. */
    public static String detail(Finding f) {
        Finding.Item first = f.items().get(0);
        double headroom = first.figure("headroom");
        return first.subject() + " saturates first: its p99 climbs above " + attemptsPerSecond(first.figure("rps"))
                + ", and its busiest minute (" + attemptsPerSecond(first.figure("busiest_minute_rps")) + ") ran "
                + past(headroom) + ". Load bands of the log's minutes, a flat-then-rising fit of p99 against load.";
    }

    private static String knee(double rps, double confidence, double busiest, double headroom, long flatMicros, long topMicros) {
        return "p99 climbs above " + attemptsPerSecond(rps) + " (" + Figures.duration(flatMicros) + " below it, "
                + Figures.duration(topMicros) + " at the busiest loads); busiest minute " + attemptsPerSecond(busiest)
                + ", " + past(headroom) + "; " + confidence(confidence);
    }

    /** {@code 14% past the knee}, or {@code 20% below the knee}. */
    private static String past(double headroom) {
        return headroom <= 0 ? Figures.percent(-headroom) + " past the knee" : Figures.percent(headroom) + " below the knee";
    }
}
