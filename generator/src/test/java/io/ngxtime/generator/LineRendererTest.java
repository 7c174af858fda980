package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.CacheStatus;
import io.ngxtime.grammar.Escape;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import io.ngxtime.grammar.PositionMap;
import io.ngxtime.grammar.Preset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LineRendererTest {
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-10-10T13:55:36.123-07:00");
    private static final int OFFSET = TIME.getOffset().getTotalSeconds();

    private static LogFormat format(Escape escape, String text) {
        return LogFormats.compile("test", escape, text, PositionMap.singleLine("test"));
    }

    private static GeneratedRequest request() {
        GeneratedRequest r = new GeneratedRequest();
        r.reset(TIME.toInstant().toEpochMilli());
        r.clientAddress.append("203.0.113.7");
        r.method.append("GET");
        r.target.append("/api/products/42");
        r.protocol.append("HTTP/1.1");
        r.status = 200;
        r.bodyBytesSent = 3_914;
        r.requestTimeMillis = 20;
        r.host.append("shop.example.com");
        return r;
    }

    private static String render(LogFormat format, GeneratedRequest r) {
        LineBuffer out = new LineBuffer(64);
        new LineRenderer(format, OFFSET).render(r, out);
        return new String(out.bytes(), 0, out.length(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void render_combined_likeNginx() {
        GeneratedRequest r = request();
        r.userAgent.set("curl/8.5.0".getBytes(StandardCharsets.US_ASCII));
        assertThat(render(Preset.COMBINED.format(), r)).isEqualTo(
                "203.0.113.7 - - [10/Oct/2026:13:55:36 -0700] \"GET /api/products/42 HTTP/1.1\" 200 3914 \"-\" \"curl/8.5.0\"");
    }

    @Test
    void render_times_inEveryNginxSyntax() {
        assertThat(render(format(Escape.DEFAULT, "$time_local|$time_iso8601|$msec"), request()))
                .isEqualTo("10/Oct/2026:13:55:36 -0700|2026-10-10T13:55:36-07:00|1791665736.123");
    }

    @Test
    void render_times_positiveOffsetAndUtc() {
        GeneratedRequest r = request();
        LineBuffer out = new LineBuffer(64);
        new LineRenderer(format(Escape.DEFAULT, "$time_local $time_iso8601"), 5 * 3600 + 1800).render(r, out);
        assertThat(out.toString()).isEqualTo("11/Oct/2026:02:25:36 +0530 2026-10-11T02:25:36+05:30");
        out.clear();
        new LineRenderer(format(Escape.DEFAULT, "$time_local $time_iso8601"), 0).render(r, out);
        assertThat(out.toString()).isEqualTo("10/Oct/2026:20:55:36 +0000 2026-10-10T20:55:36+00:00");
    }

    @Test
    void render_defaultEscape_quoteBackslashControlAndUtf8AsHex() {
        GeneratedRequest r = request();
        r.userAgent.clear();
        r.userAgent.append("Device \"Jürgen\" \\ \t\u007f");
        assertThat(render(format(Escape.DEFAULT, "\"$http_user_agent\""), r))
                .isEqualTo("\"Device \\x22J\\xC3\\xBCrgen\\x22 \\x5C \\x09\\x7F\"");
    }

    @Test
    void render_defaultEscape_tlsHandshakeRequest() {
        GeneratedRequest r = request();
        r.hasRawRequest = true;
        r.rawRequest.append(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xFC, 0x03, 0x03});
        assertThat(render(format(Escape.DEFAULT, "\"$request\""), r))
                .isEqualTo("\"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\"");
    }

    @Test
    void render_jsonEscape_likeNginxEscapeJson() {
        GeneratedRequest r = request();
        r.userAgent.clear();
        r.userAgent.append("a\"b\\c\nd\re\tf\bg\fh").append((byte) 0x01).append((byte) 0x1F).append("ü");
        String line = new String(renderBytes(format(Escape.JSON, "{\"ua\":\"$http_user_agent\"}"), r),
                StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("{\"ua\":\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001\\u001Fü\"}");
    }

    @Test
    void render_noEscape_writesBytesRaw() {
        GeneratedRequest r = request();
        r.userAgent.clear();
        r.userAgent.append("a\"b\\ü");
        assertThat(new String(renderBytes(format(Escape.NONE, "$http_user_agent"), r), StandardCharsets.UTF_8))
                .isEqualTo("a\"b\\ü");
    }

    private static byte[] renderBytes(LogFormat format, GeneratedRequest r) {
        LineBuffer out = new LineBuffer(64);
        new LineRenderer(format, OFFSET).render(r, out);
        return java.util.Arrays.copyOf(out.bytes(), out.length());
    }

    @Test
    void render_upstreamLists_commasBetweenTriesColonsBetweenGroups() {
        GeneratedRequest r = request();
        r.addAttempt(0, 0, 502, -1, -1, 1, 0);
        r.addAttempt(1, 0, 200, 1, 12, 13, 0);
        r.addAttempt(Upstreams.MEDIA, 1, 206, 0, 25, 5_080, 1_048_576);
        LogFormat f = format(Escape.DEFAULT, "$upstream_addr|$upstream_status|$upstream_connect_time|"
                + "$upstream_header_time|$upstream_response_time|$upstream_response_length");
        assertThat(render(f, r)).isEqualTo("10.0.1.1:8080, 10.0.1.2:8080 : 10.0.2.1:8080|502, 200 : 206|"
                + "-, 0.001 : 0.000|-, 0.012 : 0.025|0.001, 0.013 : 5.080|0, 0 : 1048576");
    }

    @Test
    void render_noUpstream_everyUpstreamVariableIsDash() {
        GeneratedRequest r = request();
        r.cacheStatus = CacheStatus.HIT;
        LogFormat f = format(Escape.DEFAULT, "$upstream_addr $upstream_status $upstream_connect_time "
                + "$upstream_header_time $upstream_response_time $upstream_response_length $upstream_cache_status");
        assertThat(render(f, r)).isEqualTo("- - - - - - HIT");
    }

    @Test
    void render_clientAbort_statusAndHeaderTimeAreDash() {
        GeneratedRequest r = request();
        r.status = 499;
        r.addAttempt(2, 0, -1, 1, -1, 2_345, 0);
        assertThat(render(format(Escape.DEFAULT, "$status $upstream_status $upstream_header_time $upstream_response_time"), r))
                .isEqualTo("499 - - 2.345");
    }

    @Test
    void render_otherVariables() {
        GeneratedRequest r = request();
        r.target.clear();
        r.target.append("/search?q=running%20shoes");
        r.requestIdHigh = 0x0123456789abcdefL;
        r.requestIdLow = 0xfedcba9876543210L;
        LogFormat f = format(Escape.DEFAULT, "$request_method|$request_uri|$uri|$args|$server_protocol|$scheme|"
                + "$host|$req_id|[$proxy_alternative_upstream_name]|$proxy_upstream_name|$sent_http_x_whatever");
        assertThat(render(f, r)).isEqualTo("GET|/search?q=running%20shoes|/search|q=running%20shoes|HTTP/1.1|https|"
                + "shop.example.com|0123456789abcdeffedcba9876543210|[]|-|-");
    }

    @Test
    void render_emptyRequest_isEmptyString() {
        GeneratedRequest r = request();
        r.hasRawRequest = true;
        r.status = 400;
        assertThat(render(format(Escape.DEFAULT, "\"$request\" $status $request_uri"), r)).isEqualTo("\"\" 400 -");
    }

    @Test
    void render_brokenTime_isRejectedShape() {
        LogFormat f = format(Escape.DEFAULT, "[$time_local]");
        GeneratedRequest r = request();
        String[] expected = {"[10/OCT/2026:13:55:36 -0700]", "[10/Oct/2026:24:55:36 -0700]", "[10/Oct/2026:13:55:36]",
            "[2026-10-10T13:55:36-07:00]"};
        for (int variant = 0; variant < 4; variant++) {
            LineBuffer out = new LineBuffer(64);
            new LineRenderer(f, OFFSET).render(r, out, variant);
            assertThat(out.toString()).isEqualTo(expected[variant]);
        }
    }

    @Test
    void render_constantValues_escapedOnceAndReused() {
        LogFormat f = format(Escape.DEFAULT, "\"$http_user_agent\"");
        LineRenderer renderer = new LineRenderer(f, OFFSET);
        byte[] agent = "A \"quoted\" agent".getBytes(StandardCharsets.US_ASCII);
        GeneratedRequest r = request();
        LineBuffer out = new LineBuffer(64);
        for (int i = 0; i < 3; i++) {
            r.userAgent.set(agent);
            out.clear();
            renderer.render(r, out);
            assertThat(out.toString()).isEqualTo("\"A \\x22quoted\\x22 agent\"");
        }
        r.userAgent.append("!"); // no longer the constant
        out.clear();
        renderer.render(r, out);
        assertThat(out.toString()).isEqualTo("\"A \\x22quoted\\x22 agent!\"");
    }
}
