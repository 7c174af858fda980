package io.ngxtime.analyzer;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.queue.SourceCheckpoint;
import io.ngxtime.analyzer.source.FileHead;
import io.ngxtime.analyzer.source.Input;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The facade's ingest run: the inputs of an {@link InputSet} parsed once into a persistent record queue
 * ({@link QueueIngester}: exactly once across runs, only new lines added), on as many threads as asked.
 */
public final class IngestRun {
    private IngestRun() {
    }

    /**
     * What to ingest where.
     *
     * @param completeLinesOnly  leave a last line without a newline in an uncompressed file for the next run
     * @param parallelism        parse threads (1: this thread only)
     * @param stdinHeld          told, before standard input is read, where the queue holds a log that
     *                           starts as standard input does (its lines up to there are not added again)
     * @param afterAppend        runs after every batch appended (a test seam)
     */
    public record Request(InputSet inputs, Path queue, int maxLineBytes, boolean completeLinesOnly, int parallelism,
                          ProgressListener progress, Consumer<SourceCheckpoint> stdinHeld, Runnable afterAppend) {
        public Request {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(stdinHeld, "stdinHeld");
            Objects.requireNonNull(afterAppend, "afterAppend");
        }
    }

    /**
     * What was added.
     *
     * @param inputErrors inputs that could not be read (those of the input set first); after a batch the
     *                    queue refused, nothing more was read
     * @param inputLines  lines read and rejected per input
     * @param lines       lines added (rejected ones included); {@code rejected} of them rejected
     * @param batches     batches appended
     */
    public record Result(List<InputError> inputErrors, List<InputLines> inputLines, long lines, long rejected,
                         long batches) {
    }

    /**
     * Ingests every input, in the input set's order, until done or {@code cancelled} (checked between
     * lines: the batch being read is written and the queue closed).
     *
     * @throws IOException when the queue cannot be opened or created (an input that cannot be read is an
     *                     {@link Result#inputErrors() input error} instead)
     */
    public static Result run(Request request, BooleanSupplier cancelled) throws IOException {
        InputSet set = request.inputs();
        List<InputError> errors = new ArrayList<>(set.errors());
        long knownTotal = set.progressTotalBytes();
        try (RecordStore store = RecordStore.open(request.queue())) {
            QueueIngester ingester = new QueueIngester(store, set.format(), request.maxLineBytes(),
                    request.completeLinesOnly()).parallelism(request.parallelism());
            long[] before = {0}; // bytes of the inputs read before this one
            ingester.afterAppend(() -> {
                request.afterAppend().run();
                request.progress().progress(new ProgressListener.Progress(before[0] + ingester.position(), knownTotal,
                        ingester.appendedLines(), false));
            });
            for (Input in : set.inputs()) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                try {
                    if (in.isStdin()) {
                        SourceCheckpoint held = ingester.checkpoint(FileHead.read(set.stdin()));
                        if (held != null) {
                            request.stdinHeld().accept(held);
                        }
                    }
                    ingester.ingest(in, cancelled);
                } catch (IOException e) {
                    errors.add(new InputError(in.name(), IoErrorText.describe(e)));
                    if (e instanceof QueueIngester.AppendException) {
                        break;
                    }
                }
                before[0] += ingester.position(); // what this input gave, decompressed: the unit of bytesRead
            }
            request.progress().progress(new ProgressListener.Progress(before[0], knownTotal, ingester.appendedLines(), true));
            return new Result(errors, ingester.stats().inputLines(), ingester.appendedLines(), ingester.appendedRejected(),
                    ingester.batches());
        }
    }
}
