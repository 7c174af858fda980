package io.ngxtime.analyzer;

/**
 * Time as a {@link LiveSession} sees it: the wall clock (when each batch of lines was read, which with the
 * lines' timestamps makes the log's time advance while it is quiet), a monotonic clock (when an interval ends,
 * when the session's duration is up) and the pause between looks at the queues. Injected so that a test drives
 * the intervals without waiting on real time. {@link #wallMillis()} is also read on the following threads: it
 * must be thread-safe.
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
