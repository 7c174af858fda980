package io.ngxtime.generator;

import io.ngxtime.grammar.Escape;

/**
 * Writes a variable's value the way nginx's log module does for each {@code escape=} mode:
 * <ul>
 *   <li>{@code default}: {@code "}, {@code \}, bytes below 0x20 and above 0x7E as {@code \xHH}
 *       (uppercase hex), applied to the UTF-8 bytes, so {@code ü} becomes {@code \xC3\xBC};</li>
 *   <li>{@code json}: {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \b},
 *       {@code \f}, other bytes below 0x20 as {@code &#92;u00HH} (uppercase hex); bytes from 0x7F up are
 *       written raw, as nginx does (so a line may not be valid UTF-8);</li>
 *   <li>{@code none}: every byte raw.</li>
 * </ul>
 * Stateless.
 */
final class NginxEscaper {
    private static final byte[] HEX_UPPER = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    /** Bytes {@code escape=default} writes as {@code \xHH}. */
    private static final boolean[] DEFAULT_ESCAPED = new boolean[256];
    /** Bytes {@code escape=json} escapes. */
    private static final boolean[] JSON_ESCAPED = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            DEFAULT_ESCAPED[c] = c < 0x20 || c > 0x7E || c == '"' || c == '\\';
            JSON_ESCAPED[c] = c < 0x20 || c == '"' || c == '\\';
        }
    }

    private NginxEscaper() {
    }

    /** Appends the bytes {@code [from, to)} of {@code value} to {@code out}, escaped per {@code mode}. */
    static void append(Escape mode, LineBuffer out, byte[] value, int from, int to) {
        switch (mode) {
            case DEFAULT -> appendDefault(out, value, from, to);
            case JSON -> appendJson(out, value, from, to);
            case NONE -> out.append(value, from, to);
            default -> throw new AssertionError(mode);
        }
    }

    static void append(Escape mode, LineBuffer out, LineBuffer value) {
        append(mode, out, value.bytes(), 0, value.length());
    }

    private static void appendDefault(LineBuffer out, byte[] v, int from, int to) {
        if (!anyDefaultEscaped(v, from, to)) {
            out.append(v, from, to); // the common case, checked without branching per byte
            return;
        }
        int runStart = from;
        for (int i = from; i < to; i++) {
            int c = v[i] & 0xFF;
            if (DEFAULT_ESCAPED[c]) {
                out.append(v, runStart, i);
                out.append('\\').append('x').append(HEX_UPPER[c >>> 4]).append(HEX_UPPER[c & 0xF]);
                runStart = i + 1;
            }
        }
        out.append(v, runStart, to);
    }

    /** Whether any byte is below 0x20, above 0x7E, {@code "} or {@code \\}: the sign bit of {@code bad} says so. */
    private static boolean anyDefaultEscaped(byte[] v, int from, int to) {
        int bad = 0;
        for (int i = from; i < to; i++) {
            int c = v[i]; // signed: bytes from 0x80 up are negative
            bad |= (c - 0x20) | (0x7E - c) | ((c ^ '"') - 1) | ((c ^ '\\') - 1);
        }
        return bad < 0;
    }

    private static void appendJson(LineBuffer out, byte[] v, int from, int to) {
        int runStart = from;
        for (int i = from; i < to; i++) {
            int c = v[i] & 0xFF;
            if (!JSON_ESCAPED[c]) {
                continue;
            }
            out.append(v, runStart, i);
            runStart = i + 1;
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append((byte) c);
                case '\n' -> out.append('n');
                case '\r' -> out.append('r');
                case '\t' -> out.append('t');
                case '\b' -> out.append('b');
                case '\f' -> out.append('f');
                default -> out.append('u').append('0').append('0').append(HEX_UPPER[c >>> 4]).append(HEX_UPPER[c & 0xF]);
            }
        }
        out.append(v, runStart, to);
    }
}
