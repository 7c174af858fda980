package io.ngxtime.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.live.Surge;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.testutil.Lines;
import io.ngxtime.grammar.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live session on an injected clock: time moves only when the test lets it, so each interval holds
 * exactly the lines the test wrote for it, and the frames' counts and surge follow from those alone.
 */
class LiveSessionTest {
    @TempDir
    Path dir;

    /**
     * A clock whose time stands still until the queue holds the lines expected so far (the follower works
     * on real time), then moves on by each pause: every line written before an interval ends is in it.
     */
    private static final class QueueGatedClock implements LiveClock {
        private final Path queue;
        private long nanos;
        volatile long expectedLines;

        QueueGatedClock(Path queue) {
            this.queue = queue;
        }

        @Override
        public long wallMillis() {
            return Lines.START_MILLIS + TimeUnit.NANOSECONDS.toMillis(nanos);
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void pause(long millis) throws InterruptedException {
            if (linesInQueue() < expectedLines) {
                Thread.sleep(5); // waiting for the follower thread, not for time: the session's time stands still
            } else {
                nanos += TimeUnit.MILLISECONDS.toNanos(millis);
            }
        }

        private long linesInQueue() {
            if (!Files.isDirectory(queue)) {
                return 0;
            }
            try (RecordStore store = RecordStore.openForReading(queue);
                 RecordStore.BatchReader reader = store.reader(null)) {
                long lines = 0;
                for (Batch b = reader.next(); b != null; b = reader.next()) {
                    lines += b.size() + b.rejected();
                }
                return lines;
            } catch (IOException e) {
                return 0; // nothing written yet
            }
        }
    }

    private LiveSession.Request request(Path log, Path queue, Duration duration, LiveClock clock) {
        return new LiveSession.Request(log, queue, Preset.COMBINED.format(), true, 5, 1, duration, 65536, clock);
    }

    @Test
    void frames_countTheirIntervalsLines_andFlagTheIntervalAboveThreeTimesTheMedian() throws Exception {
        Path log = dir.resolve("access.log");
        Path queue = dir.resolve("queue");
        Lines.write(log, 0, 2);
        QueueGatedClock clock = new QueueGatedClock(queue);
        clock.expectedLines = 2;
        LiveSession session = new LiveSession(request(log, queue, Duration.ZERO, clock));
        List<LiveSession.Frame> frames = new ArrayList<>();
        // lines per interval: 2, 2, 2, then 30 (lines 6 to 35)
        long[] next = {2};
        session.run(f -> {
            frames.add(f);
            int more = frames.size() < 3 ? 2 : 30;
            if (frames.size() == 4) {
                session.stop();
                return;
            }
            try {
                Lines.append(log, next[0], next[0] + more);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            next[0] += more;
            clock.expectedLines = next[0];
        });

        assertThat(frames).extracting(LiveSession.Frame::lastIntervalRequests).containsExactly(2L, 2L, 2L, 30L);
        assertThat(frames.subList(0, 3)).allMatch(f -> f.surge().isEmpty());
        LiveSession.Frame last = frames.get(3);
        assertThat(last.surge()).contains(new Surge(30, 2));
        assertThat(last.view().summary().requests()).isEqualTo(36);
        // Lines' status is 500 for every tenth line: 0, 10, 20, 30
        assertThat(last.view().summary().statusBetween(500, 599)).hasValue(4);
        assertThat(last.linesSeen()).isEqualTo(36);
        assertThat(last.rejectedSeen()).isZero();
    }

    @Test
    void theDuration_isCountedOnTheInjectedClock() throws Exception {
        Path log = dir.resolve("access.log");
        Files.createFile(log);
        QueueGatedClock clock = new QueueGatedClock(dir.resolve("queue"));
        List<LiveSession.Frame> frames = new ArrayList<>();

        new LiveSession(request(log, dir.resolve("queue"), Duration.ofSeconds(3), clock)).run(frames::add);

        assertThat(frames).hasSize(3).allMatch(f -> f.view().summary().requests() == 0 && f.surge().isEmpty());
        assertThat(clock.nanoTime()).isEqualTo(TimeUnit.SECONDS.toNanos(3));
    }
}
