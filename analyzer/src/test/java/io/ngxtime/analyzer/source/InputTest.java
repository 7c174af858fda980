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
    void open_bzip2XzAndZstd_areDecompressed() throws Exception {
        byte[] text = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        Path bz = dir.resolve("a.log.bz2");
        try (OutputStream out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(Files.newOutputStream(bz))) {
            out.write(text);
        }
        Path xz = dir.resolve("a.log.xz");
        try (OutputStream out = new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(Files.newOutputStream(xz))) {
            out.write(text);
        }
        Path zst = dir.resolve("a.log.zst");
        try (OutputStream out = new io.airlift.compress.zstd.ZstdOutputStream(Files.newOutputStream(zst))) {
            out.write(text);
        }
        for (Path p : new Path[] {bz, xz, zst}) {
            try (InputStream in = Input.file(p).open()) {
                assertThat(in.readAllBytes()).as(p.toString()).isEqualTo(text);
            }
        }
    }

    @Test
    void open_truncatedGzip_failsWithAnIOExceptionAfterWhatCouldBeRead() throws Exception {
        Path f = dir.resolve("t.log.gz");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 20_000; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = bytes.toByteArray();
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        try (InputStream in = Input.file(f).open()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.transferTo(got)).isInstanceOf(java.io.IOException.class);
        }
        assertThat(got.size()).isPositive();
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
