package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The facade's report run: a {@link Report} of files ({@link InputSet}, read by {@link Analysis}) or of a
 * record queue written by an ingest run ({@link QueueReport}), for a time window, with filters, peaks,
 * an optional baseline comparison and an optional cache what-if. {@link #cancel} (from any thread) stops reading files at the next line;
 * what was read is reported.
 */
public final class ReportRun {
    /** Where the requests come from. */
    public sealed interface Source permits FileSource, QueueSource {
    }

    /**
     * Files, probed and resolved ({@link InputSet#resolve}).
     *
     * @param rejectsWriter every rejected line as JSON Lines, or null; flushed, not closed
     */
    public record FileSource(InputSet inputs, int maxLineBytes, Writer rejectsWriter) implements Source {
        public FileSource {
            Objects.requireNonNull(inputs, "inputs");
        }
    }

    /**
     * A record queue.
     *
     * @param sinceLast the named reader whose unread batches only are reported (the queue's position of it
     *                  moves when {@link Result#markRead} is called), or null for every batch
     */
    public record QueueSource(Path dir, String sinceLast) implements Source {
        public QueueSource {
            Objects.requireNonNull(dir, "dir");
        }
    }

    /**
     * What to report.
     *
     * @param baseline what to compare with ({@link Baseline#NONE}: nothing)
     * @param peaks    how many peaks to find and attribute (0: none)
     * @param samples  how many rejected lines to keep as samples
     * @param cacheTtl the time to live of the cache what-if (whole seconds); empty for none
     */
    public record Request(Source source, TimeWindow window, RequestFilter filter, Baseline baseline, int peaks,
                          int samples, ProgressListener progress, java.util.Optional<java.time.Duration> cacheTtl) {
        /** A request without a cache what-if. */
        public Request(Source source, TimeWindow window, RequestFilter filter, Baseline baseline, int peaks, int samples,
                       ProgressListener progress) {
            this(source, window, filter, baseline, peaks, samples, progress, java.util.Optional.empty());
        }

        public Request {
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            cacheTtl.ifPresent(ttl -> {
                if (ttl.toSeconds() < 1 || ttl.toNanosPart() != 0) {
                    throw new IllegalArgumentException("the cache TTL must be whole seconds, at least one, not " + ttl);
                }
            });
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(progress, "progress");
            if (peaks < 0) {
                throw new IllegalArgumentException("peaks must be 0 or more, not " + peaks);
            }
            baseline.resolve(window); // a period before an open window fails here, before anything is read
        }

        /** The baseline window to read, or null for no comparison. */
        TimeWindow baselineWindow() {
            return baseline.resolve(window).orElse(null);
        }
    }

    /**
     * The report, the inputs that could not be read (a queue's unreadable batches are one), the lines read
     * and rejected per input (a queue counts as one input), and, with {@link QueueSource#sinceLast}, what
     * the named reader had not read.
     */
    public record Result(Report report, List<InputError> inputErrors, List<InputLines> inputLines,
                         QueueReport.Unread unread, Path queue) {
        /**
         * Moves {@link QueueSource#sinceLast}'s position past what the report covers (a no-op without it);
         * call it once every output is delivered, so a run that fails before leaves the period to the next.
         *
         * @throws IOException when the queue cannot be opened to move it
         */
        public void markRead() throws IOException {
            if (unread == null) {
                return;
            }
            try (RecordStore store = RecordStore.openExisting(queue)) {
                unread.markRead(store);
            }
        }
    }

    private final Request request;
    private final Analysis analysis;

    private ReportRun(Request request, Analysis analysis) {
        this.request = request;
        this.analysis = analysis;
    }

    /** A run of {@code request}, not started. */
    public static ReportRun of(Request request) {
        Analysis analysis = null;
        if (request.source() instanceof FileSource files) {
            analysis = Analysis.builder().window(request.window()).filter(request.filter()).peaks(request.peaks())
                    .maxSamples(request.samples()).baseline(request.baselineWindow()).progress(request.progress())
                    .maxLineBytes(files.maxLineBytes()).rejectsWriter(files.rejectsWriter())
                    .cacheTtl(request.cacheTtl().orElse(null)).build();
        }
        return new ReportRun(request, analysis);
    }

    /** Asks a running report of files to stop at the next line (a queue's report is not interrupted). */
    public void cancel() {
        if (analysis != null) {
            analysis.cancel();
        }
    }

    /**
     * Runs the report.
     *
     * @throws IOException when the queue cannot be opened (files that cannot be read are
     *                     {@link Result#inputErrors()} instead)
     */
    public Result run() throws IOException {
        if (request.source() instanceof FileSource files) {
            Report report = analysis.run(files.inputs());
            return new Result(report, analysis.inputErrors(), analysis.inputLines(), null, null);
        }
        QueueSource queue = (QueueSource) request.source();
        Path dir = queue.dir();
        // a named reader keeps its position in the queue: that needs write access
        try (RecordStore store = queue.sinceLast() == null ? RecordStore.openForReading(dir) : RecordStore.openExisting(dir)) {
            java.time.Duration ttl = request.cacheTtl().orElse(null);
            QueueReport.Unread unread = queue.sinceLast() == null ? null : QueueReport.unread(store, request.window(),
                    request.samples(), request.filter(), request.peaks(), request.baselineWindow(), ttl, queue.sinceLast());
            Report report = unread != null ? unread.report() : QueueReport.report(store, request.window(),
                    request.samples(), request.filter(), request.peaks(), request.baselineWindow(), ttl);
            long unreadable = store.unreadableBatches();
            List<InputError> errors = unreadable == 0 ? List.of() : List.of(new InputError(dir.toString(), unreadable
                    + " unreadable batch(es) skipped (a write the disk could not complete?); ingesting the same files"
                    + " again puts their lines back when the damage is at the queue's end"));
            // the queue is the input: what it holds of the logs ingested into it
            long rejected = report.rejects().total();
            List<InputLines> lines = report.lines() == 0 ? List.of() : List.of(new InputLines(dir.toString(), report.lines(),
                    rejected, rejected == 0 ? null : report.rejects().byReason().keySet().iterator().next()));
            return new Result(report, errors, lines, unread, dir);
        }
    }
}
