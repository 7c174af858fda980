package io.ngxtime.analyzer.report;

import java.util.List;
import java.util.Map;

/**
 * One peak: where it is ({@link PeakWindow}), and what drove it, compared with the hour before.
 *
 * <p>The comparison needs a second pass over the requests (the attribution pass in {@code aggregate.PeakAttribution}). A peak without it
 * ({@code ngxtime tail}'s live window) is {@linkplain #unattributed(PeakWindow, int) unattributed}: its
 * counts, times and rates are unknown, not zero, and renderers must not show them as numbers.
 *
 * @param attribution  by dimension (referrer, route, client_network, user_agent, upstream): values
 *                     over-represented during the surge, most excess requests first; empty when not attributed
 * @param approximate  whether some attribution counts come from saturated sketches
 * @param attributed   whether the attribution pass ran: when false, {@code requestsDuring}, {@code requestsBefore},
 *                     the p99s and the error rates are placeholders (0) that mean "not measured"
 * @param driver       the one value named as what drove the peak (one of {@code attribution}'s items), or null
 *                     when the peak is not attributed or no value was over-represented enough to be listed
 */
public record PeakReport(PeakWindow window, int offsetSeconds, long requestsDuring, long requestsBefore,
                         Map<String, List<AttributionItem>> attribution, long p99DuringMicros,
                         long p99BeforeMicros, double errorRateDuring, double errorRateBefore, boolean approximate,
                         boolean attributed, PeakDriver driver) {

    /** An attributed peak: the attribution pass measured it. */
    public PeakReport(PeakWindow window, int offsetSeconds, long requestsDuring, long requestsBefore,
                      Map<String, List<AttributionItem>> attribution, long p99DuringMicros,
                      long p99BeforeMicros, double errorRateDuring, double errorRateBefore, boolean approximate,
                      PeakDriver driver) {
        this(window, offsetSeconds, requestsDuring, requestsBefore, attribution, p99DuringMicros, p99BeforeMicros,
                errorRateDuring, errorRateBefore, approximate, true, driver);
    }

    /** A peak found but not attributed: where it is is known, what happened during it and before it is not. */
    public static PeakReport unattributed(PeakWindow window, int offsetSeconds) {
        return new PeakReport(window, offsetSeconds, 0, 0, Map.of(), 0, 0, 0, 0, false, false, null);
    }
}
