package io.ngxtime.grammar;

import java.util.Locale;

/** The {@code escape=} parameter of a {@code log_format} directive: how nginx wrote special bytes into variables. */
public enum Escape {
    /** {@code "}, {@code \} and bytes below 32 or above 126 written as {@code \xHH} (nginx's default). */
    DEFAULT,
    /** JSON string escapes: {@code \"}, {@code \\}, {@code \n}, {@code &#92;u00HH} and friends. */
    JSON,
    /** Nothing escaped: a quote inside a value cannot be told from the format's own quotes. */
    NONE;

    /** Parses the value of an {@code escape=} parameter. */
    public static Escape parse(String value) {
        for (Escape e : values()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown escape '" + value + "': expected default, json or none");
    }

    /** Decodes raw logged bytes {@code [from, to)} written in this escape mode into text (UTF-8). */
    public String decode(byte[] b, int from, int to) {
        return Unescaper.decode(b, from, to, this);
    }

    /** Whether a backslash in a variable's value always starts an escape sequence. */
    public boolean backslashEscapes() {
        return this != NONE;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
