package io.ngxtime.grammar;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes eight at a time (SWAR: a long read from the array, the classic "has zero byte" test on
 * it XOR the wanted byte). Used wherever the parser and the line reader scan long runs of text.
 */
public final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {
    }

    /** The eight bytes of {@code b} from {@code at} as a little-endian word ({@code at + 8 <= b.length}). */
    static long word(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /** Index of the first {@code x} in {@code b[from, to)}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte x) {
        long px = ONES * (x & 0xff);
        int q = from;
        while (q + 8 <= to) {
            long w = (long) LONGS.get(b, q) ^ px;
            long t = (w - ONES) & ~w & HIGHS;
            if (t != 0) {
                return q + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            q += 8;
        }
        for (; q < to; q++) {
            if (b[q] == x) {
                return q;
            }
        }
        return -1;
    }

    /** Index of the first {@code x} or {@code y} in {@code b[from, to)}, or -1. */
    public static int indexOfEither(byte[] b, int from, int to, byte x, byte y) {
        long px = ONES * (x & 0xff);
        long py = ONES * (y & 0xff);
        int q = from;
        while (q + 8 <= to) {
            long w = (long) LONGS.get(b, q);
            long wx = w ^ px;
            long wy = w ^ py;
            long t = ((wx - ONES) & ~wx | (wy - ONES) & ~wy) & HIGHS;
            if (t != 0) {
                return q + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            q += 8;
        }
        for (; q < to; q++) {
            if (b[q] == x || b[q] == y) {
                return q;
            }
        }
        return -1;
    }

    /** Index of the first {@code x}, {@code y} or {@code z} in {@code b[from, to)}, or -1. */
    public static int indexOfAny(byte[] b, int from, int to, byte x, byte y, byte z) {
        long px = ONES * (x & 0xff);
        long py = ONES * (y & 0xff);
        long pz = ONES * (z & 0xff);
        int q = from;
        while (q + 8 <= to) {
            long w = (long) LONGS.get(b, q);
            long wx = w ^ px;
            long wy = w ^ py;
            long wz = w ^ pz;
            long t = ((wx - ONES) & ~wx | (wy - ONES) & ~wy | (wz - ONES) & ~wz) & HIGHS;
            if (t != 0) {
                return q + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            q += 8;
        }
        for (; q < to; q++) {
            if (b[q] == x || b[q] == y || b[q] == z) {
                return q;
            }
        }
        return -1;
    }
}
