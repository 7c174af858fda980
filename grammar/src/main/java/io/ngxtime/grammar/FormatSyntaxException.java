package io.ngxtime.grammar;

/**
 * A log_format (or the nginx.conf holding it) that cannot be compiled. The message names the source,
 * {@code line:column} and what was expected there, for example
 * {@code nginx.conf:12:40: expected a variable name after '$'}.
 */
public class FormatSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final String reason;

    public FormatSyntaxException(SourcePosition position, String reason) {
        super(position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** Where the problem is. */
    public SourcePosition position() {
        return position;
    }

    /** What is wrong there, without the position. */
    public String reason() {
        return reason;
    }
}
