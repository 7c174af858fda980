package io.ngxtime.analyzer.source;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Recognises compressed streams by their magic bytes, whatever the file is called: gzip (the JDK's
 * inflater, {@link GzipStream}), bzip2 and xz (Apache Commons Compress), zstd (aircompressor, pure Java).
 * Concatenated members (as {@code cat a.gz b.gz} makes) are read through.
 *
 * <p>Damaged data (truncated, corrupt, or followed by bytes that are not compressed data) is never an
 * end of stream: the decompressed stream hands out what decoded and then throws
 * {@link CompressedDataException} on every read (its Javadoc states the contract, and how much each
 * format can decode before damage). Opening never throws for damage: it shows on the first read.
 */
public final class Compression {
    /**
     * Most memory an xz stream may ask to be decoded: {@code xz -9} needs 65 MiB, so no preset comes near;
     * a header asking for more (up to 4 GiB can be written) is damage, not an allocation that exhausts the heap.
     */
    static final int MAX_XZ_MEMORY_KIB = 128 * 1024;

    private Compression() {
    }

    /**
     * The stream itself, or a decompressing stream over it. {@code in} must support mark/reset.
     *
     * @throws IOException only when the first bytes cannot be read from {@code in}
     */
    public static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(8);
        byte[] m = in.readNBytes(6);
        in.reset();
        if (starts(m, 0x1f, 0x8b)) {
            return new GzipStream(in);
        }
        if (starts(m, 'B', 'Z', 'h')) {
            return new DecoderStream("bzip2", in, s -> new BZip2CompressorInputStream(s, true), true);
        }
        if (starts(m, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return new DecoderStream("xz", in, s -> new XZCompressorInputStream(s, true, MAX_XZ_MEMORY_KIB), false);
        }
        if (starts(m, 0x28, 0xB5, 0x2F, 0xFD)) {
            return new DecoderStream("zstd", in, ZstdInputStream::new, false);
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
