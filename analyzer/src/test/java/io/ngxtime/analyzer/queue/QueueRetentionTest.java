package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.QueueReport;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a live (hourly) queue made hour by hour on a set clock: whole old cycles go, the ones still
 * needed stay, a restart resumes exactly, and the requests of what went are counted once, crash or not.
 */
class QueueRetentionTest {
    private static final long HOUR = TimeUnit.HOURS.toMillis(1);

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-03-02T10:30:00Z"));

    private RecordStore open(Path q) throws Exception {
        return RecordStore.open(q, clock, LargeRollCycles.LARGE_HOURLY);
    }

    /** Appends lines [from, to) of {@code log} to the queue, in the hour the clock says. */
    private long ingestHour(Path q, Path log, long from, long to) throws Exception {
        Lines.append(log, from, to);
        try (RecordStore store = open(q)) {
            return new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true).ingest(Input.file(log), () -> false);
        }
    }

    /** Five hourly cycles of 100 lines each (lines 0..499), the clock left in the hour of the last. */
    private Path fiveHours(Path q) throws Exception {
        Path log = dir.resolve("access.log");
        for (int h = 0; h < 5; h++) {
            assertThat(ingestHour(q, log, h * 100L, h * 100L + 100)).isEqualTo(100);
            if (h < 4) {
                clock.advanceMillis(HOUR);
            }
        }
        assertThat(cycleFiles(q)).hasSizeGreaterThanOrEqualTo(5);
        return log;
    }

    private static List<String> cycleFiles(Path q) throws Exception {
        try (Stream<Path> files = Files.list(q)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted().toList();
        }
    }

    private static long requestsHeld(Path q) throws Exception {
        try (RecordStore store = RecordStore.openForReading(q)) {
            return QueueReport.report(store, TimeWindow.ALL, 10).summary().requests();
        }
    }

    @Test
    void maxAge_dropsTheCyclesWhollyOlderThanTheAge_oldestFirst_andCountsTheirRequests() throws Exception {
        Path q = dir.resolve("q");
        fiveHours(q);
        List<String> before = cycleFiles(q);
        try (RecordStore store = open(q)) {
            // now is 14:30; 2h keeps the cycles that end after 12:30: 12:00, 13:00 and 14:00
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofHours(2)), clock.currentTimeMillis())).isEqualTo(2);
            assertThat(store.requestsDropped()).isEqualTo(200);
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofHours(2)), clock.currentTimeMillis()))
                    .as("nothing more to drop").isZero();
            assertThat(store.requestsDropped()).isEqualTo(200);
        }
        assertThat(cycleFiles(q)).isEqualTo(before.subList(2, 5));
        assertThat(IngestScenarioTest.paths(q)).hasSize(300).allMatch(n -> n >= 200);
        assertThat(requestsHeld(q)).isEqualTo(300);
    }

    @Test
    void maxBytes_dropsTheOldestUntilTheQueueHoldsNoMore() throws Exception {
        Path q = dir.resolve("q");
        fiveHours(q);
        long total = writtenBytes(q); // five cycles of about the same size
        try (RecordStore store = open(q)) {
            // three and a half cycles' worth: the oldest two go
            assertThat(store.applyRetention(new Retention.MaxBytes(total * 7 / 10), clock.currentTimeMillis())).isEqualTo(2);
            assertThat(store.requestsDropped()).isEqualTo(200);
        }
        assertThat(cycleFiles(q)).hasSize(3);
        assertThat(requestsHeld(q) + 200).isEqualTo(500);
    }

    /** What the queue's cycles hold as written, in total. */
    private long writtenBytes(Path q) throws Exception {
        long total = 0;
        try (var queue = net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder.single(q.toFile())
                .rollCycle(LargeRollCycles.LARGE_HOURLY).readOnly(true).build()) {
            for (long c : queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle())) {
                var s = queue.storeForCycle((int) c, queue.epoch(), false, null);
                total += s.writePosition();
                queue.closeStore(s);
            }
        }
        return total;
    }

    @Test
    void theCycleOfTheLastBatch_isKept_howeverOld() throws Exception {
        Path q = dir.resolve("q");
        fiveHours(q);
        clock.advanceMillis(TimeUnit.DAYS.toMillis(3)); // nothing appended since: the current cycle has no file
        try (RecordStore store = open(q)) {
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofMinutes(30)), clock.currentTimeMillis())).isEqualTo(4);
            assertThat(store.applyRetention(new Retention.MaxBytes(1), clock.currentTimeMillis())).isZero();
        }
        assertThat(cycleFiles(q)).hasSize(1);
        assertThat(IngestScenarioTest.paths(q)).hasSize(100).allMatch(n -> n >= 400);
    }

    @Test
    void theCurrentCycle_isKept_evenWhenTheSizeIsExceeded() throws Exception {
        Path q = dir.resolve("q");
        Path log = dir.resolve("access.log");
        ingestHour(q, log, 0, 100);
        clock.advanceMillis(HOUR);
        ingestHour(q, log, 100, 200);
        try (RecordStore store = open(q)) {
            assertThat(store.applyRetention(new Retention.MaxBytes(1), clock.currentTimeMillis())).isEqualTo(1);
        }
        assertThat(IngestScenarioTest.paths(q)).hasSize(100).allMatch(n -> n >= 100);
    }

    @Test
    void aNamedReader_keepsTheCyclesItHasNotRead() throws Exception {
        Path q = dir.resolve("q");
        Path log = dir.resolve("access.log");
        for (int h = 0; h < 5; h++) {
            ingestHour(q, log, h * 100L, h * 100L + 100);
            if (h == 1) {
                assertThat(SinceLastReportTest.requestsSince(q, "hourly")).isEqualTo(200); // read up to the end of hour 1
            }
            if (h < 4) {
                clock.advanceMillis(HOUR);
            }
        }
        try (RecordStore store = open(q)) {
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofMinutes(1)), clock.currentTimeMillis()))
                    .as("hours 0 and 1 read: they go; hour 2 on is unread").isEqualTo(2);
        }
        assertThat(SinceLastReportTest.requestsSince(q, "hourly")).as("nothing unread was lost").isEqualTo(300);
        try (RecordStore store = open(q)) {
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofMinutes(1)), clock.currentTimeMillis()))
                    .as("all read now: all but the last batch's cycle go").isEqualTo(2);
        }
        assertThat(IngestScenarioTest.paths(q)).hasSize(100);
    }

    @Test
    void retainThenRestart_resumesExactly_evenForAFileLastReadInADroppedCycle() throws Exception {
        Path q = dir.resolve("q");
        Path other = dir.resolve("other.log"); // read in the first hour only: its checkpoint was written then
        Files.write(other, List.of(Lines.line(1_000_000), Lines.line(1_000_001)));
        try (RecordStore store = open(q)) {
            assertThat(new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true).ingest(Input.file(other), () -> false))
                    .isEqualTo(2);
        }
        clock.advanceMillis(HOUR);
        Path log = fiveHours(q);
        clock.advanceMillis(TimeUnit.DAYS.toMillis(1)); // tail restarted a day later: the last batch is in an old cycle
        try (RecordStore store = open(q)) {
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofMinutes(30)), clock.currentTimeMillis())).isEqualTo(5);
        }
        assertThat(cycleFiles(q)).hasSize(1);

        Lines.append(log, 500, 550);
        try (RecordStore store = open(q)) { // a restart
            QueueIngester ing = new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true);
            assertThat(ing.ingest(Input.file(other), () -> false)).as("the dropped cycle's checkpoint survives").isZero();
            assertThat(ing.ingest(Input.file(log), () -> false)).as("only the new lines").isEqualTo(50);
            assertThat(store.requestsDropped() + requestsHeldOpen(store)).as("every request counted once").isEqualTo(552);
        }
        assertThat(IngestScenarioTest.paths(q)).hasSize(150).allMatch(n -> n >= 400 && n < 550);
    }

    private static long requestsHeldOpen(RecordStore store) {
        return QueueReport.report(store, TimeWindow.ALL, 10).summary().requests();
    }

    @Test
    void aCrashBetweenLedgerAndDelete_neitherLosesNorDoubleCounts() throws Exception {
        Path q = dir.resolve("q");
        fiveHours(q);
        String oldest = cycleFiles(q).get(0);
        // what applyRetention writes before it deletes, then the crash: the file is still there
        DroppedCycleLedger.read(q).list(oldest, 100);
        try (RecordStore store = open(q)) {
            assertThat(store.requestsDropped()).as("listed but still held: counted as held only").isZero();
            assertThat(store.requestsDropped() + requestsHeldOpen(store)).isEqualTo(500);
        }
        try (RecordStore store = open(q)) { // the restart: the next pass finishes the delete and counts it once
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofDays(1)), clock.currentTimeMillis())).isZero();
            assertThat(cycleFiles(q)).doesNotContain(oldest).hasSize(4);
            assertThat(store.requestsDropped()).isEqualTo(100);
            assertThat(store.requestsDropped() + requestsHeldOpen(store)).isEqualTo(500);
            assertThat(store.applyRetention(new Retention.MaxAge(Duration.ofMinutes(90)), clock.currentTimeMillis())).isEqualTo(2);
            assertThat(store.requestsDropped()).isEqualTo(300);
        }
        try (RecordStore store = RecordStore.openForReading(q)) {
            assertThat(store.requestsDropped()).as("survives a restart").isEqualTo(300);
            assertThat(store.requestsDropped() + requestsHeldOpen(store)).isEqualTo(500);
        }
        assertThat(Files.readAllLines(q.resolve(DroppedCycleLedger.FILE_NAME)))
                .as("folded once their files are gone: the ledger stays short")
                .containsExactly("# ngxtime: requests in roll cycles deleted by retention (format 1)", "folded\t300");
    }

    @Test
    void seeksAndReadsAfterRetention_startAtTheFirstCycleKept() throws Exception {
        Path q = dir.resolve("q");
        fiveHours(q);
        try (RecordStore store = open(q)) {
            store.applyRetention(new Retention.MaxAge(Duration.ofHours(2)), clock.currentTimeMillis());
            assertThat(QueueReport.report(store, TimeWindow.since(Lines.START_MILLIS), 10).summary().requests()).isEqualTo(300);
            assertThat(QueueReport.report(store, TimeWindow.since(Lines.START_MILLIS + 250_000L), 10).summary().requests())
                    .isEqualTo(250);
            assertThat(store.firstIndexAtOrAfter(-1)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aLiveQueue_rollsEveryTenMinutes_anExistingDailyQueueKeepsItsCycle() throws Exception {
        Path live = dir.resolve("live");
        try (RecordStore store = RecordStore.openForFollowing(live)) {
            store.append(new byte[] {1}, 1);
        }
        assertThat(cycleFiles(live)).singleElement().asString().matches("\\d{8}-\\d{4}X\\.cq4");

        Path daily = dir.resolve("daily");
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 10);
        IngestScenarioTest.ingest(daily, log);
        Lines.append(log, 10, 20);
        try (RecordStore store = RecordStore.openForFollowing(daily)) {
            assertThat(new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true).ingest(Input.file(log), () -> false))
                    .isEqualTo(10);
        }
        assertThat(cycleFiles(daily)).singleElement().asString().matches("\\d{8}L\\.cq4");
        assertThat(IngestScenarioTest.paths(daily)).hasSize(20);
    }
}
