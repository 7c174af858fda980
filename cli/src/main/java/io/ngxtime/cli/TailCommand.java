package io.ngxtime.cli;

import io.ngxtime.analyzer.InputSet;
import io.ngxtime.analyzer.LiveClock;
import io.ngxtime.analyzer.LiveSession;
import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.ingest.FormatDetectionException;
import io.ngxtime.analyzer.ingest.FormatDetector;
import io.ngxtime.analyzer.queue.FollowNotice;
import io.ngxtime.analyzer.queue.QueueIngester;
import io.ngxtime.cli.render.JsonReportRenderer;
import io.ngxtime.cli.render.LiveRenderer;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ngxtime tail}: follow a live log like {@code tail -F} and show, every interval, the load,
 * latency by tier, upstreams and routes over a sliding window, flagging surges. Lines go through a
 * record queue ({@code --queue} keeps it, and a restart continues exactly where it ended, also when the
 * log was rotated meanwhile); what may be lost is said on stderr ({@link FollowNotices}). The live pipeline
 * is the analyzer's {@link LiveSession}: this command maps its options onto it and renders each frame.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follow a live log (like tail -F) and show load, latency by tier, upstreams and routes over a sliding window.")
public final class TailCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The log file to follow (it may not exist yet).")
    Path file;

    @Mixin
    FormatMixin formatOptions;

    @Option(names = "--queue", paramLabel = "DIR",
            description = "Keep the parsed records in this queue; restarted on it, tail continues where it stopped.")
    Path queue;

    @Option(names = "--from-start", description = "Read the file from its start instead of its end.")
    boolean fromStart;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2", description = "Refresh every N seconds (default: ${DEFAULT-VALUE}).")
    int intervalSeconds;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "60", description = "Sliding window (default: ${DEFAULT-VALUE}).")
    int windowSeconds;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", description = "Stop after N seconds (default: until Ctrl-C).")
    int durationSeconds;

    @Option(names = "--json", description = "One JSON object per refresh (report keys), one per line.")
    boolean json;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "65536", description = "Reject longer lines (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    /** Test seam: runs after the format is settled and before the follower opens the file. */
    Runnable beforeFollowerOpens = () -> { };
    /** Test seam: runs after every batch the follower appends to the queue (on the following thread). */
    Runnable afterAppend = () -> { };

    /** Whether the format was assumed (nothing to detect it from): rejected lines may mean it is wrong. */
    private boolean formatAssumed;

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1 || windowSeconds < intervalSeconds) {
            throw new UserException(ExitCode.USAGE, "--interval must be at least 1 and --window at least the interval");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // looked at once: a file that is not there now is new to tail, and read from its start when it appears
        boolean presentAtStart = Files.isRegularFile(file);
        LogFormat format = format(err, presentAtStart);
        LiveSession session = new LiveSession(LiveSession.Request.of(new LiveSession.Log(file, format, fromStart || !presentAtStart),
                queue, windowSeconds, intervalSeconds, Duration.ofSeconds(Math.max(0, durationSeconds)), maxLineBytes,
                LiveClock.system()))
                .beforeFollowerOpens(beforeFollowerOpens).afterAppend(afterAppend);
        LiveRenderer live = new LiveRenderer(Terminal.of(spec).isTerminal());
        boolean[] hinted = {false};
        LiveSession.Listener frames = new LiveSession.Listener() {
            @Override
            public void frame(LiveSession.Frame f) {
                if (formatAssumed && !hinted[0] && f.rejectedSeen() * 2 > f.linesSeen()) {
                    err.println(formatHint(format, f, err));
                    err.flush();
                    hinted[0] = true;
                }
                if (json) {
                    new JsonReportRenderer(false, false).renderLive(f.view(), f.surge(), out);
                } else {
                    live.render(f, intervalSeconds, windowSeconds, out);
                }
                StandardOutput.check(out); // nobody reads any more (a closed pipe, a full disk): stop
            }

            @Override
            public void notice(FollowNotice n) {
                err.println(FollowNotices.text(n));
                err.flush();
            }
        };
        // Ctrl-C: the follower stops, the queue is closed and a temporary one deleted before the JVM exits
        CancelOnShutdown onInterrupt = CancelOnShutdown.install(session::stop, Duration.ofSeconds(10));
        try {
            session.run(frames);
        } catch (LiveSession.QueueUnwritableException e) {
            throw new UserException(ExitCode.IO, e.getMessage(), e);
        } catch (QueueIngester.AppendException io) { // names the queue, and the file and line it holds
            throw new UserException(ExitCode.IO, IoErrorText.describe(io), io);
        } catch (LiveSession.FollowException e) {
            throw new UserException(ExitCode.IO, aboutFile(e.getCause()), e.getCause());
        } finally {
            onInterrupt.close();
        }
        return ExitCode.OK;
    }

    /** The error's one line, naming the followed file once (the follower's own messages name it already). */
    private String aboutFile(IOException e) {
        String m = IoErrorText.describe(e);
        return m.startsWith(file.toString()) ? m : file + ": " + m;
    }

    private LogFormat format(PrintWriter err, boolean present) {
        LogFormat f = formatOptions.formats(err).given();
        if (f != null) {
            return f;
        }
        if (present) {
            try {
                Optional<FormatDetector.Detection> d = InputSet.detectFollowed(formatOptions.formats(err).candidates(), file);
                if (d.isPresent()) {
                    err.println("ngxtime: " + d.get().describe());
                    return d.get().format();
                }
            } catch (FormatDetectionException e) {
                throw new UserException(ExitCode.DATA, e.getMessage());
            } catch (IOException e) {
                throw new UserException(ExitCode.IO, file + ": " + IoErrorText.describe(e), e);
            }
        }
        err.println("ngxtime: no lines to detect the format from yet; assuming 'timing' (give --log-format)");
        formatAssumed = true;
        return Preset.TIMING.format();
    }

    /**
     * One line for stderr when the assumed format rejects most lines: how many, and the format the file's
     * first lines fit, if one does.
     */
    private String formatHint(LogFormat assumed, LiveSession.Frame frame, PrintWriter err) {
        String hint = "ngxtime: " + frame.rejectedSeen() + " of the " + frame.linesSeen()
                + " lines read do not match the assumed format '" + assumed.name() + "'; ";
        try {
            Optional<FormatDetector.Detection> detected = InputSet.detectFollowed(formatOptions.formats(err).candidates(), file);
            String name = detected.map(d -> d.format().name()).orElse(assumed.name());
            if (detected.isPresent() && detected.get().inferred() != null) {
                return hint + "the log is JSON: restart tail and its format is inferred from its keys";
            }
            if (detected.isPresent() && !name.equals(assumed.name())) {
                String option = Preset.byName(name).isPresent() ? "--log-format " : "--format-name ";
                return hint + "the log looks like '" + name + "': restart with " + option + name;
            }
        } catch (FormatDetectionException | IOException | UserException e) {
            // no known format fits, the file is gone again, or --nginx-conf no longer reads: no suggestion
        }
        return hint + "restart with its format (--log-format or --nginx-conf)";
    }

}
