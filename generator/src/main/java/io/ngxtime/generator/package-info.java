/**
 * A seeded generator of realistic nginx access logs in any {@code log_format}, with their exact ground
 * truth: what {@code ngxtime generate} runs, and what made the sample logs committed in
 * {@code testdata/samples/} (the logs, their ground truth and the golden outputs live there, as data; this
 * module is code only).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * GeneratorConfig config = GeneratorConfig.defaults()          // a week of the timing preset
 *         .withPreset(Preset.COMBINED).withDuration(Duration.ofHours(6)).withSeed(42);
 * GroundTruth truth = LogGenerator.generate(config, Path.of("access.log"), false);
 * truth.writeJson(Path.of("access.expected.json"));
 * }</pre>
 * {@link io.ngxtime.generator.GenerateMain} does the same from the command line, and
 * {@link io.ngxtime.generator.Sample} lists the committed samples with the settings that make them.
 *
 * <h2>What the log contains</h2>
 * <ul>
 *   <li><b>Rhythm.</b> Poisson arrivals, second by second, at a rate following a daily cosine (0.2 of
 *       the base rate at 03:00 local time, 1.6 at 15:00) and a weekly step (weekends 0.6). Timestamps have
 *       millisecond resolution and the lines are in time order.</li>
 *   <li><b>Flash crowds</b> (default three): 5 to 20 minutes ramping to 5 to 10 times the current rate,
 *       sent by one partner page ({@code https://partner.example/deal}) to {@code /promo/<id>} from one
 *       client /24; during a crowd upstream latency grows (queueing) and so do 499, 502 and 504.</li>
 *   <li><b>One spike</b>: a single second with at least 60 requests from one script, so a chart that
 *       averages over minutes would hide it.</li>
 *   <li><b>Requests</b>: clients from weighted /24 networks and a few IPv6 addresses; about 35 user agents
 *       (browsers, the shop's app, crawlers, monitors, scanners, scripts); static files, redirects, 304s
 *       and 404s answered by nginx itself; {@code /api/catalog} and {@code /api/products/<id>} through
 *       the proxy cache (HIT, STALE, UPDATING, REVALIDATED without an upstream attempt; MISS, EXPIRED with
 *       one); dynamic routes through upstream group A ({@code 10.0.1.1-3:8080}, the third three times
 *       slower); {@code /videos/<id>} internally redirected to group B ({@code 10.0.2.1:8080}, logged
 *       with {@code " : "}); about 1% of upstream requests retried after a refused connection, a timeout
 *       or a 502.</li>
 *   <li><b>A saturating backend</b> (only with {@code --saturate ADDR=RPS}, {@link io.ngxtime.generator.SaturatingBackend}):
 *       above that many attempts per second over the trailing minute, the server's wait grows in a straight
 *       line with its load, so a saturation estimate has an exact knee to find.</li>
 *   <li><b>Odd but valid lines</b> real servers write: an empty request {@code ""} (400), a TLS
 *       handshake on the plain port (400), a user agent with a quote and a non-ASCII letter, a path with
 *       {@code %20}.</li>
 *   <li><b>Malformed lines</b> (default 20 per million, at least one of each kind): truncated lines,
 *       junk, error-log lines and broken timestamps. Every one is rejected by the format's parser.</li>
 * </ul>
 * Values are escaped per the format's {@code escape=} mode exactly like nginx
 * ({@link io.ngxtime.generator.NginxEscaper}); unknown variables are written as {@code -}.
 *
 * <h2>Ground truth</h2>
 * {@link io.ngxtime.generator.GroundTruth} is counted while the lines are written, never by parsing them:
 * lines, valid requests, rejected lines, requests by status, method, tier and cache status, upstream
 * attempts per address, retries, internal redirects, request-time percentiles, first and last request
 * time, requests per second and per minute, the busiest second, the spike and each flash crowd. It
 * describes what happened, whatever the format shows of it.
 *
 * <h2>Determinism and cost</h2>
 * The same configuration gives the same bytes on every run and platform: randomness comes from
 * {@code SeededRandom} (SplitMix64) and {@link java.lang.StrictMath}, and independent streams drive the
 * arrivals, the requests, the odd lines and the malformed lines. Generation is single-threaded at roughly
 * 1.5 µs of CPU a line (600,000 lines a second on one free core; gzip costs extra), allocation-free per
 * line, and holds one {@code int} per second of log in memory (2.4 MB for a week). Classes are not
 * thread-safe unless they say so; {@link io.ngxtime.generator.GroundTruth} and
 * {@link io.ngxtime.generator.GeneratorConfig} are immutable.
 */
package io.ngxtime.generator;
