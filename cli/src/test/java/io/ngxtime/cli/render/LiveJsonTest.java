package io.ngxtime.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngxtime.analyzer.live.LiveWindow;
import io.ngxtime.analyzer.live.Surge;
import io.ngxtime.analyzer.report.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code tail --json} reports the surge the terminal view flags (issue 13: LiveRenderer alone detected it). */
class LiveJsonTest {
    private static final Report EMPTY_VIEW = new LiveWindow(1, 1, io.ngxtime.analyzer.aggregate.RequestFilter.ALL,
            LiveWindow.Coverage.fromFirstRecord()).view(0, "access.log", "combined").report();

    private static JsonNode render(Optional<Surge> surge) throws Exception {
        StringWriter w = new StringWriter();
        new JsonReportRenderer(false, false).renderLive(EMPTY_VIEW, surge, new PrintWriter(w));
        assertThat(w.toString().lines()).hasSize(1);
        return new ObjectMapper().readTree(w.toString());
    }

    @Test
    void renderLive_surge_isItsRatesAndFactor_afterTheReportKeys() throws Exception {
        JsonNode json = render(Optional.of(new Surge(20, 5)));

        assertThat(json.get("surge").get("last_per_second").asDouble()).isEqualTo(20.0);
        assertThat(json.get("surge").get("median_per_second").asDouble()).isEqualTo(5.0);
        assertThat(json.get("surge").get("factor").asDouble()).isEqualTo(4.0);
        assertThat(json.get("requests").asLong()).isZero();
    }

    @Test
    void renderLive_noSurge_isNull() throws Exception {
        JsonNode json = render(Optional.empty());

        assertThat(json.has("surge")).isTrue();
        assertThat(json.get("surge").isNull()).isTrue();
    }
}
