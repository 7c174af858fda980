package io.ngxtime.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempQueueTest {
    @TempDir
    Path root;

    /** A run's queue as a killed run leaves it: its cycle files and its lock file, which nobody locks any more. */
    private Path leftQueue(String name) throws Exception {
        Path dir = Files.createDirectory(root.resolve(name), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.write(dir.resolve("20261205-2250X.cq4"), new byte[4096]);
        Files.createFile(dir.resolve(TempQueue.LOCK_FILE));
        return dir;
    }

    @Test
    void aQueueWhoseRunIsGone_isRemovedByTheNextRun() throws Exception {
        Path left = leftQueue(TempQueue.PREFIX + "1234");

        assertThat(TempQueue.removeAbandoned(root, root)).isEqualTo(1);
        assertThat(left).doesNotExist();
    }

    @Test
    void aQueueWhoseRunLives_isKept_untilThatRunIsKilled() throws Exception {
        Path dir = leftQueue(TempQueue.PREFIX + "5678");
        // another process holds the lock, as a running report does; then it is killed with SIGKILL
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                dir.resolve(TempQueue.LOCK_FILE).toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThat(TempQueue.removeAbandoned(root, root)).isZero();
            assertThat(dir.resolve("20261205-2250X.cq4")).exists();
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(TempQueue.removeAbandoned(root, root)).isEqualTo(1);
        assertThat(dir).doesNotExist();
    }

    @Test
    void aQueueOthersMayEnter_isLeftAlone_forTheyCouldChangeItWhileItIsRemoved() throws Exception {
        Path open = leftQueue(TempQueue.PREFIX + "open");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(TempQueue.removeAbandoned(root, root)).isZero();
        assertThat(open.resolve("20261205-2250X.cq4")).exists();
    }

    @Test
    void aDirectoryWithoutALockFile_isLeftAlone() throws Exception {
        // an older ngxtime's queue, a queue being made (its lock file appears locked), or nothing of ours
        Path other = Files.createDirectory(root.resolve(TempQueue.PREFIX + "older"));
        Files.write(other.resolve("20261205-2250X.cq4"), new byte[16]);
        Path file = Files.write(root.resolve(TempQueue.PREFIX + "file"), new byte[16]);

        assertThat(TempQueue.removeAbandoned(root, root)).isZero();
        assertThat(other.resolve("20261205-2250X.cq4")).exists();
        assertThat(file).exists();
    }

    @Test
    void aQueueOfThisJvm_isNeverTakenForAbandoned_andGoesWhenClosed() throws Exception {
        Path dir;
        try (TempQueue queue = TempQueue.create()) {
            dir = queue.dir();
            assertThat(dir.resolve(TempQueue.LOCK_FILE)).isRegularFile();
            TempQueue.removeAbandoned(dir.getParent(), dir);
            TempQueue.removeAbandoned(dir.getParent(), dir);
            assertThat(dir).isDirectory();
            // still locked: a sweep that opened its lock file would have unlocked it (Linux drops a process's
            // locks on a file when any of its descriptors of that file closes)
            assertThat(probe(dir.resolve(TempQueue.LOCK_FILE))).isEqualTo("held");
        }
        assertThat(dir).doesNotExist();
    }

    /** What another process finds of the lock on {@code file}: "held" or "free". */
    private static String probe(Path file) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Prints whether the lock on the file named by its argument is held by another process. */
    public static final class LockProbe {
        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                System.out.println(channel.tryLock() == null ? "held" : "free");
            }
        }
    }

    /** Holds a lock on the file named by its argument until it is killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
