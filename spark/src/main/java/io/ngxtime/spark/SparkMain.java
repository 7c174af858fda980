package io.ngxtime.spark;

import io.ngxtime.cli.Cli;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The entry point of {@code ngxtime spark} (the launcher runs it with Spark on the classpath) and of
 * {@code spark-submit}: ngxtime's command line with the {@code spark} command added, so options, errors and exit
 * codes are {@code report}'s. Under {@code spark-submit} the arguments may leave out the word {@code spark}.
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        String[] withCommand = args;
        if (args.length == 0 || !args[0].equals("spark")) {
            withCommand = new String[args.length + 1];
            withCommand[0] = "spark";
            System.arraycopy(args, 0, withCommand, 1, args.length);
        }
        int code = commandLine(out, err, new SparkCommand()).execute(withCommand);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** ngxtime's command line ({@link Cli#commandLine}) with {@code command} as its {@code spark} subcommand. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, SparkCommand command) {
        CommandLine cl = Cli.commandLine(out, err);
        CommandLine spark = new CommandLine(command);
        spark.setOut(cl.getOut());
        spark.setErr(cl.getErr());
        spark.setColorScheme(cl.getColorScheme());
        cl.addSubcommand("spark", spark);
        return cl;
    }
}
