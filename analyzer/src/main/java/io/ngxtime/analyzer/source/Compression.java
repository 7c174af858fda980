package io.ngxtime.analyzer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Recognises compressed streams by their magic bytes. */
public final class Compression {
    private Compression() {
    }

    /** The stream itself, or a decompressing stream over it. {@code in} must support mark/reset. */
    public static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }
}
