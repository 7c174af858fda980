package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.source.LineReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * A run of consecutive lines copied out of a {@link LineReader}, with what a worker needs to parse
 * them away from the reader: each line's bytes, number, length in the stream and whether it was too
 * long or cut short by damaged compressed data; and where the stream stands after the last one (the checkpoint of the batch made from them).
 * Reused by one worker.
 */
final class LineChunk {
    byte[] data = new byte[1 << 20];
    int[] start = new int[1024];
    int[] end = new int[1024];
    boolean[] tooLong = new boolean[1024];
    boolean[] cut = new boolean[1024];
    long[] lineNumber = new long[1024];
    long[] streamBytes = new long[1024];
    int size;
    /** Stream offset and line number after the last line (relative to the reader's start). */
    long endOffset;
    long endLine;
    /** A read error that ended the chunk (the lines before it are in the chunk). */
    IOException error;

    /**
     * Copies up to {@code maxLines} lines, stopping once {@code maxBytes} are held.
     *
     * @return whether the reader may have more lines (false at its end or after a read error)
     */
    boolean fill(LineReader lines, int maxLines, int maxBytes) {
        size = 0;
        error = null;
        int used = 0;
        try {
            while (size < maxLines && used < maxBytes) {
                if (!lines.next()) {
                    return false;
                }
                int from = lines.lineStart();
                int len = lines.lineEnd() - from;
                if (used + len > data.length) {
                    data = Arrays.copyOf(data, Math.max(data.length * 2, used + len));
                }
                if (size == start.length) {
                    grow();
                }
                System.arraycopy(lines.buffer(), from, data, used, len);
                start[size] = used;
                end[size] = used + len;
                tooLong[size] = lines.isTooLong();
                cut[size] = lines.isCut();
                lineNumber[size] = lines.lineNumber();
                streamBytes[size] = lines.nextLineStreamOffset() - lines.lineStreamOffset();
                used += len;
                size++;
                endOffset = lines.nextLineStreamOffset();
                endLine = lines.lineNumber();
            }
            return true;
        } catch (IOException e) {
            error = e;
            return false;
        }
    }

    private void grow() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        tooLong = Arrays.copyOf(tooLong, n);
        cut = Arrays.copyOf(cut, n);
        lineNumber = Arrays.copyOf(lineNumber, n);
        streamBytes = Arrays.copyOf(streamBytes, n);
    }
}
