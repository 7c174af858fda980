package io.ngxtime.analyzer.source;

/**
 * Time as a {@link FileFollower} sees it: a monotonic clock and a pause that {@link #wake()} can cut
 * short. Injected so that tests run rotation grace periods and timeouts without real waiting.
 */
interface FollowClock {
    /** Monotonic nanoseconds (only differences mean anything). */
    long nanoTime();

    /**
     * Waits about {@code nanos}, or less after {@link #wake()} (also a wake that came just before the
     * pause began). Returning early for no reason is allowed.
     */
    void pause(long nanos) throws InterruptedException;

    /** Ends the current or the next pause early. Thread-safe. */
    void wake();

    /** Real time. */
    static FollowClock system() {
        return new SystemFollowClock();
    }
}
