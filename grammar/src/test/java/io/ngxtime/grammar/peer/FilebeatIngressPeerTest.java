package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LogRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Filebeat's nginx ingress_controller pipeline, as its expected JSON asserts it for the first 23 lines of
 * test.log.
 *
 * <p>Convention: Filebeat SUMS the response times of a request's attempts ({@code "0.100, 0.004"} becomes
 * {@code upstream.response.time 0.104}), which is our {@code upstreamTimeMicros()}; for the address, the
 * length and the status it keeps the LAST attempt, which is our last attempt; its {@code *_list} fields keep
 * every element in order, which are our attempts. A line with {@code - - - -} has no {@code upstream.*}
 * fields, which is our {@code attemptCount() == 0}.
 */
class FilebeatIngressPeerTest {
    private static final String P = "nginx.ingress_controller.";

    private static final String MULTI_ATTEMPT = "events with two attempts (0.100, 0.004 -> 0.104)";
    private static final String EVENTS = "events";

    @Test
    void expectedEvents_matchOurValues_sumOfTimes_lastAttemptForAddressLengthStatus() {
        PeerChecks checks = compare(PeerLogs.requireRoot());

        assertThat(checks.counted(EVENTS)).isEqualTo(23);
        assertThat(checks.counted(MULTI_ATTEMPT)).as(MULTI_ATTEMPT).isEqualTo(1);
        checks.assertAll(474);
    }

    static PeerChecks compare(Path root) {
        Path dir = root.resolve(PeerFolder.FILEBEAT_INGRESS.dir());
        Map<Long, String> lineAtOffset = new HashMap<>();
        long offset = 0;
        for (byte[] line : PeerLogs.lines(dir.resolve("test.log"))) {
            lineAtOffset.put(offset, new String(line, StandardCharsets.UTF_8));
            offset += line.length + 1;
        }
        JsonNode events = PeerLogs.json(dir.resolve("test.log-expected.EXTRACT.json"));
        PeerChecks checks = new PeerChecks("filebeat ingress_controller");

        for (JsonNode event : events) {
            long at = event.get("log.offset").asLong();
            String line = lineAtOffset.get(at);
            assertThat(line).as("a line starts at log.offset %d", at).isNotNull();
            LogRecord r = PeerChecks.parse(PeerFormat.UPSTREAMINFO.format(), line);
            String where = "test.log@" + at;
            int last = r.attemptCount() - 1;
            checks.count(EVENTS);
            if (r.attemptCount() > 1) {
                checks.count(MULTI_ATTEMPT);
            }

            for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode v = e.getValue();
                switch (key) {
                    case "log.offset" -> { }
                    case "@timestamp" -> checks.instant(where, key, Instant.parse(v.asText()), r.timeMillis());
                    case "http.request.method" -> checks.equal(where, key, v.asText(), r.method());
                    case "http.request.referrer" -> checks.equal(where, key, v.asText(), r.referer());
                    case "http.response.body.bytes" -> checks.number(where, key, v.asDouble(), r.bodyBytesSent());
                    case "http.response.status_code" -> checks.number(where, key, v.asDouble(), r.status());
                    case "source.address" -> checks.equal(where, key, v.asText(), r.remoteAddr());
                    case "url.original" -> checks.equal(where, key, v.asText(), r.path());
                    case P + "http.request.id" -> checks.equal(where, key, v.asText(), r.variable("req_id"));
                    case P + "http.request.length" -> checks.number(where, key, v.asDouble(), r.requestLength());
                    case P + "http.request.time" -> checks.seconds(where, key, v.asDouble(), r.requestTimeMicros());
                    case P + "remote_ip_list" -> checks.equal(where, key, strings(v), List.of(r.remoteAddr()));
                    case P + "upstream.name" -> checks.equal(where, key, v.asText(), r.variable("proxy_upstream_name"));
                    case P + "upstream.alternative_name" ->
                            checks.equal(where, key, v.asText(), r.variable("proxy_alternative_upstream_name"));
                    // the last attempt
                    case P + "upstream.ip" -> checks.equal(where, key + " (last)", v.asText(), host(r.attemptAddress(last)));
                    case P + "upstream.port" -> checks.equal(where, key + " (last)", v.asText(), port(r.attemptAddress(last)));
                    case P + "upstream.response.length" ->
                            checks.number(where, key + " (last)", v.asDouble(), r.attemptResponseLength(last));
                    case P + "upstream.response.status_code" ->
                            checks.number(where, key + " (last)", v.asDouble(), r.attemptStatus(last));
                    // the sum
                    case P + "upstream.response.time" ->
                            checks.seconds(where, key + " (sum)", v.asDouble(), r.upstreamTimeMicros());
                    // every attempt
                    case P + "upstream_address_list" -> checks.equal(where, key, strings(v), attempts(r, r::attemptAddress));
                    case P + "upstream.response.time_list" ->
                            checks.equal(where, key, micros(v), attempts(r, r::attemptResponseMicros));
                    case P + "upstream.response.length_list" ->
                            checks.equal(where, key, longs(v), attempts(r, r::attemptResponseLength));
                    case P + "upstream.response.status_code_list" ->
                            checks.equal(where, key, longs(v), attempts(r, i -> (long) r.attemptStatus(i)));
                    default -> throw new AssertionError("unmapped Filebeat field " + key + " (" + where + ")");
                }
            }
            if (!event.has(P + "upstream_address_list")) {
                // "- - - -": Filebeat writes no upstream.* fields; we record no attempt and no upstream time
                checks.equal(where, "no upstream.* fields: attemptCount", 0, r.attemptCount());
                checks.equal(where, "no upstream.* fields: upstreamTimeMicros", -1L, r.upstreamTimeMicros());
            }
        }
        return checks;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(Long.parseLong(n.asText())));
        return out;
    }

    private static List<Long> micros(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(new java.math.BigDecimal(n.asText()).movePointRight(6).longValueExact()));
        return out;
    }

    private static <T> List<T> attempts(LogRecord r, IntFunction<T> value) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < r.attemptCount(); i++) {
            out.add(value.apply(i));
        }
        return out;
    }

    /** {@code 172.17.0.5:8080} -> {@code 172.17.0.5}; {@code [2a02::1]:80} -> {@code 2a02::1}. */
    static String host(String address) {
        String h = address.substring(0, address.lastIndexOf(':'));
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    static String port(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }
}
