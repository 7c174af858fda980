package io.ngxtime.analyzer.ingest;

/** No candidate format parses enough of a file's first lines. The message names the closest one and its first mismatch. */
public class FormatDetectionException extends Exception {
    private static final long serialVersionUID = 1L;

    public FormatDetectionException(String message) {
        super(message);
    }
}
