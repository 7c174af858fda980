package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Charts draw the report model only: no sources, no record queue, no analysis run, nothing of the cli. */
class ModuleBoundaryTest {
    @Test
    void chartsImportNeitherSourcesNorTheQueueNorTheCli() throws IOException {
        List<String> forbidden = List.of("io.ngxtime.analyzer.source", "io.ngxtime.analyzer.queue",
                "io.ngxtime.analyzer.Analysis", "io.ngxtime.analyzer.PeakAndBaselinePasses", "io.ngxtime.analyzer.ingest.RequestSource",
                "io.ngxtime.analyzer.record.Request;", "io.ngxtime.cli");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                for (String pkg : forbidden) {
                    assertThat(text).as(f.toString()).doesNotContain("import " + pkg);
                }
            }
        }
    }
}
