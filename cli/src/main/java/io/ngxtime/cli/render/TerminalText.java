package io.ngxtime.cli.render;

/**
 * Makes text from a log line safe to print on a terminal: control characters (including escape
 * sequences, C1 controls and Unicode format characters such as bidi overrides) become {@code \xHH}
 * or {@code \}{@code uHHHH}; format characters beyond the first 65,536 (the invisible tag characters
 * U+E0001 and U+E0020 to U+E007F, which can hide text in what looks like a plain path) become
 * {@code \}{@code UHHHHHHHH}. Judged per character, so a surrogate pair must not be split between two calls
 * ({@link SurrogateCarry} keeps a writer's pairs whole).
 */
public final class TerminalText {
    private static final String LINE_SEPARATOR = System.lineSeparator();

    private TerminalText() {
    }

    /** One line of text, every control character escaped (tabs and line breaks too). */
    public static String safe(String s) {
        if (s == null) {
            return "-";
        }
        return escape(s, false);
    }

    /**
     * Text of one or more lines, such as a message with a stack trace: like {@link #safe}, but the
     * platform's line separator and tabs are kept, so the layout holds while no escape sequence gets
     * through.
     */
    public static String safeKeepingLayout(String s) {
        if (s == null) {
            return "-";
        }
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLayout) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (Character.getType(cp) == Character.FORMAT) {
                    if (sb == null) {
                        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                    }
                    sb.append(String.format("\\U%08X", cp));
                } else if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (isUnsafe(c) && !(keepLayout && (c == '\t' || LINE_SEPARATOR.indexOf(c) >= 0))) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isUnsafe(char c) {
        int type = Character.getType(c);
        // a surrogate here is half of no pair: shown as what it is, never left for an encoder to join with another
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
