package io.ngxtime.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.live.LiveView;
import io.ngxtime.analyzer.live.Surge;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.testutil.TimedLines;
import io.ngxtime.grammar.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live session on an injected clock whose time stands still until the test's condition holds (the
 * followers work on real time): each frame shows exactly the lines the test had read by then, at wall times
 * the test knows, so the rates over log time follow from the lines' timestamps alone. The logs' clock
 * ({@link TimedLines}, 2026) is far from this wall clock (2030), as a test log's or a skewed server's is.
 */
class LiveSessionTest {
    /** 2030-01-01T00:00:00Z. */
    private static final long WALL = 1_893_456_000_000L;

    @TempDir
    Path dir;

    /** Time moves (by each pause) only while the gate is open. */
    private static final class GatedClock implements LiveClock {
        private final long wallStartMillis;
        private final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        private volatile long nanos;
        volatile BooleanSupplier gate = () -> true;

        GatedClock(long wallStartMillis) {
            this.wallStartMillis = wallStartMillis;
        }

        @Override
        public long wallMillis() {
            return wallStartMillis + TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void pause(long millis) throws InterruptedException {
            if (gate.getAsBoolean()) {
                nanos += TimeUnit.MILLISECONDS.toNanos(millis);
            } else if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("the test's condition never held: the lines never reached the session");
            } else {
                Thread.sleep(5); // waiting for the followers, not for time: the session's time stands still
            }
        }
    }

    /** One session: its frames, the lines it was told (requests the filter keeps, rejected lines). */
    private static final class Run implements LiveSession.Listener {
        final GatedClock clock;
        final LiveSession session;
        final List<LiveSession.Frame> frames = new ArrayList<>();
        final List<io.ngxtime.analyzer.record.Request> told = new ArrayList<>();
        volatile long seen;
        volatile long expected;
        Consumer<LiveSession.Frame> onFrame = f -> { };

        Run(GatedClock clock, LiveSession.Request request) {
            this.clock = clock;
            this.session = new LiveSession(request);
            clock.gate = this::allSeen;
        }

        /** Every line expected was told and every log is caught up. */
        boolean allSeen() {
            return seen >= expected && session.allCaughtUp();
        }

        Run run() throws Exception {
            session.run(this);
            return this;
        }

        @Override
        public void frame(LiveSession.Frame frame) {
            frames.add(frame);
            onFrame.accept(frame);
        }

        @Override
        public void request(String file, io.ngxtime.analyzer.record.Request r) {
            told.add(new io.ngxtime.analyzer.record.Request().copyFrom(r));
            seen++;
        }

        @Override
        public void rejected(String file, long lines) {
            seen += lines;
        }
    }

    private static LiveSession.Log log(Path file, boolean fromStart) {
        return new LiveSession.Log(file, Preset.COMBINED.format(), fromStart);
    }

    private static LiveSession.Request request(List<LiveSession.Log> logs, Path queue, RequestFilter filter, int windowSeconds,
                                               int intervalSeconds, Duration duration, LiveClock clock) {
        return new LiveSession.Request(logs, queue, filter, windowSeconds, intervalSeconds, duration, 65536, clock, null);
    }

    private static void append(Path log, List<String> lines) {
        try {
            TimedLines.append(log, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void restartOnAKeptQueue_ratesAreTheLogs_notTheRecordsReadAgain_andRequestsTotalCountsBothRuns() throws Exception {
        // the bug: after a restart on a kept queue the first frame said 31,354 req/s for a 2,000 req/s log
        Path log = dir.resolve("access.log");
        Path queue = dir.resolve("queue");
        TimedLines.append(log, TimedLines.steady(0, 10, 2000));
        Run first = run(new GatedClock(WALL), c -> request(List.of(log(log, true)), queue, RequestFilter.ALL, 5, 1,
                Duration.ZERO, c));
        first.expected = 20_000;
        first.onFrame = f -> {
            if (first.frames.size() == 2) {
                first.session.stop();
            }
        };
        first.run();
        assertThat(first.frames.get(1).requestsPerSecond()).hasValue(2000);
        // ten more seconds of the log written while tail was down
        TimedLines.append(log, TimedLines.steady(10, 20, 2000));

        Run second = run(new GatedClock(WALL + 3_600_000), c -> request(List.of(log(log, true)), queue, RequestFilter.ALL,
                5, 1, Duration.ZERO, c));
        second.expected = 20_000;
        second.onFrame = f -> {
            if (second.frames.size() == 2) {
                second.session.stop();
            }
        };
        second.run();

        LiveSession.Frame atOnce = second.frames.get(0);
        assertThat(atOnce.requestsPerSecond()).as("nothing read yet").isEmpty();
        assertThat(atOnce.requestsTotal()).as("what the queue held").isEqualTo(20_000);
        LiveSession.Frame frame = second.frames.get(1);
        assertThat(frame.catchingUp()).isFalse();
        assertThat(frame.requestsPerSecond()).hasValue(2000);
        assertThat(frame.windowRequestsPerSecond()).hasValue(2000);
        assertThat(frame.coveredSeconds()).isEqualTo(5);
        assertThat(frame.view().summary().requests()).isEqualTo(10_000);
        assertThat(frame.requestsTotal()).isEqualTo(40_000);
        assertThat(frame.linesSeen()).as("read from the log by this run").isEqualTo(20_000);
        assertThat(second.told).as("the records read again are not told again").hasSize(20_000);
    }

    /** Runs a session through {@link Run}, with the request's clock being the run's. */
    private static Run run(GatedClock clock, java.util.function.Function<LiveClock, LiveSession.Request> request) {
        return new Run(clock, request.apply(clock));
    }

    @Test
    void fromStartOnALongLog_whileCatchingUpShowsTheLogsRates_thenCaughtUp() throws Exception {
        // the bug: --from-start on a week-long log said 898 req/s: how fast the backlog was read
        Path log = dir.resolve("access.log");
        TimedLines.append(log, TimedLines.steady(0, 3600, 3));
        GatedClock clock = new GatedClock(WALL);
        Run run = run(clock, c -> request(List.of(log(log, true)), null, RequestFilter.ALL, 60, 1, Duration.ZERO, c));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger appends = new AtomicInteger();
        // appends 1 and 2 note the log and where reading starts; the 3rd holds the first lines: the follower waits
        // there, mid-backlog, until the test has seen a frame
        run.session.afterAppend(() -> {
            if (appends.incrementAndGet() >= 3) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        clock.gate = () -> run.seen > 0;
        run.expected = 10_800;
        run.onFrame = f -> {
            if (run.frames.size() == 2) {
                clock.gate = run::allSeen;
                release.countDown();
            } else if (run.frames.size() == 3) {
                run.session.stop();
            }
        };
        run.run();

        LiveSession.Frame backlog = run.frames.get(1);
        assertThat(backlog.catchingUp()).isTrue();
        assertThat(backlog.logTime().toInstant().toEpochMilli()).isLessThan(TimedLines.LOG_START_MILLIS + 3_599_000);
        assertThat(backlog.behindWallClock()).contains(Duration.ofMillis(
                WALL + 1000 - backlog.logTime().toInstant().toEpochMilli()));
        assertThat(backlog.requestsPerSecond()).hasValue(3);
        assertThat(backlog.windowRequestsPerSecond()).hasValue(3);
        assertThat(backlog.files().get(0).caughtUp()).isFalse();
        LiveSession.Frame caughtUp = run.frames.get(2);
        assertThat(caughtUp.catchingUp()).isFalse();
        assertThat(caughtUp.behindWallClock()).isEmpty();
        assertThat(caughtUp.files().get(0).caughtUp()).isTrue();
        assertThat(caughtUp.logTime().toInstant().toEpochMilli()).as("the latest line's second, a second later")
                .isEqualTo(TimedLines.LOG_START_MILLIS + 3_600_000);
        assertThat(caughtUp.requestsPerSecond()).hasValue(3);
        assertThat(caughtUp.windowRequestsPerSecond()).hasValue(3);
        assertThat(caughtUp.view().summary().requests()).isEqualTo(180);
        assertThat(caughtUp.linesSeen()).isEqualTo(10_800);
    }

    @Test
    void lastWindow_beforeItIsCovered_dividesByTheSpanCovered() throws Exception {
        // the bug: "last 60s" divided by 60 before 60 s were covered (272.9 req/s at a steady 2,000)
        Path log = dir.resolve("access.log");
        Files.createFile(log);
        GatedClock clock = new GatedClock(WALL);
        Run run = run(clock, c -> request(List.of(log(log, false)), null, RequestFilter.ALL, 60, 1, Duration.ZERO, c));
        run.onFrame = f -> {
            int second = run.frames.size() - 1;
            if (second == 6) {
                run.session.stop();
                return;
            }
            append(log, TimedLines.steady(second, second + 1, 2000)); // the log's next second, written now
            run.expected += 2000;
        };
        run.run();

        for (int k = 1; k <= 5; k++) {
            LiveSession.Frame f = run.frames.get(k);
            assertThat(f.coveredSeconds()).as("frame %d", k).isEqualTo(k);
            assertThat(f.windowRequestsPerSecond()).as("frame %d", k).hasValue(2000);
            assertThat(f.requestsPerSecond()).as("frame %d", k).hasValue(2000);
            assertThat(f.catchingUp()).isFalse();
        }
        assertThat(run.frames.get(5).sparkline()).containsExactly(2000, 2000, 2000, 2000, 2000);
    }

    @Test
    void windowNotAMultipleOfTheInterval_coversAndDividesByExactlyTheWindow() throws Exception {
        // the bug: --window 5 --interval 2 held 4 s but divided by 5
        Path log = dir.resolve("access.log");
        TimedLines.append(log, TimedLines.steady(0, 12, 2000));
        GatedClock clock = new GatedClock(WALL);
        Run run = run(clock, c -> request(List.of(log(log, true)), null, RequestFilter.ALL, 5, 2, Duration.ZERO, c));
        run.expected = 24_000;
        run.onFrame = f -> {
            if (run.frames.size() == 2) {
                run.session.stop();
            }
        };
        run.run();

        LiveSession.Frame f = run.frames.get(1); // log now 10:00:13: the last interval is :10 to :12
        assertThat(f.view().summary().requests()).as("10:00:07 to 10:00:12").isEqualTo(10_000);
        assertThat(f.coveredSeconds()).isEqualTo(5);
        assertThat(f.windowRequestsPerSecond()).hasValue(2000);
        assertThat(f.requestsPerSecond()).hasValue(2000);
    }

    @Test
    void twoLogs_oneRotatedMeanwhile_countExactly_eachWithItsOwnView_queue_andStatus() throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Path absent = dir.resolve("c.log");
        Path queue = dir.resolve("queue");
        TimedLines.append(a, TimedLines.steady(0, 5, 100));
        TimedLines.append(b, TimedLines.steady(0, 5, 50));
        GatedClock clock = new GatedClock(WALL);
        Run run = run(clock, c -> request(List.of(log(a, true), log(b, true), log(absent, true)), queue, RequestFilter.ALL,
                60, 1, Duration.ZERO, c));
        run.expected = 750;
        run.onFrame = f -> {
            if (run.frames.size() == 2) {
                try { // logrotate renames a.log, nginx opens a new one
                    Files.move(a, dir.resolve("a.log.1"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                append(a, TimedLines.steady(5, 10, 100));
                append(b, TimedLines.steady(5, 10, 50));
                run.expected = 1500;
            } else if (run.frames.size() == 3) {
                run.session.stop();
            }
        };
        run.run();

        LiveSession.Frame f = run.frames.get(2);
        assertThat(f.byFile()).containsOnlyKeys(a.toString(), b.toString(), absent.toString());
        LiveView va = f.byFile().get(a.toString());
        LiveView vb = f.byFile().get(b.toString());
        assertThat(va.report().summary().requests()).isEqualTo(1000);
        assertThat(vb.report().summary().requests()).isEqualTo(500);
        assertThat(va.report().inputs()).containsExactly(a.toString());
        assertThat(f.view().summary().requests()).isEqualTo(1500);
        assertThat(f.view().inputs()).containsExactly(a.toString(), b.toString(), absent.toString());
        assertThat(va.requestsPerSecond()).hasValue(100);
        assertThat(vb.requestsPerSecond()).hasValue(50);
        assertThat(f.byFile().get(absent.toString()).requestsPerSecond()).isEmpty();
        assertThat(f.requestsPerSecond()).hasValue(150);
        assertThat(f.logTime().toInstant().toEpochMilli()).as("the logs' time, not the absent one's wall clock")
                .isEqualTo(TimedLines.LOG_START_MILLIS + 10_000);
        assertThat(f.requestsTotal()).isEqualTo(1500);
        assertThat(f.linesSeen()).isEqualTo(1500);
        assertThat(f.files()).extracting(LiveSession.FileStatus::file, LiveSession.FileStatus::rotations,
                        LiveSession.FileStatus::linesSeen, LiveSession.FileStatus::waiting, LiveSession.FileStatus::caughtUp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a.toString(), 1L, 1000L, false, true),
                        org.assertj.core.groups.Tuple.tuple(b.toString(), 0L, 500L, false, true),
                        org.assertj.core.groups.Tuple.tuple(absent.toString(), 0L, 0L, true, true));
        assertThat(f.files().get(0).millisSinceLastLine()).hasValue(1000);
        assertThat(f.files().get(2).millisSinceLastLine()).isEmpty();
        for (Path p : List.of(a, b, absent)) {
            assertThat(RecordStore.holdsQueueFiles(queue.resolve(LiveSession.queueName(p)))).as(p.toString()).isTrue();
        }
        try (RecordStore store = RecordStore.openForReading(queue.resolve(LiveSession.queueName(a)))) {
            assertThat(store.requestsHeld()).isEqualTo(1000);
        }
    }

    @Test
    void queueName_isStablePerAbsolutePath_andDistinctForDistinctPaths() {
        Path a = dir.resolve("logs/access.log");
        assertThat(LiveSession.queueName(a)).isEqualTo(LiveSession.queueName(dir.resolve("logs/../logs/access.log")))
                .startsWith("access.log-").hasSize("access.log-".length() + 16);
        assertThat(LiveSession.queueName(a)).isNotEqualTo(LiveSession.queueName(dir.resolve("other/access.log")));
        assertThat(LiveSession.queueName(dir.resolve("we ird\u001b.log"))).startsWith("we_ird_.log-");
    }

    @Test
    void filter_onlyItsRequestsEnterTheWindowAndTheHook_whileRejectedLinesAndTheTotalsCountEveryLine() throws Exception {
        Path log = dir.resolve("access.log");
        TimedLines.append(log, TimedLines.steady(0, 2, 50));
        TimedLines.append(log, List.of("garbage 1", "garbage 2", "garbage 3"));
        GatedClock clock = new GatedClock(WALL);
        Run run = run(clock, c -> request(List.of(log(log, true)), null, RequestFilter.of("5xx", null, null, null, null),
                60, 1, Duration.ZERO, c));
        run.expected = 10 + 3;
        run.onFrame = f -> {
            if (run.frames.size() == 2) {
                run.session.stop();
            }
        };
        run.run();

        LiveSession.Frame f = run.frames.get(1);
        assertThat(run.told).hasSize(10).allMatch(r -> r.status() == 500);
        assertThat(f.view().summary().requests()).isEqualTo(10);
        assertThat(f.view().rejects().total()).isEqualTo(3);
        assertThat(f.view().lines()).isEqualTo(103);
        assertThat(f.requestsPerSecond()).as("the second 10:00:01 kept 5").hasValue(5);
        assertThat(f.requestsTotal()).as("not filtered").isEqualTo(100);
        assertThat(f.linesSeen()).isEqualTo(103);
        assertThat(f.rejectedSeen()).isEqualTo(3);
    }

    @Test
    void frames_flagTheIntervalOfLogTimeAboveThreeTimesTheMedian() throws Exception {
        Path log = dir.resolve("access.log");
        TimedLines.append(log, TimedLines.steady(0, 1, 2));
        GatedClock clock = new GatedClock(WALL);
        Run run = run(clock, c -> request(List.of(log(log, true)), null, RequestFilter.ALL, 5, 1, Duration.ZERO, c));
        run.expected = 2;
        // requests per second of log time: 2, 2, 2, then 30, each second written as the one before is shown
        run.onFrame = f -> {
            int second = run.frames.size();
            if (second == 5) {
                run.session.stop();
                return;
            }
            if (second >= 2) {
                int n = second < 4 ? 2 : 30;
                append(log, TimedLines.steady(second - 1, second, n));
                run.expected += n;
            }
        };
        run.run();

        assertThat(run.frames.subList(1, 5)).extracting(f -> f.merged().lastIntervalRequests()).containsExactly(2L, 2L, 2L, 30L);
        assertThat(run.frames.subList(0, 4)).allMatch(f -> f.surge().isEmpty());
        LiveSession.Frame last = run.frames.get(4);
        assertThat(last.surge()).contains(new Surge(30, 2));
        assertThat(last.view().summary().requests()).isEqualTo(36);
        assertThat(last.view().summary().statusBetween(500, 599)).as("ids 0, 90, 100 and 110").hasValue(4);
        assertThat(last.linesSeen()).isEqualTo(36);
        assertThat(last.rejectedSeen()).isZero();
    }

    @Test
    void firstFrame_comesAtOnce_beforeTheFirstIntervalEnds_evenEmpty() throws Exception {
        Path log = dir.resolve("access.log");
        TimedLines.append(log, TimedLines.steady(0, 5, 10));
        GatedClock clock = new GatedClock(WALL);
        Run run = run(clock, c -> request(List.of(log(log, true)), null, RequestFilter.ALL, 60, 2, Duration.ZERO, c));
        clock.gate = () -> false; // time never moves
        run.onFrame = f -> run.session.stop();
        run.run();

        assertThat(run.frames).hasSize(1);
        assertThat(clock.nanoTime()).isZero();
        LiveSession.Frame f = run.frames.get(0);
        assertThat(f.view().summary().requests()).isZero();
        assertThat(f.requestsPerSecond()).isEmpty();
        assertThat(f.catchingUp()).isTrue();
        assertThat(f.files().get(0).millisSinceLastLine()).isEmpty();
    }

    @Test
    void theDuration_isCountedOnTheInjectedClock() throws Exception {
        Path log = dir.resolve("access.log");
        Files.createFile(log);
        GatedClock clock = new GatedClock(WALL);
        List<LiveSession.Frame> frames = new ArrayList<>();

        new LiveSession(request(List.of(log(log, true)), dir.resolve("queue"), RequestFilter.ALL, 5, 1, Duration.ofSeconds(3),
                clock)).run(frames::add);

        assertThat(frames).as("one at once, one per second").hasSize(4)
                .allMatch(f -> f.view().summary().requests() == 0 && f.surge().isEmpty());
        assertThat(clock.nanoTime()).isEqualTo(TimeUnit.SECONDS.toNanos(3));
    }
}
