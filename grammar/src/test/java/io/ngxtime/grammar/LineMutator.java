package io.ngxtime.grammar;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded random damage to a log line, aimed at the places where a matcher and a grammar can part ways:
 * bytes deleted, inserted or replaced (digits, separators, quotes, backslashes, CR, tabs, non-ASCII),
 * list separators duplicated or inserted, the line truncated, fields swapped or duplicated.
 */
final class LineMutator {
    private static final byte[] INTERESTING = "0123456789 ,:-.\"\\[]/\r\t+xTZu{}'".getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1);
    private static final byte[][] NON_ASCII = {{(byte) 0xc3, (byte) 0xa9}, {(byte) 0xff}, {(byte) 0x80},
        {(byte) 0xe2, (byte) 0x82, (byte) 0xac}, {0x00}, {0x1b}};
    private static final byte[][] SEPARATORS = {", ".getBytes(), " : ".getBytes(), ", -".getBytes(),
        " : -".getBytes(), ",".getBytes(), " :".getBytes(), "\\x22".getBytes(), "\\".getBytes(), "\"".getBytes()};

    private LineMutator() {
    }

    /** One to three random mutations of {@code line}. */
    static byte[] mutate(byte[] line, Random rnd) {
        byte[] out = line;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            out = once(out, rnd);
        }
        return out;
    }

    private static byte[] once(byte[] b, Random rnd) {
        int len = b.length;
        int at = len == 0 ? 0 : rnd.nextInt(len);
        switch (rnd.nextInt(12)) {
            case 0: // delete a byte
                return len == 0 ? b : splice(b, at, 1, new byte[0]);
            case 1: // insert an interesting byte
                return splice(b, rnd.nextInt(len + 1), 0, new byte[] {INTERESTING[rnd.nextInt(INTERESTING.length)]});
            case 2: // replace a byte
                return len == 0 ? b : splice(b, at, 1, new byte[] {INTERESTING[rnd.nextInt(INTERESTING.length)]});
            case 3: { // duplicate a list separator (", " or " : "), or a space
                int s = indexOfSeparator(b, rnd);
                if (s < 0) {
                    return b;
                }
                int sepLen = b[s] == ',' ? 2 : b[s] == ' ' && s + 2 < len && b[s + 1] == ':' ? 3 : 1;
                return splice(b, s, 0, Arrays.copyOfRange(b, s, Math.min(len, s + sepLen)));
            }
            case 4: // truncate
                return Arrays.copyOf(b, at);
            case 5: // swap two space-separated fields
                return swapFields(b, rnd);
            case 6: // insert a quote, a backslash or a CR
                return splice(b, rnd.nextInt(len + 1), 0, new byte[] {(byte) "\"\\\r".charAt(rnd.nextInt(3))});
            case 7: // insert non-ASCII (or NUL, ESC) bytes
                return splice(b, rnd.nextInt(len + 1), 0, NON_ASCII[rnd.nextInt(NON_ASCII.length)]);
            case 8: // insert a separator or an escape
                return splice(b, rnd.nextInt(len + 1), 0, SEPARATORS[rnd.nextInt(SEPARATORS.length)]);
            case 9: { // duplicate a range elsewhere
                if (len == 0) {
                    return b;
                }
                int n = 1 + rnd.nextInt(Math.min(12, len - at));
                return splice(b, rnd.nextInt(len + 1), 0, Arrays.copyOfRange(b, at, at + n));
            }
            case 10: { // lengthen a digit run past the digit limits (12 of whole seconds, 18 of bytes)
                for (int tries = 0; tries < 8 && len > 0; tries++) {
                    int p = rnd.nextInt(len);
                    if (b[p] >= '0' && b[p] <= '9') {
                        return splice(b, p, 0, "1234567890123".substring(rnd.nextInt(8)).getBytes());
                    }
                }
                return b;
            }
            default: { // change a digit (keeps the shape, moves the value: dates, offsets, digit counts)
                for (int tries = 0; tries < 8 && len > 0; tries++) {
                    int p = rnd.nextInt(len);
                    if (b[p] >= '0' && b[p] <= '9') {
                        return splice(b, p, 1, new byte[] {(byte) ('0' + rnd.nextInt(10))});
                    }
                }
                return b;
            }
        }
    }

    private static int indexOfSeparator(byte[] b, Random rnd) {
        int count = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == ',' || b[i] == ' ') {
                count++;
            }
        }
        if (count == 0) {
            return -1;
        }
        int k = rnd.nextInt(count);
        for (int i = 0; i < b.length; i++) {
            if ((b[i] == ',' || b[i] == ' ') && k-- == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] swapFields(byte[] b, Random rnd) {
        String[] fields = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).split(" ", -1);
        if (fields.length < 2) {
            return b;
        }
        int i = rnd.nextInt(fields.length);
        int j = rnd.nextInt(fields.length);
        String t = fields[i];
        fields[i] = fields[j];
        fields[j] = t;
        return String.join(" ", fields).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.writeBytes(insert);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }
}
