package io.ngxtime.analyzer.ingest;

/** Counters of one ingest run. Not thread-safe. */
public final class IngestStats {
    long lines;
    long parsed;
    long bytes;
    int inputs;

    public long lines() {
        return lines;
    }

    public long parsed() {
        return parsed;
    }

    public long bytes() {
        return bytes;
    }

    public int inputs() {
        return inputs;
    }
}
