package io.ngxtime.analyzer.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Combined-format lines at chosen log times (whole seconds, +02:00), a unique path per line (/t/N): logs whose
 * rate over log time a test decides, whatever the wall clock does.
 */
public final class TimedLines {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    /** 2026-10-10T10:00:00+02:00, a whole minute. */
    public static final long LOG_START_MILLIS = 1_791_619_200_000L;

    private TimedLines() {
    }

    /** One line logged at {@code millis} (whole seconds kept), path /t/{@code id}, status 500 for every tenth id. */
    public static String line(long millis, long id) {
        String time = LOCAL.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.ofHours(2)));
        return "192.0.2." + (id % 250) + " - - [" + time + "] \"GET /t/" + id + " HTTP/1.1\" " + (id % 10 == 0 ? 500 : 200)
                + " 10 \"-\" \"test\"";
    }

    /**
     * {@code perSecond} lines in each second {@code fromSecond} to {@code toSecond - 1} after
     * {@link #LOG_START_MILLIS}; ids from {@code fromSecond * perSecond} on, so consecutive ranges do not repeat one.
     */
    public static List<String> steady(int fromSecond, int toSecond, int perSecond) {
        List<String> out = new ArrayList<>();
        for (int s = fromSecond; s < toSecond; s++) {
            for (int i = 0; i < perSecond; i++) {
                out.add(line(LOG_START_MILLIS + s * 1000L, (long) s * perSecond + i));
            }
        }
        return out;
    }

    public static void append(Path f, List<String> lines) throws IOException {
        Files.write(f, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    }
}
