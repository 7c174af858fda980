package io.ngxtime.charts;

import io.ngxtime.analyzer.report.TimingReport;

/** What the report says, in one sentence each renderer shows, when the log format cannot tell tiers apart. */
public final class TierNotes {
    private TierNotes() {
    }

    /** Why some tiers are unknown (empty when every tier is known). */
    public static String unknown(TimingReport t) {
        if (t.unknownTiers().isEmpty()) {
            return "";
        }
        if (t.unknownTiers().contains("upstream")) {
            return "The log format has no upstream variable ($upstream_addr, $upstream_status, $upstream_*_time): "
                    + "which tier answered is unknown, so requests count under 'unknown'"
                    + (t.unknownTiers().contains("cache") ? "." : ", apart from cache hits.");
        }
        return "Without $upstream_cache_status in the log format, a request with no upstream attempt was answered by "
                + "nginx or its cache: they count as 'nginx or cache', and the nginx and cache tiers are unknown.";
    }
}
