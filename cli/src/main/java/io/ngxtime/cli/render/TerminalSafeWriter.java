package io.ngxtime.cli.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer for a stream that may be a terminal and carries text ngxtime did not write itself (file
 * names, option values, messages of the JDK): every control character but line breaks and tabs is
 * escaped on the way through, as {@link TerminalText#safeKeepingLayout} does. Escaping is per
 * character, so it holds however the text is split into writes. Not thread-safe beyond what the
 * wrapped writer is.
 */
public final class TerminalSafeWriter extends FilterWriter {
    public TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(TerminalText.safeKeepingLayout(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(TerminalText.safeKeepingLayout(new String(cbuf, off, len)));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.write(TerminalText.safeKeepingLayout(str.substring(off, off + len)));
    }
}
