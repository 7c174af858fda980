package io.ngxtime.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The launcher's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ChronicleSettings.apply();
        // file descriptor 1 itself: System.out swallows write failures, and output lost must not exit 0
        PrintWriter out = StandardOutput.of(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.commandLine(out, err, Terminal.system(), args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
