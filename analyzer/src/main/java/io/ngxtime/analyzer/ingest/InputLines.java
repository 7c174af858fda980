package io.ngxtime.analyzer.ingest;

/**
 * The lines of one input: how many were read (empty ones included), how many were rejected, and the
 * reason most of those were rejected for. The share rejected tells a log in the wrong format (or not
 * a log at all) from one with a few bad lines.
 *
 * @param input     the input's name
 * @param lines     lines read
 * @param rejected  lines rejected, at most {@code lines}
 * @param topReason the most frequent reason among the rejected lines (ties: the first in alphabetical
 *                  order), or null when none was rejected
 */
public record InputLines(String input, long lines, long rejected, String topReason) {
    public InputLines {
        if (lines < 0 || rejected < 0 || rejected > lines) {
            throw new IllegalArgumentException("rejected lines must be between 0 and the " + lines + " lines read, not " + rejected);
        }
        if ((rejected == 0) != (topReason == null)) {
            throw new IllegalArgumentException("a top reason exactly when lines were rejected (" + rejected + "): " + topReason);
        }
    }

    /** Every line was rejected (and there was at least one): nothing of the input is in the report. */
    public boolean allRejected() {
        return lines > 0 && rejected == lines;
    }

    /** More than half of the lines, but not all, were rejected. */
    public boolean mostlyRejected() {
        return rejected * 2 > lines && !allRejected();
    }
}
