package io.ngxtime.analyzer.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchDecoder;
import io.ngxtime.analyzer.queue.BatchEncoder;
import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.testutil.TimedLines;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The window on log time, driven directly: batches added with the wall time they were read, views taken at
 * chosen wall times. The log's clock ({@link TimedLines}, 2026) is far from the wall clock used here (2030):
 * only differences of wall time matter.
 */
class LiveWindowTest {
    private static final LogFormat COMBINED = Preset.COMBINED.format();
    private static final String GOOD = "192.0.2.1 - - [10/Oct/2026:10:00:00 +0200] \"GET /a HTTP/1.1\" 200 5 \"-\" \"t\"";
    private static final String NO_STATUS = "192.0.2.1 - - [10/Oct/2026:10:00:00 +0200] \"GET /a HTTP/1.1\" x 5 \"-\" \"t\"";
    /** 2030-01-01T00:00:00Z: the wall clock of these tests. */
    private static final long WALL = 1_893_456_000_000L;
    private static final long LOG = TimedLines.LOG_START_MILLIS;
    private static final Consumer<Request> NONE = r -> { };

    /** The lines as one queue batch, encoded and decoded as tail reads them back from its queue. */
    static Batch batch(String source, List<String> lines) throws Exception {
        BatchEncoder encoder = new BatchEncoder(COMBINED);
        new InputParser(COMBINED).read(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                source, encoder.sink());
        int n = encoder.finish(List.of(), Long.MIN_VALUE);
        return new BatchDecoder().decode(encoder.encoded(), 0, n, new Batch());
    }

    static Batch batch(String source, String... lines) throws Exception {
        return batch(source, List.of(lines));
    }

    private static LiveWindow caughtUp(int windowSeconds, int intervalSeconds, LiveWindow.Coverage coverage) {
        LiveWindow w = new LiveWindow(windowSeconds, intervalSeconds, RequestFilter.ALL, coverage);
        w.caughtUp(true);
        return w;
    }

    @Test
    void addBatch_viewCountsRejectedLinesByReason_withFileAndLineSamples() throws Exception {
        LiveWindow window = caughtUp(3, 1, LiveWindow.Coverage.fromFirstRecord());
        window.add(batch("access.log", "garbage", GOOD, NO_STATUS, GOOD, "garbage"), WALL, NONE);

        Report view = window.view(WALL + 1000, "access.log", "combined").report();

        assertThat(view.summary().requests()).isEqualTo(2);
        assertThat(view.rejects().total()).isEqualTo(3);
        assertThat(view.lines()).isEqualTo(5);
        assertThat(view.rejects().byReason()).containsExactly(
                Map.entry("expected an IP address (IPv4, IPv6 or unix:) in $remote_addr", 2L),
                Map.entry("expected a digit in $status", 1L));
        assertThat(view.rejects().samples()).extracting(LineSample::source, LineSample::line, LineSample::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("access.log", 1L, "garbage"),
                        org.assertj.core.groups.Tuple.tuple("access.log", 3L, NO_STATUS),
                        org.assertj.core.groups.Tuple.tuple("access.log", 5L, "garbage"));
        assertThat(view.rejects().samples().get(1).message()).isEqualTo("expected a digit at column 62, found 'x' (in $status)");
    }

    @Test
    void view_findsPeaks_butDoesNotAttributeThem() throws Exception {
        LiveWindow window = caughtUp(3, 1, LiveWindow.Coverage.fromFirstRecord());
        // a burst of 25 in one second: with no other minute to compare with, a peak needs 20 requests
        window.add(batch("access.log", java.util.Collections.nCopies(25, GOOD)), WALL, NONE);

        Report view = window.view(WALL + 1000, "access.log", "combined").report();

        assertThat(view.peaks()).isNotEmpty();
        assertThat(view.peaks()).allSatisfy(p -> {
            assertThat(p.attributed()).isFalse();
            assertThat(p.attribution()).isEmpty();
        });
    }

    @Test
    void rejectedLines_countAtTheLogTimeTheyWereReadAt_andLeaveTheViewWithIt() throws Exception {
        LiveWindow window = caughtUp(2, 1, LiveWindow.Coverage.fromFirstRecord());
        window.add(batch("a.log", "bad 1", "bad 2", GOOD), WALL, NONE); // log now 10:00:00
        window.add(batch("a.log", "bad 3"), WALL + 1000, NONE); // log now 10:00:01
        assertThat(window.view(WALL + 2000, "a.log", "combined").report().rejects().total()).isEqualTo(3);

        Report view = window.view(WALL + 3000, "a.log", "combined").report(); // the window is 10:00:01 to 10:00:03

        assertThat(view.rejects().total()).isEqualTo(1);
        assertThat(view.summary().requests()).isZero();
        assertThat(view.rejects().samples()).extracting(LineSample::text).containsExactly("bad 3");
    }

    @Test
    void requests_countInTheIntervalTheirTimestampIsIn_notTheOneTheyWereReadIn() throws Exception {
        // a backlog of 10 s at 200/s, all read at one moment: its rates are the log's, not how fast it was read
        LiveWindow window = new LiveWindow(5, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        LiveView beforeAnyLine = new LiveWindow(5, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord())
                .view(WALL, "a.log", "combined");
        assertThat(beforeAnyLine.catchingUp()).isTrue();
        assertThat(beforeAnyLine.behindWallClock()).as("no timed line read: how far behind is not known, not 0 s").isEmpty();
        window.add(batch("a.log", TimedLines.steady(0, 10, 200)), WALL, NONE);

        LiveView backlog = window.view(WALL + 60_000, "a.log", "combined");

        assertThat(backlog.catchingUp()).isTrue();
        assertThat(backlog.logTime().toInstant().toEpochMilli()).as("the latest log time read").isEqualTo(LOG + 9000);
        assertThat(backlog.logTime().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(backlog.requestsPerSecond()).hasValue(200);
        assertThat(backlog.lastIntervalRequests()).isEqualTo(200);
        assertThat(backlog.report().summary().requests()).as("the 5 s before 10:00:09").isEqualTo(1000);
        assertThat(backlog.windowRequestsPerSecond()).hasValue(200);
        assertThat(backlog.behindWallClock()).contains(Duration.ofMillis(WALL + 60_000 - (LOG + 9000)));

        window.caughtUp(true);
        LiveView caughtUp = window.view(WALL + 1000, "a.log", "combined");

        assertThat(caughtUp.catchingUp()).isFalse();
        assertThat(caughtUp.behindWallClock()).isEmpty();
        assertThat(caughtUp.logTime().toInstant().toEpochMilli()).as("the latest log time, a second later").isEqualTo(LOG + 10_000);
        assertThat(caughtUp.requestsPerSecond()).hasValue(200);
        assertThat(caughtUp.report().summary().requests()).isEqualTo(1000);
    }

    @Test
    void aQuietLog_whenCaughtUp_showsItsRateFallingToZero() throws Exception {
        LiveWindow window = caughtUp(5, 1, LiveWindow.Coverage.fromFirstRecord());
        window.add(batch("a.log", TimedLines.steady(0, 10, 100)), WALL, NONE);

        assertThat(window.view(WALL + 1000, "a.log", "combined").requestsPerSecond()).hasValue(100);
        LiveView later = window.view(WALL + 3000, "a.log", "combined");
        assertThat(later.requestsPerSecond()).hasValue(0);
        assertThat(later.windowRequestsPerSecond()).hasValue(300 / 5.0);
        assertThat(window.view(WALL + 60_000, "a.log", "combined").report().summary().requests()).isZero();
    }

    @Test
    void window_beforeItIsCovered_dividesByTheSpanCovered_andNothingBeforeCoverageBegan() throws Exception {
        // following began at the log's end at WALL; the first line, logged at 10:00:00, is read at once
        LiveWindow window = caughtUp(60, 1, LiveWindow.Coverage.fromFollowStart(WALL));
        LiveView atStart = window.view(WALL, "a.log", "combined");
        assertThat(atStart.requestsPerSecond()).as("no interval covered yet").isEmpty();
        assertThat(atStart.windowRequestsPerSecond()).isEmpty();
        for (int s = 0; s < 5; s++) {
            window.add(batch("a.log", TimedLines.steady(s, s + 1, 2000)), WALL + s * 1000L, NONE);
        }

        LiveView view = window.view(WALL + 5000, "a.log", "combined");

        assertThat(view.coveredSeconds()).isEqualTo(5);
        assertThat(view.windowRequestsPerSecond()).hasValue(2000);
        assertThat(view.requestsPerSecond()).hasValue(2000);
        assertThat(view.sparkline()).containsExactly(2000, 2000, 2000, 2000, 2000);
    }

    @Test
    void window_notAMultipleOfTheInterval_coversExactlyTheWindow_andDividesByIt() throws Exception {
        LiveWindow window = new LiveWindow(5, 2, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        window.add(batch("a.log", TimedLines.steady(0, 12, 1000)), WALL, NONE);

        LiveView view = window.view(WALL, "a.log", "combined"); // log now 10:00:11: the last interval ends at :10

        assertThat(view.report().summary().requests()).as("10:00:05 to 10:00:10").isEqualTo(5000);
        assertThat(view.coveredSeconds()).isEqualTo(5);
        assertThat(view.windowRequestsPerSecond()).hasValue(1000);
        assertThat(view.lastIntervalRequests()).as("10:00:08 to 10:00:10").isEqualTo(2000);
        assertThat(view.requestsPerSecond()).hasValue(1000);
    }

    @Test
    void aLongWindowWithAShortInterval_keepsItsBucketsBounded_andStillCoversTheWindow() throws Exception {
        LiveWindow window = new LiveWindow(3600, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        window.add(batch("a.log", TimedLines.steady(0, 7200, 1)), WALL, NONE);

        LiveView view = window.view(WALL, "a.log", "combined"); // log now 12:00:00 - 1 s: the window ends at 11:59

        assertThat(window.bucketsHeld()).isLessThanOrEqualTo(LiveWindow.MAX_WINDOW_BUCKETS + 1);
        assertThat(view.coveredSeconds()).isEqualTo(3600);
        assertThat(view.report().summary().requests()).isEqualTo(3600);
        assertThat(view.windowRequestsPerSecond()).hasValue(1);
        assertThat(view.requestsPerSecond()).hasValue(1);
    }

    @Test
    void aLongWindowWithAShortInterval_holdsItsNewestSeconds_notOnlyItsWholeBuckets() throws Exception {
        // 1 h at 1 s: buckets of a minute; the log's first 10 s are all in the minute still filling
        LiveWindow window = new LiveWindow(3600, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        window.add(batch("a.log", TimedLines.steady(0, 10, 100)), WALL, NONE);

        LiveView view = window.view(WALL, "a.log", "combined");

        assertThat(view.report().summary().requests()).as("every request read, none held back a minute").isEqualTo(1000);
        assertThat(view.coveredSeconds()).isEqualTo(10);
        assertThat(view.windowRequestsPerSecond()).hasValue(100);
    }

    @Test
    void aBacklogReadBehindTheFollower_makesNoBucketForWhatNoViewCanShow_andTheWindowIsWholeOnceReadToIt() throws Exception {
        // an hour of backlog, read a minute per batch while the follower has already appended all of it
        LiveWindow window = new LiveWindow(10, 2, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        long reached = io.ngxtime.analyzer.testutil.TimedLines.LOG_START_MILLIS + 3_599_000L;
        int mostBuckets = 0;
        long kept = 0;
        for (int minute = 0; minute < 60; minute++) {
            window.logReached(reached);
            long[] n = {0};
            window.add(batch("a.log", TimedLines.steady(minute * 60, minute * 60 + 60, 2)), WALL, r -> n[0]++);
            kept += n[0];
            if (minute > 0 && minute < 59) { // the first is read before the window knows the log's time
                mostBuckets = Math.max(mostBuckets, window.bucketsHeld());
            }
        }

        LiveView view = window.view(WALL, "a.log", "combined"); // a backlog: log now is the last line, 10:59:59
        assertThat(kept).as("every request still reaches the hook").isEqualTo(7200);
        assertThat(mostBuckets).as("no bucket (a whole Aggregation) for a minute a window before where the log is").isZero();
        assertThat(view.report().summary().requests()).as("10:59:48 to 10:59:58").isEqualTo(20);
        assertThat(view.requestsPerSecond()).hasValue(2);
    }

    @Test
    void sparkline_isTheRatePerIntervalOfLogTime_oldestFirst_andHoldsTheLast120() throws Exception {
        LiveWindow window = new LiveWindow(10, 2, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < 400; s++) {
            lines.addAll(TimedLines.steady(s, s + 1, s % 4 + 1).subList(0, s % 4 + 1));
        }
        window.add(batch("a.log", lines), WALL, NONE);

        LiveView view = window.view(WALL, "a.log", "combined"); // log now 10:06:39: the last interval is :36 to :38

        double[] sparkline = view.sparkline();
        assertThat(sparkline).hasSize(LiveWindow.SPARKLINE_INTERVALS);
        // each interval of 2 s holds a second of 1 (or 3) and one of 2 (or 4) requests: 1.5 or 3.5 per second
        assertThat(sparkline[sparkline.length - 1]).isEqualTo((1 + 2) / 2.0);
        assertThat(sparkline[sparkline.length - 2]).isEqualTo((3 + 4) / 2.0);
        assertThat(sparkline[0]).as("the interval 119 before the last: 10:02:38").isEqualTo((3 + 4) / 2.0);
        assertThat(view.recentRatesPerSecond()).hasSize(window.historyIntervals());
    }

    @Test
    void requestsWithoutATime_countAtTheTimeTheyAreRead() {
        LiveWindow window = caughtUp(5, 1, LiveWindow.Coverage.fromFirstRecord());
        Request r = new Request().status(200).request("GET", "/x", "HTTP/1.1", "GET /x HTTP/1.1");
        for (int i = 0; i < 30; i++) {
            window.add(r, WALL + 100, NONE);
        }

        LiveView view = window.view(WALL + 1000, "a.log", "nolog");

        assertThat(view.logTime().toInstant().toEpochMilli()).as("the wall clock: no log time").isEqualTo(WALL + 1000);
        assertThat(view.logTime().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(view.report().summary().requests()).isEqualTo(30);
        assertThat(view.requestsPerSecond()).as("read in the second covered from the first read").hasValue(30 / 0.9);
    }

    @Test
    void filter_keepsItsRequestsInTheWindowAndTellsOnlyThem_andTheOthersStayLines() throws Exception {
        LiveWindow window = new LiveWindow(60, 1, RequestFilter.of("5xx", null, null, null, null),
                LiveWindow.Coverage.fromFirstRecord());
        window.caughtUp(true);
        List<Integer> told = new ArrayList<>();
        window.add(batch("a.log", TimedLines.steady(0, 1, 100)), WALL, r -> told.add(r.status()));

        LiveView live = window.view(WALL + 1000, "a.log", "combined");
        Report view = live.report();

        assertThat(told).hasSize(10).containsOnly(500);
        assertThat(view.summary().requests()).isEqualTo(10);
        assertThat(view.lines()).isEqualTo(100);
        assertThat(live.requestsPerSecond()).as("the rates count the requests kept").hasValue(10);
    }

    @Test
    void surge_lastIntervalAboveThreeTimesTheRecentMedian_isASurgeWithItsRates() {
        Surge surge = LiveWindow.surge(new double[] {5, 5, 5, 5, 5, 20}, 40).orElseThrow();

        assertThat(surge.lastPerSecond()).isEqualTo(20.0);
        assertThat(surge.medianPerSecond()).isEqualTo(5.0);
        assertThat(surge.factor()).isEqualTo(4.0);
    }

    @Test
    void surge_threeTimesTheMedianOrFewerThanTenRequests_isNone() {
        assertThat(LiveWindow.surge(new double[] {5, 5, 5, 5, 5, 15}, 30)).isEmpty();
        assertThat(LiveWindow.surge(new double[] {0.5, 0.5, 0.5, 4.5}, 9)).isEmpty();
        assertThat(LiveWindow.surge(new double[] {20}, 40)).isEmpty();
    }

    @Test
    void surge_isFoundOnIntervalsOfLogTime() throws Exception {
        LiveWindow window = new LiveWindow(3, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        List<String> lines = new ArrayList<>(TimedLines.steady(0, 5, 2));
        lines.addAll(TimedLines.steady(5, 6, 30));
        lines.addAll(TimedLines.steady(6, 7, 1)); // the interval being filled: not yet in the rates
        window.add(batch("a.log", lines), WALL, NONE); // all read at once: a backlog

        assertThat(window.view(WALL, "a.log", "combined").surge()).contains(new Surge(30, 2));
    }

    @Test
    void merge_sumsTheRates_alignsTheHistoriesAtTheirLatestInterval_andFindsTheSurgeOnTheSums() throws Exception {
        LiveWindow a = new LiveWindow(5, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        LiveWindow b = new LiveWindow(5, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord());
        a.add(batch("a.log", TimedLines.steady(0, 10, 4)), WALL, NONE);
        List<String> bLines = new ArrayList<>(TimedLines.steady(6, 8, 1));
        bLines.addAll(TimedLines.steady(8, 10, 20));
        b.add(batch("b.log", bLines), WALL, NONE);
        LiveView va = a.view(WALL, "a.log", "combined");
        LiveView vb = b.view(WALL, "b.log", "combined");

        LiveView merged = LiveWindow.merge(List.of(va, vb), va.report());

        assertThat(merged.requestsPerSecond()).hasValue(24);
        assertThat(merged.windowRequestsPerSecond()).hasValue(4 + (1 + 1 + 20) / 3.0);
        assertThat(merged.coveredSeconds()).isEqualTo(5);
        assertThat(merged.recentRatesPerSecond()).containsExactly(4, 4, 4, 4, 4, 4, 5, 5, 24);
        assertThat(merged.surge()).contains(new Surge(24, 4));
        assertThat(merged.catchingUp()).isTrue();

        // a third log with no line yet: its unknown figure is not taken for 0 s, nor for the most behind
        LiveView vc = new LiveWindow(5, 1, RequestFilter.ALL, LiveWindow.Coverage.fromFirstRecord()).view(WALL, "c.log", "combined");
        assertThat(LiveWindow.merge(List.of(vc, va, vb), va.report()).behindWallClock())
                .isEqualTo(LiveWindow.merge(List.of(va, vb), va.report()).behindWallClock()).isPresent();
        LiveView none = LiveWindow.merge(List.of(vc, vc), vc.report());
        assertThat(none.catchingUp()).isTrue();
        assertThat(none.behindWallClock()).as("no log has a timed line: not known").isEmpty();
    }
}
