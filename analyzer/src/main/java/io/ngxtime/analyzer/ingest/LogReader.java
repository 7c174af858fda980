package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads inputs line by line with one format: accepted lines go to a {@link RecordSink}, rejected ones
 * to {@link Rejects} with the reason the reference grammar gives. Empty lines are skipped silently.
 * Not thread-safe.
 */
public final class LogReader {
    private final LineParser parser;
    private final LogRecord record;
    private final ReferenceLineParser reference;
    private final Rejects rejects;
    private final IngestStats stats = new IngestStats();
    private final int maxLineBytes;

    public LogReader(LogFormat format, Rejects rejects, int maxLineBytes) {
        this.parser = format.newParser();
        this.record = format.newRecord();
        this.reference = new ReferenceLineParser(format);
        this.rejects = rejects;
        this.maxLineBytes = maxLineBytes;
    }

    public LogReader(LogFormat format, Rejects rejects) {
        this(format, rejects, LineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /** Reads every line of {@code input}. */
    public void read(Input input, RecordSink sink) throws IOException {
        try (InputStream in = input.open()) {
            read(in, input.name(), sink);
        }
    }

    /** Reads every line of an already opened stream. */
    public void read(InputStream in, String sourceName, RecordSink sink) throws IOException {
        stats.inputs++;
        LineReader lines = new LineReader(in, maxLineBytes, true);
        while (lines.next()) {
            line(lines, sourceName, sink);
        }
    }

    /** Handles the reader's current line. */
    public void line(LineReader lines, String sourceName, RecordSink sink) {
        byte[] b = lines.buffer();
        int from = lines.lineStart();
        int to = lines.lineEnd();
        stats.bytes += lines.nextLineStreamOffset() - lines.lineStreamOffset();
        if (to == from || (to == from + 1 && b[from] == '\r')) {
            return;
        }
        stats.lines++;
        if (lines.isTooLong()) {
            rejects.add(sourceName, lines.lineNumber(), b, from, to, ParseError.tooLong(lines.maxLineBytes()));
            return;
        }
        if (parser.parse(b, from, to, record)) {
            stats.parsed++;
            sink.accept(record);
        } else {
            ParseError e = reference.diagnose(b, from, to);
            if (e == null) {
                // the two parsers disagree: never drop the line silently
                e = new ParseError(1, "a line the compiled parser accepts", "a line only the reference accepts",
                        "parser disagreement, please report");
            }
            rejects.add(sourceName, lines.lineNumber(), b, from, to, e);
        }
    }

    public IngestStats stats() {
        return stats;
    }

    public Rejects rejects() {
        return rejects;
    }
}
