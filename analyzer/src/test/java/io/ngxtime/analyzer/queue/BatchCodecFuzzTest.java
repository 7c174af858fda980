package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.Preset;
import io.ngxtime.grammar.conf.NginxConfReader;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the queue's batch codec ({@link BatchEncoder}, {@link BatchDecoder}). Any
 * batch of parsed lines, rejected lines, notes and checkpoints decodes to exactly what was encoded; and
 * decoding any bytes gives a batch or throws {@link CorruptBatchException}, nothing else, allocating no
 * more than a small multiple of the bytes given (a count of 2^31 in ten bytes must not allocate 2 GB).
 *
 * <p>An input of {@link #anyBatch_decodesToWhatWasEncoded} is one byte naming the format ({@code a} is
 * the first of {@link #FORMATS}; any byte works, taken modulo their number), then log lines separated by
 * {@code \n}. An input of {@link #anyBytes_decodeOrThrowCorruptBatchException} is one byte, then the
 * batch's bytes: when the first byte is odd the decoder is given them followed by their valid checksum,
 * so that fuzzing reaches past the checksum. Every build replays the inputs under
 * {@code src/test/resources/io/ngxtime/analyzer/queue/BatchCodecFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (README, "Fuzzing").
 */
class BatchCodecFuzzTest {
    /** The formats, in a fixed order (inputs name them by position: append, never reorder). */
    static final List<LogFormat> FORMATS = List.of(Preset.TIMING.format(), Preset.COMBINED.format(),
            Preset.MAIN.format(), Preset.UPSTREAMINFO.format(), Preset.COMMON.format(),
            NginxConfReader.parse("log_format json escape=json '{\"time\":\"$time_iso8601\",\"addr\":\"$remote_addr\","
                    + "\"method\":\"$request_method\",\"uri\":\"$request_uri\",\"protocol\":\"$server_protocol\","
                    + "\"status\":$status,\"bytes\":$body_bytes_sent,\"rt\":$request_time,\"host\":\"$host\","
                    + "\"ua\":\"$upstream_addr\",\"us\":\"$upstream_status\",\"urt\":\"$upstream_response_time\","
                    + "\"agent\":\"$http_user_agent\",\"cache\":\"$upstream_cache_status\"}';", "fuzz").get(0));
    /** Bytes a decode may allocate beyond {@value} per byte of input, plus {@link #ALLOCATION_BASE_BYTES}. */
    private static final long ALLOCATION_PER_INPUT_BYTE = 256;
    private static final long ALLOCATION_BASE_BYTES = 1 << 20;

    @FuzzTest(maxDuration = "5m")
    void anyBatch_decodesToWhatWasEncoded(byte[] input) {
        if (input.length == 0) {
            return;
        }
        LogFormat format = FORMATS.get(Math.floorMod(input[0] - 'a', FORMATS.size()));
        LineParser parser = format.newParser();
        LogRecord record = format.newRecord();
        ReferenceLineParser reference = new ReferenceLineParser(format);
        BatchEncoder encoder = new BatchEncoder(format);
        List<String> expected = new ArrayList<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        List<LineSample> samples = new ArrayList<>();
        List<LineSample> notes = new ArrayList<>();
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        long lineNumber = 0;
        for (int from = 1, to; from <= input.length; from = to + 1) {
            to = indexOf(input, (byte) '\n', from);
            lineNumber++;
            if (to > from && parser.parse(input, from, to, record)) {
                encoder.add(record);
                expected.add(describe(RecordConverter.convert(record, new Request())));
                if (record.hasTime()) {
                    minTime = Math.min(minTime, record.timeMillis());
                    maxTime = Math.max(maxTime, record.timeMillis());
                }
                if (!record.upstreamListsConsistent()) {
                    encoder.note("fuzz.log", lineNumber, InputParser.INCONSISTENT_UPSTREAM_LISTS, input, from, to);
                    keep(notes, new LineSample("fuzz.log", lineNumber, InputParser.INCONSISTENT_UPSTREAM_LISTS,
                            text(input, from, to)));
                }
            } else {
                ParseError error = to == from ? ParseError.emptyLine() : reference.diagnose(input, from, to);
                encoder.reject("fuzz.log", lineNumber, error, input, from, to);
                reasons.merge(error.reason(), 1L, Long::sum);
                keep(samples, new LineSample("fuzz.log", lineNumber, error.message(), text(input, from, to)));
            }
        }
        List<SourceCheckpoint> checkpoints = List.of(
                new SourceCheckpoint(new io.ngxtime.analyzer.source.Fingerprint(Arrays.hashCode(input),
                        input.length % (io.ngxtime.analyzer.source.Fingerprint.MAX_BYTES + 1), input.length),
                        "fuzz.log", input.length - 1, lineNumber, input.length),
                new SourceCheckpoint(io.ngxtime.analyzer.source.Fingerprint.firstLineOnly(0), null, 0, 0));
        long runningMaxTime = input.length % 2 == 0 ? Long.MIN_VALUE : 1_791_665_736_000L;
        int n = encoder.finish(checkpoints, runningMaxTime);
        byte[] encoded = Arrays.copyOf(encoder.encoded(), n);

        Batch batch = new BatchDecoder().decode(encoded, 0, n, new Batch());
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            actual.add(describe(batch.request(i)));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(batch.formatName()).isEqualTo(format.name());
        assertThat(batch.logged()).isEqualTo(Logged.of(format));
        assertThat(batch.checkpoints()).isEqualTo(checkpoints);
        assertThat(batch.rejected()).isEqualTo(reasons.values().stream().mapToLong(Long::longValue).sum());
        assertThat(batch.reasons()).isEqualTo(reasons);
        assertThat(batch.samples()).isEqualTo(samples);
        assertThat(batch.noteSamples()).isEqualTo(notes);
        assertThat(batch.minTime()).isEqualTo(minTime);
        assertThat(batch.maxTime()).isEqualTo(maxTime);
        assertThat(batch.runningMaxTime()).isEqualTo(Math.max(runningMaxTime, maxTime));
        assertThat(BatchDecoder.timeRange(encoded, 0, n)).containsExactly(minTime, maxTime, Math.max(runningMaxTime, maxTime));
    }

    @FuzzTest(maxDuration = "5m")
    void anyBytes_decodeOrThrowCorruptBatchException(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] batch = Arrays.copyOfRange(input, 1, input.length + ((input[0] & 1) != 0 ? 4 : 0));
        if ((input[0] & 1) != 0) {
            int crc = BatchEncoder.checksum(batch, 0, batch.length - 4);
            for (int i = 0; i < 4; i++) {
                batch[batch.length - 4 + i] = (byte) (crc >>> (8 * i));
            }
        }
        long bound = ALLOCATION_BASE_BYTES + ALLOCATION_PER_INPUT_BYTE * batch.length;
        long allocated = decodeCountingAllocation(batch);
        if (allocated > bound) {
            // the first decode down a new path loads classes (and, fuzzing, instruments them) in this thread:
            // what the decoder itself allocates is what a second decode of the same bytes allocates
            allocated = decodeCountingAllocation(batch);
        }
        assertThat(allocated).as("bytes allocated decoding %s bytes", batch.length).isLessThanOrEqualTo(bound);
    }

    /** Decodes the bytes (reading every field) or sees them fail as corrupt; the bytes this thread allocated, 0 where not counted. */
    private static long decodeCountingAllocation(byte[] batch) {
        BatchDecoder decoder = new BatchDecoder();
        Batch out = new Batch();
        long before = allocatedBytes();
        try {
            BatchDecoder.timeRange(batch, 0, batch.length);
            decoder.decode(batch, 0, batch.length, out);
            for (int i = 0; i < out.size(); i++) {
                describe(out.request(i)); // the dictionary strings are decoded when first read
            }
        } catch (CorruptBatchException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        return before < 0 ? 0 : allocatedBytes() - before;
    }

    /** Every field a request has, as one string (fields read through their getters: lazy text is decoded). */
    static String describe(Request r) {
        return RecordStoreTest.describe(r) + "|logged " + r.logged() + "|inconsistent " + r.upstreamListsInconsistent();
    }

    /** Bytes allocated by this thread so far, or -1 where the JVM does not count them. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
            return t.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    private static void keep(List<LineSample> samples, LineSample s) {
        if (samples.size() < BatchEncoder.MAX_SAMPLES_PER_BATCH) {
            samples.add(s);
        }
    }

    /** A sample's text as the encoder keeps it: the first 1,200 bytes, decoded as UTF-8. */
    private static String text(byte[] b, int from, int to) {
        return new String(b, from, Math.min(to - from, 1200), StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return b.length;
    }
}
