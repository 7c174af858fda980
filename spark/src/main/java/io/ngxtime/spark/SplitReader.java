package io.ngxtime.spark;

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
        Path path = Path.of(split.path());
        if (split.whole()) {
            try (InputStream in = Input.file(path).open()) {
                LineReader lines = new LineReader(in, maxLineBytes, true);
                while (lines.next()) {
                    visitor.line(lines);
                }
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long begin = split.start();
            channel.position(begin == 0 ? 0 : begin - 1);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES);
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
}
