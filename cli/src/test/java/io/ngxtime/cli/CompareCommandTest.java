package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.generator.GeneratorConfig;
import io.ngxtime.generator.GroundTruth;
import io.ngxtime.generator.LogGenerator;
import io.ngxtime.generator.RouteSlowdown;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ngxtime compare A --vs B} (issue 17, item 3) against generated truth: two runs of the generator with
 * the same seed, the second with one route three times slower ({@code generate --slow-route}), so every
 * other figure is equal and the route's percentiles are exactly three times A's; a run twice as long at the
 * same rate; and the command line's contracts (usage errors, unreadable inputs, files written).
 */
class CompareCommandTest {
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-10-07T14:00:00-07:00");
    /** The route histograms' precision: a quantile is within 3.2% of the exact value (LogHistogram). */
    private static final double ROUTE_PRECISION = 0.032;

    @TempDir
    static Path dir;
    static Path before;
    static Path after;

    private static GeneratorConfig hour(long seed) {
        return GeneratorConfig.defaults().withStart(START).withDuration(Duration.ofHours(1)).withBaseRatePerSecond(1.5)
                .withSeed(seed).withPeaks(0).withSpike(false);
    }

    @BeforeAll
    static void runs() throws Exception {
        before = dir.resolve("before.log");
        after = dir.resolve("after.log");
        LogGenerator.generate(hour(21), before, false);
        LogGenerator.generate(hour(21).withSlowdowns(List.of(RouteSlowdown.parse("/api/users/=3"))), after, false);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l;
    }

    @Test
    void compare_routeMadeThreeTimesSlower_leadsTheRoutes_withItsFactorWithinTheHistogramsPrecision() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("compare", before.toString(), "--vs", after.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode first = j.get("routes").get(0);
        assertThat(first.get("subject").asText()).as(j.get("routes").toString()).isEqualTo("/api/users/:id");
        assertThat(first.get("metric").asText()).isEqualTo("p99 ms");
        double low = 3 * (1 - ROUTE_PRECISION) / (1 + ROUTE_PRECISION);
        double high = 3 * (1 + ROUTE_PRECISION) / (1 - ROUTE_PRECISION);
        assertThat(first.get("ratio").asDouble()).isBetween(low, high);
        // the same requests: no other route moved at all, and no count anywhere
        for (JsonNode ch : list(j.get("routes")).subList(1, j.get("routes").size())) {
            assertThat(ch.get("weight").asDouble()).as(ch.toString()).isZero();
        }
        for (String section : List.of("changes", "upstreams", "routes")) {
            for (JsonNode ch : j.get(section)) {
                if (ch.get("kind").asText().equals("count")) {
                    assertThat(ch.get("ratio").asDouble()).as(ch.toString()).isEqualTo(1.0);
                }
            }
        }
        assertThat(j.get("before").get("run").asText()).isEqualTo("A");
        assertThat(j.get("after").get("run").asText()).isEqualTo("B");
        assertThat(j.get("before").get("inputs").get(0).asText()).isEqualTo(before.toString());
        assertThat(j.get("after").get("inputs").get(0).asText()).isEqualTo(after.toString());
        assertThat(j.get("before_empty").asBoolean()).isFalse();
    }

    @Test
    void compare_aRunWithItself_changesNothing() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("compare", before.toString(), "--vs", before.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        int changes = 0;
        for (String section : List.of("changes", "upstreams", "routes")) {
            for (JsonNode ch : j.get(section)) {
                changes++;
                assertThat(ch.get("weight").asDouble()).as(ch.toString()).isZero();
                if (!ch.get("ratio").isNull() && !(ch.get("before").asDouble() == 0 && ch.get("kind").asText().equals("share"))) {
                    assertThat(ch.get("ratio").asDouble()).as(ch.toString()).isEqualTo(1.0);
                }
            }
        }
        assertThat(changes).as("the figures are compared, and equal").isGreaterThan(10);

        ReportCommandTest.Run text = ReportCommandTest.run("compare", before.toString(), "--vs", before.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("none: every count, time and share of B is A's");
    }

    @Test
    void compare_runTwiceAsLongAtTheSameRate_comparesCountsPerSecondOfEachRun() throws Exception {
        // the daily rhythm peaks at 15:00: an hour and two hours centred on it have nearly the same mean rate
        OffsetDateTime aStart = OffsetDateTime.parse("2026-10-07T14:30:00-07:00");
        OffsetDateTime bStart = OffsetDateTime.parse("2026-10-07T14:00:00-07:00");
        Path a = dir.resolve("hour.log");
        Path b = dir.resolve("two-hours.log");
        GroundTruth ta = LogGenerator.generate(hour(31).withStart(aStart), a, false);
        GroundTruth tb = LogGenerator.generate(hour(32).withStart(bStart).withDuration(Duration.ofHours(2)), b, false);
        ReportCommandTest.Run r = ReportCommandTest.run("compare", a.toString(), "--vs", b.toString(), "--json",
                "--from", aStart.toString(), "--to", aStart.plusHours(1).toString(),
                "--vs-from", bStart.toString(), "--vs-to", bStart.plusHours(2).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("before").get("seconds").asLong()).isEqualTo(3600);
        assertThat(j.get("after").get("seconds").asLong()).isEqualTo(7200);
        assertThat(j.get("before").get("requests").asLong()).isEqualTo(ta.requests());
        assertThat(j.get("after").get("requests").asLong()).isEqualTo(tb.requests());
        JsonNode all = null;
        for (JsonNode ch : j.get("changes")) {
            if (ch.get("subject").asText().equals("all") && ch.get("metric").asText().equals("requests")) {
                all = ch;
            }
        }
        assertThat(all).isNotNull();
        double truth = (tb.requests() / 7200.0) / (ta.requests() / 3600.0);
        assertThat(all.get("ratio").asDouble()).isCloseTo(truth, within(1e-12));
        assertThat(all.get("ratio").asDouble()).as("the same rate: ~1, not 2").isCloseTo(1.0, within(0.05));
        assertThat(all.get("excess_requests").asDouble()).isCloseTo(tb.requests() - ta.requests() * 2.0, within(1e-6));
    }

    @Test
    void compare_text_saysWhichRunIsBeforeAndAfter() {
        ReportCommandTest.Run r = ReportCommandTest.run("compare", before.toString(), "--vs", after.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("A is the before, B the after").contains("A before").contains("B after")
                .contains("route /api/users/:id p99 ms");
        assertThat(r.err()).contains("ngxtime: A: log format: timing").contains("ngxtime: B: log format: timing");
    }

    @Test
    void compare_withoutVs_isAUsageError() {
        ReportCommandTest.Run r = ReportCommandTest.run("compare", before.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--vs");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void compare_standardInputOnBothSides_isAUsageError() {
        ReportCommandTest.Run r = ReportCommandTest.run("compare", "-", "--vs", "-");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("standard input");
    }

    @Test
    void compare_unreadableRun_exits74WithOneLine() {
        Path missing = dir.resolve("missing.log");
        ReportCommandTest.Run r = ReportCommandTest.run("compare", before.toString(), "--vs", missing.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.IO);
        assertThat(r.err()).contains(missing.toString()).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void compare_chartAndHtml_drawBothRunsCurves() throws Exception {
        Path png = dir.resolve("curves.png");
        Path html = dir.resolve("compare.html");
        ReportCommandTest.Run r = ReportCommandTest.run("compare", before.toString(), "--vs", after.toString(),
                "--chart", png.toString(), "--size", "800x400", "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        int drawn = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                drawn += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels drawn").isGreaterThan(2000);
        String page = Files.readString(html);
        assertThat(page).contains("<svg").contains("compare-latency-all-a").contains("compare-latency-all-b")
                .contains("/api/users/:id").doesNotContain("<script");
    }
}
