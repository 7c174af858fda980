package io.ngxtime.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import io.ngxtime.grammar.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class ProgressListenerTest {
    @TempDir
    Path dir;

    /** Both ways a report run reads files: directly (a large limit) and through a temporary queue (limit 0). */
    @ParameterizedTest(name = "directLimitBytes {0}")
    @ValueSource(longs = {1L << 40, 0})
    void reportRun_tellsHowFarItRead_endingWithEveryLineAndByteOnce(long directLimitBytes) throws Exception {
        Path log = dir.resolve("a.log");
        Lines.write(log, 0, 5000);
        Files.writeString(log, "a rejected line\n", java.nio.file.StandardOpenOption.APPEND);
        long size = Files.size(log);
        List<ProgressListener.Progress> events = new CopyOnWriteArrayList<>();

        Analysis.builder().format(Preset.COMBINED.format()).directLimitBytes(directLimitBytes)
                .progress(events::add).build().run(List.of(Input.file(log)));

        assertThat(events).hasSizeGreaterThan(1);
        assertThat(events.subList(0, events.size() - 1)).noneMatch(ProgressListener.Progress::done);
        ProgressListener.Progress last = events.get(events.size() - 1);
        assertThat(last).isEqualTo(new ProgressListener.Progress(size, size, 5001, true));
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).linesRead()).isGreaterThanOrEqualTo(events.get(i - 1).linesRead());
            assertThat(events.get(i).bytesRead()).isGreaterThanOrEqualTo(events.get(i - 1).bytesRead());
        }
    }

    /**
     * A compressed file's decompressed size is not known before it is read: the total is unknown (-1), not
     * ten times the file (which showed "56%, 2 s left" and then ended), and the bytes read are the lines'
     * bytes, decompressed, for a report run and an ingest run alike.
     */
    @ParameterizedTest(name = "directLimitBytes {0}")
    @ValueSource(longs = {1L << 40, 0})
    void aCompressedInput_hasNoKnownTotal_andCountsItsDecompressedBytes(long directLimitBytes) throws Exception {
        Path plain = dir.resolve("a.log");
        Lines.write(plain, 0, 3000);
        long decompressed = Files.size(plain);
        Path gz = dir.resolve("a.log.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        Files.delete(plain);
        List<ProgressListener.Progress> report = new CopyOnWriteArrayList<>();
        Analysis.builder().format(Preset.COMBINED.format()).directLimitBytes(directLimitBytes)
                .progress(report::add).build().run(List.of(Input.file(gz)));
        assertThat(report).allSatisfy(p -> assertThat(p.totalBytes()).isEqualTo(-1));
        assertThat(report.get(report.size() - 1)).isEqualTo(new ProgressListener.Progress(decompressed, -1, 3000, true));

        InputSet set = InputSet.probe(List.of(Input.file(gz)));
        set.resolve(new InputSet.FormatChoice(Preset.COMBINED.format(), List.of(), false));
        List<ProgressListener.Progress> ingest = new CopyOnWriteArrayList<>();
        IngestRun.run(new IngestRun.Request(set, dir.resolve("q"), 64 * 1024, true, 1, ingest::add, held -> { }, () -> { }),
                () -> false);
        assertThat(ingest).allSatisfy(p -> assertThat(p.totalBytes()).isEqualTo(-1));
        assertThat(ingest.get(ingest.size() - 1)).isEqualTo(new ProgressListener.Progress(decompressed, -1, 3000, true));
    }
}
