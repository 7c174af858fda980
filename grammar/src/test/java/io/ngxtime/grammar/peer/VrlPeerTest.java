package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * VRL's {@code parse_nginx_log}, as its unit tests and doc examples assert it.
 *
 * <p>Convention: VRL's ingress regex reads ONE value per upstream field (it rejects lists), so on its
 * lines {@code upstream_response_time} is a single value, which is our {@code upstreamTimeMicros()} (a
 * sum of one); length and status are our only attempt. VRL omits fields logged as {@code -} (but keeps
 * {@code upstream_addr "-"}, and combined's referer and agent) and an empty {@code []} alternative
 * upstream; an omitted field is checked as {@code -} or empty in our record. VRL keeps nginx's
 * {@code \xHH} escapes as written, so text is compared with our raw span, not our decoded value.
 */
class VrlPeerTest {
    /** VRL's output keys and the variables they come from. */
    private static final Map<String, String> VARIABLE = Map.ofEntries(
            Map.entry("client", "remote_addr"), Map.entry("remote_addr", "remote_addr"),
            Map.entry("user", "remote_user"), Map.entry("remote_user", "remote_user"),
            Map.entry("request", "request"), Map.entry("referer", "http_referer"),
            Map.entry("http_referer", "http_referer"), Map.entry("agent", "http_user_agent"),
            Map.entry("http_user_agent", "http_user_agent"), Map.entry("compression", "gzip_ratio"),
            Map.entry("http_x_forwarded_for", "http_x_forwarded_for"), Map.entry("req_id", "req_id"),
            Map.entry("proxy_upstream_name", "proxy_upstream_name"),
            Map.entry("proxy_alternative_upstream_name", "proxy_alternative_upstream_name"),
            Map.entry("upstream_addr", "upstream_addr"), Map.entry("status", "status"),
            Map.entry("size", "body_bytes_sent"), Map.entry("body_bytes_size", "body_bytes_sent"),
            Map.entry("request_length", "request_length"), Map.entry("request_time", "request_time"),
            Map.entry("upstream_response_length", "upstream_response_length"),
            Map.entry("upstream_response_time", "upstream_response_time"),
            Map.entry("upstream_status", "upstream_status"));

    private static final String ERR_CASES = "VRL's Err cases";

    @Test
    void unitTestsAndDocExamples_matchOurValues_singleUpstreamValue_rawText() {
        PeerChecks checks = compare(PeerLogs.requireRoot());

        assertThat(checks.counted(ERR_CASES)).as(ERR_CASES).isEqualTo(1);
        checks.assertAll(195);
    }

    static PeerChecks compare(Path root) {
        JsonNode cases = PeerLogs.json(root.resolve(PeerFolder.VRL.dir()).resolve("cases.EXTRACT.json"));
        List<PeerLine> corpus = PeerFolder.VRL.lines(root);
        PeerChecks checks = new PeerChecks("vrl");

        for (JsonNode c : cases.get("unit_tests")) {
            check(c.get("name").asText(), c.get("format").asText(), c.get("line").asText(), c.get("want"),
                    corpus, checks);
        }
        for (JsonNode c : cases.get("doc_examples")) {
            check("doc example " + c.get("format").asText(), c.get("format").asText(), c.get("line").asText(),
                    c.get("result"), corpus, checks);
        }
        return checks;
    }

    private static void check(String where, String vrlFormat, String line, JsonNode want, List<PeerLine> corpus,
                             PeerChecks checks) {
        PeerFormat format = formatOf(vrlFormat, line, corpus);
        if (want.has("error")) {
            LineParser parser = format.format().newParser();
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            checks.equal(where, "rejected (VRL: " + want.get("error").asText() + ")", false,
                    parser.parse(b, 0, b.length, format.format().newRecord()));
            checks.count(ERR_CASES);
            return;
        }
        LogRecord r = PeerChecks.parse(format.format(), line);
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            seen.add(key);
            switch (key) {
                case "timestamp" -> checks.instant(where, key, Instant.parse(v.asText()), r.timeMillis());
                case "status" -> checks.number(where, key, v.asDouble(), r.status());
                case "size", "body_bytes_size" -> checks.number(where, key, v.asDouble(), r.bodyBytesSent());
                case "request_length" -> checks.number(where, key, v.asDouble(), r.requestLength());
                case "request_time" -> checks.seconds(where, key, v.asDouble(), r.requestTimeMicros());
                case "upstream_response_time" -> {
                    checks.equal(where, "one attempt", 1, r.attemptCount());
                    checks.seconds(where, key + " (sum of one)", v.asDouble(), r.upstreamTimeMicros());
                }
                case "upstream_response_length" -> checks.number(where, key, v.asDouble(), r.attemptResponseLength(0));
                case "upstream_status" -> checks.number(where, key, v.asDouble(), r.attemptStatus(0));
                case "upstream_addr" -> {
                    checks.equal(where, key, v.asText(), raw(r, "upstream_addr"));
                    if (v.asText().equals("-")) {
                        checks.equal(where, "upstream_addr \"-\": attemptCount", 0, r.attemptCount());
                    }
                }
                default -> {
                    String variable = VARIABLE.get(key);
                    if (variable == null) {
                        throw new AssertionError("unmapped VRL field " + key + " (" + where + ")");
                    }
                    checks.equal(where, key, v.asText(), raw(r, variable));
                }
            }
        }
        // VRL omits "-" (and an empty alternative upstream): those keys must be "-" or empty in our record
        for (Map.Entry<String, String> e : VARIABLE.entrySet()) {
            String variable = e.getValue();
            if (!seen.contains(e.getKey()) && r.format().has(variable) && keyBelongsTo(e.getKey(), vrlFormat)) {
                String value = raw(r, variable);
                checks.equal(where, e.getKey() + " omitted by VRL", true, value.equals("-") || value.isEmpty());
            }
        }
    }

    /** VRL names the same variable differently per format ("client" in combined, "remote_addr" elsewhere). */
    private static boolean keyBelongsTo(String key, String vrlFormat) {
        Set<String> combinedKeys = Set.of("client", "user", "referer", "agent", "size", "compression");
        Set<String> otherKeys = Set.of("remote_addr", "remote_user", "http_referer", "http_user_agent",
                "body_bytes_size");
        return vrlFormat.equals("combined") ? !otherKeys.contains(key) : !combinedKeys.contains(key);
    }

    /** The corpus assigns each VRL line its format; the doc examples not in the .log files use the folder's. */
    private static PeerFormat formatOf(String vrlFormat, String line, List<PeerLine> corpus) {
        for (PeerLine l : corpus) {
            if (l.text().equals(line)) {
                return l.format();
            }
        }
        return switch (vrlFormat) {
            case "main" -> PeerFormat.MAIN;
            case "ingress_upstreaminfo" -> PeerFormat.UPSTREAMINFO;
            default -> throw new AssertionError("VRL " + vrlFormat + " line not in the corpus: " + line);
        };
    }

    /** A variable's text as logged, escapes kept (VRL does not decode {@code \xHH}). */
    private static String raw(LogRecord r, String variable) {
        return PeerChecks.raw(r, variable);
    }
}
