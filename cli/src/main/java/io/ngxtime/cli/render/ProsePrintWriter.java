package io.ngxtime.cli.render;

import java.io.IOException;
import java.io.PrintWriter;

/** A {@link PrintWriter} over a {@link ProseWrappingWriter}, which can also write a line that is not to be wrapped. */
public final class ProsePrintWriter extends PrintWriter {
    private final ProseWrappingWriter wrapping;
    /** As {@link PrintWriter}'s own (which it keeps to itself): a verbatim line is flushed as a println is. */
    private final boolean autoFlush;

    public ProsePrintWriter(ProseWrappingWriter wrapping) {
        this(wrapping, false);
    }

    /** @param autoFlush flush at every {@code println} (as standard error's writer does) */
    public ProsePrintWriter(ProseWrappingWriter wrapping, boolean autoFlush) {
        super(wrapping, autoFlush);
        this.wrapping = wrapping;
        this.autoFlush = autoFlush;
    }

    /** Writes {@code text} on a line of its own, unbroken: a line of the log, whose columns messages count. */
    public void printlnVerbatim(String text) {
        writeLine(() -> wrapping.writeVerbatimLine(text));
    }

    /** A line written through the wrapping writer as a println would be: under the lock, flushed when asked to. */
    private interface LineWrite {
        void write() throws IOException;
    }

    private void writeLine(LineWrite line) {
        synchronized (lock) {
            try {
                line.write();
                if (autoFlush) {
                    wrapping.flush();
                }
            } catch (IOException e) {
                setError();
            }
        }
    }

    /**
     * Writes {@code text} on a line of its own, wrapped as prose with its continuation lines indented {@code hanging}
     * columns at least: the message above a line of the log, which is indented less, stays apart from it.
     */
    public void printlnHanging(String text, int hanging) {
        writeLine(() -> wrapping.writeHangingLine(text, hanging));
    }

    /** {@code text} on a line of its own; when {@code out} wraps prose, continued {@code hanging} columns in at least. */
    public static void printlnHanging(PrintWriter out, String text, int hanging) {
        if (out instanceof ProsePrintWriter prose) {
            prose.printlnHanging(text, hanging);
        } else {
            out.println(text);
        }
    }

    /** {@code text} on a line of its own, unbroken when {@code out} wraps prose. */
    public static void printlnVerbatim(PrintWriter out, String text) {
        if (out instanceof ProsePrintWriter prose) {
            prose.printlnVerbatim(text);
        } else {
            out.println(text);
        }
    }
}
