package io.ngxtime.cli.render;

import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.charts.ChangeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text tables that fit a terminal: a table is laid out in full when its widest row fits the columns given, else in a
 * narrower layout with the same figures (decided on the rows as formatted, not on widths assumed: a count or a
 * change's text can be wider than its column). A pipe or a file is given {@link Integer#MAX_VALUE} columns and so
 * always gets the full layout.
 */
final class TableLayout {
    /** The narrowest a name column gets when it gives up width to make a table fit. */
    static final int NARROWEST_NAME = 16;

    private TableLayout() {
    }

    /** {@code rows} in {@code format} (a printf format ending in {@code %n}), one string per row. */
    static List<String> format(String format, List<Object[]> rows) {
        List<String> lines = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            lines.add(String.format(Locale.US, format, r));
        }
        return lines;
    }

    /** The columns the widest of {@code lines} takes (colour sequences none, the line end none). */
    static int width(List<String> lines) {
        int w = 0;
        for (String l : lines) {
            w = Math.max(w, TerminalColumns.width(l.stripTrailing()));
        }
        return w;
    }

    static boolean fits(List<String> lines, int columns) {
        return width(lines) <= columns;
    }

    /** {@code rows} in {@code full} when the widest fits {@code columns}, else in {@code narrow}. */
    static void fitting(List<Object[]> rows, String full, String narrow, int columns, PrintWriter out) {
        List<String> lines = format(full, rows);
        print(fits(lines, columns) ? lines : format(narrow, rows), out);
    }

    /**
     * {@code rows} (the first a header) in {@code full} when the widest fits {@code columns}; else each row's first
     * {@code split} cells in {@code first}, and under each row but the header the rest of its cells in {@code second}.
     */
    static void fullOrTwoLines(List<Object[]> rows, String full, String first, int split, String second, int columns,
                               PrintWriter out) {
        List<String> lines = format(full, rows);
        if (fits(lines, columns)) {
            print(lines, out);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            out.printf(Locale.US, first, java.util.Arrays.copyOfRange(r, 0, split));
            if (i > 0) {
                out.printf(Locale.US, second, java.util.Arrays.copyOfRange(r, split, r.length));
            }
        }
    }

    static void print(List<String> lines, PrintWriter out) {
        for (String l : lines) {
            out.print(l);
        }
    }

    /**
     * A table whose first column holds names: {@code figuresFormat} has a {@code %s} for the name, padded to the
     * name column's width by this method, then the figures. The name column gives up what the terminal lacks, down to
     * {@value #NARROWEST_NAME}, the names clipped with an ellipsis.
     */
    static List<String> named(String figuresFormat, int nameWidth, List<String> names, List<Object[]> figures, int columns) {
        List<String> lines = namedAt(figuresFormat, nameWidth, names, figures);
        int over = width(lines) - columns;
        if (over > 0 && nameWidth > NARROWEST_NAME) {
            lines = namedAt(figuresFormat, Math.max(NARROWEST_NAME, nameWidth - over), names, figures);
        }
        return lines;
    }

    private static List<String> namedAt(String figuresFormat, int nameWidth, List<String> names, List<Object[]> figures) {
        List<String> lines = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            Object[] args = new Object[figures.get(i).length + 1];
            args[0] = TerminalColumns.cell(names.get(i), nameWidth);
            System.arraycopy(figures.get(i), 0, args, 1, figures.get(i).length);
            lines.add(String.format(Locale.US, figuresFormat, args));
        }
        return lines;
    }

    /**
     * Changes of a comparison, named with {@code prefix} ({@code "upstream "}, {@code "route "}): name, before -> after
     * and the change on one line each when the widest fits, else each change's figures on a line of their own under
     * its name.
     */
    static void changes(List<Comparison.Change> changes, String prefix, boolean sameLength, int columns, PrintWriter out) {
        List<String[]> rows = new ArrayList<>(changes.size());
        List<String> lines = new ArrayList<>(changes.size());
        for (Comparison.Change ch : changes) {
            String[] r = {TerminalColumns.clip(TerminalText.safe(prefix + ch.subject() + " " + ch.metric()), 50),
                ChangeText.before(ch, sameLength), ChangeText.after(ch, sameLength), TerminalText.safe(ChangeText.change(ch))};
            rows.add(r);
            lines.add(String.format(Locale.US, "  %s %12s -> %12s  %s%n", TerminalColumns.padEnd(r[0], 50), r[1], r[2], r[3]));
        }
        if (fits(lines, columns)) {
            print(lines, out);
            return;
        }
        for (String[] r : rows) {
            out.printf(Locale.US, "  %s%n      %s -> %s  %s%n", (Object[]) r);
        }
    }
}
