package io.ngxtime.cli.dashboard;

import io.ngxtime.cli.render.TerminalColumns;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * One block of the dashboard: head lines (a title, column headers) and rows. Shown whole when it fits,
 * else cut to the rows that fit and a last line "… N more".
 */
final class Section implements Block {
    private final List<AttributedString> head;
    private final List<AttributedString> rows;
    private final String noun;
    private final AttributedStyle moreStyle;
    private final int hidden;

    /** @param noun what the rows are, for the line that says some were cut ({@code … 3 more upstreams}) */
    Section(List<AttributedString> head, List<AttributedString> rows, String noun, AttributedStyle moreStyle) {
        this.head = List.copyOf(head);
        this.rows = List.copyOf(rows);
        this.noun = noun;
        this.moreStyle = moreStyle;
        this.hidden = 0;
    }

    private Section(Section s, int hidden) {
        this.head = s.head;
        this.rows = s.rows;
        this.noun = s.noun;
        this.moreStyle = s.moreStyle;
        this.hidden = hidden;
    }

    /** The same, saying that {@code n} more rows exist than it holds (a table kept to its most rows). */
    Section withHidden(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("hidden rows must not be negative, was " + n);
        }
        return new Section(this, n);
    }

    /** Lines when shown whole (with its "more" line when it holds fewer rows than exist). */
    @Override
    public int size() {
        return head.size() + rows.size() + (hidden > 0 ? 1 : 0);
    }

    /** The fewest lines it is shown in without losing its head: the head and one row, and the "more" line. */
    @Override
    public int minimum() {
        return Math.min(size(), head.size() + 2);
    }

    /** At most {@code max} lines: whole, or cut with "… N more", or (below the minimum) what fits. */
    @Override
    public List<AttributedString> lines(int max) {
        if (size() <= max) {
            List<AttributedString> all = new ArrayList<>(head);
            all.addAll(rows);
            if (hidden > 0) {
                all.add(more(hidden));
            }
            return all;
        }
        if (max < minimum()) { // a tiny screen: what fits of the head, then of the rows, without a "more" line
            List<AttributedString> out = new ArrayList<>(head.subList(0, Math.max(0, Math.min(max, head.size()))));
            out.addAll(rows.subList(0, Math.max(0, Math.min(rows.size(), max - out.size()))));
            return out;
        }
        int shown = max - head.size() - 1;
        List<AttributedString> out = new ArrayList<>(head);
        out.addAll(rows.subList(0, shown));
        out.add(more(rows.size() - shown + hidden));
        return out;
    }

    private AttributedString more(int n) {
        return new AttributedString("  " + TerminalColumns.ELLIPSIS + " " + n + " more" + (noun.isEmpty() ? "" : " " + noun), moreStyle);
    }
}
