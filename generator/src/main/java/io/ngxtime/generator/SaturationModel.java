package io.ngxtime.generator;

/**
 * The load of the {@link SaturatingBackend} and the slowdown it causes. Load is the backend's attempts in
 * the trailing {@value #WINDOW_SECONDS} seconds (the current one included), per second: a backend is slow
 * because it has been busy, and a minute's worth of history follows the daily rhythm closely enough that
 * a per-minute count of attempts sees the same rate. Not thread-safe; times must not go backwards by more
 * than the window.
 */
final class SaturationModel {
    static final int WINDOW_SECONDS = 60;

    private final int server;
    private final double kneeAttemptsPerSecond;
    private final int[] counts = new int[WINDOW_SECONDS];
    private final long[] secondOfSlot = new long[WINDOW_SECONDS];
    private long now;

    private SaturationModel(int server, double kneeAttemptsPerSecond) {
        this.server = server;
        this.kneeAttemptsPerSecond = kneeAttemptsPerSecond;
        java.util.Arrays.fill(secondOfSlot, Long.MIN_VALUE);
    }

    /** The model of {@code backend}, or one under which no server ever slows down. */
    static SaturationModel of(java.util.Optional<SaturatingBackend> backend) {
        return backend.map(b -> new SaturationModel(b.serverIndex(), b.kneeAttemptsPerSecond()))
                .orElseGet(() -> new SaturationModel(-1, Double.POSITIVE_INFINITY));
    }

    /** The time of the request being made. */
    void now(long timeMillis) {
        now = Math.floorDiv(timeMillis, 1000);
    }

    /** How many times longer than usual {@code server} takes to answer now (1 below the knee). */
    double slowdown(int atServer) {
        if (atServer != server) {
            return 1.0;
        }
        long sum = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (secondOfSlot[i] > now - WINDOW_SECONDS && secondOfSlot[i] <= now) {
                sum += counts[i];
            }
        }
        double load = (double) sum / WINDOW_SECONDS;
        return load <= kneeAttemptsPerSecond ? 1.0
                : 1.0 + SaturatingBackend.RISE_PER_KNEE * (load / kneeAttemptsPerSecond - 1.0);
    }

    /** Counts an attempt at {@code atServer} now. */
    void attempt(int atServer) {
        if (atServer != server) {
            return;
        }
        int slot = (int) Math.floorMod(now, (long) WINDOW_SECONDS);
        if (secondOfSlot[slot] != now) {
            secondOfSlot[slot] = now;
            counts[slot] = 0;
        }
        counts[slot]++;
    }
}
