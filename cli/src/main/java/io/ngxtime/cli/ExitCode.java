package io.ngxtime.cli;

/** Exit codes, sysexits style. Documented in the README. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** {@code --strict} and some lines were rejected. */
    public static final int REJECTED_LINES = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /**
     * Bad data: a log_format that does not compile, no format fits the log, or every line of an input
     * was rejected (the output is still written).
     */
    public static final int DATA = 65;
    /** An input or output could not be read or written. */
    public static final int IO = 74;
    /**
     * Standard output's reader went away (a closed pipe: {@code | head}): no message, the code a shell gives
     * a Unix tool killed by SIGPIPE (128 + 13), so that {@code set -o pipefail} still sees the output was cut.
     */
    public static final int CLOSED_PIPE = 141;

    /** The exit codes of the commands that read logs, as their {@code --help} footer says them. */
    static final String READING_COMMANDS_HELP = "%nExit codes: 0 ok; 1 lines were rejected and --strict was given (report);"
            + " 2 bad command line; 65 a log format that does not compile, no known format fits the log, every line of"
            + " an input was rejected (the output is still written) or nothing to draw; 74 an input or output could not"
            + " be read or written (the other inputs are still read); 130 interrupted; 141 standard output's reader"
            + " closed the pipe (| head), without a message.";

    private ExitCode() {
    }
}
