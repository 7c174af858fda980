package io.ngxtime.analyzer;

/**
 * Time as a {@link LiveSession} sees it: the wall clock (where a kept queue's window starts), a monotonic
 * clock (when an interval ends, when the session's duration is up) and the pause between looks at the
 * queue. Injected so that a test drives the intervals without waiting on real time.
 */
public interface LiveClock {
    /** Wall-clock milliseconds since the epoch. */
    long wallMillis();

    /** Monotonic nanoseconds (only differences mean anything). */
    long nanoTime();

    /** Waits about {@code millis} while no record is ready. */
    void pause(long millis) throws InterruptedException;

    /** Real time. */
    static LiveClock system() {
        return new LiveClock() {
            @Override
            public long wallMillis() {
                return System.currentTimeMillis();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void pause(long millis) throws InterruptedException {
                Thread.sleep(millis);
            }
        };
    }
}
