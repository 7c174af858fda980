package io.ngxtime.analyzer;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.files.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A temporary directory for a run's record queue, deleted when closed or, if the JVM exits first (Ctrl-C),
 * by a shutdown hook. A run killed outright (kill -9, the OOM killer, a power cut) runs neither, and its queue
 * (about 60 MB per million lines) would stay in the temporary directory for good: so each queue holds a lock
 * on a file of its own ({@value #LOCK_FILE}) for as long as its run lives, which the kernel lets go when the
 * process dies however it dies, and every new temporary queue, once made, removes the queues whose lock it can
 * take. A queue being made is never taken for a dead one: its directory has no lock file until its lock is held.
 * Only this user's queues are looked at, as ngxtime makes them (a directory no one else may enter, holding this
 * user's lock file); a directory without a lock file (an older ngxtime's, or not ngxtime's) is left alone.
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
        try {
            return create(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary queue: " + IoErrorText.describe(e), e);
        }
    }

    /**
     * A temporary queue that only {@link #close} deletes, for a run that stops its writers first on every way
     * out, Ctrl-C included (tail): a shutdown hook would delete the queue under writers still running.
     *
     * @throws IOException when no temporary directory can be made
     */
    static TempQueue createClosedByOwner() throws IOException {
        return create(false);
    }

    /**
     * Makes the directory, locks it, then sweeps: in one critical section per JVM, so that no sweep of this JVM
     * ever opens (and so unlocks) the lock file of a queue of this JVM being made.
     */
    private static synchronized TempQueue create(boolean deleteAtExit) throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = null;
        FileChannel channel = null;
        try {
            dir = Files.createTempDirectory(root, PREFIX);
            LIVE.add(dir);
            channel = lock(dir);
            TempQueue queue = new TempQueue(dir, channel, deleteAtExit);
            removeAbandoned(root, dir);
            return queue;
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            if (dir != null) {
                TempDirectories.deleteTree(dir);
                LIVE.remove(dir);
            }
            throw e;
        }
    }

    /**
     * Locks a new lock file in {@code dir} under another name, then renames it: a lock file that can be seen is
     * always locked already. A file system that takes no lock (some network mounts) gets no lock file: the queue
     * works as before, and only the sweep of a later run cannot tell that it was abandoned.
     *
     * @return the locked channel, or null when the file system would not lock
     */
    private static FileChannel lock(Path dir) throws IOException {
        Path unlocked = dir.resolve(LOCK_FILE + ".new");
        FileChannel channel = FileChannel.open(unlocked, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            Files.deleteIfExists(unlocked);
            return null;
        }
        try {
            Files.move(unlocked, dir.resolve(LOCK_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        return channel;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process
        }
    }

    /**
     * Removes the temporary queues in {@code root} whose run is gone: those whose lock file no process holds a
     * lock on. Only queues as this user's runs make them are looked at: a directory owned by the same user as
     * {@code own} (this run's queue), that no one else may enter (mode 0700), holding a lock file of that user. No
     * other user can then change anything inside while it is removed, so the removal follows no link planted in
     * it. Best effort: a queue that cannot be looked at or removed is left as it is.
     *
     * @return how many were removed
     */
    static synchronized int removeAbandoned(Path root, Path own) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*")) {
            Object uid = Files.getAttribute(own, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            for (Path dir : entries) {
                Path lockFile = dir.resolve(LOCK_FILE);
                // LIVE after the lock file: a queue of this JVM is in LIVE before its lock file has that name
                if (isPrivateTo(dir, uid) && isOwnedBy(lockFile, uid) && !LIVE.contains(dir) && isAbandoned(lockFile)) {
                    TempDirectories.deleteTree(dir);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: what is left behind costs disk space, never a result
        }
        return removed;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private static boolean isPrivateTo(Path dir, Object uid) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !uid.equals(Files.getAttribute(dir, "unix:uid",
                LinkOption.NOFOLLOW_LINKS))) {
            return false;
        }
        return Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
    }

    private static boolean isOwnedBy(Path file, Object uid) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && uid.equals(Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    /** Whether no process holds the lock on {@code lockFile}. */
    private static boolean isAbandoned(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process's run holds it
            }
            lock.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false; // left alone
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        TempDirectories.deleteTree(dir);
        if (lockChannel != null) {
            closeQuietly(lockChannel); // after the tree is gone: nobody takes it for abandoned while it is removed
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
