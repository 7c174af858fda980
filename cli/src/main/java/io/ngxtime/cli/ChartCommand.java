package io.ngxtime.cli;

import io.ngxtime.analyzer.report.Report;
import io.ngxtime.charts.ChartKind;
import io.ngxtime.charts.ChartOptions;
import io.ngxtime.charts.ChartSize;
import io.ngxtime.cli.render.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngxtime chart}: the whole chart set as image files. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Draw every chart of the logs into a directory, one PNG (or SVG) file per chart.",
                "Requests per second with the peaks, the week, latency by tier, where the time goes, upstream latency, "
                        + "status classes, load against latency. A chart the logs have no data for is skipped with a note "
                        + "on stderr."},
        footer = ExitCode.READING_COMMANDS_HELP)
public final class ChartCommand implements Callable<Integer> {
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

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Directory to write the charts to (created if missing).")
    Path out;

    @Option(names = "--svg", description = "Write SVG files instead of PNG.")
    boolean svg;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x600", converter = ChartSizeConverter.class,
            description = "Image size in pixels (default: ${DEFAULT-VALUE}).")
    ChartSize size;

    @Option(names = "--latency", description = "Draw request p99 over the week chart, on a second axis.")
    boolean latency;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        window.check();
        ChartFiles.checkFonts();
        ImageFormat format = svg ? ImageFormat.SVG : ImageFormat.PNG;
        // every file is checked before any log is read
        ChartFiles.directory(out);
        Map<ChartKind, OutputFile> files = new EnumMap<>(ChartKind.class);
        try {
            for (ChartKind kind : ChartKind.values()) {
                files.put(kind, OutputFile.prepare(out.resolve(kind.key() + "." + format.extension())));
            }
            LogInputsMixin.Loaded loaded = inputs.load(formatOptions, window.window(), filters.filter(), progress.listener(), err);
            Report report = loaded.report();
            if (loaded.everyLineRejected()) {
                loaded.markRead(); // nothing to draw, and stderr said why: the next run need not say it again
                return loaded.exitCode();
            }
            ChartOptions options = ChartOptions.defaults().withSize(size).withLatencyOverlay(latency)
                    .withWeekFrom(window.from == null ? null : window.from.toInstant());
            List<OutputFile> written = new ArrayList<>();
            for (ChartKind kind : ChartKind.values()) {
                Optional<String> missing = kind.missingData(report);
                if (missing.isPresent()) {
                    err.println("ngxtime: no " + kind.key() + " chart: " + missing.get());
                    continue;
                }
                OutputFile file = files.get(kind);
                ChartFiles.write(kind.create(report, options), format, size, kind.key(), file);
                written.add(file);
            }
            for (OutputFile file : written) {
                file.commit();
                stdout.println(TerminalText.safe(file.target().toString()));
            }
            StandardOutput.check(stdout);
            loaded.markRead();
            if (loaded.exitCode() != ExitCode.OK) {
                return loaded.exitCode();
            }
            if (written.isEmpty()) {
                throw new UserException(ExitCode.DATA, "nothing to draw: no request in the logs has a time");
            }
            return ExitCode.OK;
        } finally {
            files.values().forEach(OutputFile::close);
        }
    }
}
