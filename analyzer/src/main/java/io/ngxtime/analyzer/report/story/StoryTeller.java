package io.ngxtime.analyzer.report.story;

import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.PeakDriver;
import io.ngxtime.analyzer.report.PeakLoad;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.Report;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Tells the story of a finished report: for each peak (in the report's order) and then for the comparison
 * with a baseline, the items of {@link StoryItem.Kind} in the order a reader asks (when and how far above
 * normal, what drove it, which tier and backends took the load, latency and errors, the cache).
 *
 * <p>It reads the report's tables only, and states only values they hold, each with its place in
 * {@code report --json}: it computes no figure of its own. It decides two things from them:
 * <ul>
 *   <li>which tier and backends took the load: the tier with the most excess requests (above what its share
 *       of the baseline predicts; see {@link PeakLoad}), never {@code unknown} (a format without upstream
 *       variables: all requests are in it, which says nothing), and the backends with at least one excess attempt,
 *       most first (at most {@link #MAX_BACKENDS});</li>
 *   <li>whether the cache absorbed it ({@link #cacheAbsorbed}): the cache tier's share of requests rose from
 *       the baseline and upstream's did not. Told only when the format tells the cache and upstream apart
 *       (it logs {@code $upstream_cache_status} and an upstream variable), the baseline has requests and
 *       both tiers had requests in one of the windows; otherwise the report cannot say, and the item is left out.</li>
 * </ul>
 * A peak without measures (tail's live window) gets its {@code surge} item only; an empty baseline gets no
 * comparison items. Stateless.
 */
public final class StoryTeller {
    /** The most backends a story names per peak or comparison. */
    public static final int MAX_BACKENDS = 3;
    /** A tier or backend is said to have taken load when it took at least this many excess requests or attempts. */
    static final double MIN_EXCESS = 1;
    /** The tier of a format that logs no upstream variable: every request is in it, so it names no tier. */
    private static final String UNKNOWN_TIER = "unknown";

    private StoryTeller() {
    }

    /** The story of {@code r}: the peaks' items, then the comparison's. */
    public static List<StoryItem> tell(Report r) {
        List<StoryItem> items = new ArrayList<>();
        boolean cacheTold = r.timing().unknownTiers().stream().noneMatch(t -> t.equals("cache") || t.equals("upstream"));
        for (int i = 0; i < r.peaks().size(); i++) {
            peak(i, r.peaks().get(i), cacheTold, items);
        }
        if (r.comparison() != null && !r.comparison().baselineEmpty()) {
            comparison(r, cacheTold, items);
        }
        return items;
    }

    /**
     * The rule for "the cache absorbed it": the cache tier's share of requests rose and upstream's did not
     * (shares of all requests in each window, so a longer or busier window does not tip it).
     */
    public static boolean cacheAbsorbed(double cacheShareBefore, double cacheShareDuring, double upstreamShareBefore,
                                        double upstreamShareDuring) {
        return cacheShareDuring > cacheShareBefore && upstreamShareDuring <= upstreamShareBefore;
    }

    // ------------------------------------------------------------------ peaks

    private static void peak(int i, PeakReport p, boolean cacheTold, List<StoryItem> out) {
        String at = "/peaks/" + i;
        PeakWindow w = p.window();
        Facts surge = new Facts()
                .moment("start", time(w.startSecond(), p.offsetSeconds()), at + "/start")
                .moment("end", time(w.endSecond(), p.offsetSeconds()), at + "/end")
                .figure("surge_requests", w.surgeRequests(), at + "/surge_requests")
                .figure("expected_requests", w.expectedRequests(), at + "/expected_requests");
        out.add(new StoryItem(StoryItem.Kind.SURGE, at, surge.list));
        if (p.measures().isEmpty()) {
            return;
        }
        PeakReport.Measures m = p.measures().get();
        boolean before = m.requestsBefore() > 0;
        m.driver().ifPresent(d -> out.add(new StoryItem(StoryItem.Kind.DRIVER, at, driver(at, d, m, before))));

        String load = at + "/load";
        List<PeakLoad.TierShift> tiers = m.load().tiers();
        tiers.stream().filter(t -> t.excessRequests().isPresent() && t.excessRequests().getAsDouble() >= MIN_EXCESS)
                .filter(t -> !t.tier().equals(UNKNOWN_TIER))
                .max(Comparator.comparingDouble(t -> t.excessRequests().getAsDouble())).ifPresent(t -> {
                    String ref = load + "/tiers/" + tiers.indexOf(t);
                    Facts f = new Facts().label("tier", t.tier(), ref + "/tier")
                            .figure("excess_requests", t.excessRequests(), ref + "/excess_requests")
                            .figure("share_during", t.shareDuring(), ref + "/share_during")
                            .figure("share_before", t.shareBefore(), ref + "/share_before")
                            .millis("p99_ms_during", t.p99DuringMicros(), ref + "/p99_ms/during")
                            .millis("p99_ms_before", t.p99BeforeMicros(), ref + "/p99_ms/before")
                            .figure("error_rate_during", t.errorRateDuring(), ref + "/error_rate_5xx/during")
                            .figure("error_rate_before", t.errorRateBefore(), ref + "/error_rate_5xx/before");
                    out.add(new StoryItem(StoryItem.Kind.TIER_LOAD, at, f.list));
                });
        List<PeakLoad.BackendShift> ups = m.load().upstreams();
        ups.stream().filter(u -> u.excessAttempts().isPresent() && u.excessAttempts().getAsDouble() >= MIN_EXCESS)
                .sorted(Comparator.comparingDouble((PeakLoad.BackendShift u) -> u.excessAttempts().getAsDouble()).reversed()
                        .thenComparing(PeakLoad.BackendShift::address))
                .limit(MAX_BACKENDS).forEach(u -> {
                    String ref = load + "/upstreams/" + ups.indexOf(u);
                    Facts f = new Facts().label("address", u.address(), ref + "/address")
                            .figure("excess_attempts", u.excessAttempts(), ref + "/excess_attempts")
                            .millis("response_p99_ms_during", u.responseP99DuringMicros(), ref + "/response_p99_ms/during")
                            .millis("response_p99_ms_before", u.responseP99BeforeMicros(), ref + "/response_p99_ms/before")
                            .figure("failed_rate_during", u.failedRateDuring(), ref + "/failed_rate/during")
                            .figure("failed_rate_before", u.failedRateBefore(), ref + "/failed_rate/before");
                    out.add(new StoryItem(StoryItem.Kind.BACKEND_LOAD, at, f.list));
                });

        Facts latency = new Facts()
                .millis("p99_ms_during", m.p99DuringMicros(), at + "/p99_ms/during")
                .millis("p99_ms_before", before ? m.p99BeforeMicros() : OptionalLong.empty(), at + "/p99_ms/before")
                .figure("error_rate_during", m.errorRateDuring(), at + "/error_rate_5xx/during")
                .figure("error_rate_before", before ? m.errorRateBefore() : OptionalDouble.empty(),
                        at + "/error_rate_5xx/before");
        if (!latency.list.isEmpty()) {
            out.add(new StoryItem(StoryItem.Kind.LATENCY, at, latency.list));
        }

        if (cacheTold && before) {
            var cache = m.load().tier("cache");
            var upstream = m.load().tier("upstream");
            if (cache.isPresent() && upstream.isPresent()) {
                PeakLoad.TierShift c = cache.get();
                PeakLoad.TierShift u = upstream.get();
                String cref = load + "/tiers/" + tiers.indexOf(c);
                String uref = load + "/tiers/" + tiers.indexOf(u);
                boolean absorbed = cacheAbsorbed(c.shareBefore().getAsDouble(), c.shareDuring(),
                        u.shareBefore().getAsDouble(), u.shareDuring());
                Facts f = new Facts()
                        .figure("cache_share_during", c.shareDuring(), cref + "/share_during")
                        .figure("cache_share_before", c.shareBefore(), cref + "/share_before")
                        .figure("upstream_share_during", u.shareDuring(), uref + "/share_during")
                        .figure("upstream_share_before", u.shareBefore(), uref + "/share_before");
                out.add(new StoryItem(absorbed ? StoryItem.Kind.CACHE_ABSORBED : StoryItem.Kind.CACHE_NOT_ABSORBED, at,
                        f.list));
            }
        }
    }

    private static List<Fact> driver(String at, PeakDriver d, PeakReport.Measures m, boolean before) {
        Facts f = new Facts().label("dimension", d.dimension(), at + "/driver/dimension")
                .label("value", d.item().value(), at + "/driver/value")
                // the JSON writes a driver's excess as a whole number of requests
                .figure("excess_requests", Math.round(d.item().excessRequests()), at + "/driver/excess_requests");
        List<AttributionItem> listed = m.attribution().getOrDefault(d.dimension(), List.of());
        int k = listed.indexOf(d.item());
        if (k >= 0) {
            String ref = at + "/attribution/" + d.dimension() + "/" + k;
            f.figure("share_during", d.item().duringShare(), ref + "/share_during");
            if (before) {
                f.figure("share_before", d.item().beforeShare(), ref + "/share_before");
            }
        }
        return f.list;
    }

    // ------------------------------------------------------------------ the comparison

    private static void comparison(Report r, boolean cacheTold, List<StoryItem> out) {
        Comparison c = r.comparison();
        String at = StoryItem.COMPARISON;
        List<Comparison.Change> changes = c.changes();
        int all = find(changes, "all", "requests");
        if (all >= 0) {
            Facts f = new Facts();
            if (r.summary().first() != null) {
                f.moment("first", r.summary().first(), "/time/first").moment("last", r.summary().last(), "/time/last");
            }
            f.figure("requests_during", changes.get(all).after(), at + "/changes/" + all + "/after")
                    .figure("requests_before", changes.get(all).before(), at + "/changes/" + all + "/before");
            count(f, "", changes.get(all), at + "/changes/" + all);
            out.add(new StoryItem(StoryItem.Kind.SURGE, at, f.list));
        }
        List<Comparison.Change> routes = c.routes();
        mostExcess(routes, "requests").ifPresent(k -> {
            Facts f = new Facts().label("value", routes.get(k).subject(), at + "/routes/" + k + "/subject");
            count(f, "", routes.get(k), at + "/routes/" + k);
            out.add(new StoryItem(StoryItem.Kind.DRIVER, at, f.list));
        });
        List<Integer> tierRows = new ArrayList<>();
        for (int k = 0; k < changes.size(); k++) {
            if (!changes.get(k).subject().equals("all") && changes.get(k).metric().equals("requests")) {
                tierRows.add(k);
            }
        }
        tierRows.stream().filter(k -> changes.get(k).perSecond().excessRequests() >= MIN_EXCESS)
                .filter(k -> !changes.get(k).subject().equals(UNKNOWN_TIER))
                .max(Comparator.comparingDouble(k -> changes.get(k).perSecond().excessRequests())).ifPresent(k -> {
                    String tier = changes.get(k).subject();
                    Facts f = new Facts().label("tier", tier, at + "/changes/" + k + "/subject");
                    count(f, "", changes.get(k), at + "/changes/" + k);
                    before(f, "p99_ms", changes, tier, "request_time p99 ms", at + "/changes/");
                    out.add(new StoryItem(StoryItem.Kind.TIER_LOAD, at, f.list));
                });
        List<Comparison.Change> ups = c.upstreams();
        List<Integer> upRows = new ArrayList<>();
        for (int k = 0; k < ups.size(); k++) {
            if (ups.get(k).metric().equals("attempts") && ups.get(k).perSecond().excessRequests() >= MIN_EXCESS) {
                upRows.add(k);
            }
        }
        upRows.sort(Comparator.comparingDouble((Integer k) -> ups.get(k).perSecond().excessRequests()).reversed()
                .thenComparing(k -> ups.get(k).subject()));
        for (int k : upRows.subList(0, Math.min(MAX_BACKENDS, upRows.size()))) {
            String address = ups.get(k).subject();
            String ref = at + "/upstreams/" + k;
            Facts f = new Facts().label("address", address, ref + "/subject")
                    .figure("excess_attempts", ups.get(k).perSecond().excessRequests(), ref + "/excess_requests")
                    .figure("before_per_second", ups.get(k).perSecond().before(), ref + "/before_per_second")
                    .figure("after_per_second", ups.get(k).perSecond().after(), ref + "/after_per_second");
            before(f, "response_p99_ms", ups, address, "response p99 ms", at + "/upstreams/");
            before(f, "failed_rate", ups, address, "failed attempt rate", at + "/upstreams/");
            out.add(new StoryItem(StoryItem.Kind.BACKEND_LOAD, at, f.list));
        }
        Facts latency = new Facts();
        before(latency, "p99_ms", changes, "all", "request_time p99 ms", at + "/changes/");
        before(latency, "error_rate", changes, "all", "5xx rate", at + "/changes/");
        if (!latency.list.isEmpty()) {
            out.add(new StoryItem(StoryItem.Kind.LATENCY, at, latency.list));
        }
        int cache = find(changes, "cache", "requests");
        int upstream = find(changes, "upstream", "requests");
        if (cacheTold && all >= 0 && cache >= 0 && upstream >= 0 && changes.get(all).after() > 0) {
            Comparison.Change a = changes.get(all);
            Comparison.Change ch = changes.get(cache);
            Comparison.Change u = changes.get(upstream);
            boolean absorbed = cacheAbsorbed(ch.before() / a.before(), ch.after() / a.after(), u.before() / a.before(),
                    u.after() / a.after());
            Facts f = new Facts()
                    .figure("cache_during", ch.after(), at + "/changes/" + cache + "/after")
                    .figure("cache_before", ch.before(), at + "/changes/" + cache + "/before")
                    .figure("upstream_during", u.after(), at + "/changes/" + upstream + "/after")
                    .figure("upstream_before", u.before(), at + "/changes/" + upstream + "/before")
                    .figure("all_during", a.after(), at + "/changes/" + all + "/after")
                    .figure("all_before", a.before(), at + "/changes/" + all + "/before");
            out.add(new StoryItem(absorbed ? StoryItem.Kind.CACHE_ABSORBED : StoryItem.Kind.CACHE_NOT_ABSORBED, at,
                    f.list));
        }
    }

    /** A count's rates and excess. */
    private static void count(Facts f, String prefix, Comparison.Change ch, String ref) {
        f.figure(prefix + "before_per_second", ch.perSecond().before(), ref + "/before_per_second")
                .figure(prefix + "after_per_second", ch.perSecond().after(), ref + "/after_per_second")
                .figure(prefix + "excess_requests", ch.perSecond().excessRequests(), ref + "/excess_requests");
    }

    /** {@code <name>_during} and {@code <name>_before} from the change of {@code subject}'s {@code metric}, when listed. */
    private static void before(Facts f, String name, List<Comparison.Change> list, String subject, String metric,
                               String refPrefix) {
        int k = find(list, subject, metric);
        if (k >= 0) {
            f.figure(name + "_during", list.get(k).after(), refPrefix + k + "/after")
                    .figure(name + "_before", list.get(k).before(), refPrefix + k + "/before");
        }
    }

    private static int find(List<Comparison.Change> list, String subject, String metric) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).subject().equals(subject) && list.get(k).metric().equals(metric)) {
                return k;
            }
        }
        return -1;
    }

    /** The row of the count change of {@code metric} with the most excess (at least {@link #MIN_EXCESS}). */
    private static java.util.Optional<Integer> mostExcess(List<Comparison.Change> list, String metric) {
        int best = -1;
        for (int k = 0; k < list.size(); k++) {
            Comparison.Change ch = list.get(k);
            if (ch.metric().equals(metric) && ch.perSecond() != null && ch.perSecond().excessRequests() >= MIN_EXCESS
                    && (best < 0 || ch.perSecond().excessRequests() > list.get(best).perSecond().excessRequests())) {
                best = k;
            }
        }
        return best < 0 ? java.util.Optional.empty() : java.util.Optional.of(best);
    }

    private static OffsetDateTime time(long epochSecond, int offsetSeconds) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** Facts in the order added; an absent value adds nothing. */
    private static final class Facts {
        final List<Fact> list = new ArrayList<>();

        Facts figure(String name, double value, String ref) {
            list.add(new Fact.Figure(name, value, ref));
            return this;
        }

        Facts figure(String name, OptionalDouble value, String ref) {
            if (value.isPresent()) {
                figure(name, value.getAsDouble(), ref);
            }
            return this;
        }

        /** A time the report holds in microseconds and the JSON writes in milliseconds. */
        Facts millis(String name, OptionalLong micros, String ref) {
            if (micros.isPresent()) {
                figure(name, micros.getAsLong() / 1000.0, ref);
            }
            return this;
        }

        Facts label(String name, String value, String ref) {
            list.add(new Fact.Label(name, value, ref));
            return this;
        }

        Facts moment(String name, OffsetDateTime value, String ref) {
            list.add(new Fact.Moment(name, value, ref));
            return this;
        }
    }
}
