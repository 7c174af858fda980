package io.ngxtime.cli.live;

import java.util.function.Consumer;

/**
 * An output that leaves the terminal to stderr (plain text frames, JSON lines): notices go to stderr as they
 * come, a format hint once when it first applies ({@link FormatHints}), and there is nothing to restore.
 */
abstract class StderrLiveOutput implements LiveOutput {
    private final Consumer<String> stderr;
    private final FormatHints hints;

    StderrLiveOutput(Consumer<String> stderr) {
        this.stderr = stderr;
        this.hints = new FormatHints(stderr);
    }

    /** The hint that holds for {@code file}, or {@code ""}. */
    final String hintOf(String file) {
        return hints.of(file);
    }

    @Override
    public final void notice(String file, String line) {
        stderr.accept(line);
    }

    @Override
    public final void hint(String file, String hint) {
        hints.hint(file, hint);
    }

    @Override
    public void close() {
    }
}
