package io.ngxtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The top-level {@code ngxtime} command: run without a command, it is a usage error. Its subcommands are
 * {@link #SUBCOMMANDS}, added by {@link Cli#commandLine}.
 */
@Command(name = "ngxtime", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "nginx access-log analyzer built around timing: load, peaks, and where the time went.",
        footer = {"", "Exit codes: 0 ok; 1 lines were rejected (with --strict); 2 usage;",
                "65 bad log format, no format fits the log, every line of an input was rejected, or nothing to draw;",
                "74 an input or output could not be read or written; 130 interrupted (Ctrl-C);",
                "141 standard output's reader closed the pipe (| head), without a message."})
public final class NgxtimeCommand implements Callable<Integer> {
    /** The subcommands, in the order the usage help lists them. */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(ReportCommand.class, IngestCommand.class,
            TailCommand.class, WeekCommand.class, ChartCommand.class, FormatsCommand.class, GenerateCommand.class,
            CompareCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What standard output is, for every command of this run ({@link Terminal#of}). */
    final Terminal terminal;

    /**
     * Standard error as given, without the escaping of control characters: only for the progress line
     * ({@link ProgressLine}), which is ngxtime's own text and must move the cursor back ({@code \r}).
     */
    final java.io.PrintWriter rawErr;

    NgxtimeCommand(Terminal terminal, java.io.PrintWriter rawErr) {
        this.terminal = terminal;
        this.rawErr = rawErr;
    }

    /**
     * No command: the usage on stderr (standard output may be a pipe expecting a report) and exit 2.
     * Without colour: stderr escapes every control character ({@link Cli#commandLine}).
     */
    @Override
    public Integer call() {
        if (terminal.stderrIsTerminal()) {
            // laid out for the width stderr's writer wraps at (Terminal.forStderr), so that it never re-wraps the
            // usage's columns; picocli lays out no narrower than 55
            spec.commandLine().setUsageHelpWidth(Math.max(55, Math.min(terminal.columns(), 200)));
        }
        spec.commandLine().usage(spec.commandLine().getErr(), picocli.CommandLine.Help.Ansi.OFF);
        return ExitCode.USAGE;
    }
}
