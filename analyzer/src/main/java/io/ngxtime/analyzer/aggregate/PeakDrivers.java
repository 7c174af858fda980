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
 * <p>The cause is preferred to its consequences. A referrer or a route says why the traffic came and what
 * it asked for; the client networks, user agents and upstreams of a surge mostly follow from those (a link
 * on a partner's page brings that audience's networks and phones, and its route's backends). So the
 * referrer with the most excess requests is named when it explains at least {@link #CAUSE_SHARE} of the
 * excess of the biggest value in any dimension, then likewise the route; otherwise the biggest value. An
 * absent referrer ({@code -} or empty) names no cause and is passed over in that first step. Stateless.
 */
public final class PeakDrivers {
    /** A referrer or route is named when it explains at least half as many excess requests as the biggest value. */
    public static final double CAUSE_SHARE = 0.5;
    private static final List<Dimension> CAUSES = List.of(Dimension.REFERRER, Dimension.ROUTE);

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
                if (namesACause(d, it.value()) && it.excessRequests() >= CAUSE_SHARE * biggest.item().excessRequests()) {
                    return new PeakDriver(d.key(), it);
                }
            }
        }
        return biggest;
    }

    private static boolean namesACause(Dimension d, String value) {
        return d != Dimension.REFERRER || !(value.isEmpty() || value.equals("-"));
    }
}
