package io.ngxtime.analyzer.ingest;

import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.source.CompressedDataException;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.LineReader;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads small input files again for another pass (rejected lines were counted in the first): the same
 * records, so lines that were not parsed then (too long, or cut short by damaged compressed data) are
 * not parsed now either.
 */
public final class FileRequestSource implements RequestSource {
    private final List<Input> inputs;
    private final LogFormat format;
    private final int maxLineBytes;

    public FileRequestSource(List<Input> inputs, LogFormat format, int maxLineBytes) {
        if (inputs.stream().anyMatch(Input::isStdin)) {
            throw new IllegalArgumentException("standard input cannot be read twice");
        }
        this.inputs = List.copyOf(inputs);
        this.format = format;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void forEach(TimeWindow window, Consumer<Request> consumer) {
        LineParser parser = format.newParser();
        LogRecord record = format.newRecord();
        Request request = new Request();
        for (Input in : inputs) {
            try (InputStream s = in.open()) {
                LineReader lines = new LineReader(s, maxLineBytes, true);
                while (lines.next()) {
                    if (!lines.isTooLong() && !lines.isCut() && parser.parse(lines.buffer(), lines.lineStart(), lines.lineEnd(), record)) {
                        long t = record.timeMillis();
                        if (t >= 0 && window.contains(t)) {
                            consumer.accept(RecordConverter.convert(record, request));
                        }
                    }
                }
            } catch (CompressedDataException damaged) {
                // the first pass reported it; a second pass reads the same lines before it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
