package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;

/**
 * Parses access-log lines of one {@link LogFormat} into a reusable {@link LogRecord}. Never throws on
 * bad input: a line that does not match is simply not accepted; ask
 * {@link io.ngxtime.grammar.reference.ReferenceLineParser#diagnose} why. Not thread-safe.
 */
public interface LineParser {

    /** The format this parser reads. */
    LogFormat format();

    /**
     * Parses the bytes {@code [from, to)} of {@code line} (without its newline; a trailing {@code \r}
     * is ignored) into {@code into}, which must come from this parser's format.
     *
     * @return whether the line matched the format; when false, {@code into} holds partial values
     */
    boolean parse(byte[] line, int from, int to, LogRecord into);

    /** Convenience for tests and small inputs: parses a line given as a String (allocates). */
    default boolean parse(String line, LogRecord into) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length, into);
    }
}
