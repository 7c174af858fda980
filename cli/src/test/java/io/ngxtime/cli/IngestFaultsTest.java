package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest} when an input cannot be read: the others go into the queue, the run says which input
 * failed and exits 74, and running it again once the input is readable adds exactly what is missing.
 * (A full disk: {@code IngestScenarioTest}; kill -9: {@link KillAndRotateTest}.)
 */
class IngestFaultsTest {
    @TempDir
    Path dir;

    @Test
    void ingest_anInputThatCannotBeRead_isNamed_exit74_theOthersAreKept_andARunOnceReadableAddsExactlyTheRest()
            throws Exception {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        Path q = dir.resolve("q");
        Files.write(a, IngestAndTailCommandTest.lines(0, 300));
        Files.createDirectory(b); // not readable as a file (a permission denied needs a non-root user)

        ReportCommandTest.Run first = ReportCommandTest.run("ingest", "--queue", q.toString(), "--log-format", "combined",
                a.toString(), b.toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCode.IO);
        assertThat(first.err().strip().lines().toList()).containsExactly("ngxtime: " + b + ": is a directory");

        Files.delete(b);
        Files.write(b, IngestAndTailCommandTest.lines(300, 500));
        Files.write(a, IngestAndTailCommandTest.lines(500, 520), java.nio.file.StandardOpenOption.APPEND);
        ReportCommandTest.Run again = ReportCommandTest.run("ingest", "--queue", q.toString(), "--log-format", "combined",
                a.toString(), b.toString());
        assertThat(again.exit()).as(again.err()).isZero();

        ReportCommandTest.Run report = ReportCommandTest.run("report", "--queue", q.toString(), "--json", "--peaks", "0");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.json().get("requests").asLong()).isEqualTo(520);
    }
}
