package io.ngxtime.cli;

import io.ngxtime.cli.render.TerminalSafeWriter;
import io.ngxtime.grammar.FormatSyntaxException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the configured command line used by {@link Main} and by the tests. */
public final class Cli {
    private Cli() {
    }

    /**
     * The ngxtime command with its subcommands, writing only to {@code out} and {@code err}. What goes
     * to {@code err} has its control characters escaped ({@link TerminalSafeWriter}): file names,
     * option values and exception messages reach it unchecked, and it is usually a terminal.
     *
     * <p>Whatever a command returns, output it wrote to {@code out} and lost (a full disk, a closed pipe)
     * makes the run fail with one line and {@link ExitCode#IO}: {@code out} is flushed and checked after
     * every command ({@link StandardOutput#failure}). Commands whose output must be delivered before
     * something else happens (a {@code --since-last} position) check it themselves first.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Terminal.none());
    }

    /**
     * {@link #commandLine(PrintWriter, PrintWriter)} writing to {@code terminal}: whether {@code out} is one
     * (colour, redrawing in place, refusing to flood it) and the environment that says whether it takes colour.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Terminal terminal) {
        return commandLine(out, err, terminal, new String[0]);
    }

    /**
     * {@link #commandLine(PrintWriter, PrintWriter, Terminal)} for a run of {@code runArgs}: when they start with a
     * command's name, with that command only. picocli builds a command's whole model (every option, by
     * reflection) when the command is added, and building all seven took about a third of the picocli time
     * of a short report; what the other commands would say (their help, a suggestion for a mistyped name)
     * is needed only when {@code runArgs} do not start with a command's name, and then every command is added.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, Terminal terminal, String[] runArgs) {
        CommandLine cl = new CommandLine(new NgxtimeCommand(terminal, err));
        String named = runArgs.length > 0 ? runArgs[0] : null;
        Class<?> only = NgxtimeCommand.SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(CommandLine.Command.class).name().equals(named))
                .findFirst().orElse(null);
        for (Class<?> command : NgxtimeCommand.SUBCOMMANDS) {
            if (only == null || command == only) {
                cl.addSubcommand(command);
            }
        }
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.ansi()));
        cl.setOut(out);
        // notices escaped, and wrapped at a terminal's width; the progress line uses err itself
        cl.setErr(terminal.forStderr(err));
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            OptionRules.check(parseResult);
            int code = runLast.execute(parseResult);
            String lost = StandardOutput.failure(out);
            if (lost != null) {
                if (StandardOutput.readerGone(out)) {
                    return ExitCode.CLOSED_PIPE; // | head: the reader has what it wanted
                }
                cl.getErr().println("ngxtime: " + lost);
                return ExitCode.IO;
            }
            return code;
        });
        cl.setExitCodeExceptionMapper(e -> e instanceof FormatSyntaxException ? ExitCode.DATA : ExitCode.IO);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = verbose(parseResult);
            PrintWriter w = commandLine.getErr();
            if (e instanceof FormatSyntaxException fse) {
                w.println("ngxtime: bad log format: " + fse.getMessage());
                return ExitCode.DATA;
            }
            if (e instanceof UserException ue) {
                if (ue.getMessage() != null) { // null: the command said it already
                    w.println("ngxtime: " + ue.getMessage());
                }
                if (verbose && ue.getCause() != null) {
                    ue.getCause().printStackTrace(w);
                }
                return ue.exitCode();
            }
            if (JvmShutdown.inProgress()) { // Ctrl-C (or SIGTERM) is stopping the JVM: the stop the user asked for
                return JvmShutdown.reportStop(e, verbose, w);
            }
            w.println("ngxtime: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(w);
            }
            return 70;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("ngxtime: " + ex.getMessage());
            w.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        return cl;
    }

    /** Whether {@code --verbose} was given to the command that ran (null: none was parsed). */
    static boolean verbose(CommandLine.ParseResult parseResult) {
        boolean verbose = false;
        for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            verbose |= pr.hasMatchedOption("--verbose");
        }
        return verbose;
    }
}
