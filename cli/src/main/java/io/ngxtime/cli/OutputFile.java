package io.ngxtime.cli;

import io.ngxtime.analyzer.files.IoErrorText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file a command writes, whole or not at all.
 *
 * <p>{@link #prepare} runs before any log is read and fails with {@link ExitCode#IO} and one line when the
 * file cannot be written: its directory is missing or is not one, takes no new file (permissions, a
 * read-only file system), the path is a directory, or an existing file is read-only. The content goes to a
 * temporary file beside it ({@code .NAME.RANDOM.tmp}, created at the first write); {@link #commit} forces
 * it to disk and renames it over the file in one step, so the file is the old one or the whole new one,
 * never a half that looks whole. {@link #close} without a commit removes the temporary file. A path that
 * names something other than a regular file ({@code /dev/stdout}, a FIFO) is written in place: there is
 * nothing to rename there. A symbolic link is followed: its target is replaced, the link stays.
 *
 * <p>A write that fails does not throw into whoever writes (an analysis streaming rejected lines): the
 * first failure is kept, later writes are dropped, and {@link #commit} reports it. Not thread-safe.
 */
public final class OutputFile implements AutoCloseable {
    private final Path target;
    private final Path destination;
    private final boolean inPlace;
    private Path temporary;
    private KeptFailureStream stream;
    private Writer writer;
    private boolean committed;

    private OutputFile(Path target, Path destination, boolean inPlace) {
        this.target = target;
        this.destination = destination;
        this.inPlace = inPlace;
    }

    /** Checks that {@code target} can be written, and returns it ready for writing (nothing is created yet). */
    public static OutputFile prepare(Path target) {
        Path destination = target;
        try {
            if (Files.isSymbolicLink(target)) {
                destination = target.toRealPath();
            }
        } catch (NoSuchFileException dangling) {
            // a link to nothing: the file takes the link's place
        } catch (IOException e) {
            throw failure(target, e);
        }
        if (Files.isDirectory(destination)) {
            throw new UserException(ExitCode.IO, "cannot write " + target + ": is a directory");
        }
        if (Files.exists(destination) && !Files.isRegularFile(destination)) {
            if (!Files.isWritable(destination)) {
                throw new UserException(ExitCode.IO, "cannot write " + target + ": permission denied");
            }
            return new OutputFile(target, destination, true);
        }
        Path dir = destination.toAbsolutePath().getParent();
        if (!Files.exists(dir)) {
            throw new UserException(ExitCode.IO, "cannot write " + target + ": no such directory " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(ExitCode.IO, "cannot write " + target + ": " + dir + " is not a directory");
        }
        if (Files.exists(destination) && !Files.isWritable(destination)) {
            throw new UserException(ExitCode.IO, "cannot write " + target + ": permission denied");
        }
        OutputFile f = new OutputFile(target, destination, false);
        // the real test: permission bits say little to root, and nothing of a read-only file system
        Path probe = f.temporaryName();
        try {
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw failure(target, e);
        }
        return f;
    }

    /** The path as the user gave it, for messages. */
    Path target() {
        return target;
    }

    /** The content's bytes (buffered). */
    public OutputStream stream() {
        if (committed) {
            throw new IllegalStateException(target + " is committed");
        }
        if (stream == null) {
            try {
                FileChannel channel;
                if (inPlace) {
                    channel = FileChannel.open(destination, StandardOpenOption.WRITE);
                } else {
                    temporary = temporaryName();
                    channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                stream = new KeptFailureStream(channel);
            } catch (IOException e) {
                stream = new KeptFailureStream(null);
                stream.failure = e;
            }
        }
        return stream;
    }

    /** The content as UTF-8 text (buffered; the same bytes as {@link #stream()}). */
    public Writer writer() {
        if (writer == null) {
            writer = new OutputStreamWriter(stream(), StandardCharsets.UTF_8);
        }
        return writer;
    }

    /**
     * Delivers the file: flushed, forced to disk and renamed over the target (a file nothing was written
     * to is delivered empty).
     *
     * @throws UserException with {@link ExitCode#IO} and the cause when any write failed, or this one
     */
    public void commit() {
        stream();
        try {
            if (writer != null) {
                writer.flush();
            }
            stream.flush();
            if (stream.failure != null) {
                throw stream.failure;
            }
            if (!inPlace) {
                stream.channel.force(true);
            }
            stream.channel.close();
            if (!inPlace) {
                keepPermissions();
                Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            if (!committed) {
                close();
            }
        }
    }

    /** An existing file keeps its permissions, as when a shell's {@code >} rewrites it. */
    private void keepPermissions() {
        try {
            if (Files.exists(destination)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(destination));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the content is what matters
        }
    }

    /** Removes the temporary file unless the file was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        if (stream != null && stream.channel != null) {
            try {
                stream.channel.close();
            } catch (IOException e) {
                // going away anyway
            }
        }
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // best effort: the name says it is a temporary file
            }
        }
    }

    private Path temporaryName() {
        String name = destination.getFileName().toString();
        return destination.toAbsolutePath().resolveSibling("." + name + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
    }

    private static UserException failure(Path target, IOException e) {
        return new UserException(ExitCode.IO, "cannot write " + target + ": " + IoErrorText.describe(e), e);
    }

    /** A buffered stream over a channel that keeps its first failure and drops what comes after it. */
    private static final class KeptFailureStream extends OutputStream {
        private final FileChannel channel;
        private final OutputStream out;
        private IOException failure;

        KeptFailureStream(FileChannel channel) {
            this.channel = channel;
            this.out = channel == null ? null : new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure != null) {
                return;
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public void flush() {
            if (failure != null) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public void close() {
            flush(); // the file is closed by commit or close, which know whether it is delivered
        }
    }
}
