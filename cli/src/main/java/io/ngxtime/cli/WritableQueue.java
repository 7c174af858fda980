package io.ngxtime.cli;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.queue.RecordStore;
import java.io.IOException;
import java.nio.file.Path;

/** A record queue the commands write ({@code ingest}, {@code tail}), opened with the CLI's error line. */
final class WritableQueue {
    private WritableQueue() {
    }

    /** Opens (or creates) the queue in {@code dir}; one that cannot be opened is one line and exit 74. */
    static RecordStore open(Path dir) {
        try {
            return RecordStore.open(dir);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write queue " + dir + ": " + IoErrorText.describe(e), e);
        }
    }
}
