package io.ngxtime.cli.dashboard;

import io.ngxtime.cli.render.TerminalColumns;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * What {@link TerminalColumns} does not do for the dashboard: a styled line fitted to the screen, measured in terminal
 * columns.
 */
final class Cells {
    private Cells() {
    }

    /** A line in at most {@code columns} columns: cut at the end, with "…" when cut. */
    static AttributedString fit(AttributedString line, int columns) {
        if (TerminalColumns.width(line) <= columns) {
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
            b.append(TerminalColumns.ELLIPSIS);
        }
        return b.toAttributedString();
    }
}
