package io.ngxtime.cli.metrics;

import io.ngxtime.cli.render.TerminalText;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values one label takes when they come from the log: each made safe, and at most {@code max}
 * distinct ones, the first seen; every later one is {@link #OTHER}. Without the bound a log with a new
 * upstream address on every line (a misconfiguration, or an attacker who controls the line) would make a
 * new series per line, in this process and in every Prometheus server that scrapes it. Thread-safe.
 */
final class BoundedLabelValues {
    /** The value of every distinct value past the bound. */
    static final String OTHER = "other";
    /** The longest label value kept, in chars: an address ({@code [IPv6]:port}, a unix socket path) fits. */
    static final int MAX_LENGTH = 128;
    /** What ends a value that was cut to {@link #MAX_LENGTH}. */
    static final String CUT = "...";

    private final int max;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    /** @param max how many distinct values get a label of their own (at least 1) */
    BoundedLabelValues(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the number of label values must be at least 1, got " + max);
        }
        this.max = max;
    }

    /** The label value for {@code raw} (non-null): {@link #safe} of it while fewer than max were seen, then {@link #OTHER}. */
    String of(String raw) {
        String value = safe(raw);
        if (admitted.contains(value)) {
            return value;
        }
        synchronized (this) {
            if (admitted.contains(value)) {
                return value;
            }
            if (admitted.size() >= max) {
                return OTHER;
            }
            admitted.add(value);
            return value;
        }
    }

    /**
     * {@code raw} with its control characters escaped as {@code \xHH} (as on the terminal: an escape
     * sequence that reaches a dashboard or a console is harmless text) and cut to {@link #MAX_LENGTH}
     * chars, never inside a surrogate pair. The exposition format escapes quotes, backslashes and line
     * breaks itself; this keeps what a person reads in Grafana or a terminal clean and short.
     */
    static String safe(String raw) {
        String s = TerminalText.safe(raw);
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int end = MAX_LENGTH - CUT.length();
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + CUT;
    }
}
