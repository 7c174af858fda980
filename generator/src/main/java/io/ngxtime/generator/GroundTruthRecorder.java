package io.ngxtime.generator;

import io.ngxtime.grammar.CacheStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts what the generator writes, line by line, and builds the {@link GroundTruth}. Not thread-safe. */
final class GroundTruthRecorder {
    private static final int[] PERCENTILES = {50, 90, 99};
    private static final String[] KNOWN_METHODS = {"GET", "POST", "HEAD", "PUT"};
    private static final byte[][] KNOWN_METHOD_BYTES = new byte[KNOWN_METHODS.length][];

    static {
        for (int i = 0; i < KNOWN_METHODS.length; i++) {
            KNOWN_METHOD_BYTES[i] = KNOWN_METHODS[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final long startMillis;
    private final int[] perSecond;
    private long lines;
    private long requests;
    private final long[] malformed = new long[MalformedKind.values().length];
    private final long[] odd = new long[OddLine.values().length];
    private final long[] byStatus = new long[1000];
    private final long[] byKnownMethod = new long[KNOWN_METHODS.length];
    private final Map<String, Long> otherMethods = new TreeMap<>();
    private final long[] byTier = new long[ServedBy.values().length];
    private final long[] byCacheStatus = new long[CacheStatus.values().length];
    private final long[] attemptsByServer = new long[Upstreams.count()];
    private long retried;
    private long redirected;
    private long exceeding;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;
    private long[] timeHistogram = new long[8192];
    private long timeSumMillis;
    private long timeMaxMillis;
    private final long[] crowdRequests;
    /** Per crowd, its requests by the tier that served them. */
    private final long[][] crowdTiers;

    GroundTruthRecorder(long startMillis, int durationSeconds, int crowds) {
        this.startMillis = startMillis;
        this.perSecond = new int[durationSeconds];
        this.crowdRequests = new long[crowds];
        this.crowdTiers = new long[crowds][ServedBy.values().length];
    }

    void malformed(MalformedKind kind) {
        lines++;
        malformed[kind.ordinal()]++;
    }

    void request(GeneratedRequest r) {
        lines++;
        requests++;
        perSecond[(int) ((r.timeMillis - startMillis) / 1000)]++;
        firstMillis = Math.min(firstMillis, r.timeMillis);
        lastMillis = Math.max(lastMillis, r.timeMillis);
        byStatus[r.status]++;
        method(r);
        byTier[r.servedBy().ordinal()]++;
        byCacheStatus[r.cacheStatus.ordinal()]++;
        if (r.odd != null) {
            odd[r.odd.ordinal()]++;
        }
        if (r.crowdIndex >= 0) {
            crowdRequests[r.crowdIndex]++;
            crowdTiers[r.crowdIndex][r.servedBy().ordinal()]++;
        }
        int n = r.attemptCount;
        for (int i = 0; i < n; i++) {
            attemptsByServer[r.attemptServer[i]]++;
        }
        if (n > 0) {
            boolean retry = false;
            for (int i = 1; i < n; i++) {
                retry |= r.attemptGroup[i] == r.attemptGroup[i - 1];
            }
            retried += retry ? 1 : 0;
            redirected += r.attemptGroup[n - 1] != r.attemptGroup[0] ? 1 : 0;
            exceeding += r.upstreamMillis() > r.requestTimeMillis ? 1 : 0;
        }
        long t = r.requestTimeMillis;
        if (t >= timeHistogram.length) {
            timeHistogram = Arrays.copyOf(timeHistogram, (int) Math.max(t + 1, timeHistogram.length * 2L));
        }
        timeHistogram[(int) t]++;
        timeSumMillis += t;
        timeMaxMillis = Math.max(timeMaxMillis, t);
    }

    private void method(GeneratedRequest r) {
        if (r.hasRawRequest) {
            otherMethods.merge("-", 1L, Long::sum);
            return;
        }
        for (int i = 0; i < KNOWN_METHOD_BYTES.length; i++) {
            if (r.method.contentEquals(KNOWN_METHOD_BYTES[i])) {
                byKnownMethod[i]++;
                return;
            }
        }
        otherMethods.merge(r.method.toString(), 1L, Long::sum);
    }

    GroundTruth finish(GroundTruth.Settings settings, List<CrowdPlan> crowds, SpikePlan spike) {
        Map<String, Long> malformedMap = new LinkedHashMap<>();
        for (MalformedKind k : MalformedKind.values()) {
            malformedMap.put(k.key(), malformed[k.ordinal()]);
        }
        Map<String, Long> oddMap = new LinkedHashMap<>();
        for (OddLine k : OddLine.values()) {
            oddMap.put(k.key(), odd[k.ordinal()]);
        }
        SortedMap<Integer, Long> statusMap = new TreeMap<>();
        for (int s = 0; s < byStatus.length; s++) {
            if (byStatus[s] > 0) {
                statusMap.put(s, byStatus[s]);
            }
        }
        SortedMap<String, Long> methodMap = new TreeMap<>(otherMethods);
        for (int i = 0; i < KNOWN_METHODS.length; i++) {
            if (byKnownMethod[i] > 0) {
                methodMap.put(KNOWN_METHODS[i], byKnownMethod[i]);
            }
        }
        Map<String, Long> tierMap = new LinkedHashMap<>();
        for (ServedBy t : ServedBy.values()) {
            tierMap.put(t.key(), byTier[t.ordinal()]);
        }
        Map<String, Long> cacheMap = new LinkedHashMap<>();
        for (CacheStatus c : CacheStatus.values()) {
            if (byCacheStatus[c.ordinal()] > 0) {
                cacheMap.put(c == CacheStatus.NONE ? "-" : c.name(), byCacheStatus[c.ordinal()]);
            }
        }
        SortedMap<String, Long> attemptMap = new TreeMap<>();
        for (int i = 0; i < attemptsByServer.length; i++) {
            attemptMap.put(Upstreams.address(i), attemptsByServer[i]);
        }

        GroundTruthTimes times = new GroundTruthTimes(startMillis, settings.start().getOffset());
        int busiestIndex = 0;
        for (int i = 1; i < perSecond.length; i++) {
            if (perSecond[i] > perSecond[busiestIndex]) {
                busiestIndex = i;
            }
        }
        GroundTruth.BusySecond busiest = new GroundTruth.BusySecond(times.second(busiestIndex), perSecond[busiestIndex]);
        GroundTruth.BusySecond spikeSecond = spike == null ? null
                : new GroundTruth.BusySecond(times.second(spike.second()), perSecond[spike.second()]);

        List<GroundTruth.Peak> peaks = new ArrayList<>();
        for (CrowdPlan c : crowds) {
            peaks.add(peak(c, times));
        }
        return new GroundTruth(settings, lines, requests, malformedMap, oddMap, statusMap, methodMap, tierMap, cacheMap,
                attemptMap, retried, redirected, exceeding, firstMillis, lastMillis, perSecond, busiest, spikeSecond,
                requestTimes(), peaks);
    }

    private GroundTruth.Peak peak(CrowdPlan c, GroundTruthTimes times) {
        int from = c.startSecond();
        int to = Math.min(c.endSecond(), perSecond.length);
        long sum = 0;
        int busiest = from;
        for (int i = from; i < to; i++) {
            sum += perSecond[i];
            if (perSecond[i] > perSecond[busiest]) {
                busiest = i;
            }
        }
        long around = 0;
        int seconds = 0;
        for (int i = Math.max(0, from - 1800); i < from; i++, seconds++) {
            around += perSecond[i];
        }
        for (int i = to; i < Math.min(perSecond.length, to + 1800); i++, seconds++) {
            around += perSecond[i];
        }
        double baseline = seconds == 0 ? 0 : Math.round(1000.0 * around / seconds) / 1000.0;
        Map<String, Long> tiers = new LinkedHashMap<>();
        for (ServedBy t : ServedBy.values()) {
            tiers.put(t.key(), crowdTiers[c.index()][t.ordinal()]);
        }
        return new GroundTruth.Peak(times.second(from), times.second(c.endSecond()), c.peakMultiplier(), c.route(),
                RequestSampler.PARTNER_REFERER, c.network() + "0/24", sum, crowdRequests[c.index()], tiers,
                new GroundTruth.BusySecond(times.second(busiest), perSecond[busiest]), baseline);
    }

    private GroundTruth.RequestTimes requestTimes() {
        long[] pct = new long[PERCENTILES.length];
        if (requests > 0) {
            for (int k = 0; k < PERCENTILES.length; k++) {
                long rank = (PERCENTILES[k] * requests + 99) / 100;
                long seen = 0;
                for (int v = 0; v < timeHistogram.length; v++) {
                    seen += timeHistogram[v];
                    if (seen >= rank) {
                        pct[k] = v;
                        break;
                    }
                }
            }
        }
        return new GroundTruth.RequestTimes(requests, timeSumMillis, timeMaxMillis, pct[0], pct[1], pct[2]);
    }
}
