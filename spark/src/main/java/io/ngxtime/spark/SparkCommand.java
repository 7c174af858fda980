package io.ngxtime.spark;

import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.InputError;
import io.ngxtime.analyzer.ingest.InputLines;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.cli.ChartFiles;
import io.ngxtime.cli.ExitCode;
import io.ngxtime.cli.FilterMixin;
import io.ngxtime.cli.FormatMixin;
import io.ngxtime.cli.OutputFile;
import io.ngxtime.cli.RejectedInputs;
import io.ngxtime.cli.StandardOutput;
import io.ngxtime.cli.UnreadableInputs;
import io.ngxtime.cli.UserException;
import io.ngxtime.cli.WindowMixin;
import io.ngxtime.cli.render.CsvSeriesRenderer;
import io.ngxtime.cli.render.JsonReportRenderer;
import io.ngxtime.cli.render.TextReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ngxtime spark}: {@code report} as a Spark job ({@link SparkReport}), printed as {@code report} prints
 * it. Without {@code --master} and outside {@code spark-submit}, Spark runs in local mode bound to 127.0.0.1
 * with its UI off ({@link SparkContexts}).
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "The report as an Apache Spark job: the same figures as 'report', from a cluster over many logs "
                + "(gzip: one task per file; plain files split at line boundaries).")
public final class SparkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Log files (plain or compressed), directories (their files) or globs (logs/access.log*); "
                    + "also as URLs read through Hadoop (hdfs://, s3a://, file://).")
    List<String> files = new ArrayList<>();

    @Mixin
    FormatMixin formatOptions;

    @Mixin
    WindowMixin window;

    @Mixin
    FilterMixin filters;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: what spark-submit set, else local[*]).")
    String master;

    @Option(names = "--peaks", paramLabel = "N", defaultValue = "5",
            description = "How many peaks to find, attribute and label; 0 for none (default: ${DEFAULT-VALUE}).")
    int peaks;

    @Option(names = "--json", description = "Print the report as JSON (keys documented in docs/report-json.md).")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the time series as CSV, one row per minute (- for standard output: the report then goes to stderr).")
    String csv;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the report with every chart as one self-contained HTML page, as 'report --html' does.")
    Path html;

    @Option(names = "--rows", paramLabel = "N", description = "At most N rows in every table of the terminal report.")
    Integer rows;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "65536",
            description = "Reject lines longer than N bytes without reading them whole (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "10",
            description = "How many rejected lines to show (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--split-bytes", paramLabel = "N", defaultValue = "134217728",
            description = "Most bytes of a plain file one split reads (default: ${DEFAULT-VALUE}, 128 MiB).")
    long splitBytes;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "0",
            description = "Tasks reading the splits (default: 0, as many as the data and the cluster's cores call for).")
    int tasks;

    @Option(names = "--strict", description = "Exit with 1 when any line was rejected.")
    boolean strict;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    private final SparkContexts contexts;

    /** The command with Spark contexts of its own (local mode unless a master is set). */
    public SparkCommand() {
        this(SparkContexts.OWN);
    }

    /** The command running its jobs on contexts from {@code contexts} (a test's shared one). */
    public SparkCommand(SparkContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        window.check();
        if (rows != null && rows < 1) {
            throw new UserException(ExitCode.USAGE, "--rows must be at least 1, not " + rows);
        }
        if (peaks < 0 || samples < 0 || maxLineBytes < 1 || splitBytes < 1 || tasks < 0) {
            throw new UserException(ExitCode.USAGE, "--peaks, --samples and --tasks must be 0 or more, --max-line-bytes and"
                    + " --split-bytes 1 or more");
        }
        if ("-".equals(csv) && json) {
            throw new UserException(ExitCode.USAGE, "--csv - and --json would both write to standard output: give --csv a FILE");
        }
        if (files.contains(Input.STDIN)) {
            throw new UserException(ExitCode.USAGE, "a Spark job cannot read standard input: give files");
        }
        if (html != null) {
            ChartFiles.checkFonts();
        }
        // every output checked before the job runs (a cluster's time is not spent on a report that cannot be
        // written), each written beside its target and renamed into place once whole, as 'report' does
        try (OutputFile csvOut = csv == null || csv.equals("-") ? null : OutputFile.prepare(Path.of(csv));
             OutputFile htmlOut = html == null ? null : OutputFile.prepare(html)) {
            SparkReport.Request request = new SparkReport.Request(window.window(), filters.filter(), window.baseline(), peaks,
                    samples, maxLineBytes, splitBytes, tasks);
            // URLs are expanded and probed with the job's Hadoop configuration, so Spark starts first; local paths are
            // probed before it starts, so a missing file ends the run at once
            boolean urls = files.stream().anyMatch(HadoopFiles::isUrl);
            InputSet local = urls ? null : inputSet(err, null);
            SparkReport.Result result;
            try (SparkContexts.Lease spark = contexts.open(master)) {
                HadoopFiles hadoop = urls ? HadoopFiles.of(spark.context()) : null;
                InputSet set = urls ? inputSet(err, hadoop) : local;
                result = SparkReport.run(spark.context(), set, request, hadoop);
            }
            for (InputError e : result.inputErrors()) {
                err.println("ngxtime: " + e);
            }
            RejectedInputs.warn(result.inputLines(), err);
            SparkReport.JobSummary job = result.summary();
            if (job.limitedByOneFile()) {
                err.printf(Locale.US, "ngxtime: note: %s holds about %.0f%% of the data and is read by one task (compressed"
                        + " files cannot be split): it bounds how fast this run can be%n", job.largestWhole(), job.largestWholeShare() * 100);
            }
            Report report = result.report();
            PrintWriter reportOut = "-".equals(csv) ? err : out;
            if (json) {
                new JsonReportRenderer().render(report, reportOut);
            } else {
                new TextReportRenderer(Ansi.OFF, rows == null ? OptionalInt.empty() : OptionalInt.of(rows)).render(report, reportOut);
            }
            reportOut.flush();
            if ("-".equals(csv)) {
                new CsvSeriesRenderer().perMinute(report, out);
                out.flush();
            } else if (csvOut != null) {
                PrintWriter w = new PrintWriter(csvOut.writer());
                new CsvSeriesRenderer().perMinute(report, w);
                w.flush();
            }
            if (htmlOut != null) {
                ChartFiles.writeHtml(report, htmlOut);
            }
            StandardOutput.check(out);
            for (OutputFile f : new OutputFile[] {csvOut, htmlOut}) {
                if (f != null) {
                    f.commit();
                }
            }
            if (!result.inputErrors().isEmpty()) {
                return ExitCode.IO;
            }
            if (result.inputLines().stream().anyMatch(InputLines::allRejected)) {
                return ExitCode.DATA;
            }
            return strict && report.rejects().total() > 0 ? ExitCode.REJECTED_LINES : ExitCode.OK;
        }
    }

    /**
     * The files probed (none readable ends the run), the format taken or detected (said on {@code err}), ordered.
     * Local names are expanded by {@link InputPaths}, URLs by {@code hadoop} (null when there are none).
     */
    private InputSet inputSet(PrintWriter err, HadoopFiles hadoop) {
        List<Input> inputs = new ArrayList<>();
        try {
            for (String name : files) {
                if (HadoopFiles.isUrl(name)) {
                    for (String url : hadoop.expand(name)) {
                        inputs.add(hadoop.input(url));
                    }
                } else {
                    for (String f : InputPaths.expand(List.of(name))) {
                        inputs.add(Input.of(f, null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, "cannot list " + String.join(" ", files) + ": " + IoErrorText.describe(e), e);
        }
        InputSet set = InputSet.probe(inputs);
        if (set.noneReadable()) {
            UnreadableInputs.stop(set.errors(), err);
        }
        FormatMixin.Formats formats = formatOptions.formats(err);
        try {
            set.resolve(new InputSet.FormatChoice(formats.given(), formats.candidates(), false))
                    .ifPresent(d -> err.println("ngxtime: " + d.describe()));
        } catch (FormatDetectionException e) {
            throw new UserException(ExitCode.DATA, e.getMessage());
        }
        return set;
    }
}
