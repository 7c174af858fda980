package io.ngxtime.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A log written like nginx writes one (whole lines appended, line n with the path {@code /p/n}) and rotated
 * like logrotate rotates it, every rotated file kept, so that every line written stays somewhere. Thread-safe:
 * a writer thread appends while the test rotates.
 */
final class RotatingLog {
    /** How logrotate is configured. */
    enum Rotation {
        /** Renamed to {@code .1} (older ones shifted), a new empty log created. */
        RENAME,
        /** As {@link #RENAME}, and the previous {@code .1}, now {@code .2}, gzipped (delaycompress). */
        DELAYCOMPRESS,
        /** As {@link #RENAME}, and {@code .1} gzipped at once. */
        COMPRESS,
        /** Renamed to {@code -<date>} (dateext) and gzipped. */
        DATEEXT,
        /** Copied to {@code .1}, then truncated in place. */
        COPYTRUNCATE
    }

    private final Path dir;
    private final Path log;
    private long written;
    private int dated;

    RotatingLog(Path dir) throws IOException {
        this.dir = dir;
        this.log = dir.resolve("access.log");
        Files.createFile(log);
    }

    Path path() {
        return log;
    }

    /** Lines written so far: /p/0 until /p/(written - 1). */
    synchronized long written() {
        return written;
    }

    /** Appends {@code n} lines to the file at the path (creating it, as nginx does after a rotation). */
    synchronized void append(int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : IngestAndTailCommandTest.lines((int) written, (int) written + n)) {
            sb.append(l).append('\n');
        }
        // one write with O_APPEND, as nginx writes its buffer
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        written += n;
    }

    synchronized void rotate(Rotation r) throws IOException {
        switch (r) {
            case RENAME -> {
                renameAway();
                create();
            }
            case DELAYCOMPRESS -> {
                renameAway();
                Path two = dir.resolve("access.log.2");
                if (Files.exists(two)) {
                    gzip(two);
                }
                create();
            }
            case COMPRESS -> {
                renameAway();
                gzip(dir.resolve("access.log.1"));
                create();
            }
            case DATEEXT -> {
                Path to = dir.resolve(String.format("access.log-20261205%05d", ++dated));
                Files.move(log, to);
                gzip(to);
                create();
            }
            case COPYTRUNCATE -> {
                shift();
                Files.copy(log, dir.resolve("access.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
                try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                }
            }
            default -> throw new IllegalArgumentException(r.toString());
        }
    }

    /** The first step of a rotation by rename: the log moved to {@code .1}, nothing at the path yet. */
    synchronized void renameAway() throws IOException {
        shift();
        if (Files.exists(log)) {
            Files.move(log, dir.resolve("access.log.1"));
        }
    }

    /** The last step: logrotate's {@code create} (an empty log), unless nginx wrote one already. */
    synchronized void create() throws IOException {
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
    }

    /** Every file of the log now (the log and its rotated files), oldest first. */
    synchronized List<Path> files() throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "access.log*")) {
            s.forEach(all::add);
        }
        all.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        return all;
    }

    /** access.log.N(.gz) becomes access.log.N+1(.gz), from the oldest down. */
    private void shift() throws IOException {
        int max = 0;
        while (Files.exists(dir.resolve("access.log." + (max + 1))) || Files.exists(dir.resolve("access.log." + (max + 1) + ".gz"))) {
            max++;
        }
        for (int i = max; i >= 1; i--) {
            for (String ext : new String[] {"", ".gz"}) {
                Path from = dir.resolve("access.log." + i + ext);
                if (Files.exists(from)) {
                    Files.move(from, dir.resolve("access.log." + (i + 1) + ext));
                }
            }
        }
    }

    /** gzip's way: {@code f.gz} with {@code f}'s last-modified time, then {@code f} removed. */
    private static void gzip(Path f) throws IOException {
        Path gz = f.resolveSibling(f.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(f, out);
        }
        Files.setLastModifiedTime(gz, Files.getLastModifiedTime(f));
        Files.delete(f);
    }
}
