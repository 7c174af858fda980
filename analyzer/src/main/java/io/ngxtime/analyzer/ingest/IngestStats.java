package io.ngxtime.analyzer.ingest;

/** Counters of one reading run. Not thread-safe. */
public final class IngestStats {
    long lines;
    long parsed;
    long bytes;
    int inputs;

    /** Lines read, empty ones included (they are rejected). */
    public long lines() {
        return lines;
    }

    /** Lines accepted by the parser. */
    public long parsed() {
        return parsed;
    }

    /** Lines not accepted. */
    public long rejected() {
        return lines - parsed;
    }

    /** Bytes read (decompressed). */
    public long bytes() {
        return bytes;
    }

    public int inputs() {
        return inputs;
    }

    /** Adds another reader's counts (parallel workers). */
    public void add(IngestStats o) {
        lines += o.lines;
        parsed += o.parsed;
        bytes += o.bytes;
        inputs += o.inputs;
    }
}
