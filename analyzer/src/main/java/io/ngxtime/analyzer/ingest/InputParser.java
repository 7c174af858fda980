package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses the lines of an input with one format (the source package's {@link LineReader} splits the bytes
 * into lines; this says what each line is): accepted lines go to a {@link LineSink} as records, rejected
 * ones with the reason the reference grammar gives. An empty line (no bytes, or only a {@code \r}) is rejected as
 * {@link ParseError#emptyLine()}: nginx never writes one, and every line read is counted, so
 * {@link IngestStats#lines()} is what {@code wc -l} says. Not thread-safe.
 */
public final class InputParser {
    /** The note on a line whose upstream lists do not have one element per attempt. */
    public static final String INCONSISTENT_UPSTREAM_LISTS = "inconsistent upstream lists";

    private final LineParser parser;
    private final LogRecord record;
    private final ReferenceLineParser reference;
    private final IngestStats stats = new IngestStats();
    private final int maxLineBytes;

    public InputParser(LogFormat format, int maxLineBytes) {
        this.parser = format.newParser();
        this.record = format.newRecord();
        this.reference = new ReferenceLineParser(format);
        this.maxLineBytes = maxLineBytes;
    }

    public InputParser(LogFormat format) {
        this(format, LineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * Reads every line of an opened stream (the last line may lack its newline). Damaged compressed data
     * ends it with the {@link io.ngxtime.analyzer.source.CompressedDataException} after the lines before it
     * are handled (a line it cut short rejected, see {@link #line(LineReader, String, long, LineSink)}).
     */
    public void read(InputStream in, String sourceName, LineSink sink) throws IOException {
        stats.inputs++;
        LineReader lines = new LineReader(in, maxLineBytes, true);
        while (lines.next()) {
            line(lines, sourceName, 0, sink);
        }
    }

    /**
     * Handles the reader's current line. A line damaged compressed data cut short
     * ({@link LineReader#isCut()}) is rejected as {@link ParseError#cutLine}, never parsed.
     *
     * @param lineNumberBase lines of the source before the reader's first line (when resuming)
     */
    public void line(LineReader lines, String sourceName, long lineNumberBase, LineSink sink) {
        line(lines.buffer(), lines.lineStart(), lines.lineEnd(), lines.isTooLong(), lines.isCut(),
                lineNumberBase + lines.lineNumber(), lines.nextLineStreamOffset() - lines.lineStreamOffset(),
                lines.lineBytes(), sourceName, sink);
    }

    /**
     * Handles one line held anywhere (a parallel worker's copy).
     *
     * @param tooLong    the line exceeded {@link #maxLineBytes()}: {@code b[from, to)} is its first part
     * @param cut        damaged compressed data cut the line short ({@link LineReader#isCut()})
     * @param lineNumber its 1-based number in the source
     * @param streamBytes the bytes it took in the stream, newline included
     */
    public void line(byte[] b, int from, int to, boolean tooLong, boolean cut, long lineNumber, long streamBytes,
                     String sourceName, LineSink sink) {
        line(b, from, to, tooLong, cut, lineNumber, streamBytes, LENGTH_NOT_MEASURED, sourceName, sink);
    }

    /** A too-long line's length was not measured (a parallel worker's copy): the sink is told only its first bytes. */
    private static final long LENGTH_NOT_MEASURED = -1;

    private void line(byte[] b, int from, int to, boolean tooLong, boolean cut, long lineNumber, long streamBytes,
                      long lineBytes, String sourceName, LineSink sink) {
        stats.bytes += streamBytes;
        stats.line(sourceName);
        if (cut) {
            reject(sourceName, lineNumber, ParseError.cutLine((int) Math.min(Integer.MAX_VALUE, streamBytes)), b, from, to, sink);
            return;
        }
        if (tooLong) {
            ParseError e = ParseError.tooLong(maxLineBytes);
            stats.rejected(sourceName, e.reason());
            if (lineBytes == LENGTH_NOT_MEASURED) {
                sink.reject(sourceName, lineNumber, e, b, from, to);
            } else {
                sink.rejectTooLong(sourceName, lineNumber, e, b, from, to, lineBytes);
            }
            return;
        }
        if (to == from || (to == from + 1 && b[from] == '\r')) {
            reject(sourceName, lineNumber, ParseError.emptyLine(), b, from, to, sink);
            return;
        }
        if (parser.parse(b, from, to, record)) {
            stats.parsed++;
            if (!record.upstreamListsConsistent()) {
                sink.note(sourceName, lineNumber, INCONSISTENT_UPSTREAM_LISTS, b, from, to);
            }
            sink.accept(record);
        } else {
            ParseError e = reference.diagnose(b, from, to);
            if (e == null) {
                // the two parsers disagree: never drop the line silently
                e = new ParseError(1, "a line both parsers accept", "one only the reference accepts",
                        "parser disagreement, please report");
            }
            reject(sourceName, lineNumber, e, b, from, to, sink);
        }
    }

    private void reject(String sourceName, long lineNumber, ParseError e, byte[] b, int from, int to, LineSink sink) {
        stats.rejected(sourceName, e.reason());
        sink.reject(sourceName, lineNumber, e, b, from, to);
    }

    public IngestStats stats() {
        return stats;
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }
}
