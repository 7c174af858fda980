package io.ngxtime.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempQueueTest {
    @TempDir
    Path root;

    /** A run's queue as a killed run leaves it: its cycle files and its lock file, which nobody locks any more. */
    private Path leftQueue(String name) throws Exception {
        Path dir = Files.createDirectory(root.resolve(name));
        Files.write(dir.resolve("20261205-2250X.cq4"), new byte[4096]);
        Files.createFile(dir.resolve(TempQueue.LOCK_FILE));
        return dir;
    }

    @Test
    void aQueueWhoseRunIsGone_isRemovedByTheNextRun() throws Exception {
        Path left = leftQueue(TempQueue.PREFIX + "1234");

        assertThat(TempQueue.removeAbandoned(root)).isEqualTo(1);
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

            assertThat(TempQueue.removeAbandoned(root)).isZero();
            assertThat(dir.resolve("20261205-2250X.cq4")).exists();
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(TempQueue.removeAbandoned(root)).isEqualTo(1);
        assertThat(dir).doesNotExist();
    }

    @Test
    void aDirectoryWithoutALockFile_isLeftAlone() throws Exception {
        // an older ngxtime's queue, a queue being made (its lock file appears locked), or nothing of ours
        Path other = Files.createDirectory(root.resolve(TempQueue.PREFIX + "older"));
        Files.write(other.resolve("20261205-2250X.cq4"), new byte[16]);
        Path file = Files.write(root.resolve(TempQueue.PREFIX + "file"), new byte[16]);

        assertThat(TempQueue.removeAbandoned(root)).isZero();
        assertThat(other.resolve("20261205-2250X.cq4")).exists();
        assertThat(file).exists();
    }

    @Test
    void aQueueOfThisJvm_isNeverTakenForAbandoned_andGoesWhenClosed() {
        Path dir;
        try (TempQueue queue = TempQueue.create()) {
            dir = queue.dir();
            assertThat(dir.resolve(TempQueue.LOCK_FILE)).isRegularFile();
            TempQueue.removeAbandoned(dir.getParent());
            TempQueue.removeAbandoned(dir.getParent()); // the first sweep must not have unlocked it either
            assertThat(dir).isDirectory();
        }
        assertThat(dir).doesNotExist();
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
