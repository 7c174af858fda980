package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.PeakWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The second pass over a peak's surge and its baseline window: what was over-represented in the surge
 * (referrers, routes, client networks, user agents, upstreams), and how p99 latency and the 5xx rate
 * moved. The "before" side of peak {@code i} is exactly the baseline {@link PeakFinder} stated:
 * {@code [baselineStartSecond, baselineEndSecond)} without the seconds of other peaks' surges, so the
 * baseline rate, the request count, p99, 5xx rate and attribution shares all describe the same requests.
 * Mergeable.
 */
public final class PeakAttribution implements Aggregator<PeakAttribution>, java.io.Serializable {
    /** The dimensions a surge is attributed to, in report order. */
    public enum Dimension {
        REFERRER, ROUTE, CLIENT_NETWORK, USER_AGENT, UPSTREAM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int CAPACITY = 1000;
    /** The upstream "value" of a request without an attempt, by its tier's ordinal: {@code (none: cache)}. */
    private static final String[] NO_ATTEMPT = new String[Tier.values().length];

    static {
        for (Tier t : Tier.values()) {
            NO_ATTEMPT[t.ordinal()] = "(none: " + t.key() + ")";
        }
    }
    /** A value is listed as over-represented when it accounts for at least this many (5) excess requests. */
    public static final double MIN_EXCESS_REQUESTS = 5;
    /** ... and its share of the surge's requests exceeds its share before by at least this (2 points). */
    public static final double MIN_SHARE_POINTS = 0.02;

    /** Counts of one side (surge or baseline) of one peak. */
    static final class Side implements java.io.Serializable {
        long requests;
        long errors5xx;
        /** Requests whose status was logged: the 5xx share is over these. */
        long statusLogged;
        final LogHistogram requestTime = new LogHistogram();
        final List<TopK<Void>> dims = new ArrayList<>();
        private final DerivedStrings routes = DerivedStrings.routes();
        private final DerivedStrings networks = DerivedStrings.networks();
        /** The requests by tier and their attempts by backend: where the load went. */
        final SurgeLoad load = new SurgeLoad();

        Side() {
            for (int i = 0; i < Dimension.values().length; i++) {
                dims.add(TopK.counts(CAPACITY));
            }
        }

        void add(Request r) {
            requests++;
            if (r.logs(io.ngxtime.analyzer.record.Logged.STATUS) && r.status() >= 0) {
                statusLogged++;
                if (r.status() >= 500) {
                    errors5xx++;
                }
            }
            requestTime.record(r.logs(io.ngxtime.analyzer.record.Logged.REQUEST_TIME) ? r.requestTimeMicros() : -1);
            dims.get(Dimension.REFERRER.ordinal()).add(r.referer());
            if (r.pathSymbol() > 0) {
                dims.get(Dimension.ROUTE.ordinal()).add(r.symbols(), r.pathSymbol(), routes);
            } else {
                dims.get(Dimension.ROUTE.ordinal()).add(routes.of(r.path()));
            }
            if (r.remoteAddrSymbol() > 0) {
                dims.get(Dimension.CLIENT_NETWORK.ordinal()).add(r.symbols(), r.remoteAddrSymbol(), networks);
            } else {
                dims.get(Dimension.CLIENT_NETWORK.ordinal()).add(networks.of(r.remoteAddr()));
            }
            dims.get(Dimension.USER_AGENT.ordinal()).add(r.userAgent());
            TopK<Void> up = dims.get(Dimension.UPSTREAM.ordinal());
            if (r.attemptCount() == 0) {
                up.add(NO_ATTEMPT[r.tier().ordinal()]);
            } else if (r.attemptAddressSymbol(r.attemptCount() - 1) > 0) {
                up.add(r.symbols(), r.attemptAddressSymbol(r.attemptCount() - 1), null);
            } else {
                up.add(r.attemptAddress(r.attemptCount() - 1));
            }
            load.add(r);
        }

        void merge(Side o) {
            requests += o.requests;
            errors5xx += o.errors5xx;
            statusLogged += o.statusLogged;
            requestTime.merge(o.requestTime);
            for (int i = 0; i < dims.size(); i++) {
                dims.get(i).merge(o.dims.get(i));
            }
            load.merge(o.load);
        }
    }

    private final List<PeakWindow> windows;
    final Side[] during;
    final Side[] before;

    public PeakAttribution(List<PeakWindow> windows) {
        this.windows = List.copyOf(windows);
        during = new Side[windows.size()];
        before = new Side[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            during[i] = new Side();
            before[i] = new Side();
        }
    }

    /**
     * The time the attribution reads, in epoch ms: each peak's surge with its baseline window (before
     * or after it), overlapping spans merged, sorted. A second pass need only read these.
     */
    public List<TimeWindow> spans() {
        List<TimeWindow> spans = new ArrayList<>();
        windows.stream().sorted(java.util.Comparator.comparingLong(PeakAttribution::firstSecond)).forEach(w -> {
            long from = firstSecond(w) * 1000;
            long to = Math.max(w.endSecond(), w.baselineEndSecond()) * 1000;
            TimeWindow last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && from <= last.toMillis()) {
                spans.set(spans.size() - 1, TimeWindow.between(last.fromMillis(), Math.max(last.toMillis(), to)));
            } else {
                spans.add(TimeWindow.between(from, to));
            }
        });
        return spans;
    }

    private static long firstSecond(PeakWindow w) {
        return Math.min(w.startSecond(), w.baselineStartSecond());
    }

    @Override
    public void add(Request r) {
        if (r.timeMillis() < 0) {
            return;
        }
        long s = Math.floorDiv(r.timeMillis(), 1000);
        for (int i = 0; i < windows.size(); i++) {
            PeakWindow w = windows.get(i);
            if (s >= w.startSecond() && s < w.endSecond()) {
                during[i].add(r);
            } else if (s >= w.baselineStartSecond() && s < w.baselineEndSecond() && !inOtherSurge(s, i)) {
                before[i].add(r);
            }
        }
    }

    private boolean inOtherSurge(long second, int peak) {
        for (int j = 0; j < windows.size(); j++) {
            if (j != peak && second >= windows.get(j).startSecond() && second < windows.get(j).endSecond()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void merge(PeakAttribution o) {
        for (int i = 0; i < during.length; i++) {
            during[i].merge(o.during[i]);
            before[i].merge(o.before[i]);
        }
    }

    public List<PeakWindow> windows() {
        return windows;
    }


    /**
     * The values of a dimension over-represented during peak {@code i}, most excess requests first:
     * excess = count during - (share before x requests during). A value is listed only when its excess is
     * at least {@link #MIN_EXCESS_REQUESTS} and its share during exceeds its share before by at least
     * {@link #MIN_SHARE_POINTS}: one request more, or 0.1% during against 0.1% before, is noise, not a driver.
     */
    public List<AttributionItem> overRepresented(int i, Dimension d, int limit) {
        Side dur = during[i];
        Side bef = before[i];
        List<AttributionItem> items = new ArrayList<>();
        if (dur.requests == 0) {
            return items;
        }
        for (TopK.Entry<Void> e : dur.dims.get(d.ordinal()).sorted()) {
            double shareDuring = (double) e.count() / dur.requests;
            double shareBefore = bef.requests == 0 ? 0 : (double) bef.dims.get(d.ordinal()).count(e.key()) / bef.requests;
            double excess = e.count() - shareBefore * dur.requests;
            // shares are quotients: 3% - 1% is 0.01999... in doubles, and exactly 2 points must pass
            if (excess >= MIN_EXCESS_REQUESTS - 1e-9 && shareDuring - shareBefore >= MIN_SHARE_POINTS - 1e-12) {
                items.add(new AttributionItem(e.key(), e.count(), shareDuring, shareBefore, excess));
            }
        }
        items.sort((a, b) -> Double.compare(b.excessRequests(), a.excessRequests()));
        return items.size() > limit ? items.subList(0, limit) : items;
    }

    public long requestsDuring(int i) {
        return during[i].requests;
    }

    public long requestsBefore(int i) {
        return before[i].requests;
    }

    /** Request-time p99 in peak {@code i}'s surge; empty when none of its requests had a request time. */
    public java.util.OptionalLong p99DuringMicros(int i) {
        return p99(during[i]);
    }

    /** The same in its baseline window. */
    public java.util.OptionalLong p99BeforeMicros(int i) {
        return p99(before[i]);
    }

    /** The 5xx share of the surge's requests whose status was logged; empty when none was. */
    public java.util.OptionalDouble errorRateDuring(int i) {
        return errorRate(during[i]);
    }

    public java.util.OptionalDouble errorRateBefore(int i) {
        return errorRate(before[i]);
    }

    private static java.util.OptionalLong p99(Side s) {
        return s.requestTime.count() == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(s.requestTime.quantile(0.99));
    }

    private static java.util.OptionalDouble errorRate(Side s) {
        return s.statusLogged == 0 ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of((double) s.errors5xx / s.statusLogged);
    }

    /** Where peak {@code i}'s load went, by tier and backend, against its baseline window. */
    public io.ngxtime.analyzer.report.PeakLoad load(int i) {
        return SurgeLoad.compare(during[i].load, before[i].load, windows.get(i).expectedRequests());
    }

    /** The peaks as report entries, with their attribution. */
    public List<io.ngxtime.analyzer.report.PeakReport> reports(int offsetSeconds) {
        return ReportAssembler.peaks(windows, this, offsetSeconds);
    }

    /** Whether any of the peak's counts are approximate (more distinct values than the sketches keep). */
    public boolean approximate(int i) {
        for (int d = 0; d < Dimension.values().length; d++) {
            if (during[i].dims.get(d).isApproximate() || before[i].dims.get(d).isApproximate()) {
                return true;
            }
        }
        return false;
    }
}
