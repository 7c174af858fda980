package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.LogRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * honeytail's nginx parser tests: a format without {@code $request} ({@code $http_x_forwarded_proto - $remote_addr
 * - ...}) and two custom trailing variables, and the event fields it asserts.
 *
 * <p>Convention: numbers are typed ({@code status}, {@code body_bytes_sent} integers, {@code request_time}
 * seconds) and {@code timestamp} is {@code $time_local} as an instant; text as logged. honeytail drops
 * {@code -} values: {@code remote_user} is asserted ABSENT, which is our {@code "-"}. The syslog-prefixed copy
 * of the line is parsed by honeytail only after its {@code --line_prefix} regex has cut the prefix off; ngxtime
 * has no such step and reads the prefix as part of {@code $http_x_forwarded_proto} (free text: nginx may log a
 * header value with spaces, so the line is one nginx can write under the format, and it parses). On that line
 * {@code http_x_forwarded_proto} and {@code pre_hostname} are compared after applying honeytail's own regex
 * ({@code _prefix_regex} in expected.json) to our value.
 */
class HoneytailPeerTest {

    static PeerChecks compare(Path root) {
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.HONEYTAIL.dir()).resolve("expected.json"));
        PeerChecks checks = new PeerChecks("honeytail");
        for (PeerLine line : PeerFolder.HONEYTAIL.lines(root)) {
            JsonNode event = expected.path(line.file()).path(Integer.toString(line.number()));
            if (event.isMissingNode()) {
                throw new AssertionError(line.where() + " has no entry in expected.json");
            }
            compareLine(line, event, checks);
        }
        return checks;
    }

    private static void compareLine(PeerLine line, JsonNode event, PeerChecks checks) {
        String where = line.where();
        LogRecord r = PeerChecks.parseOrNull(line);
        Matcher prefix = event.has("_prefix_regex") ? goRegex(event.get("_prefix_regex").asText()).matcher("") : null;
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.startsWith("_")) {
                continue; // honeytail's settings and notes, not values
            }
            if (r == null) {
                checks.rejected(where, key, v.asText());
                continue;
            }
            switch (key) {
                case "http_x_forwarded_proto" -> {
                    String ours = r.variable(key);
                    if (prefix != null) {
                        checks.equal(where, key + " after honeytail's line prefix regex", v.asText(),
                                prefix.reset(ours).lookingAt() ? ours.substring(prefix.end()) : ours);
                    } else {
                        checks.equal(where, key, v.asText(), ours);
                    }
                }
                case "pre_hostname" -> checks.equal(where, key + " (honeytail's regex on our $http_x_forwarded_proto)",
                        v.asText(), prefix.reset(r.variable("http_x_forwarded_proto")).lookingAt()
                                ? prefix.group(javaGroup("pre_hostname")) : null);
                case "remote_addr", "traceId", "id" -> checks.equal(where, key, v.asText(), r.variable(key));
                case "status" -> checks.number(where, key, v.asDouble(), r.status());
                case "body_bytes_sent" -> checks.number(where, key, v.asDouble(), r.bodyBytesSent());
                case "request_time" -> checks.seconds(where, key, v.asDouble(), r.requestTimeMicros());
                case "timestamp" -> checks.instant(where, key, Instant.parse(v.asText()), r.timeMillis());
                case "remote_user" -> {
                    assertThat(v.asText()).startsWith("(absent");
                    checks.equal(where, key + " absent ('-' dropped)", "-", r.remoteUser());
                }
                default -> throw new AssertionError("unmapped honeytail field " + key + " (" + where + ")");
            }
        }
    }

    @Test
    void eventFields_matchOurs_dashIsAbsent_prefixCutByHoneytailsRegex() {
        // short: 7 fields; traceid: + traceId, id; traceid_syslog_prefix: + pre_hostname
        compare(PeerLogs.requireRoot()).assertAll(7 + 9 + 10);
    }

    @Test
    void syslogPrefixedLine_isTheTraceIdLine_behindHoneytailsPrefix() {
        Path root = PeerLogs.requireRoot();
        JsonNode expected = PeerLogs.json(root.resolve(PeerFolder.HONEYTAIL.dir()).resolve("expected.json"));
        Pattern prefix = goRegex(expected.path("traceid_syslog_prefix.log").path("1").get("_prefix_regex").asText());
        PeerLine prefixed = line(root, "traceid_syslog_prefix.log");
        PeerLine plain = line(root, "traceid.log");

        Matcher m = prefix.matcher(prefixed.text());
        assertThat(m.lookingAt()).isTrue();
        assertThat(prefixed.text().substring(m.end())).isEqualTo(plain.text());
        assertThat(prefixed.format().format().text()).isEqualTo(plain.format().format().text());
    }

    @Test
    void getTimestampCases_msecIso8601AndLocal_giveHoneytailsInstants() {
        // honeytail's TestGetTimestamp (no log line; values in expected.json _non_line_assertions_TestGetTimestamp)
        assertThat(PeerChecks.parse(PeerFormat.of("msec", "$msec").format(), "1444263986.25").timeMillis())
                .isEqualTo(Instant.parse("2015-10-08T00:26:26.25Z").toEpochMilli());
        assertThat(PeerChecks.parse(PeerFormat.of("iso", "$time_iso8601").format(), "2015-10-08T00:26:26-00:00")
                .timeMillis()).isEqualTo(Instant.parse("2015-10-08T00:26:26Z").toEpochMilli());
        assertThat(PeerChecks.parse(PeerFormat.of("local", "$time_local").format(), "08/Oct/2015:00:26:26 +0000")
                .timeMillis()).isEqualTo(Instant.parse("2015-10-08T00:26:26Z").toEpochMilli());
    }

    /**
     * honeytail's regex is Go's (RE2): a named group is {@code (?P<pre_hostname>...)}; Java writes it
     * {@code (?<name>...)} and allows no underscore in the name, so the group is {@link #javaGroup}'s name.
     */
    private static Pattern goRegex(String regex) {
        Matcher group = Pattern.compile("\\(\\?P<(\\w+)>").matcher(regex);
        StringBuilder out = new StringBuilder();
        while (group.find()) {
            group.appendReplacement(out, Matcher.quoteReplacement("(?<" + javaGroup(group.group(1)) + ">"));
        }
        return Pattern.compile(group.appendTail(out).toString());
    }

    private static String javaGroup(String goName) {
        return goName.replace("_", "");
    }

    private static PeerLine line(Path root, String file) {
        return PeerFolder.HONEYTAIL.lines(root).stream().filter(l -> l.file().equals(file)).findFirst().orElseThrow();
    }
}
