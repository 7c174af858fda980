package io.ngxtime.analyzer;

import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.BatchWindowFilter;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.ingest.InputParser;
import io.ngxtime.analyzer.ingest.LineSink;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.ingest.WindowedRejects;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Small inputs: parsed and aggregated on the caller's thread, without a queue. */
final class DirectPass {
    /** Lines between two progress events. */
    static final int PROGRESS_LINES = 1024;

    private DirectPass() {
    }

    /** Reads every input into {@code aggregation}; returns the lines read and rejected per input. */
    static List<InputLines> run(FilePass pass, List<Input> inputs, Aggregation aggregation) {
        InputParser reader = new InputParser(pass.format(), pass.maxLineBytes());
        Request request = new Request();
        BatchWindowFilter inWindow = BatchWindowFilter.requestsOnly(aggregation, pass.window());
        LineSink requests = new LineSink() {
            @Override
            public void accept(LogRecord record) {
                inWindow.addParsed(record, request);
            }

            @Override
            public void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to) {
                // counted by the windowed rejects' sink, written by the rejects file's
            }

            @Override
            public void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
                aggregation.noteSample(Rejects.sample(source, lineNumber, reason, b, from, to));
            }
        };
        WindowedRejects rejects = new WindowedRejects(pass.window(), aggregation.rejects());
        for (Input input : inputs) {
            long read = 0;
            LineSink sink = pass.withRejectsFile(LineSink.both(requests, rejects.sink(input)));
            try (InputStream in = input.open()) {
                LineReader lines = new LineReader(in, pass.maxLineBytes(), true);
                while (!pass.cancelled().getAsBoolean() && lines.next()) {
                    reader.line(lines, input.name(), 0, sink);
                    read = lines.lineNumber();
                    if (read % PROGRESS_LINES == 0) {
                        pass.tell(reader.stats(), false);
                    }
                }
            } catch (IOException e) {
                // damaged compressed data says itself where it broke, in lines
                boolean located = e instanceof CompressedDataException;
                pass.errors().add(new InputError(input.name(), IoErrorText.describe(e)
                        + (read > 0 && !located ? "; read " + read + " lines before it" : "")));
            }
        }
        pass.tell(reader.stats(), true);
        return reader.stats().inputLines();
    }
}
