package io.ngxtime.grammar;

/** A place in a configuration source: a file name (or {@code <command line>}), a 1-based line and column. */
public record SourcePosition(String source, int line, int column) {
    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
