package io.ngxtime.analyzer.queue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with varint writes (LEB128, zigzag for signed values). Not thread-safe. */
final class ByteWriter {
    private byte[] buf;
    private int pos;

    ByteWriter(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    void reset() {
        pos = 0;
    }

    int position() {
        return pos;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    void writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    /** Unsigned varint; {@code v} must not be negative. */
    void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** A value that may be -1 (absent): written as v + 1. */
    void writeOptional(long v) {
        writeVarLong(v < 0 ? 0 : v + 1);
    }

    void writeZigZag(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    void writeFixedLong(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
    }

    void writeFixedInt(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
    }

    void writeBytes(byte[] b, int from, int len) {
        ensure(len);
        System.arraycopy(b, from, buf, pos, len);
        pos += len;
    }

    void writeString(String s) {
        if (s == null) {
            writeVarLong(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarLong(b.length + 1L);
        writeBytes(b, 0, b.length);
    }

    /** Overwrites 8 bytes at {@code at} (for a header field known only at the end). */
    void patchFixedLong(int at, long v) {
        for (int i = 0; i < 8; i++) {
            buf[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
