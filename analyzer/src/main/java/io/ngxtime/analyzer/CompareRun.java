package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.Comparisons;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RunComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The facade's comparison of two runs ({@code ngxtime compare A --vs B}): each side's files are read as a
 * report reads them ({@link Analysis}, the same filter on both, a window each), and B is compared with A by
 * the report's baseline comparison ({@link Comparisons}), each side as long as its own window or its requests
 * span, so a run twice as long at the same rate shows no change in its counts. {@link #cancel} (from any
 * thread) stops reading at the next line; what was read is compared.
 */
public final class CompareRun {
    /**
     * One side's inputs, probed and resolved ({@link InputSet#resolve}: each side's format is its own, given
     * or detected), and its time window ({@link TimeWindow#ALL}: every request).
     */
    public record Side(InputSet inputs, TimeWindow window) {
        public Side {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(window, "window");
        }
    }

    /**
     * What to compare.
     *
     * @param before  run A, the baseline
     * @param after   run B
     * @param filter  applied to both runs
     * @param samples how many rejected lines each side keeps as samples
     */
    public record Request(Side before, Side after, RequestFilter filter, int samples, int maxLineBytes,
                          ProgressListener progress) {
        public Request {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /** The comparison, and the inputs that could not be read and the lines read per input, A's then B's. */
    public record Result(RunComparison comparison, List<InputError> inputErrors, List<InputLines> inputLines) {
    }

    private final Request request;
    private final Analysis before;
    private final Analysis after;

    private CompareRun(Request request) {
        this.request = request;
        this.before = analysis(request, request.before());
        this.after = analysis(request, request.after());
    }

    /** A comparison of {@code request}'s runs, not started. */
    public static CompareRun of(Request request) {
        return new CompareRun(request);
    }

    private static Analysis analysis(Request r, Side side) {
        // no peaks: a comparison reports none, and attributing them would read each side again
        return Analysis.builder().window(side.window()).filter(r.filter()).peaks(0).maxSamples(r.samples())
                .maxLineBytes(r.maxLineBytes()).progress(r.progress()).build();
    }

    /** Asks the running comparison to stop reading at the next line (both sides). */
    public void cancel() {
        before.cancel();
        after.cancel();
    }

    /** Reads A, then B, and compares them. */
    public Result run() {
        Read a = read(before, request.before());
        Read b = read(after, request.after());
        Comparison c = Comparisons.compare(b.aggregation(), a.aggregation(), a.run().fromSecond(), a.run().toSecond(),
                a.run().seconds(), b.run().seconds());
        List<InputError> errors = new ArrayList<>(before.inputErrors());
        errors.addAll(after.inputErrors());
        List<InputLines> lines = new ArrayList<>(before.inputLines());
        lines.addAll(after.inputLines());
        return new Result(new RunComparison(a.run(), b.run(), c), errors, lines);
    }

    /** One side read: its run for the report, and what it aggregated for the comparison. */
    private record Read(RunComparison.Run run, Aggregation aggregation) {
    }

    private Read read(Analysis analysis, Side side) {
        Report report = analysis.run(side.inputs());
        Aggregation agg = analysis.aggregation();
        if (agg == null) {
            // none of the side's inputs could be read: an empty side of its window, compared as such
            agg = new Aggregation(request.samples(), request.filter());
            agg.window(side.window());
        }
        long from = Comparisons.windowStartSecond(agg);
        long seconds = Comparisons.windowSeconds(agg);
        return new Read(new RunComparison.Run(report, from, from + seconds, seconds), agg);
    }
}
