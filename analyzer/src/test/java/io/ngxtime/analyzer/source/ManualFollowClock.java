package io.ngxtime.analyzer.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FollowClock} whose pauses take no real time: each advances the clock, then runs the actions
 * that fell due (writes to the followed files at chosen moments). Single-threaded.
 */
final class ManualFollowClock implements FollowClock {
    private record Due(long atNanos, Action action) {
    }

    /** Something a scenario does to the file system at a moment. */
    interface Action {
        void run() throws Exception;
    }

    private final List<Due> due = new ArrayList<>();
    private long nowNanos;
    private long pauses;

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    @Override
    public void pause(long nanos) {
        pauses++;
        nowNanos += nanos;
        List<Due> ready = new ArrayList<>();
        due.removeIf(d -> d.atNanos() <= nowNanos && ready.add(d));
        for (Due d : ready) {
            try {
                d.action().run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void wake() {
    }

    /** Runs {@code action} during the first pause that reaches {@code afterMillis} from now. */
    void schedule(long afterMillis, Action action) {
        due.add(new Due(nowNanos + afterMillis * 1_000_000L, action));
    }

    long pauses() {
        return pauses;
    }
}
