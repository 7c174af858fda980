package io.ngxtime.cli.live;

import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.live.AlertEvaluation;

/**
 * Where {@code tail}'s frames go. Frames come on the session's thread; notices and hints may come on other
 * threads (the following threads, the {@code --on-alert} workers), so implementations are thread-safe.
 */
public interface LiveOutput extends AutoCloseable {
    /** One refresh with its alerts; an exception thrown here ends the session (an output nobody reads). */
    void frame(LiveSession.Frame frame, AlertEvaluation alerts);

    /** A one-line notice about {@code file} (a follow notice, an {@code --on-alert} failure): already safe text. */
    void notice(String file, String line);

    /**
     * What is wrong with {@code file}'s format, shown until it is fixed ({@code ""}: nothing any more). Called
     * each frame for each file.
     */
    void hint(String file, String hint);

    /** Restores what the output took (the terminal); idempotent. */
    @Override
    void close();
}
