package io.ngxtime.analyzer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTest {
    @TempDir
    Path dir;

    @Test
    void open_gzipIsRecognisedByItsBytes_whateverTheName() throws Exception {
        Path f = dir.resolve("access.log.1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = Input.file(f).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
        }
    }

    @Test
    void open_dashIsStandardInput() throws Exception {
        Input in = Input.of("-", new ByteArrayInputStream("x\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(in.isStdin()).isTrue();
        try (InputStream s = in.open()) {
            assertThat(s.readAllBytes()).hasSize(2);
        }
    }
}
