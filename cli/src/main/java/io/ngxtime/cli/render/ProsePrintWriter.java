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
        synchronized (lock) {
            try {
                wrapping.writeVerbatimLine(text);
                if (autoFlush) {
                    wrapping.flush();
                }
            } catch (IOException e) {
                setError();
            }
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
