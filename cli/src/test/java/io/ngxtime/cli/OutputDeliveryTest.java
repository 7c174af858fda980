package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs first, position last: every output is checked before any log is read, written whole or not at
 * all, and delivered (standard output included) before a {@code --since-last} position moves. A write that
 * fails is one line on stderr and exit 74, never a silent exit 0.
 */
class OutputDeliveryTest {
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;
    Path log;
    Path queue;

    /** A disk that is full: every write fails as one to {@code /dev/full} does. */
    static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    /** A pipe whose reader has gone ({@code | head} after its lines): every write fails as EPIPE does in Java. */
    static final class ClosedPipe extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("Broken pipe");
        }
    }

    /** Runs a command as {@link Main} does, with standard output going to {@code stdout}. */
    static ReportCommandTest.Run runWithStdout(OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(StandardOutput.of(stdout), new PrintWriter(err, true)).execute(args);
        return new ReportCommandTest.Run(exit, stdout.toString(), err.toString());
    }

    @BeforeEach
    void ingest() throws Exception {
        log = dir.resolve("access.log");
        List<String> lines = new ArrayList<>(IngestAndTailCommandTest.lines(0, 3000));
        lines.add(1500, "not a log line"); // for the rejects file
        Files.write(log, lines);
        queue = dir.resolve("q");
        assertThat(ReportCommandTest.run("ingest", log.toString(), "--queue", queue.toString()).exit()).isZero();
    }

    long requestsSinceLast(String name) throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("report", "--queue", queue.toString(), "--since-last", name, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json().get("requests").asLong();
    }

    /** The user's case: a cron job whose stdout is a full disk lost the period for good, and exited 0. */
    @Test
    void sinceLast_jsonToDevFull_exits74_andTheNextRunReportsThatPeriod() throws Exception {
        assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
        List<String> cmd = ChildJvm.command();
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "report", "--queue", queue.toString(), "--since-last", "hourly", "--json"));
        Path err = dir.resolve("child.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(DEV_FULL.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isEqualTo(ExitCode.IO);
        assertThat(stderr.strip()).isEqualTo("ngxtime: cannot write standard output: No space left on device");
        assertThat(requestsSinceLast("hourly")).as("the period is still there").isEqualTo(3000);
        assertThat(requestsSinceLast("hourly")).isZero();
    }

    @Test
    void sinceLast_stdoutLost_inEveryCommandThatTakesIt_exits74_andThePositionStays() throws Exception {
        Path charts = dir.resolve("charts");
        List<String[]> commands = List.of(
                new String[] {"report", "--queue", queue.toString(), "--since-last", "hourly"},
                new String[] {"report", "--queue", queue.toString(), "--since-last", "hourly", "--json"},
                new String[] {"report", "--queue", queue.toString(), "--since-last", "hourly", "--csv", "-"},
                new String[] {"chart", "--queue", queue.toString(), "--since-last", "hourly", "-o", charts.toString()},
                new String[] {"week", "--queue", queue.toString(), "--since-last", "hourly", "-o",
                    dir.resolve("week.png").toString()});
        for (String[] args : commands) {
            ReportCommandTest.Run r = runWithStdout(new FullDisk(), args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCode.IO);
            assertThat(r.err()).contains("ngxtime: cannot write standard output: No space left on device");
        }
        assertThat(requestsSinceLast("hourly")).as("no command moved it").isEqualTo(3000);
    }

    @Test
    void sinceLast_anOutputThatCannotBeCreated_exits74BeforeReadingAnything_andThePositionStays() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        for (String option : List.of("--html", "--csv")) {
            Path target = blocker.resolve("out");
            ReportCommandTest.Run r = ReportCommandTest.run("report", "--queue", queue.toString(), "--since-last", "hourly",
                    option, target.toString());
            assertThat(r.exit()).as(option).isEqualTo(ExitCode.IO);
            assertThat(r.err().strip()).as(option + ": one line").isEqualTo("ngxtime: cannot write " + target + ": " + blocker
                    + " is not a directory");
            assertThat(r.out()).as("no report: nothing was read").isEmpty();
        }
        assertThat(requestsSinceLast("hourly")).isEqualTo(3000);
    }

    /** An output that passes every check and fails as it is written (a disk that fills up meanwhile). */
    @Test
    void sinceLast_anOutputFailingWhileWritten_exits74_andThePositionStays() throws Exception {
        assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
        for (String option : List.of("--html", "--csv")) {
            ReportCommandTest.Run r = ReportCommandTest.run("report", "--queue", queue.toString(), "--since-last", "hourly",
                    "--json", option, DEV_FULL.toString());
            assertThat(r.exit()).as(option + "\n" + r.err()).isEqualTo(ExitCode.IO);
            assertThat(r.err().strip()).isEqualTo("ngxtime: cannot write /dev/full: No space left on device");
        }
        assertThat(requestsSinceLast("hourly")).isEqualTo(3000);
        ReportCommandTest.Run rejects = ReportCommandTest.run("report", log.toString(), "--rejects", DEV_FULL.toString());
        assertThat(rejects.exit()).as(rejects.err()).isEqualTo(ExitCode.IO);
        assertThat(rejects.err()).contains("ngxtime: cannot write /dev/full: No space left on device");
    }

    @Test
    void stdoutLost_everyCommandThatWritesToIt_exits74_withOneLineNamingIt() throws Exception {
        Path charts = dir.resolve("charts");
        List<String[]> commands = List.of(
                new String[] {"report", log.toString()},
                new String[] {"report", log.toString(), "--json"},
                new String[] {"report", log.toString(), "--csv", "-"},
                new String[] {"report", "--queue", queue.toString()},
                new String[] {"chart", log.toString(), "-o", charts.toString()},
                new String[] {"week", log.toString(), "-o", dir.resolve("w.svg").toString()},
                new String[] {"ingest", log.toString(), "--queue", dir.resolve("q2").toString()},
                new String[] {"formats"},
                new String[] {"formats", "timing"},
                new String[] {"generate", "--hours", "1"},
                new String[] {"generate", "--hours", "1", "--gzip"});
        for (String[] args : commands) {
            ReportCommandTest.Run r = runWithStdout(new FullDisk(), args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCode.IO);
            assertThat(r.err().lines().filter(l -> l.startsWith("ngxtime: cannot write")))
                    .containsExactly("ngxtime: cannot write standard output: No space left on device");
        }
    }

    /**
     * {@code ngxtime ... | head}: the reader took what it wanted and closed the pipe. That is no error to
     * report (every command said "cannot write standard output: Broken pipe"), but the output was cut, so
     * the exit code is a shell's for a tool killed by SIGPIPE, and a named position does not move.
     */
    @Test
    void aClosedPipe_isQuiet_exit141_andThePositionStays() throws Exception {
        List<String[]> commands = List.of(
                new String[] {"report", log.toString()},
                new String[] {"report", "--queue", queue.toString(), "--since-last", "hourly", "--json"},
                new String[] {"report", "--queue", queue.toString(), "--since-last", "hourly", "--csv", "-"},
                new String[] {"formats"},
                new String[] {"generate", "--hours", "1", "--gzip"},
                new String[] {"tail", log.toString(), "--from-start", "--json", "--interval", "1", "--duration", "600"});
        for (String[] args : commands) {
            ReportCommandTest.Run r = runWithStdout(new ClosedPipe(), args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCode.CLOSED_PIPE);
            assertThat(r.err()).as(String.join(" ", args)).doesNotContain("cannot write").doesNotContain("Broken pipe");
        }
        assertThat(requestsSinceLast("hourly")).as("no command moved it").isEqualTo(3000);
    }

    @Test
    void tail_stdoutLost_stopsAtTheFirstRefresh_withExit74() throws Exception {
        ReportCommandTest.Run r = runWithStdout(new FullDisk(), "tail", log.toString(), "--from-start", "--json",
                "--interval", "1", "--duration", "600");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.IO);
        assertThat(r.err()).contains("ngxtime: cannot write standard output: No space left on device");
    }

    @Test
    void unwritableOutputs_areOneLineAndExit74_beforeAnyLogIsRead() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        Path aDir = Files.createDirectories(dir.resolve("a-dir"));
        Path missing = dir.resolve("missing");
        List<String[]> cases = List.of(
                new String[] {"report", log.toString(), "--html", missing.resolve("r.html").toString()},
                new String[] {"report", log.toString(), "--html", aDir.toString()},
                new String[] {"report", log.toString(), "--csv", blocker.resolve("s.csv").toString()},
                new String[] {"report", log.toString(), "--rejects", aDir.toString()},
                new String[] {"chart", log.toString(), "-o", blocker.toString()},
                new String[] {"chart", log.toString(), "-o", blocker.resolve("sub").toString()},
                new String[] {"week", log.toString(), "-o", missing.resolve("w.png").toString()},
                new String[] {"week", log.toString(), "-o", Files.createDirectories(dir.resolve("d.png")).toString()});
        for (String[] args : cases) {
            ReportCommandTest.Run r = ReportCommandTest.run(args);
            String what = String.join(" ", args) + "\n" + r.err();
            assertThat(r.exit()).as(what).isEqualTo(ExitCode.IO);
            // reading a log says which format it has: one line alone means no log was read
            assertThat(r.err().lines().toList()).as(what).singleElement().satisfies(l -> assertThat(l).startsWith("ngxtime: cannot "));
            assertThat(r.out()).as(what).isEmpty();
        }
        try (var files = Files.list(aDir)) {
            assertThat(files.toList()).as("nothing left behind").isEmpty();
        }
    }

    @Test
    void aRunThatFails_leavesThePreviousFilesWhole_andNoTemporaryFile() throws Exception {
        Path html = Files.writeString(dir.resolve("report.html"), "previous report");
        Path csv = Files.writeString(dir.resolve("series.csv"), "previous series");
        Path rejects = Files.writeString(dir.resolve("rejects.jsonl"), "previous rejects");
        ReportCommandTest.Run r = runWithStdout(new FullDisk(), "report", log.toString(), "--html", html.toString(),
                "--csv", csv.toString(), "--rejects", rejects.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.IO);
        assertThat(Files.readString(html)).isEqualTo("previous report");
        assertThat(Files.readString(csv)).isEqualTo("previous series");
        assertThat(Files.readString(rejects)).isEqualTo("previous rejects");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        ReportCommandTest.Run ok = ReportCommandTest.run("report", log.toString(), "--html", html.toString(),
                "--csv", csv.toString(), "--rejects", rejects.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(Files.readString(csv)).startsWith("start,requests,");
        assertThat(Files.readAllLines(rejects)).singleElement().satisfies(l -> assertThat(l).contains("\"line\":1501"));
    }

    @Test
    void anOutputThroughASymbolicLink_replacesItsTarget_andKeepsTheLinkAndThePermissions() throws Exception {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        ReportCommandTest.Run r = ReportCommandTest.run("report", log.toString(), "--csv", link.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("start,requests,");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void csvToStdout_isAllStdoutCarries_theTerminalReportGoesToStderr() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("report", log.toString(), "--csv", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = r.out().lines().toList();
        assertThat(rows.get(0)).startsWith("start,requests,");
        assertThat(rows).as("a header and one row per minute, nothing else").hasSize(1 + 50)
                .allSatisfy(row -> assertThat(row).matches("[^ ]*"));
        assertThat(r.err()).contains("ngxtime report").contains("requests    3,000");
    }

    /** Regression: a queue keeps no rejected line whole, and --rejects with --queue wrote an empty file, exit 0. */
    @Test
    void rejectsFile_withAQueue_isAUsageError_notAnEmptyFile() {
        Path rejects = dir.resolve("rejects.jsonl");
        ReportCommandTest.Run r = ReportCommandTest.run("report", "--queue", queue.toString(), "--rejects", rejects.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().strip()).startsWith("ngxtime: --rejects writes rejected lines as they are read from log FILEs");
        assertThat(rejects).doesNotExist();
    }

    @Test
    void csvToStdout_withJson_isAUsageError_beforeAnyLogIsRead() {
        ReportCommandTest.Run r = ReportCommandTest.run("report", log.toString(), "--csv", "-", "--json");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().strip()).isEqualTo("ngxtime: --csv - and --json would both write to standard output: give --csv a FILE");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void generate_gzipToStdout_isAValidGzipOfTheSameLog() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        ReportCommandTest.Run r = runWithStdout(gz, "generate", "--hours", "1", "--gzip");
        assertThat(r.exit()).as(r.err()).isZero();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        assertThat(runWithStdout(plain, "generate", "--hours", "1").exit()).isZero();
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(plain.size()).isPositive();
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo(plain.toString(StandardCharsets.UTF_8));
    }
}
