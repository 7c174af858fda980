package io.ngxtime.cli.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer for a stream that may be a terminal and carries text ngxtime did not write itself (file
 * names, option values, messages of the JDK): every control character but line breaks and tabs is
 * escaped on the way through, as {@link TerminalText#safeKeepingLayout} does. Escaping is per
 * character (a surrogate pair split between two writes is joined first: {@link SurrogateCarry}), so it holds
 * however the text is split into writes. Not thread-safe beyond what the wrapped writer is.
 */
public final class TerminalSafeWriter extends FilterWriter {
    private final SurrogateCarry carry = new SurrogateCarry();

    public TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(new String(cbuf, off, len));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.substring(off, off + len));
    }

    @Override
    public void write(String str) throws IOException {
        out.write(TerminalText.safeKeepingLayout(carry.take(str)));
    }

    @Override
    public void close() throws IOException {
        out.write(TerminalText.safeKeepingLayout(carry.drain())); // half a pair that never got its other half: escaped
        out.close();
    }
}
