package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The peaks of each committed sample against the generator's ground truth: every injected flash crowd is
 * one reported peak whose surge holds the crowd's plateau and starts and ends within
 * {@link #EDGE_TOLERANCE_SECONDS} of the crowd; the injected one-second spike is a short surge of its own;
 * no surge holds another peak's busiest second or leaves the log; every baseline is taken from the log's
 * own minutes (main-small's crowd starts six minutes into the log, so its baseline is the hour after).
 * No other peak is reported (the traffic around the crowds is random, not a peak). Each crowd's driver is
 * the referrer the generator sent it from, not the client network it came from; every listed value
 * passes the attribution's minimum excess.
 */
class SamplePeaksTest {
    /**
     * Surges are whole minutes above a threshold, and a crowd ramps up over its first quarter and down over
     * its last 35% (the generator's CrowdPlan): its first and last minute or two are below the threshold.
     */
    static final long EDGE_TOLERANCE_SECONDS = 180;
    /** The median of per-minute counts at 4 to 11 req/min is a whole number, below the mean. */
    static final double BASELINE_TOLERANCE_PER_SECOND = 2 / 60.0;

    record Surge(long second, long start, long end, long baselineStart, long baselineEnd, JsonNode json) {
        boolean holds(long s) {
            return s >= start && s < end;
        }
    }

    static long epoch(JsonNode instant) {
        return OffsetDateTime.parse(instant.asText()).toEpochSecond();
    }

    @ParameterizedTest
    @ValueSource(strings = {"timing-small.log", "combined-small.log", "main-small.log", "upstreaminfo-small.log",
        "timing-week.log.gz"})
    void peaks_matchTheInjectedCrowdsAndSpike(String sample) throws Exception {
        String base = sample.replace(".log.gz", "").replace(".log", "");
        JsonNode expected = new ObjectMapper().readTree(SampleGoldenTest.samples().resolve(base + ".expected.json").toFile());
        ReportCommandTest.Run run = ReportCommandTest.run("report", SampleGoldenTest.samples().resolve(sample).toString(),
                "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode actual = run.json();
        long logFrom = epoch(actual.get("time").get("first"));
        long logTo = epoch(actual.get("time").get("last")) + 1;
        boolean timed = !actual.get("request_time_ms").isNull() && actual.get("request_time_ms").get("count").asLong() > 0;

        List<Surge> surges = new ArrayList<>();
        for (JsonNode p : actual.get("peaks")) {
            surges.add(new Surge(epoch(p.get("second")), epoch(p.get("start")), epoch(p.get("end")),
                    epoch(p.get("baseline_start")), epoch(p.get("baseline_end")), p));
        }
        assertThat(surges).isNotEmpty();
        for (Surge s : surges) {
            String name = "peak at " + s.json().get("second").asText();
            assertThat(s.holds(s.second())).as(name).isTrue();
            assertThat(s.start()).as(name + ": surge starts in the log").isGreaterThanOrEqualTo(logFrom);
            assertThat(s.end()).as(name + ": surge ends in the log").isLessThanOrEqualTo(logTo);
            for (Surge o : surges) {
                if (o != s) {
                    assertThat(s.holds(o.second())).as(name + " holds the peak at " + o.json().get("second").asText())
                            .isFalse();
                }
            }
            // the baseline: the log's own minutes, beside the surge, and the before figures from it
            assertThat(s.baselineStart()).as(name).isGreaterThanOrEqualTo(logFrom);
            assertThat(s.baselineEnd()).as(name).isLessThanOrEqualTo(logTo);
            assertThat(s.baselineEnd() == s.start() || s.baselineStart() == s.end()).as(name + ": baseline beside the surge")
                    .isTrue();
            assertThat(s.baselineEnd() - s.baselineStart()).as(name + ": baseline length").isGreaterThanOrEqualTo(10 * 60);
            assertThat(s.json().get("baseline_per_second").asDouble()).as(name).isPositive();
            assertThat(s.json().get("requests_before").asLong()).as(name).isPositive();
            if (timed) {
                assertThat(s.json().get("p99_ms").get("before").asDouble()).as(name).isPositive();
            }
        }

        for (JsonNode crowd : expected.get("peaks")) {
            long from = epoch(crowd.get("start"));
            long to = epoch(crowd.get("end"));
            String name = "crowd " + crowd.get("start").asText() + " to " + crowd.get("end").asText();
            List<Surge> matching = surges.stream().filter(s -> s.start() < to && s.end() > from).toList();
            assertThat(matching).as(name + ": reported as one peak").hasSize(1);
            Surge s = matching.get(0);
            long duration = to - from;
            long plateauFrom = from + duration / 4;
            long plateauTo = to - duration * 35 / 100;
            assertThat(s.start()).as(name + ": surge start").isLessThanOrEqualTo(plateauFrom)
                    .isBetween(from - EDGE_TOLERANCE_SECONDS, from + EDGE_TOLERANCE_SECONDS);
            assertThat(s.end()).as(name + ": surge end").isGreaterThanOrEqualTo(plateauTo)
                    .isBetween(to - EDGE_TOLERANCE_SECONDS, to + EDGE_TOLERANCE_SECONDS);
            long overlap = Math.max(0, Math.min(s.baselineEnd(), to) - Math.max(s.baselineStart(), from));
            assertThat(overlap).as(name + ": baseline outside the crowd but for a ramp's edge")
                    .isLessThanOrEqualTo(EDGE_TOLERANCE_SECONDS);
            assertThat(s.json().get("baseline_per_second").asDouble()).as(name + ": baseline rate")
                    .isCloseTo(crowd.get("baselinePerSecond").asDouble(),
                            org.assertj.core.api.Assertions.within(BASELINE_TOLERANCE_PER_SECOND));
            JsonNode driver = s.json().get("driver");
            assertThat(driver.get("dimension").asText()).as(name + ": driver " + driver).isEqualTo("referrer");
            assertThat(driver.get("value").asText()).as(name).isEqualTo(crowd.get("referer").asText());
        }
        assertThat(surges).as("the crowds and the spike, nothing else").hasSize(expected.get("peaks").size() + 1);
        for (Surge s : surges) {
            for (JsonNode items : s.json().get("attribution")) {
                for (JsonNode item : items) {
                    assertThat(item.get("excess_requests").asLong()).as(item.toString()).isGreaterThanOrEqualTo(5);
                    assertThat(item.get("share_during").asDouble() - item.get("share_before").asDouble())
                            .as(item.toString()).isGreaterThanOrEqualTo(0.02 - 1e-12);
                }
            }
        }

        long spike = epoch(expected.get("spike").get("time"));
        Surge top = surges.get(0);
        assertThat(top.second()).isEqualTo(spike);
        assertThat(top.end() - top.start()).as("the one-second spike's surge").isLessThanOrEqualTo(120);
    }

    @Test
    void weekChart_labelsEachCrowdWithItsReferrer_andItsAxisReachesTheBusiestSecond(@TempDir Path dir) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(SampleGoldenTest.samples().resolve("timing-week.expected.json")
                .toFile());
        Path svg = dir.resolve("week.svg");
        ReportCommandTest.Run run = ReportCommandTest.run("week",
                SampleGoldenTest.samples().resolve("timing-week.log.gz").toString(), "-o", svg.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String text = Files.readString(svg);
        int from = text.indexOf("id=\"week-peaks\"");
        assertThat(from).isPositive();
        int next = text.indexOf(" id=\"week-", from + 1); // the next chart group, if any
        String peaks = text.substring(from, next < 0 ? text.length() : next);
        for (JsonNode crowd : expected.get("peaks")) {
            assertThat(peaks).contains("referrer " + crowd.get("referer").asText());
        }
        assertThat(peaks.split(java.util.regex.Pattern.quote("referrer https://partner.example/deal"), -1))
                .as("one label per crowd").hasSize(expected.get("peaks").size() + 1);
        assertThat(peaks).doesNotContain("client network");
        long busiest = expected.get("busiestSecond").get("requests").asLong();
        assertThat(text).contains(String.format("up to the busiest second (%d req/s)", busiest));
    }
}
