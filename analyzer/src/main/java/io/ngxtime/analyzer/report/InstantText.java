package io.ngxtime.analyzer.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * A request's time as ISO-8601 with the offset it was logged in: whole seconds without a fraction
 * ({@code 2026-10-09T15:58:19-07:00}), anything finer with exactly three fraction digits, the
 * millisecond resolution of {@code $msec} ({@code 15:58:19.760-07:00}, never {@code 15:58:19.76}, which
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes). A zero offset is {@code Z}, as there.
 */
public final class InstantText {
    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm:ss.SSS")
            .appendOffsetId()
            .toFormatter(Locale.ROOT);

    private InstantText() {
    }

    public static String iso(OffsetDateTime t) {
        return t.getNano() == 0 ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t) : MILLIS.format(t);
    }
}
