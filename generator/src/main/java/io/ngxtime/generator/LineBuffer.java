package io.ngxtime.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the appenders the renderer needs (ASCII digits, fixed-width numbers,
 * milliseconds as seconds), so that lines are built without creating strings. Not thread-safe.
 */
final class LineBuffer {
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;
    /** The array the content was {@link #set} from, while the content is still exactly that array's. */
    private byte[] source;

    LineBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** A buffer holding {@code text} as UTF-8. */
    static LineBuffer of(String text) {
        LineBuffer b = new LineBuffer(text.length() + 16);
        b.append(text);
        return b;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void setLength(int newLength) {
        source = null;
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("length " + newLength + " outside [0, " + length + "]");
        }
        length = newLength;
    }

    void clear() {
        length = 0;
        source = null;
    }

    byte byteAt(int i) {
        return bytes[i];
    }

    private void ensure(int extra) {
        source = null;
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    LineBuffer append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    LineBuffer append(char asciiChar) {
        return append((byte) asciiChar);
    }

    LineBuffer append(byte[] b) {
        return append(b, 0, b.length);
    }

    LineBuffer append(byte[] b, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(b, from, bytes, length, n);
        length += n;
        return this;
    }

    LineBuffer append(LineBuffer other) {
        return append(other.bytes, 0, other.length);
    }

    /** Appends {@code text} as UTF-8 (without allocating when it is ASCII). */
    LineBuffer append(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return append(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length + i] = (byte) text.charAt(i);
        }
        length += n;
        return this;
    }

    /** Replaces the content with {@code b} (remembered as {@link #source()} until the content changes). */
    void set(byte[] b) {
        length = 0;
        append(b);
        source = b;
    }

    /**
     * The array last {@link #set} if the content has not changed since, else null: lets a writer reuse
     * work done on constant values. The array must not be modified.
     */
    byte[] source() {
        return source;
    }

    /** Appends a decimal integer. */
    LineBuffer appendLong(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return append(Long.toString(v));
            }
            append('-');
            v = -v;
        }
        if (v < 10) {
            ensure(1);
            bytes[length++] = (byte) ('0' + v);
            return this;
        }
        int digits = digits(v);
        ensure(digits);
        int i = length + digits;
        while (v >= 100) {
            int pair = (int) (v % 100);
            v /= 100;
            bytes[--i] = DIGIT_ONES[pair];
            bytes[--i] = DIGIT_TENS[pair];
        }
        if (v >= 10) {
            bytes[--i] = DIGIT_ONES[(int) v];
            bytes[--i] = DIGIT_TENS[(int) v];
        } else {
            bytes[--i] = (byte) ('0' + v);
        }
        length += digits;
        return this;
    }

    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private static int digits(long v) {
        int d = 1;
        long p = 10;
        while (d < 19 && v >= p) {
            d++;
            p *= 10;
        }
        return d;
    }

    /** Appends {@code v} zero-padded to {@code width} digits ({@code v} must be non-negative and fit). */
    LineBuffer appendPadded(int v, int width) {
        ensure(width);
        for (int i = length + width - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        length += width;
        return this;
    }

    /** Appends milliseconds the way nginx writes times: seconds with three decimals, {@code 0.020}. */
    LineBuffer appendMillisAsSeconds(long millis) {
        appendLong(millis / 1000);
        append('.');
        return appendPadded((int) (millis % 1000), 3);
    }

    /** Appends the low {@code digits} nibbles of {@code v} as lowercase hex, most significant first. */
    LineBuffer appendHex(long v, int digits) {
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            bytes[length++] = HEX_LOWER[(int) (v >>> (i * 4)) & 0xF];
        }
        return this;
    }

    /** Whether the content equals {@code b}. */
    boolean contentEquals(byte[] b) {
        return Arrays.equals(bytes, 0, length, b, 0, b.length);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** The content as a string (decoded as UTF-8; allocates). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
