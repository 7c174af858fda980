package io.ngxtime.analyzer;

import io.ngxtime.analyzer.ingest.IngestStats;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.LineSink;
import io.ngxtime.analyzer.ingest.RejectsFile;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.grammar.LogFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the two ways of reading a report run's files ({@link DirectPass}, {@link QueuedPass}) share: the
 * format and limits, the window, where rejected lines go, when to stop and whom to tell how far it got.
 *
 * @param rejectsFile every rejected line, or null
 * @param errors      inputs that fail while read are added here (a synchronized list: the queued pass
 *                    adds from its parse thread)
 * @param totalBytes  the inputs' estimated size, for progress (-1: unknown)
 */
record FilePass(LogFormat format, int maxLineBytes, int maxSamples, TimeWindow window, RejectsFile rejectsFile,
                BooleanSupplier cancelled, ProgressListener progress, long totalBytes, List<InputError> errors) {

    /** {@code sink}, and the rejects file when there is one. */
    LineSink withRejectsFile(LineSink sink) {
        return rejectsFile == null ? sink : LineSink.both(sink, rejectsFile);
    }

    void tell(IngestStats stats, boolean done) {
        progress.progress(new ProgressListener.Progress(stats.bytes(), totalBytes, stats.lines(), done));
    }
}
