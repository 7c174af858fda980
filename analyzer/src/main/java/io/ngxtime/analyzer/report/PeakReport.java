package io.ngxtime.analyzer.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One peak: where it is ({@link PeakWindow}) and, once measured, what happened during it against its
 * baseline window and what drove it.
 *
 * <p>The measures need a second pass over the requests (the attribution pass in
 * {@code aggregate.PeakAttribution}). A peak without it ({@code ngxtime tail}'s live window) has none:
 * {@link #measures()} is empty, and nothing about its requests, times or rates is known.
 */
public record PeakReport(PeakWindow window, int offsetSeconds, Optional<Measures> measures) {

    /**
     * What the attribution pass measured.
     *
     * @param requestsDuring  requests in the surge
     * @param requestsBefore  requests in the baseline window (0 when the surge covers the whole range)
     * @param p99DuringMicros request-time p99 in the surge (±3.2%); empty when no request there had a request time
     * @param p99BeforeMicros the same in the baseline window
     * @param errorRateDuring 5xx share in the surge over the requests whose status is logged; empty when none is
     * @param errorRateBefore the same in the baseline window
     * @param attribution     by dimension (referrer, route, client_network, user_agent, upstream): values
     *                        over-represented during the surge, most excess requests first
     * @param approximate     whether some attribution counts come from saturated sketches
     * @param driver          the one value named as what drove the peak (one of {@code attribution}'s items), if any
     * @param load            where the load went, by tier and backend ({@link PeakLoad#NOT_MEASURED} when not counted)
     */
    public record Measures(long requestsDuring, long requestsBefore, OptionalLong p99DuringMicros,
                           OptionalLong p99BeforeMicros, OptionalDouble errorRateDuring, OptionalDouble errorRateBefore,
                           Map<String, List<AttributionItem>> attribution, boolean approximate,
                           Optional<PeakDriver> driver, PeakLoad load) {
        /** Measures without the load by tier and backend. */
        public Measures(long requestsDuring, long requestsBefore, OptionalLong p99DuringMicros,
                        OptionalLong p99BeforeMicros, OptionalDouble errorRateDuring, OptionalDouble errorRateBefore,
                        Map<String, List<AttributionItem>> attribution, boolean approximate, Optional<PeakDriver> driver) {
            this(requestsDuring, requestsBefore, p99DuringMicros, p99BeforeMicros, errorRateDuring, errorRateBefore,
                    attribution, approximate, driver, PeakLoad.NOT_MEASURED);
        }
    }

    /** Whether the attribution pass measured the peak. */
    public boolean attributed() {
        return measures.isPresent();
    }

    /** What drove the peak, when measured and named. */
    public Optional<PeakDriver> driver() {
        return measures.flatMap(Measures::driver);
    }

    /** The over-represented values by dimension; empty when not measured. */
    public Map<String, List<AttributionItem>> attribution() {
        return measures.map(Measures::attribution).orElse(Map.of());
    }

    /** A peak found but not measured: where it is is known, what happened during it and before it is not. */
    public static PeakReport unattributed(PeakWindow window, int offsetSeconds) {
        return new PeakReport(window, offsetSeconds, Optional.empty());
    }
}
