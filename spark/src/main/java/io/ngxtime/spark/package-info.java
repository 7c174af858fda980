/**
 * {@code ngxtime spark}: the report of {@code ngxtime report} as an Apache Spark job, the same figures from a
 * cluster over many logs. The only module that depends on Spark (a {@code provided} dependency: spark-submit and
 * the launcher put it on the classpath); it depends on the CLI for the renderers and the options, and through it
 * on the analyzer, whose aggregations are mergeable and serializable.
 *
 * <ul>
 * <li>{@link io.ngxtime.spark.SparkReport}: the job. The driver makes the inputs ready as {@code report} does
 *     ({@code InputSet}), cuts them into {@code FileSplit}s (a compressed file whole, a plain file in ranges read
 *     by {@code SplitReader} at line boundaries), and runs the passes: parse and aggregate each split
 *     ({@code SplitPass}, the project's parser and aggregators), tree-aggregate ({@code PartialReport}), put the
 *     rejected-line samples in file and line order; then attribute the peaks and read the baseline, each a second
 *     distributed pass over what the first found.</li>
 * <li>{@link io.ngxtime.spark.SparkCommand} and {@link io.ngxtime.spark.SparkMain}: the command, added to
 *     ngxtime's command line, so options, messages and exit codes are {@code report}'s;
 *     {@link io.ngxtime.spark.SparkContexts}: its context (local mode bound to 127.0.0.1, UI off) or a test's.</li>
 * <li>{@link io.ngxtime.spark.HadoopFiles}: inputs named by URL ({@code hdfs://}, {@code s3a://}, {@code file://}),
 *     expanded, probed and opened through Hadoop's file systems with the job's Hadoop configuration (broadcast to
 *     the executors); local paths never go through it.</li>
 * </ul>
 *
 * <p>Limits: local paths must be readable by every executor at the same path; no standard input,
 * {@code --rejects} or {@code --progress}. The bounded tables (clients, paths, routes, upstreams, attribution
 * values) are exact, and then equal to one
 * machine's, while they hold fewer distinct values than their capacity; beyond it their counts are estimates
 * that depend on the merge order, so they may differ from one machine's in the last ranks (both say
 * {@code approximate}).
 */
package io.ngxtime.spark;
