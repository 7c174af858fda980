package io.ngxtime.analyzer.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Assigns small ids to distinct byte strings within one batch, without allocating per lookup: the
 * bytes are copied once into a pool and found again by an open-addressing hash table. Cleared per batch.
 */
final class SpanDictionary {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private int[] table = new int[4096]; // entry index + 1, 0 = empty
    private int[] entryStart = new int[1024];
    private int[] entryLength = new int[1024];
    private int[] entryHash = new int[1024];
    private byte[] pool = new byte[64 * 1024];
    private int poolSize;
    private int size;

    void clear() {
        Arrays.fill(table, 0);
        poolSize = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] pool() {
        return pool;
    }

    int start(int id) {
        return entryStart[id];
    }

    int length(int id) {
        return entryLength[id];
    }

    /** The hash of entry {@code id} (stored in the batch so that readers need not compute it). */
    int hash(int id) {
        return entryHash[id];
    }

    /** The id of {@code b[from, to)}, adding it when new. */
    int idOf(byte[] b, int from, int to) {
        int len = to - from;
        int h = hash(b, from, to);
        int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                return add(b, from, len, h, slot);
            }
            int id = e - 1;
            if (entryHash[id] == h && entryLength[id] == len && equal(b, from, entryStart[id], len)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean equal(byte[] b, int from, int poolFrom, int len) {
        return Arrays.equals(b, from, from + len, pool, poolFrom, poolFrom + len);
    }

    private int add(byte[] b, int from, int len, int h, int slot) {
        if (size == entryStart.length) {
            int n = size * 2;
            entryStart = Arrays.copyOf(entryStart, n);
            entryLength = Arrays.copyOf(entryLength, n);
            entryHash = Arrays.copyOf(entryHash, n);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(b, from, pool, poolSize, len);
        int id = size++;
        entryStart[id] = poolSize;
        entryLength[id] = len;
        entryHash[id] = h;
        poolSize += len;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = entryHash[id] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    /**
     * A hash of {@code b[from, to)} read eight bytes at a time (multiply-xorshift per word, a final
     * avalanche): the dictionary hashes every string field of every line, so a byte-at-a-time hash
     * was the encoder's largest cost. Readers only use the stored value, never recompute it.
     */
    static int hash(byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 32;
        }
        if (i < to) {
            long w;
            if (i + 8 <= b.length) {
                w = (long) LONGS.get(b, i) & (-1L >>> (8 * (8 - (to - i))));
            } else {
                w = 0;
                for (int k = to - 1; k >= i; k--) {
                    w = (w << 8) | (b[k] & 0xFF);
                }
            }
            h = (h ^ w) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 32;
        }
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 29;
        return (int) h ^ (int) (h >>> 32);
    }
}
