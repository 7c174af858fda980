package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.ingest.RejectsFile;
import io.ngxtime.analyzer.ingest.RequestSource;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LogFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One analysis run over a list of inputs: take or detect the format, order the inputs by their first
 * timestamp, read and parse every line, aggregate, and build the {@link Report}. Large inputs stream
 * through a temporary record queue, parsed on one thread and aggregated on another (back-pressure: the
 * parser waits when it is {@link QueuedPass#MAX_LAG_BATCHES} batches ahead); inputs smaller than
 * {@link Builder#directLimitBytes} are aggregated directly in memory. An input that cannot be read is
 * recorded in {@link #inputErrors()} and the others are still read.
 */
public final class Analysis {
    private final LogFormat givenFormat;
    private final List<LogFormat> candidates;
    /** Every rejected line, or null. */
    private final RejectsFile rejectsFile;
    private final int maxLineBytes;
    private final int maxSamples;
    private final long directLimitBytes;
    private final TimeWindow window;
    private final Consumer<String> notices;
    private final io.ngxtime.analyzer.aggregate.RequestFilter filter;
    private final int peaks;
    /** Null: no comparison. */
    private final TimeWindow baseline;
    /** Null: no cache what-if. */
    private final java.time.Duration cacheTtl;
    private final ProgressListener progress;
    /** Synchronized: the queued pass adds from its parse thread. */
    private final List<InputError> inputErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile List<InputLines> inputLines = List.of();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private LogFormat format;
    /** What the first pass aggregated, after {@link #run}. */
    private Aggregation aggregation;

    private Analysis(Builder b) {
        this.givenFormat = b.format;
        this.candidates = b.candidates;
        this.rejectsFile = b.rejectsWriter == null ? null : new RejectsFile(b.rejectsWriter);
        this.maxLineBytes = b.maxLineBytes;
        this.maxSamples = b.maxSamples;
        this.directLimitBytes = b.directLimitBytes;
        this.window = b.window;
        this.notices = b.notices;
        this.filter = b.filter;
        this.peaks = b.peaks;
        this.baseline = b.baseline;
        this.cacheTtl = b.cacheTtl;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a run. */
    public static final class Builder {
        private LogFormat format;
        private List<LogFormat> candidates = List.of();
        private Writer rejectsWriter;
        private int maxLineBytes = LineReader.DEFAULT_MAX_LINE_BYTES;
        private int maxSamples = 10;
        private long directLimitBytes = 8L << 20;
        private TimeWindow window = TimeWindow.ALL;
        private Consumer<String> notices = s -> { };
        private io.ngxtime.analyzer.aggregate.RequestFilter filter = io.ngxtime.analyzer.aggregate.RequestFilter.ALL;
        private int peaks = 5;
        private TimeWindow baseline;
        private java.time.Duration cacheTtl;
        private ProgressListener progress = ProgressListener.NONE;

        /**
         * Replay the report through a cache with this time to live on the cache candidates ({@link CacheWhatIfPass});
         * null (the default): no what-if.
         */
        public Builder cacheTtl(java.time.Duration ttl) {
            this.cacheTtl = ttl;
            return this;
        }

        /** Whom to tell how far reading has got ({@link ProgressListener#NONE}, the default: nobody). */
        public Builder progress(ProgressListener listener) {
            this.progress = java.util.Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Only requests that pass this filter. */
        public Builder filter(io.ngxtime.analyzer.aggregate.RequestFilter f) {
            this.filter = f;
            return this;
        }

        /** How many peaks to find and attribute (0: none). */
        public Builder peaks(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("peaks must be 0 or more, not " + n);
            }
            this.peaks = n;
            return this;
        }

        /** Compare the window with this baseline window ({@code [from, to)}, epoch ms). */
        public Builder baseline(long fromMillis, long toMillis) {
            return baseline(TimeWindow.between(fromMillis, toMillis));
        }

        /** Compare the window with this baseline window (null: no comparison, the default). */
        public Builder baseline(TimeWindow baseline) {
            this.baseline = baseline;
            return this;
        }

        /** Use this format; with none, it is detected among the candidates. */
        public Builder format(LogFormat f) {
            this.format = f;
            return this;
        }

        public Builder candidates(List<LogFormat> c) {
            this.candidates = List.copyOf(c);
            return this;
        }

        /**
         * Write every rejected line here, as JSON Lines ({@link RejectsFile}); flushed when {@link #run}
         * returns, closed by the caller.
         */
        public Builder rejectsWriter(Writer w) {
            this.rejectsWriter = w;
            return this;
        }

        public Builder maxLineBytes(int n) {
            this.maxLineBytes = n;
            return this;
        }

        public Builder maxSamples(int n) {
            this.maxSamples = n;
            return this;
        }

        /** Inputs (files) smaller than this in all are aggregated directly, without a queue. */
        public Builder directLimitBytes(long n) {
            this.directLimitBytes = n;
            return this;
        }

        /**
         * Only requests with a time in {@code [from, to)} (epoch ms; {@code Long.MIN_VALUE} and
         * {@code Long.MAX_VALUE} leave that end open, as in {@link TimeWindow}).
         */
        public Builder window(long fromMillis, long toMillis) {
            return window(TimeWindow.between(fromMillis, toMillis));
        }

        /** Only requests with a time in {@code window} ({@link TimeWindow#ALL}, the default: every request). */
        public Builder window(TimeWindow window) {
            this.window = window;
            return this;
        }

        /** Where to say things a user should know (the detected format, ...). */
        public Builder notices(Consumer<String> n) {
            this.notices = n;
            return this;
        }

        /** The run; {@link #run(List)} needs a format or candidates, {@link #run(InputSet)} neither (its inputs have one). */
        public Analysis build() {
            return new Analysis(this);
        }
    }

    /** Asks a running analysis to stop at the next line; what was read so far is reported. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Runs the analysis: the inputs are probed, the format taken or detected (told to the notices) and the
     * inputs ordered ({@link InputSet}), then read.
     *
     * @throws FormatDetectionException when no format was given and none fits the first readable input
     */
    public Report run(List<Input> inputs) throws FormatDetectionException {
        InputSet set = InputSet.probe(inputs);
        set.resolve(new InputSet.FormatChoice(givenFormat, candidates, true)).ifPresent(d -> notices.accept(d.describe()));
        return run(set);
    }

    /**
     * Reads inputs made ready by {@link InputSet#resolve} (its errors are this run's first
     * {@link #inputErrors()}): small ones directly ({@link DirectPass}), large ones through a temporary
     * record queue ({@link QueuedPass}); then the later passes over the same inputs.
     */
    public Report run(InputSet set) {
        format = set.format();
        inputErrors.addAll(set.errors());
        if (format == null) {
            return new Aggregation(maxSamples, filter).report(List.of(), "none", 0);
        }
        List<Input> ordered = set.inputs();
        List<String> names = set.names();
        long size = set.estimatedBytes();
        FilePass pass = new FilePass(format, maxLineBytes, maxSamples, window, rejectsFile, this::isCancelled, progress,
                set.progressTotalBytes(), inputErrors);
        Aggregation aggregation = new Aggregation(maxSamples, filter);
        this.aggregation = aggregation;
        aggregation.logged(io.ngxtime.analyzer.record.Logged.of(format));
        if (size < directLimitBytes) {
            inputLines = DirectPass.run(pass, ordered, aggregation);
            flushRejectsFile();
            return laterPasses(aggregation, names, new io.ngxtime.analyzer.ingest.FileRequestSource(ordered, format, maxLineBytes));
        }
        try (TempQueue temp = TempQueue.create(); RecordStore store = RecordStore.openTemporary(temp.dir())) {
            inputLines = QueuedPass.run(pass, ordered, aggregation, store);
            flushRejectsFile();
            return laterPasses(aggregation, names, new io.ngxtime.analyzer.queue.QueueRequestSource(store));
        } catch (IOException e) {
            throw new UncheckedIOException("temporary queue: " + IoErrorText.describe(e), e);
        }
    }

    private void flushRejectsFile() {
        if (rejectsFile != null) {
            rejectsFile.flush();
        }
    }

    private Report laterPasses(Aggregation aggregation, List<String> names, RequestSource source) {
        Report report = PeakAndBaselinePasses.run(aggregation.report(names, format.name(), peaks), aggregation, source,
                baseline, this::isCancelled);
        return cacheTtl == null ? report
                : CacheWhatIfPass.run(report, aggregation.filter(), source, window, cacheTtl, this::isCancelled);
    }

    private boolean isCancelled() {
        return cancelled.get();
    }

    /** Inputs that could not be read. */
    public List<InputError> inputErrors() {
        synchronized (inputErrors) {
            return List.copyOf(inputErrors);
        }
    }

    /**
     * Lines read and rejected per input, in the order read (after {@link #run}; inputs that could not be
     * opened are in {@link #inputErrors()} instead).
     */
    public List<InputLines> inputLines() {
        return inputLines;
    }

    /**
     * What the run's first pass aggregated (the report's figures before the later passes), for what compares
     * it with another run ({@link CompareRun}); null before {@link #run} or when nothing was readable.
     */
    public Aggregation aggregation() {
        return aggregation;
    }

    /** The format used (given or detected); null before {@link #run} or when nothing was readable. */
    public LogFormat format() {
        return format;
    }
}
