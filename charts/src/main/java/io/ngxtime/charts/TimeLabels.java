package io.ngxtime.charts;

import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Times of day as the log wrote them: in the zone offset the report carries, English names (the
 * locale is pinned so output does not depend on the machine).
 */
final class TimeLabels {
    static final Locale LOCALE = Locale.ENGLISH;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", LOCALE);
    private static final DateTimeFormatter DAY_TIME_SECONDS = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", LOCALE);
    private static final DateTimeFormatter DAY_TIME_SAME_YEAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", LOCALE);
    private static final DateTimeFormatter DAY_TIME_SECONDS_SAME_YEAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", LOCALE);

    private TimeLabels() {
    }

    /** {@code UTC} or {@code UTC+02:00}. */
    static String zone(int offsetSeconds) {
        return offsetSeconds == 0 ? "UTC" : "UTC" + ZoneOffset.ofTotalSeconds(offsetSeconds).getId();
    }

    static TimeZone timeZone(int offsetSeconds) {
        return TimeZone.getTimeZone(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    static OffsetDateTime at(long epochSecond, int offsetSeconds) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** The local date of an epoch second. */
    static LocalDate date(long epochSecond, int offsetSeconds) {
        return at(epochSecond, offsetSeconds).toLocalDate();
    }

    /** Epoch second of local midnight starting {@code date}. */
    static long midnight(LocalDate date, int offsetSeconds) {
        return date.atStartOfDay().toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /**
     * A range for a title: {@code Sat 10 Oct 2026 13:55 to 18:00 (UTC+02:00)}; the end's date is given
     * only when it is another day (its year only when another year), seconds for ranges under an hour.
     */
    static String range(long fromSecond, long toSecond, int offsetSeconds) {
        OffsetDateTime from = at(fromSecond, offsetSeconds);
        OffsetDateTime to = at(toSecond, offsetSeconds);
        boolean seconds = toSecond - fromSecond < 3600;
        String end;
        if (from.toLocalDate().equals(to.toLocalDate())) {
            end = (seconds ? TIME_SECONDS : TIME).format(to);
        } else if (from.getYear() == to.getYear()) {
            end = (seconds ? DAY_TIME_SECONDS_SAME_YEAR : DAY_TIME_SAME_YEAR).format(to);
        } else {
            end = (seconds ? DAY_TIME_SECONDS : DAY_TIME).format(to);
        }
        return (seconds ? DAY_TIME_SECONDS : DAY_TIME).format(from) + " to " + end + " (" + zone(offsetSeconds) + ")";
    }

    /** {@code Tue 14:03:12} (with the date when {@code withDate}). */
    static String moment(long epochSecond, int offsetSeconds, boolean withDate) {
        String pattern = withDate ? "EEE d MMM HH:mm:ss" : "EEE HH:mm:ss";
        return DateTimeFormatter.ofPattern(pattern, LOCALE).format(at(epochSecond, offsetSeconds));
    }

    /** {@code Mon 12 Oct}. */
    static String day(LocalDate date) {
        return DateTimeFormatter.ofPattern("EEE d MMM", LOCALE).format(date);
    }

    /** A {@link SimpleDateFormat} in the log's offset, for axis ticks. */
    static SimpleDateFormat format(String pattern, int offsetSeconds) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, LOCALE);
        f.setTimeZone(timeZone(offsetSeconds));
        return f;
    }

    /** A human duration: {@code 45 s}, {@code 7 min}, {@code 2 h}. */
    static String duration(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 2 * 3600 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 3600) {
            return String.format(LOCALE, "%.1f min", seconds / 60.0);
        }
        return String.format(LOCALE, seconds % 3600 == 0 ? "%.0f h" : "%.1f h", seconds / 3600.0);
    }
}
