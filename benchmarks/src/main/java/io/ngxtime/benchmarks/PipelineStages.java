package io.ngxtime.benchmarks;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.files.TempDirectories;
import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.ingest.LineSink;
import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.BatchEncoder;
import io.ngxtime.analyzer.queue.RecordStore;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import io.ngxtime.grammar.Preset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the time of one report goes, stage by stage, on the first lines of a real log held in memory
 * (no disk reads): split lines; + parse; + encode batches; + append them to a queue; read the queue
 * back and decode; decode and aggregate. Each stage runs alone on one thread, several rounds (the best
 * is printed), so the per-line cost of each step is the difference between two rows measured in one run.
 *
 * Given an ingested queue directory instead of a log, only the queue stages run (on all of it).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar [Chronicle flags] io.ngxtime.benchmarks.PipelineStages FILE [LINES]</pre>
 */
public final class PipelineStages {
    private static final int ROUNDS = 4;

    private PipelineStages() {
    }

    public static void main(String[] args) throws IOException {
        RecordStore.disableAnalytics();
        if (args.length < 2) {
            System.err.println("usage: PipelineStages FILE|QUEUE_DIR STAGE [LINES]   stages: split parse encode append decode aggregate");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String stage = args[1];
        if (Files.isDirectory(file)) { // an ingested queue: only the reading stages
            long n = readQueue(file, null);
            switch (stage) {
                case "decode" -> report("queue: read + decode", n, () -> readQueue(file, null));
                case "aggregate" -> report("queue: read + decode + aggregate", n, () -> readQueue(file, new Aggregation()));
                default -> throw new IllegalArgumentException("a queue has only the stages decode and aggregate");
            }
            return;
        }
        long maxLines = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        byte[] data = head(file, maxLines);
        LogFormat format = Preset.TIMING.format();
        long lines = count(data);
        switch (stage) {
            case "split" -> report("split lines", lines, () -> split(data));
            case "parse" -> report("+ parse", lines, () -> parse(data, format, null));
            case "encode" -> report("+ encode", lines, () -> parse(data, format, new BatchEncoder(format)));
            case "encode2" -> {
                // the same work split between two threads, each on its own half of the lines
                int mid = data.length / 2;
                while (data[mid - 1] != '\n') {
                    mid++;
                }
                byte[] first = java.util.Arrays.copyOfRange(data, 0, mid);
                byte[] second = java.util.Arrays.copyOfRange(data, mid, data.length);
                report("+ encode, 2 threads", lines, () -> {
                    Thread t = new Thread(() -> {
                        try {
                            parse(second, format, new BatchEncoder(format));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    t.start();
                    parse(first, format, new BatchEncoder(format));
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            case "append" -> {
                Path dir = Files.createTempDirectory("ngxtime-stages-");
                try {
                    report("+ append to the queue", lines, () -> {
                        TempDirectories.deleteTree(dir);
                        try (RecordStore store = RecordStore.open(dir)) {
                            append(data, format, store);
                        }
                    });
                } finally {
                    TempDirectories.deleteTree(dir);
                }
            }
            default -> throw new IllegalArgumentException("unknown stage " + stage);
        }
    }

    interface Stage {
        void run() throws IOException;
    }

    private static void report(String name, long lines, Stage s) throws IOException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            s.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("%-36s %,12.0f lines/s  %7.3f us/line%n", name, lines * 1e9 / best, best / 1e3 / lines);
    }

    private static byte[] head(Path file, long maxLines) throws IOException {
        try (InputStream in = io.ngxtime.analyzer.source.Input.file(file).open()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            LineReader r = new LineReader(in);
            long n = 0;
            while (n < maxLines && r.next()) {
                out.write(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart());
                out.write('\n');
                n++;
            }
            return out.toByteArray();
        }
    }

    private static long count(byte[] data) {
        long n = 0;
        for (byte b : data) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static long split(byte[] data) throws IOException {
        LineReader r = new LineReader(new ByteArrayInputStream(data));
        long sum = 0;
        while (r.next()) {
            sum += r.lineEnd() - r.lineStart();
        }
        return sum;
    }

    private static long parse(byte[] data, LogFormat format, BatchEncoder encoder) throws IOException {
        InputParser reader = new InputParser(format);
        long[] accepted = new long[1];
        LineSink sink = new LineSink() {
            @Override
            public void accept(LogRecord record) {
                accepted[0]++;
                if (encoder != null) {
                    encoder.add(record);
                    if (encoder.isFull()) {
                        encoder.finish(List.of(), Long.MIN_VALUE);
                    }
                }
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                if (encoder != null) {
                    encoder.reject(source, lineNumber, error, b, from, to);
                }
            }
        };
        LineReader lines = new LineReader(new ByteArrayInputStream(data));
        while (lines.next()) {
            reader.line(lines, "bench", 0, sink);
        }
        return accepted[0];
    }

    private static long append(byte[] data, LogFormat format, RecordStore store) throws IOException {
        io.ngxtime.analyzer.queue.QueueIngester ingester = new io.ngxtime.analyzer.queue.QueueIngester(store, format,
                LineReader.DEFAULT_MAX_LINE_BYTES, false);
        LineReader lines = new LineReader(new ByteArrayInputStream(data));
        io.ngxtime.analyzer.source.FileHead head = io.ngxtime.analyzer.source.FileHead.of(data, data.length);
        return ingester.read(lines, io.ngxtime.analyzer.source.Input.file(Path.of("bench")), head, 0, 0, () -> false);
    }

    private static long readQueue(Path dir, Aggregation aggregation) throws IOException {
        long n = 0;
        try (RecordStore store = RecordStore.openForReading(dir); RecordStore.BatchReader reader = store.reader(null)) {
            Batch b;
            while ((b = reader.next()) != null) {
                n += b.size();
                if (aggregation != null) {
                    for (int i = 0; i < b.size(); i++) {
                        aggregation.add(b.request(i));
                    }
                }
            }
        }
        return n;
    }
}
