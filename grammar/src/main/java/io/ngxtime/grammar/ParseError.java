package io.ngxtime.grammar;

/**
 * Why a line was rejected: the column (1-based, counting bytes) where it stopped matching, what the
 * format expected there, what the line had instead, and the variable being read (or after which a
 * literal was expected).
 *
 * @param column   1-based byte column
 * @param expected what the format needed, e.g. {@code '"'} or {@code a digit}
 * @param found    what the line had, printable, e.g. {@code 'x'} or {@code end of line}
 * @param context  e.g. {@code after $http_user_agent} or {@code in $time_local}; may be empty;
 *                 {@value #TOO_LONG} for a line longer than the reader's limit ({@link #tooLong});
 *                 {@value #EMPTY_LINE} for a line with no bytes ({@link #emptyLine});
 *                 {@value #CUT_LINE} for a line damaged compressed data cut short ({@link #cutLine})
 */
public record ParseError(int column, String expected, String found, String context) {
    /** The context of {@link #tooLong}: the line was not matched at all, only measured. */
    public static final String TOO_LONG = "line too long";
    /** The context and the reason of {@link #emptyLine}: nginx never writes one, so it is counted, not skipped. */
    public static final String EMPTY_LINE = "empty line";
    /** The context and the reason of {@link #cutLine}. */
    public static final String CUT_LINE = "line cut short by damaged compressed data";

    /**
     * The full message: {@code expected '"' at column 57, found 'x'}; for a line over the limit,
     * {@code line too long (over 65536 bytes)}.
     */
    public String message() {
        if (isTooLong() || isEmptyLine() || isCutLine()) {
            return reason();
        }
        return "expected " + expected + " at column " + column + ", found " + found
                + (context.isEmpty() ? "" : " (" + context + ")");
    }

    /**
     * The message without the column and what was found: the key rejected lines are counted by
     * ({@code expected a digit in $status}, {@code line too long (over 65536 bytes)}).
     */
    public String reason() {
        if (isTooLong()) {
            return TOO_LONG + " (over " + (column - 1) + " bytes)";
        }
        if (isEmptyLine()) {
            return EMPTY_LINE;
        }
        if (isCutLine()) {
            return CUT_LINE;
        }
        return "expected " + expected + (context.isEmpty() ? "" : " " + context);
    }

    /** Whether this is {@link #tooLong}: a line over the reader's limit rather than a mismatch. */
    public boolean isTooLong() {
        return TOO_LONG.equals(context);
    }

    /** Whether this is {@link #emptyLine}. */
    public boolean isEmptyLine() {
        return EMPTY_LINE.equals(context);
    }

    /** Whether this is {@link #cutLine}. */
    public boolean isCutLine() {
        return CUT_LINE.equals(context);
    }

    /**
     * The last line of a compressed input whose data broke in the middle of it: the line is not parsed
     * (its start may parse as a whole line with a wrong value, a {@code $msec} cut to fewer digits), only
     * counted, so that what was read is accounted for. {@code lengthBytes} is what decoded of it.
     */
    public static ParseError cutLine(int lengthBytes) {
        return new ParseError(lengthBytes + 1, "the rest of the line", "the end of what could be decoded", CUT_LINE);
    }

    /**
     * A line with no bytes (or only the {@code \r} of a CRLF ending). Every format writes at least one
     * byte, so it is rejected like any other line that is not a log line: counted, so that the lines
     * read add up to what {@code wc -l} says, and sampled with its file and line number.
     */
    public static ParseError emptyLine() {
        return new ParseError(1, "a log line", "end of line", EMPTY_LINE);
    }

    /** A line longer than the reader's limit: it stops being read at column {@code limitBytes + 1}. */
    public static ParseError tooLong(int limitBytes) {
        return new ParseError(limitBytes + 1, "end of line within " + limitBytes + " bytes",
                "more than " + limitBytes + " bytes", TOO_LONG);
    }

    /** Renders one character of a line for a message: {@code 'x'}, {@code '\x16'} or {@code end of line}. */
    public static String describeChar(int c) {
        if (c < 0) {
            return "end of line";
        }
        if (c < 0x20 || c >= 0x7f) {
            return String.format("'\\x%02X'", c);
        }
        return "'" + (char) c + "'";
    }

    @Override
    public String toString() {
        return message();
    }
}
