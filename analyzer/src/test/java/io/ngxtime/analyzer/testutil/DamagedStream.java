package io.ngxtime.analyzer.testutil;

import io.ngxtime.analyzer.source.CompressedDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A decompressed stream that breaks where a test says, as {@link CompressedDataException} describes. */
public final class DamagedStream {
    private DamagedStream() {
    }

    /** Hands out {@code text} in small reads, then throws {@code damage} on every read. */
    public static InputStream after(String text, CompressedDataException damage) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] out, int off, int len) throws IOException {
                if (pos == b.length) {
                    throw damage;
                }
                int n = Math.min(len, Math.min(3, b.length - pos)); // small reads: the damage comes mid-buffer
                System.arraycopy(b, pos, out, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** A truncated gzip stream at compressed byte {@code offset}. */
    public static CompressedDataException truncatedGzip(long offset) {
        return new CompressedDataException("gzip", CompressedDataException.Damage.TRUNCATED, offset, null);
    }
}
