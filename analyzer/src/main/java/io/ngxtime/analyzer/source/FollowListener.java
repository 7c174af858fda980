package io.ngxtime.analyzer.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a {@link FileFollower} tells about the file it follows beyond its lines: the moments where lines
 * can be lost, so that a caller recovers them or says so. Called on the following thread, from within
 * {@link FileFollower#next} or {@link FileFollower#awaitLines}; an exception thrown here comes out of
 * that call.
 */
public interface FollowListener {
    /** Tells nothing. */
    FollowListener NONE = new FollowListener() {
    };

    /**
     * The followed file was truncated or its content replaced in place (logrotate's copytruncate) and is
     * read again from offset 0. Lines written after the last one read and before the truncation are not in
     * it any more: logrotate's copy may hold them (a caller with checkpoints reads its rest), and lines
     * written between the copy and the truncation are lost to every reader.
     */
    default void truncated(Truncation t) throws IOException {
    }

    /**
     * The followed file was left (renamed or deleted, and read to its end) and the file now at the path, if
     * any, opened. Another file may have come and gone at the path meanwhile (two rotations within the
     * rotation grace): a caller with checkpoints finds it among the rotated files.
     */
    default void rotated(Path path) throws IOException {
    }

    /** The followed file was left (renamed or deleted, read to its end) and nothing is at the path now. */
    default void waiting(Path path) throws IOException {
    }

    /**
     * Where reading stood in a file when it was found truncated.
     *
     * @param path        the followed path
     * @param fingerprint the content the file had (its copy, if logrotate made one, still has it)
     * @param readOffset  bytes read, up to the end of the last line handed out
     * @param readLines   lines handed out
     * @param seenBytes   the largest size the file was seen to have before (bytes beyond {@code readOffset}
     *                    were seen but not read: at most the line being written)
     */
    record Truncation(Path path, Fingerprint fingerprint, long readOffset, long readLines, long seenBytes) {
    }
}
