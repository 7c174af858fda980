package io.ngxtime.cli;

import io.ngxtime.testdata.GenerateMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code ngxtime generate}: realistic, seeded nginx logs with their ground truth (the test-data generator). */
@Command(name = "generate",
        description = "Write realistic nginx logs (any preset or format, seeded, with flash crowds) and their ground truth. Try: generate --help")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Unmatched
    List<String> args = new ArrayList<>();

    /**
     * Streams the log to standard output as bytes ({@code --gzip} is binary: it must not go through a
     * text writer); what the generator says goes to stderr.
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        if (out instanceof StandardOutput stdout) {
            try (PrintStream o = new PrintStream(stdout.bytes(), false, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = GenerateMain.run(args.toArray(String[]::new), o, e);
            }
        } else {
            // a writer of text (tests): the log is decoded as UTF-8, which a --gzip stream is not
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = GenerateMain.run(args.toArray(String[]::new), o, e);
            }
            out.print(bytes.toString(StandardCharsets.UTF_8));
        }
        spec.commandLine().getErr().print(err.toString(StandardCharsets.UTF_8));
        spec.commandLine().getErr().flush();
        return code; // Cli checks that standard output took it all

    }
}
