package io.ngxtime.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The launcher's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ChronicleSettings.apply();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
