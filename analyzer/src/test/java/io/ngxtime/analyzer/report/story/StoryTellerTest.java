package io.ngxtime.analyzer.report.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.Comparison.Change;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.NoteSummary;
import io.ngxtime.analyzer.report.PeakDriver;
import io.ngxtime.analyzer.report.PeakLoad;
import io.ngxtime.analyzer.report.PeakLoad.TierShift;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RoutesReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.TrafficReport;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The story told from hand-made reports: which tier took the load, when the cache absorbed it (its share rose
 * and upstream's did not), and that a figure the report lacks (no baseline, a format that cannot tell the
 * cache apart, a peak never measured) is left out rather than told as 0.
 */
class StoryTellerTest {
    private static final long START = 1_791_000_000L;
    private static final int OFFSET = -7 * 3600;
    /** 100 requests in a 10-minute surge where the baseline rate (2 a minute) gives 20: 80 excess. */
    private static final PeakWindow WINDOW = new PeakWindow(START + 30, 5, START, 40, START, START + 600, START - 3600,
            2, 100);

    private static TierShift tier(String tier, long during, long before, long allDuring, long allBefore) {
        OptionalDouble shareBefore = allBefore == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) before / allBefore);
        OptionalDouble excess = allBefore == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(during - shareBefore.getAsDouble() * WINDOW.expectedRequests());
        return new TierShift(tier, during, before, (double) during / allDuring, shareBefore, excess,
                OptionalLong.of(40_000), allBefore == 0 ? OptionalLong.empty() : OptionalLong.of(20_000),
                OptionalDouble.of(0.01), allBefore == 0 ? OptionalDouble.empty() : OptionalDouble.of(0));
    }

    /** A measured peak of 100 requests: {@code cache}, {@code upstream} and nginx the rest, against {@code before} (of 1,000). */
    private static PeakReport peak(long cacheDuring, long upstreamDuring, long cacheBefore, long upstreamBefore,
                                   long allBefore) {
        AttributionItem ua = new AttributionItem("bot/1", 70, 0.7, 0.001, 69.9);
        List<TierShift> tiers = List.of(
                tier("nginx", 100 - cacheDuring - upstreamDuring, allBefore - cacheBefore - upstreamBefore, 100, allBefore),
                tier("cache", cacheDuring, cacheBefore, 100, allBefore),
                tier("upstream", upstreamDuring, upstreamBefore, 100, allBefore));
        PeakLoad load = new PeakLoad(tiers, List.of());
        boolean before = allBefore > 0;
        return new PeakReport(WINDOW, OFFSET, Optional.of(new PeakReport.Measures(100, allBefore,
                OptionalLong.of(900_000), before ? OptionalLong.of(100_000) : OptionalLong.empty(), OptionalDouble.of(0.02),
                before ? OptionalDouble.of(0.001) : OptionalDouble.empty(), Map.of("user_agent", List.of(ua)), false,
                Optional.of(new PeakDriver("user_agent", ua)), load)));
    }

    private static Report report(List<PeakReport> peaks, Comparison comparison, List<String> unknownTiers) {
        Latency none = Latency.Missing.NO_VALUES;
        TimingReport timing = new TimingReport(List.of(), unknownTiers, none, none, none, none, none, OptionalLong.empty(),
                0, 3);
        OffsetDateTime first = OffsetDateTime.parse("2026-10-09T15:00:00-07:00");
        Summary summary = new Summary(1000, Map.of(200, 1000L), first, first.plusMinutes(59), 0, 0);
        return new Report(List.of("access.log"), "timing", 1000, "", summary, new RejectSummary(0, Map.of(), List.of()),
                timing, List.of(), TrafficReport.empty(), peaks, RoutesReport.empty(), List.of(), comparison,
                Optional.empty(), NoteSummary.empty());
    }

    private static List<StoryItem> kinds(List<StoryItem> story, StoryItem.Kind kind) {
        return story.stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void cacheAbsorbed_onlyWhenTheCacheShareRises_andUpstreamsDoesNot() {
        assertThat(StoryTeller.cacheAbsorbed(0.2, 0.6, 0.5, 0.3)).isTrue();
        assertThat(StoryTeller.cacheAbsorbed(0.2, 0.6, 0.5, 0.5)).as("upstream's share held").isTrue();
        assertThat(StoryTeller.cacheAbsorbed(0.2, 0.3, 0.5, 0.6)).as("both rose: upstream took load too").isFalse();
        assertThat(StoryTeller.cacheAbsorbed(0.2, 0.1, 0.5, 0.4)).as("the cache's share fell").isFalse();
        assertThat(StoryTeller.cacheAbsorbed(0.2, 0.2, 0.5, 0.4)).as("the cache's share held").isFalse();
    }

    @Test
    void peakServedByTheCache_isToldAbsorbed_andTheCacheTookTheLoad() {
        // 70 of 100 from the cache against 200 of 1,000 before; upstream 10 against 500
        List<StoryItem> story = StoryTeller.tell(report(List.of(peak(70, 10, 200, 500, 1000)), null, List.of()));
        assertThat(kinds(story, StoryItem.Kind.CACHE_ABSORBED)).hasSize(1);
        assertThat(kinds(story, StoryItem.Kind.CACHE_NOT_ABSORBED)).isEmpty();
        assertThat(kinds(story, StoryItem.Kind.TIER_LOAD)).singleElement()
                .satisfies(i -> assertThat(i.label("tier")).contains("cache"));
        assertThat(kinds(story, StoryItem.Kind.DRIVER)).singleElement()
                .satisfies(i -> assertThat(i.label("value")).contains("bot/1"));
    }

    @Test
    void peakThatReachedUpstream_isToldNotAbsorbed_andUpstreamTookTheLoad() {
        // the cache's share held at 20%, upstream's rose from 50% to 70%
        List<StoryItem> story = StoryTeller.tell(report(List.of(peak(20, 70, 200, 500, 1000)), null, List.of()));
        assertThat(kinds(story, StoryItem.Kind.CACHE_NOT_ABSORBED)).hasSize(1);
        assertThat(kinds(story, StoryItem.Kind.CACHE_ABSORBED)).isEmpty();
        assertThat(kinds(story, StoryItem.Kind.TIER_LOAD)).singleElement()
                .satisfies(i -> assertThat(i.label("tier")).contains("upstream"));
    }

    @Test
    void peakWithoutBaselineRequests_statesNoBeforeFigure_andNoCacheVerdict() {
        List<StoryItem> story = StoryTeller.tell(report(List.of(peak(70, 10, 0, 0, 0)), null, List.of()));
        assertThat(story).isNotEmpty();
        for (StoryItem i : story) {
            assertThat(i.facts()).as(i.toString()).noneMatch(f -> f.name().endsWith("_before"));
        }
        assertThat(story).noneMatch(i -> i.kind() == StoryItem.Kind.CACHE_ABSORBED
                || i.kind() == StoryItem.Kind.CACHE_NOT_ABSORBED);
        // no tier's excess is known without a baseline share: no tier is said to have taken the load
        assertThat(kinds(story, StoryItem.Kind.TIER_LOAD)).isEmpty();
        assertThat(kinds(story, StoryItem.Kind.LATENCY)).singleElement()
                .satisfies(i -> assertThat(i.figure("p99_ms_during")).hasValue(900));
    }

    @Test
    void formatThatCannotTellTheCacheApart_getsNoCacheVerdict() {
        List<StoryItem> story = StoryTeller.tell(report(List.of(peak(70, 10, 200, 500, 1000)), null,
                List.of("nginx", "cache")));
        assertThat(story).noneMatch(i -> i.kind() == StoryItem.Kind.CACHE_ABSORBED
                || i.kind() == StoryItem.Kind.CACHE_NOT_ABSORBED);
    }

    @Test
    void formatWithoutUpstreamVariables_namesNoTier() {
        // every request is in the "unknown" tier: that it took the load says nothing
        TierShift unknown = tier("unknown", 100, 1000, 100, 1000);
        PeakReport measured = peak(70, 10, 200, 500, 1000);
        PeakReport.Measures m = measured.measures().orElseThrow();
        PeakReport onlyUnknown = new PeakReport(WINDOW, OFFSET, Optional.of(new PeakReport.Measures(m.requestsDuring(),
                m.requestsBefore(), m.p99DuringMicros(), m.p99BeforeMicros(), m.errorRateDuring(), m.errorRateBefore(),
                m.attribution(), false, m.driver(), new PeakLoad(List.of(unknown), List.of()))));
        List<StoryItem> story = StoryTeller.tell(report(List.of(onlyUnknown), null, List.of("nginx", "cache", "upstream")));
        assertThat(kinds(story, StoryItem.Kind.TIER_LOAD)).isEmpty();
        assertThat(kinds(story, StoryItem.Kind.DRIVER)).hasSize(1);
    }

    @Test
    void peakNeverMeasured_isToldOnlyWhenItWas() {
        List<StoryItem> story = StoryTeller.tell(report(List.of(PeakReport.unattributed(WINDOW, OFFSET)), null, List.of()));
        assertThat(story).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(StoryItem.Kind.SURGE);
            assertThat(i.about()).isEqualTo("/peaks/0");
            assertThat(i.figure("surge_requests")).hasValue(100);
            assertThat(i.figure("expected_requests")).hasValue(20);
        });
    }

    private static Change count(String subject, String metric, long before, long after) {
        // equally long windows of 600 s
        double b = before / 600.0;
        double a = after / 600.0;
        return new Change(subject, metric, Comparison.Kind.COUNT, before, after,
                new Comparison.PerSecond(b, a, after - before), Math.abs(after - before));
    }

    private static Change millis(String subject, String metric, double before, double after) {
        return new Change(subject, metric, Comparison.Kind.MILLIS, before, after, null, 1);
    }

    @Test
    void comparison_namesTheRouteWithTheMostExcess_theTierThatTookIt_andTheCacheVerdict() {
        Comparison c = new Comparison(START - 600, START, 1000, 600, 600, List.of(
                count("all", "requests", 1000, 1600), millis("all", "request_time p99 ms", 100, 900),
                count("nginx", "requests", 300, 350), count("cache", "requests", 200, 210),
                count("upstream", "requests", 500, 1040), millis("upstream", "request_time p99 ms", 120, 950)),
                List.of(count("10.0.1.1:8080", "attempts", 250, 300), count("10.0.1.3:8080", "attempts", 250, 740)),
                List.of(count("/search", "requests", 100, 140), count("/promo/:id", "requests", 0, 480)));
        List<StoryItem> story = StoryTeller.tell(report(List.of(), c, List.of()));
        assertThat(story).allMatch(StoryItem::aboutComparison);
        assertThat(kinds(story, StoryItem.Kind.DRIVER)).singleElement().satisfies(i -> {
            assertThat(i.label("value")).contains("/promo/:id");
            assertThat(i.fact("value").orElseThrow().ref()).isEqualTo("/comparison/routes/1/subject");
        });
        assertThat(kinds(story, StoryItem.Kind.TIER_LOAD)).singleElement().satisfies(i -> {
            assertThat(i.label("tier")).contains("upstream");
            assertThat(i.figure("p99_ms_during")).hasValue(950);
            assertThat(i.fact("p99_ms_during").orElseThrow().ref()).isEqualTo("/comparison/changes/5/after");
        });
        assertThat(kinds(story, StoryItem.Kind.BACKEND_LOAD)).extracting(i -> i.label("address").orElseThrow())
                .containsExactly("10.0.1.3:8080", "10.0.1.1:8080");
        // the cache's share fell from 20% to 13%: not absorbed
        assertThat(kinds(story, StoryItem.Kind.CACHE_NOT_ABSORBED)).hasSize(1);
        // no 5xx rate in the comparison: the latency item states none
        assertThat(kinds(story, StoryItem.Kind.LATENCY)).singleElement()
                .satisfies(i -> assertThat(i.facts()).noneMatch(f -> f.name().startsWith("error_rate")));
    }

    @Test
    void emptyBaseline_getsNoComparisonStory() {
        Comparison c = new Comparison(START - 600, START, 0, 600, 600, List.of(), List.of(), List.of());
        assertThat(StoryTeller.tell(report(List.of(), c, List.of()))).isEmpty();
    }
}
