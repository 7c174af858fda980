package io.ngxtime.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertEvaluation;
import io.ngxtime.analyzer.live.AlertSeverity;
import io.ngxtime.analyzer.live.LiveView;
import io.ngxtime.analyzer.live.LiveWindow;
import io.ngxtime.analyzer.live.Surge;
import io.ngxtime.analyzer.report.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@code tail --json}: the keys issue 12 spells out ({@code time} with its offset, {@code requests_total},
 * {@code requests_per_second} by log time, {@code alerts}), unknown rates null (not 0), the report's keys after
 * them with its time range as {@code window_time}.
 */
class JsonOutputTest {
    private static final Report EMPTY = new LiveWindow(60, 2, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord())
            .view(0, "access.log", "combined").report();
    private static final OffsetDateTime LOG_TIME = OffsetDateTime.parse("2026-10-09T15:58:20-07:00");

    private static LiveSession.Frame frame(OptionalDouble rate, Optional<Surge> surge, boolean catchingUp) {
        LiveView v = new LiveView(LOG_TIME, true, EMPTY, rate, 4_000, rate, 60, new double[] {1, 2}, surge, catchingUp,
                catchingUp ? Optional.of(Duration.ofMinutes(3)) : Optional.empty());
        LiveSession.FileStatus s = new LiveSession.FileStatus("access.log", false, 1, 0, 10, 1, 40_000,
                OptionalLong.of(1500), !catchingUp);
        return new LiveSession.Frame(v, Map.of("access.log", v), List.of(s), 40_000, 10, 1, OptionalLong.of(1500));
    }

    private static JsonNode render(LiveSession.Frame f, AlertEvaluation alerts) throws Exception {
        StringWriter w = new StringWriter();
        List<String> stderr = new ArrayList<>();
        new JsonOutput(new PrintWriter(w), stderr::add, () -> OffsetDateTime.parse("2026-10-09T23:58:21Z")).frame(f, alerts);
        assertThat(w.toString().lines()).hasSize(1);
        return new ObjectMapper().readTree(w.toString());
    }

    @Test
    void frame_hasTheLiveKeys_thenTheReportsKeys() throws Exception {
        Alert fired = new Alert("5xx>2%", "3.41%", "2%", "", LOG_TIME, AlertSeverity.CRITICAL);
        JsonNode json = render(frame(OptionalDouble.of(2000), Optional.empty(), false),
                new AlertEvaluation(List.of(fired), List.of(), List.of()));

        assertThat(json.get("time").asText()).isEqualTo("2026-10-09T15:58:20-07:00");
        assertThat(json.get("requests_total").asLong()).isEqualTo(40_000);
        assertThat(json.get("requests_per_second").asDouble()).isEqualTo(2000.0);
        assertThat(json.get("alerts")).hasSize(1);
        assertThat(json.get("alerts").get(0).get("rule").asText()).isEqualTo("5xx>2%");
        assertThat(json.get("alerts").get(0).get("value").asText()).isEqualTo("3.41%");
        assertThat(json.get("alerts").get(0).get("since").asText()).isEqualTo("2026-10-09T15:58:20-07:00");
        assertThat(json.get("catching_up").asBoolean()).isFalse();
        assertThat(json.get("behind_seconds").isNull()).isTrue();
        assertThat(json.get("files").get(0).get("rotations").asLong()).isEqualTo(1);
        assertThat(json.get("files").get(0).get("seconds_since_last_line").asDouble()).isEqualTo(1.5);
        // the report's keys, its time range renamed so that "time" is the frame's
        assertThat(json.get("requests").asLong()).isZero();
        assertThat(json.get("window_time").has("first")).isTrue();
        assertThat(json.has("tiers")).isTrue();
    }

    @Test
    void noAlert_isAnEmptyList_andAnUncoveredRate_isNull_not0() throws Exception {
        JsonNode json = render(frame(OptionalDouble.empty(), Optional.empty(), true),
                new AlertEvaluation(List.of(), List.of(), List.of()));

        assertThat(json.get("alerts").isArray()).isTrue();
        assertThat(json.get("alerts")).isEmpty();
        assertThat(json.get("requests_per_second").isNull()).isTrue();
        assertThat(json.get("catching_up").asBoolean()).isTrue();
        assertThat(json.get("behind_seconds").asDouble()).isEqualTo(180.0);
        assertThat(json.get("surge").isNull()).isTrue();
    }

    @Test
    void surge_isItsRatesAndFactor() throws Exception {
        JsonNode json = render(frame(OptionalDouble.of(20), Optional.of(new Surge(20, 5)), false),
                new AlertEvaluation(List.of(), List.of(), List.of()));

        assertThat(json.get("surge").get("last_per_second").asDouble()).isEqualTo(20.0);
        assertThat(json.get("surge").get("median_per_second").asDouble()).isEqualTo(5.0);
        assertThat(json.get("surge").get("factor").asDouble()).isEqualTo(4.0);
    }
}
