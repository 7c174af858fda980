package io.ngxtime.cli;

import picocli.CommandLine.Command;

/** The top-level {@code ngxtime} command. */
@Command(name = "ngxtime", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "nginx access-log analyzer built around timing: load, peaks, and where the time went.",
        subcommands = {ReportCommand.class, IngestCommand.class, TailCommand.class, WeekCommand.class, ChartCommand.class,
                FormatsCommand.class, GenerateCommand.class},
        footer = {"", "Exit codes: 0 ok; 1 lines were rejected (with --strict); 2 usage;",
                "65 bad log format, no format fits the log, every line of an input was rejected, or nothing to draw;",
                "74 an input or output could not be read or written."})
public final class NgxtimeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
