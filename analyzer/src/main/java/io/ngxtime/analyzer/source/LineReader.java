package io.ngxtime.analyzer.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import io.ngxtime.grammar.ByteSearch;

/**
 * Splits a byte stream into lines without making a {@code String} of them: each {@link #next()} exposes
 * the line as a span of a large reused buffer. A line ends at {@code \n} (a {@code \r} before it is
 * left for the parser to drop); the last line may lack its newline. A line longer than the limit is not
 * held in memory: its first bytes are kept as a sample, the rest is skipped, and it is reported with
 * {@link #isTooLong()}.
 *
 * <p>Damaged compressed data ({@link CompressedDataException}): every complete line before the damage
 * is handed out; the bytes after the last newline, if any, come as one more line flagged
 * {@link #isCut()} (whatever {@code emitPartialLastLine} says: the rest of that line will never come),
 * which a caller must not read as a log line (it may be a valid line's prefix with a wrong value);
 * then {@link #next()} throws the damage, located with {@link CompressedDataException#afterLines}, and
 * throws it again on every later call. Not thread-safe.
 */
public final class LineReader implements Closeable {
    /** Default longest line: 64 KiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    private static final int READ_CHUNK = 1 << 20;

    private final InputStream in;
    private final int maxLineBytes;
    private final boolean emitPartialLastLine;
    private byte[] buf;
    private int pos;
    private int limit;
    private int scanFrom;
    private boolean eof;
    /** Stream offset of buf[0]. */
    private long bufOffset;

    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private boolean tooLong;
    private boolean cut;
    /** Damage the stream threw, once the lines before it are out (null: none). */
    private CompressedDataException streamDamage;
    /** The damage to throw from the next call on (null: not yet). */
    private CompressedDataException damage;
    private long lineStreamOffset;
    private long nextLineStreamOffset;
    /** Whether the current line ended with a newline (not the case for a last line at end of stream). */
    private boolean lineTerminated;

    public LineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES, true);
    }

    /**
     * @param emitPartialLastLine whether bytes after the last newline at end of stream form a line
     *                            (false in follow mode, where the rest of the line may still come)
     */
    public LineReader(InputStream in, int maxLineBytes, boolean emitPartialLastLine) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be at least 16, was " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.emitPartialLastLine = emitPartialLastLine;
        this.buf = new byte[Math.max(READ_CHUNK, maxLineBytes) + READ_CHUNK];
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the stream (in follow mode: no complete line is available yet)
     */
    public boolean next() throws IOException {
        tooLong = false;
        cut = false;
        if (damage != null) {
            throw damage;
        }
        if (inLongLine) {
            if (eof) {
                return false;
            }
            return continueLongLine();
        }
        while (true) {
            int nl = indexOfNewline(scanFrom, limit);
            if (nl >= 0) {
                if (nl - pos > maxLineBytes) {
                    emit(nl, nl + 1);
                    lineEnd = lineStart + maxLineBytes;
                    tooLong = true;
                    return true;
                }
                return emit(nl, nl + 1);
            }
            scanFrom = limit;
            if (limit - pos > maxLineBytes) {
                return skipLongLine();
            }
            if (eof || !fill()) {
                if (streamDamage != null) {
                    return endAtDamage();
                }
                if (pos < limit && emitPartialLastLine) {
                    return emit(limit, limit);
                }
                return false;
            }
        }
    }

    /** The stream broke: the bytes after the last newline are a cut line, then the damage is thrown. */
    private boolean endAtDamage() throws CompressedDataException {
        if (pos < limit) {
            emit(limit, limit);
            cut = true;
            damage = streamDamage.afterLines(lineNumber - 1, true);
            return true;
        }
        damage = streamDamage.afterLines(lineNumber, false);
        throw damage;
    }

    private boolean emit(int end, int next) {
        lineStart = pos;
        lineEnd = end;
        lineNumber++;
        lineStreamOffset = bufOffset + pos;
        nextLineStreamOffset = bufOffset + next;
        lineTerminated = next > end;
        pos = next;
        scanFrom = next;
        return true;
    }

    /** A too-long line whose newline has not come yet (only without emitPartialLastLine). */
    private boolean inLongLine;
    private long longLineStart;
    private long longLineSkipped;

    /** Keeps the first maxLineBytes as the sample and discards the rest up to the newline. */
    private boolean skipLongLine() throws IOException {
        longLineStart = bufOffset + pos;
        longLineSkipped = (long) (limit - pos) - maxLineBytes; // already read, past the sample
        System.arraycopy(buf, pos, buf, 0, maxLineBytes);
        inLongLine = true;
        return continueLongLine();
    }

    private boolean continueLongLine() throws IOException {
        int sampleEnd = maxLineBytes;
        int rest = 0;
        boolean terminated = false;
        while (true) {
            int n;
            try {
                n = in.read(buf, sampleEnd, buf.length - sampleEnd);
            } catch (CompressedDataException e) {
                // the long line is cut short: its sample goes out flagged, then the damage
                streamDamage = e;
                eof = true;
                cut = true;
                damage = e.afterLines(lineNumber, true);
                break;
            }
            if (n < 0) {
                eof = true;
                if (!emitPartialLastLine) {
                    // the rest of the line may still come: keep skipping on the next call
                    bufOffset = longLineStart + sampleEnd + longLineSkipped - sampleEnd;
                    pos = sampleEnd;
                    limit = sampleEnd;
                    scanFrom = sampleEnd;
                    return false;
                }
                break;
            }
            int nl = indexOfNewline(sampleEnd, sampleEnd + n);
            if (nl >= 0) {
                terminated = true;
                longLineSkipped += nl - sampleEnd + 1;
                rest = sampleEnd + n - (nl + 1);
                System.arraycopy(buf, nl + 1, buf, sampleEnd, rest);
                break;
            }
            longLineSkipped += n;
        }
        inLongLine = false;
        lineStart = 0;
        lineEnd = sampleEnd;
        lineNumber++;
        tooLong = true;
        lineTerminated = terminated;
        lineStreamOffset = longLineStart;
        nextLineStreamOffset = longLineStart + sampleEnd + longLineSkipped;
        bufOffset = nextLineStreamOffset - sampleEnd;
        pos = sampleEnd;
        limit = sampleEnd + rest;
        scanFrom = sampleEnd;
        return true;
    }

    private int indexOfNewline(int from, int to) {
        return ByteSearch.indexOf(buf, from, to, (byte) '\n');
    }

    /** Compacts and reads more; false at end of stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            int len = limit - pos;
            System.arraycopy(buf, pos, buf, 0, len);
            bufOffset += pos;
            scanFrom -= pos;
            limit = len;
            pos = 0;
        }
        int n;
        try {
            n = in.read(buf, limit, buf.length - limit);
        } catch (CompressedDataException e) {
            streamDamage = e;
            eof = true;
            return false;
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** Clears the end-of-stream state so that a followed file can be read further. */
    public void resumeAfterEof() {
        eof = false;
    }

    /** The buffer holding the current line. */
    public byte[] buffer() {
        return buf;
    }

    /** Offset of the current line in {@link #buffer()}. */
    public int lineStart() {
        return lineStart;
    }

    /** Offset after the current line (before its newline); for a too-long line, the end of its sample. */
    public int lineEnd() {
        return lineEnd;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line exceeded the limit; only its first bytes are available. */
    public boolean isTooLong() {
        return tooLong;
    }

    /**
     * Whether the current line was cut short by damaged compressed data: it is the last line, it ends
     * where the data broke, and it is not a log line (see the class comment). A cut line may also be
     * {@linkplain #isTooLong() too long}.
     */
    public boolean isCut() {
        return cut;
    }

    /** The limit on line length in bytes. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * The current line's whole length in bytes, its newline not counted: for a too-long line, more than
     * the {@code lineEnd() - lineStart()} bytes kept of it.
     */
    public long lineBytes() {
        return nextLineStreamOffset - lineStreamOffset - (lineTerminated ? 1 : 0);
    }

    /** Offset in the stream of the current line's first byte. */
    public long lineStreamOffset() {
        return lineStreamOffset;
    }

    /** Offset in the stream just after the current line's newline: where reading would resume. */
    public long nextLineStreamOffset() {
        return nextLineStreamOffset;
    }

    /** Bytes held after the last complete line (a partial line in follow mode). */
    public int pendingBytes() {
        return limit - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
