package io.ngxtime.cli;

import io.ngxtime.analyzer.Analysis;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.cli.render.JsonReportRenderer;
import io.ngxtime.cli.render.TextReportRenderer;
import io.ngxtime.grammar.LogFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ngxtime report}: post-incident forensics over log files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Analyse access logs: requests, rejected lines, status codes, time range.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Log files (plain or .gz), or - for standard input.")
    List<String> files = new ArrayList<>();

    @Mixin
    FormatMixin formatOptions;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogFormat format = formatOptions.format();
        List<Input> inputs = files.stream().map(f -> Input.of(f, System.in)).toList();
        Writer rejects = null;
        try {
            if (rejectsFile != null) {
                try {
                    rejects = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UserException(ExitCode.IO, "cannot write " + rejectsFile + ": " + Analysis.describe(e));
                }
            }
            Analysis analysis = Analysis.builder().format(format).candidates(formatOptions.candidates())
                    .rejectsWriter(rejects).maxLineBytes(maxLineBytes).maxSamples(samples)
                    .notices(s -> err.println("ngxtime: " + s)).build();
            Report report;
            try {
                report = analysis.run(inputs);
            } catch (FormatDetectionException e) {
                throw new UserException(ExitCode.DATA, e.getMessage());
            }
            for (InputError e : analysis.inputErrors()) {
                err.println("ngxtime: " + e);
            }
            if (json) {
                new JsonReportRenderer().render(report, out);
            } else {
                new TextReportRenderer(Terminal.colours(spec)).render(report, out);
            }
            out.flush();
            if (!analysis.inputErrors().isEmpty()) {
                return ExitCode.IO;
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
