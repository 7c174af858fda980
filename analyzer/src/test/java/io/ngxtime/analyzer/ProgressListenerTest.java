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
}
