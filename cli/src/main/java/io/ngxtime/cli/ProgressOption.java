package io.ngxtime.cli;

import io.ngxtime.analyzer.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --quiet}, and the progress line of a long run: on stderr when stderr is a terminal and
 * {@code --quiet} is not given; nothing otherwise (a pipe, a file, a cron job's mail).
 */
public final class ProgressOption {
    @Option(names = "--quiet", description = "No progress line on stderr (shown only when stderr is a terminal).")
    boolean quiet;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whom the analyzer tells how far it read. */
    ProgressListener listener() {
        if (quiet || !Terminal.of(command).stderrIsTerminal()) {
            return ProgressListener.NONE;
        }
        // the raw stream: the escaping one would print the \r that redraws the line as text
        Terminal terminal = Terminal.of(command);
        return new ProgressLine(((NgxtimeCommand) command.root().userObject()).rawErr, System::nanoTime, terminal::columns);
    }
}
