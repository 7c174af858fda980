package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.QueueReport;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ways a window is read: files directly, files through a temporary queue (rejected lines
 * counted as parsed), and a queue written by ingest (rejected lines placed from the batches) count the
 * same lines and rejected lines in every window.
 */
class WindowedRejectsPathsTest {
    @TempDir
    Path dir;

    static long at(long request) {
        return Lines.START_MILLIS + request * 1000;
    }

    /** Requests 0..4999, one a second; rejected lines at the start, at the end, and around requests 2000 and 3500. */
    private Path log() throws Exception {
        List<String> lines = new ArrayList<>(List.of("junk at the start", ""));
        for (int n = 0; n < 5000; n++) {
            lines.add(Lines.line(n));
            if (n % 1000 == 300) {
                lines.add("junk after " + n);
            }
            if (n == 1999) {
                lines.add("junk just before 2000");
                lines.add(Lines.line(n).replace("/Oct/", "/OCT/"));
            }
            if (n == 2000 || n == 3500) {
                lines.add("");
            }
            if (n == 3499) {
                lines.add("junk just before 3500");
            }
        }
        lines.add("junk at the end");
        Path f = dir.resolve("access.log");
        Files.write(f, lines);
        return f;
    }

    /** The same report three ways, each described. */
    private List<String> threeWays(List<Path> files, long from, long to) throws Exception {
        List<Input> inputs = files.stream().map(Input::file).toList();
        Report direct = Analysis.builder().format(IngestScenarioTest.COMBINED).window(from, to).build().run(inputs);
        Report temporary = Analysis.builder().format(IngestScenarioTest.COMBINED).window(from, to).directLimitBytes(0)
                .build().run(inputs);
        Path q = dir.resolve("q-" + System.nanoTime());
        IngestScenarioTest.ingest(q, files.toArray(Path[]::new));
        try (RecordStore store = RecordStore.openForReading(q)) {
            return List.of(describe(direct), describe(temporary), describe(QueueReport.report(store, TimeWindow.between(from, to), 10)));
        }
    }

    @Test
    void rejectedLinesAtTheStartOfTheBatchAfterTheWindow_followItsLastRequest_andAreCounted() throws Exception {
        List<String> lines = new ArrayList<>(Lines.range(0, 1024)); // exactly the first batch
        lines.add("junk after request 1023, the first line of the second batch");
        lines.addAll(Lines.range(1024, 3000));
        Path f = dir.resolve("edge.log");
        Files.write(f, lines);
        List<String> reports = threeWays(List.of(f), at(0), at(1024));
        assertThat(reports.get(0)).startsWith("lines 1025, requests 1024, rejected 1 ");
        assertThat(reports).containsOnly(reports.get(0));
    }

    @Test
    void anInputStartingWithMoreThanABatchOfRejectedLines_theyTakeItsFirstRequestsTime_evenAfterASeek() throws Exception {
        Path a = dir.resolve("a.log");
        Lines.write(a, 0, 3000);
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            b.add("junk " + i); // more than a batch: one batch without any time, before the first request
        }
        b.addAll(Lines.range(6000, 7000));
        Path bLog = dir.resolve("b.log");
        Files.write(bLog, b);
        // the samples differ: a batch keeps five, and here the first ten rejected lines are in one batch
        List<String> reports = threeWays(List.of(a, bLog), at(6000), at(7000)).stream()
                .map(r -> r.replaceAll("\\[LineSample.*\\]", "[samples]")).toList();
        assertThat(reports.get(0)).startsWith("lines 2500, requests 1000, rejected 1500 ");
        assertThat(reports).containsOnly(reports.get(0));
    }

    /** What the paths must agree on. */
    static String describe(Report r) {
        return "lines " + r.lines() + ", requests " + r.summary().requests() + ", rejected " + r.rejects().total() + " "
                + r.rejects().byReason() + " " + r.rejects().samples() + ", filter '" + r.filter() + "', first "
                + r.summary().first() + ", last " + r.summary().last();
    }

    @Test
    void direct_temporaryQueue_andIngestedQueue_countTheSameLinesInEveryWindow() throws Exception {
        Path log = log();
        Path q = dir.resolve("q");
        IngestScenarioTest.ingest(q, log);
        long[][] windows = {
            {at(2000), at(3500)},
            {Long.MIN_VALUE, at(2000)},
            {at(4500), Long.MAX_VALUE},
            {at(0), at(1000)},
            {at(10_000), at(11_000)},
            {Long.MIN_VALUE, Long.MAX_VALUE},
        };
        for (long[] w : windows) {
            Report direct = Analysis.builder().format(IngestScenarioTest.COMBINED).window(w[0], w[1]).build()
                    .run(List.of(Input.file(log)));
            Report temporary = Analysis.builder().format(IngestScenarioTest.COMBINED).window(w[0], w[1]).directLimitBytes(0)
                    .build().run(List.of(Input.file(log)));
            Report queue;
            try (RecordStore store = RecordStore.openForReading(q)) {
                queue = QueueReport.report(store, TimeWindow.between(w[0], w[1]), 10);
            }
            assertThat(describe(temporary)).as("through a temporary queue").isEqualTo(describe(direct));
            assertThat(describe(queue)).as("from an ingested queue").isEqualTo(describe(direct));
            assertThat(queue.format()).isEqualTo(direct.format());
        }
        Report window = Analysis.builder().format(IngestScenarioTest.COMBINED).window(at(2000), at(3500)).build()
                .run(List.of(Input.file(log)));
        // in [2000, 3500): the lines after 2000, 2300, 3300 and 3499; those after 1999 and 3500 are outside
        assertThat(window.rejects().total()).isEqualTo(4);
        assertThat(window.lines()).isEqualTo(1500 + 4);
    }
}
