package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code report --cache-ttl}: the what-if end to end, from files and from a queue, and its option's errors. */
class CacheWhatIfCommandTest {
    /** A minute's start (epoch seconds). */
    private static final long T0 = 1_791_417_600L;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    @TempDir
    Path dir;

    /**
     * /api/config every 10 s for 10 minutes (60 requests), each a 200 of 1,274 bytes from upstream in 20 ms: a
     * cache candidate (50 or more identical upstream 200s).
     */
    private Path log() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long s = T0 + 10L * i;
            String time = LOCAL.format(Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC));
            lines.add("192.0.2.7 - - [" + time + "] \"GET /api/config HTTP/1.1\" 200 1274 \"-\" \"curl/8\" rt=0.021"
                    + " ua=\"10.0.1.1:8080\" us=\"200\" uct=\"0.001\" uht=\"0.020\" urt=\"0.020\" ucs=MISS msec=" + s + ".000");
        }
        Path f = dir.resolve("config.log");
        Files.write(f, lines);
        return f;
    }

    /**
     * TTL 60 s: every minute starts with a miss (stored for exactly that minute) and its 5 other requests are hits.
     * 10 minutes: 10 misses, 50 hits, 50 × 20 ms = 1,000 ms saved of 60 × 20 = 1,200 ms. Every minute has 6
     * upstream requests: the busiest is the earliest, T0, with 5 saved (100 ms).
     */
    private static void assertSavings(JsonNode w) {
        assertThat(w.get("ttl_seconds").asLong()).isEqualTo(60);
        assertThat(w.get("candidates")).hasSize(1);
        JsonNode c = w.get("candidates").get(0);
        assertThat(c.get("route").asText()).isEqualTo("/api/config");
        assertThat(c.get("upstream_requests").asLong()).isEqualTo(60);
        assertThat(c.get("saved_upstream_requests").asLong()).isEqualTo(50);
        assertThat(c.get("saved_upstream_time_ms").asDouble()).isEqualTo(1000.0);
        assertThat(w.get("upstream_requests").asLong()).isEqualTo(60);
        assertThat(w.get("upstream_time_ms").asDouble()).isEqualTo(1200.0);
        assertThat(w.get("saved_upstream_requests").asLong()).isEqualTo(50);
        assertThat(w.get("saved_upstream_time_ms").asDouble()).isEqualTo(1000.0);
        assertThat(w.get("saved_share_of_upstream_requests").asDouble()).isEqualTo(50.0 / 60);
        JsonNode m = w.get("busiest_minute");
        assertThat(m.get("start").asText()).isEqualTo("2026-10-08T00:00:00Z");
        assertThat(m.get("upstream_requests").asLong()).isEqualTo(6);
        assertThat(m.get("saved_upstream_requests").asLong()).isEqualTo(5);
        assertThat(m.get("saved_upstream_time_ms").asDouble()).isEqualTo(100.0);
        assertThat(w.get("approximate").asBoolean()).isFalse();
    }

    @Test
    void report_cacheTtl_ofFiles_savesWhatTheModelSays() throws Exception {
        ReportCommandTest.Run run = ReportCommandTest.run("report", log().toString(), "--cache-ttl", "60s", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = run.json();
        assertSavings(report.get("cache_what_if"));
        assertThat(report.get("findings").findValuesAsText("kind")).contains("cache_what_if");
    }

    @Test
    void report_cacheTtl_ofAQueue_savesTheSame() throws Exception {
        Path queue = dir.resolve("q");
        ReportCommandTest.Run ingest = ReportCommandTest.run("ingest", log().toString(), "--queue", queue.toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        ReportCommandTest.Run run = ReportCommandTest.run("report", "--queue", queue.toString(), "--cache-ttl", "1m", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertSavings(run.json().get("cache_what_if"));
    }

    @Test
    void report_cacheTtl_inTheTerminal_saysTheSavings() throws Exception {
        ReportCommandTest.Run run = ReportCommandTest.run("report", log().toString(), "--cache-ttl", "60");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Cache what-if: a 1 min TTL on the cache candidates")
                .contains("Would have saved 50 of 60 upstream requests (83.3%) and 1.00 s of 1.20 s upstream time (83.3%).");
    }

    @Test
    void report_withoutCacheTtl_hasNoWhatIf() throws Exception {
        ReportCommandTest.Run run = ReportCommandTest.run("report", log().toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().has("cache_what_if")).isFalse();
        assertThat(run.json().has("cdn_offload")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "5x", "-1m", "31d", "1.5s", ""})
    void report_badCacheTtl_isAUsageError(String ttl) throws Exception {
        ReportCommandTest.Run run = ReportCommandTest.run("report", log().toString(), "--cache-ttl", ttl);
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--cache-ttl").doesNotContain("Exception");
    }
}
