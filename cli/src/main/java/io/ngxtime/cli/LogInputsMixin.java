package io.ngxtime.cli;

import io.ngxtime.analyzer.Baseline;
import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.ProgressListener;
import io.ngxtime.analyzer.ReportRun;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
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
    Loaded load(FormatMixin format, TimeWindow window, RequestFilter filter, ProgressListener progress, PrintWriter err) {
        return load(format, window, filter, Baseline.NONE, 10, FileOptions.DEFAULTS, java.util.Optional.empty(), progress, err);
    }

    /**
     * What only some commands set when files are read.
     *
     * @param rejectsWriter every rejected line as JSON Lines, or null
     */
    record FileOptions(int maxLineBytes, Writer rejectsWriter) {
        static final FileOptions DEFAULTS = new FileOptions(LineReader.DEFAULT_MAX_LINE_BYTES, null);
    }

    /**
     * Reads the inputs in {@code window}, comparing with {@code baseline}: maps the
     * options onto the analyzer's {@link ReportRun}, and says on {@code err} what could not be read;
     * {@code progress} is told how far the files are read ({@link ProgressOption}); with {@code cacheTtl}, the
     * report has a cache what-if of that time to live.
     */
    Loaded load(FormatMixin format, TimeWindow window, RequestFilter filter, Baseline baseline, int samples,
                FileOptions fileOptions, java.util.Optional<java.time.Duration> cacheTtl, ProgressListener progress,
                PrintWriter err) {
        ReportRun.Source source;
        if (queue != null) {
            if (!files.isEmpty()) {
                throw new UserException(ExitCode.USAGE, "give either FILEs or --queue, not both");
            }
            source = new ReportRun.QueueSource(queue, sinceLast);
        } else {
            if (files.isEmpty()) {
                throw new UserException(ExitCode.USAGE, "give log FILEs (or - for standard input), or --queue DIR");
            }
            source = new ReportRun.FileSource(inputSet(format, err), fileOptions.maxLineBytes(), fileOptions.rejectsWriter());
        }
        ReportRun run = ReportRun.of(new ReportRun.Request(source, window, filter, baseline, peaks, samples, progress,
                cacheTtl));
        ReportRun.Result result;
        // Ctrl-C while files are read: the report of what was read so far
        try (CancelOnShutdown onInterrupt = queue != null ? null : CancelOnShutdown.install(run::cancel, Duration.ZERO)) {
            result = run.run();
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot read queue " + queue + ": " + IoErrorText.describe(e), e);
        }
        for (InputError e : result.inputErrors()) {
            err.println("ngxtime: " + e);
        }
        RejectedInputs.warn(result.inputLines(), err);
        return new Loaded(result.report(), result.inputErrors(), result.inputLines(), () -> markRead(result));
    }

    /** The files probed (none readable ends the run), the format taken or detected (said on {@code err}), ordered. */
    private InputSet inputSet(FormatMixin format, PrintWriter err) {
        return inputSet(files, format, "", err);
    }

    /**
     * {@code files} probed (none readable ends the run with {@link ExitCode#IO}), the format taken or detected
     * among them alone (said on {@code err} after {@code label}, such as {@code "A: "} for one of two runs),
     * ordered.
     */
    static InputSet inputSet(List<String> files, FormatMixin format, String label, PrintWriter err) {
        InputSet set = InputSet.probe(files.stream().map(f -> Input.of(f, System.in)).toList());
        if (set.noneReadable()) {
            UnreadableInputs.stop(set.errors(), err);
        }
        FormatMixin.Formats formats = format.formats(err);
        try {
            set.resolve(new InputSet.FormatChoice(formats.given(), formats.candidates(), true))
                    .ifPresent(d -> err.println("ngxtime: " + label + d.describe()));
        } catch (FormatDetectionException e) {
            throw new UserException(ExitCode.DATA, e.getMessage());
        }
        return set;
    }

    /** Moves {@code --since-last}'s position past what the report covered (the queue is opened again: the report is long written). */
    private void markRead(ReportRun.Result result) {
        try {
            result.markRead();
        } catch (IOException | RuntimeException e) {
            throw new UserException(ExitCode.IO, "the report is written, but --since-last " + sinceLast
                    + " could not be moved in queue " + queue + " (the next run reports this period again): "
                    + (e instanceof IOException io ? IoErrorText.describe(io) : e.toString()), e);
        }
    }
}
