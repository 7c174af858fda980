package io.ngxtime.analyzer.source;

import io.ngxtime.grammar.ByteSearch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Finds newlines in a file by positional reads through a caller's scratch buffer, without moving any
 * channel position. A file that shrinks during a scan simply yields fewer bytes: the caller notices the
 * truncation on its next look at the size.
 */
final class NewlineScanner {
    private NewlineScanner() {
    }

    /**
     * The offset just after the last {@code \n} in {@code [fromOffset, toOffset)}, or -1 when there is
     * none. Reads backwards, so a growing log costs one small read per call.
     */
    static long endOfLastLine(FileChannel channel, long fromOffset, long toOffset, ByteBuffer scratch)
            throws IOException {
        byte[] b = scratch.array();
        long hi = toOffset;
        while (hi > fromOffset) {
            int len = (int) Math.min(b.length, hi - fromOffset);
            long lo = hi - len;
            if (readFully(channel, scratch, lo, len) < len) {
                return -1; // shrank under us
            }
            for (int i = len - 1; i >= 0; i--) {
                if (b[i] == '\n') {
                    return lo + i + 1;
                }
            }
            hi = lo;
        }
        return -1;
    }

    /** How many {@code \n} the first {@code toOffset} bytes of the file hold. */
    static long count(FileChannel channel, long toOffset, ByteBuffer scratch) throws IOException {
        byte[] b = scratch.array();
        long newlines = 0;
        long pos = 0;
        while (pos < toOffset) {
            int n = readFully(channel, scratch, pos, (int) Math.min(b.length, toOffset - pos));
            if (n == 0) {
                break;
            }
            for (int i = ByteSearch.indexOf(b, 0, n, (byte) '\n'); i >= 0; i = ByteSearch.indexOf(b, i + 1, n, (byte) '\n')) {
                newlines++;
            }
            pos += n;
        }
        return newlines;
    }

    /** Reads {@code len} bytes at {@code offset} into the start of {@code buf}; fewer only at end of file. */
    static int readFully(FileChannel channel, ByteBuffer buf, long offset, int len) throws IOException {
        buf.clear().limit(len);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) <= 0) {
                break;
            }
        }
        return buf.position();
    }
}
