package io.ngxtime.analyzer.queue;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a record queue to keep ({@link RecordStore#applyRetention}): whole roll cycles older than an age,
 * or the oldest cycles beyond a size. What is kept is counted in whole cycles, so the queue keeps at least what
 * is asked for and at most one cycle more (an hour for a live queue, a day for one {@code ingest} made).
 */
public sealed interface Retention {
    /**
     * Whether the oldest cycle left goes: it ends (its span, wall clock) at {@code oldestEndMillis}, and the
     * queue's cycles hold {@code heldBytes} with it.
     */
    boolean dropsOldest(long oldestEndMillis, long heldBytes, long nowWallMillis);

    /**
     * Keep the cycles that hold a batch appended within {@code age} (wall clock) of now.
     *
     * @param age positive
     */
    record MaxAge(Duration age) implements Retention {
        public MaxAge {
            if (age == null || age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("a retention age must be positive, not " + age);
            }
        }

        /** Every batch of the cycle was appended more than {@code age} ago. */
        @Override
        public boolean dropsOldest(long oldestEndMillis, long heldBytes, long nowWallMillis) {
            return oldestEndMillis <= nowWallMillis - age.toMillis();
        }
    }

    /**
     * Keep the newest cycles whose bytes (as written, not the sparse files' apparent size) add up to at most
     * {@code bytes}; the cycles still needed are kept beyond it.
     *
     * @param bytes positive
     */
    record MaxBytes(long bytes) implements Retention {
        public MaxBytes {
            if (bytes <= 0) {
                throw new IllegalArgumentException("a retention size must be positive, not " + bytes + " bytes");
            }
        }

        @Override
        public boolean dropsOldest(long oldestEndMillis, long heldBytes, long nowWallMillis) {
            return heldBytes > bytes;
        }
    }

    /**
     * Parses a retention as a user writes it: an age ({@code 7d}, {@code 12h}, {@code 30m}) or a size
     * ({@code 500MB}, {@code 2GB}; KB, MB, GB and TB are powers of 1024, in either case; an age's unit is lower case,
     * so {@code 500M} is refused rather than read as minutes).
     *
     * @throws IllegalArgumentException naming the text and what is accepted, when it is neither, or zero
     */
    static Retention parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher age = Pattern.compile("(\\d{1,9})([dhm])").matcher(t); // lower case only: 500M is not 500 minutes
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            Duration d = switch (age.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
            if (n == 0) {
                throw new IllegalArgumentException("retention '" + text + "' keeps nothing: give a positive age or size");
            }
            return new MaxAge(d);
        }
        Matcher size = Pattern.compile("(\\d{1,12})([KMGT])B").matcher(t.toUpperCase(Locale.ROOT));
        if (size.matches()) {
            long n = Long.parseLong(size.group(1));
            int shift = switch (size.group(2)) {
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                default -> 40;
            };
            if (n == 0) {
                throw new IllegalArgumentException("retention '" + text + "' keeps nothing: give a positive age or size");
            }
            if (n > Long.MAX_VALUE >> shift) {
                throw new IllegalArgumentException("retention '" + text + "' is too large");
            }
            return new MaxBytes(n << shift);
        }
        throw new IllegalArgumentException("retention '" + text + "' is neither an age (7d, 12h, 30m: days, hours, "
                + "minutes) nor a size (500MB, 2GB: KB, MB, GB, TB)");
    }
}
