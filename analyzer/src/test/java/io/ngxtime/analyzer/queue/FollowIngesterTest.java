package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.source.FollowStart;
import io.ngxtime.analyzer.testutil.Lines;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a log into the queue across restarts and rotations, scenario by scenario: what logrotate does
 * while nothing follows the log (rename, delaycompress, immediate compression, dateext, copytruncate, the
 * file deleted), and while it is followed (copytruncate, a full disk). Each ends with the queue holding
 * every line written exactly once, or with what is lost said.
 */
class FollowIngesterTest {
    @TempDir
    Path dir;

    private Path log;
    private Path q;
    private final List<FollowNotice> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void names() {
        log = dir.resolve("access.log");
        q = dir.resolve("q");
    }

    /** One run of following in a background thread, as tail runs it. */
    private final class Following implements AutoCloseable {
        private final RecordStore store;
        private final QueueIngester ingester;
        private final FollowIngester follower;
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean stop;

        Following(FollowStart start, Duration poll, java.util.function.Consumer<RecordStore> beforeOpen) throws IOException {
            this(start, poll, Duration.ofMillis(50), beforeOpen);
        }

        Following(FollowStart start, Duration poll, Duration grace, java.util.function.Consumer<RecordStore> beforeOpen)
                throws IOException {
            this(start, poll, grace, beforeOpen, () -> { });
        }

        Following(FollowStart start, Duration poll, Duration grace, java.util.function.Consumer<RecordStore> beforeOpen,
                  Runnable afterRotatedFilesListed) throws IOException {
            store = RecordStore.open(q);
            beforeOpen.accept(store);
            ingester = new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true);
            follower = FollowIngester.builder(ingester, log).start(start).pollInterval(poll)
                    .rotationGrace(grace).notices(notices::add).afterRotatedFilesListed(afterRotatedFilesListed).open();
            thread = new Thread(() -> {
                try {
                    follower.run(() -> stop);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "follow-test");
            thread.start();
        }

        /** Waits until this run appended {@code lines} lines (or failed, or 20 s passed), then 200 ms more. */
        Following awaitAppended(long lines) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ingester.appendedLines() < lines && failure.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // a line read twice would come now
            return this;
        }

        /** Waits until the run has written its first batch (the checkpoint where it starts). */
        Following awaitBatches(long n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ingester.batches() < n && failure.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return this;
        }

        long appended() {
            return ingester.appendedLines();
        }

        Throwable failure() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(20));
            return failure.get();
        }

        @Override
        public void close() throws Exception {
            stop = true;
            follower.wakeup();
            thread.join(TimeUnit.SECONDS.toMillis(20));
            follower.close();
            store.close();
            Throwable t = failure.get();
            if (t instanceof Exception e) {
                throw e;
            } else if (t != null) {
                throw new AssertionError(t);
            }
        }
    }

    private Following start(FollowStart start) throws IOException {
        return new Following(start, Duration.ofMillis(10), s -> { });
    }

    /** Runs following until it appended {@code lines} (as a tail started with {@code start} would), then stops. */
    private long follow(FollowStart start, long lines) throws Exception {
        try (Following f = start(start)) {
            return f.awaitAppended(lines).appended();
        }
    }

    /** The queue holds exactly lines {@code from} until {@code to} (each once: paths() fails on a duplicate). */
    private void assertQueueHoldsExactly(long from, long to) throws Exception {
        Set<Long> expected = LongStream.range(from, to).boxed().collect(Collectors.toSet());
        assertThat(IngestScenarioTest.paths(q)).isEqualTo(expected);
    }

    /** Sets when a file was last written, as a rotation hours apart leaves it (and as gzip keeps it). */
    private static void writtenAt(Path f, int hoursAgo) throws IOException {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(hoursAgo * 3600L)));
    }

    private static void gzipKeepingTime(Path plain, Path gz) throws IOException {
        Lines.gzip(plain, gz);
        Files.setLastModifiedTime(gz, Files.getLastModifiedTime(plain));
        Files.delete(plain);
    }

    private static void truncate(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    @Test
    void caughtUp_isFalseWhileTheBacklogIsRead_andTrueOnceTheEndIsReached_withEveryLineInTheQueue() throws Exception {
        Lines.write(log, 0, 3000);
        try (RecordStore store = RecordStore.open(q)) {
            QueueIngester ingester = new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true);
            AtomicReference<FollowIngester> following = new AtomicReference<>();
            List<Boolean> caughtUpAtAppends = new CopyOnWriteArrayList<>();
            ingester.afterAppend(() -> caughtUpAtAppends.add(following.get().caughtUp()));
            try (FollowIngester follower = FollowIngester.builder(ingester, log).start(FollowStart.BEGINNING).open()) {
                following.set(follower);
                assertThat(follower.caughtUp()).isFalse();
                assertThat(follower.waiting()).isFalse();

                follower.run(follower::caughtUp); // returns once caught up

                assertThat(ingester.appendedLines()).as("everything read when it says so").isEqualTo(3000);
                assertThat(caughtUpAtAppends).as("the note, the start, 3 batches of lines").hasSize(5).containsOnly(false);
                assertThat(follower.rotations()).isZero();
            }
        }
    }

    @Test
    void caughtUp_ofAPathWithNoFile_isTrue_andSaysItWaits() throws Exception {
        try (RecordStore store = RecordStore.open(q);
             FollowIngester follower = FollowIngester.builder(new QueueIngester(store, IngestScenarioTest.COMBINED, 65536, true),
                     log).start(FollowStart.BEGINNING).open()) {
            assertThat(follower.waiting()).isTrue();

            follower.run(follower::caughtUp);

            assertThat(follower.caughtUp()).isTrue();
            assertThat(follower.waiting()).isTrue();
        }
    }

    @Test
    void restart_afterARenameRotationWhileStopped_readsTheRotatedFilesRest_andTheNewFileFromItsStart() throws Exception {
        Lines.write(log, 0, 100);
        assertThat(follow(FollowStart.BEGINNING, 100)).isEqualTo(100);
        // while nothing follows: nginx writes on, logrotate renames, nginx starts a new file
        Lines.append(log, 100, 150);
        Path rotated = dir.resolve("access.log.1");
        Files.move(log, rotated);
        Lines.write(log, 150, 220);

        assertThat(follow(FollowStart.END, 120)).isEqualTo(120);
        assertQueueHoldsExactly(0, 220);
        assertThat(notices).containsExactly(new FollowNotice.CaughtUp(rotated.toString(), 100, 50));
    }

    @Test
    void restart_afterTwoRotationsWithDelaycompressWhileStopped_readsTheCompressedRest_theUnseenFile_andTheNewOne()
            throws Exception {
        Lines.write(log, 0, 100);
        follow(FollowStart.BEGINNING, 100);
        Lines.append(log, 100, 120);
        Path one = dir.resolve("access.log.1");
        Path two = dir.resolve("access.log.2.gz");
        Files.move(log, one);
        Lines.write(log, 120, 200); // lived at the path only while nothing followed it
        // the second rotation: .1 is compressed into .2.gz (delaycompress), the log becomes .1
        gzipKeepingTime(one, two);
        Files.move(log, one);
        Lines.write(log, 200, 230);

        assertThat(follow(FollowStart.END, 130)).isEqualTo(130);
        assertQueueHoldsExactly(0, 230);
        assertThat(notices).containsExactly(new FollowNotice.CaughtUp(two.toString(), 100, 20),
                new FollowNotice.CaughtUp(one.toString(), 0, 80));
    }

    @Test
    void restart_afterARotationCompressedAtOnce_readsTheRestFromTheGzipByDecompressingAndSkipping() throws Exception {
        Lines.write(log, 0, 3000);
        follow(FollowStart.BEGINNING, 3000);
        Lines.append(log, 3000, 3100);
        Path one = dir.resolve("access.log.1");
        Files.move(log, one);
        gzipKeepingTime(one, dir.resolve("access.log.1.gz"));
        Lines.write(log, 3100, 3110);

        follow(FollowStart.END, 110);
        assertQueueHoldsExactly(0, 3110);
    }

    @Test
    void restart_afterADateextRotation_readsTheRestFromTheDatedFile() throws Exception {
        Lines.write(log, 0, 100);
        follow(FollowStart.BEGINNING, 100);
        Lines.append(log, 100, 130);
        Path dated = dir.resolve("access.log-20261205");
        Files.move(log, dated);
        gzipKeepingTime(dated, dir.resolve("access.log-20261205.gz"));
        Lines.write(log, 130, 140);

        follow(FollowStart.END, 40);
        assertQueueHoldsExactly(0, 140);
    }

    @Test
    void restart_afterCopytruncateWhileStopped_readsTheCopysRest_andTheTruncatedLogFromItsStart() throws Exception {
        Lines.write(log, 0, 100);
        follow(FollowStart.BEGINNING, 100);
        Lines.append(log, 100, 140);
        Files.copy(log, dir.resolve("access.log.1"));
        truncate(log);
        Lines.append(log, 140, 150);

        follow(FollowStart.END, 50);
        assertQueueHoldsExactly(0, 150);
    }

    @Test
    void restart_whileTheRotatedFileIsBeingCompressed_readsThePlainFile_notTheHalfWrittenGzip() throws Exception {
        Lines.write(log, 0, 5000);
        follow(FollowStart.BEGINNING, 5000);
        Lines.append(log, 5000, 6000);
        Path one = dir.resolve("access.log.1");
        Files.move(log, one);
        Lines.truncatedGzip(one, dir.resolve("access.log.1.gz")); // gzip is still writing it
        Lines.write(log, 6000, 6010);

        follow(FollowStart.END, 1010);
        assertQueueHoldsExactly(0, 6010);
        assertThat(notices).containsExactly(new FollowNotice.CaughtUp(one.toString(), 5000, 1000));
    }

    @Test
    void restart_theFileBeingReadIsGone_namesIt_withWhereReadingStood_andReadsTheFilesWrittenSinceWhole() throws Exception {
        Path old = dir.resolve("access.log.1");
        Lines.write(old, 1_000_000, 1_000_010);
        writtenAt(old, 24); // history from before the log was followed
        Lines.write(log, 0, 100);
        follow(FollowStart.BEGINNING, 100);
        long readBytes = Files.size(log);
        Lines.append(log, 100, 130); // never read: the file is deleted (rotated out) while nothing follows it
        Files.delete(log);
        Files.move(old, dir.resolve("access.log.2"));
        Lines.write(log, 130, 160);  // the next file, rotated too while nothing follows the log
        Files.move(log, old);
        Lines.write(log, 160, 170);

        follow(FollowStart.END, 40);
        Set<Long> expected = LongStream.concat(LongStream.range(0, 100), LongStream.range(130, 170)).boxed()
                .collect(Collectors.toSet());
        assertThat(IngestScenarioTest.paths(q)).isEqualTo(expected);
        assertThat(notices).containsExactly(new FollowNotice.Vanished(log.toString(), 100, readBytes),
                new FollowNotice.CaughtUp(old.toString(), 0, 30));
    }

    @Test
    void restart_aRotationBetweenListingTheRotatedFilesAndReadingThem_readsEachFileOnce() throws Exception {
        Lines.write(log, 0, 100);
        follow(FollowStart.BEGINNING, 100);
        Path one = dir.resolve("access.log.1");
        Lines.append(log, 100, 120);
        Files.move(log, one);
        Lines.write(log, 120, 200); // new while nothing follows: the restart reads it from its start
        boolean[] rotated = {false};
        Runnable rotation = () -> { // logrotate strikes after the catch-up listed access.log.1
            if (!rotated[0]) {
                rotated[0] = true;
                try {
                    Files.move(one, dir.resolve("access.log.2"));
                    Files.move(log, one); // access.log.1 names the file the follower has open now
                    Lines.write(log, 200, 210);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (Following f = new Following(FollowStart.END, Duration.ofMillis(10), Duration.ofMillis(50), s -> { }, rotation)) {
            f.awaitAppended(110);
        }
        assertThat(rotated[0]).isTrue();
        assertQueueHoldsExactly(0, 210); // fails on a line read twice: by the catch-up and by the follower
    }

    @Test
    void firstStart_leavesRotatedFilesAlone_theyAreHistoryFromBeforeTheLogWasFollowed() throws Exception {
        Path old = dir.resolve("access.log.1");
        Lines.write(old, 0, 50);
        writtenAt(old, 24);
        Lines.write(log, 50, 100);

        try (Following f = start(FollowStart.END)) {
            f.awaitBatches(1);
            Lines.append(log, 100, 110);
            f.awaitAppended(10);
        }
        assertQueueHoldsExactly(100, 110);
        assertThat(notices).isEmpty();
    }

    @Test
    void firstStart_atTheEnd_keepsThatPositionAtOnce_soLinesWrittenBeforeARotationAreNotLost() throws Exception {
        Lines.write(log, 0, 50);
        try (Following f = start(FollowStart.END)) {
            f.awaitBatches(1); // killed before any new line: the queue knows where reading started
        }
        Lines.append(log, 50, 60);
        Files.move(log, dir.resolve("access.log.1"));
        Lines.write(log, 60, 70);

        follow(FollowStart.END, 20);
        assertQueueHoldsExactly(50, 70);
    }

    @Test
    void firstStart_onAnEmptyLog_stoppedBeforeItsFirstLine_aRestartReadsEverythingWrittenSince() throws Exception {
        Files.createFile(log);
        try (Following f = start(FollowStart.END)) {
            f.awaitBatches(1); // nothing to identify the file by: the queue notes since when the log is followed
        }
        Lines.append(log, 0, 10);
        Files.move(log, dir.resolve("access.log.1"));
        Lines.write(log, 10, 20);

        follow(FollowStart.END, 20);
        assertQueueHoldsExactly(0, 20);
        assertThat(notices).containsExactly(new FollowNotice.CaughtUp(dir.resolve("access.log.1").toString(), 0, 10));
    }

    @Test
    void twoRotationsWithinTheGraceWhileFollowing_theFileThatCameAndWentIsReadWhenTheFollowerMovesOn() throws Exception {
        Lines.write(log, 0, 100);
        Path one = dir.resolve("access.log.1");
        try (Following f = new Following(FollowStart.BEGINNING, Duration.ofMillis(10), Duration.ofSeconds(1), s -> { })) {
            f.awaitAppended(100);
            Files.move(log, one);
            Lines.write(log, 100, 150); // at the path for a moment only: the follower is still on the first file
            Files.move(one, dir.resolve("access.log.2"));
            Files.move(log, one);
            Lines.write(log, 150, 160);
            f.awaitAppended(160);
        }
        assertQueueHoldsExactly(0, 160);
        assertThat(notices).containsExactly(new FollowNotice.CaughtUp(one.toString(), 0, 50));
    }

    @Test
    void copytruncateWhileFollowing_readsTheRestOfTheOldContentFromLogrotatesCopy_andSaysSo() throws Exception {
        Lines.write(log, 0, 100);
        Path copy = dir.resolve("access.log.1");
        try (Following f = new Following(FollowStart.BEGINNING, Duration.ofSeconds(1), s -> { })) {
            f.awaitAppended(100);
            Lines.append(log, 100, 130); // most likely not read before the truncation (the follower looks every second)
            Files.copy(log, copy);
            truncate(log);
            Lines.append(log, 130, 140);
            f.awaitAppended(140);
        }
        assertQueueHoldsExactly(0, 140);
        assertThat(notices).hasSize(1);
        FollowNotice.Truncated t = (FollowNotice.Truncated) notices.get(0);
        assertThat(t.file()).isEqualTo(log.toString());
        assertThat(t.copy()).isEqualTo(copy.toString());
        assertThat(t.readLines() + t.copyLines()).isEqualTo(130);
    }

    @Test
    void truncatedWhileFollowing_withoutACopy_saysWhereReadingStood() throws Exception {
        Lines.write(log, 0, 100);
        long size = Files.size(log);
        try (Following f = start(FollowStart.BEGINNING)) {
            f.awaitAppended(100);
            truncate(log);
            Lines.append(log, 100, 110);
            f.awaitAppended(110);
        }
        assertQueueHoldsExactly(0, 110);
        assertThat(notices).containsExactly(new FollowNotice.Truncated(log.toString(), 100, size, null, 0, 0));
    }

    @Test
    void fullDiskWhileFollowing_endsWithAClearError_keepsEveryWholeBatch_andARestartResumesExactly() throws Exception {
        Lines.write(log, 0, 5000);
        long[] checks = {0};
        // room for the note that the log is followed and the checkpoint where reading starts, then two batches
        Consumer<RecordStore> twoBatchesFit = s -> s.usableSpace(() -> ++checks[0] <= 4 ? Long.MAX_VALUE : 1024);
        Following f = new Following(FollowStart.BEGINNING, Duration.ofMillis(10), twoBatchesFit);
        Throwable t = f.failure();
        assertThat(t).isInstanceOf(QueueIngester.AppendException.class)
                .hasMessageContaining("no space left on the device").hasMessageContaining("up to line 2048");
        assertThatThrownBy(f::close).isSameAs(t);
        assertQueueHoldsExactly(0, 2048);

        follow(FollowStart.END, 5000 - 2048);
        assertQueueHoldsExactly(0, 5000);
    }

    @Test
    void queueDirectoryRemovedWhileFollowing_theNextBatchFails_insteadOfGoingIntoFilesNobodyCanOpen() throws Exception {
        Lines.write(log, 0, 10);
        Following f = start(FollowStart.BEGINNING);
        f.awaitAppended(10);
        io.ngxtime.analyzer.files.TempDirectories.deleteTree(q);
        Lines.append(log, 10, 20);
        Throwable t = f.failure();
        assertThat(t).isInstanceOf(QueueIngester.AppendException.class)
                .hasMessageStartingWith("cannot append to queue " + q).hasMessageContaining("removed");
        assertThatThrownBy(f::close).isSameAs(t);
    }
}
