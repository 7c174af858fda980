/**
 * The analyzer's facade: a few entry points, each with a small typed request and result, that the CLI maps
 * its options onto (it does no analysis itself).
 * <ul>
 * <li>{@link io.ngxtime.analyzer.InputSet}: the inputs of a run, probed, the format taken or detected (the
 *     one place that decides which lines a format is detected from, for a report, an ingest and a tail) and
 *     ordered, once.</li>
 * <li>{@link io.ngxtime.analyzer.ReportRun}: a {@link io.ngxtime.analyzer.report.Report} of files or of a
 *     record queue, for a window, with filters, peaks and a baseline; files are read by
 *     {@link io.ngxtime.analyzer.Analysis}, directly ({@code DirectPass}) or through a temporary queue
 *     ({@code QueuedPass}), a queue by {@link io.ngxtime.analyzer.QueueReport};
 *     {@link io.ngxtime.analyzer.PeakAndBaselinePasses} reads the source again for what needs the first
 *     pass's report (peak attribution, the baseline comparison), {@code CacheWhatIfPass} the cache what-if
 *     ({@code --cache-ttl}: a replay of the cache candidates the first pass named).</li>
 * <li>{@link io.ngxtime.analyzer.CompareRun}: two runs' files ({@code compare A --vs B}), each read as a report
 *     reads them, B compared with A by the baseline comparison, each as long as its own window
 *     ({@link io.ngxtime.analyzer.report.RunComparison}).</li>
 * <li>{@link io.ngxtime.analyzer.IngestRun}: files into a persistent record queue.</li>
 * <li>{@link io.ngxtime.analyzer.LiveSession}: what {@code tail} runs, one or several logs each followed into
 *     a record queue of its own (kept or temporary; {@code LiveLog} is one log's share) and a sliding window over
 *     each on the log's own time, one frame at once and one per interval (the logs merged and each alone: the
 *     window's report, the rates over log time, the sparkline, the surge, catching up; each log's status;
 *     the requests counted across restarts); requests filtered as {@code report} filters them; time from an
 *     injected {@link io.ngxtime.analyzer.LiveClock}.</li>
 * <li>{@link io.ngxtime.analyzer.ProgressListener}: told by the report and ingest runs how far they read.</li>
 * </ul>
 * The {@code live} package (the tail's sliding window) belongs to the facade too.
 *
 * <h2>Packages, one way</h2>
 * Each package may use only those before it in this list, never one after it; {@code AnalyzerArchitectureTest}
 * checks it (and that there is no package cycle) on the compiled classes, so a fully qualified name counts as
 * much as an import:
 * <ol>
 * <li>{@code files}: the one line shown for an I/O failure, temporary directories. JDK only.</li>
 * <li>{@code record}: the shared model of what a log line became: a {@code Request}, or a
 *     {@code LineSample} of a rejected or noted line; and the {@code TimeWindow} every stage filters by.</li>
 * <li>{@code source}: bytes and lines from files, compressed files, standard input; following a file.</li>
 * <li>{@code ingest}: lines to requests (detection, the read-parse loop, rejected lines), and
 *     {@code RequestSource}, what a later pass reads again (the files or the queue).</li>
 * <li>{@code queue}: the record store (Chronicle Queue of batches), ingesting into it and reading it back.</li>
 * <li>{@code report}: the immutable report model the renderers and charts read; it uses only {@code record}.</li>
 * <li>{@code aggregate}: requests (from a pass over files, or batches of the queue) to the report model.</li>
 * <li>the facade: this package and {@code live}.</li>
 * </ol>
 * The data flows source, ingest, queue, aggregate, report; the report <em>model</em> sits before aggregate
 * in the dependency order because aggregate builds it (its records are plain values, and a renderer that
 * reads them must need nothing of the pipeline), while what reads a report and goes on (a later pass, a
 * comparison) is in the facade.
 */
package io.ngxtime.analyzer;
