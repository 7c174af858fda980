package io.ngxtime.cli.render;

/** What the CLI's tests ask of {@link ProseWrappingWriter} beyond its public face. */
public final class ProseWrappingWriterTestAccess {
    private ProseWrappingWriterTestAccess() {
    }

    public static int visibleWidth(String line) {
        return ProseWrappingWriter.visibleWidth(line);
    }
}
