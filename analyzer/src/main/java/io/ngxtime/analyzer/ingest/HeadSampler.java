package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.analyzer.source.LineReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the first lines of a stream for format detection and then rewinds it, so nothing is read twice. */
public final class HeadSampler {
    /** At most this many bytes are looked at. */
    public static final int MAX_HEAD_BYTES = 8 << 20;

    private HeadSampler() {
    }

    /** A stream that can be sampled: wrap the decompressed input once, then sample and read it. */
    public static BufferedInputStream rewindable(InputStream in) {
        return in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 20);
    }

    /**
     * The first {@code maxLines} lines (without newlines); the stream is rewound afterwards. A line
     * longer than {@link LineReader#DEFAULT_MAX_LINE_BYTES} comes as an empty array, in its place (so
     * line numbers hold): it is rejected as too long whatever the format, and its cut-off first part
     * would only make every format look wrong. A compressed input damaged within its head gives the
     * lines before the damage (a line it cut short comes as an empty array too: its start may look like
     * any format); the damage is not thrown here, but again to whoever reads the stream after the rewind.
     */
    public static List<byte[]> head(BufferedInputStream in, int maxLines) throws IOException {
        return sample(in, maxLines).lines();
    }

    /**
     * The first lines of a stream ({@link #head}) and the damage that ended them early, if any.
     *
     * @param damage the compressed data broke within the head (located in its lines), or null
     */
    public record Head(List<byte[]> lines, CompressedDataException damage) {
    }

    /** {@link #head}, and whether damaged compressed data ended the sample. */
    public static Head sample(BufferedInputStream in, int maxLines) throws IOException {
        in.mark(MAX_HEAD_BYTES);
        List<byte[]> lines = new ArrayList<>();
        CompressedDataException damage = null;
        try {
            InputStream bounded = new InputStream() {
                private int remaining = MAX_HEAD_BYTES - 1;

                @Override
                public int read() throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    remaining--;
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int n = in.read(b, off, Math.min(len, remaining));
                    if (n > 0) {
                        remaining -= n;
                    }
                    return n;
                }
            };
            LineReader r = new LineReader(bounded, LineReader.DEFAULT_MAX_LINE_BYTES, true);
            while (lines.size() < maxLines && r.next()) {
                lines.add(r.isTooLong() || r.isCut() ? new byte[0] : Arrays.copyOfRange(r.buffer(), r.lineStart(), r.lineEnd()));
            }
        } catch (CompressedDataException damaged) {
            // the sample is what decoded; reading the stream after the rewind meets the damage again
            damage = damaged;
        } finally {
            in.reset();
        }
        return new Head(lines, damage);
    }
}
