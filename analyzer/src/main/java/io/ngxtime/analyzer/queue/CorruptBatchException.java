package io.ngxtime.analyzer.queue;

/** A queue excerpt that is not a batch this version can read. */
public class CorruptBatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptBatchException(String message) {
        super(message);
    }
}
