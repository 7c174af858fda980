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

    private Input(String name, Path path, InputStream stdin) {
        this.name = name;
        this.path = path;
        this.stdin = stdin;
    }

    /** A file, or standard input when {@code name} is {@code -}. */
    public static Input of(String name, InputStream stdin) {
        return STDIN.equals(name) ? new Input("<stdin>", null, stdin) : new Input(name, Path.of(name), null);
    }

    public static Input file(Path path) {
        return new Input(path.toString(), path, null);
    }

    /** How the input is named in messages. */
    public String name() {
        return name;
    }

    /** The file, or null for standard input. */
    public Path path() {
        return path;
    }

    public boolean isStdin() {
        return path == null;
    }

    /** Opens the input, decompressing gzip (by its magic bytes, whatever the file is called). */
    public InputStream open() throws IOException {
        InputStream raw = path == null ? stdin : Files.newInputStream(path);
        return Compression.decompress(new BufferedInputStream(raw, BUFFER_BYTES));
    }

    @Override
    public String toString() {
        return name;
    }
}
