package io.ngxtime.analyzer.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts of distinct keys in bounded memory: exact while there are at most {@code capacity} distinct
 * keys; beyond that, filtered Space-Saving keeps the heaviest: a key not kept is counted in a small
 * count-min sketch (aged like TinyLFU's) and replaces the lightest kept key only once its estimated count exceeds that key's
 * (it then inherits the estimate, so counts become upper bounds and {@link #isApproximate()} turns
 * true). The filter keeps a flood of one-off keys (random paths, spoofed addresses) from churning the
 * kept set. Each key may carry a value (per-key statistics), inherited on replacement; the statistics
 * of a key not (yet) kept go to a scratch value that is never reported. Mergeable (exactly, while no
 * eviction happened on either side). Single-writer.
 *
 * @param <V> per-key statistics
 */
public final class TopK<V> implements java.io.Serializable {
    /** One kept key. */
    public static final class Entry<V> implements java.io.Serializable {
        final String key;
        long count;
        long error;
        final V value;
        int heapIndex;
        /** The count when the entry last moved in the heap: at most {@link #count}. */
        long heapCount;
        /** Set when the key is let go: a symbol cache that still points here must look the key up again. */
        transient boolean dropped;

        Entry(String key, V value) {
            this.key = key;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public long count() {
            return count;
        }

        /** How much of the count may belong to keys it replaced. */
        public long error() {
            return error;
        }

        public V value() {
            return value;
        }
    }

    /** Makes a key's empty statistics. Serializable, so a TopK is. */
    public interface Values<V> extends Supplier<V>, java.io.Serializable {
    }

    /** Adds per-key values together on merge. Serializable, so a TopK is (a partial result shipped between machines). */
    public interface Merger<V> extends java.io.Serializable {
        void mergeInto(V target, V source);
    }

    private final int capacity;
    private final Values<V> values;
    private final Merger<V> merger;
    private final Map<String, Entry<V>> entries = new HashMap<>();
    /**
     * Min-heap of the kept keys, ordered lazily: by {@code heapCount}, the count when an entry last
     * moved, which never exceeds its real count. Counting a kept key is then a map lookup and an
     * increment; the heap is only repaired at its root when the lightest key is needed (see
     * {@link #lightest()}), so a heavy key is not sifted on every occurrence.
     */
    @SuppressWarnings("unchecked")
    private Entry<V>[] heap = new Entry[16];
    private int heapSize;
    private boolean approximate;
    private long total;
    /** Count-min sketch of keys not kept: 4 rows, allocated when the set first fills up. */
    private int[] sketch;
    private int sketchMask;
    private long sketchAdditions;
    private V scratch;
    /**
     * The entry a symbol's key was last found in, by symbol of {@link #bySymbolTable} (up to
     * {@value #MAX_SYMBOL_CACHE} symbols; grown as ids come): a kept key is then counted without reading or
     * hashing its string. Not part of the state: rebuilt wherever the TopK is used.
     */
    private transient Entry<V>[] bySymbol;
    /** Weakly: an aggregation outlives the reader whose table it was fed from, and must not keep the table. */
    private transient java.lang.ref.WeakReference<io.ngxtime.analyzer.record.SymbolTable> bySymbolTable;
    /** Symbols above this are looked up by their string every time (bounds the cache: 256 KB of references). */
    static final int MAX_SYMBOL_CACHE = 1 << 16;

    public TopK(int capacity, Values<V> values, Merger<V> merger) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.values = values;
        this.merger = merger;
    }

    /** Counts a key not kept in the sketch and returns its estimated count so far. */
    private long countOutside(String key, long n) {
        if (sketch == null) {
            int width = Integer.highestOneBit(Math.max(1024, capacity * 8) - 1) << 1;
            sketch = new int[4 * width];
            sketchMask = width - 1;
            scratch = values.get();
        }
        // ageing, as in TinyLFU: every 10 x width additions the counters are halved, so a flood of
        // one-off keys cannot saturate them while a steadily heavy key keeps climbing
        if (++sketchAdditions >= 10L * (sketchMask + 1)) {
            sketchAdditions = 0;
            for (int i = 0; i < sketch.length; i++) {
                sketch[i] >>>= 1;
            }
        }
        int h = key.hashCode();
        int h2 = h * 0x9E3779B9 ^ (h >>> 16);
        long estimate = Long.MAX_VALUE;
        int width = sketchMask + 1;
        for (int row = 0; row < 4; row++) {
            int slot = row * width + ((h + row * h2) & sketchMask);
            long c = (long) sketch[slot] + n;
            sketch[slot] = (int) Math.min(Integer.MAX_VALUE, c);
            estimate = Math.min(estimate, c);
        }
        return estimate;
    }

    /** A TopK of bare counts. */
    public static TopK<Void> counts(int capacity) {
        return new TopK<>(capacity, () -> null, (a, b) -> { });
    }

    /** Counts one occurrence of {@code key} (null counts as "-") and returns its statistics. */
    public V add(String key) {
        return add(key, 1);
    }

    public V add(String key, long n) {
        Entry<V> e = addEntry(key, n);
        return e == null ? scratch : e.value;
    }

    /**
     * Counts one occurrence of the key symbol {@code symbol} of {@code table} stands for (1 or more): its string,
     * or what {@code derive} makes of it (null: the string itself). The same as {@code add(key)}, but a kept
     * key is found by its symbol, without reading, deriving or hashing its string again. A TopK is keyed one way:
     * always the same derivation for the same table.
     */
    @SuppressWarnings("unchecked")
    public V add(io.ngxtime.analyzer.record.SymbolTable table, int symbol, DerivedStrings derive) {
        if (symbol < MAX_SYMBOL_CACHE) {
            if (bySymbol == null || bySymbolTable.get() != table) {
                bySymbolTable = new java.lang.ref.WeakReference<>(table);
                bySymbol = new Entry[Math.max(256, Integer.highestOneBit(symbol) << 1)];
            } else if (symbol >= bySymbol.length) {
                bySymbol = java.util.Arrays.copyOf(bySymbol, Math.min(MAX_SYMBOL_CACHE, Integer.highestOneBit(symbol) << 1));
            }
            Entry<V> e = bySymbol[symbol];
            if (e != null && !e.dropped) {
                total++;
                e.count++;
                return e.value;
            }
        }
        String s = table.symbol(symbol);
        Entry<V> e = addEntry(derive == null ? s : derive.of(s), 1);
        if (e == null) {
            return scratch;
        }
        if (symbol < MAX_SYMBOL_CACHE) {
            bySymbol[symbol] = e;
        }
        return e.value;
    }

    /** Counts {@code n} of {@code key}; returns its entry, or null when the key is not (yet) kept. */
    private Entry<V> addEntry(String key, long n) {
        if (key == null) {
            key = "-";
        }
        total += n;
        Entry<V> e = entries.get(key);
        if (e == null) {
            if (entries.size() < capacity) {
                e = new Entry<>(key, values.get());
                e.count = n;
                e.heapCount = n;
                entries.put(key, e);
                push(e);
                return e;
            } else {
                approximate = true;
                long estimate = countOutside(key, n);
                Entry<V> min = lightest();
                if (estimate <= min.count) {
                    return null; // not (yet) heavy enough to be kept
                }
                entries.remove(min.key);
                min.dropped = true;
                e = new Entry<>(key, min.value);
                e.count = estimate;
                e.heapCount = estimate;
                e.error = min.count;
                e.heapIndex = 0;
                heap[0] = e;
                entries.put(key, e);
                siftDown(0);
                return e;
            }
        }
        e.count += n;
        return e;
    }

    /**
     * The kept key with the smallest count. The root has the smallest {@code heapCount}; while that is
     * stale, it is brought up to date and sifted down. The root that is current is a true minimum:
     * its count is at most every other {@code heapCount}, each at most that entry's count.
     */
    private Entry<V> lightest() {
        while (true) {
            Entry<V> root = heap[0];
            if (root.heapCount == root.count) {
                return root;
            }
            root.heapCount = root.count;
            siftDown(0);
        }
    }

    private void push(Entry<V> e) {
        if (heapSize == heap.length) {
            heap = java.util.Arrays.copyOf(heap, heapSize * 2);
        }
        e.heapIndex = heapSize;
        heap[heapSize++] = e;
        siftUp(e.heapIndex);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent].heapCount <= heap[i].heapCount) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        int n = heapSize;
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                return;
            }
            int smallest = l + 1 < n && heap[l + 1].heapCount < heap[l].heapCount ? l + 1 : l;
            if (heap[i].heapCount <= heap[smallest].heapCount) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        Entry<V> ea = heap[a];
        Entry<V> eb = heap[b];
        heap[a] = eb;
        heap[b] = ea;
        ea.heapIndex = b;
        eb.heapIndex = a;
    }

    /** Adds everything {@code other} counted. */
    public void merge(TopK<V> other) {
        approximate |= other.approximate;
        total += other.total;
        for (Entry<V> o : other.entries.values()) {
            Entry<V> e = entries.get(o.key);
            if (e == null) {
                e = new Entry<>(o.key, values.get());
                entries.put(o.key, e);
            }
            e.count += o.count;
            e.error += o.error;
            merger.mergeInto(e.value, o.value);
        }
        List<Entry<V>> sorted = sorted();
        if (sorted.size() > capacity) {
            approximate = true;
            for (int i = capacity; i < sorted.size(); i++) {
                entries.remove(sorted.get(i).key);
                sorted.get(i).dropped = true;
            }
        }
        heapSize = 0;
        for (Entry<V> e : entries.values()) {
            if (heapSize == heap.length) {
                heap = java.util.Arrays.copyOf(heap, heapSize * 2);
            }
            e.heapCount = e.count;
            e.heapIndex = heapSize;
            heap[heapSize++] = e;
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** Kept keys, heaviest first (ties by key). */
    public List<Entry<V>> sorted() {
        List<Entry<V>> out = new ArrayList<>(entries.values());
        out.sort(Comparator.<Entry<V>>comparingLong(e -> -e.count).thenComparing(e -> e.key));
        return out;
    }

    /** The count of a key (0 when not kept). */
    public long count(String key) {
        Entry<V> e = entries.get(key);
        return e == null ? 0 : e.count;
    }

    /** Everything counted, kept or not. */
    public long total() {
        return total;
    }

    /** Whether keys were evicted, so counts are upper bounds. */
    public boolean isApproximate() {
        return approximate;
    }

    public int size() {
        return entries.size();
    }
}
