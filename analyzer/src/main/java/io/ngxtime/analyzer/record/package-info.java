/**
 * The shared model of what a log line became, used by every stage after the line is read: a
 * {@link io.ngxtime.analyzer.record.Request} (with its {@link io.ngxtime.analyzer.record.Tier} and the
 * conversion from a parsed line), or a {@link io.ngxtime.analyzer.record.LineSample} of a rejected or noted
 * line (kept by ingest and the queue, shown by the report); and the
 * {@link io.ngxtime.analyzer.record.TimeWindow} the stages keep requests by. Uses no other
 * package of the analyzer (the grammar module's parsed line only).
 */
package io.ngxtime.analyzer.record;
