package io.ngxtime.analyzer;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.files.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory for a run's record queue, deleted when closed or, if the JVM exits first (Ctrl-C),
 * by a shutdown hook.
 */
final class TempQueue implements AutoCloseable {
    private final Path dir;
    private final Thread cleanup;

    private TempQueue(Path dir) {
        this.dir = dir;
        this.cleanup = new Thread(() -> TempDirectories.deleteTree(dir));
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** @throws UncheckedIOException when no temporary directory can be made (its one line as the message) */
    static TempQueue create() {
        try {
            return new TempQueue(Files.createTempDirectory("ngxtime-queue-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary queue: " + IoErrorText.describe(e), e);
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        TempDirectories.deleteTree(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }
}
