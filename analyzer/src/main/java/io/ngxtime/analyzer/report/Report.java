package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * Everything a renderer needs, computed once: renderers (terminal, JSON, CSV, HTML, charts) never
 * re-aggregate and never see a raw line.
 *
 * @param inputs  the inputs read, in reading order
 * @param format  the log format's name
 * @param lines   non-empty lines read
 * @param summary counts over the range
 * @param rejects rejected lines
 */
public record Report(List<String> inputs, String format, long lines, Summary summary, RejectSummary rejects) {
    public Report {
        inputs = List.copyOf(inputs);
    }
}
