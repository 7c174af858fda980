package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.SummaryAggregator;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.FormatDetector;
import io.ngxtime.analyzer.ingest.HeadSampler;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.LogReader;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LogFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One analysis run over a list of inputs: detect or take the format, read and parse every line,
 * aggregate, and build the {@link Report}. An input that cannot be read is recorded in
 * {@link #inputErrors()} and the others are still read.
 */
public final class Analysis {
    private final LogFormat givenFormat;
    private final List<LogFormat> candidates;
    private final Writer rejectsWriter;
    private final int maxLineBytes;
    private final int maxSamples;
    private final Consumer<String> notices;
    private final List<InputError> inputErrors = new ArrayList<>();
    private LogFormat format;

    private Analysis(Builder b) {
        this.givenFormat = b.format;
        this.candidates = b.candidates;
        this.rejectsWriter = b.rejectsWriter;
        this.maxLineBytes = b.maxLineBytes;
        this.maxSamples = b.maxSamples;
        this.notices = b.notices;
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
        private Consumer<String> notices = s -> { };

        /** Use this format; with none, it is detected among the candidates. */
        public Builder format(LogFormat f) {
            this.format = f;
            return this;
        }

        public Builder candidates(List<LogFormat> c) {
            this.candidates = List.copyOf(c);
            return this;
        }

        /** Write every rejected line here. */
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

    /**
     * Runs the analysis.
     *
     * @throws FormatDetectionException when no format was given and none fits the first readable input
     */
    public Report run(List<Input> inputs) throws FormatDetectionException {
        format = givenFormat;
        Rejects rejects = new Rejects(maxSamples, rejectsWriter);
        SummaryAggregator summary = new SummaryAggregator();
        Request request = new Request();
        LogReader reader = null;
        List<String> names = new ArrayList<>();
        for (Input input : inputs) {
            try (InputStream raw = input.open()) {
                BufferedInputStream in = HeadSampler.rewindable(raw);
                if (format == null) {
                    List<byte[]> head = HeadSampler.head(in, FormatDetector.SAMPLE_LINES);
                    FormatDetector.Detection d = FormatDetector.detect(candidates, head, input.name());
                    format = d.format();
                    notices.accept(d.describe());
                }
                if (reader == null) {
                    reader = new LogReader(format, rejects, maxLineBytes);
                }
                names.add(input.name());
                reader.read(in, input.name(), r -> summary.add(RecordConverter.convert(r, request)));
            } catch (IOException e) {
                inputErrors.add(new InputError(input.name(), describe(e)));
            }
        }
        long lines = reader == null ? 0 : reader.stats().lines();
        return new Report(names, format == null ? "none" : format.name(), lines, summary.summary(),
                RejectSummary.of(rejects));
    }

    /** Inputs that could not be read. */
    public List<InputError> inputErrors() {
        return List.copyOf(inputErrors);
    }

    /** The format used (given or detected); null before {@link #run} or when nothing was readable. */
    public LogFormat format() {
        return format;
    }

    /** One line for an I/O failure, without a stack trace. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return "corrupt or truncated compressed data (" + e.getMessage() + ")";
        }
        String m = e.getMessage();
        if (m != null && m.contains("Is a directory")) {
            return "is a directory";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
