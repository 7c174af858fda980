package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.record.SymbolTable;
import io.ngxtime.grammar.Escape;
import java.util.Arrays;

/**
 * The reader-wide dictionary behind {@link SymbolTable}: every distinct byte string the batches of one reader
 * refer to gets an id the first time a batch names it, found again in later batches by the hash the encoder
 * stored and the bytes themselves (an open-addressing table over one byte pool), without decoding. The
 * {@code String} is decoded once, when something first reads it. A batch's dictionary is per batch (batches stay
 * self-contained, so a reader can start at any of them and retention can drop old ones); this table is what
 * makes its ids stable across batches for the aggregators.
 *
 * <p>Bounded: at most {@value #MAX_SYMBOLS} symbols and {@value #MAX_POOL_BYTES} bytes of text, strings of at
 * most {@value #MAX_LENGTH} bytes; a string beyond that gets no id (0) and its request holds the string itself,
 * so a flood of distinct values costs speed, never memory. Not thread-safe.
 */
final class Symbols implements SymbolTable {
    private static final Escape[] ESCAPES = Escape.values();
    static final int MAX_SYMBOLS = 1 << 16;
    static final int MAX_POOL_BYTES = 4 << 20;
    static final int MAX_LENGTH = 2048;

    private int[] table = new int[1024]; // symbol id, 0 = empty
    private int[] start = new int[512];
    private int[] length = new int[512];
    private int[] hash = new int[512];
    private byte[] escape = new byte[512];
    private String[] strings = new String[512];
    private byte[] pool = new byte[16 * 1024];
    private int poolSize;
    private int size;

    /**
     * The id of {@code b[from, to)} as written in escape mode {@code mode}, adding it when new.
     *
     * @param h the bytes' hash as the encoder stored it ({@link SpanDictionary#hash})
     * @return the id (1 or more), or 0 when the table keeps no more (or the string is too long)
     */
    int intern(byte[] b, int from, int to, int h, Escape mode) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return 0;
        }
        byte m = (byte) mode.ordinal();
        int mask = table.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            int id = table[slot];
            if (id == 0) {
                return add(b, from, len, h, m, slot);
            }
            if (hash[id] == h && length[id] == len && escape[id] == m
                    && Arrays.equals(pool, start[id], start[id] + len, b, from, to)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] b, int from, int len, int h, byte m, int slot) {
        if (size >= MAX_SYMBOLS || poolSize + len > MAX_POOL_BYTES) {
            return 0;
        }
        int id = ++size;
        if (id == start.length) {
            int n = start.length * 2;
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            hash = Arrays.copyOf(hash, n);
            escape = Arrays.copyOf(escape, n);
            strings = Arrays.copyOf(strings, n);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.min(MAX_POOL_BYTES, Math.max(pool.length * 2, poolSize + len)));
        }
        System.arraycopy(b, from, pool, poolSize, len);
        start[id] = poolSize;
        length[id] = len;
        hash[id] = h;
        escape[id] = m;
        poolSize += len;
        table[slot] = id;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 1; id <= size; id++) {
            int slot = (hash[id] ^ (hash[id] >>> 16)) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    @Override
    public String symbol(int id) {
        String s = strings[id];
        if (s == null) {
            s = ESCAPES[escape[id]].decode(pool, start[id], start[id] + length[id]);
            strings[id] = s;
        }
        return s;
    }

    @Override
    public int size() {
        return size;
    }
}
