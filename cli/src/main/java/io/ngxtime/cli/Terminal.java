package io.ngxtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the process's standard output is: a terminal or not, and whether it takes colour. Decided once
 * per run from the console and the environment; the tests give their own ({@link Cli#commandLine(
 * java.io.PrintWriter, java.io.PrintWriter, Terminal)}).
 *
 * <p>Colour goes through picocli's {@link Ansi} (the usage help and the report alike), and only when
 * standard output is a terminal, {@code TERM} is set and not {@code dumb}, and {@code NO_COLOR} is unset
 * or empty (<a href="https://no-color.org">no-color.org</a>: "when present and not an empty string").
 * Whatever is not a terminal (a pipe, a file, the golden files) never gets an escape sequence.
 *
 * @param isTerminal whether standard output is a terminal (then a command redraws in place, or refuses
 *                   to flood it)
 * @param env        the environment variables to read ({@code NO_COLOR}, {@code TERM})
 * @param stderrIsTerminal whether standard error is a terminal (then a long run shows its progress there)
 * @param ttyColumns the terminal's width as its device tells it (asked at most once), 0 when unknown
 */
record Terminal(boolean isTerminal, Function<String, String> env, boolean stderrIsTerminal, IntSupplier ttyColumns) {
    /** Standard error not a terminal: no progress line. */
    Terminal(boolean isTerminal, Function<String, String> env) {
        this(isTerminal, env, false);
    }

    /** A terminal whose width, without {@code COLUMNS}, is taken as 80 (the tests': no device is asked). */
    Terminal(boolean isTerminal, Function<String, String> env, boolean stderrIsTerminal) {
        this(isTerminal, env, stderrIsTerminal, () -> 0);
    }

    /**
     * The real one: standard output is a terminal when the JVM has a console (on Java 17: standard input and
     * output both terminals) or, when standard input is not one ({@code < /dev/null}, a pipe), when file descriptor
     * 1 is a terminal device: the report and {@code tail --plain} still fit it, {@code generate} still refuses to
     * flood it. What needs standard input too (the dashboard's keys) checks it itself.
     */
    static Terminal system() {
        int[] asked = {-1};
        return new Terminal(System.console() != null || isATerminal(1), System::getenv, isATerminal(2), () -> {
            if (asked[0] < 0) {
                asked[0] = sttyColumns();
            }
            return asked[0];
        });
    }

    /**
     * The width of the controlling terminal as {@code stty size} reads it from {@code /dev/tty}, or 0 when it cannot
     * be told: Java has no call for it, and a shell exports {@code COLUMNS} only when asked to (bash and zsh keep it
     * to themselves), so without this a 200-column terminal would get the 80-column layout. One short process, run
     * only when standard output is a terminal and {@code COLUMNS} is not set.
     */
    private static int sttyColumns() {
        java.io.File tty = new java.io.File("/dev/tty");
        if (!tty.canRead()) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return 0;
            }
            String[] rowsColumns = size.split("\\s+");
            return rowsColumns.length == 2 ? Integer.parseInt(rowsColumns[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Whether file descriptor {@code fd} (1 or 2) is a terminal device: Java has no call for it (its console is
     * standard input and output together), so it is read where Linux shows it; elsewhere, or when that cannot be
     * read, it is not one (no progress line, no redrawing: the safe side).
     */
    private static boolean isATerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Not a terminal: no colour, no redrawing (the tests' default, and any output to a pipe or a file). */
    static Terminal none() {
        return new Terminal(false, Map.<String, String>of()::get);
    }

    /** The terminal of the run {@code spec} belongs to. */
    static Terminal of(CommandSpec spec) {
        return ((NgxtimeCommand) spec.root().userObject()).terminal;
    }

    /** Whether to colour standard output. */
    boolean colours() {
        String noColor = env.apply("NO_COLOR");
        String term = env.apply("TERM");
        return isTerminal && (noColor == null || noColor.isEmpty()) && term != null && !term.equals("dumb");
    }

    /**
     * The columns a report's prose lines are wrapped at, and its tables fit, on this terminal: {@code COLUMNS} when
     * the environment has it (a shell exports it when asked to), else the terminal's own width ({@code stty size}),
     * else 80.
     */
    int columns() {
        String columns = env.apply("COLUMNS");
        if (columns != null) {
            try {
                int n = Integer.parseInt(columns.trim());
                if (n >= 20 && n <= 1000) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // not a number: the terminal's width, or the default
            }
        }
        int n = isTerminal || stderrIsTerminal ? ttyColumns.getAsInt() : 0;
        return n >= 20 && n <= 1000 ? n : 80;
    }

    /**
     * The commands' standard error (picocli's {@code getErr()}): {@code err} with every control character escaped but
     * line breaks and tabs (it carries file names and messages ngxtime did not write), and, when standard error is a
     * terminal, prose wrapped at {@link #columns()} (learnt when the first line is written: most runs write none) as a
     * {@link io.ngxtime.cli.render.ProsePrintWriter}, so a line of the log printed there stays whole. Flushed at every
     * line, as {@code err} is. A pipe or a file, where scripts read one notice a line, gets the lines unwrapped.
     */
    java.io.PrintWriter forStderr(java.io.PrintWriter err) {
        if (!stderrIsTerminal) {
            return new java.io.PrintWriter(new io.ngxtime.cli.render.TerminalSafeWriter(err), true);
        }
        return new io.ngxtime.cli.render.ProsePrintWriter(
                new io.ngxtime.cli.render.ProseWrappingWriter(err, this::columns, true), true);
    }

    /** How wide tables written to standard error may be: as {@link #tableColumns()}, for standard error. */
    int stderrTableColumns() {
        return stderrIsTerminal ? columns() : Integer.MAX_VALUE;
    }

    /**
     * Where a report's text goes: {@code out} itself, or, on a terminal, {@code out} through a
     * {@link io.ngxtime.cli.render.ProseWrappingWriter} at its {@link #columns()} (flush the returned writer before
     * checking {@code out}). A pipe or a file gets the lines unwrapped.
     */
    java.io.PrintWriter forProse(java.io.PrintWriter out) {
        if (!isTerminal) {
            return out;
        }
        return new io.ngxtime.cli.render.ProsePrintWriter(new io.ngxtime.cli.render.ProseWrappingWriter(out, columns()));
    }

    /**
     * How wide the report's tables may be: the terminal's {@link #columns()}, or unbounded for a pipe or a file
     * (which get the full layout, as scripts and golden files expect).
     */
    int tableColumns() {
        return isTerminal ? columns() : Integer.MAX_VALUE;
    }

    /** picocli's colour setting for this terminal: {@link Ansi#ON} or {@link Ansi#OFF}, never guessed again. */
    Ansi ansi() {
        return colours() ? Ansi.ON : Ansi.OFF;
    }
}
