/**
 * The incident story: for each peak and for a window compared with its baseline, a few typed items (when,
 * how far above normal, what drove it, which tier and backends took the load, what latency and errors did,
 * whether the cache absorbed it), told by {@link io.ngxtime.analyzer.report.story.StoryTeller} from a
 * finished {@link io.ngxtime.analyzer.report.Report} and nothing else.
 *
 * <p>The contract that makes a story safe to read: every {@link io.ngxtime.analyzer.report.story.Fact} is a
 * value the report's tables hold, and names where ({@link io.ngxtime.analyzer.report.story.Fact#ref()}, a JSON
 * Pointer into {@code report --json}); a figure the report does not have (not logged, no baseline) is left
 * out, never stated as 0. Items are data: the words are the renderers' ({@code charts.StoryText}).
 */
package io.ngxtime.analyzer.report.story;
