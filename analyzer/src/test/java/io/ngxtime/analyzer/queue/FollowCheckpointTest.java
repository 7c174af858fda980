package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.source.FileFollower;
import io.ngxtime.analyzer.source.FollowStart;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.testutil.Lines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow mode reads the same file through many {@link QueueIngester#read} calls: the checkpoint each
 * writes is where the reader stands, also for a call that reads nothing (stopped while lines wait), so
 * a restart on the queue neither re-reads nor skips a line.
 */
class FollowCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void aStopWhileLinesArePending_keepsTheCheckpointWhereReadingStopped_andARestartReadsEachLineOnce() throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Lines.write(log, 0, 100);
        io.ngxtime.analyzer.source.FileHead head;
        try (RecordStore store = RecordStore.open(q);
             FileFollower f = FileFollower.builder(log).start(FollowStart.BEGINNING).open()) {
            QueueIngester ing = new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true);
            assertThat(f.awaitLines(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ing.read(f.reader(), Input.file(log), f.head(), f.offsetBase(), f.lineNumberBase(), () -> false))
                    .isEqualTo(100);
            head = f.head();
            assertThat(ing.checkpoint(head).offset()).isEqualTo(Files.size(log));

            Lines.append(log, 100, 150); // the writer goes on; tail is told to stop before it reads them
            assertThat(f.awaitLines(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ing.read(f.reader(), Input.file(log), f.head(), f.offsetBase(), f.lineNumberBase(), () -> true))
                    .isZero();
            assertThat(ing.checkpoint(head).lines()).as("not back to where the file was opened").isEqualTo(100);
        }
        try (RecordStore store = RecordStore.open(q)) {
            QueueIngester ing = new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true);
            assertThat(ing.checkpoint(head).lines()).as("the stored checkpoint").isEqualTo(100);
            assertThat(ing.ingest(Input.file(log), () -> false)).as("the restart reads only the new lines").isEqualTo(50);
        }
        assertThat(IngestScenarioTest.paths(q)).hasSize(150); // fails on a line counted twice
    }
}
