package io.ngxtime.spark;

import java.io.Serializable;

/**
 * One task's share of an input: a byte range {@code [start, end)} of a plain file, or a whole file
 * ({@code whole}: compressed data cannot be split, it is read from its first byte). A range owns the lines
 * that <em>start</em> in it ({@link SplitReader}); together the ranges of a file own each of its lines once.
 *
 * @param index      the split's place in reading order (inputs in report order, then ranges by start):
 *                   rejected-line samples and line numbers are put in this order on the driver
 * @param inputIndex the input's place in the report's inputs list
 * @param path       the file, as the driver resolved it (a path every executor can open)
 * @param name       the input's name in the report (the one {@code report} shows)
 */
record FileSplit(int index, int inputIndex, String path, String name, long start, long end, boolean whole)
        implements Serializable {
    FileSplit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a split is [start, end) with 0 <= start <= end, not [" + start + ", " + end + ")");
        }
    }
}
