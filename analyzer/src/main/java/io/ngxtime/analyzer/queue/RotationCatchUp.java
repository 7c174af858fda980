package io.ngxtime.analyzer.queue;

import io.ngxtime.analyzer.source.FileFollower;
import io.ngxtime.analyzer.source.FileHead;
import io.ngxtime.analyzer.source.Fingerprint;
import io.ngxtime.analyzer.source.FollowListener;
import io.ngxtime.analyzer.source.Input;
import io.ngxtime.analyzer.source.RotatedFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the queue lacks of a followed log's rotated files ({@link RotatedFiles}), found by content and read
 * through the {@link QueueIngester}, which resumes each file from its checkpoint (decompressing and
 * skipping what was read, for one compressed since).
 *
 * <p>When following starts again on a queue that has read the log before ({@link #knowsLog}):
 * <ul>
 * <li>a rotated file with a checkpoint is read from it to its end (what was written to it while nothing
 *     followed it, and after the follower left it);</li>
 * <li>a rotated file without one is read whole when it was last written after the log was first
 *     followed into the queue ({@link SourceCheckpoint#followedSince}): it lived at the path while nothing
 *     read it. An older one is history from before the log was followed, and left alone. (This relies on
 *     rotation keeping a file's last-modified time, as rename, gzip, bzip2, xz and zstd do);</li>
 * <li>the file the follower has open, and copies of it, are left to the follower;</li>
 * <li>of a file and its compressed copy (being compressed now), only the plain one is read;</li>
 * <li>the file that was read last under the log's names, when found nowhere, is named
 *     ({@link FollowNotice.Vanished}).</li>
 * </ul>
 * The same runs whenever the follower moves to the next file, for a file that came and went within its
 * rotation grace. After a truncation in place (copytruncate), the rest of the content the log had is read
 * from logrotate's copy ({@link #afterTruncation}). Not thread-safe: runs on the following thread.
 */
final class RotationCatchUp {
    /** How often the rotated files are listed again when one was renamed while they were read. */
    private static final int PASSES = 3;

    private final QueueIngester ingester;
    private final Path log;
    private final Path logAbsolute;
    /** Test seam: runs after the rotated files were listed, before any is read (a rotation strikes there). */
    Runnable afterListing = () -> { };

    RotationCatchUp(QueueIngester ingester, Path log) {
        this.ingester = ingester;
        this.log = log;
        this.logAbsolute = log.toAbsolutePath().normalize();
    }

    /** A rotated file and its head (one with a complete first line). */
    private record Candidate(RotatedFiles.Rotated file, FileHead head) {
    }

    /**
     * Whether the queue has read this log before: a checkpoint taken under its path or one of its rotated
     * names, or one of its files' heads ({@code atPath}, the head of the file at the path, may be null).
     */
    boolean knowsLog(FileHead atPath) throws IOException {
        if (atPath != null && ingester.checkpoint(atPath) != null) {
            return true;
        }
        for (SourceCheckpoint c : ingester.checkpoints()) {
            if (isOfLog(c.path())) {
                return true;
            }
        }
        for (Candidate c : candidates(null, null)) {
            if (ingester.checkpoint(c.head()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads what the queue lacks of the rotated files (see the class comment).
     *
     * @param atStart whether the follower has opened the log but read nothing yet (else it just moved to
     *                the next file); only then is the file read last named if it is gone
     *
     * @throws IOException when the queue cannot take the lines (the reading is then stopped)
     */
    void catchUp(FileFollower follower, boolean atStart, BooleanSupplier cancelled, Consumer<FollowNotice> notices)
            throws IOException {
        List<Candidate> found = candidates(follower, notices);
        List<SourceCheckpoint> ofLog = new ArrayList<>();
        for (SourceCheckpoint c : ingester.checkpoints()) {
            if (isOfLog(c.path()) || matchesAny(c.fingerprint(), follower, found)) {
                ofLog.add(c);
            }
        }
        if (ofLog.isEmpty()) {
            return; // a log new to the queue: its rotated files are history from before it was followed
        }
        SourceCheckpoint last = null; // the file read last
        for (SourceCheckpoint c : ofLog) {
            last = c.isFollowedSince() ? last : c;
        }
        // after a switch the follower read the file it left to its end: that one being gone loses nothing
        if (atStart && last != null && !matchesAny(last.fingerprint(), follower, found)) {
            notices.accept(new FollowNotice.Vanished(last.path(), last.lines(), last.offset()));
        }
        FileTime unknownAfter = followedSince(ofLog, found);
        afterListing.run();
        for (int pass = 0; pass < PASSES && !found.isEmpty(); pass++) {
            boolean renamed = false;
            for (Candidate c : found) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
                SourceCheckpoint from = ingester.checkpoint(c.head()); // again: an earlier file may have been a copy
                if (from == null && (unknownAfter == null || c.file().lastModified().compareTo(unknownAfter) <= 0)) {
                    continue;
                }
                renamed |= read(c, from, cancelled, notices);
            }
            if (!renamed) {
                return;
            }
            found = candidates(follower, notices);
        }
    }

    /**
     * Since when the queue follows this log: a rotated file the queue has not seen that was last written
     * after that lived at the path while the log was followed (nothing read it: the follower was stopped,
     * or two rotations came within its grace); one written before is history. The earliest
     * {@link SourceCheckpoint#followedSince} note of the log; without one (queues before format 5, or a
     * log only ingested), the newest rotated file the queue has read stands in; null when there is neither
     * (no rotated file is read whole).
     */
    private FileTime followedSince(List<SourceCheckpoint> ofLog, List<Candidate> found) {
        long since = Long.MAX_VALUE;
        for (SourceCheckpoint c : ofLog) {
            if (c.isFollowedSince()) {
                since = Math.min(since, c.movedMillis());
            }
        }
        if (since != Long.MAX_VALUE) {
            return FileTime.fromMillis(since);
        }
        FileTime newestKnown = null;
        for (Candidate c : found) {
            FileTime t = c.file().lastModified();
            if (ingester.checkpoint(c.head()) != null && (newestKnown == null || t.compareTo(newestKnown) > 0)) {
                newestKnown = t;
            }
        }
        return newestKnown;
    }

    /**
     * Reads the rest of the content the log had before it was truncated in place from logrotate's copy of
     * it, and says what happened.
     */
    void afterTruncation(FollowListener.Truncation t, BooleanSupplier cancelled, Consumer<FollowNotice> notices)
            throws IOException {
        List<Candidate> copies = new ArrayList<>();
        for (Candidate c : candidates(null, null)) {
            if (c.head().matches(t.fingerprint())) {
                copies.add(c);
            }
        }
        // the plain copy first: a compressed one may be in the making
        copies.sort((a, b) -> Boolean.compare(a.file().compressed(), b.file().compressed()));
        String copy = null;
        long copyLines = 0;
        for (Candidate c : copies) {
            long n = ingest(c, cancelled, notices); // each from where the queue stands: a second copy adds nothing
            if (n >= 0 && (copy == null || n > 0)) {
                copy = c.file().path().toString();
            }
            copyLines += Math.max(0, n);
        }
        long seenUnread = Math.max(0, t.seenBytes() - t.readOffset());
        notices.accept(new FollowNotice.Truncated(t.path().toString(), t.readLines(), t.readOffset(), copy, copyLines,
                seenUnread));
    }

    /** Reads one candidate from its checkpoint (or whole); true when it was renamed meanwhile (list again). */
    private boolean read(Candidate c, SourceCheckpoint from, BooleanSupplier cancelled, Consumer<FollowNotice> notices)
            throws IOException {
        long n = ingest(c, cancelled, notices);
        if (n == RENAMED) {
            return true;
        }
        if (n > 0) {
            notices.accept(new FollowNotice.CaughtUp(c.file().path().toString(), from == null ? 0 : from.lines(), n));
        }
        return false;
    }

    /** What {@link #ingest} gives for a candidate renamed (or removed) since it was listed. */
    private static final long RENAMED = -2;
    /** What {@link #ingest} gives for a candidate that could not be read (a notice said why). */
    private static final long FAILED = -1;

    /** Lines read from the candidate (from its checkpoint, or whole), else {@link #RENAMED} or {@link #FAILED}. */
    private long ingest(Candidate c, BooleanSupplier cancelled, Consumer<FollowNotice> notices) throws IOException {
        try {
            // the name may have been given to another file since it was listed (logrotate shifting .1 to .2
            // and the log to .1): that one may be the file the follower reads, and must not be read twice
            long n = ingester.ingest(Input.file(c.file().path()), head -> sameFile(head, c.head()), cancelled);
            return n == QueueIngester.NOT_EXPECTED ? RENAMED : n;
        } catch (QueueIngester.AppendException e) {
            throw e; // the queue cannot take lines: stop, like any append
        } catch (NoSuchFileException e) {
            return RENAMED;
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return RENAMED;
            }
            notices.accept(new FollowNotice.Unreadable(c.file().path().toString(), e));
            return FAILED;
        }
    }

    /**
     * The rotated files with their heads, oldest first, without the file the follower reads (and copies of
     * it) and without a compressed copy of another candidate.
     */
    private List<Candidate> candidates(FileFollower follower, Consumer<FollowNotice> notices) throws IOException {
        List<Candidate> all = new ArrayList<>();
        for (RotatedFiles.Rotated r : RotatedFiles.of(log)) {
            if (follower != null && follower.isReading(r.path())) {
                continue;
            }
            FileHead head;
            try {
                head = head(r.path());
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                if (notices != null) {
                    notices.accept(new FollowNotice.Unreadable(r.path().toString(), e));
                }
                continue;
            }
            if (head.fingerprint() == null) {
                continue; // no complete line: nothing to read, nothing to identify it by
            }
            FileHead reading = follower == null ? null : follower.head();
            if (reading != null && sameFile(head, reading)) {
                continue;
            }
            all.add(new Candidate(r, head));
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            boolean copyOfAnother = false;
            for (Candidate o : all) {
                if (o != c && sameFile(c.head(), o.head()) && prefer(o, c)) {
                    copyOfAnother = true;
                    break;
                }
            }
            if (!copyOfAnother) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Of two candidates with the same content, whether {@code a} is read rather than {@code b}. */
    private static boolean prefer(Candidate a, Candidate b) {
        if (a.file().compressed() != b.file().compressed()) {
            return !a.file().compressed(); // a compressed copy may be half written
        }
        if (a.head().length() != b.head().length()) {
            return a.head().length() > b.head().length();
        }
        int byTime = a.file().lastModified().compareTo(b.file().lastModified());
        return byTime != 0 ? byTime > 0 : a.file().path().toString().compareTo(b.file().path().toString()) < 0;
    }

    /** Whether two heads are of one content, as it was then or grown since (one is the start of the other). */
    private static boolean sameFile(FileHead a, FileHead b) {
        return a.matches(b.fingerprint()) || b.matches(a.fingerprint());
    }

    /** Whether the follower's file or one of the candidates has the content {@code fp} was taken of. */
    private static boolean matchesAny(Fingerprint fp, FileFollower follower, List<Candidate> found) {
        if (follower.head() != null && follower.head().matches(fp)) {
            return true;
        }
        for (Candidate c : found) {
            if (c.head().matches(fp)) {
                return true;
            }
        }
        return false;
    }

    private static FileHead head(Path file) throws IOException {
        try (InputStream in = Input.file(file).open()) {
            return FileHead.read(in instanceof BufferedInputStream b ? b
                    : new BufferedInputStream(in, Fingerprint.MAX_BYTES + 1));
        }
    }

    /** Whether a checkpoint's recorded path names the log or one of its rotated files. */
    private boolean isOfLog(String recorded) {
        Path p;
        try {
            p = Path.of(recorded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return false;
        }
        if (p.getFileName() == null || !java.util.Objects.equals(p.getParent(), logAbsolute.getParent())) {
            return false;
        }
        String name = p.getFileName().toString();
        String logName = logAbsolute.getFileName().toString();
        return name.equals(logName) || RotatedFiles.isRotatedName(name, logName);
    }
}
