package io.ngxtime.analyzer.source;

/** Where a {@link FileFollower} starts in the file it finds at its path when it opens. */
public enum FollowStart {
    /** After the last complete line: only lines completed from now on (like {@code tail -F -n 0}). */
    END,
    /** At offset 0: every line of the file, then new ones. */
    BEGINNING
}
