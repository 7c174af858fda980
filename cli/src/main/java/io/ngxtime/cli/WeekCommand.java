package io.ngxtime.cli;

import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.ChartKind;
import io.ngxtime.charts.ChartOptions;
import io.ngxtime.charts.ChartSize;
import io.ngxtime.cli.render.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngxtime week}: the weekly traffic graph. */
@Command(name = "week", mixinStandardHelpOptions = true,
        description = {"Draw a week of traffic in one panel (PNG or SVG), the days in sequence and the top peaks labelled.",
                "The per-minute rate, with the busiest second of every pixel column as an envelope (a one-second spike "
                        + "keeps its height). By default the last seven days present in the logs; --from starts the week "
                        + "there."},
        footer = ExitCode.READING_COMMANDS_HELP)
public final class WeekCommand implements Callable<Integer> {
    static final long WEEK_MILLIS = 7 * 86_400_000L;

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

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "The image to write: .png or .svg by its extension.")
    Path out;

    @Option(names = "--latency", description = "Draw request p99 on a second axis.")
    boolean latency;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x600", converter = ChartSizeConverter.class,
            description = "Image size in pixels (default: ${DEFAULT-VALUE}).")
    ChartSize size;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImageFormat format = ImageFormat.of(out);
        window.check();
        ChartFiles.checkFonts();
        TimeWindow given = window.window();
        // --from alone: the week from there
        TimeWindow week = window.from != null && window.to == null
                ? TimeWindow.between(given.fromMillis(), given.fromMillis() + WEEK_MILLIS) : given;
        try (OutputFile file = OutputFile.prepare(out)) {
            LogInputsMixin.Loaded loaded = inputs.load(formatOptions, week, filters.filter(), progress.listener(), err);
            Report report = loaded.report();
            if (loaded.everyLineRejected()) {
                loaded.markRead(); // nothing to draw, and stderr said why
                return loaded.exitCode();
            }
            Optional<String> missing = ChartKind.WEEK.missingData(report);
            if (missing.isPresent()) {
                loaded.markRead();
                throw new UserException(ExitCode.DATA, "nothing to draw: " + missing.get()
                        + (window.from != null || window.to != null ? " in --from/--to" : ""));
            }
            ChartOptions options = ChartOptions.defaults().withSize(size).withLatencyOverlay(latency)
                    .withWeekFrom(window.from == null ? null : window.from.toInstant());
            ChartFiles.write(ChartKind.WEEK.create(report, options), format, size, ChartKind.WEEK.key(), file);
            file.commit();
            stdout.println(TerminalText.safe(out.toString()));
            StandardOutput.check(stdout);
            loaded.markRead();
            return loaded.exitCode();
        }
    }
}
