package io.ngxtime.cli.live;

import io.ngxtime.analyzer.files.IoErrorText;
import io.ngxtime.analyzer.queue.FollowNotice;
import io.ngxtime.cli.render.TerminalText;
import java.util.Locale;

/** The stderr line for each {@link FollowNotice} of {@code tail}: what was recovered, and what may be lost. */
public final class FollowNotices {
    private FollowNotices() {
    }

    public static String text(FollowNotice notice) {
        if (notice instanceof FollowNotice.CaughtUp n) {
            return n.fromLine() == 0
                    ? format("ngxtime: %s: read %,d lines of a rotated file the queue had not seen (written while tail was not running)",
                    safe(n.file()), n.lines())
                    : format("ngxtime: %s: read %,d lines after line %,d that the queue lacked (written after tail last read it)",
                    safe(n.file()), n.lines(), n.fromLine());
        }
        if (notice instanceof FollowNotice.Vanished n) {
            return format("ngxtime: warning: %s, which tail was reading when it stopped, is gone (not at the path, not among"
                    + " its rotated files): read up to line %,d (byte %,d); whatever was written to it after that was never"
                    + " read, and how much cannot be known", safe(n.file()), n.readLines(), n.readOffset());
        }
        if (notice instanceof FollowNotice.Truncated n) {
            if (n.copy() != null) {
                return format("ngxtime: %s was truncated in place (copytruncate) after line %,d; read %,d more lines from its"
                        + " copy %s; lines written between the copy and the truncation are lost to every reader",
                        safe(n.file()), n.readLines(), n.copyLines(), safe(n.copy()));
            }
            return format("ngxtime: warning: %s was truncated in place after line %,d (byte %,d) and no copy of it is among"
                    + " its rotated files: lines written to it after that were never read (%,d bytes were seen but not read)",
                    safe(n.file()), n.readLines(), n.readOffset(), n.seenUnreadBytes());
        }
        if (notice instanceof FollowNotice.Unreadable n) {
            return format("ngxtime: warning: %s: %s; the lines of it the queue lacks were not read",
                    safe(n.file()), safe(IoErrorText.describe(n.cause())));
        }
        if (notice instanceof FollowNotice.Waiting n) {
            return format("ngxtime: %s was removed (read to its end); waiting for a file at that path", safe(n.file()));
        }
        throw new IllegalArgumentException("unknown notice " + notice);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.US, pattern, args);
    }

    private static String safe(String s) {
        return TerminalText.safe(s);
    }
}
