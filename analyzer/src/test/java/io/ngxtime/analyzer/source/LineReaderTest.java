package io.ngxtime.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.testutil.DamagedStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private record Line(String text, long number, boolean tooLong, long offset, long next) {
    }

    private static List<Line> read(InputStream in, int max, boolean partial) throws IOException {
        List<Line> out = new ArrayList<>();
        LineReader r = new LineReader(in, max, partial);
        while (r.next()) {
            out.add(new Line(new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), StandardCharsets.ISO_8859_1),
                    r.lineNumber(), r.isTooLong(), r.lineStreamOffset(), r.nextLineStreamOffset()));
        }
        return out;
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void next_splitsOnNewline_keepsCrForTheParser_andReadsALastLineWithoutNewline() throws IOException {
        List<Line> lines = read(bytes("a\r\nbb\n\nccc"), 64, true);
        assertThat(lines).extracting(Line::text).containsExactly("a\r", "bb", "", "ccc");
        assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines).extracting(Line::offset).containsExactly(0L, 3L, 6L, 7L);
        assertThat(lines).extracting(Line::next).containsExactly(3L, 6L, 7L, 10L);
    }

    @Test
    void next_followMode_holdsBackAPartialLastLine() throws IOException {
        LineReader r = new LineReader(bytes("one\ntw"), 64, false);
        assertThat(r.next()).isTrue();
        assertThat(r.next()).isFalse();
        assertThat(r.pendingBytes()).isEqualTo(2);
    }

    @Test
    void next_completeLinesOnly_anUnfinishedTooLongLineIsNotEmittedBeforeItsNewline() throws IOException {
        LineReader r = new LineReader(bytes("a1\n" + "x".repeat(100)), 64, false);
        assertThat(r.next()).isTrue();
        assertThat(r.nextLineStreamOffset()).isEqualTo(3);
        assertThat(r.next()).as("the long line has no newline yet").isFalse();
    }

    @Test
    void next_tooLongLine_isSkippedWithASampleAndTheNextLineIsIntact() throws IOException {
        String longLine = "x".repeat(5000);
        List<Line> lines = read(bytes("short\n" + longLine + "\nafter\n"), 100, true);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).text()).hasSize(100);
        assertThat(lines.get(1).next()).isEqualTo(6 + 5001);
        assertThat(lines.get(2).text()).isEqualTo("after");
        assertThat(lines.get(2).tooLong()).isFalse();
        assertThat(lines.get(2).number()).isEqualTo(3);
    }

    @Test
    void next_tooLongLineLongerThanTheBuffer_isNeverHeldWhole() throws IOException {
        // 5 MiB line in a stream that trickles small chunks: must not be buffered whole
        int size = 5 << 20;
        InputStream huge = new InputStream() {
            private int pos;
            private final byte[] tail = "\nend\n".getBytes(StandardCharsets.ISO_8859_1);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size + tail.length) {
                    return -1;
                }
                int n = Math.min(len, 7777);
                for (int i = 0; i < n; i++, pos++) {
                    if (pos >= size + tail.length) {
                        return i;
                    }
                    b[off + i] = pos < size ? (byte) 'y' : tail[pos - size];
                }
                return n;
            }
        };
        List<Line> lines = read(huge, 65536, true);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).tooLong()).isTrue();
        assertThat(lines.get(0).next()).isEqualTo(size + 1L);
        assertThat(lines.get(1).text()).isEqualTo("end");
        assertThat(lines.get(1).offset()).isEqualTo(size + 1L);
    }

    @Test
    void next_linesAcrossManyBufferRefills_areExact() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append("line-").append(i).append(" ").append("z".repeat(i % 97)).append('\n');
        }
        List<Line> lines = read(bytes(sb.toString()), 1024, true);
        assertThat(lines).hasSize(100_000);
        for (int i = 0; i < lines.size(); i += 9973) {
            assertThat(lines.get(i).text()).isEqualTo("line-" + i + " " + "z".repeat(i % 97));
        }
    }

    private static final CompressedDataException TRUNCATED = DamagedStream.truncatedGzip(1234);

    @Test
    void damage_afterALineCutShort_theCutLineIsFlagged_thenTheDamageIsThrownLocated_andAgain() throws Exception {
        LineReader r = new LineReader(DamagedStream.after("one\ntwo\nthr", TRUNCATED), 64, false);
        List<String> lines = new ArrayList<>();
        List<Boolean> cut = new ArrayList<>();
        CompressedDataException thrown = null;
        try {
            while (r.next()) {
                lines.add(new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), StandardCharsets.UTF_8));
                cut.add(r.isCut());
            }
        } catch (CompressedDataException e) {
            thrown = e;
        }
        // handed out although the reader leaves partial last lines for later: the rest will never come
        assertThat(lines).containsExactly("one", "two", "thr");
        assertThat(cut).containsExactly(false, false, true);
        assertThat(thrown).isNotNull();
        assertThat(thrown.completeLines()).isEqualTo(2);
        assertThat(thrown.lineCut()).isTrue();
        assertThat(r.nextLineStreamOffset()).isEqualTo(11);
        org.assertj.core.api.Assertions.assertThatThrownBy(r::next).isInstanceOf(CompressedDataException.class);
    }

    @Test
    void damage_rightAfterANewline_noLineIsCut_theDamageFollowsTheLastLine() throws Exception {
        LineReader r = new LineReader(DamagedStream.after("one\ntwo\n", TRUNCATED));
        assertThat(r.next()).isTrue();
        assertThat(r.next()).isTrue();
        assertThat(r.isCut()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(r::next).isInstanceOf(CompressedDataException.class)
                .hasMessage("truncated gzip data after line 2 (compressed byte 1,234): the lines before it are counted");
    }

    @Test
    void damage_insideATooLongLine_itsSampleIsFlaggedCutAndTooLong() throws Exception {
        LineReader r = new LineReader(DamagedStream.after("ok\n" + "x".repeat(100), TRUNCATED), 16, true);
        assertThat(r.next()).isTrue();
        assertThat(r.next()).isTrue();
        assertThat(r.isTooLong()).isTrue();
        assertThat(r.isCut()).isTrue();
        assertThat(r.lineEnd() - r.lineStart()).isEqualTo(16);
        org.assertj.core.api.Assertions.assertThatThrownBy(r::next).isInstanceOf(CompressedDataException.class)
                .satisfies(e -> assertThat(((CompressedDataException) e).completeLines()).isEqualTo(1));
    }
}
