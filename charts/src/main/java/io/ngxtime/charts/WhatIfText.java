package io.ngxtime.charts;

import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.report.CdnOffload;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The words of the what-if sections, the same in the terminal and the HTML report: a title and a few
 * sentences for the cache what-if and for the static assets a CDN would serve. The tables under them are
 * each medium's. Route names are not in these sentences: nothing here needs escaping beyond plain text.
 */
public final class WhatIfText {
    private WhatIfText() {
    }

    public static String cacheTitle(CacheWhatIf w) {
        return "Cache what-if: a " + Figures.span(w.ttlSeconds()) + " TTL on the cache candidates";
    }

    /** What the cache would have saved, at the busiest minute, how, and how exact. */
    public static List<String> cacheLines(CacheWhatIf w, int offsetSeconds) {
        List<String> out = new ArrayList<>();
        if (w.candidates().isEmpty()) {
            out.add("No cache candidates (routes upstream answers with identical 200s to GET and HEAD): nothing to replay.");
            return out;
        }
        out.add("Would have saved " + Figures.count(w.savedRequests()) + " of "
                + Figures.count(w.upstreamRequests().orElse(0), "upstream request") + " ("
                + Figures.percent(w.savedShareOfRequests()) + ")" + (w.upstreamTimeMicros().isPresent() ? " and "
                + time(w.savedUpstreamTimeMicros()) + " of " + time(w.upstreamTimeMicros()) + " upstream time ("
                + Figures.percent(w.savedShareOfTime()) + ")" : " ($upstream_response_time is not logged: no time)") + ".");
        w.busiestMinute().ifPresent(m -> out.add("At the busiest upstream minute, " + Figures.instant(m.startSecond(),
                offsetSeconds) + ": " + Figures.count(m.savedRequests()) + " of " + Figures.count(m.upstreamRequests(),
                "upstream request") + " (" + Figures.percent(m.savedRequests(), m.upstreamRequests()) + ") saved"
                + (m.savedUpstreamTimeMicros().isPresent() ? ", with " + time(m.savedUpstreamTimeMicros()) + " of upstream time"
                : "") + "."));
        out.add("Replayed in time order: the first upstream 200 for a URL (host and path with its query) is kept for the TTL,"
                + " and the upstream requests for it until then would have been hits; what nginx's cache served is left out.");
        if (w.lateRequests() > 0) {
            out.add("Approximate: " + Figures.count(w.lateRequests(), "request") + " came too far out of time order"
                    + " to be replayed in it.");
        }
        if (w.entriesNotStored() > 0) {
            out.add("A lower bound: " + Figures.count(w.entriesNotStored(), "response") + " could not be stored"
                    + " (the model's table of live entries was full).");
        }
        return out;
    }

    public static String cdnTitle() {
        return "Static assets: what a CDN would take off this server";
    }

    /** The static assets' share overall and at the busiest minute, and what of them reached upstream. */
    public static List<String> cdnLines(CdnOffload c, int offsetSeconds) {
        List<String> out = new ArrayList<>();
        out.add(Figures.count(c.staticRequests()) + " of " + Figures.count(c.requests(), "request") + " ("
                + Figures.percent(c.shareOfRequests()) + ")" + bytes(c.staticBytes(), c.bytes())
                + " were static assets (GET and HEAD of a file by its extension)"
                + (c.staticUpstreamRequests().isPresent() ? "; " + Figures.count(c.staticUpstreamRequests().getAsLong())
                + " of them reached a backend" + (c.staticUpstreamTimeMicros().isPresent() ? ", with "
                + time(c.staticUpstreamTimeMicros()) + " of upstream time" : "") : "") + ".");
        c.busiestMinute().ifPresent(m -> out.add("At the busiest minute, " + Figures.instant(m.startSecond(), offsetSeconds)
                + ": " + Figures.count(m.staticRequests()) + " of " + Figures.count(m.requests(), "request") + " ("
                + Figures.percent(m.shareOfRequests()) + ")" + bytes(m.staticBytes(), m.bytes()) + "."));
        if (c.minutesApproximate()) {
            out.add("The log covers more minutes than are kept (31 days of them): the busiest minute is the busiest of those.");
        }
        return out;
    }

    /** " and 12 of 34 bytes (35.3%)", or nothing when bytes are not logged. */
    private static String bytes(OptionalLong part, OptionalLong whole) {
        if (part.isEmpty() || whole.isEmpty()) {
            return "";
        }
        return " and " + Figures.count(part.getAsLong()) + " of " + Figures.count(whole.getAsLong(), "byte") + " ("
                + Figures.percent(part.getAsLong(), whole.getAsLong()) + ")";
    }

    private static String time(OptionalLong micros) {
        return Figures.duration(micros);
    }
}
