package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.QueueReport;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue that spans several daily roll cycles, with an empty day between two of them, as a cron-run
 * ingest makes: named readers, resume, time seeks and full reads cross the cycle files exactly.
 */
class RollCycleScenarioTest {
    @TempDir
    Path dir;

    /** Ingests {@code log} into the queue with appends dated by {@code clock}; the lines it added. */
    private static long ingestOn(SetTimeProvider clock, Path queue, Path log) throws Exception {
        try (RecordStore store = RecordStore.open(queue, clock)) {
            QueueIngester ing = new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true);
            return ing.ingest(Input.file(log), () -> false);
        }
    }

    private static long cycleFiles(Path queue) throws Exception {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).count();
        }
    }

    @Test
    void namedReadersResumeAndSeeksCrossRollCycles_includingAnEmptyDay() throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-01-05T23:00:00Z"));

        Lines.write(log, 0, 3000);
        assertThat(ingestOn(clock, q, log)).isEqualTo(3000);
        // the name now stands one past the last batch of the first day's cycle
        assertThat(SinceLastReportTest.requestsSince(q, "hourly")).isEqualTo(3000);

        clock.advanceMillis(TimeUnit.HOURS.toMillis(2)); // next day
        Lines.append(log, 3000, 4500);
        assertThat(ingestOn(clock, q, log)).isEqualTo(1500);
        assertThat(SinceLastReportTest.requestsSince(q, "hourly")).isEqualTo(1500);

        clock.advanceMillis(TimeUnit.DAYS.toMillis(2)); // a day with no ingest in between
        assertThat(ingestOn(clock, q, log)).as("nothing new: resume reads the checkpoint of an earlier cycle").isZero();
        Lines.append(log, 4500, 4600);
        assertThat(ingestOn(clock, q, log)).isEqualTo(100);
        assertThat(cycleFiles(q)).as("three cycle files, one per day with an ingest").isEqualTo(3);

        assertThat(SinceLastReportTest.requestsSince(q, "hourly")).isEqualTo(100);
        assertThat(SinceLastReportTest.requestsSince(q, "hourly")).isZero();
        assertThat(SinceLastReportTest.requestsSince(q, "weekly")).isEqualTo(4600);
        assertThat(IngestScenarioTest.paths(q)).hasSize(4600);

        try (RecordStore store = RecordStore.openForReading(q)) {
            // line n is at START + n s: a window over lines 2900..3099 spans the first two cycles
            long from = Lines.START_MILLIS + 2900_000L;
            long to = Lines.START_MILLIS + 3100_000L;
            assertThat(QueueReport.report(store, TimeWindow.between(from, to), 10).summary().requests()).isEqualTo(200);
            assertThat(QueueReport.report(store, TimeWindow.since(Lines.START_MILLIS + 4550_000L), 10).summary().requests())
                    .isEqualTo(50);
        }
    }
}
