package io.ngxtime.cli.dashboard;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WCWidth;

/**
 * Text measured in terminal columns (display width: a CJK character or an emoji takes two, a combining
 * mark none), so that a table lines up and no line is wider than the screen whatever came from the log.
 */
final class Cells {
    static final String ELLIPSIS = "…";

    private Cells() {
    }

    /** The columns {@code s} takes (characters without a width count as none). */
    static int width(CharSequence s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code s} in at most {@code columns} columns: cut at the end, with "…" when cut. */
    static String clip(String s, int columns) {
        if (width(s) <= columns) {
            return s;
        }
        if (columns <= 0) {
            return "";
        }
        return prefix(s, columns - 1) + ELLIPSIS;
    }

    /** {@code s} in at most {@code columns} columns: cut at the start ("…" then its end), for paths. */
    static String clipStart(String s, int columns) {
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
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > columns - 1) {
                break;
            }
            w += cw;
            i -= Character.charCount(cp);
        }
        return ELLIPSIS + s.substring(i);
    }

    /** The longest start of {@code s} that takes at most {@code columns} columns. */
    private static String prefix(String s, int columns) {
        int w = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > columns) {
                break;
            }
            w += cw;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** {@code s} clipped to {@code columns}, then spaces after it up to {@code columns}. */
    static String left(String s, int columns) {
        String c = clip(s, columns);
        return c + " ".repeat(columns - width(c));
    }

    /** {@code s} clipped to {@code columns}, after spaces up to {@code columns}. */
    static String right(String s, int columns) {
        String c = clip(s, columns);
        return " ".repeat(columns - width(c)) + c;
    }

    /** A line in at most {@code columns} columns: cut at the end, with "…" when cut. */
    static AttributedString fit(AttributedString line, int columns) {
        if (width(line) <= columns) {
            return line;
        }
        AttributedStringBuilder b = new AttributedStringBuilder();
        int w = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = Character.codePointAt(line, i);
            int n = Character.charCount(cp);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > columns - 1) {
                break;
            }
            b.append(line.subSequence(i, i + n));
            w += cw;
            i += n;
        }
        if (columns > 0) {
            b.append(ELLIPSIS);
        }
        return b.toAttributedString();
    }
}
