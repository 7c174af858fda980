package io.ngxtime.analyzer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a growing file from a line start up to the end of its last complete line: a line still
 * being written is never handed out, so a {@link LineReader} on top only ever sees end of stream right
 * after a newline. That keeps a line written in several parts whole, and a too-long line from being
 * cut at a write boundary. {@link #extendTo} lets more through as newlines arrive. Reads are positional:
 * the file may be renamed or deleted meanwhile. Closing it leaves the channel open (its owner closes it).
 * Not thread-safe.
 */
final class CompleteLinesStream extends InputStream {
    private final FileChannel channel;
    private final ByteBuffer scratch;
    /** File offset of the next byte handed out. */
    private long position;
    /** File offset just after the last newline found: bytes before it may be handed out. */
    private long completeEnd;
    /** Bytes of the file looked at so far; {@code [completeEnd, seenEnd)} holds no newline. */
    private long seenEnd;

    /** @param startOffset a line start: 0, or just after a newline */
    CompleteLinesStream(FileChannel channel, long startOffset, ByteBuffer scratch) {
        this.channel = channel;
        this.scratch = scratch;
        this.position = startOffset;
        this.completeEnd = startOffset;
        this.seenEnd = startOffset;
    }

    /** Looks at the file up to {@code sizeBytes} (its current size) for newly completed lines. */
    void extendTo(long sizeBytes) throws IOException {
        if (sizeBytes <= seenEnd) {
            return;
        }
        long end = NewlineScanner.endOfLastLine(channel, seenEnd, sizeBytes, scratch);
        if (end >= 0) {
            completeEnd = end;
        }
        seenEnd = sizeBytes;
    }

    /** Whether complete lines remain to be handed out. */
    boolean hasUnread() {
        return position < completeEnd;
    }

    /** The largest size the file was seen to have: a smaller size now means it was truncated. */
    long seenBytes() {
        return seenEnd;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long left = completeEnd - position;
        if (left <= 0) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), position);
        if (n <= 0) {
            return -1; // truncated under us: the next refresh sees it
        }
        position += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
        // the channel belongs to the followed file
    }
}
