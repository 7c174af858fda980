package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An input with every line, or most lines, rejected: said on stderr by every command that reads logs. */
class RejectedInputsTest {
    @TempDir
    Path dir;

    private static String good(int i) {
        return ReportCommandTest.combined(String.format("10/Oct/2026:13:55:%02d +0200", i % 60), "GET /" + i + " HTTP/1.1", 200);
    }

    private Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    /** Eight garbage lines and four good ones: two thirds rejected. */
    private Path mostlyGarbage() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add("garbage " + i);
        }
        for (int i = 0; i < 4; i++) {
            lines.add(good(i));
        }
        return write("half.log", String.join("\n", lines) + "\n");
    }

    @Test
    void report_fileOfOnlyBlankLines_everyLineRejected_oneLine_exit65_andTheReportIsStillWritten() throws Exception {
        Path blank = write("blank.log", "\n\n\n");
        ReportCommandTest.Run r = ReportCommandTest.run("report", blank.toString(), "--json");
        assertThat(r.exit()).isEqualTo(ExitCode.DATA);
        assertThat(r.err().lines().filter(l -> l.contains("rejected")).toList())
                .containsExactly("ngxtime: " + blank + ": every line was rejected (3 lines; top reason: empty line)");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(r.json().get("lines").asLong()).isEqualTo(3);
        assertThat(r.json().get("rejected").asLong()).isEqualTo(3);
    }

    @Test
    void report_givenFormatRejectsEveryLineOfOneInput_namesThatInput_exit65_theOtherIsReported() throws Exception {
        Path good = write("good.log", good(1) + "\n" + good(2) + "\n");
        Path wrong = write("wrong.log", "a b c\nd e f\n");
        ReportCommandTest.Run r = ReportCommandTest.run("report", good.toString(), wrong.toString(), "--json",
                "--log-format", "combined");
        assertThat(r.exit()).isEqualTo(ExitCode.DATA);
        assertThat(r.err()).contains("ngxtime: " + wrong + ": every line was rejected (2 lines; top reason: "
                        + "expected an IP address (IPv4, IPv6 or unix:) in $remote_addr)")
                .doesNotContain(good.toString());
        assertThat(r.json().get("requests").asLong()).isEqualTo(2);
    }

    @Test
    void report_moreThanHalfRejected_warnsWithTheShareAndTopReason_exitUnchanged() throws Exception {
        Path half = mostlyGarbage();
        ReportCommandTest.Run r = ReportCommandTest.run("report", half.toString(), "--json", "--log-format", "combined");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().strip()).isEqualTo("ngxtime: warning: " + half
                + ": 66.6% of the lines were rejected (8 of 12; top reason: expected an IP address (IPv4, IPv6 or unix:)"
                + " in $remote_addr)");
        assertThat(ReportCommandTest.run("report", half.toString(), "--log-format", "combined", "--strict").exit())
                .isEqualTo(ExitCode.REJECTED_LINES);
    }

    @Test
    void report_halfRejected_isNoWarning() throws Exception {
        Path f = write("even.log", "garbage\n" + good(1) + "\n");
        ReportCommandTest.Run r = ReportCommandTest.run("report", f.toString(), "--log-format", "combined");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void ingest_andReportOfTheQueue_sayTheSame() throws Exception {
        Path blank = write("blank.log", "\n\n");
        Path q = dir.resolve("q");
        ReportCommandTest.Run ingest = ReportCommandTest.run("ingest", blank.toString(), "--queue", q.toString(),
                "--log-format", "combined");
        assertThat(ingest.exit()).isEqualTo(ExitCode.DATA);
        assertThat(ingest.out()).contains("ingested 2 new lines (2 rejected)");
        assertThat(ingest.err().strip()).isEqualTo("ngxtime: " + blank + ": every line was rejected (2 lines; top reason: empty line)");

        ReportCommandTest.Run fromQueue = ReportCommandTest.run("report", "--queue", q.toString(), "--json");
        assertThat(fromQueue.exit()).isEqualTo(ExitCode.DATA);
        assertThat(fromQueue.err().strip()).isEqualTo("ngxtime: " + q + ": every line was rejected (2 lines; top reason: empty line)");

        Path half = mostlyGarbage();
        Path q2 = dir.resolve("q2");
        ReportCommandTest.Run mostly = ReportCommandTest.run("ingest", half.toString(), "--queue", q2.toString(),
                "--log-format", "combined");
        assertThat(mostly.exit()).isZero();
        assertThat(mostly.err()).contains("ngxtime: warning: " + half + ": 66.6% of the lines were rejected");
    }

    @Test
    void chartAndWeek_everyLineRejected_exit65_withTheOneLine_andNothingElseOnStderr() throws Exception {
        Path blank = write("blank.log", "\n");
        String expected = "ngxtime: " + blank + ": every line was rejected (1 line; top reason: empty line)";
        ReportCommandTest.Run chart = ReportCommandTest.run("chart", blank.toString(), "-o", dir.resolve("charts").toString(),
                "--log-format", "combined");
        assertThat(chart.exit()).isEqualTo(ExitCode.DATA);
        assertThat(chart.err().strip()).isEqualTo(expected);
        ReportCommandTest.Run week = ReportCommandTest.run("week", blank.toString(), "-o", dir.resolve("w.png").toString(),
                "--log-format", "combined");
        assertThat(week.exit()).isEqualTo(ExitCode.DATA);
        assertThat(week.err().strip()).isEqualTo(expected);
    }

    @Test
    void help_ofEveryCommandThatReadsLogs_documentsExit65ForRejectedInputs() {
        for (String command : List.of("report", "chart", "week", "ingest")) {
            assertThat(ReportCommandTest.run(command, "--help").out()).as(command)
                    .contains("65").contains("every line of an input was rejected");
        }
    }
}
