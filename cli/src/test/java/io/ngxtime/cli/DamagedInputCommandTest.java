package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged compressed input through the commands: the shipped week cut at 900,000 bytes (as a copy
 * interrupted mid-way leaves it), read with and without a format, by report and by ingest: every line
 * that decodes is counted, one stderr line says where it broke, the report is written, and the exit
 * code is 74 (an input could not be read whole), never an internal error.
 */
class DamagedInputCommandTest {
    private static final int CUT_AT_BYTES = 900_000;

    @TempDir
    Path dir;

    /** The sample cut, and what the JDK's inflater decodes of it: whole lines, and the cut one. */
    private record Cut(Path file, long wholeLines) {
    }

    private Cut cutWeek() throws IOException {
        byte[] gz = Files.readAllBytes(SampleGoldenTest.samples().resolve("timing-week.log.gz"));
        byte[] cut = Arrays.copyOf(gz, CUT_AT_BYTES);
        Path f = dir.resolve("timing-week.log.gz");
        Files.write(f, cut);
        ByteArrayOutputStream decodable = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
            in.transferTo(decodable);
        } catch (IOException expected) {
            // the damage: what came before it is what can be decoded
        }
        long n = 0;
        for (byte b : decodable.toByteArray()) {
            n += b == '\n' ? 1 : 0;
        }
        return new Cut(f, n);
    }

    private static String damageLine(Cut cut) {
        return String.format(Locale.ROOT, "ngxtime: %s: truncated gzip data after line %,d (compressed byte %,d): the lines "
                + "before it are counted; line %,d, cut short by it, is counted as rejected", cut.file(), cut.wholeLines(),
                CUT_AT_BYTES, cut.wholeLines() + 1);
    }

    @Test
    void report_truncatedGzip_everyDecodableLineCounted_oneStderrLine_exit74_sameWithAndWithoutAFormat() throws Exception {
        Cut cut = cutWeek();
        ReportCommandTest.Run given = ReportCommandTest.run("report", cut.file().toString(), "--json", "--log-format", "timing");
        ReportCommandTest.Run detected = ReportCommandTest.run("report", cut.file().toString(), "--json");
        for (ReportCommandTest.Run r : new ReportCommandTest.Run[] {given, detected}) {
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.IO);
            assertThat(r.err().lines().filter(l -> !l.contains("log format:")).toList()).containsExactly(damageLine(cut));
            assertThat(r.json().get("lines").asLong()).isEqualTo(cut.wholeLines() + 1);
            assertThat(r.json().get("rejected").asLong()).isPositive();
        }
        assertThat(detected.out()).isEqualTo(given.out());
        assertThat(given.json().toString()).contains("line cut short by damaged compressed data");
    }

    @Test
    void ingest_truncatedGzip_recordsWhatDecoded_exit74_andAgainAddsNothing() throws Exception {
        Cut cut = cutWeek();
        Path q = dir.resolve("q");
        ReportCommandTest.Run first = ReportCommandTest.run("ingest", cut.file().toString(), "--queue", q.toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCode.IO);
        assertThat(first.err()).contains(damageLine(cut));
        assertThat(first.out()).contains(String.format(Locale.ROOT, "ingested %,d new lines", cut.wholeLines() + 1));
        ReportCommandTest.Run again = ReportCommandTest.run("ingest", cut.file().toString(), "--queue", q.toString());
        assertThat(again.exit()).isEqualTo(ExitCode.IO);
        assertThat(again.out()).contains("ingested 0 new lines");
        ReportCommandTest.Run report = ReportCommandTest.run("report", "--queue", q.toString(), "--json");
        assertThat(report.json().get("lines").asLong()).isEqualTo(cut.wholeLines() + 1);
    }

    @Test
    void report_gzipNotGzipInside_andEmpty_andBinary_neverAnInternalError() throws Exception {
        Path headerBroken = dir.resolve("a.log.gz");
        Files.write(headerBroken, new byte[] {0x1f, (byte) 0x8b, 9, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        Path empty = dir.resolve("b.log.gz");
        Files.write(empty, new byte[0]);
        Path good = dir.resolve("c.log");
        Files.writeString(good, ReportCommandTest.combined("10/Oct/2026:13:55:36 +0200", "GET / HTTP/1.1", 200) + "\n");
        ReportCommandTest.Run r = ReportCommandTest.run("report", headerBroken.toString(), empty.toString(), good.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.IO);
        assertThat(r.err()).doesNotContain("internal error").contains("ngxtime: " + headerBroken
                + ": corrupt gzip data before the first line (compressed byte 2: unknown compression method 9): no line could be read");
        assertThat(r.json().get("requests").asLong()).isEqualTo(1);
    }
}
