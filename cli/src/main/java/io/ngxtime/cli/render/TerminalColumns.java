package io.ngxtime.cli.render;

import org.jline.utils.WCWidth;

/**
 * Text measured in terminal columns, the one measure of every text table, the live views and the prose wrapping: a
 * CJK character or an emoji takes two columns, a combining mark or a control character none, and a colour sequence
 * ({@code ESC [ ... m}) none. Text from a log is made safe ({@link TerminalText#safe}) before it is measured or
 * clipped: an escaped control character takes the columns of its escape.
 */
public final class TerminalColumns {
    /** What ends a clipped cell. */
    public static final String ELLIPSIS = "…";
    private static final char ESC = 0x1b;

    private TerminalColumns() {
    }

    /** The columns {@code s} takes. */
    public static int width(CharSequence s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == ESC) {
                i = endOfSequence(s, i) + 1;
                continue;
            }
            int cp = Character.codePointAt(s, i);
            w += columns(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The columns one code point takes (none for one without a width of its own). */
    public static int columns(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    /**
     * {@code s} in at most {@code columns} columns: cut at the end, with "…" when cut; never in a character. For text
     * without colour sequences (text from a log is escaped first and has none): a sequence would be counted and cut.
     */
    public static String clip(String s, int columns) {
        if (width(s) <= columns) {
            return s;
        }
        if (columns <= 0) {
            return "";
        }
        return prefix(s, columns - 1) + ELLIPSIS;
    }

    /** {@code s} in at most {@code columns} columns: cut at the start ("…" then its end), for paths. */
    public static String clipStart(String s, int columns) {
        if (width(s) <= columns) {
            return s;
        }
        if (columns <= 0) {
            return "";
        }
        int w = 0;
        int i = s.length();
        while (i > 0) {
            int cp = Character.codePointBefore(s, i);
            int cw = columns(cp);
            if (w + cw > columns - 1) {
                break;
            }
            w += cw;
            i -= Character.charCount(cp);
        }
        return ELLIPSIS + s.substring(i);
    }

    /** {@code s} then spaces up to {@code columns} columns (nothing added when it takes as many or more). */
    public static String padEnd(String s, int columns) {
        int w = width(s);
        return w >= columns ? s : s + " ".repeat(columns - w);
    }

    /** {@code s} clipped to {@code columns}, then spaces up to {@code columns}: a left-aligned cell. */
    public static String cell(String s, int columns) {
        return padEnd(clip(s, columns), columns);
    }

    /** The longest start of {@code s} that takes at most {@code columns} columns. */
    private static String prefix(String s, int columns) {
        int w = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int cw = columns(cp);
            if (w + cw > columns) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** The index of the last character of the escape sequence starting at {@code at}. */
    static int endOfSequence(CharSequence s, int at) {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '[') {
            i++;
            while (i < s.length() && (s.charAt(i) < 0x40 || s.charAt(i) > 0x7e)) {
                i++;
            }
        }
        return Math.min(i, s.length() - 1);
    }
}
