package io.ngxtime.analyzer;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.files.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A temporary directory for a run's record queue, deleted when closed or, if the JVM exits first (Ctrl-C),
 * by a shutdown hook. A run killed outright (kill -9, the OOM killer, a power cut) runs neither, and its queue
 * (about 60 MB per million lines) would stay in the temporary directory for good: so each queue holds a lock
 * on a file of its own ({@value #LOCK_FILE}) for as long as its run lives, which the kernel lets go when the
 * process dies however it dies, and every new temporary queue first removes the queues whose lock it can take.
 * A queue being made is never taken for a dead one: its directory has no lock file until its lock is held.
 * A directory without a lock file (an older ngxtime's, or not ngxtime's) is left alone.
 */
final class TempQueue implements AutoCloseable {
    static final String PREFIX = "ngxtime-queue-";
    static final String LOCK_FILE = ".ngxtime-run.lock";
    /**
     * The queues of this JVM's runs, never opened by the sweep: on Linux closing any descriptor of a file lets go
     * of every lock the process holds on it, so looking at one's own lock file would unlock it.
     */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel lockChannel;
    private final Thread cleanup;

    private TempQueue(Path dir, FileChannel lockChannel, boolean deleteAtExit) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.cleanup = deleteAtExit ? new Thread(() -> TempDirectories.deleteTree(dir)) : null;
        if (cleanup != null) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
    }

    /** @throws UncheckedIOException when no temporary directory can be made (its one line as the message) */
    static TempQueue create() {
        return create(true);
    }

    /**
     * A temporary queue that only {@link #close} deletes, for a run that stops its writers first on every way
     * out, Ctrl-C included (tail): a shutdown hook would delete the queue under writers still running.
     *
     * @throws UncheckedIOException when no temporary directory can be made (its one line as the message)
     */
    static TempQueue createClosedByOwner() {
        return create(false);
    }

    private static TempQueue create(boolean deleteAtExit) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        removeAbandoned(root);
        Path dir = null;
        try {
            dir = Files.createTempDirectory(root, PREFIX);
            LIVE.add(dir);
            // locked under another name, then renamed: a lock file that can be seen is always locked already
            Path unlocked = dir.resolve(LOCK_FILE + ".new");
            FileChannel channel = FileChannel.open(unlocked, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                channel.lock();
                Files.move(unlocked, dir.resolve(LOCK_FILE), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new TempQueue(dir, channel, deleteAtExit);
        } catch (IOException e) {
            if (dir != null) {
                TempDirectories.deleteTree(dir);
                LIVE.remove(dir);
            }
            throw new UncheckedIOException("cannot create a temporary queue: " + IoErrorText.describe(e), e);
        }
    }

    /**
     * Removes the temporary queues in {@code root} whose run is gone: those whose lock file no process holds a
     * lock on. Best effort: a queue that cannot be looked at or removed is left as it is.
     *
     * @return how many were removed
     */
    static int removeAbandoned(Path root) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : entries) {
                if (!LIVE.contains(dir) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        && isAbandoned(dir.resolve(LOCK_FILE))) {
                    TempDirectories.deleteTree(dir);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: what is left behind costs disk space, never a result
        }
        return removed;
    }

    /** Whether no process holds the lock on {@code lockFile}, which exists (a regular file, not a link). */
    private static boolean isAbandoned(Path lockFile) {
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process's run holds it
            }
            lock.release();
            return true;
        } catch (IOException e) {
            return false; // not ours to open (another user's): left alone
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        TempDirectories.deleteTree(dir);
        try {
            lockChannel.close(); // after the tree is gone: nobody takes it for abandoned while it is removed
        } catch (IOException ignored) {
            // the lock goes with the channel, or with the process
        }
        LIVE.remove(dir);
        if (cleanup == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }
}
