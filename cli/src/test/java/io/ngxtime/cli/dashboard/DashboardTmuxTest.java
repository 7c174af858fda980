package io.ngxtime.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard on a real terminal: {@link DashboardDemo} run from a shell inside tmux (a server of its own,
 * no user configuration), its pane captured as a person would see it, keys sent as typed. CI installs tmux
 * ({@code .ci/run}); elsewhere the test is skipped without it.
 *
 * <p>The captured screens are kept in {@code cli/target/dashboard-*.txt} to be looked at.
 */
class DashboardTmuxTest {
    /** How long a pane may take to show what is awaited (a JVM start on a busy machine). */
    private static final long PATIENCE_MILLIS = 90_000;
    private static final String SESSION = "demo";

    @TempDir
    Path dir;
    private String socket;

    @BeforeEach
    void tmuxServer() throws Exception {
        boolean present = run(List.of("sh", "-c", "command -v tmux")).exitCode == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tmux is missing: .ci/run installs it");
        }
        Assumptions.assumeTrue(present, "tmux is not installed");
        socket = "ngxtime-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void killServer() throws Exception {
        if (socket != null) {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
    }

    private record Result(int exitCode, String out) {
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no end to " + cmd);
        }
        return new Result(p.exitValue(), out);
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        assertThat(r.exitCode).as("%s: %s", cmd, r.out).isZero();
        return r.out;
    }

    /** A shell in a pane of {@code width}x{@code height}, and the demo's script beside it. */
    private Path shell(int width, int height) throws Exception {
        tmux("new-session", "-d", "-s", SESSION, "-x", Integer.toString(width), "-y", Integer.toString(height),
                "env PS1='$ ' sh");
        await("the shell's prompt", p -> p.startsWith("$")); // typed before it, the command would echo before it
        Path script = dir.resolve("demo.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -cp '"
                + System.getProperty("java.class.path") + "' " + DashboardDemo.class.getName() + " '" + dir.resolve("pid") + "'\n");
        return script;
    }

    private void type(String text) throws Exception {
        tmux("send-keys", "-t", SESSION, "-l", text);
    }

    private void enter() throws Exception {
        tmux("send-keys", "-t", SESSION, "Enter");
    }

    private String pane() throws Exception {
        return tmux("capture-pane", "-p", "-t", SESSION);
    }

    private String command() throws Exception {
        return tmux("display-message", "-p", "-t", SESSION, "#{pane_current_command}").strip();
    }

    /** The pane once it shows what {@code shown} accepts; fails with the last capture after a long wait. */
    private String await(String what, Predicate<String> shown) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        String p = pane();
        while (!shown.test(p)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the pane never showed " + what + "; it shows:\n" + p);
            }
            Thread.sleep(200);
            p = pane();
        }
        return p;
    }

    /** The dashboard is gone: the shell runs again, on the normal screen, and echoes what is typed (cooked mode). */
    private void assertBackToTheShell(String expectedLastOutput) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (!command().equals("sh")) {
            assertThat(System.nanoTime()).as("the demo never ended; the pane shows:\n%s", pane()).isLessThan(end);
            Thread.sleep(200);
        }
        // the process has ended: what it wrote last must be the normal screen, the dashboard gone
        await("the normal screen with '" + expectedLastOutput + "', not the dashboard",
                p -> p.contains(expectedLastOutput) && !p.contains("ngxtime tail") && !p.contains("Tiers"));
        type("echo cooked-$((6*7))");
        enter();
        String echoed = await("the shell's answer", p -> p.contains("cooked-42"));
        assertThat(echoed).as("what was typed is echoed").contains("$ echo cooked-$((6*7))");
    }

    private static void save(String name, String pane) throws IOException {
        Files.writeString(Path.of("target", name), pane);
    }

    @Test
    void at80x24_theDashboardShowsItsPriorities_andQBringsBackTheShell() throws Exception {
        Path script = shell(80, 24);
        type("sh " + script);
        enter();
        String shown = await("the dashboard", p -> p.contains("ngxtime tail") && p.contains("waiting for"));
        save("dashboard-80x24.txt", shown);
        List<String> lines = shown.lines().toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(24);
        assertThat(lines.get(0)).startsWith("ngxtime tail  2026-10-09T15:58:19-07:00");
        assertThat(lines.get(1)).contains("2,432 req/s").containsPattern("[▁▂▃▄▅▆▇█]{8,}");
        assertThat(shown).contains("Tiers", "upstream             70,000", "Alerts (3)", "ALERT  5xx>2%",
                "/var/log/nginx/access.log  rotations 1");
        assertThat(shown).doesNotContain("$ sh "); // the alternate screen hides the shell

        type("?");
        await("the key help", p -> p.contains("q, Ctrl-C"));
        type("?");
        await("the dashboard again", p -> p.contains("Tiers"));
        type("q");
        assertBackToTheShell("demo ended");
    }

    @Test
    void at200x60_theWideSectionsAreAdded_andAResizeRedraws() throws Exception {
        Path script = shell(200, 60);
        type("sh " + script);
        enter();
        String shown = await("the dashboard", p -> p.contains("ngxtime tail") && p.contains("waiting for"));
        save("dashboard-200x60.txt", shown);
        assertThat(shown.lines().count()).isLessThanOrEqualTo(60);
        assertThat(shown).contains("Upstreams  by attempts", "Routes  by requests", "Status  2xx 89.7%",
                "Slowest routes  by p99", "Rejected lines  17");

        tmux("resize-window", "-t", SESSION, "-x", "80", "-y", "24");
        String narrow = await("the dashboard at 80x24", p -> p.contains("… 8 more upstreams"));
        assertThat(narrow).doesNotContain("Routes", "Rejected lines");
        assertThat(narrow.lines().toList()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        type("q");
        assertBackToTheShell("demo ended");
    }

    @Test
    void sigterm_stillRestoresTheTerminal() throws Exception {
        Path script = shell(80, 24);
        type("sh " + script);
        enter();
        await("the dashboard", p -> p.contains("ngxtime tail") && p.contains("waiting for"));
        Path pidFile = dir.resolve("pid");
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            assertThat(System.nanoTime()).as("no pid file").isLessThan(end);
            Thread.sleep(100);
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(pid).orElseThrow().destroy()).as("SIGTERM sent").isTrue();
        assertBackToTheShell(""); // killed: the demo says nothing
    }

    /**
     * The real {@code ngxtime tail} (its main class, run as the launcher runs it) in the pane: a log with a
     * hostile line whose escapes would set the pane's title and clear the screen.
     */
    private Path tailScript(Path log) throws Exception {
        Path script = dir.resolve("tail.sh");
        StringBuilder java = new StringBuilder();
        for (String a : io.ngxtime.cli.ChildJvm.command()) {
            java.append(java.length() == 0 ? "'" : " '").append(a).append("'");
        }
        Files.writeString(script, java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx192m -cp '"
                + System.getProperty("java.class.path") + "' io.ngxtime.cli.Main tail '" + log + "' --from-start"
                + " --log-format timing --window 3600 --interval 1; echo tail ended $?\n");
        return script;
    }

    @Test
    void realTail_at80x24_then200x60_showsTheLogsFigures_escapesHostileText_andQRestoresTheShell() throws Exception {
        Path log = dir.resolve("access.log");
        long now = System.currentTimeMillis();
        StringBuilder lines = new StringBuilder();
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern(
                "dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH);
        for (int i = 0; i < 300; i++) {
            long t = now - 60_000 + i * 100L;
            lines.append(String.format(java.util.Locale.ROOT, "192.0.2.1 - - [%s] \"GET /api/items/%d HTTP/1.1\" %d 5 \"-\""
                            + " \"t\" rt=0.020 ua=\"10.0.1.%d:8080\" us=\"200\" uct=\"0.001\" uht=\"0.019\" urt=\"0.020\""
                            + " ucs=- msec=%d.%03d%n", local.format(java.time.Instant.ofEpochMilli(t).atOffset(java.time.ZoneOffset.ofHours(2))),
                    i % 7, i % 50 == 0 ? 502 : 200, i % 3, t / 1000, t % 1000));
        }
        lines.append("\u001b]0;pwned\u0007\u001b[2J hostile line \u009b31m\n");
        Files.writeString(log, lines.toString());
        Path script = tailScript(log);

        shell(80, 24);
        type("sh " + script);
        enter();
        String shown = await("tail's dashboard", p -> p.contains("ngxtime tail") && p.contains("upstream") && p.contains("300"));
        save("tail-80x24.txt", shown);
        List<String> rows = shown.lines().toList();
        assertThat(rows).hasSizeLessThanOrEqualTo(24);
        assertThat(rows).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(rows.get(0)).startsWith("ngxtime tail  ").contains("+02:00").doesNotContain("$ sh");
        assertThat(shown).contains("req/s", "Tiers", "Alerts", "access.log", "total 300");
        assertThat(tmux("display-message", "-p", "-t", SESSION, "#{pane_title}")).doesNotContain("pwned");

        tmux("resize-window", "-t", SESSION, "-x", "200", "-y", "60");
        String wide = await("the wide sections", p -> p.contains("Upstreams") && p.contains("Rejected lines"));
        save("tail-200x60.txt", wide);
        assertThat(wide).contains("10.0.1.0:8080", "Routes", "/api/items/");
        assertThat(wide).contains("\\x1B]0;pwned\\x07"); // the rejected line's text, its escapes shown, not run
        assertThat(tmux("display-message", "-p", "-t", SESSION, "#{pane_title}")).doesNotContain("pwned");

        type("q");
        assertBackToTheShell("tail ended 0");
    }
}
