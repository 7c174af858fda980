package io.ngxtime.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.source.CompressedDataException.Damage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged compressed files, built here (cut, bytes flipped, garbage appended, members concatenated), read
 * through {@link Input} and {@link LineReader} as every command reads them: every line that decodes comes
 * out, a line the damage cut short comes flagged, then one {@link CompressedDataException} says where.
 */
class DamagedCompressedInputTest {
    @TempDir
    Path dir;

    /** Log-like lines of varied length, so that a cut falls inside a line. */
    private static byte[] text(int lines) {
        StringBuilder s = new StringBuilder();
        Random r = new Random(11);
        for (int i = 0; i < lines; i++) {
            s.append("192.0.2.").append(i % 250).append(" GET /p/").append(i).append('/')
                    .append(Long.toHexString(r.nextLong())).append(" rt=0.").append(r.nextInt(1000)).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    /** What reading a file line by line gave: the lines, whether the last was cut, and the damage. */
    private record Read(long lines, boolean lastCut, String lastLine, CompressedDataException damage) {
    }

    private static Read read(Input input) throws IOException {
        long n = 0;
        boolean cut = false;
        String last = null;
        try (InputStream in = input.open()) {
            LineReader r = new LineReader(in);
            while (r.next()) {
                n++;
                cut = r.isCut();
                last = new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), StandardCharsets.UTF_8);
            }
        } catch (CompressedDataException e) {
            return new Read(n, cut, last, e);
        }
        return new Read(n, cut, last, null);
    }

    private static long newlines(byte[] b, int len) {
        long n = 0;
        for (int i = 0; i < len; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * What the JDK's own inflater decodes of a gzip file before it fails: read straight from
     * {@link GZIPInputStream}, which hands out each byte it inflates before throwing (an oracle written by
     * others: the count to reach).
     */
    private static byte[] decodableByTheJdk(byte[] gz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[4096];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            for (int n; (n = in.read(b)) >= 0; ) {
                out.write(b, 0, n);
            }
        } catch (IOException expected) {
            // the damage: what came before it is the oracle
        }
        return out.toByteArray();
    }

    @Test
    void truncatedGzip_everyLineThatDecodesIsRead_theCutLineFlagged_thenTheDamageWithItsOffsetAndLine() throws Exception {
        byte[] gz = gzip(text(60_000));
        int cutAt = gz.length * 2 / 3;
        Path f = file("access.log.2.gz", Arrays.copyOf(gz, cutAt));
        byte[] decodable = decodableByTheJdk(Arrays.copyOf(gz, cutAt));
        long whole = newlines(decodable, decodable.length);
        assertThat(decodable[decodable.length - 1]).as("the cut falls inside a line").isNotEqualTo((byte) '\n');

        Read r = read(Input.file(f));

        assertThat(r.lines()).isEqualTo(whole + 1);
        assertThat(r.lastCut()).isTrue();
        String partial = new String(decodable, StandardCharsets.UTF_8);
        assertThat(r.lastLine()).isEqualTo(partial.substring(partial.lastIndexOf('\n') + 1));
        assertThat(r.damage().damage()).isEqualTo(Damage.TRUNCATED);
        assertThat(r.damage().compressedOffset()).isEqualTo(cutAt);
        assertThat(r.damage().completeLines()).isEqualTo(whole);
        assertThat(r.damage().lineCut()).isTrue();
        assertThat(r.damage().getMessage()).isEqualTo(String.format(java.util.Locale.ROOT,
                "truncated gzip data after line %,d (compressed byte %,d): the lines before it are counted; "
                        + "line %,d, cut short by it, is counted as rejected", whole, cutAt, whole + 1));
    }

    @Test
    void truncatedGzip_throughTheBufferedStreamFormatDetectionUses_losesNothing() throws Exception {
        byte[] gz = gzip(text(60_000));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        byte[] decodable = decodableByTheJdk(cut);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = new java.io.BufferedInputStream(Input.file(file("a.gz", cut)).open(), 1 << 20)) {
            byte[] b = new byte[1 << 20];
            assertThatThrownBy(() -> {
                for (int n; (n = in.read(b)) >= 0; ) {
                    got.write(b, 0, n);
                }
            }).isInstanceOf(CompressedDataException.class);
        }
        assertThat(got.toByteArray()).isEqualTo(decodable);
    }

    /**
     * An xz header may ask for a dictionary of up to 4 GiB; the decoder allocated it (an OutOfMemoryError
     * under a 1 GiB heap, found by {@link CompressedInputFuzzTest}). Above {@link Compression#MAX_XZ_MEMORY_KIB}
     * it is damage, said in one line.
     */
    @Test
    void xzAskingForAHugeDictionary_isDamage_notAnAllocation() throws Exception {
        byte[] fuzzInput;
        try (InputStream in = getClass().getResourceAsStream("CompressedInputFuzzTestInputs/"
                + "damagedCompressedInput_yieldsLinesThenAtMostAnIOException/c-xz-dictionary-1-5-gib")) {
            fuzzInput = in.readAllBytes();
        }
        byte[] xz = Arrays.copyOfRange(fuzzInput, 2, fuzzInput.length); // after the harness's codec and mode bytes
        try (InputStream in = Input.file(file("huge-dictionary.xz", xz)).open()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(CompressedDataException.class, e -> {
                assertThat(e.damage()).isEqualTo(Damage.CORRUPT);
                assertThat(e.getMessage()).startsWith("corrupt xz data").contains("memory").doesNotContain("\n");
            });
        }
    }

    @Test
    void damagedStream_throwsOnEveryReadAfterTheDamage_neverEndOfStream() throws Exception {
        byte[] gz = gzip(text(1000));
        try (InputStream in = Input.file(file("a.gz", Arrays.copyOf(gz, gz.length - 3))).open()) {
            in.readNBytes(text(1000).length - 100);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(CompressedDataException.class);
            assertThatThrownBy(in::read).isInstanceOf(CompressedDataException.class);
        }
    }

    @Test
    void concatenatedMembers_everyMemberIsRead() throws Exception {
        byte[] a = text(3000);
        byte[] b = Arrays.copyOfRange(text(6000), a.length, text(6000).length);
        byte[] two = concat(gzip(a), gzip(b));
        Read r = read(Input.file(file("two.gz", two)));
        assertThat(r.damage()).isNull();
        assertThat(r.lines()).isEqualTo(6000);
    }

    /**
     * {@code cat a.gz b.gz | ngxtime report -}: a pipe has nothing available at a member boundary, and
     * Java 17's GZIPInputStream took that for the end of the file, dropping every member after the first.
     */
    @Test
    void concatenatedMembersThroughAPipe_everyMemberIsRead() throws Exception {
        byte[] a = text(3000);
        byte[] b = Arrays.copyOfRange(text(6000), a.length, text(6000).length);
        InputStream pipe = new OneChunkAtATime(gzip(a), gzip(b));
        Read r = read(Input.of(Input.STDIN, pipe));
        assertThat(r.damage()).isNull();
        assertThat(r.lines()).isEqualTo(6000);
    }

    @Test
    void garbageAfterAValidMember_theLinesAreRead_thenTrailingBytesAtTheirOffset() throws Exception {
        byte[] gz = gzip(text(2000));
        Read r = read(Input.file(file("g.gz", concat(gz, "not gzip at all\n".getBytes(StandardCharsets.UTF_8)))));
        assertThat(r.lines()).isEqualTo(2000);
        assertThat(r.lastCut()).isFalse();
        assertThat(r.damage().damage()).isEqualTo(Damage.TRAILING_BYTES);
        assertThat(r.damage().compressedOffset()).isEqualTo(gz.length);
        assertThat(r.damage().getMessage()).startsWith("bytes that are not gzip data after line 2,000 (compressed byte ");
    }

    @Test
    void aSecondMemberCutInItsHeader_isTruncation_notTheSilentEndGzipInputStreamMakesOfIt() throws Exception {
        byte[] first = gzip(text(2000));
        byte[] second = gzip(text(10));
        Read r = read(Input.file(file("cut2.gz", concat(first, Arrays.copyOf(second, 5)))));
        assertThat(r.lines()).isEqualTo(2000);
        assertThat(r.damage().damage()).isEqualTo(Damage.TRUNCATED);
        assertThat(r.damage().compressedOffset()).isEqualTo(first.length + 5);
    }

    @Test
    void bytesFlippedInTheMiddle_linesAreRead_thenTheChecksumErrorIsReported() throws Exception {
        byte[] gz = gzip(text(20_000));
        gz[gz.length / 2] ^= 0x01;
        Read r = read(Input.file(file("flip.gz", gz)));
        assertThat(r.lines()).isGreaterThan(5000);
        assertThat(r.damage().damage()).isEqualTo(Damage.CORRUPT);
        assertThat(r.damage().compressedOffset()).isBetween((long) gz.length / 2, (long) gz.length);
        assertThat(r.damage().getMessage()).startsWith("corrupt gzip data after line ");
    }

    @Test
    void aWrongTrailerChecksum_isCorrupt_afterEveryLine() throws Exception {
        byte[] gz = gzip(text(500));
        gz[gz.length - 8] ^= 0x01; // the CRC-32
        Read r = read(Input.file(file("crc.gz", gz)));
        assertThat(r.lines()).isEqualTo(500);
        assertThat(r.damage().damage()).isEqualTo(Damage.CORRUPT);
        assertThat(r.damage().compressedOffset()).isEqualTo(gz.length - 8);
        assertThat(r.damage().detail()).startsWith("checksum mismatch");
    }

    @Test
    void damagedHeader_isCorruptBeforeTheFirstLine() throws Exception {
        byte[] gz = gzip(text(10));
        gz[2] = 9; // compression method: only 8 (deflate) exists
        Read r = read(Input.file(file("hdr.gz", gz)));
        assertThat(r.lines()).isZero();
        assertThat(r.damage().getMessage()).isEqualTo(
                "corrupt gzip data before the first line (compressed byte 2: unknown compression method 9): no line could be read");
        assertThatThrownBy(() -> Input.file(dir.resolve("hdr.gz")).checkReadable()).isInstanceOf(CompressedDataException.class)
                .hasMessageEndingWith("no line could be read");
    }

    @Test
    void headerCutShort_isTruncatedBeforeTheFirstLine() throws Exception {
        Read r = read(Input.file(file("h.gz", Arrays.copyOf(gzip(text(10)), 6))));
        assertThat(r.lines()).isZero();
        assertThat(r.damage().damage()).isEqualTo(Damage.TRUNCATED);
        assertThat(r.damage().compressedOffset()).isEqualTo(6);
    }

    @Test
    void emptyGzip_andZeroByteGz_haveNoLineAndNoDamage() throws Exception {
        assertThat(read(Input.file(file("empty.gz", gzip(new byte[0]))))).isEqualTo(new Read(0, false, null, null));
        assertThat(read(Input.file(file("zero.gz", new byte[0])))).isEqualTo(new Read(0, false, null, null));
    }

    @Test
    void gzipOfABinaryFile_isReadWithoutError() throws Exception {
        byte[] binary = new byte[300_000];
        new Random(5).nextBytes(binary);
        Read r = read(Input.file(file("bin.gz", gzip(binary))));
        assertThat(r.damage()).isNull();
        assertThat(r.lines()).isEqualTo(newlines(binary, binary.length) + 1); // the last has no newline
    }

    @Test
    void aGzNameOnPlainText_isReadAsText() throws Exception {
        Read r = read(Input.file(file("plain.gz", text(100))));
        assertThat(r).isEqualTo(new Read(100, false, new String(text(100), StandardCharsets.UTF_8).lines()
                .reduce((x, y) -> y).orElseThrow(), null));
    }

    /** What commons-compress's bzip2 decoder gives one byte at a time before it fails: every byte it can. */
    private static long bzip2DecodableLines(byte[] bz) {
        long n = 0;
        try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(bz), true)) {
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    n++;
                }
            }
        } catch (IOException expected) {
            // the damage
        }
        return n;
    }

    @Test
    void truncatedBzip2_everyLineItsDecoderGivesIsRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new BZip2CompressorOutputStream(out, 1)) { // 100 KB blocks: several
            z.write(text(20_000));
        }
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() * 2 / 3);
        Read r = read(Input.file(file("a.bz2", cut)));
        assertThat(r.damage().damage()).isEqualTo(Damage.TRUNCATED);
        assertThat(r.damage().compressedOffset()).isEqualTo(cut.length);
        assertThat(r.damage().completeLines()).isEqualTo(bzip2DecodableLines(cut)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xz", "zstd"})
    void truncatedXzAndZstd_theLinesBeforeTheDamageAreRead_thenItIsReported(String format) throws Exception {
        // zstd's decoder hands out data a window (2 MiB) behind: enough text that a cut leaves lines before it
        int lines = format.equals("xz") ? 60_000 : 200_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = format.equals("xz") ? new XZCompressorOutputStream(out, 0)
                : new io.airlift.compress.zstd.ZstdOutputStream(out)) {
            z.write(text(lines));
        }
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() * 2 / 3);
        Read r = read(Input.file(file("a." + format, cut)));
        assertThat(r.damage().compression()).isEqualTo(format);
        assertThat(r.damage().damage()).isEqualTo(Damage.TRUNCATED);
        assertThat(r.damage().compressedOffset()).isEqualTo(cut.length);
        assertThat(r.lines()).isPositive().isLessThan(lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bz2", "xz", "zst"})
    void bytesFlippedOrGarbledHeader_inBzip2XzZstd_isDamage_neverAnUncheckedException(String ext) throws Exception {
        byte[] data = text(5000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = switch (ext) {
            case "bz2" -> new BZip2CompressorOutputStream(out);
            case "xz" -> new XZCompressorOutputStream(out);
            default -> new io.airlift.compress.zstd.ZstdOutputStream(out);
        }) {
            z.write(data);
        }
        byte[] flipped = out.toByteArray();
        for (int i = flipped.length / 3; i < flipped.length / 3 + 16; i++) {
            flipped[i] ^= (byte) 0xA5;
        }
        Read r = read(Input.file(file("flip." + ext, flipped)));
        assertThat(r.damage()).as(ext + " flipped").isNotNull();
        byte[] garbled = Arrays.copyOf(out.toByteArray(), out.size());
        for (int i = 6; i < Math.min(40, garbled.length); i++) { // after the longest magic (xz: 6 bytes)
            garbled[i] = (byte) 0x5A;
        }
        Read g = read(Input.file(file("garbled." + ext, garbled)));
        assertThat(g.damage()).as(ext + " garbled header").isNotNull();
        assertThat(g.lines()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A pipe: each read hands out what one write put in, and nothing is ever said to be available. */
    private static final class OneChunkAtATime extends InputStream {
        private final byte[][] chunks;
        private int chunk;
        private int pos;

        OneChunkAtATime(byte[]... chunks) {
            this.chunks = chunks;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (chunk == chunks.length) {
                return -1;
            }
            int n = Math.min(len, chunks[chunk].length - pos);
            System.arraycopy(chunks[chunk], pos, b, off, n);
            pos += n;
            if (pos == chunks[chunk].length) {
                chunk++;
                pos = 0;
            }
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
