package io.ngxtime.cli;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The logs a drawing command reads (files, standard input, or a record queue) and how many peaks to
 * find, turned into a {@link Report} the way {@code report} does it.
 */
public final class LogInputsMixin {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Log files (plain or compressed, a rotated set in any order), or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--queue", paramLabel = "DIR",
            description = "Read a record queue written by 'ngxtime ingest' instead of files.")
    Path queue;

    @Option(names = "--since-last", paramLabel = "NAME",
            description = "With --queue: only what the queue gained since the last run with this NAME (all of it the "
                    + "first time); the position is kept in the queue, for a cron job's 'what is new'.")
    String sinceLast;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    int peaks;

    @Option(names = "--peaks", paramLabel = "N", defaultValue = "5",
            description = "How many peaks to find, attribute and label; 0 for none (default: ${DEFAULT-VALUE}).")
    void peaks(int n) {
        if (n < 0) {
            throw new ParameterException(command.commandLine(),
                    "Invalid value for option '--peaks': " + n + " is negative (give 0 for no peaks)");
        }
        peaks = n;
    }

    /**
     * The report, the inputs that could not be read (the others were), the lines read and rejected per
     * input (from a queue: the queue as one input), and what moves {@code --since-last}'s position past
     * what the report covers ({@link #markRead}).
     */
    record Loaded(Report report, List<InputError> inputErrors, List<InputLines> inputLines, Runnable movesSinceLast) {
        /** Loaded from files: there is no position to move. */
        Loaded(Report report, List<InputError> inputErrors, List<InputLines> inputLines) {
            this(report, inputErrors, inputLines, () -> { });
        }

        /**
         * Moves {@code --since-last}'s position (a no-op without it). Call it last, once every output is
         * written and flushed: a run that fails before leaves the period to the next run.
         */
        void markRead() {
            movesSinceLast.run();
        }

        /**
         * What the inputs make the exit code, once the output is written: {@link ExitCode#IO} when one
         * could not be read, {@link ExitCode#DATA} when every line of one was rejected, else
         * {@link ExitCode#OK}.
         */
        int exitCode() {
            if (!inputErrors.isEmpty()) {
                return ExitCode.IO;
            }
            return inputLines.stream().anyMatch(InputLines::allRejected) ? ExitCode.DATA : ExitCode.OK;
        }

        /** Every input read had every line rejected: there is nothing to draw, and stderr has said why. */
        boolean everyLineRejected() {
            return !inputLines.isEmpty() && inputLines.stream().allMatch(InputLines::allRejected);
        }
    }

    /** Reads the inputs in {@code window}. */
    Loaded load(FormatMixin format, TimeWindow window, RequestFilter filter, PrintWriter err) {
        return load(format, window, filter, null, 10, b -> { }, err);
    }

    /**
     * Reads the inputs in {@code window}, comparing with {@code baseline} (null: no comparison);
     * {@code options} sets what only some commands have (rejected-lines file, line limit, ...).
     */
    Loaded load(FormatMixin format, TimeWindow window, RequestFilter filter, TimeWindow baseline, int samples,
                 java.util.function.Consumer<Analysis.Builder> options, PrintWriter err) {
        if (queue != null) {
            if (!files.isEmpty()) {
                throw new UserException(ExitCode.USAGE, "give either FILEs or --queue, not both");
            }
            Loaded loaded = QueueCommands.report(queue, window, samples, filter, peaks, baseline, sinceLast);
            for (InputError e : loaded.inputErrors()) {
                err.println("ngxtime: " + e);
            }
            RejectedInputs.warn(loaded.inputLines(), err);
            return loaded;
        }
        if (files.isEmpty()) {
            throw new UserException(ExitCode.USAGE, "give log FILEs (or - for standard input), or --queue DIR");
        }
        InputSet set = InputSet.probe(files.stream().map(f -> Input.of(f, System.in)).toList());
        if (set.noneReadable()) {
            UnreadableInputs.stop(set.errors(), err);
        }
        FormatMixin.Formats formats = format.formats(err);
        try {
            set.resolve(new InputSet.FormatChoice(formats.given(), formats.candidates(), true))
                    .ifPresent(d -> err.println("ngxtime: " + d.describe()));
        } catch (FormatDetectionException e) {
            throw new UserException(ExitCode.DATA, e.getMessage());
        }
        Analysis.Builder builder = Analysis.builder().format(formats.given()).candidates(formats.candidates())
                .window(window).filter(filter).peaks(peaks).maxSamples(samples).baseline(baseline);
        options.accept(builder);
        Analysis analysis = builder.build();
        try (CancelOnShutdown onInterrupt = CancelOnShutdown.install(analysis::cancel, Duration.ZERO)) {
            Report report = analysis.run(set);
            for (InputError e : analysis.inputErrors()) {
                err.println("ngxtime: " + e);
            }
            RejectedInputs.warn(analysis.inputLines(), err);
            return new Loaded(report, analysis.inputErrors(), analysis.inputLines());
        }
    }
}
