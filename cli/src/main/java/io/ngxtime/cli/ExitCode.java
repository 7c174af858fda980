package io.ngxtime.cli;

/** Exit codes, sysexits style. Documented in the README. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** {@code --strict} and some lines were rejected. */
    public static final int REJECTED_LINES = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Bad data: a log_format that does not compile, or no format fits the log. */
    public static final int DATA = 65;
    /** An input or output could not be read or written. */
    public static final int IO = 74;

    private ExitCode() {
    }
}
