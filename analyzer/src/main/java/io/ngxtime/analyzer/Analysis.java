package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.BatchWindowFilter;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.files.TempDirectories;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.FormatDetector;
import io.ngxtime.analyzer.ingest.HeadSampler;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.ingest.InputOrder;
import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.ingest.LineSink;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.ingest.RejectsFile;
import io.ngxtime.analyzer.ingest.RequestSource;
import io.ngxtime.analyzer.ingest.WindowedRejects;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One analysis run over a list of inputs: take or detect the format, order the inputs by their first
 * timestamp, read and parse every line, aggregate, and build the {@link Report}. Large inputs stream
 * through a temporary record queue, parsed on one thread and aggregated on another (back-pressure: the
 * parser waits when it is {@link #MAX_LAG_BATCHES} batches ahead); inputs smaller than
 * {@link Builder#directLimitBytes} are aggregated directly in memory. An input that cannot be read is
 * recorded in {@link #inputErrors()} and the others are still read.
 */
public final class Analysis {
    /** How far (in batches) parsing may run ahead of aggregation. */
    public static final int MAX_LAG_BATCHES = 64;

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
    private final List<InputError> inputErrors = new ArrayList<>();
    private volatile List<InputLines> inputLines = List.of();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private LogFormat format;

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

        public Analysis build() {
            if (format == null && candidates.isEmpty()) {
                throw new IllegalStateException("give a format or candidates to detect it from");
            }
            return new Analysis(this);
        }
    }

    /** Asks a running analysis to stop at the next line; what was read so far is reported. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Runs the analysis.
     *
     * @throws FormatDetectionException when no format was given and none fits the first readable input
     */
    public Report run(List<Input> inputs) throws FormatDetectionException {
        format = givenFormat;
        List<Input> readable = new ArrayList<>();
        Input stdin = null;
        for (Input in : inputs) {
            if (in.isStdin()) {
                stdin = in;
            } else if (probe(in)) {
                readable.add(in);
            }
        }
        BufferedInputStream stdinStream = null;
        if (stdin != null) {
            try {
                stdinStream = HeadSampler.rewindable(stdin.open());
            } catch (IOException e) {
                inputErrors.add(new InputError(stdin.name(), describe(e)));
            }
        }
        if (format == null) {
            format = detect(readable, stdin, stdinStream);
        }
        if (format == null) {
            return new Aggregation(maxSamples, filter).report(List.of(), "none", 0);
        }
        List<Input> ordered = InputOrder.byFirstTimestamp(readable, format, inputErrors);
        if (stdin != null && stdinStream != null) {
            ordered.add(0, Input.of(Input.STDIN, stdinStream));
        }
        List<String> names = ordered.stream().map(Input::name).toList();
        long size = 0;
        for (Input in : ordered) {
            size += in.isStdin() ? Long.MAX_VALUE / 4 : sizeOf(in.path());
        }
        Aggregation aggregation = new Aggregation(maxSamples, filter);
        aggregation.logged(io.ngxtime.analyzer.record.Logged.of(format));
        if (size < directLimitBytes) {
            direct(ordered, aggregation);
            flushRejectsFile();
            return laterPasses(aggregation, names, new io.ngxtime.analyzer.ingest.FileRequestSource(ordered, format, maxLineBytes));
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("ngxtime-queue-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary queue: " + describe(e), e);
        }
        Thread cleanup = new Thread(() -> deleteTree(dir));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (RecordStore store = RecordStore.open(dir)) {
            throughQueue(ordered, aggregation, store);
            flushRejectsFile();
            return laterPasses(aggregation, names, new io.ngxtime.analyzer.queue.QueueRequestSource(store));
        } catch (IOException e) {
            throw new UncheckedIOException("temporary queue: " + describe(e), e);
        } finally {
            deleteTree(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private void flushRejectsFile() {
        if (rejectsFile != null) {
            rejectsFile.flush();
        }
    }

    private Report laterPasses(Aggregation aggregation, List<String> names, RequestSource source) {
        return PeakAndBaselinePasses.run(aggregation.report(names, format.name(), peaks), aggregation, source,
                baseline, this::isCancelled);
    }

    private boolean probe(Input in) {
        try {
            in.checkReadable();
            return true;
        } catch (IOException e) {
            inputErrors.add(new InputError(in.name(), describe(e)));
            return false;
        }
    }

    private LogFormat detect(List<Input> readable, Input stdin, BufferedInputStream stdinStream)
            throws FormatDetectionException {
        FormatDetector.Detection d;
        List<byte[]> stdinHead = List.of();
        if (stdinStream != null) {
            try {
                stdinHead = HeadSampler.head(stdinStream, FormatDetector.SAMPLE_LINES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (stdinHead.stream().anyMatch(l -> l.length > 0) || (readable.isEmpty() && stdinStream != null)) {
            d = FormatDetector.detect(candidates, stdinHead, stdin.name());
        } else if (!readable.isEmpty()) {
            // the first input with a line: one empty, or damaged before its first line, would only hide the next
            d = FormatDetector.detectFirst(candidates, readable);
        } else {
            return null;
        }
        notices.accept(d.describe());
        return d.format();
    }

    private static long sizeOf(Path p) {
        try {
            long s = Files.size(p);
            String n = p.getFileName().toString();
            return n.endsWith(".gz") || n.endsWith(".bz2") || n.endsWith(".xz") || n.endsWith(".zst") ? s * 10 : s;
        } catch (IOException e) {
            return 0;
        }
    }

    private boolean isCancelled() {
        return cancelled.get();
    }

    /** Small inputs: parse and aggregate on this thread. */
    private void direct(List<Input> inputs, Aggregation aggregation) {
        InputParser reader = new InputParser(format, maxLineBytes);
        Request request = new Request();
        BatchWindowFilter inWindow = BatchWindowFilter.requestsOnly(aggregation, window);
        LineSink requests = new LineSink() {
            @Override
            public void accept(LogRecord record) {
                long t = record.timeMillis();
                if (!inWindow.windowed() || (t != -1 && inWindow.inWindow(t))) {
                    aggregation.add(RecordConverter.convert(record, request));
                } else if (t != -1) {
                    inWindow.seenOutsideWindow(record.zoneOffsetSeconds());
                }
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                // counted by the windowed rejects' sink, written by the rejects file's
            }

            @Override
            public void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
                aggregation.noteSample(io.ngxtime.analyzer.ingest.Rejects.sample(source, lineNumber, reason, b, from, to));
            }
        };
        WindowedRejects rejects = new WindowedRejects(window, aggregation.rejects());
        for (Input input : inputs) {
            long read = 0;
            LineSink sink = withRejectsFile(LineSink.both(requests, rejects.sink(input)));
            try (InputStream in = input.open()) {
                LineReader lines = new LineReader(in, maxLineBytes, true);
                while (!isCancelled() && lines.next()) {
                    reader.line(lines, input.name(), 0, sink);
                    read = lines.lineNumber();
                }
            } catch (IOException e) {
                // damaged compressed data says itself where it broke, in lines
                boolean located = e instanceof CompressedDataException;
                inputErrors.add(new InputError(input.name(), describe(e) + (read > 0 && !located ? "; read " + read + " lines before it" : "")));
            }
        }
        inputLines = reader.stats().inputLines();
    }

    /** Large inputs: parse into the queue on one thread, aggregate from it on this one. */
    private void throughQueue(List<Input> inputs, Aggregation aggregation, RecordStore store) {
        AtomicLong appended = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // one parse thread: with this thread aggregating, a second parser measured no faster on 2 cores
        QueueIngester ingester = new QueueIngester(store, format, maxLineBytes, false);
        // rejected lines are counted here, as parsed, with their neighbours' times: a batch keeps only counts
        Rejects parsedRejects = new Rejects(maxSamples);
        WindowedRejects rejects = new WindowedRejects(window, parsedRejects);
        ingester.observe(input -> withRejectsFile(rejects.sink(input)));
        ingester.afterAppend(() -> {
            appended.incrementAndGet();
            while (appended.get() - consumed.get() > MAX_LAG_BATCHES && !isCancelled()) {
                LockSupport.parkNanos(200_000);
            }
        });
        Thread parser = new Thread(() -> {
            try {
                for (Input input : inputs) {
                    if (isCancelled()) {
                        break;
                    }
                    try {
                        ingester.ingest(input, this::isCancelled);
                    } catch (IOException e) {
                        synchronized (inputErrors) {
                            inputErrors.add(new InputError(input.name(), describe(e)));
                        }
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        }, "ngxtime-parse");
        parser.start();
        BatchWindowFilter inWindow = BatchWindowFilter.requestsOnly(aggregation, window);
        try (RecordStore.BatchReader reader = store.reader(null)) {
            while (true) {
                boolean finished = done.get();
                Batch b = reader.next();
                if (b != null) {
                    inWindow.add(b);
                    consumed.incrementAndGet();
                } else if (finished) {
                    break;
                } else {
                    LockSupport.parkNanos(100_000);
                }
            }
        } finally {
            try {
                parser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inputLines = ingester.stats().inputLines();
        aggregation.rejects().merge(parsedRejects); // after join: the parse thread is done with it
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code sink}, and the rejects file when there is one. */
    private LineSink withRejectsFile(LineSink sink) {
        return rejectsFile == null ? sink : LineSink.both(sink, rejectsFile);
    }

    /**
     * Deletes a (temporary) directory tree, best effort.
     *
     * @see TempDirectories#deleteTree
     */
    public static void deleteTree(Path dir) {
        TempDirectories.deleteTree(dir);
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

    /** The format used (given or detected); null before {@link #run} or when nothing was readable. */
    public LogFormat format() {
        return format;
    }

    /**
     * One line for an I/O failure, without a stack trace.
     *
     * @see IoErrorText#describe
     */
    public static String describe(IOException e) {
        return IoErrorText.describe(e);
    }
}
