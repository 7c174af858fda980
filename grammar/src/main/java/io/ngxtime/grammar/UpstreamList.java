package io.ngxtime.grammar;

import java.util.Arrays;

/**
 * One parsed {@code $upstream_*} list of a line: its elements in order and, for each, the index of the
 * upstream group it belongs to ({@code ", "} separates servers tried within a group, {@code " : "} starts
 * the next group after an internal redirect). Numeric elements are in {@link #value(int)} ({@code -1} for
 * {@code -}); address elements are spans of the line. Reused from line to line; not thread-safe.
 */
public final class UpstreamList {
    /** A numeric element written as {@code -}. */
    public static final long ABSENT = -1;

    int count;
    long[] values = new long[4];
    int[] starts = new int[4];
    int[] ends = new int[4];
    int[] groups = new int[4];

    void clear() {
        count = 0;
    }

    void add(long value, int start, int end, int group) {
        if (count == values.length) {
            int n = count * 2;
            values = Arrays.copyOf(values, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            groups = Arrays.copyOf(groups, n);
        }
        values[count] = value;
        starts[count] = start;
        ends[count] = end;
        groups[count] = group;
        count++;
    }

    /** How many elements the list has ({@code -} alone is one element). */
    public int size() {
        return count;
    }

    /** Whether the list is a single {@code -}: no upstream was involved. */
    public boolean isBareDash(byte[] line) {
        return count == 1 && ends[0] - starts[0] == 1 && line[starts[0]] == '-';
    }

    /** The numeric value of element {@code i} (microseconds, status or bytes), {@code -1} for {@code -}. */
    public long value(int i) {
        return values[i];
    }

    /** Start offset of element {@code i} in the line buffer. */
    public int start(int i) {
        return starts[i];
    }

    /** End offset (exclusive) of element {@code i} in the line buffer. */
    public int end(int i) {
        return ends[i];
    }

    /** The upstream group (0 first, +1 after each {@code " : "}) of element {@code i}. */
    public int group(int i) {
        return groups[i];
    }
}
