package io.ngxtime.grammar;

import java.nio.charset.StandardCharsets;

/** Decodes the escapes nginx writes into variable values. */
final class Unescaper {
    private Unescaper() {
    }

    /**
     * Decodes {@code [from, to)}: {@code \xHH} for {@link Escape#DEFAULT}, JSON string escapes for
     * {@link Escape#JSON}; the resulting bytes are read as UTF-8 (invalid sequences become U+FFFD).
     * A malformed escape is kept as written.
     */
    static String decode(byte[] b, int from, int to, Escape escape) {
        if (escape == Escape.NONE || indexOfBackslash(b, from, to) < 0) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c != '\\' || i + 1 >= to) {
                out[n++] = c;
                i++;
                continue;
            }
            byte e = b[i + 1];
            if (escape == Escape.DEFAULT) {
                int v = e == 'x' && i + 3 < to ? hex2(b[i + 2], b[i + 3]) : -1;
                if (v >= 0) {
                    out[n++] = (byte) v;
                    i += 4;
                } else {
                    out[n++] = c;
                    i++;
                }
                continue;
            }
            int simple = switch (e) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> -1;
            };
            if (simple >= 0) {
                out[n++] = (byte) simple;
                i += 2;
            } else if (e == 'u' && i + 5 < to && hex2(b[i + 2], b[i + 3]) == 0 && hex2(b[i + 4], b[i + 5]) >= 0) {
                // nginx's escape=json writes only control bytes as \\u00HH
                out[n++] = (byte) hex2(b[i + 4], b[i + 5]);
                i += 6;
            } else {
                out[n++] = c;
                i++;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int indexOfBackslash(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                return i;
            }
        }
        return -1;
    }

    private static int hex2(byte a, byte b) {
        int h = Character.digit(a, 16);
        int l = Character.digit(b, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
