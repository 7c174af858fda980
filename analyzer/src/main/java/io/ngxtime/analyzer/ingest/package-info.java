/**
 * From lines to records: format detection, the read-parse loop, and rejected lines kept as data
 * (counted by reason, sampled with file and line number).
 */
package io.ngxtime.analyzer.ingest;
