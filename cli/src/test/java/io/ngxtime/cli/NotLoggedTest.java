package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngxtime.grammar.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the log does not say is unknown, never 0, in every output: a format without each variable in
 * turn, upstream lists of different lengths, a request time from a broken clock, and what nginx logs
 * for a group without live servers, a refused port and a client that hangs up. Lines are shaped as a
 * real nginx writes them (see RealNginxTest for the same facts from a running nginx).
 */
class NotLoggedTest {
    @TempDir
    static Path dir;

    /** The timing preset without {@code $variable} (and the literal text that introduces it). */
    private static String timingWithout(String variable) {
        String text = Preset.TIMING.formatText();
        String[] pieces = {"rt=$request_time ", "ua=\"$upstream_addr\" ", "us=\"$upstream_status\" ",
            "uct=\"$upstream_connect_time\" ", "uht=\"$upstream_header_time\" ", "urt=\"$upstream_response_time\" ",
            "ucs=$upstream_cache_status ", "$status "};
        for (String p : pieces) {
            if (p.contains("$" + variable + "\"") || p.contains("$" + variable + " ")) {
                assertThat(text).contains(p);
                return text.replace(p, "");
            }
        }
        throw new AssertionError("no piece for " + variable);
    }

    /** A timing line with these values, in the format without {@code missing}. */
    private static String line(String missing, int second, String status, String rt, String ua, String us, String uct,
                               String uht, String urt, String ucs) {
        Map<String, String> v = Map.of("request_time", rt, "upstream_addr", ua, "upstream_status", us,
                "upstream_connect_time", uct, "upstream_header_time", uht, "upstream_response_time", urt,
                "upstream_cache_status", ucs, "status", status);
        StringBuilder sb = new StringBuilder(String.format(
                "10.0.0.1 - - [05/Dec/2026:10:00:%02d +0000] \"GET /api/x HTTP/1.1\" ", second));
        if (!missing.equals("status")) {
            sb.append(v.get("status")).append(' ');
        }
        sb.append("5 \"-\" \"curl\" ");
        for (String[] f : new String[][] {{"rt=", "request_time", ""}, {"ua=\"", "upstream_addr", "\""},
            {"us=\"", "upstream_status", "\""}, {"uct=\"", "upstream_connect_time", "\""},
            {"uht=\"", "upstream_header_time", "\""}, {"urt=\"", "upstream_response_time", "\""},
            {"ucs=", "upstream_cache_status", ""}}) {
            if (!f[1].equals(missing)) {
                sb.append(f[0]).append(v.get(f[1])).append(f[2]).append(' ');
            }
        }
        return sb.append("msec=").append(String.format("1796464800.%03d", second)).toString();
    }

    /** Twelve lines: proxied (one retried), cached, and answered by nginx itself. */
    private static List<String> lines(String missing) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(line(missing, i, "200", "0.020", "10.0.0.5:80", "200", "0.001", "0.015", "0.018", "MISS"));
            out.add(line(missing, i, "200", "0.030", "10.0.0.6:80, 10.0.0.5:80", "502, 200", "0.001, 0.001",
                    "0.004, 0.020", "0.005, 0.022", "MISS"));
            out.add(line(missing, i, "200", "0.000", "-", "-", "-", "-", "-", "HIT"));
        }
        return out;
    }

    private static JsonNode report(String name, List<String> lines, String format) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, lines);
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--json", "--log-format", format);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("rejected").asLong()).as("%s", j.get("rejects")).isZero();
        return j;
    }

    @Test
    void everythingLogged_isMeasured() throws Exception {
        JsonNode j = report("all.log", lines("none"), Preset.TIMING.formatText());
        assertThat(j.get("upstream_time_ms").get("count").asLong()).isEqualTo(8);
        assertThat(j.get("tiers").get("cache").get("requests").asLong()).isEqualTo(4);
        assertThat(j.get("upstreams").get("10.0.0.6:80").get("failed").asLong()).isEqualTo(4);
        assertThat(j.get("retried_requests").asLong()).isEqualTo(4);
        assertThat(j.get("internal_redirects").asLong()).isZero();
        assertThat(j.get("upstream_exceeds_request").isNumber()).isTrue();
    }

    @Test
    void withoutUpstreamResponseTime_upstreamTimeIsNull_notZero_andNginxTimeOfProxiedRequestsUnknown() throws Exception {
        JsonNode j = report("nourt.log", lines("upstream_response_time"), timingWithout("upstream_response_time"));
        assertThat(j.get("upstream_time_ms").isNull()).isTrue();
        assertThat(j.get("upstreams").get("10.0.0.5:80").get("response_time_ms").isNull()).isTrue();
        // only the cache hits' request time is all nginx: the proxied ones cannot be split
        assertThat(j.get("nginx_time_ms").get("count").asLong()).isEqualTo(4);
        assertThat(j.get("upstreams").get("10.0.0.5:80").get("attempts").asLong()).isEqualTo(8);
        assertThat(j.get("upstream_exceeds_request").isNull()).as("no upstream time to exceed with: unknown, not 0").isTrue();
    }

    @Test
    void withoutUpstreamStatus_failedIsNull_notEveryAttempt() throws Exception {
        JsonNode j = report("nous.log", lines("upstream_status"), timingWithout("upstream_status"));
        for (JsonNode u : j.get("upstreams")) {
            assertThat(u.get("failed").isNull()).as("%s", u).isTrue();
            // no outcome known: neither "0 without a connection" nor "0 abandoned by the client"
            assertThat(u.get("not_connected").isNull()).as("%s", u).isTrue();
            assertThat(u.get("client_aborts").isNull()).as("%s", u).isTrue();
            assertThat(u.get("kind").asText()).isEqualTo("address");
        }
        // retries come from the address list (two servers of one group), not from statuses
        assertThat(j.get("retried_requests").asLong()).isEqualTo(4);
        assertThat(j.get("findings").findValuesAsText("kind")).doesNotContain("failing_backend");
    }

    @Test
    void withoutUpstreamAddr_attemptsAreOneEntry_saidNotLogged() throws Exception {
        JsonNode j = report("noua.log", lines("upstream_addr"), timingWithout("upstream_addr"));
        assertThat(j.get("upstreams").size()).isEqualTo(1);
        JsonNode entry = j.get("upstreams").get("(address not logged)");
        assertThat(entry.get("kind").asText()).isEqualTo("not_logged");
        assertThat(entry.get("attempts").asLong()).isEqualTo(12);
        assertThat(j.get("upstreams").has("-")).isFalse();
    }

    @Test
    void withoutCacheStatus_cacheAndNginxTiersAreNull_andRequestsWithoutAttemptAreNginxOrCache() throws Exception {
        JsonNode j = report("noucs.log", lines("upstream_cache_status"), timingWithout("upstream_cache_status"));
        assertThat(j.get("tiers").get("cache").isNull()).isTrue();
        assertThat(j.get("tiers").get("nginx").isNull()).isTrue();
        assertThat(j.get("tiers").get("nginx_or_cache").get("requests").asLong()).isEqualTo(4);
        assertThat(j.get("tiers").get("upstream").get("requests").asLong()).isEqualTo(8);
    }

    @Test
    void withoutRequestTime_requestAndNginxTimesAreNull() throws Exception {
        JsonNode j = report("nort.log", lines("request_time"), timingWithout("request_time"));
        assertThat(j.get("request_time_ms").isNull()).isTrue();
        assertThat(j.get("nginx_time_ms").isNull()).isTrue();
        assertThat(j.get("tiers").get("upstream").get("request_time_ms").isNull()).isTrue();
        assertThat(j.get("upstream_time_ms").get("count").asLong()).isEqualTo(8);
        assertThat(j.get("upstream_exceeds_request").isNull()).as("no request time to exceed: unknown, not 0").isTrue();
    }

    @Test
    void withoutConnectAndHeaderTime_thoseAreNull_andTheCsvCellsEmpty() throws Exception {
        String format = timingWithout("upstream_connect_time").replace("uht=\"$upstream_header_time\" ", "");
        List<String> lines = new ArrayList<>();
        for (String l : lines("upstream_connect_time")) {
            lines.add(l.replaceAll("uht=\"[^\"]*\" ", ""));
        }
        JsonNode j = report("nouct.log", lines, format);
        assertThat(j.get("upstream_connect_ms").isNull()).isTrue();
        assertThat(j.get("upstream_header_ms").isNull()).isTrue();
        assertThat(j.get("upstreams").get("10.0.0.5:80").get("connect_time_ms").isNull()).isTrue();
    }

    @Test
    void withoutStatus_statusIsNull_notOther() throws Exception {
        JsonNode j = report("nostatus.log", lines("status"), timingWithout("status"));
        assertThat(j.get("status").isNull()).isTrue();
        assertThat(j.get("requests_without_status").asLong()).isEqualTo(12);
        assertThat(j.get("routes").get("top").get(0).get("error_rate").isNull()).isTrue();
    }

    @Test
    void csv_writesAnEmptyCell_whereJsonSaysNull() throws Exception {
        Path f = dir.resolve("csv.log");
        Files.write(f, lines("request_time"));
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--json", "--csv", dir.resolve("s.csv").toString(),
                "--log-format", timingWithout("request_time"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("s.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        String[] row = csv.get(1).split(",", -1);
        assertThat(row[header.indexOf("p99_ms")]).isEmpty();
        assertThat(row[header.indexOf("mean_nginx_ms")]).isEmpty();
        assertThat(row[header.indexOf("upstream_p99_ms")]).isNotEmpty();
    }

    @Test
    void terminal_showsNotAvailable_whereJsonSaysNull() throws Exception {
        Path f = dir.resolve("term.log");
        Files.write(f, lines("upstream_status"));
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--log-format", timingWithout("upstream_status"));
        String upstreams = r.out().substring(r.out().indexOf("Upstreams"));
        assertThat(upstreams).containsPattern("10\\.0\\.0\\.6:80\\s+4\\s+n/a").contains("no $upstream_status");
    }

    @Test
    void upstreamListsOfDifferentLengths_areNoted_withASample_andNoAttemptIsInvented() throws Exception {
        List<String> lines = new ArrayList<>(lines("none"));
        // two addresses, one status and three response times: two attempts, aligned by position
        lines.add(line("none", 9, "502", "0.040", "10.0.0.6:80, 10.0.0.5:80", "502", "0.001, 0.001", "0.004, 0.020",
                "0.005, 0.022, 0.013", "MISS"));
        JsonNode j = report("mismatch.log", lines, Preset.TIMING.formatText());
        assertThat(j.get("notes").get("by_reason").get("inconsistent upstream lists").asLong()).isEqualTo(1);
        JsonNode sample = j.get("notes").get("samples").get(0);
        assertThat(sample.get("line").asLong()).isEqualTo(13);
        assertThat(sample.get("text").asText()).contains("0.005, 0.022, 0.013");
        long attempts = 0;
        for (JsonNode u : j.get("upstreams")) {
            attempts += u.get("attempts").asLong();
        }
        assertThat(attempts).as("4 + 8 + 2, none for the extra time").isEqualTo(14);
    }

    /** nginx never writes a negative or non-numeric time: such a line is rejected, the variable named, and the others counted. */
    @Test
    void aNegativeOrNonNumericTime_rejectsItsLine_namingTheVariable() throws Exception {
        List<String> lines = new ArrayList<>(lines("none"));
        lines.add(line("none", 20, "200", "-0.010", "-", "-", "-", "-", "-", "-"));
        lines.add(line("none", 21, "200", "abc", "-", "-", "-", "-", "-", "-"));
        lines.add(line("none", 22, "200", "0.010", "10.0.0.5:80", "200", "0.001", "-0.5", "0.004", "MISS"));
        Path f = dir.resolve("badtimes.log");
        Files.write(f, lines);
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--json", "--log-format",
                Preset.TIMING.formatText());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("requests").asLong()).isEqualTo(12);
        assertThat(j.get("rejected").asLong()).isEqualTo(3);
        assertThat(j.get("request_time_ms").get("count").asLong()).isEqualTo(12);
        List<String> reasons = new ArrayList<>();
        j.get("rejects").get("samples").forEach(s -> reasons.add(s.get("line").asInt() + ": " + s.get("reason").asText()));
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).startsWith("13: ").contains("$request_time");
        assertThat(reasons.get(1)).startsWith("14: ").contains("in $request_time");
        assertThat(reasons.get(2)).startsWith("15: ").contains("$upstream_header_time");
    }

    @Test
    void aRequestTimeOf41Years_isClampedInEveryStatistic_andCounted() throws Exception {
        List<String> lines = new ArrayList<>(lines("none"));
        lines.add(line("none", 9, "200", "1299760000.321", "-", "-", "-", "-", "-", "-"));
        JsonNode j = report("clock.log", lines, Preset.TIMING.formatText());
        JsonNode rt = j.get("request_time_ms");
        double hourMs = j.get("precision").get("highest_ms").asDouble();
        assertThat(hourMs).isEqualTo(3_600_000);
        assertThat(rt.get("clamped").asLong()).isEqualTo(1);
        assertThat(rt.get("max").asDouble()).isLessThanOrEqualTo(hourMs);
        assertThat(rt.get("mean").asDouble()).isLessThanOrEqualTo(hourMs);
        assertThat(rt.get("p99").asDouble()).isLessThanOrEqualTo(rt.get("max").asDouble());
    }

    @Test
    void noLiveUpstreams_refusedPort_andClientAbort_asNginxLogsThem() throws Exception {
        List<String> lines = new ArrayList<>(lines("none"));
        for (int i = 0; i < 10; i++) {
            // no live upstreams: the group's name, 502, no connect time, 0.000
            lines.add(line("none", 10 + i, "502", "0.000", "dead", "502", "-", "-", "0.000", "-"));
            // a refused port, then the fallback group answered
            lines.add(line("none", 10 + i, "200", "0.003", "127.0.0.1:9 : 10.0.0.5:80", "502 : 200", "- : 0.001",
                    "- : 0.002", "0.001 : 0.002", "-"));
        }
        // a client that hung up while the backend worked: 499 and upstream status -
        lines.add(line("none", 30, "499", "0.008", "10.0.0.5:80", "-", "0.001", "-", "0.007", "-"));
        JsonNode j = report("facts.log", lines, Preset.TIMING.formatText());
        JsonNode dead = j.get("upstreams").get("dead");
        assertThat(dead.get("kind").asText()).isEqualTo("group");
        assertThat(dead.get("failed").asLong()).isEqualTo(10);
        assertThat(dead.get("not_connected").asLong()).isEqualTo(10);
        JsonNode refused = j.get("upstreams").get("127.0.0.1:9");
        assertThat(refused.get("failed").asLong()).isEqualTo(10);
        assertThat(refused.get("response_time_ms").get("count").asLong()).as("no response time").isZero();
        JsonNode backend = j.get("upstreams").get("10.0.0.5:80");
        assertThat(backend.get("client_aborts").asLong()).isEqualTo(1);
        assertThat(backend.get("failed").asLong()).isZero();
        assertThat(j.get("internal_redirects").asLong()).isEqualTo(10);
        assertThat(j.get("findings").findValuesAsText("kind")).contains("failing_backend");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET"})
    void cacheCandidates_onlyForMethodsACacheServes(String method) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(line("none", i % 60, "200", "0.020", "10.0.0.5:80", "200", "0.001", "0.015", "0.018", "MISS")
                    .replace("GET /api/x", method + " /api/orders"));
        }
        JsonNode j = report("cache-" + method + ".log", lines, Preset.TIMING.formatText());
        List<String> kinds = j.get("findings").findValuesAsText("kind");
        if (method.equals("POST")) {
            assertThat(kinds).doesNotContain("cache_candidate");
        } else {
            assertThat(kinds).contains("cache_candidate");
        }
    }
}
