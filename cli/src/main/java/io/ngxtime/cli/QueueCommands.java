package io.ngxtime.cli;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.queue.QueueReport;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.report.Report;
import java.io.IOException;
import java.nio.file.Path;

/** Opening a record queue for the commands, with their error messages. */
final class QueueCommands {
    private QueueCommands() {
    }

    static Report report(Path dir, long fromMillis, long toMillis, int samples,
                         io.ngxtime.analyzer.aggregate.RequestFilter filter, int peaks, long[] baseline) {
        try (RecordStore store = RecordStore.openForReading(dir)) {
            return QueueReport.report(store, fromMillis, toMillis, samples, filter, peaks,
                    baseline == null ? Long.MIN_VALUE : baseline[0], baseline == null ? Long.MIN_VALUE : baseline[1]);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot read queue " + dir + ": " + Analysis.describe(e), e);
        }
    }

    static RecordStore openForWriting(Path dir) {
        try {
            return RecordStore.open(dir);
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write queue " + dir + ": " + Analysis.describe(e), e);
        }
    }
}
