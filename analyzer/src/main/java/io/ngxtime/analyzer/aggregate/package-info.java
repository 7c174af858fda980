/**
 * Streaming aggregators over {@link io.ngxtime.analyzer.record.Request}s. Each is single-writer,
 * bounded in memory, and mergeable: aggregating parts and merging equals aggregating the whole.
 */
package io.ngxtime.analyzer.aggregate;
