package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fails because Ctrl-C is stopping the JVM says nothing ({@link JvmShutdown}): a JVM of its own gets a SIGINT
 * while a thread of it is at work, and that thread then fails as Chronicle's class initialisation did when
 * {@code tail} was interrupted while opening its queue (it registers a shutdown hook, which the JVM refuses); a
 * failure of something else during the stop is one line; a failure without a shutdown is reported as before.
 */
class JvmShutdownTest {
    @TempDir
    Path tmp;

    /**
     * The child: a worker that, once the shutdown has begun, registers a shutdown hook as a library's class
     * initialisation does ("sigint") or fails of a bug of its own ("sigint-bug"); or fails at once ("now").
     */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            JvmShutdown.quietenUncaughtFailures();
            System.out.println("shutting down at the start: " + JvmShutdown.inProgress());
            boolean onShutdown = args[0].startsWith("sigint");
            Thread worker = new Thread(() -> {
                try {
                    while (onShutdown && !JvmShutdown.inProgress()) {
                        Thread.sleep(5);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (args[0].equals("sigint")) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> { })); // refused: Shutdown in progress
                }
                throw new IllegalStateException("failed as the JVM stopped");
            }, "worker");
            // the shutdown lets the worker fail before the JVM halts, as a command's own hook lets its work end
            Runtime.getRuntime().addShutdownHook(new Thread(() -> join(worker)));
            worker.start();
            if (onShutdown) {
                new ProcessBuilder("kill", "-INT", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                Thread.sleep(60_000);
            }
            join(worker);
        }

        private static void join(Thread t) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String[] run(String mode) throws Exception {
        List<String> cmd = ChildJvm.command();
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), mode));
        Path out = tmp.resolve(mode + ".out");
        Path err = tmp.resolve(mode + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new String[] {Integer.toString(p.exitValue()), Files.readString(out), Files.readString(err)};
    }

    @Test
    void aThreadThatFailsBecauseCtrlCStopsTheJvm_printsNothing() throws Exception {
        String[] r = run("sigint");
        assertThat(r[1]).isEqualTo("shutting down at the start: false\n");
        assertThat(r[2]).as("stderr").isEmpty();
        assertThat(r[0]).isEqualTo("130");
    }

    @Test
    void aThreadThatFailsOfSomethingElseDuringTheStop_isOneLine() throws Exception {
        String[] r = run("sigint-bug");
        assertThat(r[2]).as("stderr").isEqualTo("ngxtime: failed while stopping: java.lang.IllegalStateException: "
                + "failed as the JVM stopped (in thread worker)\n");
        assertThat(r[0]).isEqualTo("130");
    }

    @Test
    void aThreadThatFailsOtherwise_isReportedWithItsStackTrace() throws Exception {
        String[] r = run("now");
        assertThat(r[2]).startsWith("Exception in thread \"worker\" java.lang.IllegalStateException: failed as the JVM stopped")
                .contains("\tat io.ngxtime.cli.JvmShutdownTest$Child");
        assertThat(r[0]).isEqualTo("0");
    }
}
