package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.UpstreamAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Load and latency per backend per minute, for the saturation estimate ({@link KneeEstimator}): for each
 * server address ({@code IP:port}, {@code unix:path}; not a group's name), per period, its attempts (its
 * load) and a {@link QuarterOctaveHistogram} of their response times.
 *
 * <p><b>Bounds.</b> At most {@value #MAX_ADDRESSES} addresses are kept: the first seen; an attempt at
 * another is counted in {@link #untrackedAttempts()} only. When two parts merge with more than that between
 * them, the busiest are kept. A period is a minute; when one address would have more than
 * {@value #MAX_PERIODS} periods (a week of minutes), every period doubles (two minutes, four, ...), so a
 * month of logs costs what a week does. A period holds about 25 ints in a typical minute (at most 65):
 * about 1.5 MB per address for a busy week, 25 MB at most for all of them in a typical week.
 *
 * <p>An address tracked in one part but not in another has only part of its attempts here; the report
 * compares {@link #attempts(String)} with the upstream table's count and estimates only complete ones.
 * Mergeable; single-writer; {@link java.io.Serializable} for the distributed run.
 */
public final class SaturationAggregator implements Aggregator<SaturationAggregator>, java.io.Serializable {
    public static final int MAX_ADDRESSES = 16;
    public static final int MAX_PERIODS = 10_080;

    private int periodSeconds = 60;
    private final Map<String, Series> byAddress = new HashMap<>();
    private long untrackedAttempts;
    /** What the requests' formats log ({@link Logged} bits). */
    private int logged;

    /** One address's periods. */
    static final class Series implements java.io.Serializable {
        final Map<Long, LoadPeriod> periods = new HashMap<>();
        /** Attempts of requests without a time: in no period, but counted for the completeness check. */
        long untimedAttempts;
        long attempts;
        /** The last period used: requests come mostly in time order. */
        transient long lastKey = Long.MIN_VALUE;
        transient LoadPeriod last;

        void merge(Series o) {
            for (Map.Entry<Long, LoadPeriod> e : o.periods.entrySet()) {
                periods.computeIfAbsent(e.getKey(), k -> new LoadPeriod()).merge(e.getValue());
            }
            untimedAttempts += o.untimedAttempts;
            attempts += o.attempts;
            last = null;
            lastKey = Long.MIN_VALUE;
        }
    }

    @Override
    public void add(Request r) {
        int n = r.attemptCount();
        if (n == 0) {
            return;
        }
        logged |= r.logged();
        boolean timed = r.logs(Logged.UPSTREAM_RESPONSE_TIME);
        long millis = r.timeMillis();
        for (int i = 0; i < n; i++) {
            String address = r.attemptAddress(i);
            if (address == null || UpstreamAddress.isGroupName(address)) {
                continue;
            }
            Series s = byAddress.get(address);
            if (s == null) {
                if (byAddress.size() >= MAX_ADDRESSES) {
                    untrackedAttempts++;
                    continue;
                }
                s = new Series();
                byAddress.put(address, s);
            }
            s.attempts++;
            if (millis < 0) {
                s.untimedAttempts++;
                continue;
            }
            LoadPeriod p = period(s, Math.floorDiv(millis, 1000L * periodSeconds));
            p.attempts++;
            if (timed && r.attemptOutcome(i).hasResponseTime()) {
                p.responseTimes.record(r.attemptResponseMicros(i));
            }
        }
    }

    private LoadPeriod period(Series s, long key) {
        if (key == s.lastKey && s.last != null) {
            return s.last;
        }
        LoadPeriod p = s.periods.get(key);
        if (p == null) {
            if (s.periods.size() >= MAX_PERIODS) {
                coarsen(periodSeconds * 2);
                return period(s, Math.floorDiv(key * (periodSeconds / 2), periodSeconds));
            }
            p = new LoadPeriod();
            s.periods.put(key, p);
        }
        s.lastKey = key;
        s.last = p;
        return p;
    }

    /** Widens every period to {@code seconds} (a multiple of the current width), merging the periods it joins. */
    private void coarsen(int seconds) {
        int factor = seconds / periodSeconds;
        for (Series s : byAddress.values()) {
            Map<Long, LoadPeriod> wider = new HashMap<>();
            for (Map.Entry<Long, LoadPeriod> e : s.periods.entrySet()) {
                wider.computeIfAbsent(Math.floorDiv(e.getKey(), factor), k -> new LoadPeriod()).merge(e.getValue());
            }
            s.periods.clear();
            s.periods.putAll(wider);
            s.last = null;
            s.lastKey = Long.MIN_VALUE;
        }
        periodSeconds = seconds;
    }

    @Override
    public void merge(SaturationAggregator o) {
        if (o.periodSeconds > periodSeconds) {
            coarsen(o.periodSeconds);
        }
        int factor = periodSeconds / o.periodSeconds;
        for (Map.Entry<String, Series> e : o.byAddress.entrySet()) {
            Series mine = byAddress.computeIfAbsent(e.getKey(), k -> new Series());
            if (factor == 1) {
                mine.merge(e.getValue());
            } else {
                Series wider = new Series();
                wider.attempts = e.getValue().attempts;
                wider.untimedAttempts = e.getValue().untimedAttempts;
                for (Map.Entry<Long, LoadPeriod> p : e.getValue().periods.entrySet()) {
                    wider.periods.computeIfAbsent(Math.floorDiv(p.getKey(), factor), k -> new LoadPeriod()).merge(p.getValue());
                }
                mine.merge(wider);
            }
        }
        untrackedAttempts += o.untrackedAttempts;
        logged |= o.logged;
        if (byAddress.size() > MAX_ADDRESSES) {
            List<Map.Entry<String, Series>> all = new ArrayList<>(byAddress.entrySet());
            all.sort(Comparator.<Map.Entry<String, Series>>comparingLong(e -> -e.getValue().attempts)
                    .thenComparing(Map.Entry::getKey));
            for (Map.Entry<String, Series> e : all.subList(MAX_ADDRESSES, all.size())) {
                untrackedAttempts += e.getValue().attempts;
                byAddress.remove(e.getKey());
            }
        }
        int most = byAddress.values().stream().mapToInt(s -> s.periods.size()).max().orElse(0);
        while (most > MAX_PERIODS) {
            coarsen(periodSeconds * 2);
            most = byAddress.values().stream().mapToInt(s -> s.periods.size()).max().orElse(0);
        }
    }

    /** The length of a period, seconds: 60, or a power-of-two multiple of it over long logs. */
    public int periodSeconds() {
        return periodSeconds;
    }

    /** Attempts at addresses beyond the {@value #MAX_ADDRESSES} kept. */
    public long untrackedAttempts() {
        return untrackedAttempts;
    }

    /** Whether the formats log {@code $upstream_response_time}. */
    boolean responseTimeLogged() {
        return Logged.UPSTREAM_RESPONSE_TIME.in(logged);
    }

    /** Attempts counted for {@code address} (0 when it is not kept). */
    public long attempts(String address) {
        Series s = byAddress.get(address);
        return s == null ? 0 : s.attempts;
    }

    /**
     * The saturation estimate of {@code address} ({@link KneeEstimator}), when the formats log response
     * times and every one of its {@code attempts} (the upstream table's count) is here; otherwise empty.
     */
    public java.util.Optional<io.ngxtime.analyzer.report.Saturation> saturation(String address, long attempts) {
        Series s = byAddress.get(address);
        if (s == null || s.attempts != attempts || !responseTimeLogged()) {
            return java.util.Optional.empty();
        }
        return KneeEstimator.estimate(periods(address), periodSeconds, address.hashCode());
    }

    /** The periods of {@code address} in time order (empty when it is not kept). */
    List<LoadPeriod> periods(String address) {
        Series s = byAddress.get(address);
        if (s == null) {
            return List.of();
        }
        return s.periods.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }
}
