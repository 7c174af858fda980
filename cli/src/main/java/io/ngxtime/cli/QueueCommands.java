package io.ngxtime.cli;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.QueueReport;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import java.io.IOException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import java.nio.file.Path;
import java.util.List;

/** Opening a record queue for the commands, with their error messages. */
final class QueueCommands {
    private QueueCommands() {
    }

    /** The report from a queue; batches it could not read are an input error (exit 74), the rest is reported. */
    static LogInputsMixin.Loaded report(Path dir, TimeWindow window, int samples,
                                        io.ngxtime.analyzer.aggregate.RequestFilter filter, int peaks,
                                        TimeWindow baselineWindow, String sinceLast) {
        // a named reader keeps its position in the queue: that needs write access
        try (RecordStore store = sinceLast == null ? RecordStore.openForReading(dir) : RecordStore.openExisting(dir)) {
            QueueReport.Unread unread = sinceLast == null ? null : QueueReport.unread(store, window, samples, filter,
                    peaks, baselineWindow, sinceLast);
            Report report = unread != null ? unread.report()
                    : QueueReport.report(store, window, samples, filter, peaks, baselineWindow);
            long unreadable = store.unreadableBatches();
            List<InputError> errors = unreadable == 0 ? List.of() : List.of(new InputError(dir.toString(), unreadable
                    + " unreadable batch(es) skipped (a write the disk could not complete?); ingesting the same files"
                    + " again puts their lines back when the damage is at the queue's end"));
            // the queue is the input: what it holds of the logs ingested into it
            long rejected = report.rejects().total();
            List<InputLines> lines = report.lines() == 0 ? List.of() : List.of(new InputLines(dir.toString(), report.lines(),
                    rejected, rejected == 0 ? null : report.rejects().byReason().keySet().iterator().next()));
            Runnable markRead = unread == null ? () -> { } : () -> markRead(dir, unread);
            return new LogInputsMixin.Loaded(report, errors, lines, markRead);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot read queue " + dir + ": " + IoErrorText.describe(e), e);
        }
    }

    /** Moves a named reader past what its report covered (the queue is opened again: the report is long written). */
    private static void markRead(Path dir, QueueReport.Unread unread) {
        try (RecordStore store = RecordStore.openExisting(dir)) {
            unread.markRead(store);
        } catch (IOException | RuntimeException e) {
            throw new UserException(ExitCode.IO, "the report is written, but --since-last " + unread.name()
                    + " could not be moved in queue " + dir + " (the next run reports this period again): "
                    + (e instanceof IOException io ? IoErrorText.describe(io) : e.toString()), e);
        }
    }

    static RecordStore openForWriting(Path dir) {
        try {
            return RecordStore.open(dir);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write queue " + dir + ": " + IoErrorText.describe(e), e);
        }
    }
}
