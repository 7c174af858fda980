package io.ngxtime.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.source.LineReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain file cut into ranges anywhere: every line is read once, by the range it starts in, as one reader reads it. */
class SplitReaderTest {
    @TempDir
    Path dir;

    /** Lines as one reader of the whole file sees them: text, too long, numbered. */
    private static List<String> lines(FileSplit split, int maxLineBytes) throws IOException {
        List<String> out = new ArrayList<>();
        SplitReader.read(split, maxLineBytes, (LineReader l) -> out.add(
                new String(l.buffer(), l.lineStart(), l.lineEnd() - l.lineStart(), StandardCharsets.ISO_8859_1)
                        + (l.isTooLong() ? "<too long " + l.lineBytes() + ">" : "")));
        return out;
    }

    private static List<String> inRanges(Path file, long splitBytes, int maxLineBytes) throws IOException {
        long size = Files.size(file);
        List<String> out = new ArrayList<>();
        for (long start = 0; start < size; start += splitBytes) {
            out.addAll(lines(new FileSplit(0, 0, file.toString(), "f", start, Math.min(size, start + splitBytes), false), maxLineBytes));
        }
        return out;
    }

    @Test
    void everySplitSize_readsEachLineOnce_asOneReaderDoes() throws IOException {
        // empty lines, CRLF, a line longer than the limit, a newline right at many cuts, no newline at the end
        String text = "a\n\nbb\r\nccc\n" + "x".repeat(40) + "\n\n\nd\ne\r\nffff\ng";
        Path file = dir.resolve("plain.log");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        long size = Files.size(file);
        List<String> whole = lines(new FileSplit(0, 0, file.toString(), "f", 0, size, true), 16);
        assertThat(whole).hasSize(11).contains("x".repeat(16) + "<too long 40>");
        for (long splitBytes = 1; splitBytes <= size + 1; splitBytes++) {
            assertThat(inRanges(file, splitBytes, 16)).as("split every %d bytes", splitBytes).isEqualTo(whole);
        }
    }

    @Test
    void fileEndingWithNewline_hasNoEmptyLastLine_inAnySplit() throws IOException {
        Path file = dir.resolve("ends.log");
        Files.writeString(file, "one\ntwo\nthree\n");
        for (long splitBytes = 1; splitBytes <= 15; splitBytes++) {
            assertThat(inRanges(file, splitBytes, 100)).as("split every %d bytes", splitBytes).containsExactly("one", "two", "three");
        }
    }

    @Test
    void lineNumbers_countFromTheSplitsFirstLine() throws IOException {
        Path file = dir.resolve("numbers.log");
        Files.writeString(file, "l1\nl2\nl3\nl4\n");
        List<Long> numbers = new ArrayList<>();
        SplitReader.read(new FileSplit(1, 0, file.toString(), "f", 5, 12, false), 100, l -> numbers.add(l.lineNumber()));
        // the range [5, 12) owns l3 (at 6) and l4 (at 9): numbered 1 and 2 in the split
        assertThat(numbers).containsExactly(1L, 2L);
    }
}
