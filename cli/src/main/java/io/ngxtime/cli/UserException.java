package io.ngxtime.cli;

/** A failure to report to the user as one line on stderr with an exit code, no stack trace. */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * A failure the command has told on stderr already (one line per input that could not be read, say):
     * the run ends with {@code exitCode} and nothing more is printed.
     */
    static UserException alreadySaid(int exitCode) {
        return new UserException(exitCode, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
