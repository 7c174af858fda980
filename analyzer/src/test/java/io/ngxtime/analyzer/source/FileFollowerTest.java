package io.ngxtime.analyzer.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow-mode scenarios on real files. Time is a {@link ManualFollowClock}: waits take no real time, and
 * writes can be scheduled at chosen moments of a wait.
 */
class FileFollowerTest {
    @TempDir
    Path dir;

    private final ManualFollowClock clock = new ManualFollowClock();

    /** The followed file; each test creates it (or not) as its scenario needs. */
    private Path log;
    /** Where rotation moves or copies the followed file. */
    private Path rotated;

    @BeforeEach
    void nameTheFiles() {
        log = dir.resolve("access.log");
        rotated = dir.resolve("access.log.1");
    }

    private record Line(String text, long number, boolean tooLong, long offset, long next, Fingerprint fingerprint) {
        @Override
        public String toString() {
            return number + ":" + text + (tooLong ? " (too long)" : "") + " @" + offset + "-" + next;
        }
    }

    private FileFollower.Builder follow(Path p) {
        return FileFollower.builder(p).clock(clock);
    }

    /** Writes {@code content} to the log, then follows it from its first line. */
    private FileFollower followFromBeginning(String content) throws IOException {
        append(log, content);
        return follow(log).start(FollowStart.BEGINNING).open();
    }

    /** Writes {@code content} to the log, then follows it from its end. */
    private FileFollower followFromEnd(String content) throws IOException {
        append(log, content);
        return follow(log).start(FollowStart.END).open();
    }

    /** Follows the log from the checkpoint after {@code last}, starting per {@code start} where it does not fit. */
    private FileFollower resumeAfter(Line last, FollowStart start) throws IOException {
        return follow(log).start(start).resumeFrom(last.fingerprint(), last.next(), last.number()).open();
    }

    private static Line current(FileFollower f) {
        String text = new String(f.buffer(), f.lineStart(), f.lineEnd() - f.lineStart(), ISO_8859_1);
        return new Line(text, f.lineNumber(), f.isTooLong(), f.lineOffset(), f.nextLineOffset(), f.fingerprint());
    }

    /** Every line that comes within 5 (simulated) seconds of quiet. */
    private static List<Line> drain(FileFollower f) throws Exception {
        List<Line> out = new ArrayList<>();
        while (f.next(5, TimeUnit.SECONDS)) {
            out.add(current(f));
        }
        return out;
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    /** The lines that come next, within 5 (simulated) seconds of quiet, are exactly {@code expected}. */
    private static void assertNextLines(FileFollower f, String... expected) throws Exception {
        assertThat(texts(drain(f))).containsExactly(expected);
    }

    private static void append(Path p, String s) throws IOException {
        Files.writeString(p, s, ISO_8859_1, CREATE, APPEND);
    }

    private static void truncate(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    @Test
    void rotationByRename_readsTheOldFileToItsEnd_thenTheNewOneFromItsStart() throws Exception {
        try (FileFollower f = followFromBeginning("a1\na2\n");
             OutputStream nginx = new FileOutputStream(log.toFile(), true)) {
            assertNextLines(f, "a1", "a2");

            Files.move(log, rotated);
            nginx.write("a3\n".getBytes(ISO_8859_1)); // the writer still has the old file open
            append(log, "b1\nb2\n");                  // logrotate's create, then the reopened writer
            nginx.write("a4\n".getBytes(ISO_8859_1)); // a worker that has not reopened yet

            List<Line> lines = drain(f);
            assertThat(lines).extracting(Line::text).containsExactly("a3", "a4", "b1", "b2");
            assertThat(lines).extracting(Line::number).containsExactly(3L, 4L, 1L, 2L);
            assertThat(lines).extracting(Line::next).containsExactly(9L, 12L, 3L, 6L);
            assertThat(lines.get(0).fingerprint()).isEqualTo(lines.get(1).fingerprint());
            assertThat(lines.get(2).fingerprint()).isEqualTo(lines.get(3).fingerprint())
                    .isNotEqualTo(lines.get(0).fingerprint());
            assertThat(f.rotations()).isEqualTo(1);
            assertThat(f.truncations()).isZero();
        }
    }

    @Test
    void rotationByRename_writesToTheOldFileWithinTheGrace_areReadBeforeTheSwitch() throws Exception {
        append(log, "a1\n");
        try (FileFollower f = follow(log).start(FollowStart.BEGINNING).rotationGrace(Duration.ofSeconds(1)).open();
             OutputStream nginx = new FileOutputStream(log.toFile(), true)) {
            assertNextLines(f, "a1");
            Files.move(log, rotated);
            append(log, "b1\n");
            // the follower sees the new file at once, but the old one keeps changing for a while
            clock.schedule(600, () -> nginx.write("a2\n".getBytes(ISO_8859_1)));
            clock.schedule(1400, () -> nginx.write("a3\n".getBytes(ISO_8859_1)));

            assertNextLines(f, "a2", "a3", "b1");
        }
    }

    @Test
    void copytruncate_readsTheFileAgainFromOffsetZero() throws Exception {
        try (FileFollower f = followFromBeginning("a1\na2\n")) {
            assertNextLines(f, "a1", "a2");

            Files.copy(log, rotated);
            truncate(log);
            append(log, "b1\n");

            List<Line> lines = drain(f);
            assertThat(lines).containsExactly(new Line("b1", 1, false, 0, 3, lines.get(0).fingerprint()));
            assertThat(f.truncations()).isEqualTo(1);
            assertThat(f.rotations()).isZero();
        }
    }

    @Test
    void copytruncate_regrownPastTheOldOffsetBeforeAPoll_isStillNoticedByItsFirstLine() throws Exception {
        try (FileFollower f = followFromBeginning("a1\n")) {
            assertNextLines(f, "a1");

            truncate(log);
            append(log, "b1 is longer than a1\nb2\n");

            assertThat(drain(f)).extracting(Line::text, Line::number)
                    .containsExactly(tuple("b1 is longer than a1", 1L),
                            tuple("b2", 2L));
            assertThat(f.truncations()).isEqualTo(1);
        }
    }

    @Test
    void copytruncate_regrownPastTheOldOffsetWithTheSameFirstLine_isStillNoticedByItsHead() throws Exception {
        // a health check logged at the same second starts both contents: the first line alone cannot tell
        try (FileFollower f = followFromBeginning("health 10:00:00\na2\n")) {
            assertNextLines(f, "health 10:00:00", "a2");

            truncate(log);
            append(log, "health 10:00:00\nb2 is longer than a2\nb3\n");

            assertThat(drain(f)).extracting(Line::text, Line::number)
                    .containsExactly(tuple("health 10:00:00", 1L), tuple("b2 is longer than a2", 2L), tuple("b3", 3L));
            assertThat(f.truncations()).isEqualTo(1);
        }
    }

    @Test
    void copytruncate_tellsTheListenerWhereReadingStood_withTheOldContentsFingerprint() throws Exception {
        List<FollowListener.Truncation> told = new ArrayList<>();
        append(log, "a1\na2\n");
        FollowListener listener = new FollowListener() {
            @Override
            public void truncated(Truncation t) {
                told.add(t);
            }
        };
        try (FileFollower f = follow(log).start(FollowStart.BEGINNING).listener(listener).open()) {
            List<Line> before = drain(f);
            append(log, "a3 partial");
            assertThat(f.next(1, TimeUnit.SECONDS)).isFalse();

            Files.copy(log, rotated);
            truncate(log);
            append(log, "b1\n");

            assertThat(texts(drain(f))).containsExactly("b1");
            assertThat(told).containsExactly(new FollowListener.Truncation(log, before.get(1).fingerprint(), 6, 2, 16));
            assertThat(FileHead.of(Files.readAllBytes(rotated), 16).matches(told.get(0).fingerprint()))
                    .as("logrotate's copy is found by the fingerprint told").isTrue();
        }
    }

    @Test
    void deletedFile_tellsTheListenerOnceThatItWaitsForTheFile() throws Exception {
        List<Path> waiting = new ArrayList<>();
        append(log, "a1\n");
        FollowListener listener = new FollowListener() {
            @Override
            public void waiting(Path path) {
                waiting.add(path);
            }
        };
        try (FileFollower f = follow(log).start(FollowStart.BEGINNING).listener(listener).open()) {
            assertNextLines(f, "a1");
            Files.delete(log);
            assertThat(f.next(5, TimeUnit.SECONDS)).isFalse();
            assertThat(f.next(5, TimeUnit.SECONDS)).isFalse();
            assertThat(waiting).containsExactly(log);

            append(log, "b1\n");
            assertNextLines(f, "b1");
        }
    }

    @Test
    void resumeWith_everyFileOpenedIsLookedUp_soAFileMovedBackAfterARotationIsNotReadTwice() throws Exception {
        Line last;
        try (FileFollower f = followFromBeginning("a1\na2\n")) {
            last = drain(f).get(1);
        }
        Files.move(log, rotated);
        append(log, "b1\n");
        FileFollower.Checkpoint a = new FileFollower.Checkpoint(last.fingerprint(), last.next(), last.number());
        try (FileFollower f = follow(log).start(FollowStart.BEGINNING)
                .resumeWith(head -> head.matches(a.fingerprint()) ? a : null).open()) {
            assertNextLines(f, "b1");
            // the first file comes back to the path (a rotation undone): it is known, read from its checkpoint
            Files.move(log, dir.resolve("b.log"));
            append(rotated, "a3\n");
            Files.move(rotated, log);
            assertThat(drain(f)).extracting(Line::text, Line::number).containsExactly(tuple("a3", 3L));
        }
    }

    @Test
    void partialLine_writtenInTwoPartsWithAPause_comesOutOnceWhole() throws Exception {
        try (FileFollower f = followFromBeginning("a1\nGET /x")) {
            assertThat(f.next(1, TimeUnit.SECONDS)).isTrue();
            assertThat(current(f).text()).isEqualTo("a1");
            assertThat(f.next(1, TimeUnit.SECONDS)).as("half a line is not a line").isFalse();

            clock.schedule(700, () -> append(log, " 200\n"));
            List<Line> lines = drain(f);

            assertThat(lines).containsExactly(new Line("GET /x 200", 2, false, 3, 14, lines.get(0).fingerprint()));
        }
    }

    @Test
    void deletedFile_isReadToItsEnd_thenAFileCreatedLaterIsReadFromItsStart() throws Exception {
        try (FileFollower f = followFromBeginning("a1\n")) {
            assertNextLines(f, "a1");
            append(log, "a2\n");
            Files.delete(log);

            assertThat(texts(drain(f))).as("what was written before the deletion").containsExactly("a2");
            assertThat(f.next(3, TimeUnit.SECONDS)).as("waits for a new file, without failing").isFalse();

            append(log, "b1\nb2\n");
            assertThat(drain(f)).extracting(Line::text, Line::number)
                    .containsExactly(tuple("b1", 1L),
                            tuple("b2", 2L));
            assertThat(f.rotations()).isEqualTo(1);
        }
    }

    @Test
    void fileAppearsLater_isReadFromItsStart_evenWhenStartingAtTheEnd() throws Exception {
        try (FileFollower f = follow(log).start(FollowStart.END).open()) {
            assertThat(f.next(2, TimeUnit.SECONDS)).isFalse();

            append(log, "a1\na2\n");

            assertNextLines(f, "a1", "a2");
        }
    }

    @Test
    void startAtEnd_readsOnlyLinesCompletedAfterOpen_andTheLineInProgressWhole() throws Exception {
        try (FileFollower f = followFromEnd("a1\na2\npart")) {
            assertThat(f.next(2, TimeUnit.SECONDS)).isFalse();

            append(log, "ial\na3\n");

            List<Line> lines = drain(f);
            assertThat(lines).extracting(Line::text).containsExactly("partial", "a3");
            assertThat(lines).extracting(Line::number).as("lines before the end are counted").containsExactly(3L, 4L);
            assertThat(lines).extracting(Line::offset).containsExactly(6L, 14L);
        }
    }

    @Test
    void startAtEnd_ofAFileLargerThanTheScratchBuffer_countsEveryLineBefore() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            sb.append("line ").append(i).append('\n');
        }
        try (FileFollower f = followFromEnd(sb.toString())) {
            long size = Files.size(log);
            append(log, "new\n");
            assertThat(drain(f)).extracting(Line::text, Line::number, Line::offset)
                    .containsExactly(tuple("new", 20_001L, size));
        }
    }

    @Test
    void startAtBeginning_readsEveryLine_thenNewOnes() throws Exception {
        try (FileFollower f = followFromBeginning("a1\na2\n")) {
            assertNextLines(f, "a1", "a2");
            append(log, "a3\n");
            assertNextLines(f, "a3");
        }
    }

    @Test
    void resumeFromCheckpoint_sameContent_continuesAtTheOffsetWithLineNumbers() throws Exception {
        Line last;
        try (FileFollower f = followFromBeginning("a1\na2\n")) {
            List<Line> lines = drain(f);
            assertThat(texts(lines)).containsExactly("a1", "a2");
            last = lines.get(1);
        }
        append(log, "a3\na4\n");

        try (FileFollower f = resumeAfter(last, FollowStart.BEGINNING)) {
            List<Line> lines = drain(f);
            assertThat(lines).extracting(Line::text).containsExactly("a3", "a4");
            assertThat(lines).extracting(Line::number).containsExactly(3L, 4L);
            // the same file, its fingerprint grown with it: its head is now all 12 bytes
            assertThat(lines).extracting(Line::fingerprint)
                    .containsOnly(new Fingerprint(last.fingerprint().firstLineHash(), 12, lines.get(1).fingerprint().headHash()));
            assertThat(FileHead.of(Files.readAllBytes(log), 12).matches(last.fingerprint())).isTrue();
        }
    }

    @Test
    void resumeFromCheckpoint_fileReplacedMeanwhile_startsPerTheOption() throws Exception {
        Line last;
        try (FileFollower f = followFromBeginning("a1\na2\n")) {
            last = drain(f).get(1);
        }
        Files.move(log, rotated);
        append(log, "b1\nb2\nb3\n");

        try (FileFollower f = resumeAfter(last, FollowStart.BEGINNING)) {
            assertNextLines(f, "b1", "b2", "b3");
        }
        try (FileFollower f = resumeAfter(last, FollowStart.END)) {
            assertThat(f.next(1, TimeUnit.SECONDS)).isFalse();
            append(log, "b4\n");
            assertThat(drain(f)).extracting(Line::text, Line::number)
                    .containsExactly(tuple("b4", 4L));
        }
    }

    @Test
    void resumeFromCheckpoint_offsetNotAtALineStart_startsPerTheOption() throws Exception {
        Fingerprint fp;
        try (FileFollower f = followFromBeginning("a1\na2\n")) {
            fp = drain(f).get(0).fingerprint();
        }
        try (FileFollower f = follow(log).start(FollowStart.BEGINNING).resumeFrom(fp, 4, 1).open()) {
            assertNextLines(f, "a1", "a2");
        }
    }

    @Test
    void tooLongLine_writtenInPieces_comesOutOnceFlaggedWithItsSample() throws Exception {
        append(log, "a1\n");
        try (FileFollower f = follow(log).start(FollowStart.BEGINNING).maxLineBytes(64).open()) {
            assertNextLines(f, "a1");
            append(log, "x".repeat(100));
            assertThat(f.next(1, TimeUnit.SECONDS)).isFalse();
            append(log, "y".repeat(100));
            assertThat(f.next(1, TimeUnit.SECONDS)).isFalse();
            append(log, "\na2\n");

            List<Line> lines = drain(f);
            Fingerprint fp = lines.get(0).fingerprint();
            assertThat(lines).containsExactly(
                    new Line("x".repeat(64), 2, true, 3, 204, fp),
                    new Line("a2", 3, false, 204, 207, fp));
        }
    }

    @Test
    void tooLongLine_largerThanTheReadersBuffer_comesOutOnceAndTheNextLineIsIntact() throws Exception {
        int partBytes = 3 << 20;
        try (FileFollower f = followFromBeginning("a1\n" + "x".repeat(partBytes))) {
            assertNextLines(f, "a1");
            append(log, "y".repeat(partBytes) + "\nafter\n");

            List<Line> lines = drain(f);
            assertThat(lines).extracting(Line::text, Line::tooLong, Line::next).containsExactly(
                    tuple("x".repeat(LineReader.DEFAULT_MAX_LINE_BYTES), true, 3L + 2L * partBytes + 1),
                    tuple("after", false, 3L + 2L * partBytes + 7));
        }
    }

    @Test
    void awaitLines_thenReadingTheReader_givesRunsOfLinesWithBasesForCheckpoints() throws Exception {
        try (FileFollower f = followFromEnd("a1\na2\n")) {
            append(log, "a3\na4\n");
            assertThat(f.awaitLines(1, TimeUnit.SECONDS)).isTrue();
            LineReader r = f.reader();
            List<String> run = new ArrayList<>();
            long offset = -1;
            long number = -1;
            while (r.next()) {
                run.add(new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), ISO_8859_1));
                offset = f.offsetBase() + r.nextLineStreamOffset();
                number = f.lineNumberBase() + r.lineNumber();
            }
            assertThat(run).containsExactly("a3", "a4");
            assertThat(offset).isEqualTo(12);
            assertThat(number).isEqualTo(4);
            assertThat(f.awaitLines(1, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void wakeup_endsAWaitPromptly() throws Exception {
        try (FileFollower f = FileFollower.builder(log).pollInterval(Duration.ofMillis(20)).open()) {
            f.wakeup();
            assertThat(f.next(1, TimeUnit.MINUTES)).as("a wakeup before the wait ends it").isFalse();

            Thread waker = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                f.wakeup();
            });
            long start = System.nanoTime();
            waker.start();
            assertThat(f.next(1, TimeUnit.MINUTES)).isFalse();
            waker.join();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

            append(log, "a1\n");
            assertThat(f.next(10, TimeUnit.SECONDS)).as("following goes on after a wakeup").isTrue();
        }
    }

    @Test
    void fileHandles_theRotatedFileIsClosedAfterTheSwitch_andCloseReleasesTheLast() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc (Linux)");
        FileFollower f = followFromBeginning("a1\n");
        assertNextLines(f, "a1");
        assertThat(openHandles(fds, log)).isEqualTo(1);

        Files.move(log, rotated);
        append(log, "b1\n");
        assertNextLines(f, "b1");
        assertThat(openHandles(fds, rotated)).isZero();
        assertThat(openHandles(fds, log)).isEqualTo(1);

        f.close();
        assertThat(openHandles(fds, log)).isZero();
        assertThatThrownBy(() -> f.next(1, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    private static long openHandles(Path fds, Path file) throws IOException {
        String target = file.toRealPath().toString();
        try (Stream<Path> s = Files.list(fds)) {
            return s.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(target);
                } catch (IOException e) {
                    return false; // closed meanwhile (the listing's own handle)
                }
            }).count();
        }
    }

    @Test
    void directoryAtThePath_isAnIOExceptionNamingIt() throws Exception {
        Path d = Files.createDirectory(dir.resolve("logs"));
        assertThatThrownBy(() -> follow(d).open()).isInstanceOf(IOException.class)
                .hasMessageContaining(d.toString()).hasMessageContaining("not a regular file");
    }

    @Test
    void gzipFileAtThePath_isAnIOExceptionNamingIt() throws Exception {
        Path gz = dir.resolve("access.log");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a1\na2\n".getBytes(ISO_8859_1));
        }
        try (FileFollower f = follow(gz).start(FollowStart.BEGINNING).open()) {
            assertThatThrownBy(() -> f.next(1, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                    .hasMessageContaining(gz.toString()).hasMessageContaining("gzip");
        }
    }
}
