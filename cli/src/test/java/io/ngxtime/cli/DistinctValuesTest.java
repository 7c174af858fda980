package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.analyzer.aggregate.RouteAggregator;
import io.ngxtime.analyzer.aggregate.UpstreamAggregator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table that grows with distinct values is bounded, and says so when the bound was reached: a flood
 * of one-off paths, clients and upstream addresses marks routes, paths, clients and upstreams approximate,
 * while the counts that are not per value stay exact. (5 million of each under a 512 MB heap:
 * benchmarks/run-cardinality.sh.)
 */
class DistinctValuesTest {
    @TempDir
    static Path dir;

    /** {@code n} requests, each with its own path, client address and upstream address. */
    private static Path log(String name, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(String.format("10.%d.%d.%d - - [05/Dec/2026:10:%02d:%02d +0000] \"GET /item-%x/detail HTTP/1.1\" 200 512"
                            + " \"-\" \"curl\" rt=0.012 ua=\"172.16.%d.%d:8080\" us=\"200\" uct=\"0.001\" uht=\"0.010\""
                            + " urt=\"0.011\" ucs=- msec=%d.000", (i >> 16) & 255, (i >> 8) & 255, i & 255,
                    (i / 60) % 60, i % 60, i * 7919, (i >> 8) & 255, i & 255, 1796464800L + i % 3600));
        }
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    private static JsonNode report(Path f) throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--json", "--log-format", "timing");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json();
    }

    @Test
    void moreDistinctValuesThanKept_marksEachBoundedTableApproximate_andKeepsTotalsExact() throws Exception {
        int n = RouteAggregator.MAX_ROUTES + 500;
        JsonNode j = report(log("flood.log", n));
        assertThat(j.get("requests").asLong()).isEqualTo(n);
        assertThat(j.get("upstream_time_ms").get("count").asLong()).isEqualTo(n);
        assertThat(j.get("upstreams_approximate").asBoolean()).isTrue();
        assertThat(j.get("upstreams").size()).isLessThanOrEqualTo(UpstreamAggregator.MAX_UPSTREAMS);
        assertThat(j.get("routes").get("approximate").asBoolean()).isTrue();
        assertThat(j.get("paths").get("approximate").asBoolean()).isTrue();
        assertThat(j.get("clients").get("approximate").asBoolean()).isTrue();
    }

    @Test
    void fewerDistinctValuesThanKept_isExact() throws Exception {
        int n = 200;
        JsonNode j = report(log("few.log", n));
        assertThat(j.get("upstreams_approximate").asBoolean()).isFalse();
        assertThat(j.get("upstreams").size()).isEqualTo(n);
        long attempts = 0;
        for (JsonNode u : j.get("upstreams")) {
            attempts += u.get("attempts").asLong();
        }
        assertThat(attempts).isEqualTo(n);
        assertThat(j.get("routes").get("approximate").asBoolean()).isFalse();
        assertThat(j.get("clients").get("approximate").asBoolean()).isFalse();
    }

    @Test
    void theTerminalReport_saysTheUpstreamTableIsApproximate() throws Exception {
        Path f = log("flood-text.log", UpstreamAggregator.MAX_UPSTREAMS + 100);
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--log-format", "timing");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Upstreams  (approximate: more addresses than kept)");
    }
}
