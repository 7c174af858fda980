package io.ngxtime.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * The generator's entry point: writes a realistic nginx access log for a {@link GeneratorConfig} and
 * returns its {@link GroundTruth}. The same configuration gives the same bytes on every run, JVM and
 * platform (gzip output aside, whose compressed bytes depend on the zlib in use; its content does not).
 *
 * <p>Lines are UTF-8 text for {@code escape=default}; with {@code escape=json} or {@code none} nginx
 * writes some bytes raw, and so does the generator, which is why the output is a byte stream rather than
 * a {@code Writer}. Lines end with {@code \n}. Roughly 1.5 µs of CPU a line, plain (see the package doc).
 */
public final class LogGenerator {
    private LogGenerator() {
    }

    /**
     * Writes the log to {@code out} (buffered internally; {@code out} is flushed, not closed).
     *
     * @throws IOException when {@code out} fails
     */
    public static GroundTruth generate(GeneratorConfig config, OutputStream out) throws IOException {
        return generate(config, out, LineListener.NONE);
    }

    /**
     * Writes the log to {@code file} (replacing it), gzip-compressed when {@code gzip} is set.
     *
     * @throws IOException when the file cannot be written
     */
    public static GroundTruth generate(GeneratorConfig config, Path file, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16)) {
            return generate(config, out);
        }
    }

    static GroundTruth generate(GeneratorConfig config, OutputStream out, LineListener listener) throws IOException {
        GroundTruth truth = new GenerationRun(config, out, listener).run();
        out.flush();
        return truth;
    }
}
