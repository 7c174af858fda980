package io.ngxtime.analyzer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One log input: a file (plain or compressed, recognised by its first bytes) or standard input
 * ({@code -}). {@link #open()} returns the decompressed bytes.
 */
public final class Input {
    /** The name users write for standard input. */
    public static final String STDIN = "-";
    private static final int BUFFER_BYTES = 1 << 16;

    private final String name;
    private final Path path;
    private final InputStream stdin;
    private final RawOpener opener;

    /** Opens the raw (still compressed) bytes of a file stored elsewhere than the local file system. */
    @FunctionalInterface
    public interface RawOpener {
        InputStream openRaw() throws IOException;
    }

    private Input(String name, Path path, InputStream stdin, RawOpener opener) {
        this.name = name;
        this.path = path;
        this.stdin = stdin;
        this.opener = opener;
    }

    /** A file, or standard input when {@code name} is {@code -}. */
    public static Input of(String name, InputStream stdin) {
        return STDIN.equals(name) ? new Input("<stdin>", null, stdin, null) : new Input(name, Path.of(name), null, null);
    }

    public static Input file(Path path) {
        return new Input(path.toString(), path, null, null);
    }

    /**
     * A file that is not on the local file system (a Spark job's {@code hdfs://} or {@code s3a://} input), read
     * through {@code opener}; decompressed and probed as a local file is. Its {@link #path()} is null.
     */
    public static Input opened(String name, RawOpener opener) {
        return new Input(name, null, null, java.util.Objects.requireNonNull(opener, "opener"));
    }

    /** How the input is named in messages. */
    public String name() {
        return name;
    }

    /** The local file, or null for standard input and for a file {@link #opened} elsewhere. */
    public Path path() {
        return path;
    }

    public boolean isStdin() {
        return path == null && opener == null;
    }

    /**
     * Opens the input, decompressing it when its first bytes say it is compressed (whatever the file is
     * called, see {@link Compression}). Damaged compressed data shows when it is read, as a
     * {@link CompressedDataException} after every byte that decoded.
     */
    public InputStream open() throws IOException {
        InputStream raw = opener != null ? opener.openRaw() : path == null ? stdin : Files.newInputStream(path);
        return Compression.decompress(new BufferedInputStream(raw, BUFFER_BYTES));
    }

    /**
     * Opens the input and reads its first byte, to tell an input that cannot be read at all before any
     * reading starts: missing, a directory, permission denied, or compressed data damaged before its
     * first byte decodes (that {@link CompressedDataException} located before the first line). An empty
     * file is readable.
     *
     * @throws IOException why it cannot be read
     */
    public void checkReadable() throws IOException {
        try (InputStream s = open()) {
            s.read();
        } catch (CompressedDataException damagedAtOnce) {
            throw damagedAtOnce.afterLines(0, false);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
