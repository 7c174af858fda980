package io.ngxtime.analyzer.testutil;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tests that start a JVM of their own: it runs this JVM's java with the module flags Chronicle needs on Java 17. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The start of the child's command line, to add flags, {@code -cp} and a main class to: this JVM's java and its
     * {@code --add-*} and {@code -Dchronicle} flags (as the launcher passes them).
     */
    public static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-") || a.startsWith("-Dchronicle")) {
                cmd.add(a);
            }
        }
        return cmd;
    }
}
