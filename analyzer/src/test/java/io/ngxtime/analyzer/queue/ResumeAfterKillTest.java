package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.testutil.Lines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A real ingest process is killed with SIGKILL mid-way, started again, and every line is in the queue once. */
class ResumeAfterKillTest {
    @TempDir
    Path dir;

    private Process start(Path queue, Path log, int threads) throws Exception {
        List<String> cmd = io.ngxtime.analyzer.testutil.ChildJvm.command();
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(IngestChild.class.getName());
        cmd.add(queue.toString());
        cmd.add(log.toString());
        cmd.add(Integer.toString(threads));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @ParameterizedTest(name = "{0} parse threads")
    @ValueSource(ints = {1, 2})
    void resumeAfterKill9_everyLineOnce(int threads) throws Exception {
        Path log = dir.resolve("access.log");
        int total = 200_000;
        Lines.write(log, 0, total);
        Path queue = dir.resolve("q");

        Process first = start(queue, log, threads);
        int batchesSeen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = out.readLine()) != null) {
                if (l.equals("batch") && ++batchesSeen == 30) {
                    first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                    break;
                }
            }
        }
        first.waitFor();
        assertThat(batchesSeen).as("killed mid-way, after some batches").isEqualTo(30);
        int afterKill = IngestScenarioTest.paths(queue).size();
        assertThat(afterKill).isBetween(30 * 1024, total - 1);

        Process second = start(queue, log, threads);
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor()).as(output).isZero();
        assertThat(output).contains("done");
        assertThat(IngestScenarioTest.paths(queue)).hasSize(total); // and paths() fails on any duplicate
    }
}
