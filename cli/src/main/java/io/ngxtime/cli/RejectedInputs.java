package io.ngxtime.cli;

import io.ngxtime.analyzer.ingest.InputLines;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Says on stderr which inputs were rejected wholly or mostly, in the same words for every command that
 * reads logs ({@code report}, {@code chart}, {@code week}, {@code ingest}): an input with every line
 * rejected is one line (its name, line count and top reason) and makes the run exit
 * {@link ExitCode#DATA} once its output is written; one with more than half rejected is a warning.
 * A log in the wrong format, or a file that is not a log, so never passes silently.
 */
public final class RejectedInputs {
    private RejectedInputs() {
    }

    /**
     * Prints a line for each input with every line, or more than half of them, rejected.
     *
     * @return whether some input had every line rejected
     */
    public static boolean warn(List<InputLines> inputs, PrintWriter err) {
        boolean all = false;
        for (InputLines in : inputs) {
            if (in.allRejected()) {
                all = true;
                err.printf(Locale.US, "ngxtime: %s: every line was rejected (%,d %s; top reason: %s)%n",
                        in.input(), in.lines(), in.lines() == 1 ? "line" : "lines", in.topReason());
            } else if (in.mostlyRejected()) {
                err.printf(Locale.US, "ngxtime: warning: %s: %.1f%% of the lines were rejected (%,d of %,d; top reason: %s)%n",
                        in.input(), Math.floor(1000.0 * in.rejected() / in.lines()) / 10, in.rejected(), in.lines(),
                        in.topReason());
            }
        }
        err.flush();
        return all;
    }
}
