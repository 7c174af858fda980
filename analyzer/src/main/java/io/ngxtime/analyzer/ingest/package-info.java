/**
 * From lines to records: format detection, the read-parse loop, and rejected lines kept as data
 * (counted by reason, sampled with file and line number).
 *
 * <p>{@link io.ngxtime.analyzer.ingest.FormatDetector} is the one place a format is detected, for
 * every command: the candidate that parses nine in ten of the first lines, else a JSON log's format
 * inferred from its keys, else an error naming the candidate that read furthest.
 * {@link io.ngxtime.analyzer.ingest.InputParser} parses every line, an empty one included (rejected as
 * {@code empty line}), and counts lines and rejects per input
 * ({@link io.ngxtime.analyzer.ingest.InputLines}), so that an input whose lines are all rejected is
 * never silently an empty report. A line that damaged compressed data cut short is rejected as
 * {@code line cut short by damaged compressed data}, never parsed, and detection samples only the
 * lines before the damage ({@link io.ngxtime.analyzer.ingest.FormatDetector#detectFirst}).
 *
 * <p>{@link io.ngxtime.analyzer.ingest.RequestSource} is what a later pass reads again: the files
 * ({@link io.ngxtime.analyzer.ingest.FileRequestSource}) or the record queue (the queue package's). May use
 * {@code files}, {@code record} and {@code source}; never the queue, aggregation, report or facade.
 */
package io.ngxtime.analyzer.ingest;
