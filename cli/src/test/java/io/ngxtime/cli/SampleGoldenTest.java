package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report on each committed sample against the generator's ground truth (computed while generating,
 * never by parsing): counts exact, percentiles within the histogram's precision, the busiest second exact.
 */
class SampleGoldenTest {
    static Path samples() {
        Path p = Path.of(System.getProperty("ngxtime.testdata", "../testdata")).resolve("samples");
        return Files.isDirectory(p) ? p : Path.of("../testdata/samples");
    }

    @ParameterizedTest
    @ValueSource(strings = {"timing-small.log", "combined-small.log", "main-small.log", "upstreaminfo-small.log",
        "timing-week.log.gz"})
    void report_matchesTheGroundTruth(String sample) throws Exception {
        Path log = samples().resolve(sample);
        String base = sample.replace(".log.gz", "").replace(".log", "");
        JsonNode expected = new ObjectMapper().readTree(samples().resolve(base + ".expected.json").toFile());
        ReportCommandTest.Run run = ReportCommandTest.run("report", log.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode actual = run.json();

        assertThat(actual.get("requests").asLong()).isEqualTo(expected.get("requests").asLong());
        assertThat(actual.get("rejected").asLong()).isEqualTo(expected.get("rejected").asLong());
        assertThat(actual.get("status")).isEqualTo(expected.get("status"));
        OffsetDateTime first = OffsetDateTime.parse(expected.get("time").get("first").asText());
        if (!sample.startsWith("timing")) {
            first = first.withNano(0); // without $msec the log has whole seconds
        }
        assertThat(OffsetDateTime.parse(actual.get("time").get("first").asText())).isEqualTo(first);
        assertThat(actual.get("time").get("last").asText().substring(19))
                .as("zone offset kept as logged").endsWith(expected.get("time").get("first").asText().substring(23));
        JsonNode tiers = expected.get("tiers");
        long nginx = tiers.path("nginx").asLong();
        long cache = tiers.path("cache").asLong();
        long upstream = tiers.path("upstream").asLong();
        boolean logsUpstream = sample.startsWith("timing") || sample.startsWith("upstreaminfo");
        boolean logsCache = sample.startsWith("timing");
        JsonNode at = actual.get("tiers");
        if (logsUpstream && logsCache) {
            assertThat(at.get("nginx").get("requests").asLong()).isEqualTo(nginx);
            assertThat(at.get("cache").get("requests").asLong()).isEqualTo(cache);
        } else if (logsUpstream) {
            // without $upstream_cache_status a request with no attempt is nginx's or its cache's: both unknown
            assertThat(at.get("nginx").isNull()).isTrue();
            assertThat(at.get("cache").isNull()).isTrue();
            assertThat(at.get("nginx_or_cache").get("requests").asLong()).isEqualTo(nginx + cache);
        } else {
            // no upstream variable at all: which tier answered is unknown for every request
            for (String tier : new String[] {"nginx", "cache", "upstream"}) {
                assertThat(at.get(tier).isNull()).as(tier).isTrue();
            }
            assertThat(at.get("unknown").get("requests").asLong()).isEqualTo(nginx + cache + upstream);
            assertThat(actual.get("upstreams").size()).isZero();
            assertThat(actual.get("retried_requests").isNull()).isTrue();
        }
        if (logsUpstream) {
            assertThat(at.get("upstream").get("requests").asLong()).isEqualTo(upstream);
            JsonNode byAddress = expected.get("upstream").get("attemptsByAddress");
            assertThat(byAddress.size()).as("the ground truth names the backends").isPositive();
            for (Iterator<Map.Entry<String, JsonNode>> it = byAddress.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().asLong() == 0) {
                    assertThat(actual.get("upstreams").has(e.getKey())).isFalse();
                    continue;
                }
                assertThat(actual.get("upstreams").get(e.getKey()).get("attempts").asLong()).as(e.getKey())
                        .isEqualTo(e.getValue().asLong());
            }
            assertThat(actual.get("upstream_exceeds_request").asLong())
                    .isEqualTo(expected.get("upstream").get("upstreamExceedsRequest").asLong());
        }
        JsonNode rt = expected.get("requestTime");
        if (rt.get("count").asLong() > 0 && !actual.get("request_time_ms").isNull()) {
            // the generator writes whole milliseconds, so nearest-rank values are whole; HdrHistogram: within 0.1%
            for (String p : new String[] {"p50", "p90", "p99"}) {
                double exact = rt.get(p + "Millis").asDouble();
                assertThat(actual.get("request_time_ms").get(p).asDouble()).as(p).isCloseTo(exact, within(exact * 0.001 + 0.001));
            }
            assertThat(actual.get("request_time_ms").get("max").asDouble()).isEqualTo(rt.get("maxMillis").asDouble());
        }
        JsonNode busiest = expected.get("busiestSecond");
        assertThat(actual.get("peaks").get(0).get("requests").asLong()).isEqualTo(busiest.get("requests").asLong());
        assertThat(OffsetDateTime.parse(actual.get("peaks").get(0).get("second").asText()))
                .isEqualTo(OffsetDateTime.parse(busiest.get("time").asText()));
    }
}
