package io.ngxtime.spark;

import io.ngxtime.analyzer.source.Compression;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lines of one {@link FileSplit}, read with the project's {@link LineReader} (so too-long lines, a last
 * line without a newline and carriage returns are what a single-machine run sees).
 *
 * <p>The rule at a split's edges (Hadoop's {@code LineRecordReader} follows the same one): a range
 * {@code [start, end)} owns every line whose first byte lies in it, read to its end even past {@code end}.
 * A range that does not begin the file looks at the byte before {@code start}: when it is a newline, the
 * line at {@code start} is its own; otherwise the line in progress belongs to the range before, and reading
 * begins after its newline. So a line at a split is read once, by the split where it starts.
 */
final class SplitReader {
    private static final int BUFFER_BYTES = 1 << 16;

    /** Told each line the split owns, in order. */
    interface LineVisitor {
        /** {@code lines} is on the line; its {@link LineReader#lineNumber()} counts from the split's first line. */
        void line(LineReader lines);
    }

    private SplitReader() {
    }

    /**
     * Reads the split's lines into {@code visitor}.
     *
     * @throws IOException when the file cannot be read (a damaged compressed file: after its last good line)
     */
    static void read(FileSplit split, int maxLineBytes, LineVisitor visitor) throws IOException {
        read(split, null, maxLineBytes, visitor);
    }

    /**
     * Reads the split's lines into {@code visitor}; a split of a file named by URL is opened through
     * {@code hadoop} (its ranges by a seek), the same rule at the edges, the same decoders.
     *
     * @param hadoop the job's Hadoop file systems, or null when every input is a local path
     * @throws IOException when the file cannot be read (a damaged compressed file: after its last good line)
     */
    static void read(FileSplit split, HadoopFiles hadoop, int maxLineBytes, LineVisitor visitor) throws IOException {
        if (HadoopFiles.isUrl(split.path())) {
            if (hadoop == null) {
                throw new IllegalStateException("a split of a URL needs the job's Hadoop file systems: " + split.path());
            }
            long from = split.whole() || split.start() == 0 ? 0 : split.start() - 1;
            try (InputStream raw = hadoop.open(split.path(), from)) {
                BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
                readLines(split, split.whole() ? Compression.decompress(buffered) : buffered, maxLineBytes, visitor);
            }
            return;
        }
        Path path = Path.of(split.path());
        if (split.whole()) {
            try (InputStream in = Input.file(path).open()) {
                readLines(split, in, maxLineBytes, visitor);
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long begin = split.start();
            channel.position(begin == 0 ? 0 : begin - 1);
            readLines(split, new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES), maxLineBytes, visitor);
        }
    }

    /**
     * The split's lines from {@code in}: a whole file's decompressed bytes, or a range's from the byte before
     * its start (from its start when it begins the file).
     */
    private static void readLines(FileSplit split, InputStream in, int maxLineBytes, LineVisitor visitor) throws IOException {
        if (split.whole()) {
            LineReader lines = new LineReader(in, maxLineBytes, true);
            while (lines.next()) {
                visitor.line(lines);
            }
            return;
        }
        long begin = split.start();
        if (begin > 0) {
            // from the byte before start, up to and including the first newline: the rest of the range before's line
            long at = begin - 1;
            int b;
            do {
                b = in.read();
                at++;
            } while (b != -1 && b != '\n');
            if (b == -1) {
                return;
            }
            begin = at;
        }
        if (begin >= split.end()) {
            return;
        }
        LineReader lines = new LineReader(in, maxLineBytes, true);
        while (lines.next() && begin + lines.lineStreamOffset() < split.end()) {
            visitor.line(lines);
        }
    }
}
