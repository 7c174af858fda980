package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;

/**
 * Parses access-log lines of one {@link LogFormat} into a reusable {@link LogRecord}. Never throws on
 * bad input: a line that does not match is simply not accepted; the reference parser (package
 * {@code reference}, which builds on this one) says why. Not thread-safe.
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

    /**
     * After {@link #parse} returned false: the offset (in the line buffer) of the first byte that no
     * reading of the line could match, i.e. how far the best reading got. Used to rank formats by how
     * close they came to a line; the reference parser's diagnosis says why in detail. Unspecified after
     * a successful parse.
     */
    int failedAt();

    /** Convenience for tests and small inputs: parses a line given as a String (allocates). */
    default boolean parse(String line, LogRecord into) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length, into);
    }
}
