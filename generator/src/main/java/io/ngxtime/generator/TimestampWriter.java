package io.ngxtime.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes instants the ways nginx does, in one fixed zone offset: {@code $time_local}
 * ({@code 10/Oct/2026:13:55:36 -0700}, English month abbreviations whatever the locale),
 * {@code $time_iso8601} ({@code 2026-10-10T13:55:36-07:00}), {@code $msec} ({@code 1791665736.123}) and
 * the error log's {@code 2026/10/10 13:55:36}. The text of the current second is cached, so consecutive
 * lines cost a copy. Not thread-safe.
 */
final class TimestampWriter {
    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);

    private final int offsetSeconds;
    private final byte[] offsetCompact;
    private final byte[] offsetColon;

    private long cachedSecond = Long.MIN_VALUE;
    private long cachedDay = Long.MIN_VALUE;
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private final LineBuffer local = new LineBuffer(32);
    private final LineBuffer iso = new LineBuffer(32);

    TimestampWriter(int offsetSeconds) {
        this.offsetSeconds = offsetSeconds;
        int abs = Math.abs(offsetSeconds);
        String sign = offsetSeconds < 0 ? "-" : "+";
        String hh = String.format(java.util.Locale.US, "%02d", abs / 3600);
        String mm = String.format(java.util.Locale.US, "%02d", abs / 60 % 60);
        this.offsetCompact = (sign + hh + mm).getBytes(StandardCharsets.US_ASCII);
        this.offsetColon = (sign + hh + ":" + mm).getBytes(StandardCharsets.US_ASCII);
    }

    private void at(long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000);
        if (s == cachedSecond) {
            return;
        }
        cachedSecond = s;
        long localSecond = s + offsetSeconds;
        long d = Math.floorDiv(localSecond, 86_400);
        int secondOfDay = Math.floorMod(localSecond, 86_400);
        if (d != cachedDay) {
            cachedDay = d;
            LocalDate date = LocalDate.ofEpochDay(d);
            year = date.getYear();
            month = date.getMonthValue();
            day = date.getDayOfMonth();
        }
        hour = secondOfDay / 3600;
        minute = secondOfDay / 60 % 60;
        second = secondOfDay % 60;

        local.clear();
        local.appendPadded(day, 2).append('/').append(MONTHS, (month - 1) * 3, month * 3).append('/')
                .appendPadded(year, 4).append(':').appendPadded(hour, 2).append(':').appendPadded(minute, 2)
                .append(':').appendPadded(second, 2).append(' ').append(offsetCompact);
        iso.clear();
        iso.appendPadded(year, 4).append('-').appendPadded(month, 2).append('-').appendPadded(day, 2).append('T')
                .appendPadded(hour, 2).append(':').appendPadded(minute, 2).append(':').appendPadded(second, 2)
                .append(offsetColon);
    }

    /** {@code 10/Oct/2026:13:55:36 -0700}. */
    void timeLocal(LineBuffer out, long epochMillis) {
        at(epochMillis);
        out.append(local);
    }

    /** {@code 2026-10-10T13:55:36-07:00}. */
    void timeIso8601(LineBuffer out, long epochMillis) {
        at(epochMillis);
        out.append(iso);
    }

    private long msecSecond = Long.MIN_VALUE;
    private final LineBuffer msecText = new LineBuffer(16);

    /** {@code 1791665736.123}. */
    void msec(LineBuffer out, long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000);
        if (s != msecSecond) {
            msecSecond = s;
            msecText.clear();
            msecText.appendLong(s).append('.');
        }
        out.append(msecText).appendPadded((int) Math.floorMod(epochMillis, 1000L), 3);
    }

    /** The error log's {@code 2026/10/10 13:55:36}. */
    void errorLogTime(LineBuffer out, long epochMillis) {
        at(epochMillis);
        out.appendPadded(year, 4).append('/').appendPadded(month, 2).append('/').appendPadded(day, 2).append(' ')
                .appendPadded(hour, 2).append(':').appendPadded(minute, 2).append(':').appendPadded(second, 2);
    }

    /**
     * A {@code $time_local} that no nginx writes, in one of four ways ({@code variant} modulo 4): the month
     * in capitals, hour 24, the offset missing, an ISO-8601 time instead.
     */
    void brokenTimeLocal(LineBuffer out, long epochMillis, int variant) {
        at(epochMillis);
        switch (Math.floorMod(variant, 4)) {
            case 0 -> {
                int start = out.length();
                out.append(local);
                out.bytes()[start + 4] = (byte) Character.toUpperCase(out.bytes()[start + 4]);
                out.bytes()[start + 5] = (byte) Character.toUpperCase(out.bytes()[start + 5]);
            }
            case 1 -> out.append(local.bytes(), 0, 12).append("24").append(local.bytes(), 14, local.length());
            case 2 -> out.append(local.bytes(), 0, 20);
            default -> out.append(iso);
        }
    }

    /** A {@code $time_iso8601} that no nginx writes: a space instead of {@code T}, or month 13. */
    void brokenTimeIso8601(LineBuffer out, long epochMillis, int variant) {
        at(epochMillis);
        int start = out.length();
        out.append(iso);
        if (Math.floorMod(variant, 2) == 0) {
            out.bytes()[start + 10] = ' ';
        } else {
            out.bytes()[start + 5] = '1';
            out.bytes()[start + 6] = '3';
        }
    }

    /** A {@code $msec} that no nginx writes: whole seconds without the fraction. */
    static void brokenMsec(LineBuffer out, long epochMillis) {
        out.appendLong(Math.floorDiv(epochMillis, 1000));
    }
}
