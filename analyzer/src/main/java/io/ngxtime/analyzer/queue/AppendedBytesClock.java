package io.ngxtime.analyzer.queue;

import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The clock of a temporary queue: it moves on by one roll cycle for every {@link #CYCLE_BYTES} appended, not
 * with the wall clock, so that a report's queue rolls every few megabytes however fast it is written. Chronicle
 * keeps a cycle file's pages mapped (and resident) until its appender and readers have moved past it; with a
 * cycle per day a report's resident memory grew with the whole queue (150 MB of mapped pages for 2M lines),
 * with this it stays at about two cycles' worth. The times it gives name the cycle files only: nothing reads
 * them as the log's time.
 */
final class AppendedBytesClock implements TimeProvider {
    /** Bytes of batches per roll cycle. */
    static final long CYCLE_BYTES = 8L << 20;

    private final long startMillis;
    private final long cycleMillis;
    private final long cycleBytes;
    private long appendedBytes;

    /** @param cycleMillis the length of the queue's roll cycle */
    AppendedBytesClock(long startMillis, long cycleMillis, long cycleBytes) {
        this.startMillis = startMillis - Math.floorMod(startMillis, cycleMillis);
        this.cycleMillis = cycleMillis;
        this.cycleBytes = cycleBytes;
    }

    /** Counts a batch appended (by the one appending thread). */
    void appended(int bytes) {
        appendedBytes += bytes;
    }

    @Override
    public long currentTimeMillis() {
        return startMillis + (appendedBytes / cycleBytes) * cycleMillis;
    }
}
