package io.ngxtime.cli;

import io.ngxtime.analyzer.ingest.InputError;
import java.io.PrintWriter;
import java.util.List;

/**
 * The inputs that cannot be opened (missing, unreadable, a directory), found before any is read
 * ({@link io.ngxtime.analyzer.InputSet#probe}). A run
 * none of whose inputs can be read writes no report, no chart and no queue: an empty report with an
 * exit code at the bottom of a cron mail reads like a quiet night.
 */
public final class UnreadableInputs {
    private UnreadableInputs() {
    }

    /** One line per input on {@code err}, then the run ends with {@link ExitCode#IO}. */
    public static void stop(List<InputError> errors, PrintWriter err) {
        for (InputError e : errors) {
            err.println("ngxtime: " + e);
        }
        throw UserException.alreadySaid(ExitCode.IO);
    }
}
