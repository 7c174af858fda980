package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CompiledLineParserTest {

    private static final String TIMING_LINE = "10.0.0.1 - alice [10/Oct/2026:13:55:36 -0700] \"GET /a?b=1 HTTP/1.1\" 200 123 "
            + "\"https://ref.example/\" \"curl/8.0\" rt=0.120 ua=\"10.1.0.1:80, 10.1.0.2:80 : 10.2.0.1:80\" "
            + "us=\"502, 200 : 200\" uct=\"0.001, 0.002 : -\" uht=\"0.010, 0.020 : 0.030\" "
            + "urt=\"0.050, 0.040 : 0.030\" ucs=MISS msec=1791665736.123";

    private static LogRecord parse(Preset preset, String line) {
        LogFormat f = preset.format();
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse(line, r)).as("parses: %s", line).isTrue();
        return r;
    }

    private static boolean accepts(LogFormat f, String line) {
        return f.newParser().parse(line, f.newRecord());
    }

    @Test
    void parse_timingLine_readsEveryField() {
        LogRecord r = parse(Preset.TIMING, TIMING_LINE);
        assertThat(r.remoteAddr()).isEqualTo("10.0.0.1");
        assertThat(r.remoteUser()).isEqualTo("alice");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/a?b=1");
        assertThat(r.protocol()).isEqualTo("HTTP/1.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyBytesSent()).isEqualTo(123);
        assertThat(r.referer()).isEqualTo("https://ref.example/");
        assertThat(r.userAgent()).isEqualTo("curl/8.0");
        assertThat(r.requestTimeMicros()).isEqualTo(120_000);
        assertThat(r.cacheStatus()).isEqualTo(CacheStatus.MISS);
    }

    @Test
    void parse_msecAndTimeLocal_instantFromMsecZoneFromTimeLocal() {
        LogRecord r = parse(Preset.TIMING, TIMING_LINE);
        assertThat(r.timeMillis()).isEqualTo(1_791_665_736_123L);
        assertThat(r.zoneOffsetSeconds()).isEqualTo(-7 * 3600);
        assertThat(r.time()).isEqualTo(OffsetDateTime.parse("2026-10-10T13:55:36.123-07:00"));
        assertThat(r.loggedEpochSecond()).isEqualTo(OffsetDateTime.parse("2026-10-10T13:55:36-07:00").toEpochSecond());
    }

    @Test
    void parse_retriesAndInternalRedirect_keepsEveryAttemptWithItsGroup() {
        LogRecord r = parse(Preset.TIMING, TIMING_LINE);
        assertThat(r.attemptCount()).isEqualTo(3);
        assertThat(r.attemptAddress(0)).isEqualTo("10.1.0.1:80");
        assertThat(r.attemptAddress(1)).isEqualTo("10.1.0.2:80");
        assertThat(r.attemptAddress(2)).isEqualTo("10.2.0.1:80");
        assertThat(r.attemptGroup(0)).isZero();
        assertThat(r.attemptGroup(1)).isZero();
        assertThat(r.attemptGroup(2)).isEqualTo(1);
        assertThat(r.attemptStatus(0)).isEqualTo(502);
        assertThat(r.attemptStatus(2)).isEqualTo(200);
        assertThat(r.attemptConnectMicros(1)).isEqualTo(2_000);
        assertThat(r.attemptConnectMicros(2)).isEqualTo(-1);
        assertThat(r.attemptHeaderMicros(2)).isEqualTo(30_000);
        assertThat(r.attemptResponseMicros(0)).isEqualTo(50_000);
    }

    @Test
    void upstreamTime_isSumOfAttempts_andNginxTimeTheRest() {
        LogRecord r = parse(Preset.TIMING, TIMING_LINE.replace("rt=0.120", "rt=0.150"));
        assertThat(r.upstreamTimeMicros()).isEqualTo(120_000);
        assertThat(r.nginxTimeMicros()).isEqualTo(30_000);
        assertThat(r.upstreamExceedsRequest()).isFalse();
    }

    @Test
    void nginxTime_neverNegative_andTheExcessIsFlagged() {
        LogRecord r = parse(Preset.TIMING, TIMING_LINE.replace("rt=0.120", "rt=0.119"));
        assertThat(r.nginxTimeMicros()).isZero();
        assertThat(r.upstreamExceedsRequest()).isTrue();
    }

    @Test
    void parse_noUpstream_dashesMeanNoAttempt() {
        LogRecord r = parse(Preset.UPSTREAMINFO, "::1 - - [10/Oct/2026:13:55:36 +0000] \"GET /x HTTP/1.1\" 503 0 \"-\" \"-\" "
                + "12 0.000 [] [] - - - - 5e1f");
        assertThat(r.attemptCount()).isZero();
        assertThat(r.upstreamTimeMicros()).isEqualTo(-1);
        assertThat(r.nginxTimeMicros()).isZero();
        assertThat(r.variable("proxy_upstream_name")).isEmpty();
        assertThat(r.variable("req_id")).isEqualTo("5e1f");
    }

    @Test
    void parse_dashInsideList_isAbsentElement() {
        LogRecord r = parse(Preset.UPSTREAMINFO, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"-\" "
                + "1 0.101 [u] [] 172.17.0.6:8080, 172.17.0.7:8080 - 0.100, - 200, - id");
        assertThat(r.attemptCount()).isEqualTo(2);
        assertThat(r.attemptResponseMicros(1)).isEqualTo(-1);
        assertThat(r.attemptStatus(1)).isEqualTo(-1);
        assertThat(r.attemptResponseLength(0)).isEqualTo(-1);
        assertThat(r.upstreamTimeMicros()).isEqualTo(100_000);
    }

    @Test
    void parse_tlsHandshakeOnPlainPort_keepsRawRequestWithoutMethod() {
        LogRecord r = parse(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"\\x16\\x03\\x01\\x02\\x00\" 400 157 \"-\" \"-\"");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.method()).isNull();
        assertThat(r.path()).isNull();
        assertThat(r.request()).isEqualTo("\u0016\u0003\u0001\u0002\u0000");
    }

    @Test
    void parse_emptyRequest_isAccepted() {
        LogRecord r = parse(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"\" 400 0 \"-\" \"-\"");
        assertThat(r.request()).isEmpty();
        assertThat(r.hasRequestParts()).isFalse();
    }

    @Test
    void parse_http09RequestAndSpacesInTarget() {
        LogRecord r = parse(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET /a b\" 400 0 \"-\" \"-\"");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/a b");
        assertThat(r.protocol()).isNull();
    }

    @Test
    void parse_defaultEscapes_areDecoded() {
        LogRecord r = parse(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" "
                + "\"say \\x22hi\\x22 caf\\xC3\\xA9\"");
        assertThat(r.userAgent()).isEqualTo("say \"hi\" café");
    }

    @Test
    void parse_jsonFormat_decodesJsonEscapes() {
        LogFormat f = LogFormats.compile("json", Escape.JSON,
                "{\"t\":\"$time_iso8601\",\"s\":$status,\"rt\":$request_time,\"ua\":\"$http_user_agent\",\"urt\":\"$upstream_response_time\"}",
                PositionMap.singleLine("test"));
        LogRecord r = f.newRecord();
        String line = "{\"t\":\"2026-10-10T13:55:36+02:00\",\"s\":200,\"rt\":0.004,\"ua\":\"a \\\"quoted\\\" \\\\ agent\\u0001\","
                + "\"urt\":\"0.001, 0.002\"}";
        assertThat(f.newParser().parse(line, r)).isTrue();
        assertThat(r.userAgent()).isEqualTo("a \"quoted\" \\ agent\u0001");
        assertThat(r.zoneOffsetSeconds()).isEqualTo(7200);
        assertThat(r.upstreamTimeMicros()).isEqualTo(3_000);
    }

    @Test
    void parse_crlfAndTrailingCr_areIgnored() {
        LogRecord r = parse(Preset.COMBINED, "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"x\"\r");
        assertThat(r.userAgent()).isEqualTo("x");
    }

    @Test
    void parse_iso8601WithZ_andNegativeOffset() {
        LogFormat f = LogFormats.compile("$time_iso8601 $status");
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse("2026-01-31T23:59:59Z 200", r)).isTrue();
        assertThat(r.time()).isEqualTo(OffsetDateTime.parse("2026-01-31T23:59:59Z"));
        assertThat(f.newParser().parse("2026-01-31T23:59:59-05:30 200", r)).isTrue();
        assertThat(r.zoneOffsetSeconds()).isEqualTo(-(5 * 3600 + 1800));
    }

    @Test
    void parse_invalidDates_areRejected() {
        LogFormat f = Preset.COMBINED.format();
        String line = "1.2.3.4 - - [%s] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"";
        assertThat(accepts(f, line.formatted("29/Feb/2024:00:00:00 +0000"))).isTrue();
        assertThat(accepts(f, line.formatted("29/Feb/2026:00:00:00 +0000"))).isFalse();
        assertThat(accepts(f, line.formatted("10/Foo/2026:00:00:00 +0000"))).isFalse();
        assertThat(accepts(f, line.formatted("10/Oct/2026:24:00:00 +0000"))).isFalse();
        assertThat(accepts(f, line.formatted("10/Oct/2026:10:00:00 +1900"))).isFalse();
    }

    @Test
    void parse_timeLocalAcrossDays_usesTheDateNotACachedOne() {
        LogFormat f = Preset.COMBINED.format();
        LineParser p = f.newParser();
        LogRecord r = f.newRecord();
        String line = "1.2.3.4 - - [%s] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"";
        p.parse(line.formatted("31/Dec/2025:23:59:59 +0100"), r);
        long before = r.timeMillis();
        p.parse(line.formatted("01/Jan/2026:00:00:00 +0100"), r);
        assertThat(r.timeMillis() - before).isEqualTo(1000);
        assertThat(r.time()).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00+01:00"));
    }

    @Test
    void parse_requestTimeDashAndIntegerSeconds() {
        LogFormat f = LogFormats.compile("$request_time $upstream_response_time");
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse("- 10", r)).isTrue();
        assertThat(r.requestTimeMicros()).isEqualTo(-1);
        assertThat(r.upstreamTimeMicros()).isEqualTo(10_000_000);
    }

    @Test
    void parse_listFollowedByLiteralComma_leavesTheSeparatorToTheLiteral() {
        LogFormat f = LogFormats.compile("$upstream_status, $remote_addr");
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse("200, 502, 1.2.3.4", r)).isTrue();
        assertThat(r.attemptCount()).isEqualTo(2);
        assertThat(r.remoteAddr()).isEqualTo("1.2.3.4");
    }

    @Test
    void parse_adjacentVariables_splitAtThePathSlash() {
        LogFormat f = LogFormats.compile("$host$request_uri $status");
        LogRecord r = f.newRecord();
        assertThat(f.newParser().parse("example.com/a/b?c 200", r)).isTrue();
        assertThat(r.host()).isEqualTo("example.com");
        assertThat(r.variable("request_uri")).isEqualTo("/a/b?c");
    }

    @Test
    void parse_trailingGarbageOrMissingField_isRejected() {
        LogFormat f = Preset.COMBINED.format();
        String ok = "1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"-\"";
        assertThat(accepts(f, ok)).isTrue();
        assertThat(accepts(f, ok + " \"-\"")).isFalse();
        assertThat(accepts(f, ok.substring(0, ok.length() - 4))).isFalse();
        assertThat(accepts(f, "")).isFalse();
    }

    @Test
    void parse_recordReuse_clearsPreviousValues() {
        LogFormat f = Preset.TIMING.format();
        LineParser p = f.newParser();
        LogRecord r = f.newRecord();
        assertThat(p.parse(TIMING_LINE, r)).isTrue();
        String noUpstream = "10.0.0.1 - - [10/Oct/2026:13:55:36 -0700] \"GET /s.js HTTP/1.1\" 200 1 \"-\" \"x\" rt=0.000 "
                + "ua=\"-\" us=\"-\" uct=\"-\" uht=\"-\" urt=\"-\" ucs=- msec=1791665736.500";
        assertThat(p.parse(noUpstream, r)).isTrue();
        assertThat(r.attemptCount()).isZero();
        assertThat(r.cacheStatus()).isEqualTo(CacheStatus.NONE);
        assertThat(r.remoteUser()).isEqualTo("-");
    }

    @Test
    void parse_offsetWithinLargerBuffer_readsOnlyTheSpan() {
        LogFormat f = LogFormats.compile("$status $request_time");
        LogRecord r = f.newRecord();
        byte[] buf = "xx200 0.5yy".getBytes(StandardCharsets.UTF_8);
        assertThat(f.newParser().parse(buf, 2, 9, r)).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.requestTimeMicros()).isEqualTo(500_000);
    }

    /**
     * Literals are compared a word at a time where the line's array has eight bytes to read (bytes past the
     * line's end are masked off): every length up to past two words, the line inside a larger array with other
     * bytes after it or ending the array, each byte of the literal changed in turn (refused, and the diagnosis
     * points at that byte, as the byte-by-byte comparison does).
     */
    @Test
    void parse_literalsOfEveryLength_matchWholeWordsAndPointAtTheFirstDifferentByte() {
        String chars = "=ab[c] d-e:f g=h]i[j k"; // not a name character first: it would lengthen $status
        for (int n = 1; n <= chars.length(); n++) {
            String lit = chars.substring(0, n);
            LogFormat f = LogFormats.compile("$status" + lit + "$request_time");
            LineParser parser = f.newParser();
            LogRecord r = f.newRecord();
            byte[] line = ("200" + lit + "0.5").getBytes(StandardCharsets.US_ASCII);
            for (String after : new String[] {"", "0.5 and more bytes after the line's end"}) {
                byte[] buf = ("##" + "200" + lit + "0.5" + after).getBytes(StandardCharsets.US_ASCII);
                assertThat(parser.parse(buf, 2, 2 + line.length, r)).as("literal '%s', then '%s'", lit, after).isTrue();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.requestTimeMicros()).isEqualTo(500_000);
                for (int k = 0; k < n; k++) {
                    byte[] changed = buf.clone();
                    changed[2 + 3 + k] = '#';
                    assertThat(parser.parse(changed, 2, 2 + line.length, r)).as("literal '%s' byte %d changed", lit, k).isFalse();
                    assertThat(parser.failedAt()).as("literal '%s' byte %d changed", lit, k).isEqualTo(2 + 3 + k);
                }
                byte[] cut = java.util.Arrays.copyOf(buf, 2 + 3 + n - 1); // the line ends inside the literal
                assertThat(parser.parse(cut, 2, cut.length, r)).as("literal '%s' cut", lit).isFalse();
            }
        }
    }

    /**
     * The word comparison reads only what is inside the line: a format's last literal whose trailing space a shipper
     * trimmed still matches when the array goes on after the line (with the literal's missing byte, even), and a
     * literal of bytes above 0x7f (UTF-8) is compared with their sign bits kept apart.
     */
    @Test
    void parse_literalAtTheLineEndInsideALargerArray_andNonAsciiLiterals_matchAsBytes() {
        LogFormat trailing = LogFormats.compile("$status=ab[c] ");
        LineParser parser = trailing.newParser();
        LogRecord r = trailing.newRecord();
        byte[] buf = "##200=ab[c] 0.5 and more".getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.parse(buf, 2, 2 + "200=ab[c]".length(), r)).as("trailing space trimmed, array goes on").isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(parser.parse(buf, 2, 2 + "200=ab[".length(), r)).as("more than the trailing space missing").isFalse();

        LogFormat utf8 = LogFormats.compile("$status é→ü $request_time");
        parser = utf8.newParser();
        r = utf8.newRecord();
        byte[] line = "##200 é→ü 0.5 and more".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(line, 2, 2 + "200 é→ü 0.5".getBytes(StandardCharsets.UTF_8).length, r)).isTrue();
        assertThat(r.requestTimeMicros()).isEqualTo(500_000);
        byte[] other = "##200 é→ö 0.5 and more".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(other, 2, 2 + "200 é→ö 0.5".getBytes(StandardCharsets.UTF_8).length, r)).isFalse();
    }
}
