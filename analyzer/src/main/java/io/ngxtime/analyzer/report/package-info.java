/**
 * The immutable, renderer-neutral report model: sorted, complete, and free of raw log lines except
 * the rejected-line samples (which renderers must escape).
 */
package io.ngxtime.analyzer.report;
