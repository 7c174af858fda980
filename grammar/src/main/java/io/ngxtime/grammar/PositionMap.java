package io.ngxtime.grammar;

/** Maps an offset in a format text back to where that character was written. */
@FunctionalInterface
public interface PositionMap {
    /** The position of the character at {@code offset} (an offset equal to the length means "the end"). */
    SourcePosition at(int offset);

    /** Positions in a single-line text given on its own, for example on the command line. */
    static PositionMap singleLine(String source) {
        return offset -> new SourcePosition(source, 1, offset + 1);
    }
}
