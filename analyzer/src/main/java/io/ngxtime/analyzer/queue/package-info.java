/**
 * The record store: a Chronicle Queue whose excerpts are self-contained batches of parsed records
 * (varints, a per-batch dictionary of the strings as logged, the ingest checkpoints and rejected-line
 * counts), written by {@link io.ngxtime.analyzer.queue.QueueIngester} exactly once across restarts and
 * read back by time window ({@link io.ngxtime.analyzer.queue.RecordStore#seek}). Batches are encoded
 * on one or several threads (sealed, then appended in input order) and decoded lazily: a string of a
 * batch's dictionary becomes a {@code String} only when something reads it.
 */
package io.ngxtime.analyzer.queue;
