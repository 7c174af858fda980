package io.ngxtime.cli.dashboard;

import io.ngxtime.cli.render.TerminalColumns;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Text measured in terminal columns (display width: a CJK character or an emoji takes two, a combining
 * mark none), so that a table lines up and no line is wider than the screen whatever came from the log.
 */
final class Cells {
    static final String ELLIPSIS = TerminalColumns.ELLIPSIS;

    private Cells() {
    }

    /** The columns {@code s} takes ({@link TerminalColumns#width}). */
    static int width(CharSequence s) {
        return TerminalColumns.width(s);
    }

    /** {@code s} in at most {@code columns} columns: cut at the end, with "…" when cut. */
    static String clip(String s, int columns) {
        return TerminalColumns.clip(s, columns);
    }

    /** {@code s} in at most {@code columns} columns: cut at the start ("…" then its end), for paths. */
    static String clipStart(String s, int columns) {
        return TerminalColumns.clipStart(s, columns);
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
            int cw = TerminalColumns.columns(cp);
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
