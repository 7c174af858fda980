package io.ngxtime.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The launcher's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 0 && Boolean.getBoolean(StartupTraining.PROPERTY)) { // as the launcher starts it, never a command
            StartupTraining.main(args);
            return;
        }
        ChronicleSettings.apply();
        JvmShutdown.quietenUncaughtFailures();
        // file descriptor 1 itself: System.out swallows write failures, and output lost must not exit 0
        PrintWriter out = StandardOutput.of(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code;
        picocli.CommandLine cl = null;
        try {
            cl = Cli.commandLine(out, err, Terminal.system(), args);
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the launcher gives a bounded heap (docs/performance.md); say how to give more, not a stack trace
            // the Debian package's launcher (packaging/deb/build-deb.sh: it sets ngxtime.launcher=deb) reads JAVA_TOOL_OPTIONS
            String how = "deb".equals(System.getProperty("ngxtime.launcher")) ? "JAVA_TOOL_OPTIONS" : "NGXTIME_JAVA_OPTS";
            err.println("ngxtime: out of memory: the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB) is too small for this run; give it more with " + how + "=-Xmx1g");
            code = 70;
        } catch (RuntimeException | Error e) {
            if (!JvmShutdown.inProgress()) {
                throw e;
            }
            // Ctrl-C (or SIGTERM) is stopping the JVM: what failed because of it is the stop the user asked for
            code = JvmShutdown.reportStop(e, cl != null && Cli.verbose(cl.getParseResult()), err);
        }
        out.flush();
        if (cl != null) {
            cl.getErr().flush(); // the commands' stderr wraps lines on a terminal: a line not ended yet is written now
        }
        err.flush();
        System.exit(code);
    }
}
