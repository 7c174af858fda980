package io.ngxtime.analyzer.source;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Recognises compressed streams by their magic bytes, whatever the file is called: gzip (the JDK),
 * bzip2 and xz (Apache Commons Compress), zstd (aircompressor, pure Java). Concatenated members
 * (as {@code cat a.gz b.gz} makes) are read through.
 */
public final class Compression {
    private Compression() {
    }

    /** The stream itself, or a decompressing stream over it. {@code in} must support mark/reset. */
    public static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(8);
        byte[] m = in.readNBytes(6);
        in.reset();
        if (starts(m, 0x1f, 0x8b)) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (starts(m, 'B', 'Z', 'h')) {
            return new BufferedInputStream(new BZip2CompressorInputStream(in, true), 1 << 16);
        }
        if (starts(m, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return new BufferedInputStream(new XZCompressorInputStream(in, true), 1 << 16);
        }
        if (starts(m, 0x28, 0xB5, 0x2F, 0xFD)) {
            return new BufferedInputStream(new ZstdInputStream(in), 1 << 16);
        }
        return in;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a file name says it is compressed (rotated files are not followed, and may end without a newline). */
    public static boolean isCompressedName(String name) {
        return name.endsWith(".gz") || name.endsWith(".bz2") || name.endsWith(".xz") || name.endsWith(".zst");
    }
}
