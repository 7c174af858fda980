package io.ngxtime.analyzer.source;

import java.util.concurrent.TimeUnit;

/** {@link FollowClock} on {@link System#nanoTime()} and a monitor wait. Thread-safe. */
final class SystemFollowClock implements FollowClock {
    private final Object lock = new Object();
    private boolean woken;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void pause(long nanos) throws InterruptedException {
        long start = System.nanoTime();
        synchronized (lock) {
            long left = nanos;
            while (!woken && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                left = nanos - (System.nanoTime() - start);
            }
            woken = false;
        }
    }

    @Override
    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }
}
