package io.ngxtime.cli;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.source.Input;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs that cannot be opened (missing, unreadable, a directory), found before any is read. A run
 * none of whose inputs can be read writes no report, no chart and no queue: an empty report with an
 * exit code at the bottom of a cron mail reads like a quiet night.
 */
final class UnreadableInputs {
    private UnreadableInputs() {
    }

    /** The inputs of {@code inputs} that cannot be opened, with why; standard input is always readable. */
    static List<InputError> of(List<Input> inputs) {
        List<InputError> errors = new ArrayList<>();
        for (Input in : inputs) {
            if (in.isStdin()) {
                continue;
            }
            try {
                in.checkReadable();
            } catch (IOException e) {
                errors.add(new InputError(in.name(), Analysis.describe(e)));
            }
        }
        return errors;
    }

    /**
     * Ends the run when no input of {@code inputs} can be read: one line per input on {@code err}, and
     * {@link ExitCode#IO} with nothing more said. Returns when at least one can (the others are reported
     * as they are read).
     */
    static void stopIfNoneReadable(List<Input> inputs, PrintWriter err) {
        List<InputError> errors = of(inputs);
        if (!inputs.isEmpty() && errors.size() == inputs.size()) {
            stop(errors, err);
        }
    }

    /** One line per input on {@code err}, then the run ends with {@link ExitCode#IO}. */
    static void stop(List<InputError> errors, PrintWriter err) {
        for (InputError e : errors) {
            err.println("ngxtime: " + e);
        }
        throw UserException.alreadySaid(ExitCode.IO);
    }
}
