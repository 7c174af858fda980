package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.conf.NginxConfReader;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of real formats, each with a line shaped as nginx writes it and the fields it must give:
 * the request logged in parts, an unquoted {@code $request}, typed variables that refuse what nginx
 * cannot write, {@code escape=json}'s empty values, a trimmed trailing space, and reject reasons that
 * point at the first difference.
 */
class RealFormatsTest {
    private static final String NPM_LIKE = "$remote_addr - [$time_local] $request_method $scheme \"$request_uri\"  "
            + "$status $request_time $body_bytes_sent  \"$http_referer\" \"$http_user_agent\" $host";

    private static LogRecord parsed(LogFormat f, String line) {
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse(line, r)).as("parses: %s", line).isTrue();
        return r;
    }

    private static String reason(LogFormat f, String line) {
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse(line, r)).as("rejected: %s", line).isFalse();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new ReferenceLineParser(f).diagnose(b, 0, b.length).message();
    }

    private static List<String> parts(LogRecord r) {
        return Arrays.asList(r.method(), r.path(), r.protocol());
    }

    // ------------------------------------------------------------------ 1. the request from its parts

    @Test
    void requestParts_methodAndUri_giveMethodPathAndNoProtocol() {
        LogFormat f = LogFormats.compile(NPM_LIKE);
        LogRecord r = parsed(f, "192.0.2.1 - [10/Oct/2026:13:55:36 -0700] POST https \"/api/orders?id=7\"  201 0.012 15  "
                + "\"-\" \"curl/8.4.0\" shop.example.com");

        assertThat(parts(r)).containsExactly("POST", "/api/orders?id=7", null);
        assertThat(r.hasRequestParts()).isTrue();
        assertThat(r.host()).isEqualTo("shop.example.com");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.requestTimeMicros()).isEqualTo(12_000);
    }

    @Test
    void requestParts_uriAndArgs_areJoinedWithAQuestionMark_andServerProtocolIsTheProtocol() {
        LogFormat f = LogFormats.compile("$remote_addr \"$request_method $uri $args $server_protocol\" $status");
        assertThat(parts(parsed(f, "10.0.0.1 \"GET /search q=caf%C3%A9&page=2 HTTP/2.0\" 200")))
                .containsExactly("GET", "/search?q=caf%C3%A9&page=2", "HTTP/2.0");
        // no query string: nginx logs $args as '-', and the target is the path alone
        assertThat(parts(parsed(f, "10.0.0.1 \"GET /search - HTTP/1.1\" 200")))
                .containsExactly("GET", "/search", "HTTP/1.1");
    }

    @Test
    void requestParts_noValue_isAbsent_notADashMethod() {
        LogFormat f = LogFormats.compile(NPM_LIKE);
        LogRecord r = parsed(f, "192.0.2.1 - [10/Oct/2026:13:55:36 -0700] - http \"-\"  400 0.000 157  \"-\" \"-\" _");
        assertThat(parts(r)).containsExactly(null, null, null);
        assertThat(r.hasRequestParts()).isFalse();
    }

    @Test
    void requestParts_withEscapeJson_emptyMeansNoValue() {
        LogFormat f = NginxConfReader.parse("log_format j escape=json '{\"m\":\"$request_method\",\"u\":\"$uri\","
                + "\"a\":\"$args\",\"s\":$status}';", "test").get(0);
        assertThat(parts(parsed(f, "{\"m\":\"GET\",\"u\":\"/a\\\"b\",\"a\":\"\",\"s\":200}")))
                .containsExactly("GET", "/a\"b", null);
    }

    // ------------------------------------------------------------------ 2. an unquoted $request

    private static final LogFormat UNQUOTED = LogFormats.compile("$request_time $upstream_response_time [$time_local] "
            + "$request $status $body_bytes_sent \"$host\" \"$http_user_agent\"");

    @Test
    void unquotedRequest_isReadWhole_methodTargetProtocol() {
        LogRecord r = parsed(UNQUOTED, "0.012 0.010 [10/Oct/2026:13:55:36 +0000] GET /a/b?c=d HTTP/1.1 200 612 "
                + "\"example.com\" \"curl/8\"");
        assertThat(r.request()).isEqualTo("GET /a/b?c=d HTTP/1.1");
        assertThat(parts(r)).containsExactly("GET", "/a/b?c=d", "HTTP/1.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyBytesSent()).isEqualTo(612);
    }

    @Test
    void unquotedRequest_withFewerParts_stillParsesWhenTheRestFits() {
        LogRecord bare = parsed(UNQUOTED, "0.000 - [10/Oct/2026:13:55:36 +0000] GET / 400 0 \"-\" \"-\"");
        assertThat(bare.request()).isEqualTo("GET /");
        assertThat(parts(bare)).containsExactly("GET", "/", null);
        assertThat(bare.status()).isEqualTo(400);

        // a scanner's garbage, spaces and all
        LogRecord garbage = parsed(UNQUOTED, "0.000 - [10/Oct/2026:13:55:36 +0000] \\x16\\x03\\x01 x y 400 0 \"-\" \"-\"");
        assertThat(garbage.request()).isEqualTo("\u0016\u0003\u0001 x y");
        assertThat(garbage.hasRequestParts()).isFalse();
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void unquotedRequest_whoseTargetLooksLikeAStatus_isStillReadWhole() {
        LogRecord r = parsed(UNQUOTED, "0.000 - [10/Oct/2026:13:55:36 +0000] GET /two 200 words HTTP/1.1 404 0 \"-\" \"-\"");
        assertThat(r.request()).isEqualTo("GET /two 200 words HTTP/1.1");
        assertThat(r.status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ 3. typed variables

    @Test
    void combined_hostPrefixedLine_isRejectedAsNotCombined() {
        String line = "example.com 192.0.2.1 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"";
        assertThat(reason(Preset.COMBINED.format(), line))
                .isEqualTo("expected an IP address (IPv4, IPv6 or unix:) at column 1, found 'e' (in $remote_addr)");
    }

    @Test
    void remoteAddr_isOneAddress_ipv4Ipv6OrUnix() {
        LogFormat f = LogFormats.compile("$remote_addr:$remote_port $status");
        assertThat(parsed(f, "192.0.2.1:51234 200").remoteAddr()).isEqualTo("192.0.2.1");
        // an IPv6 address before a literal ':' ends where the rest of the line fits
        assertThat(parsed(f, "2001:db8::1:51234 200").remoteAddr()).isEqualTo("2001:db8::1");
        assertThat(parsed(f, "::ffff:192.0.2.1:51234 200").remoteAddr()).isEqualTo("::ffff:192.0.2.1");
        assertThat(parsed(LogFormats.compile("$remote_addr $status"), "unix: 200").remoteAddr()).isEqualTo("unix:");
        assertThat(reason(LogFormats.compile("$remote_addr $status"), "256.1.1.1 200"))
                .startsWith("expected an IP address (IPv4, IPv6 or unix:) at column 1");
        assertThat(reason(LogFormats.compile("$remote_addr $status"), "localhost 200"))
                .startsWith("expected an IP address (IPv4, IPv6 or unix:) at column 1");
    }

    @Test
    void status_isThreeDigits_neverADash() {
        LogFormat f = LogFormats.compile("$remote_addr $status $body_bytes_sent");
        assertThat(reason(f, "10.0.0.1 - 0")).isEqualTo("expected a digit at column 10, found '-' (in $status)");
        assertThat(reason(f, "10.0.0.1 20 0")).startsWith("expected a digit at column 12");
    }

    @Test
    void forwardedFor_staysFreeText() {
        LogRecord r = parsed(Preset.MAIN.format(), "10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5 "
                + "\"-\" \"curl\" \"203.0.113.9, 10.1.1.1, unknown\"");
        assertThat(r.variable("http_x_forwarded_for")).isEqualTo("203.0.113.9, 10.1.1.1, unknown");
    }

    @Test
    void host_isAHostName_andAPortAfterItIsLeftToTheFormat() {
        LogFormat f = LogFormats.compile("$host:$server_port $remote_addr $status");
        LogRecord r = parsed(f, "example.com:8443 10.0.0.1 200");
        assertThat(r.host()).isEqualTo("example.com");
        assertThat(r.variable("server_port")).isEqualTo("8443");
    }

    // ------------------------------------------------------------------ 4. escape=json's empty values

    @Test
    void escapeJson_emptyUpstreamValues_parse_andMeanNoAttempt() {
        LogFormat f = NginxConfReader.parse("log_format j escape=json '{\"time\":\"$time_iso8601\",\"status\":$status,"
                + "\"request_time\":$request_time,\"upstream_addr\":\"$upstream_addr\",\"upstream_status\":\"$upstream_status\","
                + "\"upstream_response_time\":\"$upstream_response_time\",\"cache\":\"$upstream_cache_status\"}';", "test")
                .get(0);
        LogRecord r = parsed(f, "{\"time\":\"2026-12-05T09:26:22+00:00\",\"status\":200,\"request_time\":0.000,"
                + "\"upstream_addr\":\"\",\"upstream_status\":\"\",\"upstream_response_time\":\"\",\"cache\":\"HIT\"}");
        assertThat(r.attemptCount()).isZero();
        assertThat(r.upstreamTimeMicros()).isEqualTo(LogRecord.ABSENT);
        assertThat(r.cacheStatus()).isEqualTo(CacheStatus.HIT);

        LogRecord proxied = parsed(f, "{\"time\":\"2026-12-05T09:26:22+00:00\",\"status\":502,\"request_time\":0.004,"
                + "\"upstream_addr\":\"10.0.0.1:80 : 10.0.0.2:80\",\"upstream_status\":\"502 : 200\","
                + "\"upstream_response_time\":\"0.001 : 0.003\",\"cache\":\"\"}");
        assertThat(proxied.attemptCount()).isEqualTo(2);
        assertThat(proxied.attemptGroup(1)).isEqualTo(1);
        assertThat(proxied.cacheStatus()).isEqualTo(CacheStatus.NONE);
    }

    @Test
    void escapeJson_emptyNumber_isAbsent() {
        LogFormat f = NginxConfReader.parse("log_format j escape=json '{\"s\":$status,\"rt\":\"$request_time\","
                + "\"b\":\"$body_bytes_sent\"}';", "test").get(0);
        LogRecord r = parsed(f, "{\"s\":200,\"rt\":\"\",\"b\":\"\"}");
        assertThat(r.requestTimeMicros()).isEqualTo(LogRecord.ABSENT);
        assertThat(r.bodyBytesSent()).isEqualTo(LogRecord.ABSENT);
    }

    // ------------------------------------------------------------------ 5. a trimmed trailing space

    @Test
    void trailingWhitespace_ofTheFormat_mayBeMissing() {
        LogFormat f = LogFormats.compile("$remote_addr \"$request\" $status $request_time \"$http_user_agent\" ");
        String line = "10.0.0.1 \"GET / HTTP/1.1\" 200 0.001 \"curl\"";
        assertThat(parsed(f, line + " ").userAgent()).isEqualTo("curl");
        assertThat(parsed(f, line).userAgent()).isEqualTo("curl");
        // only the whitespace: the closing quote is still needed
        assertThat(reason(f, line.substring(0, line.length() - 1))).contains("expected '\"'");
    }

    // ------------------------------------------------------------------ 6. reasons point at the first difference

    @Test
    void rejectReason_namesTheFirstColumnThatDiffers() {
        String line = "192.0.2.1 x - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"";
        assertThat(reason(Preset.COMBINED.format(), line))
                .isEqualTo("expected '-' at column 11, found 'x' (after $remote_addr)");
    }

    @Test
    void rejectReason_ofAnUnquotedFormat_isTheFurthestAnyReadingGot() {
        // the status is not a number: every reading of the request stops there or before
        String line = "0.000 - [10/Oct/2026:13:55:36 +0000] GET / HTTP/1.1 2x0 0 \"-\" \"-\"";
        assertThat(reason(UNQUOTED, line)).isEqualTo("expected a digit at column 54, found 'x' (in $status)");
    }

    @Test
    void aLineWithTooManyReadings_isRejected_notSearchedForever() {
        // three adjacent free-text variables and no literal they can end at: every split is a reading
        LogFormat f = LogFormats.compile("$http_a$http_b$http_c \"$status\"");
        String line = "x".repeat(300) + " 200";
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse(line, r)).isFalse();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertThat(new ReferenceLineParser(f).diagnose(b, 0, b.length)).isNotNull();
    }
}
