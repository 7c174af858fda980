package io.ngxtime.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of reading damaged compressed input ({@link Input}, {@link Compression},
 * {@link LineReader}): a file named {@code .gz}, {@code .bz2}, {@code .xz} or {@code .zst} holding any
 * bytes yields lines and then at most a {@link CompressedDataException} (the file itself is readable): never
 * another exception, checked or not, never an {@link OutOfMemoryError} for a header that asks for a huge
 * dictionary, never a line that does not move forward in the stream. A compressed log cut short yields a
 * prefix of its lines (the last one possibly cut, and then flagged {@link LineReader#isCut()}) before the error.
 *
 * <p>An input is a byte for the compression ({@code a} gzip, {@code b} bzip2, {@code c} xz, {@code d}
 * zstd; any byte works, taken modulo four from {@code a}), a byte for the mode, then the data. Mode
 * {@code r}: the data is the file. Mode {@code t} (any other byte): the data's first two bytes say where
 * to cut, the rest is log text that is compressed, then cut there. Every build replays the inputs
 * under {@code src/test/resources/io/ngxtime/analyzer/source/CompressedInputFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
class CompressedInputFuzzTest {
    private static final String[] EXTENSIONS = {".gz", ".bz2", ".xz", ".zst"};
    /** Bytes of each format's magic: a file cut before its magic's end is not recognised as compressed, but read as text. */
    private static final int[] MAGIC_BYTES = {2, 3, 6, 4};
    private static Path dir;

    @FuzzTest(maxDuration = "5m")
    void damagedCompressedInput_yieldsLinesThenAtMostAnIOException(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        int codec = Math.floorMod(input[0] - 'a', EXTENSIONS.length);
        byte[] file;
        List<byte[]> original = null;
        if (input[1] == 'r') {
            file = Arrays.copyOfRange(input, 2, input.length);
        } else {
            if (input.length < 4) {
                return;
            }
            byte[] text = Arrays.copyOfRange(input, 4, input.length);
            byte[] whole = compress(codec, text);
            int cut = ((input[2] & 0xff) << 8 | (input[3] & 0xff)) % (whole.length + 1);
            file = Arrays.copyOf(whole, cut);
            original = cut < MAGIC_BYTES[codec] ? null : lines(text); // else: text named .zst (input d-zst-cut-in-its-magic)
        }
        Path p = dir().resolve("fuzz" + EXTENSIONS[codec]);
        Files.write(p, file);
        List<byte[]> read = new ArrayList<>();
        try (InputStream in = Input.file(p).open(); LineReader lines = new LineReader(in)) {
            long offset = 0;
            while (lines.next()) {
                assertThat(lines.nextLineStreamOffset()).as("stream offset after line %s", lines.lineNumber())
                        .isGreaterThan(offset);
                offset = lines.nextLineStreamOffset();
                read.add(Arrays.copyOfRange(lines.buffer(), lines.lineStart(), lines.lineEnd()));
            }
        } catch (CompressedDataException e) {
            // the damage, reported where it broke: what the contract allows
            assertThat(e.getMessage()).as("the damage's message").doesNotContain("\n");
        }
        if (original != null) {
            assertThat(read.size()).as("lines read from a cut stream").isLessThanOrEqualTo(original.size());
            for (int i = 0; i < read.size(); i++) {
                byte[] got = read.get(i);
                byte[] want = original.get(i);
                boolean same = i + 1 < read.size() ? Arrays.equals(got, want)
                        : got.length <= want.length && Arrays.equals(got, 0, got.length, want, 0, got.length);
                assertThat(same).as("line %s of a cut stream is the original's", i + 1).isTrue();
            }
        }
    }

    /** The text's lines as the line reader splits them (the last without its newline, if it has none). */
    private static List<byte[]> lines(byte[] text) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                out.add(Arrays.copyOfRange(text, from, i));
                from = i + 1;
            }
        }
        if (from < text.length) {
            out.add(Arrays.copyOfRange(text, from, text.length));
        }
        return out;
    }

    private static byte[] compress(int codec, byte[] text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (codec) {
            case 0 -> new GZIPOutputStream(bytes);
            case 1 -> new BZip2CompressorOutputStream(bytes);
            case 2 -> new XZCompressorOutputStream(bytes);
            default -> new ZstdOutputStream(bytes);
        }) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("ngxtime-compressed-fuzz");
        }
        return dir;
    }

    @AfterAll
    static void removeDir() throws IOException {
        if (dir != null) {
            for (String ext : EXTENSIONS) {
                Files.deleteIfExists(dir.resolve("fuzz" + ext));
            }
            Files.deleteIfExists(dir);
        }
    }
}
