package io.ngxtime.cli.render;

import java.io.IOException;
import java.io.Writer;

/**
 * Wraps the prose lines of a report at a terminal's width, as it passes: a line wider than the width is broken
 * at its last space that fits (not before a unit or an arrow: "1.01 ms", "369 ms -> 67.6 ms" stay together where
 * they can), and goes on indented two columns more than the line began. Table rows (a line with
 * two or more runs of spaces after its indentation: aligned columns) and words wider than the width are left
 * whole: a broken row or a broken URL is worse than a long line. Colour sequences ({@code ESC [ ... m}) take no
 * columns and are never broken. Lines of the log itself go through {@link ProsePrintWriter#printlnVerbatim}, unbroken.
 * Only for a terminal: what goes to a pipe or a file keeps its lines.
 */
public final class ProseWrappingWriter extends Writer {
    private static final char ESC = 0x1b;
    private final Writer out;
    /** Asked once, when the first line is written (a terminal's width may take a process to learn). */
    private final java.util.function.IntSupplier widthSource;
    private int width;
    /** Whether control characters are escaped on the way in ({@link TerminalText#safeKeepingLayout}), before measuring. */
    private final boolean escapeControls;
    private final StringBuilder line = new StringBuilder(256);
    private final SurrogateCarry carry = new SurrogateCarry();

    /** @param width the columns a line may take (at least 20) */
    public ProseWrappingWriter(Writer out, int width) {
        this(out, () -> width, false);
    }

    /**
     * @param width          the columns a line may take (at least 20), asked when the first line is written
     * @param escapeControls escape every control character but line breaks and tabs as it comes (text ngxtime did not
     *                       write itself: file names, messages of the JDK), so that lines are measured as shown
     */
    public ProseWrappingWriter(Writer out, java.util.function.IntSupplier width, boolean escapeControls) {
        this.out = out;
        this.widthSource = width;
        this.escapeControls = escapeControls;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (escapeControls) {
            // per character, a pair split between two writes joined first: any split holds
            String safe = TerminalText.safeKeepingLayout(carry.take(new String(cbuf, off, len)));
            cbuf = safe.toCharArray();
            off = 0;
            len = cbuf.length;
        }
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                writePending();
                out.write('\n');
            } else {
                line.append(c);
            }
        }
    }

    /**
     * Writes {@code text} and a line break as they are, after what was written before: a line of the log itself,
     * whose columns a message counts, is never broken. {@link ProsePrintWriter#printlnVerbatim} calls it.
     */
    void writeVerbatimLine(String text) throws IOException {
        writeWholeLine(shown(text));
    }

    /**
     * Writes {@code text} and a line break, wrapped as prose but with its continuation lines indented {@code hanging}
     * columns at least: a message above a line of the log (indented less than that) is not read as part of it.
     * {@link ProsePrintWriter#printlnHanging} calls it.
     */
    void writeHangingLine(String text, int hanging) throws IOException {
        writeWholeLine(wrap(shown(text), width(), hanging));
    }

    /** {@code text} as it is shown: escaped when this writer escapes controls. */
    private String shown(String text) {
        return escapeControls ? TerminalText.safeKeepingLayout(text) : text;
    }

    /** Writes {@code lines} (ready to show) and a line break, after what was written before. */
    private void writeWholeLine(String lines) throws IOException {
        drainCarry();
        writePending();
        out.write(lines);
        out.write(System.lineSeparator());
    }

    /** Gives up a half pair held back, escaped: no other half is to come (a whole line follows, or the close). */
    private void drainCarry() {
        line.append(TerminalText.safeKeepingLayout(carry.drain()));
    }

    /** The columns a line may take, asked once, when the first line is written. */
    private int width() {
        if (width == 0) {
            width = Math.max(20, widthSource.getAsInt());
        }
        return width;
    }

    @Override
    public void flush() throws IOException {
        // a half pair held back stays held: the next write may bring its other half (SurrogateCarry#drain)
        writePending(); // a line flushed before its end is written as it is so far
        out.flush();
    }

    /** Writes the line gathered so far, wrapped, and starts a new one. */
    private void writePending() throws IOException {
        if (line.length() > 0) {
            out.write(wrap(line.toString(), width()));
            line.setLength(0);
        }
    }

    @Override
    public void close() throws IOException {
        drainCarry();
        flush();
        out.close();
    }

    /** {@code line} (without its line break) broken into lines of at most {@code width} columns where it is prose. */
    static String wrap(String line, int width) {
        return wrap(line, width, 0);
    }

    /** As {@link #wrap(String, int)}, the continuation lines indented {@code minHanging} columns at least. */
    static String wrap(String line, int width, int minHanging) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (TerminalColumns.width(text) <= width || isTableRow(text)) {
            return line;
        }
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
            indent++;
        }
        String hanging = " ".repeat(Math.min(Math.max(indent + 2, minHanging), width / 2));
        StringBuilder out = new StringBuilder(text.length() + 16);
        String rest = text;
        String prefix = "";
        while (true) {
            int limit = width - prefix.length();
            if (TerminalColumns.width(rest) <= limit) {
                out.append(prefix).append(rest);
                break;
            }
            int cut = lastSpaceWithin(rest, limit, prefix.isEmpty() ? indent : 0);
            if (cut < 0) {
                // a word wider than the line (a URL): whole, on a line of its own, and the rest wrapped after it
                cut = firstSpaceAfter(rest, prefix.isEmpty() ? indent : 0);
                if (cut < 0) {
                    out.append(prefix).append(rest);
                    break;
                }
            }
            out.append(prefix).append(rest, 0, cut).append('\n');
            int next = cut;
            while (next < rest.length() && rest.charAt(next) == ' ') {
                next++;
            }
            rest = rest.substring(next);
            prefix = hanging;
            if (rest.isEmpty()) {
                out.setLength(out.length() - 1);
                break;
            }
        }
        if (text.length() != line.length()) {
            out.append('\r');
        }
        return out.toString();
    }

    /**
     * The index of the last space (outside colour sequences, after {@code from}) at which the text before it
     * takes at most {@code columns}; -1 when there is none.
     */
    private static int lastSpaceWithin(String s, int columns, int from) {
        int visible = 0;
        int best = -1;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == ESC) {
                i = TerminalColumns.endOfSequence(s, i) + 1;
                continue;
            }
            if (c == ' ' && i > from && visible <= columns && !keepsWithWhatPrecedes(s, i + 1)) {
                best = i;
            }
            int cp = s.codePointAt(i);
            visible += TerminalColumns.columns(cp);
            if (visible > columns) {
                break;
            }
            i += Character.charCount(cp);
        }
        return best;
    }

    /** The index of the first space after the word that starts at or after {@code from}, or -1. */
    private static int firstSpaceAfter(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.indexOf(' ', i);
    }

    /** Words a line does not start with: a unit stays with its number, an arrow with what it leads from. */
    private static final java.util.Set<String> KEPT_WITH_PRECEDING = java.util.Set.of("ms", "s", "µs", "min", "h", "req",
            "req/s", "MB", "GB", "KB", "->");

    private static boolean keepsWithWhatPrecedes(String s, int wordStart) {
        int end = s.indexOf(' ', wordStart);
        String word = s.substring(wordStart, end < 0 ? s.length() : end);
        // a unit followed by punctuation ("ms," "s)") is still the unit
        while (!word.isEmpty() && ",.;:)".indexOf(word.charAt(word.length() - 1)) >= 0) {
            word = word.substring(0, word.length() - 1);
        }
        return KEPT_WITH_PRECEDING.contains(word);
    }

    /**
     * Whether the line has aligned columns: two or more runs of two or more spaces after its indentation (not
     * counting one before a parenthesis, which sets off a heading's note).
     */
    static boolean isTableRow(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int runs = 0;
        while (i < s.length()) {
            if (s.charAt(i) == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                // "Heading  (a note)": the report's headings set their notes off so, and a note is no column
                if (i < s.length() && s.charAt(i) != '(') {
                    runs++;
                }
            } else {
                i++;
            }
        }
        return runs >= 2;
    }
}
