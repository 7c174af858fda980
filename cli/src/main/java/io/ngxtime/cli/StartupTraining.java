package io.ngxtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data sharing archive: the commands whose start-up matters
 * (a report of a small file, as text and as JSON, the usage help, and a report of a file large enough to go
 * through a temporary record queue), run once in this JVM so that
 * {@code -XX:DumpLoadedClassList} lists every class they load. The launcher starts it with the JVM flags
 * of the runs that will map the archive ({@code ./ngxtime}, docs/performance.md).
 *
 * <p>It makes its own input (one hour of the generator's {@code timing} traffic, in a temporary directory
 * it removes), so it needs nothing but the jar. Every output goes nowhere. Exit status 0 when every
 * command did what it should, 1 otherwise: the launcher then keeps no archive, and runs go on without one.
 * Not a user command: it is not part of {@code ngxtime}'s command line.
 */
public final class StartupTraining {
    /**
     * Set to {@code true} with no argument, {@link Main} runs the training instead of a command (with arguments
     * the property is ignored: a command given is run): the launcher starts it with
     * {@code -jar}, as the runs it trains for, so that the manifest's Add-Opens apply (Chronicle needs them).
     */
    static final String PROPERTY = "ngxtime.startupTraining";

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        ChronicleSettings.apply();
        Path dir = Files.createTempDirectory("ngxtime-startup-training");
        int failures;
        try {
            failures = run(dir);
        } finally {
            deleteTree(dir);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Runs the training commands with their input in {@code dir}; returns how many did not exit 0. */
    static int run(Path dir) {
        String log = dir.resolve("training.log").toString();
        // over Analysis's 8 MB direct limit: read through a temporary record queue, so Chronicle's classes are archived
        String large = dir.resolve("training-large.log").toString();
        List<List<String>> commands = List.of(
                List.of("generate", "--hours", "1", "--rate", "0.5", "--out", log),
                List.of("report", log),
                List.of("report", "--json", log),
                List.of("report", "--help"),
                List.of("generate", "--hours", "1", "--rate", "12", "--out", large),
                List.of("report", "--json", large));
        int failures = 0;
        for (List<String> command : commands) {
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            if (Cli.commandLine(nowhere, nowhere, Terminal.none()).execute(command.toArray(String[]::new)) != 0) {
                failures++;
            }
        }
        return failures;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
