package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.ingest.FileRequestSource;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.CacheWhatIf;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.TestRequests;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TTL cache model against savings computed by hand, its order and its bounds. */
class CacheReplayTest {
    /** A minute's start (epoch seconds): 2026-10-08T00:00:00Z. */
    private static final long T0 = 1_791_417_600L;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final Duration TTL = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /**
     * One line of the {@code timing} preset at {@code T0 + second}: answered by upstream in {@code urt} seconds,
     * or (urt null) by nginx's cache without an attempt.
     */
    private static String line(int second, String method, String target, int status, String urt) {
        String time = LOCAL.format(Instant.ofEpochSecond(T0 + second).atOffset(ZoneOffset.ofHours(-7)));
        String upstream = urt == null ? "ua=\"-\" us=\"-\" uct=\"-\" uht=\"-\" urt=\"-\" ucs=HIT"
                : "ua=\"10.0.1.1:8080\" us=\"" + status + "\" uct=\"0.001\" uht=\"" + urt + "\" urt=\"" + urt + "\" ucs=MISS";
        return "192.0.2.7 - - [" + time + "] \"" + method + " " + target + " HTTP/1.1\" " + status + " 1274 \"-\" \"curl/8\" rt="
                + (urt == null ? "0.000" : urt) + " " + upstream + " msec=" + (T0 + second) + ".000";
    }

    private static LogFormat timing() {
        return LogFormats.presets().stream().filter(f -> f.name().equals("timing")).findFirst().orElseThrow();
    }

    @Test
    void replay_ofAHandWrittenLog_savesExactlyWhatWasComputedByHand() throws Exception {
        // TTL 60 s, candidate route /api/config; key = the target with its query (the format logs no $host).
        List<String> lines = List.of(
                line(10, "GET", "/api/config", 200, "0.020"),     // b: read before a (out of order): replayed after it: hit, 20 ms saved
                line(0, "GET", "/api/config", 200, "0.010"),      // a: miss, stored until 60
                line(20, "GET", "/api/config?v=2", 200, "0.030"), // another key: miss, stored until 80
                line(30, "HEAD", "/api/config", 200, "0.040"),    // HEAD shares GET's entry: hit, 40 ms
                line(40, "GET", "/api/config", 200, null),        // nginx's cache served it: not replayed, not upstream
                line(50, "POST", "/api/config", 200, "0.050"),    // not GET/HEAD: upstream, not replayed
                line(60, "GET", "/api/config", 200, "0.060"),     // the entry expired at 60 (not before): miss, stored until 120
                line(70, "GET", "/api/config?v=2", 502, "0.070"), // ?v=2 is stored until 80: hit, 70 ms (a cache answers whatever upstream would have)
                line(85, "GET", "/api/config?v=2", 500, "0.080"), // expired: miss; a 500 is not stored
                line(90, "GET", "/api/config?v=2", 200, "0.090"), // nothing stored: miss, stored until 150
                line(100, "GET", "/other", 200, "0.100"),         // not a candidate: upstream, not replayed
                line(119, "GET", "/api/config", 200, "0.110"));   // stored until 120: hit, 110 ms
        Path log = dir.resolve("hand.log");
        Files.write(log, lines, StandardCharsets.UTF_8);
        CacheReplay replay = new CacheReplay(TTL, List.of("/api/config"));
        new FileRequestSource(List.of(Input.file(log)), timing(), 65536).forEach(TimeWindow.ALL, replay::add);
        CacheWhatIf w = replay.result();

        // upstream: every line but the cache hit at 40: 11 requests, 10+20+...+110 = 660 ms
        assertThat(w.upstreamRequests()).hasValue(11);
        assertThat(w.upstreamTimeMicros()).hasValue(660_000);
        // replayed: the GET/HEAD lines of /api/config that reached upstream: 0, 10, 20, 30, 60, 70, 85, 90, 119 = 9;
        // hits: 10, 30, 70, 119 = 4 requests, 20 + 40 + 70 + 110 = 240 ms
        assertThat(w.candidates()).containsExactly(new CacheWhatIf.Candidate("/api/config", 9, 4, OptionalLong.of(240_000)));
        assertThat(w.savedRequests()).isEqualTo(4);
        assertThat(w.savedUpstreamTimeMicros()).hasValue(240_000);
        // minute T0: 0, 10, 20, 30, 50 = 5 upstream; minute T0+60: 60, 70, 85, 90, 100, 119 = 6, the busiest,
        // with the hits at 70 and 119 saved: 2 requests, 180 ms
        assertThat(w.busiestMinute()).contains(new CacheWhatIf.Minute(T0 + 60, 6, 2, OptionalLong.of(180_000)));
        assertThat(w.lateRequests()).isZero();
        assertThat(w.approximate()).isFalse();
    }

    private static Request upstreamGet(Request r, long millis, String target, int status, long upstreamMicros) {
        TestRequests.get(r, millis, target).status(status);
        r.addAttempt("10.0.1.1:8080", status, 1000, upstreamMicros, upstreamMicros, 0);
        return r;
    }

    @Test
    void replay_ofARequestBeyondTheReorderBuffer_countsItLate() {
        // no buffer: each request is replayed as it comes, and one earlier than the last replayed is late
        CacheReplay replay = new CacheReplay(TTL, List.of("/a"), 10, 0);
        Request r = new Request();
        replay.add(upstreamGet(r, 10_000, "/a", 200, 20_000)); // miss, stored until 70 s
        replay.add(upstreamGet(r, 0, "/a", 200, 10_000));      // late: replayed now, a hit on the entry stored at 10 s
        CacheWhatIf w = replay.result();
        assertThat(w.lateRequests()).isEqualTo(1);
        assertThat(w.approximate()).isTrue();
        assertThat(w.savedUpstreamTimeMicros()).hasValue(10_000);
    }

    @Test
    void replay_withTheTableFull_storesNothingMore_andCountsIt() {
        CacheReplay replay = new CacheReplay(TTL, List.of("/a"), 1, 100);
        Request r = new Request();
        replay.add(upstreamGet(r, 0, "/a?k=1", 200, 1000));     // stored: the table's one entry
        replay.add(upstreamGet(r, 1000, "/a?k=2", 200, 1000));  // table full: not stored
        replay.add(upstreamGet(r, 2000, "/a?k=2", 200, 1000));  // so a miss (would have been a hit)
        replay.add(upstreamGet(r, 3000, "/a?k=1", 200, 1000));  // hit
        CacheWhatIf w = replay.result();
        assertThat(w.entriesNotStored()).isEqualTo(2);
        assertThat(w.savedRequests()).isEqualTo(1);
        assertThat(w.approximate()).isTrue();
    }

    @Test
    void replay_expiredEntries_makeRoomInAFullTable() {
        CacheReplay replay = new CacheReplay(TTL, List.of("/a"), 1, 100);
        Request r = new Request();
        replay.add(upstreamGet(r, 0, "/a?k=1", 200, 1000));       // stored until 60 s
        replay.add(upstreamGet(r, 61_000, "/a?k=2", 200, 1000));  // k=1 expired: dropped, k=2 stored
        replay.add(upstreamGet(r, 62_000, "/a?k=2", 200, 1000));  // hit
        CacheWhatIf w = replay.result();
        assertThat(w.entriesNotStored()).isZero();
        assertThat(w.savedRequests()).isEqualTo(1);
    }

    @Test
    void replay_keysLongerThanTheBound_areKeptDistinct() {
        CacheReplay replay = new CacheReplay(TTL, List.of("/a"));
        Request r = new Request();
        String prefix = "/a?q=" + "x".repeat(CacheReplay.MAX_KEY_CHARS);
        replay.add(upstreamGet(r, 0, prefix + "1", 200, 1000));
        replay.add(upstreamGet(r, 1000, prefix + "2", 200, 1000)); // same first 256 characters, another key: miss
        replay.add(upstreamGet(r, 2000, prefix + "1", 200, 1000)); // hit
        assertThat(replay.result().savedRequests()).isEqualTo(1);
    }

    @Test
    void replay_withoutUpstreamResponseTime_hasNoTime_notZero() {
        CacheReplay replay = new CacheReplay(TTL, List.of("/a"));
        Request r = new Request();
        int withoutResponseTime = io.ngxtime.analyzer.record.Logged.ALL
                & ~io.ngxtime.analyzer.record.Logged.UPSTREAM_RESPONSE_TIME.bit();
        replay.add(upstreamGet(r, 0, "/a", 200, -1).logged(withoutResponseTime));
        replay.add(upstreamGet(r, 1000, "/a", 200, -1).logged(withoutResponseTime));
        CacheWhatIf w = replay.result();
        assertThat(w.savedRequests()).isEqualTo(1);
        assertThat(w.savedUpstreamTimeMicros()).isEmpty();
        assertThat(w.upstreamTimeMicros()).isEmpty();
        assertThat(w.savedShareOfTime()).isEmpty();
    }

    @Test
    void ttl_ofLessThanASecondOrAFraction_isRefused() {
        assertThatThrownBy(() -> new CacheReplay(Duration.ofMillis(500), List.of("/a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.5S");
        assertThatThrownBy(() -> new CacheReplay(Duration.ofMillis(1500), List.of("/a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
