package io.ngxtime.cli.render;

/**
 * Keeps a character written in two writes whole for {@link TerminalText}: a write that ends with the first half of
 * a surrogate pair gives that half to the next write, so that the pair is judged as the one character it is (an
 * invisible tag character is escaped however the text was split). Not thread-safe.
 */
final class SurrogateCarry {
    private char pending;

    /** {@code text} after the half kept from the last call, less its own last char when that is a pair's first half. */
    String take(String text) {
        String s = pending == 0 ? text : pending + text;
        pending = 0;
        if (!s.isEmpty() && Character.isHighSurrogate(s.charAt(s.length() - 1))) {
            pending = s.charAt(s.length() - 1);
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * The half kept back, given up ("" when none): when nothing more will follow it (a close, or a line written
     * whole after it). Not at a flush: the half would reach the encoder below, which keeps it and joins it with
     * the next write's other half, unescaped.
     */
    String drain() {
        String s = pending == 0 ? "" : String.valueOf(pending);
        pending = 0;
        return s;
    }
}
