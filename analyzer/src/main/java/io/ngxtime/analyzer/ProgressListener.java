package io.ngxtime.analyzer;

/**
 * Told how far a run has read its inputs: a report run over files and an ingest run call it after each
 * batch of lines (about a thousand) and once at the end. Called from one thread at a time (not always
 * the caller's); it must return quickly, since reading waits for it.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores every event. */
    ProgressListener NONE = p -> { };

    void progress(Progress progress);

    /**
     * How far a run has read.
     *
     * @param bytesRead  bytes of lines read so far (decompressed)
     * @param totalBytes the inputs' size in the same unit ({@link InputSet#progressTotalBytes}), or -1 when
     *                   unknown (standard input, a compressed file)
     * @param linesRead  lines read so far, rejected ones included
     * @param done       whether this is the last event of the run
     */
    record Progress(long bytesRead, long totalBytes, long linesRead, boolean done) {
        /** The share read, 0 to 1, or -1 when the total is unknown. */
        public double fraction() {
            return totalBytes <= 0 ? -1 : Math.min(1, (double) bytesRead / totalBytes);
        }
    }
}
