package io.ngxtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.queue.Batch;
import io.ngxtime.analyzer.queue.RecordStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest} and {@code tail --queue} killed with SIGKILL at random moments, {@value #DEFAULT_ROUNDS}
 * times each, while the log is written and rotated like logrotate does (rename, delaycompress, immediate
 * compression, dateext, copytruncate): while the process runs, while it is down, and with the kill between
 * a rotation's steps. After every kill the queue opens and holds no line twice; after a last run that
 * completes, it holds every line written exactly once.
 *
 * <p>The seed of the random choices is printed; {@code -Dngxtime.killSeed=N} replays them (the moments
 * a process is killed at depend on timing too), {@code -Dngxtime.kills=N} sets the rounds.
 */
class KillAndRotateTest {
    static final int DEFAULT_ROUNDS = 20;
    private static final int ROUNDS = Integer.getInteger("ngxtime.kills", DEFAULT_ROUNDS);
    private static final RotatingLog.Rotation[] ROTATIONS = RotatingLog.Rotation.values();

    @TempDir
    Path dir;

    private long seed;
    private Random random;
    private Path q;
    private RotatingLog log;
    private final StringBuilder story = new StringBuilder();
    private int runs;

    @BeforeEach
    void setUp() throws IOException {
        seed = Long.getLong("ngxtime.killSeed", System.nanoTime());
        random = new Random(seed);
        q = dir.resolve("q");
        log = new RotatingLog(Files.createDirectories(dir.resolve("logs")));
    }

    /** A child JVM running one command, its "batch" lines (one per batch appended) readable as they come. */
    private final class Child {
        final Process process;
        final BlockingQueue<String> said = new LinkedBlockingQueue<>();

        Child(List<String> args) throws IOException {
            Files.writeString(dir.resolve("child.err"), "--- run " + (++runs) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            List<String> cmd = ChildJvm.command();
            // a quick start: the test runs 40 of these
            cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), KillableChild.class.getName()));
            cmd.addAll(args);
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile()))
                    .start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        said.add(l);
                    }
                } catch (IOException e) {
                    // killed
                }
                said.add("gone");
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for {@code n} batches (or the end, or 30 s); false when the process ended first. */
        boolean awaitBatches(int n) throws InterruptedException {
            int seen = 0;
            while (seen < n) {
                String l = said.poll(30, TimeUnit.SECONDS);
                if (l == null || l.equals("gone") || l.startsWith("exit")) {
                    return false;
                }
                seen += l.equals("batch") ? 1 : 0;
            }
            return true;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
            process.waitFor();
        }
    }

    /** Appends lines in small bursts, as requests come, until stopped. */
    private final class Writer implements AutoCloseable {
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stop;

        Writer(long writerSeed, boolean liveRotations) {
            Random r = new Random(writerSeed);
            thread = new Thread(() -> {
                try {
                    while (!stop) {
                        log.append(1 + r.nextInt(30));
                        if (liveRotations && r.nextInt(150) == 0) {
                            log.rotate(RotatingLog.Rotation.RENAME); // copytruncate under a reader can misplace lines
                            synchronized (story) {
                                story.append("   RENAME while running, at line ").append(log.written()).append('\n');
                            }
                        }
                        Thread.sleep(r.nextInt(15));
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "log-writer");
            thread.start();
        }

        @Override
        public void close() throws Exception {
            stop = true;
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        }
    }

    /** Runs one round: the child started, lines written meanwhile, the child killed at a random moment. */
    private void killRound(int round, List<String> args, boolean liveRotations) throws Exception {
        Child child = new Child(args);
        int how = random.nextInt(10);
        try (Writer w = new Writer(random.nextLong(), liveRotations)) {
            if (how < 3) {
                long millis = random.nextInt(1200);
                story.append(round).append(": killed after ").append(millis).append(" ms");
                Thread.sleep(millis);
            } else if (how < 9) {
                int batches = 1 + random.nextInt(3);
                long millis = random.nextInt(40);
                story.append(round).append(": killed ").append(millis).append(" ms after batch ").append(batches);
                child.awaitBatches(batches);
                Thread.sleep(millis);
            } else {
                story.append(round).append(": killed between a rotation's rename and the new file");
                child.awaitBatches(1);
                log.renameAway();
            }
            child.kill();
        }
        log.create();
        story.append(", ").append(log.written()).append(" lines written\n");
        assertNoLineTwice(round);
    }

    /** Between runs: a rotation and lines written while nothing reads the log. */
    private void whileDown(int round) throws IOException {
        if (random.nextBoolean()) {
            RotatingLog.Rotation r = ROTATIONS[random.nextInt(ROTATIONS.length)];
            story.append(round).append(": ").append(r).append(" while down\n");
            log.rotate(r);
        }
        log.append(random.nextInt(300));
        if (random.nextInt(4) == 0) {
            RotatingLog.Rotation r = ROTATIONS[random.nextInt(ROTATIONS.length)];
            story.append(round).append(": another ").append(r).append(" while down\n");
            log.rotate(r);
            log.append(random.nextInt(300));
        }
    }

    private void assertNoLineTwice(int round) throws Exception {
        // killed before its first batch, the run may leave the directory without a queue file: nothing is in it
        // to count twice, and the next round must still ingest into it (which the later rounds check)
        if (Files.isDirectory(q) && RecordStore.holdsQueueFiles(q)) {
            try {
                paths("after round " + round); // fails on a line counted twice; the queue must open
            } catch (AssertionError e) {
                keep();
                throw e;
            } catch (IOException e) {
                keep(); // the queue did not open: say how to replay the run that left it so
                throw new AssertionError("after round " + round + " the queue does not open: " + e + "\n" + this, e);
            }
        }
    }

    private void keep() throws IOException {
        String to = System.getProperty("ngxtime.killKeep");
        if (to != null) {
            Path target = Path.of(to, Long.toString(seed));
            try (var files = Files.walk(dir)) {
                for (Path p : files.toList()) {
                    Path t = target.resolve(dir.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    /** Every /p/N in the queue, failing on a duplicate. */
    private Set<Long> paths(String when) throws Exception {
        Set<Long> seen = new HashSet<>();
        try (RecordStore store = RecordStore.openForReading(q); RecordStore.BatchReader reader = store.reader(null)) {
            Batch b;
            while ((b = reader.next()) != null) {
                for (int i = 0; i < b.size(); i++) {
                    long n = Long.parseLong(b.request(i).path().substring(3));
                    assertThat(seen.add(n)).as("%s: /p/%d counted twice%n%s", when, n, this).isTrue();
                }
            }
            assertThat(store.unreadableBatches()).as(when + "\n" + this).isZero();
        }
        return seen;
    }

    private void assertEveryLineOnce() throws Exception {
        Set<Long> expected = LongStream.range(0, log.written()).boxed().collect(Collectors.toSet());
        Set<Long> held = paths("at the end");
        Set<Long> lost = new java.util.TreeSet<>(expected);
        lost.removeAll(held);
        if (!lost.isEmpty()) {
            keep();
        }
        assertThat(lost).as("lines lost\n%s", this).isEmpty();
        assertThat(held).as("lines never written\n%s", this).isEqualTo(expected);
    }

    @Override
    public String toString() {
        String err;
        try {
            Path f = dir.resolve("child.err");
            err = Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            err = e.toString();
        }
        String tail = err.length() > 4000 ? err.substring(err.length() - 4000) : err;
        return "seed " + seed + " (replay with -Dngxtime.killSeed=" + seed + ")\n" + story + "children's stderr:\n" + tail;
    }

    private List<String> ingestArgs() throws IOException {
        List<String> args = new ArrayList<>(List.of("ingest", "--queue", q.toString(), "--log-format", "combined"));
        log.files().forEach(f -> args.add(f.toString()));
        return args;
    }

    private List<String> tailArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("tail", log.path().toString(), "--queue", q.toString(),
                "--log-format", "combined", "--json", "--interval", "1", "--window", "60"));
        args.addAll(List.of(more));
        return args;
    }

    /**
     * Waits until the queue holds every line written (or 60 s), then a second more (a line read twice would
     * come then), and kills the child.
     */
    private void awaitEveryLineThenKill(Child child) throws Exception {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && child.process.isAlive() && !holdsAll()) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
        } finally {
            child.kill();
        }
    }

    @Test
    void tailQueue_killed9_thenTheLogRenamedAndANewOneWritten_restarted_countsEveryLineOnce() throws Exception {
        log.append(2000);
        Child first = new Child(tailArgs("--from-start"));
        awaitEveryLineThenKill(first); // kill -9: no shutdown hook, nothing flushed
        log.append(3000);               // nginx writes on while tail is down,
        log.rotate(RotatingLog.Rotation.RENAME); // logrotate renames the log to access.log.1,
        log.append(4000);               // and nginx writes a new access.log
        story.append("2000 lines read, killed; 3000 more, renamed, 4000 in a new file\n");

        awaitEveryLineThenKill(new Child(tailArgs()));
        assertEveryLineOnce();
    }

    @Test
    void tailQueue_killed9_betweenARotationsRenameAndTheNewFile_restarted_countsEveryLineOnce() throws Exception {
        log.append(3000);
        Child first = new Child(tailArgs("--from-start"));
        assertThat(awaitHeld(first, 1)).as("tail started reading: " + this).isTrue();
        log.append(1500);
        log.renameAway(); // logrotate renamed the log; tail is still reading it when it is killed
        first.kill();
        log.create();     // then it creates the new log, and nginx writes it
        log.append(2500);
        story.append("3000 lines being read, 1500 more, renamed, killed, 2500 in a new file\n");

        awaitEveryLineThenKill(new Child(tailArgs()));
        assertEveryLineOnce();
    }

    @Test
    void ingest_killedAtRandomMomentsWhileTheLogIsWrittenAndRotated_holdsEveryLineOnceAfterALastRun() throws Exception {
        System.out.println("KillAndRotateTest ingest: " + this);
        for (int round = 0; round < ROUNDS; round++) {
            whileDown(round);
            log.append(1000 + random.nextInt(2000)); // a few batches to read
            killRound(round, ingestArgs(), false);
        }
        Child last = new Child(ingestArgs());
        assertThat(last.process.waitFor(120, TimeUnit.SECONDS)).as(this.toString()).isTrue();
        assertThat(last.process.exitValue()).as(this.toString()).isZero();
        assertEveryLineOnce();
    }

    @Test
    void tailQueue_killedAtRandomMomentsWhileTheLogIsWrittenAndRotated_holdsEveryLineOnceAfterALastRun() throws Exception {
        System.out.println("KillAndRotateTest tail --queue: " + this);
        // the first run must get going before lines count: a tail that never started follows nothing
        Child first = new Child(tailArgs());
        assertThat(first.awaitBatches(1)).as("the first tail notes the log: " + this).isTrue();
        first.kill();
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                whileDown(round);
            }
            killRound(round, tailArgs(), true);
        }
        Child last = new Child(tailArgs());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && !holdsAll()) {
                Thread.sleep(250);
            }
            Thread.sleep(1000); // a line read twice would come now
        } finally {
            last.kill();
        }
        assertEveryLineOnce();
    }

    /** Waits until the queue holds at least {@code lines} lines (false: the child ended first, or 60 s passed). */
    private boolean awaitHeld(Child child, long lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.process.isAlive()) {
            try {
                if (Files.isDirectory(q) && paths("while tail runs").size() >= lines) {
                    return true;
                }
            } catch (Exception | AssertionError e) {
                // read again; the assertion at the end tells
            }
            Thread.sleep(50);
        }
        return false;
    }

    private boolean holdsAll() {
        try {
            return Files.isDirectory(q) && paths("while the last tail runs").size() >= log.written();
        } catch (Exception | AssertionError e) {
            return false; // read again; the assertion at the end tells
        }
    }
}
