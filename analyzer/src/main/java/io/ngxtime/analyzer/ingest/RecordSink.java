package io.ngxtime.analyzer.ingest;

import io.ngxtime.grammar.LogRecord;

/** Receives each accepted line. The record is reused after the call returns. */
@FunctionalInterface
public interface RecordSink {
    void accept(LogRecord record);
}
