package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, item 5: a long run's progress on stderr, only when stderr is a terminal and without --quiet. */
class ProgressOnTerminalTest {
    private static final Terminal STDERR_A_TERMINAL = new Terminal(false, Map.<String, String>of()::get, true);

    @TempDir
    Path dir;

    private static String log() {
        return CliContractTest.sample("timing-small.log").toString();
    }

    @Test
    void report_stderrATerminal_drawsProgressThenErasesIt_andTheReportIsUnchanged() {
        ReportCommandTest.Run plain = CliContractTest.runOn(Terminal.none(), "report", log());
        ReportCommandTest.Run shown = CliContractTest.runOn(STDERR_A_TERMINAL, "report", log());

        assertThat(shown.exit()).isEqualTo(plain.exit());
        assertThat(shown.out()).isEqualTo(plain.out());
        assertThat(shown.err()).contains("\rngxtime: read ").contains(" lines");
        assertThat(plain.err()).doesNotContain("\r");
    }

    @Test
    void report_quiet_drawsNoProgress() {
        ReportCommandTest.Run r = CliContractTest.runOn(STDERR_A_TERMINAL, "report", "--quiet", log());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).doesNotContain("\r").doesNotContain("ngxtime: read ");
    }

    @Test
    void ingest_stderrATerminal_drawsProgress_andQuietDoesNot() {
        ReportCommandTest.Run shown = CliContractTest.runOn(STDERR_A_TERMINAL, "ingest", "--queue",
                dir.resolve("q1").toString(), log());
        ReportCommandTest.Run quiet = CliContractTest.runOn(STDERR_A_TERMINAL, "ingest", "--quiet", "--queue",
                dir.resolve("q2").toString(), log());

        assertThat(shown.exit()).isZero();
        assertThat(shown.err()).contains("\rngxtime: read ");
        assertThat(quiet.err()).doesNotContain("\r");
        assertThat(quiet.out()).isEqualTo(shown.out().replace("q1", "q2"));
    }

    @Test
    void notices_stderrATerminal_wrappedAtItsWidth_aPipeKeepsOneLineEach() {
        ReportCommandTest.Run piped = CliContractTest.runOn(Terminal.none(), "report", log());
        ReportCommandTest.Run shown = CliContractTest.runOn(STDERR_A_TERMINAL, "report", log());

        String notice = piped.err().lines().filter(l -> l.startsWith("ngxtime: log format: ")).findFirst().orElseThrow();
        assertThat(notice.length()).as("the detection notice, one line in a pipe").isGreaterThan(80);
        // on the terminal (80 columns: no COLUMNS, no device): every line fits, every word kept, in order
        String[] lines = shown.err().split("\n");
        for (String line : lines) {
            String last = line.substring(line.lastIndexOf('\r') + 1); // what a redrawn line leaves on the screen
            assertThat(io.ngxtime.cli.render.TerminalColumns.width(last)).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(shown.err().replaceAll("\\s+", " ")).contains(notice);
        assertThat(shown.out()).isEqualTo(piped.out());
    }

    @Test
    void report_csvToStdout_theTextReportOnAStderrTerminal_fitsIt_andTheLogsLinesStayWhole() throws Exception {
        Path log = dir.resolve("with-a-bad-line.log");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(java.nio.file.Path.of(log())));
        String bad = "not a log line " + "with many words in it".repeat(1) + " and more words".repeat(8);
        lines.add(bad);
        java.nio.file.Files.write(log, lines);
        ReportCommandTest.Run piped = CliContractTest.runOn(Terminal.none(), "report", "--quiet", "--csv", "-", log.toString());
        ReportCommandTest.Run shown = CliContractTest.runOn(STDERR_A_TERMINAL, "report", "--quiet", "--csv", "-", log.toString());

        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).as("the CSV on stdout").isEqualTo(piped.out());
        assertThat(piped.err().lines().anyMatch(l -> l.length() > 80)).as("a pipe keeps its lines").isTrue();
        assertThat(shown.err().lines().toList()).as("the log's line, whole, under its message").contains("    " + bad);
        // every line fits but the log's own lines (shown as they are in the pipe too) and a word wider than the line
        java.util.Set<String> logLines = piped.err().lines().filter(l -> l.startsWith("    ")).collect(java.util.stream.Collectors.toSet());
        for (String line : shown.err().split("\n")) {
            assertThat(io.ngxtime.cli.render.TerminalColumns.width(line) <= 80 || logLines.contains(line)
                    || line.trim().indexOf(' ') < 0).as(line).isTrue();
        }
    }

    /** chart and week read their logs through the same report run: the same line, and none with --quiet. */
    @Test
    void chartAndWeek_stderrATerminal_drawProgress_andQuietDoesNot() {
        String[][] commands = {
            {"chart", log(), "-o", dir.resolve("charts").toString()},
            {"week", log(), "-o", dir.resolve("week.svg").toString()}};
        for (String[] args : commands) {
            ReportCommandTest.Run shown = CliContractTest.runOn(STDERR_A_TERMINAL, args);
            String[] quietArgs = new String[args.length + 1];
            quietArgs[0] = args[0];
            quietArgs[1] = "--quiet";
            System.arraycopy(args, 1, quietArgs, 2, args.length - 1);
            ReportCommandTest.Run quiet = CliContractTest.runOn(STDERR_A_TERMINAL, quietArgs);

            assertThat(shown.exit()).as(String.join(" ", args) + "\n" + shown.err()).isZero();
            assertThat(shown.err()).as(args[0]).contains("\rngxtime: read ").contains(" lines");
            assertThat(quiet.exit()).as(quiet.err()).isZero();
            assertThat(quiet.err()).as(args[0]).doesNotContain("\r").doesNotContain("ngxtime: read ");
        }
    }
}
