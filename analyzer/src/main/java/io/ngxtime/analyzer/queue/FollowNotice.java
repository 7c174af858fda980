package io.ngxtime.analyzer.queue;

/**
 * What following a log into the queue ({@link FollowIngester}) tells beyond its lines: where lines were
 * recovered, and where some may be lost. Data only; the command words it.
 */
public sealed interface FollowNotice {
    /**
     * Lines the queue lacked, read from a rotated file: written while nothing followed the log.
     *
     * @param file     the rotated file
     * @param fromLine the line of the file the queue held up to; 0 for a file it had never seen (read whole)
     * @param lines    lines read
     */
    record CaughtUp(String file, long fromLine, long lines) implements FollowNotice {
    }

    /**
     * The file being read when following last stopped is gone: not at the path, not among its rotated files
     * (deleted, or moved elsewhere). What was written to it after the position read was never read; how
     * much cannot be known any more.
     *
     * @param file       the name it was read under
     * @param readLines  lines read
     * @param readOffset bytes read
     */
    record Vanished(String file, long readLines, long readOffset) implements FollowNotice {
    }

    /**
     * The log was truncated in place (logrotate's copytruncate) and is read again from its start.
     *
     * @param file            the log
     * @param readLines       lines read before the truncation
     * @param readOffset      bytes read before the truncation
     * @param copy            the rotated file holding the content before the truncation, whose rest was read;
     *                        null when none was found (then the lines after {@code readLines} were not read)
     * @param copyLines       lines read from the copy
     * @param seenUnreadBytes bytes seen beyond those read before the truncation (a line being written): when
     *                        there is no copy, at least this much was never read
     */
    record Truncated(String file, long readLines, long readOffset, String copy, long copyLines, long seenUnreadBytes)
            implements FollowNotice {
    }

    /**
     * A rotated file that may hold lines the queue lacks could not be read, whole or from some point on
     * (what was read before the error is in the queue).
     *
     * @param file  the rotated file
     * @param cause why
     */
    record Unreadable(String file, java.io.IOException cause) implements FollowNotice {
    }

    /**
     * The log was removed (and read to its end): nothing is at its path, and following waits for a file
     * to appear there.
     */
    record Waiting(String file) implements FollowNotice {
    }
}
