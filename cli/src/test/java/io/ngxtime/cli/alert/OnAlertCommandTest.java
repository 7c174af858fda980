package io.ngxtime.cli.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.live.Alert;
import io.ngxtime.analyzer.live.AlertSeverity;
import io.ngxtime.analyzer.live.AlertTransition;
import io.ngxtime.analyzer.live.AlertTransition.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real commands through {@code /bin/sh}. Nothing here measures time: a test waits for a file a command writes, and
 * the class timeout only turns a hang (a submit that blocks, a command never ended) into a failure.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OnAlertCommandTest {
    private static final OffsetDateTime FIRED_AT = OffsetDateTime.parse("2026-10-10T10:00:02+02:00");
    private static final Alert P99 = new Alert("upstream:10.0.1.3:8080 p99>500ms", "912.5ms", "500ms",
            "upstream:10.0.1.3:8080", FIRED_AT, AlertSeverity.CRITICAL);

    @TempDir
    Path dir;

    private final List<String> notices = new CopyOnWriteArrayList<>();

    private static AlertTransition fired(Alert a) {
        return new AlertTransition(Kind.FIRED, a, a.since());
    }

    private OnAlertCommand command(String cmd, OnAlertCommand.Limits limits) {
        return new OnAlertCommand(cmd, List.of("/var/log/nginx/access.log", "/var/log/nginx/api.log"), limits, notices::add);
    }

    private String q(String name) {
        return "'" + dir.resolve(name) + "'";
    }

    /** Waits for a file a command writes (the class timeout ends a wait for one that never comes). */
    /** Waits for {@code f} to hold a whole line: the shell creates it (empty) before the command writes to it. */
    private static void awaitFile(Path f) throws InterruptedException, IOException {
        while (!Files.exists(f) || !Files.readString(f, StandardCharsets.ISO_8859_1).endsWith("\n")) {
            Thread.sleep(10);
        }
    }

    private static Map<String, String> env(Path envFile) throws IOException {
        return Files.readAllLines(envFile, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("NGXTIME_ALERT_"))
                .map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
    }

    @Test
    void change_runsTheCommandOnce_withTheAlertInItsEnvironment() throws Exception {
        try (OnAlertCommand on = command("env >> " + q("env.txt"), OnAlertCommand.Limits.DEFAULT)) {
            on.submit(fired(P99));
            on.submit(new AlertTransition(Kind.CLEARED, new Alert(P99.rule(), "402ms", "500ms", P99.scope(), FIRED_AT,
                    AlertSeverity.CRITICAL), FIRED_AT.plusSeconds(6)));
        }

        List<String> lines = Files.readAllLines(dir.resolve("env.txt"));
        assertThat(lines).filteredOn(l -> l.startsWith("NGXTIME_ALERT_RULE=")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("NGXTIME_ALERT_STATE="))
                .containsExactlyInAnyOrder("NGXTIME_ALERT_STATE=firing", "NGXTIME_ALERT_STATE=cleared");
        assertThat(lines).contains(
                "NGXTIME_ALERT_RULE=upstream:10.0.1.3:8080 p99>500ms",
                "NGXTIME_ALERT_VALUE=912.5ms",
                "NGXTIME_ALERT_VALUE=402ms",
                "NGXTIME_ALERT_THRESHOLD=500ms",
                "NGXTIME_ALERT_SCOPE=upstream:10.0.1.3:8080",
                "NGXTIME_ALERT_TIME=2026-10-10T10:00:02+02:00",
                "NGXTIME_ALERT_TIME=2026-10-10T10:00:08+02:00",
                "NGXTIME_ALERT_SINCE=2026-10-10T10:00:02+02:00",
                "NGXTIME_ALERT_SEVERITY=critical",
                "NGXTIME_ALERT_FILES=/var/log/nginx/access.log",
                "/var/log/nginx/api.log");
        assertThat(lines).anyMatch(l -> l.startsWith("PATH=")); // tail's own environment is kept
        assertThat(notices).isEmpty();
    }

    @Test
    void command_readsDevNull_soOneThatReadsItsInputEnds() throws Exception {
        try (OnAlertCommand on = command("cat > " + q("stdin.txt") + "; echo done > " + q("done.txt"),
                OnAlertCommand.Limits.DEFAULT)) {
            on.submit(fired(P99));
            awaitFile(dir.resolve("done.txt"));
        }

        assertThat(dir.resolve("stdin.txt")).isEmptyFile();
        assertThat(notices).isEmpty();
    }

    @Test
    void controlCharactersInTheAlertAndFileNames_areEscapedInTheEnvironment() throws Exception {
        Alert hostile = new Alert("upstream:a\u001b[2Jb p99>1s", "1.5s", "1s", "upstream:a\u001b[2Jb", FIRED_AT,
                AlertSeverity.WARNING);
        try (OnAlertCommand on = new OnAlertCommand("printf '%s' \"$NGXTIME_ALERT_SCOPE\" > " + q("scope.txt")
                + "; printf '%s' \"$NGXTIME_ALERT_FILES\" > " + q("files.txt"),
                List.of("a\u001b]0;title\u0007.log", "b\nc.log"), OnAlertCommand.Limits.DEFAULT, notices::add)) {
            on.submit(fired(hostile));
        }

        assertThat(Files.readString(dir.resolve("scope.txt"))).isEqualTo("upstream:a\\x1B[2Jb");
        assertThat(Files.readString(dir.resolve("files.txt"))).isEqualTo("a\\x1B]0;title\\x07.log\nb\\x0Ac.log");
    }

    @Test
    void slowCommand_doesNotHoldUpSubmit_norTheNextCommand() throws Exception {
        Path release = dir.resolve("release");
        try (OnAlertCommand on = command("if [ \"$NGXTIME_ALERT_VALUE\" = slow ]; then while [ ! -e " + q("release")
                + " ]; do sleep 0.05; done; fi; echo \"$NGXTIME_ALERT_VALUE\" >> " + q("ran.txt"),
                OnAlertCommand.Limits.DEFAULT)) {
            on.submit(fired(new Alert("p99>1s", "slow", "1s", "", FIRED_AT, AlertSeverity.CRITICAL)));
            // submit returned although the first command waits for the file this thread writes only later
            on.submit(fired(new Alert("5xx>2%", "fast", "2%", "", FIRED_AT, AlertSeverity.CRITICAL)));
            awaitFile(dir.resolve("ran.txt"));
            assertThat(Files.readAllLines(dir.resolve("ran.txt"))).containsExactly("fast");
            Files.createFile(release);
        }

        assertThat(Files.readAllLines(dir.resolve("ran.txt"))).containsExactly("fast", "slow");
        assertThat(notices).isEmpty();
    }

    @Test
    void changesBeyondTheQueue_areDroppedCountedAndSaid_andTheRestRun() throws Exception {
        String cmd = "while [ ! -e " + q("release") + " ]; do sleep 0.05; done; echo \"$NGXTIME_ALERT_RULE\" >> " + q("ran.txt");
        try (OnAlertCommand on = command(cmd, new OnAlertCommand.Limits(1, 1, Duration.ofSeconds(30)))) {
            on.submit(fired(new Alert("rule1", "v", "t", "", FIRED_AT, AlertSeverity.CRITICAL))); // runs
            on.submit(fired(new Alert("rule2", "v", "t", "", FIRED_AT, AlertSeverity.CRITICAL))); // waits
            on.submit(fired(new Alert("rule3", "v", "t", "", FIRED_AT, AlertSeverity.CRITICAL))); // dropped
            on.submit(fired(new Alert("rule4", "v", "t", "", FIRED_AT, AlertSeverity.CRITICAL))); // dropped

            assertThat(on.dropped()).isEqualTo(2);
            assertThat(notices).containsExactly("ngxtime: --on-alert: 1 command(s) running and 1 waiting: the command for"
                    + " 'rule3' firing is dropped, and the next ones until the queue has room (counted)");
            Files.createFile(dir.resolve("release"));
        }

        assertThat(Files.readAllLines(dir.resolve("ran.txt"))).containsExactly("rule1", "rule2");
        assertThat(notices).last().isEqualTo("ngxtime: --on-alert: 2 alert command(s) dropped while the queue was full (2 in all)");
    }

    @Test
    void failingCommand_isToldInOneLine_withItsLastOutputLine_escaped() throws Exception {
        try (OnAlertCommand on = command("echo starting; echo 'curl: (7) \u001b[31mrefused' >&2; exit 3",
                OnAlertCommand.Limits.DEFAULT)) {
            on.submit(fired(P99));
        }

        assertThat(notices).containsExactly("ngxtime: --on-alert: the command for 'upstream:10.0.1.3:8080 p99>500ms' firing"
                + " exited 3: curl: (7) \\x1B[31mrefused");
    }

    @Test
    void commandOutput_isKeptBounded_andOnlyItsEndIsTold() throws Exception {
        try (OnAlertCommand on = command("head -c 1000000 /dev/zero | tr '\\000' a; echo; echo the end; exit 1",
                OnAlertCommand.Limits.DEFAULT)) {
            on.submit(fired(P99));
        }

        assertThat(notices).containsExactly("ngxtime: --on-alert: the command for 'upstream:10.0.1.3:8080 p99>500ms' firing"
                + " exited 1: the end");
    }

    @Test
    void longOutputLine_isCutToItsColumns_neverInsideACharacter() throws Exception {
        // 199 ASCII characters, then emoji (two UTF-16 units, two columns each): the cut falls on one
        try (OnAlertCommand on = command("printf '%0199d' 0; printf '\\360\\237\\232\\200%.0s' 1 2 3 4 5; echo; exit 2",
                OnAlertCommand.Limits.DEFAULT)) {
            on.submit(fired(P99));
        }

        assertThat(notices).hasSize(1);
        String told = notices.get(0).substring(notices.get(0).indexOf(" exited 2: ") + " exited 2: ".length());
        assertThat(told).startsWith("0".repeat(199)).endsWith("…");
        assertThat(io.ngxtime.cli.render.TerminalColumns.width(told)).isLessThanOrEqualTo(200);
        // a lone surrogate (half an emoji) shows as a code point of its own; U+FFFD as a character decoded in half
        assertThat(told.codePoints().noneMatch(cp -> cp == 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF))).as(told).isTrue();
    }

    @Test
    void commandPastItsTimeout_isEnded_withTheProcessesItStarted_andTold() throws Exception {
        Path childPid = dir.resolve("child.pid");
        try (OnAlertCommand on = command("sleep 600 & echo $! > " + q("child.pid") + "; wait; echo late > " + q("late.txt"),
                new OnAlertCommand.Limits(2, 16, Duration.ofMillis(500)))) {
            on.submit(fired(P99));
            awaitFile(childPid);
        }

        long pid = Long.parseLong(Files.readString(childPid).strip());
        // an ended process is reaped at once; the bound only keeps a surviving one from holding up the suite
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(dir.resolve("late.txt")).doesNotExist();
        assertThat(notices).containsExactly("ngxtime: --on-alert: the command for 'upstream:10.0.1.3:8080 p99>500ms' firing"
                + " ran longer than 0.5 s and was ended");
    }

    @Test
    void close_endsACommandStillRunningAfterTheGrace_andTellsIt() throws Exception {
        OnAlertCommand on = command("echo started > " + q("started.txt") + "; sleep 600", OnAlertCommand.Limits.DEFAULT);
        on.submit(fired(P99));
        awaitFile(dir.resolve("started.txt"));

        on.close(Duration.ofMillis(100));

        assertThat(notices).containsExactly("ngxtime: --on-alert: tail is ending: the command for"
                + " 'upstream:10.0.1.3:8080 p99>500ms' firing was ended");
    }
}
