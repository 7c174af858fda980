package io.ngxtime.analyzer.report;

import io.ngxtime.analyzer.aggregate.PeakAttribution;
import java.util.List;
import java.util.Map;

/**
 * One peak: where it is ({@link PeakWindow}), and what drove it, compared with the hour before.
 *
 * @param attribution  by dimension (referrer, route, client_network, user_agent, upstream): values
 *                     over-represented during the surge, most excess requests first
 * @param approximate  whether some attribution counts come from saturated sketches
 */
public record PeakReport(PeakWindow window, int offsetSeconds, long requestsDuring, long requestsBefore,
                         Map<String, List<PeakAttribution.Item>> attribution, long p99DuringMicros,
                         long p99BeforeMicros, double errorRateDuring, double errorRateBefore, boolean approximate) {
}
