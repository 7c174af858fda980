package io.ngxtime.spark;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.BatchWindowFilter;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.ingest.LineSink;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.ingest.WindowedRejects;
import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a task does with one split, shipped to the executors: the first pass (parse with the project's
 * parser, aggregate as a single-machine report's direct pass does, count and sample the rejected lines) and
 * the later passes (the requests of the peaks' spans, of the baseline window), which read the split again.
 *
 * @param samples how many rejected lines the report samples
 * @param hadoop  the file systems of inputs named by URL, or null when all are local paths
 */
record SplitPass(ShippedFormat format, int maxLineBytes, int samples, TimeWindow window, RequestFilter filter,
                 HadoopFiles hadoop) implements Serializable {

    /** The first pass over one split: its aggregation (without samples) and its outcome. */
    PartialReport first(FileSplit split) {
        LogFormat logFormat = format.compile();
        Aggregation aggregation = new Aggregation(samples, filter);
        aggregation.logged(Logged.of(logFormat));
        InputParser parser = new InputParser(logFormat, maxLineBytes);
        Request request = new Request();
        BatchWindowFilter inWindow = BatchWindowFilter.requestsOnly(aggregation, window);
        List<LineSample> notes = new ArrayList<>();
        Map<String, Long> reasons = new HashMap<>();
        LineSink requests = new LineSink() {
            @Override
            public void accept(LogRecord record) {
                inWindow.addParsed(record, request);
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                String reason = error.reason();
                if (!reasons.containsKey(reason) && reasons.size() >= Rejects.MAX_REASONS) {
                    reason = Rejects.OTHER_REASONS;
                }
                reasons.merge(reason, 1L, Long::sum);
            }

            @Override
            public void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
                if (notes.size() < samples) {
                    notes.add(Rejects.sample(source, lineNumber, reason, b, from, to));
                }
            }
        };
        WindowedRejects rejects = new WindowedRejects(window, aggregation.rejects());
        LineSink sink = LineSink.both(requests, rejects.sink(split.name()));
        long[] read = {0};
        String error = null;
        boolean located = false;
        try {
            SplitReader.read(split, hadoop, maxLineBytes, lines -> {
                parser.line(lines, split.name(), 0, sink);
                read[0] = lines.lineNumber();
            });
        } catch (IOException e) {
            error = IoErrorText.describe(e);
            located = e instanceof CompressedDataException;
        }
        // the samples travel in the outcome, in reading order; the aggregation merged in any order keeps none
        Aggregation shipped = new Aggregation(0, filter);
        shipped.merge(aggregation);
        SplitOutcome outcome = new SplitOutcome(split, parser.stats().lines(), parser.stats().rejected(), reasons,
                List.copyOf(aggregation.rejects().samples()), List.copyOf(notes), error, read[0], located);
        return new PartialReport(shipped, List.of(outcome));
    }

    /** The requests of the peaks' spans in one split, attributed (the filter applied, as on one machine). */
    PeakAttribution peaks(FileSplit split, List<PeakWindow> peaks) {
        PeakAttribution attribution = new PeakAttribution(peaks);
        List<TimeWindow> spans = attribution.spans();
        requests(split, t -> spans.stream().anyMatch(s -> s.contains(t)), r -> {
            if (filter.test(r)) {
                attribution.add(r);
            }
        });
        return attribution;
    }

    /** The requests of the baseline window in one split. */
    Aggregation baseline(FileSplit split, TimeWindow baseline) {
        Aggregation inBaseline = new Aggregation(samples, filter);
        requests(split, baseline::contains, inBaseline::add);
        return inBaseline;
    }

    /** Interface for a time test that needs no boxing. */
    private interface TimeTest {
        boolean test(long timeMillis);
    }

    /**
     * The requests of a split read again, as a single-machine report's later passes read files again: lines
     * that were not parsed in the first pass (too long, cut short by damaged compressed data) are not now, and a
     * damaged compressed file ends at its damage.
     */
    private void requests(FileSplit split, TimeTest inTime, Consumer<Request> consumer) {
        LogFormat logFormat = format.compile();
        LineParser parser = logFormat.newParser();
        LogRecord record = logFormat.newRecord();
        Request request = new Request();
        try {
            SplitReader.read(split, hadoop, maxLineBytes, lines -> {
                if (!lines.isTooLong() && !lines.isCut() && parser.parse(lines.buffer(), lines.lineStart(), lines.lineEnd(), record)) {
                    long t = record.timeMillis();
                    if (t >= 0 && inTime.test(t)) {
                        consumer.accept(RecordConverter.convert(record, request));
                    }
                }
            });
        } catch (CompressedDataException damaged) {
            // the first pass reported it; this pass reads the same lines before it
        } catch (IOException e) {
            throw new UncheckedIOException(split.name() + ": " + IoErrorText.describe(e), e);
        }
    }
}
