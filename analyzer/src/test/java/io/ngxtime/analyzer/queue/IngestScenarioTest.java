package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.QueueReport;
import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestScenarioTest {
    static final LogFormat COMBINED = Preset.COMBINED.format();

    @TempDir
    Path dir;

    static long ingest(Path queue, Path... files) throws Exception {
        try (RecordStore store = RecordStore.open(queue)) {
            QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true);
            List<Input> inputs = new ArrayList<>();
            for (Path f : files) {
                inputs.add(Input.file(f));
            }
            for (Input in : io.ngxtime.analyzer.ingest.InputOrder.byFirstTimestamp(inputs, COMBINED, new ArrayList<>())) {
                ing.ingest(in, () -> false);
            }
            return ing.stats().lines();
        }
    }

    /** Every /p/N path in the queue, failing on a duplicate. */
    static Set<Long> paths(Path queue) throws Exception {
        Set<Long> seen = new HashSet<>();
        try (RecordStore store = RecordStore.openForReading(queue); var reader = store.reader(null)) {
            Batch b;
            while ((b = reader.next()) != null) {
                for (int i = 0; i < b.size(); i++) {
                    Request r = b.request(i);
                    long n = Long.parseLong(r.path().substring(3));
                    assertThat(seen.add(n)).as("line /p/%d counted twice", n).isTrue();
                }
            }
        }
        return seen;
    }

    static long ingestWith(Path queue, Path log, int threads) throws Exception {
        try (RecordStore store = RecordStore.open(queue)) {
            QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true).parallelism(threads);
            long n = ing.ingest(Input.file(log), () -> false);
            assertThat(ing.stats().lines()).isEqualTo(ing.appendedLines());
            return n;
        }
    }

    /** Everything a queue holds, independent of where batches end: requests, rejects, last checkpoints. */
    static List<String> contents(Path queue) throws Exception {
        List<String> out = new ArrayList<>();
        long rejected = 0;
        List<String> samples = new ArrayList<>();
        java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
        List<SourceCheckpoint> last = List.of();
        try (RecordStore store = RecordStore.openForReading(queue); var reader = store.reader(null)) {
            Batch b;
            while ((b = reader.next()) != null) {
                for (int i = 0; i < b.size(); i++) {
                    out.add(RecordStoreTest.describe(b.request(i)));
                }
                rejected += b.rejected();
                b.reasons().forEach((k, v) -> reasons.merge(k, v, Long::sum));
                b.samples().forEach(x -> samples.add(x.toString()));
                last = List.copyOf(b.checkpoints());
            }
        }
        out.add("rejected " + rejected + " " + reasons);
        out.addAll(samples);
        // where each input stands, not when it got there
        out.add("checkpoints " + last.stream().map(c -> new SourceCheckpoint(c.fingerprint(), c.path(), c.offset(), c.lines()))
                .toList());
        return out;
    }

    @Test
    void parallelIngest_writesWhatOneThreadWrites() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 10_000);
        Files.writeString(log, "garbage\n\n" + "x".repeat(70_000) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Lines.append(log, 10_000, 12_000);
        Files.writeString(log, Lines.line(12_000).substring(0, 30), java.nio.file.StandardOpenOption.APPEND);
        long one = ingestWith(dir.resolve("q1"), log, 1);
        long two = ingestWith(dir.resolve("q2"), log, 2);
        assertThat(two).isEqualTo(one).isEqualTo(12_003); // the empty line among them (rejected as one)
        List<String> expected = contents(dir.resolve("q1"));
        assertThat(expected).hasSizeGreaterThan(12_000);
        assertThat(contents(dir.resolve("q2"))).isEqualTo(expected);
        assertThat(paths(dir.resolve("q2"))).hasSize(12_000);
        // the held-back partial line completes: both resume from the same checkpoint
        Files.writeString(log, Lines.line(12_000).substring(30) + "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(ingestWith(dir.resolve("q2"), log, 2)).isEqualTo(1);
        assertThat(paths(dir.resolve("q2"))).hasSize(12_001);
    }

    @Test
    void aBatchTheDiskCouldNotComplete_isSkippedNotMisread_andIngestAgainPutsItsLinesBack() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 5000);
        Path q = dir.resolve("q");
        try (RecordStore store = RecordStore.open(q)) {
            int[] appends = {0};
            store.write = (to, b, n) -> {
                appends[0]++;
                if (appends[0] == 3) {
                    // what a bus error reported late leaves: the batch committed, its second half zeros
                    to.write(b, 0, n / 2);
                    to.write(new byte[n - n / 2]);
                } else if (appends[0] == 4) {
                    throw new InternalError("a fault occurred in a recent unsafe memory access operation");
                } else {
                    to.write(b, 0, n);
                }
            };
            QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ing.ingest(Input.file(log), () -> false))
                    .isInstanceOf(QueueIngester.AppendException.class);
        }
        try (RecordStore store = RecordStore.openForReading(q)) {
            assertThat(store.lastBatch().checkpoints().get(0).lines()).isEqualTo(2048);
            assertThat(store.unreadableBatches()).isEqualTo(1);
        }
        assertThat(paths(q)).hasSize(2048); // the damaged batch is skipped whole, not decoded into garbage
        assertThat(ingest(q, log)).isEqualTo(5000 - 2048);
        assertThat(paths(q)).hasSize(5000); // and paths() fails on any line read twice
        try (RecordStore store = RecordStore.openForReading(q)) {
            Report r = QueueReport.report(store, TimeWindow.ALL, 10);
            assertThat(r.summary().requests()).isEqualTo(5000);
            assertThat(store.unreadableBatches()).isEqualTo(1);
        }
    }

    @Test
    void parallelIngest_appendFailsUnchecked_writesNothingAfterTheGap() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 5000); // chunks 0..4 of 1024 lines
        Path q = dir.resolve("q");
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        try (RecordStore store = RecordStore.open(q)) {
            int[] appends = {0};
            store.usableSpace(() -> {
                if (++appends[0] == 3) { // the third batch's append fails with an unchecked throwable (e.g. an OOM)
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (taken.get() < 4 && System.nanoTime() < deadline) {
                        Thread.onSpinWait(); // until the other worker holds chunk 3
                    }
                    throw new IllegalStateException("boom");
                }
                return Long.MAX_VALUE;
            });
            QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true).parallelism(2);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ing.ingest(Input.file(log), () -> {
                taken.incrementAndGet(); // checked once per chunk taken
                return false;
            })).hasMessageContaining("boom");
        }
        // what one thread leaves: the two whole batches before the failure, and a resume adds the rest
        assertThat(paths(q)).hasSize(2048);
        ingest(q, log);
        assertThat(paths(q)).hasSize(5000);
    }

    @Test
    void parallelIngest_rejectsAcrossABatchEnd_sameSamplesAsOneThread() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 1020);
        Files.writeString(log, "garbage 1\ngarbage 2\ngarbage 3\ngarbage 4\ngarbage 5\ngarbage 6\ngarbage 7\ngarbage 8\n",
                java.nio.file.StandardOpenOption.APPEND);
        Lines.append(log, 1020, 1100);
        ingestWith(dir.resolve("q1"), log, 1);
        ingestWith(dir.resolve("q2"), log, 2);
        assertThat(contents(dir.resolve("q2"))).isEqualTo(contents(dir.resolve("q1")));
    }

    @Test
    void parallelIngest_truncatedGzip_sameAsOneThread() throws Exception {
        Path plain = dir.resolve("plain");
        Lines.write(plain, 0, 200_000);
        Path gz = dir.resolve("access.log.1.gz");
        Lines.truncatedGzip(plain, gz);
        String[] msg = new String[2];
        for (int t = 1; t <= 2; t++) {
            try (RecordStore store = RecordStore.open(dir.resolve("q" + t))) {
                QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true).parallelism(t);
                try {
                    ing.ingest(Input.file(gz), () -> false);
                } catch (java.io.IOException e) {
                    msg[t - 1] = e.getMessage();
                }
            }
        }
        assertThat(msg[0]).isNotNull();
        assertThat(msg[1]).isEqualTo(msg[0]);
        assertThat(contents(dir.resolve("q2"))).isEqualTo(contents(dir.resolve("q1")));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} parse threads")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void fullDisk_stopsWithAClearError_keepsEveryWholeBatch_andIngestAgainResumesExactly(int threads) throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 5000);
        Path q = dir.resolve("q");
        try (RecordStore store = RecordStore.open(q)) {
            long[] checks = {0};
            store.usableSpace(() -> ++checks[0] <= 2 ? Long.MAX_VALUE : 1024); // room for two batches
            QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true).parallelism(threads);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ing.ingest(Input.file(log), () -> false))
                    .isInstanceOf(QueueIngester.AppendException.class)
                    .hasMessageStartingWith("cannot append")
                    .hasMessageContaining("no space left on the device")
                    .hasMessageContaining("up to line 2048");
            assertThat(ing.appendedLines()).isEqualTo(2048);
            assertThat(ing.batches()).isEqualTo(2);
            // refuses to write after the gap, even once there is room again
            store.usableSpace(() -> Long.MAX_VALUE);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ing.ingest(Input.file(log), () -> false))
                    .isInstanceOf(QueueIngester.AppendException.class);
        }
        assertThat(paths(q)).hasSize(2048).contains(0L, 2047L);
        assertThat(ingest(q, log)).isEqualTo(5000 - 2048);
        assertThat(paths(q)).hasSize(5000);
    }

    @Test
    void reingest_sameFiles_addsNothing() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 3000);
        Path q = dir.resolve("q");
        assertThat(ingest(q, log)).isEqualTo(3000);
        assertThat(ingest(q, log)).isZero();
        assertThat(paths(q)).hasSize(3000);
    }

    @Test
    void reingest_afterGrowth_addsOnlyTheNewLines_andHoldsBackAPartialLine() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 100);
        Files.writeString(log, Lines.line(100).substring(0, 20), java.nio.file.StandardOpenOption.APPEND);
        Path q = dir.resolve("q");
        assertThat(ingest(q, log)).isEqualTo(100);
        Files.writeString(log, Lines.line(100).substring(20) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Lines.append(log, 101, 150);
        assertThat(ingest(q, log)).isEqualTo(50);
        assertThat(paths(q)).hasSize(150).contains(100L);
    }

    @Test
    void reingest_rotatedByRenameAndCompressed_addsOnlyNewLines() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 1000);
        Path q = dir.resolve("q");
        assertThat(ingest(q, log)).isEqualTo(1000);
        // nginx writes a little more, then logrotate renames, compresses, and a new file starts
        Lines.append(log, 1000, 1200);
        Path rotated = dir.resolve("access.log.1");
        Files.move(log, rotated);
        Lines.write(log, 1200, 1500);
        Path gz = dir.resolve("access.log.1.gz");
        Lines.gzip(rotated, gz);
        Files.delete(rotated);
        // given in the wrong order on purpose
        assertThat(ingest(q, log, gz)).isEqualTo(500);
        assertThat(paths(q)).hasSize(1500);
    }

    @Test
    void twoLogsStartingWithTheSameLine_areEachReadWhole() throws Exception {
        // two virtual hosts' logs whose first request is the same health check at the same second
        String check = "10.0.0.9 - - [10/Oct/2026:13:55:36 +0200] \"GET /health HTTP/1.1\" 200 2 \"-\" \"probe\"";
        Path api = dir.resolve("api.log");
        Path www = dir.resolve("www.log");
        Files.writeString(api, check + "\n");
        Lines.append(api, 0, 300);
        Files.writeString(www, check + "\n");
        Lines.append(www, 300, 500);
        Path q = dir.resolve("q");
        assertThat(ingest(q, api)).isEqualTo(301);
        assertThat(ingest(q, www)).as("not taken for api.log grown").isEqualTo(201);
        assertThat(ingest(q, api, www)).isZero();
        Lines.append(www, 500, 510);
        assertThat(ingest(q, api, www)).isEqualTo(10);
        java.util.Map<String, Long> counts = requestsByPath(q);
        assertThat(counts).hasSize(511).containsEntry("/health", 2L);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(512);
    }

    /** How many requests of each path the queue holds. */
    static java.util.Map<String, Long> requestsByPath(Path queue) throws Exception {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        try (RecordStore store = RecordStore.openForReading(queue); var reader = store.reader(null)) {
            Batch b;
            while ((b = reader.next()) != null) {
                for (int i = 0; i < b.size(); i++) {
                    counts.merge(b.request(i).path(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void aFileFingerprintedWhileShort_keepsTheLongerHeadOnceItGrew_soAnotherFileWithTheSameStartIsNotTakenForIt()
            throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Lines.write(a, 0, 1);
        Path q = dir.resolve("q");
        assertThat(ingest(q, a)).isEqualTo(1);
        Lines.append(a, 1, 100); // a grows: its checkpoint now keeps a head of 4 KiB
        assertThat(ingest(q, a)).isEqualTo(99);
        Lines.write(b, 0, 1);    // b starts like a, then differs
        Lines.append(b, 200, 300);
        assertThat(ingest(q, b)).isEqualTo(101);
        java.util.Map<String, Long> counts = requestsByPath(q);
        assertThat(counts).hasSize(200).containsEntry("/p/0", 2L).containsEntry("/p/1", 1L).containsEntry("/p/250", 1L);
    }

    @Test
    void aQueueWrittenBeforeCheckpointsKeptTheHead_stillResumes_andIsUpgraded() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 3000);
        Path current = dir.resolve("current");
        assertThat(ingest(current, log)).isEqualTo(3000);
        // the same queue as ngxtime wrote it before format 5: checkpoints with the first line's hash only
        Path q = dir.resolve("q");
        try (RecordStore from = RecordStore.openForReading(current); var reader = from.reader(null);
             RecordStore to = RecordStore.open(q)) {
            while (reader.nextRaw()) {
                byte[] v4 = RecordStoreTest.withoutHeadFields(reader.raw());
                to.append(v4, v4.length);
            }
        }
        try (RecordStore store = RecordStore.openForReading(q)) {
            assertThat(store.lastBatch().checkpoints()).singleElement()
                    .satisfies(c -> assertThat(c.fingerprint().isFirstLineOnly()).isTrue());
        }
        assertThat(ingest(q, log)).as("nothing new").isZero();
        Lines.append(log, 3000, 3100);
        assertThat(ingest(q, log)).isEqualTo(100);
        assertThat(paths(q)).hasSize(3100);
        try (RecordStore store = RecordStore.openForReading(q)) {
            assertThat(store.lastBatch().checkpoints()).singleElement()
                    .satisfies(c -> assertThat(c.fingerprint().headBytes()).isPositive());
        }
    }

    @Test
    void rotatedSet_inAnyOrder_isReadInTimeOrder() throws Exception {
        Path a = dir.resolve("access.log.2.gz");
        Path b = dir.resolve("access.log.1");
        Path c = dir.resolve("access.log");
        Path tmp = dir.resolve("tmp");
        Lines.write(tmp, 0, 100);
        Lines.gzip(tmp, a);
        Lines.write(b, 100, 200);
        Lines.write(c, 200, 300);
        Path q = dir.resolve("q");
        ingest(q, c, a, b, c);
        List<Long> order = new ArrayList<>();
        try (RecordStore store = RecordStore.openForReading(q); var reader = store.reader(null)) {
            Batch batch;
            while ((batch = reader.next()) != null) {
                for (int i = 0; i < batch.size(); i++) {
                    order.add(Long.parseLong(batch.request(i).path().substring(3)));
                }
            }
        }
        assertThat(order).hasSize(300).isSorted();
    }

    @Test
    void timeWindow_seeksAndReadsOnlyThatWindow() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 200_000); // 200,000 seconds, about 2.3 days
        Path q = dir.resolve("q");
        ingest(q, log);
        long from = Lines.START_MILLIS + 100_000 * 1000L;
        long to = from + 3600_000L;
        try (RecordStore store = RecordStore.openForReading(q)) {
            Aggregation agg = new Aggregation();
            QueueReport.Stats stats = QueueReport.aggregate(store, TimeWindow.between(from, to), agg, new HashSet<>());
            assertThat(agg.summary().requests()).isEqualTo(3600);
            assertThat(agg.summary().firstMillis()).isEqualTo(from);
            assertThat(stats.batchesDecoded()).isLessThanOrEqualTo(6); // 3,600 lines are 4-5 batches of 1,024
            Report all = QueueReport.report(store, TimeWindow.ALL, 10);
            assertThat(all.summary().requests()).isEqualTo(200_000);
        }
    }

    @Test
    void analysis_throughTheQueue_equalsTheDirectPath() throws Exception {
        Path log = dir.resolve("access.log");
        Lines.write(log, 0, 20_000);
        Files.writeString(log, "garbage\n", java.nio.file.StandardOpenOption.APPEND);
        Report direct = Analysis.builder().format(COMBINED).build().run(List.of(Input.file(log)));
        // the temporary queue in a directory of this test's own: the shared one has other runs' queues come and go
        Path tmp = Files.createDirectory(dir.resolve("java-tmp"));
        String sharedTmp = System.getProperty("java.io.tmpdir");
        Report queued;
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            queued = Analysis.builder().format(COMBINED).directLimitBytes(0).build().run(List.of(Input.file(log)));
        } finally {
            System.setProperty("java.io.tmpdir", sharedTmp);
        }
        assertThat(queued.summary()).isEqualTo(direct.summary());
        assertThat(queued.rejects().total()).isEqualTo(1);
        assertThat(queued.rejects().byReason()).isEqualTo(direct.rejects().byReason());
        assertThat(direct.summary().requests()).isEqualTo(20_000);
        assertThat(direct.summary().status().get(500)).isEqualTo(2_000L);
        try (var left = Files.list(tmp)) {
            assertThat(left.toList()).as("the run's temporary queue is gone").isEmpty();
        }
    }

    @Test
    void truncatedGzipInARotatedSet_keepsWhatWasRead_saysHowFar_andReadsTheNextFile() throws Exception {
        Path tmp = dir.resolve("tmp");
        Lines.write(tmp, 0, 50_000);
        Path gz = dir.resolve("access.log.2.gz");
        Lines.truncatedGzip(tmp, gz);
        Path next = dir.resolve("access.log.1");
        Lines.write(next, 50_000, 51_000);
        for (long direct : new long[] {Long.MAX_VALUE, 0}) {
            Analysis a = Analysis.builder().format(COMBINED).directLimitBytes(direct).build();
            Report r = a.run(List.of(Input.file(next), Input.file(gz)));
            assertThat(a.inputErrors()).hasSize(1);
            assertThat(a.inputErrors().get(0).input()).isEqualTo(gz.toString());
            assertThat(a.inputErrors().get(0).message()).startsWith("truncated gzip data after line ").contains("the lines before it are counted");
            assertThat(r.summary().requests()).isGreaterThan(1000 + 10_000).isLessThan(51_000);
        }
    }

    @Test
    void stdinPipe_isReadThroughTheQueue() throws Exception {
        String text = String.join("\n", Lines.range(0, 5000)) + "\n";
        Input stdin = Input.of("-", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        Report r = Analysis.builder().candidates(List.of(COMBINED, Preset.TIMING.format())).build().run(List.of(stdin));
        assertThat(r.summary().requests()).isEqualTo(5000);
        assertThat(r.format()).isEqualTo("combined");
    }
}
