package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.Saturation;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Finding.Kind#SATURATION} finding: the backends whose latency climbed past a knee in the log,
 * the one that saturates first leading. "First" is the one pushed furthest past its knee for its share of
 * the load (the least headroom), which is the one that would give out first were all the load to grow
 * alike; ties go to the lower knee, then the address.
 */
final class SaturationFinding {
    private SaturationFinding() {
    }

    static Optional<Finding> of(List<UpstreamReport> upstreams) {
        List<UpstreamReport> reached = new ArrayList<>();
        for (UpstreamReport u : upstreams) {
            if (u.saturation().map(Saturation::reached).orElse(false)) {
                reached.add(u);
            }
        }
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        reached.sort(Comparator.<UpstreamReport>comparingDouble(u -> u.saturation().get().headroom().getAsDouble())
                .thenComparingDouble(u -> u.saturation().get().kneeAttemptsPerSecond().getAsDouble())
                .thenComparing(UpstreamReport::address));
        List<Finding.Item> items = new ArrayList<>();
        for (UpstreamReport u : reached) {
            Saturation s = u.saturation().get();
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("rps", s.kneeAttemptsPerSecond().getAsDouble());
            figures.put("confidence", s.confidence());
            figures.put("busiest_minute_rps", s.busiestAttemptsPerSecond());
            figures.put("headroom", s.headroom().getAsDouble());
            figures.put("flat_p99", (double) s.flatP99Micros());
            figures.put("top_p99", (double) s.topP99Micros());
            items.add(new Finding.Item(u.address(), figures));
        }
        return Optional.of(new Finding(Finding.Kind.SATURATION, Map.of(), items));
    }
}
