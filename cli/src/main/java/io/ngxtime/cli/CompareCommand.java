package io.ngxtime.cli;

import io.ngxtime.analyzer.CompareRun;
import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.RunComparison;
import io.ngxtime.charts.ChartSize;
import io.ngxtime.charts.RunLatencyChart;
import io.ngxtime.cli.render.CompareJsonRenderer;
import io.ngxtime.cli.render.CompareTextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ngxtime compare A... --vs B...}: two runs (load tests before and after a change, two servers)
 * compared as {@code report --baseline} compares a window with its baseline, A being the baseline. Each side's
 * files are read as {@code report} reads them, its format given or detected on its own; the filters apply to
 * both; {@code --from/--to} window both sides unless {@code --vs-from/--vs-to} window B.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two runs: A (the before: the files first) with B (the after: the files after --vs).",
                "What changed from A to B, ranked by the requests each change concerns: requests, latency and 5xx per tier,"
                        + " upstream and route, counts compared per second of each run's own length; the latency"
                        + " percentiles side by side. Two load tests before and after a tuning change, or two servers."},
        footer = ExitCode.READING_COMMANDS_HELP)
public final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "A", arity = "1..*",
            description = "Run A, the before: log files (plain or compressed, a rotated set in any order), or - for standard input.")
    List<String> before = new ArrayList<>();

    @Option(names = "--vs", paramLabel = "B", arity = "1..*", required = true,
            description = "Run B, the after: its log files (every argument after --vs up to the next option).")
    List<String> after = new ArrayList<>();

    @Mixin
    FormatMixin formatOptions;

    @Mixin
    ProgressOption progress;

    @Mixin
    FilterMixin filters;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Only requests at or after TIME (ISO-8601 or nginx time, with zone), in both runs unless --vs-from or --vs-to is given.")
    OffsetDateTime from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Only requests before TIME, in both runs unless --vs-from or --vs-to is given.")
    OffsetDateTime to;

    @Option(names = "--vs-from", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Run B's window starts at TIME (then --from/--to are A's alone): two runs in one log.")
    OffsetDateTime vsFrom;

    @Option(names = "--vs-to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Run B's window ends before TIME (then --from/--to are A's alone).")
    OffsetDateTime vsTo;

    @Option(names = "--json", description = "Print the comparison as JSON (keys in docs/report-json.md, 'compare --json').")
    boolean json;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Also draw both runs' latency percentile curves, as PNG or SVG by FILE's extension.")
    Path chart;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the comparison as a self-contained HTML page (the chart, the tables; loads nothing from elsewhere).")
    Path html;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x600", converter = ChartSizeConverter.class,
            description = "The --chart image's size in pixels (default: ${DEFAULT-VALUE}).")
    ChartSize size;

    @Option(names = "--rows", paramLabel = "N",
            description = "At most N changes of each kind in the terminal (default: 10, all the comparison keeps).")
    Integer rows;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "65536",
            description = "Reject lines longer than N bytes without reading them whole (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    /** Usage errors of option values, found before anything is read. */
    private void checkOptions() {
        if (rows != null && rows < 1) {
            throw new UserException(ExitCode.USAGE, "--rows must be at least 1, not " + rows);
        }
        if (before.contains("-") && after.contains("-")) {
            throw new UserException(ExitCode.USAGE, "standard input (-) can be one run only, A or B");
        }
        checkOrder("--from", from, "--to", to);
        checkOrder("--vs-from", vsFrom, "--vs-to", vsTo);
    }

    private static void checkOrder(String fromName, OffsetDateTime start, String toName, OffsetDateTime end) {
        if (start != null && end != null && !end.isAfter(start)) {
            throw new UserException(ExitCode.USAGE, toName + " must be after " + fromName);
        }
    }

    private static TimeWindow window(OffsetDateTime start, OffsetDateTime end) {
        return TimeWindow.between(start == null ? Long.MIN_VALUE : start.toInstant().toEpochMilli(),
                end == null ? Long.MAX_VALUE : end.toInstant().toEpochMilli());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        ImageFormat chartFormat = chart == null ? null : ImageFormat.of(chart);
        if (chart != null || html != null) {
            ChartFiles.checkFonts();
        }
        try (OutputFile chartOut = chart == null ? null : OutputFile.prepare(chart);
             OutputFile htmlOut = html == null ? null : OutputFile.prepare(html)) {
            TimeWindow aWindow = window(from, to);
            TimeWindow bWindow = vsFrom != null || vsTo != null ? window(vsFrom, vsTo) : aWindow;
            InputSet a = LogInputsMixin.inputSet(before, formatOptions, "A: ", err);
            InputSet b = LogInputsMixin.inputSet(after, formatOptions, "B: ", err);
            CompareRun run = CompareRun.of(new CompareRun.Request(new CompareRun.Side(a, aWindow),
                    new CompareRun.Side(b, bWindow), filters.filter(), 10, maxLineBytes, progress.listener()));
            CompareRun.Result result;
            // Ctrl-C while files are read: the comparison of what was read so far
            try (CancelOnShutdown onInterrupt = CancelOnShutdown.install(run::cancel, Duration.ZERO)) {
                result = run.run();
            }
            for (InputError e : result.inputErrors()) {
                err.println("ngxtime: " + e);
            }
            RejectedInputs.warn(result.inputLines(), err);
            RunComparison c = result.comparison();
            if (json) {
                new CompareJsonRenderer().render(c, out);
            } else {
                PrintWriter text = Terminal.of(spec).forProse(out); // prose wrapped at a terminal's width
                new CompareTextRenderer(Terminal.of(spec).ansi(), rows == null ? OptionalInt.empty() : OptionalInt.of(rows),
                        Terminal.of(spec).tableColumns()).render(c, text);
                text.flush();
            }
            if (chartOut != null) {
                ChartFiles.write(RunLatencyChart.create(c, size), chartFormat, size, RunLatencyChart.KEY, chartOut);
            }
            if (htmlOut != null) {
                ChartFiles.writeCompareHtml(c, htmlOut);
            }
            StandardOutput.check(out);
            for (OutputFile f : new OutputFile[] {chartOut, htmlOut}) {
                if (f != null) {
                    f.commit();
                }
            }
            if (!result.inputErrors().isEmpty()) {
                return ExitCode.IO;
            }
            return result.inputLines().stream().anyMatch(InputLines::allRejected) ? ExitCode.DATA : ExitCode.OK;
        }
    }
}
