package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.aggregate.PeakAttribution.Dimension;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.report.PeakDriver;
import java.util.List;
import java.util.Map;

/**
 * Names the one value that drove a peak, from its attribution (values over-represented in the surge, each
 * past {@link PeakAttribution}'s minimum excess).
 *
 * <p>The cause is preferred to its consequences. The client networks and upstreams of a surge follow from
 * who came and what they asked for, so they are named only when nothing else explains the surge. The
 * causes, in order: a single user agent (one program made the surge: a script, a crawler, an app; a crowd
 * of people arrives with many browsers, none of which explains half of it), then the referrer (the link
 * that sent a crowd), then the route (what it asked for). The first cause whose biggest value explains at
 * least {@link #CAUSE_SHARE} of the excess of the biggest value in any dimension is named; otherwise the
 * biggest value. An absent value ({@code -} or empty: no referrer, no user agent) names no cause and is
 * passed over in that first step. Stateless.
 */
public final class PeakDrivers {
    /** A cause is named when it explains at least half as many excess requests as the biggest value. */
    public static final double CAUSE_SHARE = 0.5;
    private static final List<Dimension> CAUSES = List.of(Dimension.USER_AGENT, Dimension.REFERRER, Dimension.ROUTE);

    private PeakDrivers() {
    }

    /**
     * @param attribution by dimension key, each list most excess first (as {@link PeakAttribution} gives it)
     * @return the driver, or null when no value was over-represented enough to be listed
     */
    public static PeakDriver choose(Map<String, List<AttributionItem>> attribution) {
        PeakDriver biggest = null;
        for (Map.Entry<String, List<AttributionItem>> e : attribution.entrySet()) {
            for (AttributionItem it : e.getValue()) {
                if (biggest == null || it.excessRequests() > biggest.item().excessRequests()) {
                    biggest = new PeakDriver(e.getKey(), it);
                }
            }
        }
        if (biggest == null) {
            return null;
        }
        for (Dimension d : CAUSES) {
            for (AttributionItem it : attribution.getOrDefault(d.key(), List.of())) {
                if (namesACause(it.value()) && it.excessRequests() >= CAUSE_SHARE * biggest.item().excessRequests()) {
                    return new PeakDriver(d.key(), it);
                }
            }
        }
        return biggest;
    }

    private static boolean namesACause(String value) {
        return !(value.isEmpty() || value.equals("-"));
    }
}
