package io.ngxtime.analyzer.ingest;

/** An input that could not be read (fully): its name and one line saying why. */
public record InputError(String input, String message) {
    @Override
    public String toString() {
        return input + ": " + message;
    }
}
