/**
 * What {@code tail --metrics} serves: the live log as Prometheus metrics, through the Prometheus Java
 * client (its metrics, and its {@code /metrics} HTTP server on the JDK's {@code HttpServer}).
 *
 * <p>{@link io.ngxtime.cli.metrics.TailMetrics} turns each request tail keeps (and each rejected line)
 * into counters and histograms in a registry of its own, never the client's global one, so two tails in
 * one JVM (tests) never mix. It decides nothing about a request itself: the tier, whether a field is
 * logged, an upstream attempt's outcome and whether its times count as a response are the analyzer's
 * ({@link io.ngxtime.analyzer.record.Request#tier()},
 * {@link io.ngxtime.analyzer.record.Request#attemptOutcome(int)}), as in {@code report}. A field the
 * format does not log, or a {@code -}, is observed nowhere; it is never a 0. Label values that come from
 * the log (upstream addresses) are made safe and bounded in number (the first
 * {@value io.ngxtime.cli.metrics.TailMetrics#DEFAULT_MAX_UPSTREAMS} distinct ones, then {@code other}), so
 * a hostile log cannot blow up a Prometheus server's series. The metric names and labels are a contract,
 * documented in docs/metrics.md.
 *
 * <p>{@link io.ngxtime.cli.metrics.MetricsAddress} reads the option's value ({@code PORT},
 * {@code HOST:PORT}, {@code [IPv6]:PORT}; loopback unless a host is given) and
 * {@link io.ngxtime.cli.metrics.MetricsServer} serves a registry there until closed. A bad value is an
 * {@link java.lang.IllegalArgumentException} (a usage error); an address that cannot be served is an
 * {@link java.io.IOException} whose message is the one line to show.
 */
package io.ngxtime.cli.metrics;
