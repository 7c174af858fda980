package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tail --queue} when the world changes under it: the log rotated while tail was not running, the
 * queue directory removed, the log replaced by something that cannot be read. Nothing is lost silently:
 * what the queue holds afterwards is what was written, or the loss is said.
 */
class TailFaultsTest {
    @TempDir
    Path dir;

    private static List<String> lines(int from, int to) {
        return IngestAndTailCommandTest.lines(from, to);
    }

    /** Runs tail on {@code log} into {@code q} for {@code seconds}, as a user restarting it would. */
    private static ReportCommandTest.Run tail(Path log, Path q, int seconds, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("tail", log.toString(), "--queue", q.toString(), "--json",
                "--interval", "1", "--window", "5", "--duration", Integer.toString(seconds), "--log-format", "combined"));
        args.addAll(List.of(more));
        return ReportCommandTest.run(args.toArray(String[]::new));
    }

    private static long requestsIn(Path q) throws Exception {
        ReportCommandTest.Run report = ReportCommandTest.run("report", "--queue", q.toString(), "--json", "--peaks", "0");
        assertThat(report.exit()).as(report.err()).isZero();
        return report.json().get("requests").asLong();
    }

    /** Starts tail in a thread until {@code stopAfterSeconds}; returns once it printed its first view. */
    private record Running(Thread thread, int[] exit, StringWriter out, StringWriter err) {
        static Running start(Path log, Path q, int stopAfterSeconds) throws InterruptedException {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
            int[] exit = {-1};
            Thread t = new Thread(() -> exit[0] = cl.execute("tail", log.toString(), "--queue", q.toString(), "--json",
                    "--interval", "1", "--window", "5", "--duration", Integer.toString(stopAfterSeconds),
                    "--log-format", "combined", "--from-start"));
            t.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out.toString().contains("{") && t.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return new Running(t, exit, out, err);
        }

        /** Waits for tail to end (well before its duration when it fails), and gives its exit code. */
        int awaitExit() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(thread.isAlive()).as("tail still running: it hangs instead of failing").isFalse();
            return exit[0];
        }
    }

    @Test
    void tailQueue_restartedAfterTheLogWasRotatedWhileItWasNotRunning_countsTheRotatedRestAndTheNewFileOnce()
            throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Files.write(log, lines(0, 100));
        ReportCommandTest.Run first = tail(log, q, 1, "--from-start");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(requestsIn(q)).isEqualTo(100);

        // while tail is not running: nginx writes on, logrotate renames the log, nginx writes a new one
        Files.write(log, lines(100, 150), StandardOpenOption.APPEND);
        Files.move(log, dir.resolve("access.log.1"));
        Files.write(log, lines(150, 220));

        ReportCommandTest.Run again = tail(log, q, 1);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(requestsIn(q)).as(again.err()).isEqualTo(220);
        assertThat(again.err()).contains("ngxtime: " + dir.resolve("access.log.1")
                + ": read 50 lines after line 100 that the queue lacked (written after tail last read it)");
        ReportCommandTest.Run idle = tail(log, q, 1);
        assertThat(requestsIn(q)).as("a restart with nothing new adds nothing: " + idle.err()).isEqualTo(220);
    }

    @Test
    void tailQueue_theFileItWasReadingIsGoneAtRestart_warnsWithWhereReadingStood() throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Files.write(log, lines(0, 100));
        long size = Files.size(log);
        assertThat(tail(log, q, 1, "--from-start").exit()).isZero();
        Files.write(log, lines(100, 130), StandardOpenOption.APPEND);
        Files.delete(log); // rotated out of existence while tail was not running
        Files.write(log, lines(130, 140));

        ReportCommandTest.Run again = tail(log, q, 1);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(requestsIn(q)).isEqualTo(110);
        assertThat(again.err()).contains(String.format(java.util.Locale.ROOT, "ngxtime: warning: %s, which tail was reading"
                + " when it stopped, is gone (not at the path, not among its rotated files): read up to line 100 (byte %,d);"
                + " whatever was written to it after that was never read, and how much cannot be known", log, size));
    }

    @Test
    void tailQueue_queueDirectoryRemovedWhileRunning_oneClearLine_exit74_noHang() throws Exception {
        assertTailStopsWhenItsQueueGoes(io.ngxtime.analyzer.files.TempDirectories::deleteTree);
    }

    @Test
    void tailQueue_queueDirectoryEmptiedWhileRunning_oneClearLine_exit74_noHang() throws Exception {
        assertTailStopsWhenItsQueueGoes(q -> {
            try (java.util.stream.Stream<Path> files = Files.list(q)) {
                for (Path f : files.toList()) {
                    Files.delete(f); // the directory stays: an rm -r that lost a race with the next cycle's file
                }
            }
        });
    }

    @Test
    void tailQueue_cycleFilesRemovedWhileRunning_oneClearLineOnTheNextBatch_exit74_andARestartFromStartHoldsEveryLineOnce()
            throws Exception {
        // rm q/*.cq4: the directory and Chronicle's metadata stay, the file being written stays mapped; what tail
        // appended into it would be lost without a word
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Files.write(log, lines(0, 50));
        Running tail = Running.start(log, q, 120);
        try (java.util.stream.Stream<Path> files = Files.list(q)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".cq4")).toList()) {
                Files.delete(f);
            }
        }
        Files.write(log, lines(50, 60), java.nio.file.StandardOpenOption.APPEND);

        assertThat(tail.awaitExit()).as(tail.err().toString()).isEqualTo(ExitCode.IO);
        assertThat(tail.err().toString().strip().lines().filter(l -> l.startsWith("ngxtime: cannot append")).toList())
                .singleElement().satisfies(l -> assertThat(l)
                        .startsWith("ngxtime: cannot append to queue " + q + ": its file ")
                        .contains(".cq4 was removed (or replaced) while it was being written")
                        .contains("the queue holds none of " + log)
                        .endsWith("(run tail again with --from-start to read the log from its first line into the queue)"));

        ReportCommandTest.Run again = tail(log, q, 2, "--from-start");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(requestsIn(q)).isEqualTo(60);
    }

    private interface QueueRemoval {
        void remove(Path queue) throws Exception;
    }

    /** Runs tail on a queue, {@code removal} takes the queue away, and tail stops at once with one line. */
    private void assertTailStopsWhenItsQueueGoes(QueueRemoval removal) throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Files.write(log, lines(0, 50));
        Running tail = Running.start(log, q, 120);
        removal.remove(q);

        assertThat(tail.awaitExit()).as(tail.err().toString()).isEqualTo(ExitCode.IO);
        assertThat(tail.err().toString().strip().lines().toList()).containsExactly("ngxtime: cannot write queue " + q
                + ": its directory was removed (or replaced, or emptied) while tail was running; the records in it are lost");
    }

    @Test
    void tailQueue_logReplacedByADirectory_oneClearLine_exit74_andARestartResumesExactly() throws Exception {
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Files.write(log, lines(0, 50));
        Running tail = Running.start(log, q, 120);
        Files.write(log, lines(50, 60), StandardOpenOption.APPEND);
        Files.move(log, dir.resolve("access.log.1"));
        Files.createDirectory(log);

        assertThat(tail.awaitExit()).as(tail.err().toString()).isEqualTo(ExitCode.IO);
        assertThat(tail.err().toString().strip().lines().toList())
                .containsExactly("ngxtime: " + log + ": not a regular file; follow reads plain files only");
        assertThat(requestsIn(q)).as("what was read before is kept").isEqualTo(60);

        Files.delete(log);
        Files.write(log, lines(60, 70));
        ReportCommandTest.Run again = tail(log, q, 1);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(requestsIn(q)).as(again.err()).isEqualTo(70);
    }

    @Test
    void tailQueue_logRecreatedWithoutReadPermission_oneClearLine_exit74_andARestartOnceReadableResumesExactly()
            throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        Path log = dir.resolve("access.log");
        Path q = dir.resolve("q");
        Files.write(log, lines(0, 50));
        Running tail = Running.start(log, q, 120);
        Files.move(log, dir.resolve("access.log.1"));
        Files.write(log, lines(50, 60));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("-w-------"));

        assertThat(tail.awaitExit()).as(tail.err().toString()).isEqualTo(ExitCode.IO);
        assertThat(tail.err().toString()).contains(log + ": permission denied");

        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
        ReportCommandTest.Run again = tail(log, q, 1);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(requestsIn(q)).isEqualTo(60);
    }
}
