/**
 * The analyzer's facade: {@link io.ngxtime.analyzer.Analysis} runs inputs through parsing and aggregation
 * into a {@link io.ngxtime.analyzer.report.Report}, {@link io.ngxtime.analyzer.QueueReport} reads one from a
 * record queue, and {@link io.ngxtime.analyzer.PeakAndBaselinePasses} reads the source again for what needs
 * the first pass's report (peak attribution, the baseline comparison). The {@code live} package (the tail's
 * sliding window) belongs to the facade too.
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
