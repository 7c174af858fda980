package io.ngxtime.cli.metrics;

import io.ngxtime.analyzer.record.RecordConverter;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.Preset;

/** Turns access-log lines into the {@link Request}s tail feeds its metrics, as tail reads them: one reused request. */
final class LogLines {
    private final LineParser parser;
    private final LogRecord record;
    private final Request request = new Request();

    LogLines(Preset preset) {
        LogFormat format = preset.format();
        parser = format.newParser();
        record = format.newRecord();
    }

    /** The line as a request (the same object each call), or null when the format rejects it. */
    Request parse(String line) {
        return parser.parse(line, record) ? RecordConverter.convert(record, request) : null;
    }

    /** A line of the {@code timing} preset, at {@code msec} (epoch seconds with milliseconds). */
    static String timing(int status, String requestTime, String addr, String upstreamStatus, String connect,
                         String header, String response, String cacheStatus, String msec) {
        return "203.0.113.9 - - [07/Oct/2026:14:00:00 -0700] \"GET /api/cart HTTP/2.0\" " + status
                + " 512 \"-\" \"curl/8.5.0\" rt=" + requestTime + " ua=\"" + addr + "\" us=\"" + upstreamStatus
                + "\" uct=\"" + connect + "\" uht=\"" + header + "\" urt=\"" + response + "\" ucs=" + cacheStatus
                + " msec=" + msec;
    }
}
