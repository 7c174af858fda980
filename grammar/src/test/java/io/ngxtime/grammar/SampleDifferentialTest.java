package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compiled matcher and the reference grammar agree, field for field, on the committed sample logs
 * (every line of the small samples; a stride of the week, to keep the slow reference affordable).
 */
class SampleDifferentialTest {
    static Path samples() {
        Path p = Path.of(System.getProperty("ngxtime.testdata", "../testdata")).resolve("samples");
        return Files.isDirectory(p) ? p : Path.of("../testdata/samples");
    }

    static List<String> lines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            return new ArrayList<>(r.lines().toList());
        }
    }

    @ParameterizedTest
    @CsvSource({"timing-small.log,timing,2", "combined-small.log,combined,2", "main-small.log,main,2",
        "upstreaminfo-small.log,upstreaminfo,2", "timing-week.log.gz,timing,50"})
    void compiledAndReference_agreeOnTheSamples(String file, String preset, int stride) throws IOException {
        Path f = samples().resolve(file);
        Assumptions.assumeTrue(Files.exists(f), "samples not found: " + f);
        ParserPair pair = new ParserPair(Preset.byName(preset).orElseThrow().format());
        List<String> lines = lines(f);
        int checked = 0;
        int accepted = 0;
        for (int i = 0; i < lines.size(); i += stride) {
            byte[] b = lines.get(i).getBytes(StandardCharsets.ISO_8859_1);
            ParserPair.Verdict v = pair.check(b);
            final int lineNo = i + 1;
            assertThat(v.agree()).as(() -> file + " line " + lineNo + ": " + v.kind()).isTrue();
            checked++;
            if (v.fastAccepts()) {
                accepted++;
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(accepted).isGreaterThan(checked * 99 / 100);
    }
}
