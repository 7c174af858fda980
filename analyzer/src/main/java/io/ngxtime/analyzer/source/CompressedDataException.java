package io.ngxtime.analyzer.source;

import io.ngxtime.analyzer.files.OneLineMessage;
import java.io.IOException;
import java.util.Locale;

/**
 * A compressed input that breaks before its end: the file ends inside the compressed data
 * ({@link Damage#TRUNCATED}), the data does not decode or its checksum does not match
 * ({@link Damage#CORRUPT}), or bytes that are not compressed data follow it ({@link Damage#TRAILING_BYTES}).
 *
 * <p>The contract of every stream {@link Compression#decompress} returns: each byte decoded before the
 * damage is handed out first, then the next read throws this, and every read after that throws it again
 * (never end of stream: a damaged input must not look complete). The decoder's own exceptions, checked
 * or not, become this one; a failed read of the file itself stays the {@link IOException} it was, since
 * the file is not damaged but unreadable. A {@link LineReader} adds where it broke in lines
 * ({@link #afterLines}), so that {@link #getMessage()} says which lines were read.
 *
 * <p>How much before the damage can be decoded depends on the format: gzip and bzip2 hand out every byte
 * decoded; the xz and zstd decoders hand out data a chunk behind (xz: up to the last whole LZMA2 chunk,
 * at most 2 MiB of text; zstd: up to a window, 2 MiB at zstd's default level), so a damaged .xz or .zst
 * loses up to that much more before the damage.
 */
public final class CompressedDataException extends IOException implements OneLineMessage {
    private static final long serialVersionUID = 1L;

    /** How the compressed data breaks. */
    public enum Damage {
        /** The file ends inside the compressed data (cut short, or still being written). */
        TRUNCATED("truncated"),
        /** The data does not decode, or does not match its checksum or length. */
        CORRUPT("corrupt"),
        /** Complete compressed data is followed by bytes that are not compressed data of the same format. */
        TRAILING_BYTES("bytes that are not");

        private final String words;

        Damage(String words) {
            this.words = words;
        }
    }

    /** Lines before the damage not known (the stream was not read by a {@link LineReader}). */
    public static final long LINES_UNKNOWN = -1;

    private final String compression;
    private final Damage damage;
    private final long compressedOffset;
    private final String detail;
    private final long completeLines;
    private final boolean lineCut;

    /**
     * @param compression      the format's name: gzip, bzip2, xz, zstd
     * @param compressedOffset where in the compressed file decoding stopped (see {@link #compressedOffset()})
     * @param detail           what the decoder said, or null
     */
    public CompressedDataException(String compression, Damage damage, long compressedOffset, String detail) {
        this(compression, damage, compressedOffset, detail, LINES_UNKNOWN, false);
    }

    private CompressedDataException(String compression, Damage damage, long compressedOffset, String detail,
                                    long completeLines, boolean lineCut) {
        super(compression + " " + damage);
        this.compression = compression;
        this.damage = damage;
        this.compressedOffset = compressedOffset;
        this.detail = detail == null || detail.isBlank() ? null : detail;
        this.completeLines = completeLines;
        this.lineCut = lineCut;
    }

    /**
     * The same damage, located in lines: {@code completeLines} lines were read whole before it, and when
     * {@code lineCut}, the next line was cut short by it (and handed out flagged {@link LineReader#isCut()}).
     */
    public CompressedDataException afterLines(long completeLines, boolean lineCut) {
        if (completeLines < 0) {
            throw new IllegalArgumentException("complete lines must be 0 or more, not " + completeLines);
        }
        CompressedDataException e = new CompressedDataException(compression, damage, compressedOffset, detail,
                completeLines, lineCut);
        e.initCause(this);
        return e;
    }

    /** gzip, bzip2, xz or zstd. */
    public String compression() {
        return compression;
    }

    public Damage damage() {
        return damage;
    }

    /**
     * Bytes of the compressed file before the point where decoding stopped: exact for gzip (the byte the
     * inflater had reached, the first byte of a bad checksum or of trailing bytes); for the other formats
     * the bytes the decoder had taken from the file, so the damage is at or before it. For a truncated
     * file it is the file's size.
     */
    public long compressedOffset() {
        return compressedOffset;
    }

    /** What the decoder said about it, or null. */
    public String detail() {
        return detail;
    }

    /** Lines read whole before the damage, or {@link #LINES_UNKNOWN}. */
    public long completeLines() {
        return completeLines;
    }

    /** Whether the line after {@link #completeLines()} was cut short by the damage (and counted as rejected). */
    public boolean lineCut() {
        return lineCut;
    }

    /** What broke and where, without what was read: {@code truncated gzip data after line 26,364 (compressed byte 900,000)}. */
    public String where() {
        StringBuilder s = new StringBuilder();
        s.append(damage.words).append(' ').append(compression).append(" data");
        if (completeLines > 0) {
            s.append(String.format(Locale.US, " after line %,d", completeLines));
        } else if (completeLines == 0) {
            s.append(" before the first line");
        }
        s.append(String.format(Locale.US, " (compressed byte %,d", compressedOffset));
        if (detail != null) {
            s.append(": ").append(detail);
        }
        return s.append(')').toString();
    }

    /**
     * One line for the user: {@code truncated gzip data after line 26,364 (compressed byte 900,000): the
     * lines before it are counted; line 26,365, cut short by it, is counted as rejected}.
     */
    @Override
    public String getMessage() {
        StringBuilder s = new StringBuilder(where());
        if (completeLines > 0) {
            s.append(": the lines before it are counted");
        } else if (completeLines == 0 && !lineCut) {
            s.append(": no line could be read");
        }
        if (lineCut) {
            s.append(completeLines > 0 ? "; " : ": ");
            s.append(String.format(Locale.US, "line %,d, cut short by it, is counted as rejected", completeLines + 1));
        }
        return s.toString();
    }
}
