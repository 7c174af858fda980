/**
 * The analyzer: {@link io.ngxtime.analyzer.Analysis} runs inputs through parsing and aggregation into
 * a {@link io.ngxtime.analyzer.report.Report}. Sub-packages follow the data flow: source, ingest,
 * record, aggregate, report.
 */
package io.ngxtime.analyzer;
