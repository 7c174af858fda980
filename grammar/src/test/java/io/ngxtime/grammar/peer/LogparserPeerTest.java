package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.FieldKind;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.UpstreamList;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * nielsbasjes/logparser's nginx tests: for each test a log_format, a line and the values its dissectors
 * produce, named {@code TYPE:field}.
 *
 * <p>Convention: logparser keeps each POSITION of an upstream list: it splits on {@code ", "}, and a
 * position holding {@code "a : b"} (the last server of one group, then the first of the group an internal
 * redirect went to) has {@code value a} and {@code redirected b}; other positions have the same value
 * twice. Our list keeps every element with its group, so it maps onto those positions (element {@code i}
 * followed by an element of a later group becomes one position). logparser maps {@code -} to null, where
 * we keep {@code -} as the text (and a list that is just {@code -} has no attempt); it keeps nginx's
 * {@code \xHH} escapes, which we decode, so expected text is decoded before comparing. Fields logparser
 * derives and ngxtime does not (URI parts, query parameters, the IP inside {@code $binary_remote_addr},
 * variables ngxtime keeps as plain text such as {@code $upstream_bytes_received}'s elements) are counted
 * as not compared.
 */
class LogparserPeerTest {
    private static final String ABSENT = "<ABSENT>";
    private static final Pattern UPSTREAM_POSITION =
            Pattern.compile("nginxmodule\\.upstream\\.(.+)\\.(\\d+)\\.(value|redirected)");
    private static final Map<String, FieldKind> TYPED_LISTS = Map.of(
            "addr", FieldKind.UPSTREAM_ADDR, "status", FieldKind.UPSTREAM_STATUS,
            "response.length", FieldKind.UPSTREAM_RESPONSE_LENGTH, "connect.time", FieldKind.UPSTREAM_CONNECT_TIME,
            "header.time", FieldKind.UPSTREAM_HEADER_TIME, "response.time", FieldKind.UPSTREAM_RESPONSE_TIME);

    private final PeerChecks checks = new PeerChecks("logparser");
    private int notCompared;

    @Test
    void dissectedValues_matchOurs_listPositionsWithRedirects() {
        JsonNode tests = PeerLogs.json(PeerLogs.requireRoot().resolve(PeerFolder.LOGPARSER.dir())
                .resolve("cases.EXTRACT.json"));
        for (JsonNode test : tests) {
            String where = test.get("file").asText() + "#" + test.get("test").asText();
            if (test.has("expect")) {
                LogRecord r = PeerChecks.parse(PeerFormat.named(test.get("logFormat").asText()).format(),
                        test.get("logLine").asText());
                for (JsonNode e : test.get("expect")) {
                    compare(where, r, e.get(0).asText(), e.get(1), test.get("logLine").asText());
                }
            }
            JsonNode single = test.get("single_field_cases[logformat,logline,field,expected]");
            if (single != null) {
                for (JsonNode c : single) {
                    String format = c.get(0).asText();
                    String line = c.get(1).asText();
                    LogRecord r = PeerChecks.parse(PeerFormat.of("custom", format).format(), line);
                    compare(where + " " + format, r, c.get(2).asText(), c.get(3), line);
                }
            }
        }
        System.out.println("logparser: " + notCompared + " values logparser derives and ngxtime does not, not compared");
        checks.assertAll(244);
        assertThat(notCompared).as("values not compared").isEqualTo(86);
    }

    @Test
    void internalRedirect_joinsLastServerOfAGroup_withFirstOfTheNext() {
        LogRecord r = PeerChecks.parse(PeerFormat.of("custom", "$upstream_response_time").format(),
                "1.001, 2.002, 3.003 : 4.004, 5.005");

        assertThat(r.attemptCount()).isEqualTo(5);
        assertThat(List.of(r.attemptGroup(0), r.attemptGroup(1), r.attemptGroup(2), r.attemptGroup(3),
                r.attemptGroup(4))).containsExactly(0, 0, 0, 1, 1);
        assertThat(positions(r, FieldKind.UPSTREAM_RESPONSE_TIME)).containsExactly(
                List.of("1001000", "1001000"), List.of("2002000", "2002000"), List.of("3003000", "4004000"),
                List.of("5005000", "5005000"));
        assertThat(r.upstreamTimeMicros()).isEqualTo(15_015_000);
    }

    private void compare(String where, LogRecord r, String field, JsonNode expectedNode, String line) {
        String expected = expectedNode.isNull() ? null : expectedNode.asText();
        int colon = field.indexOf(':');
        String type = field.substring(0, colon);
        String name = field.substring(colon + 1);
        Object ours = ours(r, type, name, expected);
        if (ours == NOT_COMPARED) {
            // a single-variable format whose value logparser keeps as logged ("-" as null)
            String variable = r.format().variables().size() == 1 ? r.format().variables().get(0).name() : null;
            if (variable != null && java.util.EnumSet.of(FieldKind.TEXT, FieldKind.ADDRESS, FieldKind.METHOD, FieldKind.HOST)
                    .contains(r.format().variables().get(0).kind())
                    && (expected == null ? line.equals("-") : decodeEscapes(expected).equals(decodeEscapes(line)))) {
                checks.equal(where, field + " (as logged)", expected == null ? "-" : decodeEscapes(expected),
                        r.variable(variable));
            } else {
                notCompared++;
            }
            return;
        }
        checks.equal(where, field, normalize(type, expected), ours);
    }

    private static final Object NOT_COMPARED = new Object();

    /** Our value of a logparser field, written the way logparser writes it; NOT_COMPARED when we have none. */
    private static Object ours(LogRecord r, String type, String name, String expected) {
        Matcher position = UPSTREAM_POSITION.matcher(name);
        if (position.matches()) {
            FieldKind kind = TYPED_LISTS.get(position.group(1));
            if (kind == null || !r.format().has(variableOf(kind))) {
                return NOT_COMPARED; // logparser splits lists ngxtime keeps as text ($upstream_bytes_sent, ...)
            }
            List<List<String>> positions = positions(r, kind);
            int i = Integer.parseInt(position.group(2));
            return i >= positions.size() ? null : positions.get(i).get(position.group(3).equals("value") ? 0 : 1);
        }
        if (name.startsWith("nginxmodule.upstream.") && type.endsWith("_LIST")) {
            String variable = "upstream_" + name.substring("nginxmodule.upstream.".length()).replace('.', '_');
            String v = r.variable(variable);
            return v == null ? NOT_COMPARED : dashToNull(v);
        }
        if (name.startsWith("request.receive.time.")) {
            return time(r, name.substring("request.receive.time.".length()));
        }
        if (name.startsWith("nginx.unknown.")) {
            return r.variable(name.substring("nginx.unknown.".length()));
        }
        return switch (type + ":" + name) {
            case "IP:connection.client.host" -> r.format().has("remote_addr") ? r.remoteAddr() : NOT_COMPARED;
            case "STRING:connection.client.user" -> dashToNull(r.remoteUser());
            case "BYTES:request.bytes", "BYTESCLF:request.bytes" ->
                    r.format().has("request_length") ? Long.toString(r.requestLength()) : NOT_COMPARED;
            case "BYTES:response.body.bytes", "BYTESCLF:response.body.bytes" -> Long.toString(r.bodyBytesSent());
            case "BYTES:response.bytes" -> Long.toString(r.bytesSent());
            case "STRING:request.status.last" -> Integer.toString(r.status());
            case "HTTP.URI:request.referer" -> dashToNull(r.referer());
            case "HTTP.USERAGENT:request.user-agent" -> dashToNull(r.userAgent());
            case "HTTP.FIRSTLINE:request.firstline" -> r.request();
            case "HTTP.METHOD:request.firstline.method" ->
                    r.format().has("request") ? r.method() : NOT_COMPARED;
            case "HTTP.URI:request.firstline.uri" -> r.format().has("request") ? r.path() : NOT_COMPARED;
            case "HTTP.PROTOCOL_VERSION:request.firstline.protocol" ->
                    r.format().has("request") ? r.protocol() : NOT_COMPARED;
            case "SECOND_MILLIS:response.server.processing.time", "MICROSECONDS:response.server.processing.time" ->
                    Long.toString(r.requestTimeMicros());
            case "MILLISECONDS:response.server.processing.time" -> Long.toString(r.requestTimeMicros() / 1000);
            case "TIME.STAMP:request.receive.time" -> r.variable("time_local");
            case "TIME.ISO8601:request.receive.time" -> r.variable("time_iso8601");
            case "STRING:nginxmodule.kubernetes.req_id" -> r.variable("req_id");
            case "IP:nginxmodule.kubernetes.the_real_ip" -> r.variable("the_real_ip");
            case "STRING:nginxmodule.kubernetes.proxy_upstream_name" -> r.variable("proxy_upstream_name");
            case "UPSTREAM_CACHE_STATUS:nginxmodule.upstream.cache.status" -> r.cacheStatus().name();
            default -> NOT_COMPARED;
        };
    }

    /** The peer's value in our units: seconds become microseconds, escapes are decoded. */
    private static String normalize(String type, String expected) {
        if (expected == null || expected.equals(ABSENT)) {
            return null;
        }
        if (type.equals("SECOND_MILLIS")) {
            return new BigDecimal(expected).movePointRight(6).toBigIntegerExact().toString();
        }
        return decodeEscapes(expected);
    }

    private static Object time(LogRecord r, String part) {
        boolean utc = part.endsWith("_utc");
        String p = utc ? part.substring(0, part.length() - 4) : part;
        OffsetDateTime t = r.time();
        if (utc) {
            t = t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return switch (p) {
            case "epoch" -> Long.toString(r.timeMillis());
            case "timezone" -> t.getOffset().getId().equals("Z") ? "+00:00" : t.getOffset().getId();
            case "date" -> t.toLocalDate().toString();
            case "time" -> t.toLocalTime().toString();
            case "year" -> Integer.toString(t.getYear());
            case "month" -> Integer.toString(t.getMonthValue());
            case "monthname" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "day" -> Integer.toString(t.getDayOfMonth());
            case "hour" -> Integer.toString(t.getHour());
            case "minute" -> Integer.toString(t.getMinute());
            case "second" -> Integer.toString(t.getSecond());
            case "millisecond" -> Integer.toString(t.getNano() / 1_000_000);
            case "microsecond" -> Integer.toString(t.getNano() / 1000 % 1000);
            case "nanosecond" -> Integer.toString(t.getNano() % 1000);
            case "weekofweekyear" -> Integer.toString(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "weekyear" -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            default -> NOT_COMPARED;
        };
    }

    /**
     * Our list as logparser's positions: {@code [value, redirected]} per position; an element followed by
     * one of a later group (joined by {@code " : "}) shares a position with it.
     */
    static List<List<String>> positions(LogRecord r, FieldKind kind) {
        UpstreamList l = r.upstreamList(kind);
        List<List<String>> out = new ArrayList<>();
        if (l.isBareDash(r.lineBuffer())) {
            return out;
        }
        for (int i = 0; i < l.size(); i++) {
            String value = element(r, l, kind, i);
            if (i + 1 < l.size() && l.group(i + 1) != l.group(i)) {
                out.add(List.of(value, element(r, l, kind, i + 1)));
                i++;
            } else {
                out.add(List.of(value, value));
            }
        }
        return out;
    }

    private static String element(LogRecord r, UpstreamList l, FieldKind kind, int i) {
        return kind == FieldKind.UPSTREAM_ADDR ? r.decode(l.start(i), l.end(i)) : Long.toString(l.value(i));
    }

    private static String variableOf(FieldKind kind) {
        return switch (kind) {
            case UPSTREAM_ADDR -> "upstream_addr";
            case UPSTREAM_STATUS -> "upstream_status";
            case UPSTREAM_RESPONSE_LENGTH -> "upstream_response_length";
            case UPSTREAM_CONNECT_TIME -> "upstream_connect_time";
            case UPSTREAM_HEADER_TIME -> "upstream_header_time";
            default -> "upstream_response_time";
        };
    }

    private static String dashToNull(String s) {
        return s == null || s.equals("-") ? null : s;
    }

    /** nginx's {@code \xHH} escapes decoded (logparser keeps them as logged). */
    private static String decodeEscapes(String s) {
        return Pattern.compile("\\\\x([0-9A-Fa-f]{2})").matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
}
