package io.ngxtime.spark;

import io.ngxtime.analyzer.Baseline;
import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.Comparisons;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Compression;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogFormats;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The report of {@code ngxtime report} as a Spark job: the same {@link Report}, number for number.
 *
 * <ol>
 * <li>On the driver, the inputs are made ready as on one machine ({@link InputSet}: probed, the format given
 *     or detected, ordered by first timestamp), then cut into {@link FileSplit}s: a compressed file is one
 *     (gzip cannot be split), a plain file is cut into ranges of {@link Request#splitBytes} at line
 *     boundaries ({@link SplitReader}), except with a time window (a rejected line takes its time from the
 *     request before it in the same file, so a windowed run reads each file in one task).</li>
 * <li>First pass: each task parses its splits with the project's parser and aggregates them as a
 *     single-machine direct pass does; the aggregations are merged by tree aggregation, each split's
 *     outcome (lines, rejected lines by reason, first samples) comes along. On the driver, the samples are put
 *     in reading order (file, then line: a split's line numbers are offset by the lines of the splits before
 *     it), the first N kept, and the report built.</li>
 * <li>Second pass, when there are peaks: the requests of the peaks' spans, attributed per task and merged
 *     the same way; third, with a baseline: the requests of the baseline window.</li>
 * </ol>
 *
 * <p>Inputs are local paths, which every executor must see at the paths the driver resolved (a shared file
 * system on a cluster), or URLs read through Hadoop's file systems ({@link HadoopFiles}: {@code hdfs://},
 * {@code s3a://}, {@code file://}), opened the same way on the driver and the executors. Standard input and the
 * rejects file are not supported.
 */
public final class SparkReport {
    /** Splits of plain files, by default: Hadoop's block size. */
    public static final long DEFAULT_SPLIT_BYTES = 128L << 20;

    /**
     * What to report.
     *
     * @param splitBytes the most bytes of a plain file one split reads
     * @param tasks      how many tasks read the splits (0: as many as the data and the cluster call for;
     *                   never more than the splits)
     */
    public record Request(TimeWindow window, RequestFilter filter, Baseline baseline,
                          int peaks, int samples, int maxLineBytes, long splitBytes, int tasks) {
        public Request {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(baseline, "baseline");
            if (peaks < 0 || samples < 0 || maxLineBytes < 1 || splitBytes < 1 || tasks < 0) {
                throw new IllegalArgumentException("peaks, samples and tasks must be 0 or more, the sizes 1 or more: "
                        + peaks + ", " + samples + ", " + maxLineBytes + ", " + splitBytes + ", " + tasks);
            }
            baseline.resolve(window);
        }
    }

    /**
     * The report, the inputs that could not be read (fully), the lines read and rejected per input (as
     * {@code report} gives them), and what the job did ({@link JobSummary}).
     */
    public record Result(Report report, List<InputError> inputErrors, List<InputLines> inputLines, JobSummary summary) {
    }

    /**
     * How the job read the inputs.
     *
     * @param largestWhole the compressed input read by one task that holds the largest share of the data, or null
     * @param largestWholeShare its share of the (estimated, decompressed) bytes
     */
    public record JobSummary(int inputs, int splits, int tasks, String largestWhole, double largestWholeShare) {
        /** A compressed file holds so much of the data that its one task bounds how fast the run can be. */
        public boolean limitedByOneFile() {
            return largestWhole != null && tasks > 1 && largestWholeShare > 2.0 / tasks;
        }
    }

    private SparkReport() {
    }

    /**
     * Runs the job on {@code spark} over files made ready as {@code report} makes them ({@link InputSet#probe},
     * {@link InputSet#resolve}: the one place that detects the format and orders the inputs).
     *
     * @throws IllegalArgumentException when the inputs include standard input (it cannot be shipped to a cluster)
     */
    public static Result run(JavaSparkContext spark, InputSet set, Request request) {
        return run(spark, set, request, null);
    }

    /**
     * Runs the job as {@link #run(JavaSparkContext, InputSet, Request)} does, over inputs some of which may be
     * named by URL and made with {@code hadoop} ({@link HadoopFiles#input}): the executors open those through it.
     *
     * @param hadoop the job's Hadoop file systems, or null when every input is a local path
     */
    static Result run(JavaSparkContext spark, InputSet set, Request request, HadoopFiles hadoop) {
        if (set.inputs().stream().anyMatch(Input::isStdin)) {
            throw new IllegalArgumentException("standard input cannot be read by a Spark job: give files");
        }
        LogFormat format = set.format();
        List<InputError> errors = new ArrayList<>(set.errors());
        if (format == null) {
            Report none = new Aggregation(request.samples(), request.filter()).report(List.of(), "none", 0);
            return new Result(none, errors, List.of(), new JobSummary(0, 0, 0, null, 0));
        }
        List<Input> inputs = set.inputs();
        List<FileSplit> splits = split(inputs, hadoop, request.window().isBounded(), request.splitBytes(), errors);
        int tasks = tasks(spark, request, splits, inputs, hadoop);
        SplitPass pass = new SplitPass(ShippedFormat.of(format), request.maxLineBytes(), request.samples(), request.window(),
                request.filter(), hadoop);
        JavaRDD<FileSplit> rdd = spark.parallelize(splits, Math.max(1, tasks));

        PartialReport first = rdd.mapPartitions((Iterator<FileSplit> it) -> {
            PartialReport part = new PartialReport(new Aggregation(0, pass.filter()), List.of());
            it.forEachRemaining(s -> part.merge(pass.first(s)));
            return List.of(part).iterator();
        }).treeReduce(PartialReport::merge);

        Aggregation aggregation = new Aggregation(request.samples(), request.filter());
        aggregation.logged(Logged.of(format));
        aggregation.merge(first.aggregation());
        List<InputLines> inputLines = inSplitOrder(first.splits(), aggregation, request.samples(), errors);
        Report report = aggregation.report(set.names(), format.name(), request.peaks());

        int offset = report.traffic().offsetSeconds();
        if (!report.peaks().isEmpty()) {
            List<PeakWindow> windows = report.peaks().stream().map(PeakReport::window).toList();
            PeakAttribution attribution = rdd.map(s -> pass.peaks(s, windows)).treeReduce((a, b) -> {
                a.merge(b);
                return a;
            });
            report = report.withPeaks(attribution.reports(offset));
        }
        TimeWindow baseline = request.baseline().resolve(request.window()).orElse(null);
        if (baseline != null) {
            Aggregation inBaseline = rdd.map(s -> pass.baseline(s, baseline)).treeReduce((a, b) -> {
                a.merge(b);
                return a;
            });
            report = report.withComparison(Comparisons.compare(aggregation, inBaseline,
                    Math.floorDiv(baseline.fromMillis(), 1000), Math.floorDiv(baseline.toMillis(), 1000)));
        }
        return new Result(report, errors, inputLines, summary(inputs, splits, tasks, hadoop));
    }

    /**
     * The splits' outcomes in reading order: their samples numbered in their file and the first N given to
     * {@code aggregation}, their lines summed per input, their read errors said as one machine says them.
     */
    private static List<InputLines> inSplitOrder(List<SplitOutcome> outcomes, Aggregation aggregation, int samples,
                                                 List<InputError> errors) {
        List<SplitOutcome> ordered = new ArrayList<>(outcomes);
        ordered.sort(Comparator.comparingInt(o -> o.split().index()));
        List<LineSample> rejectSamples = new ArrayList<>();
        List<LineSample> noteSamples = new ArrayList<>();
        Map<String, long[]> lines = new LinkedHashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        Map<Integer, Long> linesBefore = new HashMap<>();
        for (SplitOutcome o : ordered) {
            long base = linesBefore.getOrDefault(o.split().inputIndex(), 0L);
            linesBefore.put(o.split().inputIndex(), base + o.lines());
            for (LineSample s : o.rejectSamples()) {
                if (rejectSamples.size() < samples) {
                    rejectSamples.add(new LineSample(s.source(), s.line() + base, s.message(), s.text()));
                }
            }
            for (LineSample s : o.noteSamples()) {
                if (noteSamples.size() < samples) {
                    noteSamples.add(new LineSample(s.source(), s.line() + base, s.message(), s.text()));
                }
            }
            String name = o.split().name();
            if (o.lines() > 0) {
                long[] counts = lines.computeIfAbsent(name, k -> new long[2]);
                counts[0] += o.lines();
                counts[1] += o.rejected();
                Map<String, Long> byReason = reasons.computeIfAbsent(name, k -> new HashMap<>());
                o.reasons().forEach((k, v) -> {
                    String key = !byReason.containsKey(k) && byReason.size() >= Rejects.MAX_REASONS ? Rejects.OTHER_REASONS : k;
                    byReason.merge(key, v, Long::sum);
                });
            }
            if (o.readError() != null) {
                long read = base + o.linesBeforeError();
                errors.add(new InputError(name, o.readError() + (read > 0 && !o.located() ? "; read " + read + " lines before it" : "")));
            }
        }
        aggregation.addRejects(0, Map.of(), rejectSamples);
        noteSamples.forEach(aggregation::noteSample);
        List<InputLines> out = new ArrayList<>();
        lines.forEach((name, c) -> out.add(new InputLines(name, c[0], c[1], topReason(reasons.get(name)))));
        return out;
    }

    /** The most frequent reason (ties: the first in alphabetical order), or null; as a single machine picks it. */
    private static String topReason(Map<String, Long> reasons) {
        return reasons.entrySet().stream()
                .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The inputs cut into splits, in reading order: a compressed file (by its first bytes, whatever its
     * name) whole, a plain one in ranges of {@code splitBytes} (whole when {@code whole}: a windowed run).
     */
    static List<FileSplit> split(List<Input> inputs, HadoopFiles hadoop, boolean whole, long splitBytes, List<InputError> errors) {
        List<FileSplit> splits = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            boolean local = in.path() != null;
            String path = local ? in.path().toString() : in.name();
            long size;
            boolean compressed;
            try (InputStream raw = local ? Files.newInputStream(in.path()) : hadoop.open(path, 0)) {
                BufferedInputStream buffered = new BufferedInputStream(raw);
                compressed = Compression.decompress(buffered) != buffered;
                size = local ? Files.size(in.path()) : hadoop.size(path);
            } catch (IOException e) {
                errors.add(new InputError(in.name(), IoErrorText.describe(e)));
                continue;
            }
            if (compressed || whole || size <= splitBytes) {
                splits.add(new FileSplit(splits.size(), i, path, in.name(), 0, size, true));
                continue;
            }
            for (long start = 0; start < size; start += splitBytes) {
                splits.add(new FileSplit(splits.size(), i, path, in.name(), start, Math.min(size, start + splitBytes), false));
            }
        }
        return splits;
    }

    /**
     * How many tasks: as asked, or enough for the cluster's cores and for one task per split's worth of data
     * (many small files are packed into fewer tasks: a task per tiny file costs more than it reads); never more
     * than the splits.
     */
    private static int tasks(JavaSparkContext spark, Request request, List<FileSplit> splits, List<Input> inputs,
                             HadoopFiles hadoop) {
        if (splits.isEmpty()) {
            return 1;
        }
        if (request.tasks() > 0) {
            return Math.min(request.tasks(), splits.size());
        }
        long bytes = 0;
        for (Input in : inputs) {
            bytes += estimatedBytes(in.path() != null ? in.path().toString() : in.name(), in.name(), hadoop);
        }
        long byData = Math.max(1, (bytes + request.splitBytes() - 1) / request.splitBytes());
        return (int) Math.min(splits.size(), Math.max(spark.defaultParallelism(), byData));
    }

    private static JobSummary summary(List<Input> inputs, List<FileSplit> splits, int tasks, HadoopFiles hadoop) {
        long total = 0;
        String largest = null;
        long largestBytes = 0;
        for (Input in : inputs) {
            total += estimatedBytes(in.path() != null ? in.path().toString() : in.name(), in.name(), hadoop);
        }
        for (FileSplit s : splits) {
            if (s.whole() && Compression.isCompressedName(s.name())) {
                long b = estimatedBytes(s.path(), s.name(), hadoop);
                if (b > largestBytes) {
                    largestBytes = b;
                    largest = s.name();
                }
            }
        }
        return new JobSummary(inputs.size(), splits.size(), tasks, largest, total == 0 ? 0 : (double) largestBytes / total);
    }

    /**
     * A file's size, ten times it when compressed (as {@link InputSet#estimatedBytes} guesses).
     *
     * @param path a local path, or a URL read through {@code hadoop}
     */
    private static long estimatedBytes(String path, String name, HadoopFiles hadoop) {
        try {
            long s = HadoopFiles.isUrl(path) ? hadoop.size(path) : Files.size(Path.of(path));
            return Compression.isCompressedName(name) ? s * 10 : s;
        } catch (IOException e) {
            return 0;
        }
    }
}
