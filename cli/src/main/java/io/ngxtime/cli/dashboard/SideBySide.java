package io.ngxtime.cli.dashboard;

import io.ngxtime.cli.render.TerminalColumns;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Two blocks in two columns (a wide terminal): as tall as the taller, each cut to the same number of lines. */
final class SideBySide implements Block {
    static final String GAP = "   ";
    private final Block left;
    private final Block right;
    private final int leftColumns;

    /** @param leftColumns the width of the left column: its lines are cut or padded to it */
    SideBySide(Block left, Block right, int leftColumns) {
        this.left = left;
        this.right = right;
        this.leftColumns = leftColumns;
    }

    @Override
    public int size() {
        return Math.max(left.size(), right.size());
    }

    @Override
    public int minimum() {
        return Math.max(left.minimum(), right.minimum());
    }

    @Override
    public List<AttributedString> lines(int max) {
        List<AttributedString> l = left.lines(max);
        List<AttributedString> r = right.lines(max);
        List<AttributedString> out = new ArrayList<>();
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            AttributedStringBuilder b = new AttributedStringBuilder();
            if (i < l.size()) {
                b.append(Cells.fit(l.get(i), leftColumns));
            }
            if (i < r.size()) {
                b.append(" ".repeat(Math.max(0, leftColumns - TerminalColumns.width(b))));
                b.append(GAP);
                b.append(r.get(i));
            }
            out.add(b.toAttributedString());
        }
        return out;
    }

    /** Whether {@link #lines} of {@code max} shows both blocks whole. */
    boolean whole(int max) {
        return left.size() <= max && right.size() <= max;
    }
}
