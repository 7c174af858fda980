package io.ngxtime.cli;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/**
 * Run as a separate process by {@link KillAndRotateTest}: one {@code ngxtime} command (its arguments), its
 * output discarded, its errors on stderr, and {@code batch} on stdout after every batch it appends to the
 * queue, so that the test can kill it while it works. Prints {@code exit N} when the command ends.
 */
public final class KillableChild {
    private KillableChild() {
    }

    public static void main(String[] args) {
        ChronicleSettings.apply();
        CommandLine cl = Cli.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err, true));
        Runnable batch = () -> {
            System.out.println("batch");
            System.out.flush();
        };
        ((TailCommand) cl.getSubcommands().get("tail").getCommand()).afterAppend = batch;
        ((IngestCommand) cl.getSubcommands().get("ingest").getCommand()).afterAppend = batch;
        int exit = cl.execute(args);
        System.out.println("exit " + exit);
        System.out.flush();
        System.exit(exit);
    }
}
