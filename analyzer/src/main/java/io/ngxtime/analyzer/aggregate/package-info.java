/**
 * Streaming aggregators over {@link io.ngxtime.analyzer.record.Request}s. Each is single-writer,
 * bounded in memory, and mergeable: aggregating parts and merging equals aggregating the whole. One
 * exception, which is no {@code Aggregator}: {@link io.ngxtime.analyzer.aggregate.CacheReplay}, a cache
 * model whose answers depend on the order of the requests, replays one pass in time order.
 * {@link io.ngxtime.analyzer.aggregate.Aggregation} holds them for one report and
 * {@code ReportAssembler} turns them into the {@code report} model; a
 * {@link io.ngxtime.analyzer.aggregate.BatchWindowFilter} feeds it the record queue's batches, keeping the
 * requests and rejected lines of a time window.
 *
 * <p>{@code Aggregation} and {@code PeakAttribution} are {@link java.io.Serializable} (Java serialization,
 * everything they hold included: HdrHistogram writes itself compressed; the route and network caches are
 * written as their derivation only), so a distributed run (the {@code spark} module) ships each part's
 * aggregation to where the parts are merged.
 *
 * <p>May use {@code files}, {@code record}, {@code source}, {@code ingest}, {@code queue} and {@code report};
 * the facade (the root package, {@code live}) uses it. What reads a finished report and goes on (peak
 * attribution and baseline passes, reports from a queue) is the facade's, not this package's.
 */
package io.ngxtime.analyzer.aggregate;
