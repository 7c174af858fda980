package io.ngxtime.analyzer.queue;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote. Throws {@link CorruptBatchException} past the end. */
final class ByteReader {
    private byte[] buf;
    private int pos;
    private int limit;

    void reset(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.limit = to;
    }

    int position() {
        return pos;
    }

    boolean hasMore() {
        return pos < limit;
    }

    int readByte() {
        if (pos >= limit) {
            throw new CorruptBatchException("unexpected end of batch");
        }
        return buf[pos++] & 0xFF;
    }

    long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CorruptBatchException("varint too long");
    }

    int readVarInt() {
        long v = readVarLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new CorruptBatchException("value too large: " + Long.toUnsignedString(v));
        }
        return (int) v;
    }

    /**
     * A count of items that take at least {@code minBytesEach} bytes each in what follows: more than the
     * bytes left can hold is corrupt. Decoding allocates per item, so a damaged count must fail here, not
     * in an allocation of gigabytes.
     */
    int readCount(int minBytesEach, String what) {
        int n = readVarInt();
        if ((long) n * minBytesEach > limit - pos) {
            throw new CorruptBatchException(n + " " + what + " in " + (limit - pos) + " bytes");
        }
        return n;
    }

    long readOptional() {
        return readVarLong() - 1;
    }

    long readZigZag() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    long readFixedLong() {
        if (limit - pos < 8) {
            throw new CorruptBatchException("unexpected end of batch");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (buf[pos++] & 0xFFL) << (8 * i);
        }
        return v;
    }

    int readFixedInt() {
        if (limit - pos < 4) {
            throw new CorruptBatchException("unexpected end of batch");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (buf[pos++] & 0xFF) << (8 * i);
        }
        return v;
    }

    /** Skips {@code n} bytes and returns where they start. */
    int skip(int n) {
        if (n < 0 || limit - pos < n) {
            throw new CorruptBatchException("unexpected end of batch");
        }
        int at = pos;
        pos += n;
        return at;
    }

    byte[] array() {
        return buf;
    }

    String readString() {
        int len = readVarInt();
        if (len == 0) {
            return null;
        }
        int at = skip(len - 1);
        return new String(buf, at, len - 1, StandardCharsets.UTF_8);
    }
}
