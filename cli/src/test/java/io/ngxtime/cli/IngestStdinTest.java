package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest -}: standard input is checked against the queue by its content as files are, so the same
 * data piped twice is counted once, and a message says what was left out.
 */
class IngestStdinTest {
    @TempDir
    Path dir;

    static ReportCommandTest.Run ingestStdin(Path queue, String text) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return ReportCommandTest.run("ingest", "-", "--queue", queue.toString(), "--log-format", "combined");
        } finally {
            System.setIn(stdin);
        }
    }

    static String text(int from, int to) {
        return String.join("\n", IngestAndTailCommandTest.lines(from, to)) + "\n";
    }

    static long requests(Path queue) throws Exception {
        return ReportCommandTest.run("report", "--queue", queue.toString(), "--json").json().get("requests").asLong();
    }

    /** Regression: the second run appended the same 1,000 lines again, without a word. */
    @Test
    void theSameDataTwice_isIngestedOnce_andTheSecondRunSaysWhy() throws Exception {
        Path q = dir.resolve("q");
        ReportCommandTest.Run first = ingestStdin(q, text(0, 1000));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("ingested 1,000 new lines");
        ReportCommandTest.Run again = ingestStdin(q, text(0, 1000));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("ingested 0 new lines");
        assertThat(again.err()).contains("ngxtime: standard input starts like the standard input ingested before,"
                + " whose first 1,000 lines the queue holds: only the lines after them are added");
        assertThat(requests(q)).isEqualTo(1000);

        ReportCommandTest.Run grown = ingestStdin(q, text(0, 1500));
        assertThat(grown.out()).contains("ingested 500 new lines");
        assertThat(requests(q)).isEqualTo(1500);

        ReportCommandTest.Run other = ingestStdin(q, text(2000, 2100));
        assertThat(other.out()).contains("ingested 100 new lines");
        assertThat(other.err()).doesNotContain("starts like");
        assertThat(requests(q)).isEqualTo(1600);
    }

    @Test
    void aFileIngestedBefore_pipedIn_addsOnlyWhatTheQueueDoesNotHold() throws Exception {
        Path q = dir.resolve("q");
        Path log = Files.write(dir.resolve("access.log"), IngestAndTailCommandTest.lines(0, 800));
        assertThat(ReportCommandTest.run("ingest", log.toString(), "--queue", q.toString()).exit()).isZero();
        ReportCommandTest.Run piped = ingestStdin(q, text(0, 900));
        assertThat(piped.out()).contains("ingested 100 new lines");
        assertThat(piped.err()).contains("standard input starts like " + log + ", whose first 800 lines the queue holds");
        assertThat(requests(q)).isEqualTo(900);
    }

    /**
     * A queue ingested from standard input knows where each batch stands in it, as for a file: a window
     * whose edge falls among the first batch's requests counts the rejected lines on each side of it as
     * the file's report does (they were all counted after the batch's last request).
     */
    @Test
    void aWindowOfAQueueFedFromStdin_countsRejectedLinesAsTheFileReportDoes() throws Exception {
        Path log = SampleGoldenTest.samples().resolve("timing-small.log"); // rejected lines 125, 132, 261 and 317
        Path q = dir.resolve("q");
        InputStream stdin = System.in;
        try (InputStream in = Files.newInputStream(log)) {
            System.setIn(in);
            assertThat(ReportCommandTest.run("ingest", "-", "--queue", q.toString(), "--log-format", "timing").exit()).isZero();
        } finally {
            System.setIn(stdin);
        }
        java.time.OffsetDateTime from = QueueAgreesWithFilesTest.timeOfLine(log, 200);
        String[] window = QueueAgreesWithFilesTest.window(from, from.plusHours(3));
        com.fasterxml.jackson.databind.JsonNode files = QueueAgreesWithFilesTest.report(List.of(log), window);
        com.fasterxml.jackson.databind.JsonNode queue = QueueAgreesWithFilesTest.reportQueue(q, window);
        assertThat(files.get("rejected").asLong()).as("261 and 317").isEqualTo(2);
        for (String key : List.of("lines", "requests", "rejected")) {
            assertThat(queue.get(key).asLong()).as(key).isEqualTo(files.get(key).asLong());
        }
    }

    /** Regression: standard input has no "later", yet its last line was left for one and never ingested. */
    @Test
    void aLastLineWithoutNewline_isIngested() throws Exception {
        Path q = dir.resolve("q");
        List<String> lines = IngestAndTailCommandTest.lines(0, 10);
        ReportCommandTest.Run r = ingestStdin(q, String.join("\n", lines));
        assertThat(r.out()).contains("ingested 10 new lines");
        assertThat(requests(q)).isEqualTo(10);
    }
}
