package io.ngxtime.cli;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.cli.render.CsvSeriesRenderer;
import io.ngxtime.cli.render.JsonReportRenderer;
import io.ngxtime.cli.render.TextReportRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngxtime report}: post-incident forensics over log files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Post-incident forensics: load and peaks (with what drove them), latency by tier, upstream attempts, routes, findings.",
        footer = ExitCode.READING_COMMANDS_HELP)
public final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LogInputsMixin inputs;

    @Mixin
    FormatMixin formatOptions;

    @Mixin
    ProgressOption progress;

    @Mixin
    WindowMixin window;

    @Mixin
    FilterMixin filters;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the time series as CSV (- for standard output: the report then goes to stderr).")
    String csv;

    @Option(names = "--csv-resolution", paramLabel = "minute|second", defaultValue = "minute",
            description = "Rows of the CSV: one per minute (with status classes and latency) or one per second.")
    String csvResolution;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report (charts, tables, rejected lines; loads nothing from elsewhere).")
    Path html;

    @Option(names = "--rows", paramLabel = "N",
            description = "At most N rows in every table of the terminal report, and a line saying how many more"
                    + " (default: 15 upstreams and routes, 5 top clients, 6 changes of each kind, every status and reason).")
    Integer rows;

    @Option(names = "--cache-ttl", paramLabel = "TTL", converter = CacheTtlConverter.class,
            description = "Replay the log through a cache with this time to live (60s, 5m, 1h) on the cache candidates, "
                    + "and report the upstream requests and time it would have saved (one more pass over the log).")
    java.time.Duration cacheTtl;

    @Option(names = "--json", description = "Print the report as JSON (keys documented in docs/report-json.md).")
    boolean json;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write every rejected line to FILE, one JSON object per line: source, line, reason, bytes, "
                    + "truncated, and the line byte for byte (text, or text_base64 when it is not UTF-8).")
    Path rejectsFile;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "65536",
            description = "Reject lines longer than N bytes without reading them whole (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "10",
            description = "How many rejected lines to show (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--strict", description = "Exit with 1 when any line was rejected.")
    boolean strict;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    /**
     * Usage errors of option values, found before anything is read (which options go together is
     * {@link OptionRules}'). Standard output carries one format: the CSV alone with {@code --csv -} (the
     * terminal report then goes to stderr), and {@code --json} with it is a usage error.
     */
    private void checkOptions() {
        if ("-".equals(csv) && json) {
            throw new UserException(ExitCode.USAGE, "--csv - and --json would both write to standard output: give --csv a FILE");
        }
        if (rows != null && rows < 1) {
            throw new UserException(ExitCode.USAGE, "--rows must be at least 1, not " + rows);
        }
        if (!"minute".equals(csvResolution) && !"second".equals(csvResolution)) {
            throw new UserException(ExitCode.USAGE, "--csv-resolution is minute or second, not " + csvResolution);
        }
    }

    private void writeCsv(Report report, PrintWriter w) {
        CsvSeriesRenderer r = new CsvSeriesRenderer();
        if (csvResolution.equals("second")) {
            r.perSecond(report, w);
        } else {
            r.perMinute(report, w);
        }
        w.flush();
    }

    /**
     * Every output is checked before any log is read, written to a temporary file and delivered (renamed
     * into place, standard output flushed and checked) before a {@code --since-last} position moves: a
     * run that cannot deliver its report exits 74 and leaves the period for the next run.
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        window.check();
        checkOptions();
        if (html != null) {
            ChartFiles.checkFonts();
        }
        try (OutputFile rejectsOut = rejectsFile == null ? null : OutputFile.prepare(rejectsFile);
             OutputFile csvOut = csv == null || csv.equals("-") ? null : OutputFile.prepare(Path.of(csv));
             OutputFile htmlOut = html == null ? null : OutputFile.prepare(html)) {
            LogInputsMixin.Loaded loaded = inputs.load(formatOptions, window.window(),
                    filters.filter(), window.baseline(), samples,
                    new LogInputsMixin.FileOptions(maxLineBytes, rejectsOut == null ? null : rejectsOut.writer()),
                    java.util.Optional.ofNullable(cacheTtl), progress.listener(), err);
            Report report = loaded.report();
            // with --csv -, standard output is the CSV's: the report is for the person watching stderr
            PrintWriter reportOut = "-".equals(csv) ? err : out;
            if (json) {
                new JsonReportRenderer().render(report, reportOut);
            } else {
                // stderr escapes control characters: colour only on standard output, and only on a terminal
                Ansi ansi = reportOut == out ? Terminal.of(spec).ansi() : Ansi.OFF;
                // on a terminal, prose lines wrapped at its width (stderr's writer wraps already: Terminal.forStderr)
                PrintWriter text = reportOut == out ? Terminal.of(spec).forProse(out) : reportOut;
                int columns = reportOut == out ? Terminal.of(spec).tableColumns() : Terminal.of(spec).stderrTableColumns();
                new TextReportRenderer(ansi, rows == null ? OptionalInt.empty() : OptionalInt.of(rows), columns)
                        .render(report, text);
                text.flush();
            }
            if ("-".equals(csv)) {
                writeCsv(report, out);
            } else if (csvOut != null) {
                writeCsv(report, new PrintWriter(csvOut.writer()));
            }
            if (htmlOut != null) {
                ChartFiles.writeHtml(report, htmlOut);
            }
            StandardOutput.check(out);
            for (OutputFile f : new OutputFile[] {rejectsOut, csvOut, htmlOut}) {
                if (f != null) {
                    f.commit();
                }
            }
            loaded.markRead();
            if (loaded.exitCode() != ExitCode.OK) {
                return loaded.exitCode();
            }
            return strict && report.rejects().total() > 0 ? ExitCode.REJECTED_LINES : ExitCode.OK;
        }
    }
}
