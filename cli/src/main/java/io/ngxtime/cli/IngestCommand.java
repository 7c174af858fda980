package io.ngxtime.cli;

import io.ngxtime.analyzer.IngestRun;
import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.queue.SourceCheckpoint;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.cli.render.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ngxtime ingest}: parse logs once into a persistent record queue; query it many times. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Parse logs once into a record queue that 'report --queue' reads; run again, only new lines are added.",
        footer = ExitCode.READING_COMMANDS_HELP)
public final class IngestCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Log files (plain or compressed, a rotated set in any order), or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--queue", paramLabel = "DIR", required = true, description = "The queue directory (created when missing).")
    Path queue;

    @Mixin
    FormatMixin formatOptions;

    @Mixin
    ProgressOption progress;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "65536",
            description = "Reject lines longer than N bytes (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--complete-lines-only", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Leave a last line without a newline in an uncompressed file for the next run (default: on).")
    boolean completeLinesOnly;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    /** Test seam: runs after every batch appended to the queue. */
    Runnable afterAppend = () -> { };

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InputSet set = InputSet.probe(files.stream().map(f -> Input.of(f, System.in)).toList());
        if (set.noneReadable()) { // not one input can be read: no queue is created, no summary printed
            UnreadableInputs.stop(set.errors(), err);
        }
        FormatMixin.Formats formats = formatOptions.formats(err);
        if (formats.given() == null && set.startsWithStdin()) {
            throw new UserException(ExitCode.USAGE, "give --log-format when ingesting standard input");
        }
        try {
            // detected from files only: standard input's lines are the queue's to check first
            set.resolve(new InputSet.FormatChoice(formats.given(), formats.candidates(), false))
                    .ifPresent(d -> err.println("ngxtime: " + d.describe()));
        } catch (FormatDetectionException e) {
            throw new UserException(ExitCode.DATA, e.getMessage());
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        // Ctrl-C: let the current batch be written and the queue closed
        CancelOnShutdown onInterrupt = CancelOnShutdown.install(() -> cancelled.set(true), Duration.ofSeconds(30));
        try {
            IngestRun.Result result;
            try {
                result = IngestRun.run(new IngestRun.Request(set, queue, maxLineBytes, completeLinesOnly,
                        Runtime.getRuntime().availableProcessors(), progress.listener(),
                        held -> sayWhatTheQueueHolds(held, err), afterAppend), cancelled::get);
            } catch (IOException e) {
                throw new UserException(ExitCode.IO, "cannot write queue " + queue + ": " + IoErrorText.describe(e), e);
            }
            for (InputError e : result.inputErrors()) {
                err.println("ngxtime: " + e);
            }
            out.printf(Locale.US, "ingested %,d new lines (%,d rejected) from %d inputs into %s in %,d batches (log format: %s)%s%n",
                    result.lines(), result.rejected(), set.inputs().size(), TerminalText.safe(queue.toString()),
                    result.batches(), TerminalText.safe(set.format().name()), cancelled.get() ? "; interrupted" : "");
            out.flush();
            boolean everyLineRejected = RejectedInputs.warn(result.inputLines(), err);
            err.flush();
            return !result.inputErrors().isEmpty() ? ExitCode.IO : everyLineRejected ? ExitCode.DATA : ExitCode.OK;
        } finally {
            // only now may a Ctrl-C let the JVM exit: the queue is closed and the summary written
            onInterrupt.close();
        }
    }

    /**
     * Standard input is checked for what the queue holds by its first line, as files are; so that piping
     * the same log twice is not a silent no-op (nor, as it once was, a silent duplicate), one line says so.
     */
    private static void sayWhatTheQueueHolds(SourceCheckpoint held, PrintWriter err) {
        String like = held.path().equals(Input.of(Input.STDIN, System.in).name()) ? "the standard input ingested before"
                : TerminalText.safe(held.path());
        err.printf(Locale.US, "ngxtime: standard input starts like %s, whose first %,d lines the queue holds:"
                + " only the lines after them are added%n", like, held.lines());
    }
}
