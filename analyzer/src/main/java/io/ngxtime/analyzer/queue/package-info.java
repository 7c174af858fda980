/**
 * The record store: a Chronicle Queue whose excerpts are self-contained batches of parsed records
 * (varints, a per-batch dictionary of the strings as logged, the ingest checkpoints and rejected-line
 * counts), written by {@link io.ngxtime.analyzer.queue.QueueIngester} exactly once across restarts and
 * read back by time window ({@link io.ngxtime.analyzer.queue.RecordStore#seek}). Batches are encoded
 * on one or several threads (sealed, then appended in input order) and decoded lazily: a string of a
 * batch's dictionary becomes a {@code String} only when something reads it. A reader gives the strings
 * aggregators key by (method, path, client, upstream address) ids that stay the same from batch to batch
 * ({@code Symbols}, a {@link io.ngxtime.analyzer.record.SymbolTable}), so that they count by id and decode each
 * distinct string once. A run's temporary queue rolls by bytes appended, not by the clock
 * ({@code AppendedBytesClock}), so that its mapped files are let go as it is read.
 *
 * <p>Inputs are known by content ({@code Fingerprint}): a checkpoint finds its file again renamed or
 * compressed. {@link io.ngxtime.analyzer.queue.FollowIngester} follows one log into the store across
 * restarts and rotations (what {@code tail --queue} runs), with {@code RotationCatchUp} reading what the
 * queue lacks of the log's rotated files, and says where lines may be lost
 * ({@link io.ngxtime.analyzer.queue.FollowNotice}). A store whose directory was removed refuses appends
 * ({@link io.ngxtime.analyzer.queue.RecordStore#requirePresent}) instead of writing into files nobody can
 * open again.
 *
 * <p>Bounded: {@link io.ngxtime.analyzer.queue.RecordStore#applyRetention} deletes whole old roll cycles by a
 * {@link io.ngxtime.analyzer.queue.Retention} (an age or a size), never one still needed (the current one, the
 * last batch's with its checkpoints, one a named reader has not read), and counts the requests of what it
 * deleted in a small ledger beside the cycle files ({@code DroppedCycleLedger}), so that the queue can say how
 * many requests it was ever given. Queues a live log is followed into roll every ten minutes, {@code ingest}'s daily.
 *
 * <p>May use {@code files}, {@code record}, {@code source} and {@code ingest}; aggregation reads the batches
 * ({@code aggregate.BatchWindowFilter}) and the facade makes reports of them ({@code QueueReport}).
 */
package io.ngxtime.analyzer.queue;
