package io.ngxtime.benchmarks;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.files.TempDirectories;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchDecoder;
import io.ngxtime.analyzer.queue.BatchEncoder;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.queue.SourceCheckpoint;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second into and out of the Chronicle record queue, side by side: encoding parsed lines
 * into batches and appending them; reading batches back and decoding them; decoding and aggregating.
 * One operation is one record. The JVM flags Chronicle needs come from the fork's jvmArgsAppend.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED", "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true"})
public class QueueBenchmark {
    static final int RECORDS_PER_BATCH = 1024;

    private Path dir;
    private RecordStore store;
    private LogRecord[] records;
    private BatchEncoder encoder;
    private byte[] batch;
    private int batchLength;
    private final BatchDecoder decoder = new BatchDecoder();
    private final Batch decoded = new Batch();
    private Aggregation aggregation;
    private RecordStore.BatchReader reader;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        RecordStore.disableAnalytics();
        LogFormat format = Preset.TIMING.format();
        byte[][] lines = TimingLines.make(RECORDS_PER_BATCH, new SplittableRandom(7));
        records = new LogRecord[lines.length];
        LineParser p = format.newParser();
        for (int i = 0; i < lines.length; i++) {
            records[i] = format.newRecord();
            if (!p.parse(lines[i], 0, lines[i].length, records[i])) {
                throw new IllegalStateException("line does not parse");
            }
        }
        encoder = new BatchEncoder(format);
        for (LogRecord r : records) {
            encoder.add(r);
        }
        int n = encoder.finish(List.of(new SourceCheckpoint(io.ngxtime.analyzer.source.Fingerprint.firstLineOnly(1), "bench", 0, 0)), Long.MIN_VALUE);
        batch = java.util.Arrays.copyOf(encoder.encoded(), n);
        batchLength = n;
        dir = Files.createTempDirectory("ngxtime-bench-");
        store = RecordStore.open(dir);
        aggregation = new Aggregation();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (reader != null) {
            reader.close();
        }
        store.close();
        System.out.printf("%n[queue] %d bytes per record on disk (encoded batch of %d records: %d bytes)%n",
                Math.round((double) (batchLength + 4) / RECORDS_PER_BATCH), RECORDS_PER_BATCH, batchLength);
        TempDirectories.deleteTree(dir);
    }

    /** Encode 1,024 parsed records into a batch and append it as one excerpt. */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_BATCH)
    public void encodeAndAppend() throws IOException {
        for (LogRecord r : records) {
            encoder.add(r);
        }
        int n = encoder.finish(List.of(new SourceCheckpoint(io.ngxtime.analyzer.source.Fingerprint.firstLineOnly(1), "bench", 0, 0)), Long.MIN_VALUE);
        store.append(encoder.encoded(), n);
    }

    /** Decode a batch of 1,024 records (no queue I/O). */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_BATCH)
    public int decode() {
        return decoder.decode(batch, 0, batchLength, decoded).size();
    }

    /** Decode a batch and feed every aggregator of a report. */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_BATCH)
    public long decodeAndAggregate() {
        Batch b = decoder.decode(batch, 0, batchLength, decoded);
        for (int i = 0; i < b.size(); i++) {
            aggregation.add(b.request(i));
        }
        return aggregation.summary().requests();
    }
}
