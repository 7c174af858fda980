package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Standard output on a terminal while standard input is not one ({@code < /dev/null}, a pipe): Java 17 has no
 * console then, and ngxtime still takes standard output for the terminal it is. A real terminal: util-linux's
 * {@code script} runs the command on a pseudo-terminal.
 */
class TerminalDeviceTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @Test
    void stdoutATerminal_stdinNot_generateStillRefusesToFloodIt() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) runs a command on a pseudo-terminal");
        List<String> cmd = ChildJvm.command();
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "generate", "--hours", "1"));
        String shell = cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));

        String onTerminal = run(List.of(SCRIPT.toString(), "-qec", shell + " < /dev/null", "/dev/null"));
        assertThat(onTerminal).contains("standard output is a terminal");

        String piped = run(List.of("sh", "-c", shell + " < /dev/null | head -n 3"));
        assertThat(piped.lines().toList()).as(piped).hasSize(3).allSatisfy(l -> assertThat(l).contains(" HTTP/"));
    }

    @Test
    void onASixtyColumnTerminal_theUsageIsLaidOutForIt_notReWrapped() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) runs a command on a pseudo-terminal");
        List<String> cmd = ChildJvm.command();
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        String shell = cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));

        String usage = run(List.of(SCRIPT.toString(), "-qec", "stty cols 60 rows 24; env -u COLUMNS " + shell, "/dev/null"));
        assertThat(usage).contains("Usage: ngxtime").contains("Commands:");
        for (String line : usage.split("\r?\n")) {
            assertThat(io.ngxtime.cli.render.TerminalColumns.width(line)).as(line).isLessThanOrEqualTo(60);
        }
        // picocli's columns kept: a command's description goes on under its own column, not at the margin
        assertThat(usage.lines().filter(l -> l.startsWith("  report ")).findFirst()).isPresent();
        assertThat(usage).doesNotContain("\n    what drove them");
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        return out;
    }
}
