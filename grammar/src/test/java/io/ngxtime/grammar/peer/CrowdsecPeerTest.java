package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LogRecord;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * crowdsec hub parser tests ({@code parser.assert}): the fields crowdsec's s01-parse stage writes for each
 * line ({@code Parsed}) and the instant its s02 dateparse-enrich stage gives it ({@code MarshaledTime}).
 *
 * <p>Convention (the hub's grok patterns): text is kept as logged, nginx's {@code \xHH} escapes not decoded,
 * so text is compared with our raw span; numbers as numbers. {@code request} is the request target alone
 * when the request line is well-formed ({@code verb} then holds the method, {@code http_version} the version
 * without {@code HTTP/}) and the whole request text when it is not (no {@code verb} key): it is compared with
 * our {@code path()}, or with our raw {@code $request}. "Well-formed" is not the same for both: crowdsec needs
 * {@code WORD target HTTP/x}, ngxtime splits off a method wherever the first word is an HTTP token (an njRAT
 * beacon {@code 145.ll|'|'|...|'|'|Win 7 ...} has one), so our method is not compared on crowdsec's
 * malformed lines. In the Nginx Proxy Manager formats the method and target come from {@code $request_method}
 * and {@code "$request_uri"}, and are compared with the same {@code method()} and {@code path()}. Empty captures are dropped: a line with
 * {@code "" ""} has no {@code http_referer}/{@code http_user_agent} key, checked as an empty value in our record.
 * {@code target_fqdn} is {@code $host} without a {@code :port}, which crowdsec puts in {@code port}.
 * {@code upstream_status} is one value: our first (and only) attempt's status. BunkerWeb's parser writes some
 * fields twice under other names ({@code src_ip}, {@code method}, {@code path}, {@code referer}, {@code agent},
 * {@code size}); each copy is compared. Lines crowdsec asserts nothing for (the xss-probing scenario) and lines
 * judged unparseable on purpose ({@link PeerFolder#CROWDSEC}) have no values compared.
 */
class CrowdsecPeerTest {
    /** Every asserted value of every file, compared with ours. */
    static PeerChecks compare(Path root) {
        return compare(root, line -> true);
    }

    static PeerChecks compare(Path root, Predicate<PeerLine> which) {
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.CROWDSEC.dir()).resolve("expected.json"));
        PeerChecks checks = new PeerChecks("crowdsec");
        for (PeerLine line : PeerFolder.CROWDSEC.lines(root)) {
            JsonNode entry = expected.path(line.file()).path(Integer.toString(line.number()));
            if (entry.isMissingNode()) {
                throw new AssertionError(line.where() + " has no entry in expected.json");
            }
            if (!entry.has("Parsed") || !which.test(line)) {
                continue;
            }
            if (!line.mustParse()) {
                checks.count("asserted lines judged unparseable on purpose");
                entry.get("Parsed").forEach(v -> checks.notCompared());
                checks.notCompared(); // MarshaledTime
                continue;
            }
            compareLine(line, entry, checks);
        }
        return checks;
    }

    private static void compareLine(PeerLine line, JsonNode entry, PeerChecks checks) {
        String where = line.where();
        JsonNode parsed = entry.get("Parsed");
        LogRecord r = PeerChecks.parseOrNull(line);
        if (r == null) {
            for (Iterator<String> keys = parsed.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                checks.rejected(where, key, parsed.get(key).asText());
            }
            checks.rejected(where, "MarshaledTime", entry.get("MarshaledTime").asText());
            return;
        }
        boolean wellFormed = parsed.has("verb");
        for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String v = e.getValue().asText();
            switch (key) {
                case "remote_addr", "src_ip" -> checks.equal(where, key, v, PeerChecks.raw(r, "remote_addr"));
                case "remote_user" -> checks.equal(where, key, v, PeerChecks.raw(r, "remote_user"));
                case "time_local" -> checks.equal(where, key, v, PeerChecks.raw(r, "time_local"));
                case "verb", "method" -> checks.equal(where, key, v, r.method());
                case "http_version" -> checks.equal(where, key + " (without HTTP/)", "HTTP/" + v, r.protocol());
                case "request", "path" -> {
                    if (wellFormed) {
                        checks.equal(where, key + " (the target)", v, r.path());
                    } else {
                        checks.equal(where, key + " (the whole request, escapes kept)", v, PeerChecks.raw(r, "request"));
                    }
                }
                case "status" -> checks.number(where, key, Double.parseDouble(v), r.status());
                case "body_bytes_sent", "size" -> checks.number(where, key, Double.parseDouble(v), r.bodyBytesSent());
                case "bytes_sent" -> checks.number(where, key, Double.parseDouble(v), r.bytesSent());
                case "request_time" -> checks.seconds(where, key, Double.parseDouble(v), r.requestTimeMicros());
                case "http_referer", "referer" -> checks.equal(where, key, v, PeerChecks.raw(r, "http_referer"));
                case "http_user_agent", "agent" -> checks.equal(where, key, v, PeerChecks.raw(r, "http_user_agent"));
                case "target_fqdn" -> checks.equal(where, key + " ($host without :port)", v,
                        hostWithoutPort(PeerChecks.raw(r, "host")));
                case "port" -> checks.equal(where, key + " (the :port of $host)", v, portOf(PeerChecks.raw(r, "host")));
                case "scheme" -> checks.equal(where, key, v, PeerChecks.raw(r, "scheme"));
                case "gzip_ratio" -> checks.equal(where, key, v, PeerChecks.raw(r, "gzip_ratio"));
                case "target_server" -> checks.equal(where, key + " (NPM's $server)", v, PeerChecks.raw(r, "server"));
                case "request_id" -> checks.equal(where, key, v, PeerChecks.raw(r, "request_id"));
                case "upstream_cache_status" -> checks.equal(where, key, v, PeerChecks.raw(r, "upstream_cache_status"));
                case "upstream_status" -> checks.number(where, key + " (the only attempt)", Double.parseDouble(v),
                        r.attemptStatus(0));
                default -> throw new AssertionError("unmapped crowdsec field " + key + " (" + where + ")");
            }
        }
        checks.instant(where, "MarshaledTime", OffsetDateTime.parse(entry.get("MarshaledTime").asText()).toInstant(),
                r.timeMillis());
        // empty captures are dropped: an absent referer or agent key is an empty value
        for (String variable : List.of("http_referer", "http_user_agent")) {
            if (r.format().has(variable) && !parsed.has(variable)) {
                checks.equal(where, variable + " absent (empty capture)", "", PeerChecks.raw(r, variable));
            }
        }
    }

    /** The number of comparisons {@link #compare} must make, counted from expected.json alone. */
    private static int assertedValues(Path root, Predicate<PeerLine> which) {
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.CROWDSEC.dir()).resolve("expected.json"));
        int n = 0;
        for (PeerLine line : PeerFolder.CROWDSEC.lines(root)) {
            JsonNode entry = expected.path(line.file()).path(Integer.toString(line.number()));
            if (!entry.has("Parsed") || !which.test(line) || !line.mustParse()) {
                continue;
            }
            JsonNode parsed = entry.get("Parsed");
            n += parsed.size() + 1; // + MarshaledTime
            String format = line.format().format().text();
            for (String variable : List.of("http_referer", "http_user_agent")) {
                n += format.contains("$" + variable) && !parsed.has(variable) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void everyFile_assertedFields_matchOurs_rawText_targetOnlyForWellFormedRequests() {
        Path root = PeerLogs.requireRoot();
        PeerChecks checks = compare(root);

        checks.assertAll(assertedValues(root, line -> true));
    }

    @Test
    void expectedJson_assertsEveryLine_butTheXssProbingScenario() {
        Path root = PeerLogs.requireRoot();
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.CROWDSEC.dir()).resolve("expected.json"));
        List<String> unasserted = new ArrayList<>();
        int lines = 0;
        for (PeerLine line : PeerFolder.CROWDSEC.lines(root)) {
            lines++;
            JsonNode entry = expected.path(line.file()).path(Integer.toString(line.number()));
            if (!entry.has("Parsed")) {
                assertThat(entry.get("source_test").asText()).as(line.where()).isEqualTo("nginx-http-xss-probing");
                unasserted.add(line.where());
            }
        }
        // SOURCE.txt: 154 lines, the xss-probing scenario (combined.log lines 81-106) has no per-line asserts
        assertThat(lines).isEqualTo(154);
        assertThat(unasserted).hasSize(26).first().isEqualTo("crowdsec-hub/combined.log:81");
    }

    @Test
    void hostWithPort_isSplitLikeCrowdsecsTargetFqdnAndPort() {
        assertThat(hostWithoutPort("www.crowdsec11.net:80")).isEqualTo("www.crowdsec11.net");
        assertThat(portOf("www.crowdsec11.net:80")).isEqualTo("80");
        assertThat(hostWithoutPort("example.com")).isEqualTo("example.com");
        assertThat(portOf("example.com")).isNull();
    }

    private static String hostWithoutPort(String host) {
        int colon = host == null ? -1 : host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static String portOf(String host) {
        int colon = host == null ? -1 : host.lastIndexOf(':');
        return colon < 0 ? null : host.substring(colon + 1);
    }
}
