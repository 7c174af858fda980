package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LogRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Datadog's nginx_ingress_controller log pipeline, as its YAML tests assert it for the 8 access-log samples.
 *
 * <p>Convention: Datadog keeps the FIRST value of every upstream list and ignores {@code -}
 * ({@code "0.012, 0.013"} gives {@code upstream_duration 0.012}). That is our first attempt; it equals our
 * {@code upstreamTimeMicros()} (the sum) only on lines with a single attempt that has a time, so the sum is
 * compared on those lines only. {@code duration} is {@code $request_time} in nanoseconds. A line with
 * {@code [] - - - -} has no upstream fields at all: our {@code attemptCount() == 0}.
 */
class DatadogPeerTest {

    private static final String SUMS = "single-attempt lines whose upstream_duration is our sum";

    @Test
    void expectedResults_matchOurValues_firstAttempt_andSumOnSingleAttemptLines() {
        PeerChecks checks = compare(PeerLogs.requireRoot());

        checks.assertAll(145);
        assertThat(checks.counted(SUMS)).as(SUMS).isEqualTo(4);
    }

    static PeerChecks compare(Path root) {
        List<PeerLine> lines = PeerFolder.DATADOG.lines(root);
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.DATADOG.dir()).resolve("expected.EXTRACT.json"));
        assertThat(expected).hasSize(lines.size());
        PeerChecks checks = new PeerChecks("datadog");

        for (int i = 0; i < lines.size(); i++) {
            PeerLine line = lines.get(i);
            JsonNode test = expected.get(i);
            assertThat(test.get("sample").asText()).as("samples.log line %d is yaml test #%d", i + 1,
                    test.get("yaml_test_index").asInt()).isEqualTo(line.text());
            LogRecord r = PeerChecks.parse(line.format().format(), line.text());
            String where = "yaml test #" + test.get("yaml_test_index").asInt();
            Map<String, JsonNode> fields = new TreeMap<>();
            flatten("", test.get("result_custom_subset"), fields);
            fields.put("timestamp", test.get("timestamp"));

            for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                switch (key) {
                    case "timestamp", "date_access" ->
                            checks.instant(where, key, Instant.ofEpochMilli(v.asLong()), r.timeMillis());
                    case "duration" -> checks.number(where, key + " (ns)", v.asDouble(), r.requestTimeMicros() * 1000);
                    case "http.method" -> checks.equal(where, key, v.asText(), r.method());
                    case "http.url" -> checks.equal(where, key, v.asText(), r.path());
                    case "http.version" -> checks.equal(where, key, "HTTP/" + v.asText(), r.protocol());
                    case "http.referer" -> checks.equal(where, key, v.asText(), r.referer());
                    case "http.status_code" -> checks.number(where, key, v.asDouble(), r.status());
                    case "http.request_id" -> checks.equal(where, key, v.asText(), r.variable("req_id"));
                    case "network.bytes_written" -> checks.number(where, key, v.asDouble(), r.bodyBytesSent());
                    case "network.request_size" -> checks.number(where, key, v.asDouble(), r.requestLength());
                    case "network.client.ip" -> checks.equal(where, key, v.asText(), client(r));
                    case "proxy.name" -> checks.equal(where, key, v.asText(), r.variable("proxy_upstream_name"));
                    case "proxy.alternate_name" ->
                            checks.equal(where, key, v.asText(), r.variable("proxy_alternative_upstream_name"));
                    // the first attempt
                    case "http.upstream_duration" -> {
                        checks.seconds(where, key + " (first)", v.asDouble(), r.attemptResponseMicros(0));
                        if (r.attemptCount() == 1) {
                            checks.seconds(where, key + " (sum of the single attempt)", v.asDouble(),
                                    r.upstreamTimeMicros());
                            checks.count(SUMS);
                        }
                    }
                    case "http.upstream_status_code" -> checks.number(where, key + " (first)", v.asDouble(),
                            r.attemptStatus(0));
                    case "network.bytes_read" -> checks.number(where, key + " (first)", v.asDouble(),
                            r.attemptResponseLength(0));
                    case "network.destination.ip" -> checks.equal(where, key + " (first)", v.asText(),
                            FilebeatIngressPeerTest.host(r.attemptAddress(0)));
                    case "network.destination.port" -> checks.number(where, key + " (first)", v.asDouble(),
                            Long.parseLong(FilebeatIngressPeerTest.port(r.attemptAddress(0))));
                    // Datadog's own classification of the status, not a logged value
                    case "http.status_category", "status" -> { }
                    default -> throw new AssertionError("unmapped Datadog field " + key + " (" + where + ")");
                }
            }
            if (!fields.containsKey("http.upstream_duration")) {
                checks.equal(where, "no upstream fields: attemptCount", 0, r.attemptCount());
                checks.equal(where, "no upstream fields: upstreamTimeMicros", -1L, r.upstreamTimeMicros());
            }
        }
        return checks;
    }

    @Test
    void twoTimedAttempts_datadogKeepsTheFirst_weSumBoth() {
        PeerLine yaml8 = PeerFolder.DATADOG.lines(PeerLogs.requireRoot()).get(4);
        LogRecord r = PeerChecks.parse(yaml8.format().format(), yaml8.text());

        assertThat(yaml8.text()).contains(" 0.012, 0.013 ");
        assertThat(r.attemptResponseMicros(0)).isEqualTo(12_000); // Datadog's upstream_duration 0.012
        assertThat(r.upstreamTimeMicros()).isEqualTo(25_000);     // ours: 0.012 + 0.013
    }

    /** The client: {@code $remote_addr}, or in the older formats {@code $the_real_ip}. */
    private static String client(LogRecord r) {
        String ip = r.remoteAddr();
        return ip != null ? ip : r.variable("the_real_ip");
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }
}
