package io.ngxtime.analyzer.testutil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Combined-format lines with a unique path per line (/p/N), for exactly-once checks. */
public final class Lines {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    public static final long START_MILLIS = 1_791_665_736_000L;

    private Lines() {
    }

    /** Line number n (0-based): one request per second from START, path /p/n. */
    public static String line(long n) {
        String time = LOCAL.format(Instant.ofEpochMilli(START_MILLIS + n * 1000).atOffset(ZoneOffset.ofHours(2)));
        return "192.0.2." + (n % 250) + " - - [" + time + "] \"GET /p/" + n + " HTTP/1.1\" " + (n % 10 == 0 ? 500 : 200)
                + " 10 \"-\" \"test\"";
    }

    public static List<String> range(long from, long to) {
        List<String> out = new ArrayList<>();
        for (long n = from; n < to; n++) {
            out.add(line(n));
        }
        return out;
    }

    public static void write(Path f, long from, long to) throws IOException {
        Files.write(f, range(from, to), StandardCharsets.UTF_8);
    }

    public static void append(Path f, long from, long to) throws IOException {
        Files.write(f, range(from, to), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND,
                java.nio.file.StandardOpenOption.CREATE);
    }

    public static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
    }

    /** Gzips {@code from} into {@code to} and keeps only the first half of the compressed bytes. */
    public static void truncatedGzip(Path from, Path to) throws IOException {
        gzip(from, to);
        byte[] all = Files.readAllBytes(to);
        Files.write(to, java.util.Arrays.copyOf(all, all.length / 2));
    }
}
