package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.QueueReport;
import io.ngxtime.analyzer.ingest.FormatDetector;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A truncated .gz read by the report (directly and through its temporary queue, with and without a
 * format) and by queue ingest: the same lines, the line the damage cut counted as rejected, one error
 * saying where, and nothing counted twice when the same damaged file is ingested again.
 */
class DamagedInputIngestTest {
    static final LogFormat COMBINED = Preset.COMBINED.format();

    @TempDir
    Path dir;

    /** A gzip of {@code lines} log lines cut at 2/3 of its bytes, and how many whole lines decode (the JDK's count). */
    private record Cut(Path file, long wholeLines) {
    }

    private Cut truncatedGzip(String name, int lines) throws IOException {
        Path plain = dir.resolve(name + ".txt");
        Lines.write(plain, 0, lines);
        Path gz = dir.resolve(name);
        Lines.gzip(plain, gz);
        byte[] all = Files.readAllBytes(gz);
        byte[] cut = Arrays.copyOf(all, all.length * 2 / 3);
        Files.write(gz, cut);
        ByteArrayOutputStream decodable = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
            in.transferTo(decodable);
        } catch (IOException expected) {
            // the damage
        }
        byte[] d = decodable.toByteArray();
        assertThat(d[d.length - 1]).as("the cut falls inside a line").isNotEqualTo((byte) '\n');
        long n = 0;
        for (byte b : d) {
            n += b == '\n' ? 1 : 0;
        }
        return new Cut(gz, n);
    }

    @ParameterizedTest(name = "directLimitBytes {0}")
    @ValueSource(longs = {Long.MAX_VALUE, 0})
    void report_truncatedGzip_sameLinesWithAndWithoutAFormat_theCutLineRejected_oneErrorSaysWhere(long direct)
            throws Exception {
        Cut cut = truncatedGzip("access.log.2.gz", 30_000);
        for (boolean given : new boolean[] {true, false}) {
            Analysis.Builder b = Analysis.builder().directLimitBytes(direct);
            Analysis a = (given ? b.format(COMBINED) : b.candidates(List.of(Preset.TIMING.format(), COMBINED))).build();
            Report r = a.run(List.of(Input.file(cut.file())));
            String how = (given ? "format given" : "format detected") + ", direct " + direct;
            assertThat(r.lines()).as(how).isEqualTo(cut.wholeLines() + 1);
            assertThat(r.summary().requests()).as(how).isEqualTo(cut.wholeLines());
            assertThat(r.rejects().byReason()).as(how).containsExactly(java.util.Map.entry(ParseError.CUT_LINE, 1L));
            assertThat(a.inputErrors()).as(how).containsExactly(new InputError(cut.file().toString(), String.format(
                    java.util.Locale.ROOT, "truncated gzip data after line %,d (compressed byte %,d): the lines before it "
                            + "are counted; line %,d, cut short by it, is counted as rejected",
                    cut.wholeLines(), Files.size(cut.file()), cut.wholeLines() + 1)));
        }
    }

    @Test
    void report_truncatedWithinTheDetectionSample_detectsFromWhatDecoded() throws Exception {
        Cut cut = truncatedGzip("short.gz", 600);
        assertThat(cut.wholeLines()).isLessThan(FormatDetector.SAMPLE_LINES);
        Analysis a = Analysis.builder().candidates(List.of(Preset.TIMING.format(), COMBINED)).build();
        Report r = a.run(List.of(Input.file(cut.file())));
        assertThat(r.format()).isEqualTo("combined");
        assertThat(r.summary().requests()).isEqualTo(cut.wholeLines());
        assertThat(a.inputErrors()).hasSize(1);
    }

    @Test
    void report_firstInputDamagedInItsFirstBytes_theFormatIsDetectedFromTheNext() throws Exception {
        Path plain = dir.resolve("p");
        Lines.write(plain, 0, 10);
        Path broken = dir.resolve("access.log.3.gz");
        Lines.gzip(plain, broken);
        byte[] b = Files.readAllBytes(broken);
        b[3] = (byte) 0xE0; // reserved header flags
        Files.write(broken, b);
        Path next = dir.resolve("access.log.1");
        Lines.write(next, 100, 150);
        Analysis a = Analysis.builder().candidates(List.of(Preset.TIMING.format(), COMBINED)).build();
        Report r = a.run(List.of(Input.file(broken), Input.file(next)));
        assertThat(r.format()).isEqualTo("combined");
        assertThat(r.summary().requests()).isEqualTo(50);
        assertThat(a.inputErrors()).containsExactly(new InputError(broken.toString(),
                "corrupt gzip data before the first line (compressed byte 3: reserved header flags set): no line could be read"));
    }

    @Test
    void formatDetection_emptyFirstInput_isPassedOver() throws Exception {
        Path empty = dir.resolve("empty.log");
        Files.write(empty, new byte[0]);
        Path next = dir.resolve("next.log");
        Lines.write(next, 0, 20);
        FormatDetector.Detection d = FormatDetector.detectFirst(List.of(Preset.TIMING.format(), COMBINED),
                List.of(Input.file(empty), Input.file(next)));
        assertThat(d.format().name()).isEqualTo("combined");
        assertThat(d.sampled()).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0} parse threads")
    @ValueSource(ints = {1, 2})
    void ingest_truncatedGzip_recordsTheLinesThatDecoded_saysWhere_andAgainAddsNothing(int threads) throws Exception {
        Cut cut = truncatedGzip("access.log.2.gz", 30_000);
        Path q = dir.resolve("q" + threads);
        for (int run = 1; run <= 2; run++) {
            try (RecordStore store = RecordStore.open(q)) {
                QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true).parallelism(threads);
                CompressedDataException e = (CompressedDataException) org.assertj.core.api.Assertions.catchThrowable(
                        () -> ing.ingest(Input.file(cut.file()), () -> false));
                assertThat(e).as("run " + run).isNotNull();
                assertThat(e.compressedOffset()).isEqualTo(Files.size(cut.file()));
                if (run == 1) {
                    assertThat(e.completeLines()).isEqualTo(cut.wholeLines());
                    assertThat(e.lineCut()).isTrue();
                    assertThat(ing.appendedLines()).isEqualTo(cut.wholeLines() + 1);
                    assertThat(ing.appendedRejected()).isEqualTo(1);
                } else {
                    // the checkpoint is past the cut line: nothing is read again, the damage is said again
                    assertThat(e.completeLines()).isEqualTo(cut.wholeLines() + 1);
                    assertThat(e.lineCut()).isFalse();
                    assertThat(ing.appendedLines()).isZero();
                }
            }
        }
        try (RecordStore store = RecordStore.open(q)) {
            Report r = QueueReport.report(store, TimeWindow.ALL, 10);
            assertThat(r.lines()).isEqualTo(cut.wholeLines() + 1);
            assertThat(r.summary().requests()).isEqualTo(cut.wholeLines());
        }
    }

    @Test
    void ingest_gzipDamagedBeforeItsFirstByte_isTheDamage_notAnUnreadableMystery() throws Exception {
        Path gz = dir.resolve("h.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        try (RecordStore store = RecordStore.open(dir.resolve("q"))) {
            QueueIngester ing = new QueueIngester(store, COMBINED, 65536, true);
            assertThatThrownBy(() -> ing.ingest(Input.file(gz), () -> false)).isInstanceOf(CompressedDataException.class)
                    .hasMessage("truncated gzip data before the first line (compressed byte 5): no line could be read");
        }
    }
}
