package io.ngxtime.analyzer.queue;

import java.util.Arrays;

/**
 * Assigns small ids to distinct byte strings within one batch, without allocating per lookup: the
 * bytes are copied once into a pool and found again by an open-addressing hash table. Cleared per batch.
 */
final class SpanDictionary {
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

    static int hash(byte[] b, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
