package io.ngxtime.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSetTest {
    private static final List<LogFormat> CANDIDATES = List.of(Preset.COMBINED.format(), Preset.TIMING.format());

    @TempDir
    Path dir;

    private static Input stdin(String text) {
        return Input.of(Input.STDIN, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sizes_ofAnInputOpenedByName_areUnknown_notAFailure() throws Exception {
        Path log = dir.resolve("a.log");
        Lines.write(log, 0, 10);
        byte[] text = Files.readAllBytes(log);
        InputSet set = InputSet.probe(List.of(Input.file(log),
                Input.opened("hdfs://nn/logs/b.log", () -> new java.io.ByteArrayInputStream(text))));
        set.resolve(new InputSet.FormatChoice(null, CANDIDATES, true));

        assertThat(set.progressTotalBytes()).as("a size that cannot be looked at is unknown").isEqualTo(-1);
        assertThat(set.estimatedBytes()).isGreaterThan(Files.size(log));
    }

    @Test
    void probe_missingFile_isAnErrorAndTheOthersAreStillRead() throws Exception {
        Path log = dir.resolve("a.log");
        Lines.write(log, 0, 10);
        InputSet set = InputSet.probe(List.of(Input.file(dir.resolve("missing.log")), Input.file(log)));

        assertThat(set.noneReadable()).isFalse();
        assertThat(set.errors()).singleElement().satisfies(e -> assertThat(e.input()).endsWith("missing.log"));
        set.resolve(new InputSet.FormatChoice(null, CANDIDATES, true));
        assertThat(set.names()).containsExactly(log.toString());
    }

    @Test
    void resolve_rotatedSetGivenOutOfOrder_isReadOldestFirstAndStandardInputFirstOfAll() throws Exception {
        Path older = dir.resolve("access.log.1");
        Path newer = dir.resolve("access.log");
        Lines.write(older, 0, 10);
        Lines.write(newer, 10, 20);
        InputSet set = InputSet.probe(List.of(Input.file(newer), Input.file(older), stdin(Lines.line(30) + "\n")));

        assertThat(set.resolve(new InputSet.FormatChoice(null, CANDIDATES, true))).isPresent();

        assertThat(set.format().name()).isEqualTo("combined");
        assertThat(set.names()).containsExactly("<stdin>", older.toString(), newer.toString());
    }

    @Test
    void resolve_standardInputNotASample_detectsFromTheFilesOnly() throws Exception {
        Path log = dir.resolve("a.log");
        Lines.write(log, 0, 10);
        String notALog = "no format fits this line\nnor this one\n";

        InputSet ingest = InputSet.probe(List.of(stdin(notALog), Input.file(log)));
        assertThat(ingest.startsWithStdin()).isTrue();
        assertThat(ingest.resolve(new InputSet.FormatChoice(null, CANDIDATES, false)).orElseThrow().format().name())
                .isEqualTo("combined");

        InputSet report = InputSet.probe(List.of(stdin(notALog), Input.file(log)));
        assertThatThrownBy(() -> report.resolve(new InputSet.FormatChoice(null, CANDIDATES, true)))
                .isInstanceOf(FormatDetectionException.class);
    }

    @Test
    void resolve_givenFormat_detectsNothingAndReadsNoStandardInput() throws Exception {
        InputSet set = InputSet.probe(List.of(stdin("anything\n")));

        assertThat(set.resolve(new InputSet.FormatChoice(Preset.TIMING.format(), List.of(), true))).isEmpty();

        assertThat(set.format().name()).isEqualTo("timing");
        assertThat(new String(set.stdin().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("anything\n");
    }

    @Test
    void detectFollowed_fileWithoutLines_isNothingToDetectFrom() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        Path log = dir.resolve("a.log");
        Lines.write(log, 0, 10);

        assertThat(InputSet.detectFollowed(CANDIDATES, empty)).isEmpty();
        assertThat(InputSet.detectFollowed(CANDIDATES, log).orElseThrow().format().name()).isEqualTo("combined");
    }
}
