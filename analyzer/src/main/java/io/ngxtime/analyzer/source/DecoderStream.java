package io.ngxtime.analyzer.source;

import io.ngxtime.analyzer.source.CompressedDataException.Damage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * A library's decoder (bzip2, xz, zstd) held to the contract of {@link CompressedDataException}: whatever
 * it throws while decoding, an {@link IOException} or a {@link RuntimeException} (a decoder may trip over
 * hostile bytes with an index out of bounds), becomes that exception, kept and thrown again on every
 * later read; a failure to read the file itself is passed on as it was. The decoder is opened on the
 * first read, so that a damaged stream header is damage too, not an error of {@link Compression}.
 *
 * <p>Bytes already decoded when it throws: a decoder that counts what it hands out
 * ({@link InputStreamStatistics}, commons-compress's bzip2, which counts each byte as it copies it) lets
 * the bytes of the failed read be returned; other decoders lose what they had copied in that read, so
 * reads are kept to {@link #MAX_READ_BYTES}, which bounds that loss. {@link #available()} stays 0 (see
 * {@link GzipStream}). Not thread-safe.
 */
final class DecoderStream extends InputStream {
    /** Largest read asked of the decoder: what a decoder that loses its last read can lose. */
    static final int MAX_READ_BYTES = 8192;

    /** Opens the library's decoder on the compressed bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open(InputStream compressed) throws IOException;
    }

    private final String compression;
    private final FileBytes file;
    private final Opener opener;
    private final boolean countsCopiedBytes;
    private InputStream decoder;
    /** Bytes handed out so far. */
    private long decodedBytes;
    private CompressedDataException failure;
    private final byte[] one = new byte[1];

    /**
     * @param countsCopiedBytes the decoder's {@link InputStreamStatistics#getUncompressedCount()} counts each
     *                          byte as it is copied into the caller's array, even in a read that then throws
     */
    DecoderStream(String compression, InputStream compressed, Opener opener, boolean countsCopiedBytes) {
        this.compression = compression;
        this.file = new FileBytes(compressed);
        this.opener = opener;
        this.countsCopiedBytes = countsCopiedBytes;
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
        try {
            if (decoder == null) {
                decoder = opener.open(file);
            }
            int n = decoder.read(b, off, Math.min(len, MAX_READ_BYTES));
            if (n > 0) {
                decodedBytes += n;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            if (file.error != null) {
                throw file.error;
            }
            // an I/O error once the file has ended: it ended inside the data, and what the decoder says adds
            // nothing; an unchecked exception is the decoder tripping over bytes it cannot decode
            failure = file.ended && e instanceof IOException
                    ? new CompressedDataException(compression, Damage.TRUNCATED, compressedOffset(), null)
                    : new CompressedDataException(compression, Damage.CORRUPT, compressedOffset(), e.getMessage());
            long copied = copiedBeforeFailure();
            if (copied > 0 && copied <= len) {
                decodedBytes += copied;
                return (int) copied; // the next read throws
            }
            throw failure;
        }
    }

    /** Bytes the decoder copied into the caller's array in the read that failed, when it tells. */
    private long copiedBeforeFailure() {
        if (countsCopiedBytes && decoder instanceof InputStreamStatistics s) {
            return s.getUncompressedCount() - decodedBytes;
        }
        return 0;
    }

    private long compressedOffset() {
        if (decoder instanceof InputStreamStatistics s) {
            return s.getCompressedCount();
        }
        return file.bytes;
    }

    @Override
    public void close() throws IOException {
        if (decoder != null) {
            decoder.close();
        } else {
            file.close();
        }
    }

    /** The compressed file as the decoder reads it: counts the bytes, and tells its own failures from the decoder's. */
    private static final class FileBytes extends FilterInputStream {
        long bytes;
        boolean ended;
        IOException error;

        FileBytes(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int c = in.read();
                if (c < 0) {
                    ended = true;
                } else {
                    bytes++;
                }
                return c;
            } catch (IOException e) {
                error = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n < 0) {
                    ended = true;
                } else {
                    bytes += n;
                }
                return n;
            } catch (IOException e) {
                error = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                long s = in.skip(n);
                bytes += s;
                return s;
            } catch (IOException e) {
                error = e;
                throw e;
            }
        }

        @Override
        public boolean markSupported() {
            return false; // a decoder that reset would make the count wrong
        }
    }
}
