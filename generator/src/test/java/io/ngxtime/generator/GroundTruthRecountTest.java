package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.CacheStatus;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The ground truth against counts recomputed from the written bytes by parsing, independently of the generator. */
class GroundTruthRecountTest {

    /** What a plain pass over the lines finds. */
    private static final class Recount {
        long lines;
        long valid;
        long rejected;
        SortedMap<Integer, Long> status = new TreeMap<>();
        SortedMap<String, Long> methods = new TreeMap<>();
        SortedMap<String, Long> tiers = new TreeMap<>();
        SortedMap<String, Long> cache = new TreeMap<>();
        SortedMap<String, Long> attempts = new TreeMap<>();
        long retried;
        long redirected;
        long exceeding;
        long firstMillis = Long.MAX_VALUE;
        long lastMillis = Long.MIN_VALUE;
        int[] perSecond;
        List<Long> requestMillis = new ArrayList<>();
    }

    private static Recount recount(LogFormat format, byte[] log, long startMillis, int seconds) {
        LineParser parser = format.newParser();
        LogRecord r = format.newRecord();
        Recount c = new Recount();
        c.perSecond = new int[seconds];
        int from = 0;
        for (int i = 0; i < log.length; i++) {
            if (log[i] != '\n') {
                continue;
            }
            c.lines++;
            if (!parser.parse(log, from, i, r)) {
                c.rejected++;
                from = i + 1;
                continue;
            }
            from = i + 1;
            c.valid++;
            c.status.merge(r.status(), 1L, Long::sum);
            c.methods.merge(r.method() == null ? "-" : r.method(), 1L, Long::sum);
            long t = r.timeMillis();
            c.firstMillis = Math.min(c.firstMillis, t);
            c.lastMillis = Math.max(c.lastMillis, t);
            c.perSecond[(int) ((t - startMillis) / 1000)]++;
            if (format.has("request_time")) {
                c.requestMillis.add(r.requestTimeMicros() / 1000);
            }
            if (format.has("upstream_addr")) {
                int n = r.attemptCount();
                String tier = n > 0 ? "upstream" : r.cacheStatus().servedFromCache() ? "cache" : "nginx";
                c.tiers.merge(tier, 1L, Long::sum);
                boolean retry = false;
                for (int a = 0; a < n; a++) {
                    c.attempts.merge(r.attemptAddress(a), 1L, Long::sum);
                    retry |= a > 0 && r.attemptGroup(a) == r.attemptGroup(a - 1);
                }
                c.retried += retry ? 1 : 0;
                c.redirected += n > 0 && r.attemptGroup(n - 1) > 0 ? 1 : 0;
                c.exceeding += r.upstreamExceedsRequest() ? 1 : 0;
            }
            if (format.has("upstream_cache_status")) {
                CacheStatus cs = r.cacheStatus();
                c.cache.merge(cs == CacheStatus.NONE ? "-" : cs.name(), 1L, Long::sum);
            }
        }
        return c;
    }

    private static byte[] generate(GeneratorConfig config, GroundTruth[] truth) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        truth[0] = LogGenerator.generate(config, out);
        return out.toByteArray();
    }

    @Test
    void groundTruth_timing_equalsRecountFromParsedLines() throws IOException {
        GeneratorConfig config = TestFormats.hour(Preset.TIMING.format(), 21);
        GroundTruth[] truth = new GroundTruth[1];
        byte[] log = generate(config, truth);
        GroundTruth t = truth[0];
        Recount c = recount(config.format(), log, config.startMillis(), config.durationSeconds());

        assertThat(c.lines).isEqualTo(t.lines());
        assertThat(c.valid).isEqualTo(t.requests());
        assertThat(c.rejected).isEqualTo(t.rejected());
        assertThat(c.status).isEqualTo(t.requestsByStatus());
        assertThat(c.methods).isEqualTo(t.requestsByMethod());
        assertThat(c.perSecond).isEqualTo(t.requestsPerSecond());
        assertThat(at(c.firstMillis, config)).isEqualTo(t.firstRequestTime());
        assertThat(at(c.lastMillis, config)).isEqualTo(t.lastRequestTime());
        assertThat(c.tiers).isEqualTo(new TreeMap<>(t.requestsByTier()));
        assertThat(c.cache).isEqualTo(new TreeMap<>(t.requestsByCacheStatus()));
        Map<String, Long> attempts = new TreeMap<>(t.attemptsByAddress());
        attempts.values().removeIf(n -> n == 0);
        assertThat(c.attempts).isEqualTo(attempts);
        assertThat(c.retried).isEqualTo(t.retriedRequests());
        assertThat(c.redirected).isEqualTo(t.internalRedirects());
        assertThat(c.exceeding).isEqualTo(t.upstreamExceedsRequest());

        long[] millis = c.requestMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        GroundTruth.RequestTimes rt = t.requestTimes();
        assertThat(Arrays.stream(millis).sum()).isEqualTo(rt.sumMillis());
        assertThat(millis[millis.length - 1]).isEqualTo(rt.maxMillis());
        assertThat(millis[(int) Math.ceil(0.50 * millis.length) - 1]).isEqualTo(rt.p50Millis());
        assertThat(millis[(int) Math.ceil(0.90 * millis.length) - 1]).isEqualTo(rt.p90Millis());
        assertThat(millis[(int) Math.ceil(0.99 * millis.length) - 1]).isEqualTo(rt.p99Millis());

        int busiest = 0;
        for (int i = 1; i < c.perSecond.length; i++) {
            busiest = c.perSecond[i] > c.perSecond[busiest] ? i : busiest;
        }
        assertThat(t.busiestSecond().requests()).isEqualTo(c.perSecond[busiest]);
        assertThat(t.busiestSecond().time()).isEqualTo(at(config.startMillis() + busiest * 1000L, config));
    }

    @Test
    void groundTruth_combined_equalsRecountFromParsedLines() throws IOException {
        GeneratorConfig config = TestFormats.hour(Preset.COMBINED.format(), 22);
        GroundTruth[] truth = new GroundTruth[1];
        byte[] log = generate(config, truth);
        GroundTruth t = truth[0];
        Recount c = recount(config.format(), log, config.startMillis(), config.durationSeconds());

        assertThat(c.valid).isEqualTo(t.requests());
        assertThat(c.rejected).isEqualTo(t.rejected());
        assertThat(c.status).isEqualTo(t.requestsByStatus());
        assertThat(c.perSecond).isEqualTo(t.requestsPerSecond());
        // combined logs whole seconds only
        assertThat(at(c.firstMillis, config)).isEqualTo(t.firstRequestTime().withNano(0));
        assertThat(at(c.lastMillis, config)).isEqualTo(t.lastRequestTime().withNano(0));
    }

    @Test
    void groundTruth_upstreamInfo_attemptsEqualRecount() throws IOException {
        GeneratorConfig config = TestFormats.hour(Preset.UPSTREAMINFO.format(), 23);
        GroundTruth[] truth = new GroundTruth[1];
        byte[] log = generate(config, truth);
        GroundTruth t = truth[0];
        Recount c = recount(config.format(), log, config.startMillis(), config.durationSeconds());

        assertThat(c.status).isEqualTo(t.requestsByStatus());
        Map<String, Long> attempts = new TreeMap<>(t.attemptsByAddress());
        attempts.values().removeIf(n -> n == 0);
        assertThat(c.attempts).isEqualTo(attempts);
        assertThat(c.redirected).isEqualTo(t.internalRedirects());
        assertThat(c.retried).isEqualTo(t.retriedRequests());
        // upstreaminfo has no cache status: cache hits look like nginx answers
        assertThat(c.tiers.get("upstream")).isEqualTo(t.requestsByTier().get("upstream"));
    }

    private static OffsetDateTime at(long millis, GeneratorConfig config) {
        return Instant.ofEpochMilli(millis).atOffset(config.zoneOffset());
    }
}
