package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saturation estimate against the generator's truth ({@code generate --saturate ADDR=RPS}): twelve
 * hours from 03:00, the quietest hour, to 15:00, the busiest, so each group-A server's load sweeps from about
 * 0.3 to 3 attempts/s. A server made to slow down above 2 attempts/s has its knee reported within 20% of
 * 2, and the finding names it; the servers that never slow down, and one whose knee (6 attempts/s) is
 * twice the busiest minute, are reported as not reached: {@code rps} null.
 */
class SaturationOnGeneratedLogTest {
    @TempDir
    Path dir;

    private JsonNode report(String saturate) throws Exception {
        Path log = dir.resolve("saturating.log");
        ReportCommandTest.Run gen = ReportCommandTest.run("generate", "--start", "2026-10-05T03:00:00-07:00", "--hours",
                "12", "--rate", "10", "--peaks", "0", "--no-spike", "--saturate", saturate, "--out", log.toString());
        assertThat(gen.exit()).as(gen.err()).isZero();
        ReportCommandTest.Run run = ReportCommandTest.run("report", log.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        return run.json();
    }

    @Test
    void aServerSlowingAbove2AttemptsPerSecond_hasItsKneeReportedWithin20Percent_andNamedByTheFinding() throws Exception {
        JsonNode json = report("10.0.1.1:8080=2");
        JsonNode s = json.get("upstreams").get("10.0.1.1:8080").get("saturation");
        assertThat(s.get("rps").isNumber()).as(s.toString()).isTrue();
        assertThat(s.get("rps").asDouble()).as(s.toString()).isCloseTo(2.0, within(0.4));
        assertThat(s.get("confidence").asDouble()).as(s.toString()).isGreaterThanOrEqualTo(0.5);
        assertThat(s.get("busiest_minute_rps").asDouble()).isGreaterThan(2.0);
        assertThat(s.get("headroom").asDouble()).isNegative();
        for (String other : List.of("10.0.1.2:8080", "10.0.1.3:8080")) {
            JsonNode o = json.get("upstreams").get(other).get("saturation");
            assertThat(o.get("rps").isNull()).as(other + ": " + o).isTrue();
        }
        List<String> saturating = new ArrayList<>();
        for (JsonNode f : json.get("findings")) {
            if (f.get("kind").asText().equals("saturation")) {
                f.get("data").forEach(d -> saturating.add(d.get("subject").asText()));
                assertThat(f.get("detail").asText()).startsWith("10.0.1.1:8080 saturates first");
            }
        }
        assertThat(saturating).containsExactly("10.0.1.1:8080");
    }

    @Test
    void aKneeAboveEveryLoadTheLogReached_isReportedAsNotReached() throws Exception {
        JsonNode json = report("10.0.1.1:8080=6");
        for (String server : List.of("10.0.1.1:8080", "10.0.1.2:8080", "10.0.1.3:8080")) {
            JsonNode s = json.get("upstreams").get(server).get("saturation");
            assertThat(s.isObject()).as(server).isTrue();
            assertThat(s.get("rps").isNull()).as(server + ": " + s).isTrue();
            assertThat(s.get("headroom").isNull()).isTrue();
            assertThat(s.get("busiest_minute_rps").asDouble()).isLessThan(6.0);
        }
        for (JsonNode f : json.get("findings")) {
            assertThat(f.get("kind").asText()).isNotEqualTo("saturation");
        }
    }
}
