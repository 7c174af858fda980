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
        CommandLine cl = new CommandLine(new NgxtimeCommand(terminal, err));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.ansi()));
        cl.setOut(out);
        cl.setErr(new PrintWriter(new TerminalSafeWriter(err), true));
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
            boolean verbose = false;
            for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
                verbose |= pr.hasMatchedOption("--verbose");
            }
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
}
