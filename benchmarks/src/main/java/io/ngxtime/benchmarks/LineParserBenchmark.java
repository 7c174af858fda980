package io.ngxtime.benchmarks;

import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.Preset;
import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lines per second of the compiled parser on the {@code timing} preset, side by side with the ANTLR
 * reference parse of the same lines and with a plain scan of their bytes (the floor). One operation is
 * one line. Run with {@code -prof gc} to see allocation per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LineParserBenchmark {
    private static final int LINES = 4096;

    private byte[][] lines;
    private LineParser parser;
    private LogRecord record;
    private ReferenceLineParser reference;
    private int next;

    @Setup
    public void setup() {
        LogFormat format = Preset.TIMING.format();
        parser = format.newParser();
        record = format.newRecord();
        reference = new ReferenceLineParser(format);
        lines = TimingLines.make(LINES, new SplittableRandom(42));
        for (byte[] l : lines) {
            if (!parser.parse(l, 0, l.length, record)) {
                throw new IllegalStateException("benchmark line does not parse: " + new String(l, StandardCharsets.UTF_8));
            }
        }
    }

    private byte[] nextLine() {
        byte[] l = lines[next];
        next = (next + 1) & (LINES - 1);
        return l;
    }

    @Benchmark
    public long compiledParser() {
        byte[] l = nextLine();
        parser.parse(l, 0, l.length, record);
        return record.requestTimeMicros() + record.attemptCount();
    }

    @Benchmark
    public boolean antlrReference() {
        byte[] l = nextLine();
        return reference.parse(l, 0, l.length).accepted();
    }

    /** The floor: touch every byte of the line once. */
    @Benchmark
    public int scanBytes() {
        byte[] l = nextLine();
        int quotes = 0;
        for (byte b : l) {
            if (b == '"') {
                quotes++;
            }
        }
        return quotes;
    }
}
