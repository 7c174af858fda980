/**
 * Charts of a {@link io.ngxtime.analyzer.report.Report}, drawn with JFreeChart (headless) as PNG or
 * SVG (Apache Batik's generator); the chart set is the {@link io.ngxtime.charts.ChartKind} registry.
 * Two runs compared ({@code ngxtime compare}) have one chart of their own, outside the registry (it reads a
 * {@link io.ngxtime.analyzer.report.RunComparison}, not one report): {@link io.ngxtime.charts.RunLatencyChart}.
 * Charts read only the report model, never sources or the record queue.
 *
 * <h2>Drawing a week of seconds</h2>
 * A week at 1-second resolution is 604,800 counts; a 1600-pixel chart has about 1,440 columns of
 * 7 minutes. Each column keeps the quietest and busiest second and the mean ({@code SecondColumns}),
 * and the band is drawn in steps a whole column wide ({@code EnvelopeRenderer}), so one busy second
 * fills its column to full height. Per-minute series use the same grid (a column is a whole number
 * of buckets): sums for counts, the highest p99, the mean p50, request-weighted means. Datasets are
 * plain {@code double[]} arrays (JFreeChart's {@code TimeSeries} objects would cost seconds and
 * hundreds of MB for a week).
 *
 * <h2>Cost</h2>
 * {@code WeekChartBenchmark} (benchmarks module), 2 cores, Java 17, 1600x600 with the p99 overlay,
 * warm: building the week chart from 604,800 seconds 2.5 ms, with drawing 68 ms as PNG and 23 ms as
 * SVG; the SVG is about 190 KB. The first chart of a fresh JVM takes about a second (fonts, classes).
 *
 * <h2>SVG</h2>
 * Each series is a {@code <g id="<chart>-<layer>" class="series series-<layer>">}, the peak labels a
 * {@code <g id="<chart>-peaks">}; ids Batik generates (clip paths) carry the chart key, so several
 * charts can be inlined in one page. {@link io.ngxtime.charts.Charts#inlineSvg} leaves out the XML
 * prolog and namespace declarations for HTML.
 *
 * <h2>Looks</h2>
 * One {@link io.ngxtime.charts.Palette} for every chart and the HTML report; titles give the time range
 * and the zone offset as logged; times of day are in that offset, names in English.
 *
 * <h2>Fonts</h2>
 * Headless Java still needs fontconfig and a font; {@link io.ngxtime.charts.Fonts#check()} and the
 * writers turn their absence into {@link io.ngxtime.charts.NoFontsException}.
 */
package io.ngxtime.charts;
