package io.ngxtime.cli;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.cli.render.CsvSeriesRenderer;
import io.ngxtime.cli.render.JsonReportRenderer;
import io.ngxtime.cli.render.TextReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    WindowMixin window;

    @Mixin
    FilterMixin filters;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the time series as CSV (- for standard output).")
    String csv;

    @Option(names = "--csv-resolution", paramLabel = "minute|second", defaultValue = "minute",
            description = "Rows of the CSV: one per minute (with status classes and latency) or one per second.")
    String csvResolution;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report (charts, tables, rejected lines; loads nothing from elsewhere).")
    Path html;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "15", description = "Rows per table in the terminal report (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--json", description = "Print the report as JSON (keys documented in docs/report-json.md).")
    boolean json;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write every rejected line to FILE: source:line, reason, the line (tab-separated).")
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

    private void render(Report report, PrintWriter out) {
        if (json) {
            new JsonReportRenderer().render(report, out);
        } else {
            new TextReportRenderer(Terminal.colours(spec), rows).render(report, out);
        }
        out.flush();
        if (csv != null) {
            writeCsv(report, out);
        }
        if (html != null) {
            ChartOutput.writeHtml(report, html);
        }
    }

    private void writeCsv(Report report, PrintWriter stdout) {
        CsvSeriesRenderer r = new CsvSeriesRenderer();
        boolean seconds = switch (csvResolution) {
            case "second" -> true;
            case "minute" -> false;
            default -> throw new UserException(ExitCode.USAGE, "--csv-resolution is minute or second, not " + csvResolution);
        };
        if (csv.equals("-")) {
            if (seconds) {
                r.perSecond(report, stdout);
            } else {
                r.perMinute(report, stdout);
            }
            return;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(csv), StandardCharsets.UTF_8))) {
            if (seconds) {
                r.perSecond(report, w);
            } else {
                r.perMinute(report, w);
            }
            if (w.checkError()) {
                throw new IOException("write failed");
            }
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot write " + csv + ": " + Analysis.describe(e));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        window.check();
        if (html != null) {
            ChartOutput.checkFonts();
        }
        Writer rejects = null;
        try {
            if (rejectsFile != null) {
                try {
                    rejects = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UserException(ExitCode.IO, "cannot write " + rejectsFile + ": " + Analysis.describe(e));
                }
            }
            Writer rejectsWriter = rejects;
            LogInputsMixin.Loaded loaded = inputs.load(formatOptions, window.fromMillis(), window.toMillis(),
                    filters.filter(), window.baselineMillis(), samples,
                    b -> b.rejectsWriter(rejectsWriter).maxLineBytes(maxLineBytes), err);
            Report report = loaded.report();
            render(report, out);
            if (loaded.exitCode() != ExitCode.OK) {
                return loaded.exitCode();
            }
            return strict && report.rejects().total() > 0 ? ExitCode.REJECTED_LINES : ExitCode.OK;
        } finally {
            if (rejects != null) {
                try {
                    rejects.close();
                } catch (IOException e) {
                    err.println("ngxtime: cannot write " + rejectsFile + ": " + Analysis.describe(e));
                }
            }
        }
    }
}
