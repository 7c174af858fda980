package io.ngxtime.cli.alert;

import io.ngxtime.analyzer.live.AlertTransition;
import io.ngxtime.cli.render.TerminalColumns;
import io.ngxtime.cli.render.TerminalText;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code tail --on-alert CMD}: runs {@code /bin/sh -c CMD} once for each change of an alert (fired, cleared, became
 * unknown), with the alert in its environment ({@link AlertEnvironment}, added to tail's own).
 *
 * <p>It never holds up the live tail. {@link #submit} returns at once: the commands run on threads of their own,
 * at most {@link Limits#maxRunning} at a time, in the order of the changes; later ones wait in a queue of
 * {@link Limits#maxWaiting}, and one that finds it full is dropped, counted ({@link #dropped}) and said. A command
 * reads {@code /dev/null}. Its output (standard output and error together) does not reach the terminal, which the
 * dashboard owns: the last {@value #OUTPUT_KEPT_BYTES} bytes are kept, and only when the command fails (a non-zero
 * exit) its last line is told, in the one line that says so. A command still running after
 * {@link Limits#timeout} is ended (SIGTERM, then SIGKILL two seconds later), with the processes it started, and
 * told. Tail goes on in every case.
 *
 * <p>What is told goes to the {@code notices} consumer as single lines starting {@code ngxtime: --on-alert},
 * escaped for the terminal, called from the command's thread: it must be thread-safe.
 *
 * <p>Thread-safe. {@link #close} ends it: the commands running and waiting are given a grace period, then ended.
 */
public final class OnAlertCommand implements AutoCloseable {
    /** How much of a command's output is kept, from its end, to say why it failed. */
    static final int OUTPUT_KEPT_BYTES = 4096;
    /** The longest part of a command's output told in a notice. */
    private static final int OUTPUT_TOLD_CHARS = 200;
    /** Between SIGTERM and SIGKILL for a command past its timeout. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** How long a finished command's output is read on: a process it left in the background may hold the pipe. */
    private static final long DRAIN_AFTER_EXIT_MILLIS = 1000;
    private static final File DEV_NULL = new File("/dev/null");

    /**
     * How many commands run and wait at once, and how long one may run.
     *
     * @param maxRunning at least 1
     * @param maxWaiting at least 1: the changes that wait for a command to end before theirs starts
     * @param timeout    positive
     */
    public record Limits(int maxRunning, int maxWaiting, Duration timeout) {
        /** Two at a time, sixteen waiting, thirty seconds each. */
        public static final Limits DEFAULT = new Limits(2, 16, Duration.ofSeconds(30));

        public Limits {
            if (maxRunning < 1 || maxWaiting < 1 || timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("maxRunning and maxWaiting must be at least 1 and the timeout"
                        + " positive, were " + maxRunning + ", " + maxWaiting + ", " + timeout);
            }
        }
    }

    private final String command;
    private final List<String> files;
    private final Limits limits;
    private final Consumer<String> notices;
    private final ThreadPoolExecutor pool;
    private final AtomicLong dropped = new AtomicLong();
    /** Dropped since the last time drops were summed up in a notice. */
    private final AtomicLong droppedUntold = new AtomicLong();

    /**
     * @param command the shell command line, run by {@code /bin/sh -c}
     * @param files   the files tail follows ({@link AlertEnvironment#FILES})
     * @param limits  how many at once, how long
     * @param notices told a failed, timed-out or dropped command, one line each; thread-safe
     */
    public OnAlertCommand(String command, List<String> files, Limits limits, Consumer<String> notices) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("--on-alert needs a command");
        }
        this.command = command;
        this.files = List.copyOf(files);
        this.limits = limits;
        this.notices = notices;
        RejectedExecutionHandler drop = (task, executor) -> dropped((Run) task, executor);
        this.pool = new ThreadPoolExecutor(limits.maxRunning(), limits.maxRunning(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.maxWaiting()), daemonThreads(), drop);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the command for {@code change}, later, on a thread of its own; returns at once. */
    public void submit(AlertTransition change) {
        pool.execute(new Run(change));
    }

    /** Changes whose command was not run because the queue was full (or tail was ending). */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Takes no more changes, lets the commands running and waiting end within {@code grace}, then ends those still
     * running (and their processes) and drops those still waiting, telling how many.
     */
    public void close(Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                List<Runnable> notRun = pool.shutdownNow(); // interrupts the waits: each running command is ended
                if (!notRun.isEmpty()) {
                    dropped.addAndGet(notRun.size());
                    notices.accept("ngxtime: --on-alert: tail is ending: " + notRun.size()
                            + " alert command(s) waiting were not run");
                }
                pool.awaitTermination(KILL_GRACE.toMillis() + 1000, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        sayDropped();
    }

    /** {@link #close(Duration)} with five seconds of grace. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void dropped(Run run, ThreadPoolExecutor executor) {
        dropped.incrementAndGet();
        if (executor.isShutdown()) {
            return;
        }
        if (droppedUntold.getAndIncrement() == 0) {
            notices.accept("ngxtime: --on-alert: " + limits.maxRunning() + " command(s) running and "
                    + limits.maxWaiting() + " waiting: the command for " + about(run.change)
                    + " is dropped, and the next ones until the queue has room (counted)");
        }
    }

    /** Tells how many were dropped since the last time, once the queue has room again. */
    private void sayDropped() {
        long n = droppedUntold.getAndSet(0);
        if (n > 0) {
            notices.accept("ngxtime: --on-alert: " + n + " alert command(s) dropped while the queue was full ("
                    + dropped.get() + " in all)");
        }
    }

    private static String about(AlertTransition change) {
        return "'" + TerminalText.safe(change.alert().rule()) + "' " + change.kind().state();
    }

    /** One change's command. */
    private final class Run implements Runnable {
        final AlertTransition change;

        Run(AlertTransition change) {
            this.change = change;
        }

        @Override
        public void run() {
            if (pool.getQueue().isEmpty()) {
                sayDropped();
            }
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .redirectErrorStream(true);
            pb.environment().putAll(AlertEnvironment.of(change, files));
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                notices.accept("ngxtime: --on-alert: cannot run /bin/sh for " + about(change) + ": "
                        + TerminalText.safe(e.getMessage()));
                return;
            }
            OutputTail output = new OutputTail(p.getInputStream());
            Thread reading = new Thread(output, "ngxtime-on-alert-output");
            reading.setDaemon(true);
            reading.start();
            try {
                if (!p.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    end(p);
                    notices.accept("ngxtime: --on-alert: the command for " + about(change) + " ran longer than "
                            + seconds(limits.timeout()) + " and was ended" + output.lastLine());
                    return;
                }
                reading.join(DRAIN_AFTER_EXIT_MILLIS);
                if (p.exitValue() != 0) {
                    notices.accept("ngxtime: --on-alert: the command for " + about(change) + " exited "
                            + p.exitValue() + output.lastLine());
                }
            } catch (InterruptedException e) { // tail is ending and the grace is over
                end(p);
                notices.accept("ngxtime: --on-alert: tail is ending: the command for " + about(change) + " was ended");
            } finally {
                output.close();
            }
        }
    }

    /** Ends a command and the processes it started: SIGTERM, then SIGKILL after {@link #KILL_GRACE}. */
    private static void end(Process p) {
        // taken before the shell dies: its children would be orphans, no longer its descendants
        List<ProcessHandle> started = p.descendants().collect(Collectors.toList());
        started.forEach(ProcessHandle::destroy);
        p.destroy();
        boolean ended;
        try {
            ended = p.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (!ended) {
            p.destroyForcibly();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /** Reads a command's output to its end, keeping the last {@link #OUTPUT_KEPT_BYTES} bytes. */
    private static final class OutputTail implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        OutputTail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    keep(buf, n);
                }
            } catch (IOException e) {
                // closed after the command ended: what was read is what there is
            }
        }

        private synchronized void keep(byte[] buf, int n) {
            kept.write(buf, 0, n);
            if (kept.size() > 2 * OUTPUT_KEPT_BYTES) {
                byte[] all = kept.toByteArray();
                kept.reset();
                kept.write(all, all.length - OUTPUT_KEPT_BYTES, OUTPUT_KEPT_BYTES);
            }
        }

        /** {@code ": LAST LINE"} of the output kept, escaped and cut; empty when it printed nothing. */
        synchronized String lastLine() {
            String text = kept.toString(StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "";
            }
            String last = text.substring(text.lastIndexOf('\n') + 1).strip();
            // escaped, then cut in terminal columns: never inside a character, however wide the output's are
            return ": " + TerminalColumns.clip(TerminalText.safe(last), OUTPUT_TOLD_CHARS);
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to read either way
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ngxtime-on-alert-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
