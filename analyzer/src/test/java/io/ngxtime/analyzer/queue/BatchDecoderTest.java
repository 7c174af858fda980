package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.Preset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A damaged batch, even one whose checksum was made to match, is a {@link CorruptBatchException} and
 * never an allocation sized by a damaged count or an index out of an array. Each case was found by
 * {@link BatchCodecFuzzTest}.
 */
class BatchDecoderTest {
    /** Where a batch's record count is: after the magic, the version and three fixed-size times. */
    private static final int COUNT_AT = 3 + 3 * 8;

    /** A batch of one timing line, as the encoder writes it (checksum included). */
    private static byte[] oneRecordBatch() {
        LogRecord r = RecordStoreTest.TIMING.newRecord();
        Preset.TIMING.format().newParser().parse(RecordStoreTest.timingLine(1_791_665_736_123L, "/a", "curl",
                "10.0.0.1:80", "200", "0.001"), r);
        BatchEncoder enc = new BatchEncoder(RecordStoreTest.TIMING);
        enc.add(r);
        int n = enc.finish(List.of(new SourceCheckpoint(io.ngxtime.analyzer.source.Fingerprint.firstLineOnly(1), "f.log", 10, 1)), Long.MIN_VALUE);
        return Arrays.copyOf(enc.encoded(), n);
    }

    /** {@code batch} with bytes {@code [at, at + replaced)} replaced by {@code with}, and a checksum that matches. */
    private static byte[] edited(byte[] batch, int at, int replaced, byte... with) {
        byte[] body = new byte[batch.length - 4 - replaced + with.length + 4];
        System.arraycopy(batch, 0, body, 0, at);
        System.arraycopy(with, 0, body, at, with.length);
        System.arraycopy(batch, at + replaced, body, at + with.length, batch.length - 4 - at - replaced);
        int crc = BatchEncoder.checksum(body, 0, body.length - 4);
        for (int i = 0; i < 4; i++) {
            body[body.length - 4 + i] = (byte) (crc >>> (8 * i));
        }
        return body;
    }

    /** Input checksummed-count-2-pow-31: the decoder allocated 2^31 requests ('Requested array size exceeds VM limit'). */
    @Test
    void aRecordCountOf2pow31_isCorrupt_beforeAnythingIsAllocatedForIt() {
        byte[] batch = edited(oneRecordBatch(), COUNT_AT, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x07);
        assertThatThrownBy(() -> new BatchDecoder().decode(batch, 0, batch.length, new Batch()))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessageStartingWith("2147483647 records in ");
    }

    @Test
    void aVarintOverflowingToANegativeCount_isCorrupt() {
        byte[] tenBytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, 0x01};
        byte[] batch = edited(oneRecordBatch(), COUNT_AT, 1, tenBytes);
        assertThatThrownBy(() -> new BatchDecoder().decode(batch, 0, batch.length, new Batch()))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessage("value too large: 18446744073709551615");
    }

    @Test
    void anEscapeModeOutOfRange_isCorrupt() {
        byte[] good = oneRecordBatch();
        int escapeAt = COUNT_AT + 1 + 1 + "timing".length();
        byte[] batch = edited(good, escapeAt, 1, (byte) 9);
        assertThatThrownBy(() -> new BatchDecoder().decode(batch, 0, batch.length, new Batch()))
                .isInstanceOf(CorruptBatchException.class)
                .hasMessage("escape mode 9");
    }
}
