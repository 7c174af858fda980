package io.ngxtime.analyzer.ingest;

import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;

/** Where each line goes after parsing: accepted records, and rejected lines with their reason. */
public interface LineSink {
    /** An accepted line; the record is reused after the call returns. */
    void accept(LogRecord record);

    /** A rejected line: {@code b[from, to)} (possibly only the first bytes of a too-long line). */
    void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to);

    /**
     * A rejected line longer than the reader's limit: {@code b[from, to)} holds only its first bytes, and
     * {@code lineBytes} is its whole length (its newline not counted). By default the same as
     * {@link #reject}: a sink that keeps the line itself overrides this to say it is cut.
     */
    default void rejectTooLong(String source, long lineNumber, ParseError error, byte[] b, int from, int to,
                               long lineBytes) {
        reject(source, lineNumber, error, b, from, to);
    }

    /**
     * An accepted line with something the report says about it (its upstream lists have different
     * lengths, ...), given just before the line is {@linkplain #accept accepted}: where it is and why, for
     * a sample. The count comes from the record itself; a sink that keeps no samples ignores this.
     */
    default void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
    }

    /** Every line to {@code first}, then to {@code second}. */
    static LineSink both(LineSink first, LineSink second) {
        return new LineSink() {
            @Override
            public void accept(LogRecord record) {
                first.accept(record);
                second.accept(record);
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                first.reject(source, lineNumber, error, b, from, to);
                second.reject(source, lineNumber, error, b, from, to);
            }

            @Override
            public void rejectTooLong(String source, long lineNumber, ParseError error, byte[] b, int from, int to,
                                      long lineBytes) {
                first.rejectTooLong(source, lineNumber, error, b, from, to, lineBytes);
                second.rejectTooLong(source, lineNumber, error, b, from, to, lineBytes);
            }

            @Override
            public void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
                first.note(source, lineNumber, reason, b, from, to);
                second.note(source, lineNumber, reason, b, from, to);
            }
        };
    }
}
