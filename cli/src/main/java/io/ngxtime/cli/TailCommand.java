package io.ngxtime.cli;

import io.ngxtime.analyzer.LiveClock;
import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.live.AlertEvaluation;
import io.ngxtime.analyzer.live.AlertEvaluator;
import io.ngxtime.analyzer.live.AlertRule;
import io.ngxtime.analyzer.queue.FollowNotice;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.analyzer.queue.Retention;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.cli.alert.AlertRuleConverter;
import io.ngxtime.cli.alert.OnAlertCommand;
import io.ngxtime.cli.dashboard.DashboardScreen;
import io.ngxtime.cli.live.DashboardOutput;
import io.ngxtime.cli.live.FollowNotices;
import io.ngxtime.cli.live.JsonOutput;
import io.ngxtime.cli.live.LiveAlerts;
import io.ngxtime.cli.live.LiveOutput;
import io.ngxtime.cli.live.PlainOutput;
import io.ngxtime.cli.metrics.MetricsAddress;
import io.ngxtime.cli.metrics.MetricsServer;
import io.ngxtime.cli.metrics.TailMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ngxtime tail}: follow live logs like {@code tail -F} and show, every interval, the load, latency by
 * tier, upstreams and routes over a sliding window of log time, with alerts, on a terminal dashboard (or as
 * plain text, or JSON lines), optionally serving Prometheus metrics. The live pipeline is the analyzer's
 * {@link LiveSession}: this command maps its options onto it, judges the alert rules on each frame and hands
 * the frame to one {@link LiveOutput}.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follow live logs (like tail -F) and show load, latency by tier, upstreams and routes over a sliding window, with alerts.")
public final class TailCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "The log files to follow (they may not exist yet); several are shown merged, `f` switches to one.")
    List<Path> files;

    @Mixin
    FormatMixin formatOptions;

    @Mixin
    FilterMixin filters;

    @Option(names = "--queue", paramLabel = "DIR",
            description = "Keep the parsed records in this queue; restarted on it, tail continues where it stopped.")
    Path queue;

    @Option(names = "--retain", paramLabel = "AGE|SIZE", converter = RetentionConverter.class,
            description = "Delete the queue's oldest records beyond this age (7d, 12h) or size (2GB); default for a"
                    + " temporary queue: 2h.")
    Retention retain;

    @Option(names = "--from-start", description = "Read the files from their start instead of their end.")
    boolean fromStart;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2", description = "Refresh every N seconds (default: ${DEFAULT-VALUE}).")
    int intervalSeconds;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "60", description = "Sliding window of log time (default: ${DEFAULT-VALUE}).")
    int windowSeconds;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", description = "Stop after N seconds (default: until q or Ctrl-C).")
    int durationSeconds;

    @Option(names = "--json", description = "One JSON object per refresh, one per line (time, requests_total, requests_per_second, alerts and the report's keys).")
    boolean json;

    @Option(names = "--plain", description = "Append plain text frames instead of the dashboard, also on a terminal.")
    boolean plain;

    @Option(names = "--alert", paramLabel = "RULE", converter = AlertRuleConverter.class,
            description = "Alert when RULE holds, e.g. '5xx>2%%', 'p99>800ms', 'upstream:10.0.1.3:8080 p99>500ms', 'rps<10', 'stale>60s' (repeatable; docs/alerts.md).")
    List<AlertRule> alertRules = new ArrayList<>();

    @Option(names = "--on-alert", paramLabel = "CMD",
            description = "Run CMD (with /bin/sh) when an alert fires or clears, the alert in NGXTIME_ALERT_* variables.")
    String onAlert;

    @Option(names = "--metrics", paramLabel = "[HOST:]PORT", converter = MetricsAddressConverter.class,
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics (127.0.0.1 unless a host is given; docs/metrics.md).")
    MetricsAddress metrics;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "65536", description = "Reject longer lines (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    /** Test seam: runs after the format is settled and before the follower opens the file. */
    Runnable beforeFollowerOpens = () -> { };
    /** Test seam: runs after every batch the follower appends to the queue (on the following thread). */
    Runnable afterAppend = () -> { };

    /** Temporary queues keep this much: a tail that runs for days does not fill /tmp. */
    private static final Retention TEMPORARY_QUEUE_RETENTION = Retention.parse("2h");


    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1 || windowSeconds < intervalSeconds) {
            throw new UserException(ExitCode.USAGE, "--interval must be at least 1 and --window at least the interval");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> stderr = line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        AlertEvaluator evaluator;
        try {
            evaluator = new AlertEvaluator(alertRules);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        FollowedFormats formats = new FollowedFormats(formatOptions, files, err);
        List<LiveSession.Log> logs = new ArrayList<>();
        for (Path file : files) {
            // looked at once: a file that is not there now is new to tail, and read from its start when it appears
            boolean presentAtStart = Files.isRegularFile(file);
            logs.add(new LiveSession.Log(file, formats.of(file, presentAtStart), fromStart || !presentAtStart));
        }
        LiveSession.Request request;
        try {
            request = new LiveSession.Request(logs, queue, filters.filter(), windowSeconds, intervalSeconds,
                    Duration.ofSeconds(Math.max(0, durationSeconds)), maxLineBytes, LiveClock.system(),
                    retain != null ? retain : queue == null ? TEMPORARY_QUEUE_RETENTION : null);
        } catch (IllegalArgumentException e) { // a file given twice
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        LiveSession session = new LiveSession(request).beforeFollowerOpens(beforeFollowerOpens).afterAppend(afterAppend);
        List<String> names = files.stream().map(Path::toString).toList();
        TailMetrics tailMetrics = metrics != null ? new TailMetrics() : null;
        // bound before any line is read: a port in use is said at once, not after the log was followed
        MetricsServer server = tailMetrics != null ? serve(tailMetrics) : null;
        if (server != null) {
            stderr.accept("ngxtime: serving metrics at " + server.url());
        }
        LiveOutput output = null;
        OnAlertCommand command = null;
        CancelOnShutdown onInterrupt = null;
        try {
            output = output(names, session, out, stderr);
            LiveOutput view = output;
            command = onAlert != null ? new OnAlertCommand(onAlert, names, OnAlertCommand.Limits.DEFAULT,
                    line -> view.notice("", line)) : null;
            OnAlertCommand alertCommand = command;
            long started = System.currentTimeMillis();
            LiveSession.Listener listener = new LiveSession.Listener() {
                @Override
                public void frame(LiveSession.Frame f) {
                    AlertEvaluation alerts = evaluator.evaluate(LiveAlerts.input(f, System.currentTimeMillis() - started));
                    if (alertCommand != null) {
                        alerts.transitions().forEach(alertCommand::submit);
                    }
                    for (LiveSession.FileStatus s : f.files()) {
                        view.hint(s.file(), formats.hint(s));
                    }
                    view.frame(f, alerts);
                    StandardOutput.check(out); // nobody reads any more (a closed pipe, a full disk): stop
                }

                @Override
                public void request(String file, Request r) {
                    if (tailMetrics != null) {
                        tailMetrics.request(file, r);
                    }
                }

                @Override
                public void rejected(String file, long lines) {
                    if (tailMetrics != null) {
                        tailMetrics.rejected(file, lines);
                    }
                }

                @Override
                public void notice(String file, FollowNotice n) {
                    view.notice(file, FollowNotices.text(n));
                }
            };
            // Ctrl-C: the followers stop, the queues are closed and a temporary one deleted before the JVM exits
            onInterrupt = CancelOnShutdown.install(session::stop, Duration.ofSeconds(10));
            session.run(listener);
        } catch (LiveSession.QueueUnwritableException e) {
            throw new UserException(ExitCode.IO, e.getMessage(), e);
        } catch (QueueIngester.AppendException io) { // names the queue, and the file and line it holds
            // no checkpoint left (a removed cycle file held them): a restart would follow the log from its end
            throw new UserException(ExitCode.IO, IoErrorText.describe(io) + (io.heldLines() == 0
                    ? " (run tail again with --from-start to read the log from its first line into the queue)" : ""), io);
        } catch (LiveSession.FollowException e) {
            throw new UserException(ExitCode.IO, aboutFile(e.file(), e.getCause()), e.getCause());
        } finally {
            if (output != null) {
                output.close(); // the terminal restored before anything else is said
            }
            if (command != null) {
                command.close();
            }
            if (server != null) {
                server.close();
            }
            if (onInterrupt != null) {
                onInterrupt.close();
            }
        }
        return ExitCode.OK;
    }

    private MetricsServer serve(TailMetrics tailMetrics) {
        try {
            return MetricsServer.start(metrics, tailMetrics.registry());
        } catch (IOException e) {
            throw new UserException(ExitCode.IO, IoErrorText.describe(e), e);
        }
    }

    /** The dashboard on a terminal that can hold it, else plain text frames; JSON lines with --json. */
    private LiveOutput output(List<String> names, LiveSession session, PrintWriter out, Consumer<String> stderr)
            throws IOException {
        if (json) {
            return new JsonOutput(out, stderr, OffsetDateTime::now);
        }
        if (!plain && Terminal.of(spec).isTerminal()) {
            try {
                return DashboardOutput.open(names, intervalSeconds, session::stop, stderr, System::getenv);
            } catch (DashboardScreen.NotATerminalException e) {
                // stdout is a terminal, but stdin is not, or it cannot move the cursor: frames are appended
            }
        }
        // --plain on a terminal: its prose lines wrapped at the terminal's width, as the report's are
        Terminal terminal = Terminal.of(spec);
        return new PlainOutput(terminal.forProse(out), stderr, intervalSeconds, windowSeconds, terminal.tableColumns());
    }

    /** The error's one line, naming the followed file once (the follower's own messages name it already). */
    private static String aboutFile(Path file, IOException e) {
        String m = IoErrorText.describe(e);
        return m.startsWith(file.toString()) ? m : file + ": " + m;
    }

}
