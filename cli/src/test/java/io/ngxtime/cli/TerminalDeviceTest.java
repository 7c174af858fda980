package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Standard output on a terminal while standard input is not one ({@code < /dev/null}, a pipe): Java 17 has no
 * console then, and ngxtime still takes standard output for the terminal it is. A real terminal: util-linux's
 * {@code script} runs the command on a pseudo-terminal (skipped where there is none, or no /proc).
 */
class TerminalDeviceTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    /** The child JVM's command line for ngxtime with {@code args}, quoted for sh. */
    private static String ngxtime(String... args) {
        assumeTrue(Files.isExecutable(SCRIPT) && Files.isDirectory(Path.of("/proc/self/fd")),
                "util-linux script(1) runs a command on a pseudo-terminal; /proc tells what fd 1 is");
        List<String> cmd = ChildJvm.command();
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    @Test
    void stdoutATerminal_stdinNot_generateStillRefusesToFloodIt() throws Exception {
        String shell = ngxtime("generate", "--hours", "1");

        String onTerminal = run(List.of(SCRIPT.toString(), "-qec", shell + " < /dev/null", "/dev/null"));
        assertThat(onTerminal).contains("standard output is a terminal");

        String piped = run(List.of("sh", "-c", shell + " < /dev/null | head -n 3"));
        assertThat(piped.lines().toList()).as(piped).hasSize(3).allSatisfy(l -> assertThat(l).contains(" HTTP/"));
    }

    @Test
    void onASixtyColumnTerminal_theUsageIsLaidOutForIt_notReWrapped() throws Exception {
        String shell = ngxtime();
        // standard input a terminal and not (Java has no console then), and COLUMNS narrower than the device
        for (String how : List.of("env -u COLUMNS " + shell, "env -u COLUMNS " + shell + " < /dev/null",
                "stty cols 100; env COLUMNS=60 " + shell)) {
            String usage = run(List.of(SCRIPT.toString(), "-qec", "stty cols 60 rows 24; " + how, "/dev/null"));
            assertThat(usage).as(how).contains("Usage: ngxtime").contains("Commands:");
            for (String line : usage.split("\\r?\\n")) {
                assertThat(io.ngxtime.cli.render.TerminalColumns.width(line)).as(how + ": " + line).isLessThanOrEqualTo(60);
            }
            // picocli's columns kept: a description goes on under its own column, never back at the margin
            assertThat(usage.lines().filter(l -> l.startsWith("  report ")).findFirst()).as(how).isPresent();
            assertThat(usage.lines().filter(l -> l.startsWith("  and where") || l.startsWith("    what drove")).toList())
                    .as(how).isEmpty();
        }
    }

    /** Its output (stdout and stderr); fails, never hangs, when it takes more than a minute. */
    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("ended within a minute: " + command).isTrue();
        return out.get(10, TimeUnit.SECONDS);
    }
}
