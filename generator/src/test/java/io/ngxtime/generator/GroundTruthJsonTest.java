package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthJsonTest {

    @Test
    void toJson_hasTheKeysAnalyzersCompareAgainst() throws IOException {
        GroundTruth t = LogGenerator.generate(TestFormats.hour(Preset.TIMING.format(), 31), new ByteArrayOutputStream());
        JsonNode j = new ObjectMapper().readTree(t.toJson());
        assertThat(j.get("requests").asLong()).isEqualTo(t.requests());
        assertThat(j.get("rejected").asLong()).isEqualTo(t.rejected());
        assertThat(j.get("lines").asLong()).isEqualTo(t.lines());
        long statusSum = 0;
        for (Map.Entry<String, JsonNode> e : j.get("status").properties()) {
            assertThat(e.getValue().asLong()).isEqualTo(t.requestsWithStatus(Integer.parseInt(e.getKey())));
            statusSum += e.getValue().asLong();
        }
        assertThat(statusSum).isEqualTo(t.requests());
        assertThat(j.at("/time/first").asText()).isEqualTo(GroundTruthJson.time(t.firstRequestTime()))
                .matches("2026-10-07T14:00:\\d\\d\\.\\d{3}-07:00");
        assertThat(j.at("/time/last").asText()).startsWith("2026-10-07T14:59:");
        assertThat(j.at("/tiers/nginx").asLong() + j.at("/tiers/cache").asLong() + j.at("/tiers/upstream").asLong())
                .isEqualTo(t.requests());
        assertThat(j.at("/upstream/attemptsByAddress/10.0.1.1:8080").asLong()).isPositive();
        assertThat(j.get("peaks")).hasSize(1);
        assertThat(j.at("/peaks/0/referer").asText()).isEqualTo("https://partner.example/deal");
        assertThat(j.at("/spike/requests").asInt()).isEqualTo(t.spike().requests());
        assertThat(j.get("requestsPerMinute")).hasSize(60);
        assertThat(j.at("/generator/seed").asLong()).isEqualTo(31);
    }

    @Test
    void toJson_deterministicTextWithNewlineEndings() throws IOException {
        GeneratorConfig c = TestFormats.hour(Preset.MAIN.format(), 32);
        String a = LogGenerator.generate(c, new ByteArrayOutputStream()).toJson();
        String b = LogGenerator.generate(c, new ByteArrayOutputStream()).toJson();
        assertThat(a).isEqualTo(b).endsWith("}\n").doesNotContain("\r");
    }
}
