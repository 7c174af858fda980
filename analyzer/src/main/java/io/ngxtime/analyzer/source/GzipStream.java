package io.ngxtime.analyzer.source;

import io.ngxtime.analyzer.source.CompressedDataException.Damage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The text of a gzip file (RFC 1952): every member, as {@code cat a.gz b.gz} or {@code pigz} make them,
 * inflated by the JDK's {@link Inflater}; each member's CRC-32 and length checked.
 *
 * <p>Why not {@link java.util.zip.GZIPInputStream}: on Java 17 it ends silently where a file is damaged
 * in ways that lose lines: bytes after a member that are not a gzip header (a second member whose
 * header was cut, or garbage) are ignored, and so is a next member it cannot see yet through a pipe
 * ({@code available()} 0 at a member boundary); and it does not say where in the file it broke. Here
 * only the framing is ours; inflating stays the JDK's.
 *
 * <p>Contract ({@link CompressedDataException}): every byte inflated before damage is handed out, then
 * every read throws; {@link #available()} stays 0, so a {@link java.io.BufferedInputStream} on top never
 * asks for more in the read that would throw and lose what it already copied. Not thread-safe.
 */
final class GzipStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xE0;
    private static final int DEFLATE = 8;

    private enum State { HEADER, DATA, TRAILER, END }

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    /** Next unread byte of {@link #buf}, and the end of what it holds. */
    private int bufPos;
    private int bufLimit;
    /** Offset in the compressed file of {@code buf[0]}. */
    private long bufOffset;
    private boolean inEnded;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final CRC32 headerCrc = new CRC32();
    private long memberBytes;
    private State state = State.HEADER;
    private boolean firstMember = true;
    private CompressedDataException failure;
    private final byte[] one = new byte[1];

    /** @param in the compressed bytes, from the gzip magic on */
    GzipStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            switch (state) {
                case END:
                    return -1;
                case HEADER:
                    if (!readHeader()) {
                        state = State.END;
                        return -1;
                    }
                    inflater.reset();
                    crc.reset();
                    memberBytes = 0;
                    state = State.DATA;
                    break;
                case DATA:
                    int n = inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    break;
                case TRAILER:
                    readTrailer();
                    state = State.HEADER;
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
    }

    /** Inflates into {@code b}; 0 when the member ended or more input was needed (the caller loops). */
    private int inflate(byte[] b, int off, int len) throws IOException {
        if (inflater.needsInput()) {
            if (bufPos == bufLimit && !fill()) {
                throw fail(Damage.TRUNCATED, bufOffset + bufLimit, null);
            }
            inflater.setInput(buf, bufPos, bufLimit - bufPos);
        }
        int n;
        try {
            n = inflater.inflate(b, off, len);
        } catch (DataFormatException e) {
            bufPos = bufLimit - inflater.getRemaining();
            throw fail(Damage.CORRUPT, bufOffset + bufPos, e.getMessage());
        }
        bufPos = bufLimit - inflater.getRemaining();
        if (n > 0) {
            crc.update(b, off, n);
            memberBytes += n;
        }
        if (inflater.finished()) {
            state = State.TRAILER;
        } else if (n == 0 && inflater.needsDictionary()) {
            throw fail(Damage.CORRUPT, bufOffset + bufPos, "a preset dictionary is asked for, which gzip never uses");
        }
        return n;
    }

    /** Reads a member's header; false at a clean end of the file (between members). */
    private boolean readHeader() throws IOException {
        long start = bufOffset + bufPos;
        headerCrc.reset();
        int id1 = headerByte();
        if (id1 < 0) {
            if (firstMember) {
                throw fail(Damage.TRUNCATED, start, null);
            }
            return false;
        }
        int id2 = headerByte();
        if (id1 != 0x1f || (id2 >= 0 && id2 != 0x8b)) {
            throw fail(Damage.TRAILING_BYTES, start, null);
        }
        firstMember = false;
        int method = requiredHeaderByte();
        if (method != DEFLATE) {
            throw fail(Damage.CORRUPT, start + 2, "unknown compression method " + method);
        }
        int flags = requiredHeaderByte();
        if ((flags & RESERVED_FLAGS) != 0) {
            throw fail(Damage.CORRUPT, start + 3, "reserved header flags set");
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            requiredHeaderByte();
        }
        if ((flags & FEXTRA) != 0) {
            int extraBytes = requiredHeaderByte() | requiredHeaderByte() << 8;
            for (int i = 0; i < extraBytes; i++) {
                requiredHeaderByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (requiredHeaderByte() != 0) {
                // the original file name
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (requiredHeaderByte() != 0) {
                // a comment
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xffff);
            long at = bufOffset + bufPos;
            int found = requiredByte() | requiredByte() << 8;
            if (found != expected) {
                throw fail(Damage.CORRUPT, at, "header checksum mismatch");
            }
        }
        return true;
    }

    /** Checks a member's CRC-32 and length (mod 2^32) against what was inflated. */
    private void readTrailer() throws IOException {
        long at = bufOffset + bufPos;
        long crcFound = requiredInt();
        long sizeFound = requiredInt();
        if (crcFound != crc.getValue()) {
            throw fail(Damage.CORRUPT, at, "checksum mismatch: some lines before it may hold damaged bytes");
        }
        if (sizeFound != (memberBytes & 0xffffffffL)) {
            throw fail(Damage.CORRUPT, at + 4, "length mismatch");
        }
    }

    private long requiredInt() throws IOException {
        return (requiredByte() | requiredByte() << 8 | requiredByte() << 16 | (long) requiredByte() << 24) & 0xffffffffL;
    }

    private int headerByte() throws IOException {
        int c = nextByte();
        if (c >= 0) {
            headerCrc.update(c);
        }
        return c;
    }

    private int requiredHeaderByte() throws IOException {
        int c = requiredByte();
        headerCrc.update(c);
        return c;
    }

    private int requiredByte() throws IOException {
        int c = nextByte();
        if (c < 0) {
            throw fail(Damage.TRUNCATED, bufOffset + bufLimit, null);
        }
        return c;
    }

    private int nextByte() throws IOException {
        if (bufPos == bufLimit && !fill()) {
            return -1;
        }
        return buf[bufPos++] & 0xff;
    }

    /** Reads more compressed bytes once all held are used; false at the end of the file. */
    private boolean fill() throws IOException {
        if (inEnded) {
            return false;
        }
        bufOffset += bufLimit;
        bufPos = 0;
        bufLimit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length); // a failure to read the file stays what it is: not damage
        } while (n == 0);
        if (n < 0) {
            inEnded = true;
            return false;
        }
        bufLimit = n;
        return true;
    }

    private CompressedDataException fail(Damage damage, long offset, String detail) {
        failure = new CompressedDataException("gzip", damage, offset, detail);
        return failure;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
