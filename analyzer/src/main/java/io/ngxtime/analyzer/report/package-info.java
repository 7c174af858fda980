/**
 * The immutable, renderer-neutral report model: sorted, complete, and free of raw log lines except
 * the rejected-line samples (which renderers must escape). Built by {@code aggregate}, read by the
 * renderers and charts; it uses only {@code record} (for {@code Tier} and {@code LineSample}), so a
 * renderer that reads a report needs nothing of the pipeline.
 */
package io.ngxtime.analyzer.report;
